//! MinHash signatures of word-shingle sets and LSH banding.
//!
//! Each shingle is hashed once to 64 bits and folded to 32; permutation `i` is
//! then the cheap multiply-xorshift `π_i(h) = v ^ (v >> 15)` with
//! `v = (h ^ a_i) · m_i mod 2³²` and a random odd `m_i`. The shingle hash is
//! already uniform, so one universal multiply per permutation is enough, and the
//! inner loop is four 32-bit instructions per (shingle, permutation) that
//! vectorise eight lanes wide (AVX2, chosen at run time) — no per-permutation
//! re-hashing of the shingle text, which is where datasketch spends its time.
//!
//! Stored signatures keep 16 bits of a re-hash of each minimum ("b-bit
//! MinHash", b = 16): two different minima then agree with probability 2⁻¹⁶,
//! which biases a Jaccard estimate by at most 0.00002, and a 128-value signature
//! takes 256 bytes. (The minimum itself is small, so its *top* bits would not
//! be uniform; re-hashing first matters.) Band keys use the full 32-bit minima.

use serde::{Deserialize, Serialize};

use crate::tokens::{combine, mix64};

/// The permutation family of one MinHash configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MinHasher {
    xors: Vec<u32>,
    mults: Vec<u32>,
}

impl MinHasher {
    /// `num_perm` permutations drawn deterministically from `seed`.
    pub fn new(num_perm: usize, seed: u64) -> Self {
        let mut state = seed;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            mix64(state)
        };
        let xors = (0..num_perm).map(|_| next() as u32).collect();
        let mults = (0..num_perm).map(|_| (next() as u32) | 1).collect();
        MinHasher { xors, mults }
    }

    pub fn num_perm(&self) -> usize {
        self.xors.len()
    }

    /// 32-bit minima of the permuted shingle hashes into `out`
    /// (`u32::MAX` everywhere for an empty set).
    pub fn signature(&self, shingles: &[u64], out: &mut Vec<u32>) {
        out.clear();
        out.resize(self.xors.len(), u32::MAX);
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked just above); the function
                // is plain safe Rust compiled with that target feature enabled.
                unsafe { signature_avx2(&self.xors, &self.mults, shingles, out) };
                return;
            }
        }
        signature_portable(&self.xors, &self.mults, shingles, out);
    }
}

/// Shingle-major order: the permutation loop over equal-length arrays is
/// branch-free and auto-vectorises (multiply, xor, shift, min).
#[inline(always)]
fn signature_portable(xors: &[u32], mults: &[u32], shingles: &[u64], out: &mut [u32]) {
    let n = out.len().min(xors.len()).min(mults.len());
    let (xors, mults, out) = (&xors[..n], &mults[..n], &mut out[..n]);
    for &h in shingles {
        let h = (h >> 32) as u32 ^ h as u32;
        for i in 0..n {
            let v = (h ^ xors[i]).wrapping_mul(mults[i]);
            let v = v ^ (v >> 15);
            out[i] = out[i].min(v);
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn signature_avx2(xors: &[u32], mults: &[u32], shingles: &[u64], out: &mut [u32]) {
    signature_portable(xors, mults, shingles, out)
}

/// Reduce full minima to the stored 16-bit form (a re-hash of each minimum).
pub fn compact(sig: &[u32]) -> Box<[u16]> {
    sig.iter()
        .map(|&v| (mix64(v as u64) >> 48) as u16)
        .collect()
}

/// Jaccard estimate from two compact signatures (share of equal positions,
/// corrected for the 2⁻¹⁶ chance of equal truncated values).
pub fn estimate_jaccard(a: &[u16], b: &[u16]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64;
    let chance = 1.0 / 65536.0;
    ((eq - chance) / (1.0 - chance)).clamp(0.0, 1.0)
}

/// Band keys of a stored (compact) signature: one 32-bit hash of each run of
/// `rows` values. Keys come from the stored form so the index can be rebuilt
/// from it after loading; two different minima agree in 16 bits with
/// probability 2⁻¹⁶, and a band needs all its rows to agree, so this adds no
/// measurable candidates. (32-bit keys suffice: a chance key collision only
/// adds a candidate, which the Jaccard estimate then rejects.)
pub fn band_keys(sig: &[u16], bands: usize, rows: usize, out: &mut Vec<u32>) {
    out.clear();
    for b in 0..bands {
        let mut h = b as u64;
        for &v in &sig[b * rows..(b + 1) * rows] {
            h = combine(h, v as u64);
        }
        out.push((mix64(h) >> 32) as u32);
    }
}

/// Hashes of the `k`-word shingles of a word-hash sequence (one shingle of all
/// words when there are fewer than `k`; none for no words).
pub fn shingles(word_hashes: &[u64], k: usize, out: &mut Vec<u64>) {
    out.clear();
    if word_hashes.is_empty() {
        return;
    }
    let k = k.max(1);
    if word_hashes.len() < k {
        out.push(mix64(word_hashes.iter().fold(0, |h, &w| combine(h, w))));
        return;
    }
    for win in word_hashes.windows(k) {
        out.push(mix64(win.iter().fold(0, |h, &w| combine(h, w))));
    }
}

/// Probability that two sets of Jaccard `s` share at least one of `b` bands of `r` rows.
pub fn collision_probability(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    // Composite Simpson; the integrands are smooth polynomials.
    let n = 200;
    let h = (b - a) / n as f64;
    let mut s = f(a) + f(b);
    for i in 1..n {
        let x = a + i as f64 * h;
        s += if i % 2 == 1 { 4.0 } else { 2.0 } * f(x);
    }
    s * h / 3.0
}

/// Bands and rows minimising the weighted false-positive area below the
/// threshold plus the false-negative area above it: the same search as
/// datasketch's `MinHashLSH` (`_optimal_param`), so both index the same way.
pub fn optimal_bands(
    threshold: f64,
    num_perm: usize,
    fp_weight: f64,
    fn_weight: f64,
) -> (usize, usize) {
    let mut best = (1, num_perm.max(1));
    let mut best_err = f64::INFINITY;
    for b in 1..=num_perm {
        for r in 1..=num_perm / b {
            let fp = integrate(|s| collision_probability(s, b, r), 0.0, threshold);
            let fnr = integrate(|s| 1.0 - collision_probability(s, b, r), threshold, 1.0);
            let err = fp * fp_weight + fnr * fn_weight;
            if err < best_err {
                best_err = err;
                best = (b, r);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optimal_bands_match_datasketch() {
        // datasketch 2.0: MinHashLSH(threshold=0.8, num_perm=128) -> (9, 13);
        // threshold=0.5 -> (10, 6)? we only pin the common default.
        assert_eq!(optimal_bands(0.8, 128, 0.5, 0.5), (9, 13));
    }

    #[test]
    fn estimate_tracks_true_jaccard() {
        let mh = MinHasher::new(256, 7);
        // |A ∩ B| = 600, |A ∪ B| = 1000 -> J = 0.6
        let a: Vec<u64> = (0..800u64).map(mix64).collect();
        let b: Vec<u64> = (200..1000u64).map(mix64).collect();
        let (mut sa, mut sb) = (Vec::new(), Vec::new());
        mh.signature(&a, &mut sa);
        mh.signature(&b, &mut sb);
        let j = estimate_jaccard(&compact(&sa), &compact(&sb));
        assert!((j - 0.6).abs() < 0.08, "estimate {j}");
        let mut sc = Vec::new();
        mh.signature(&a, &mut sc);
        assert_eq!(sa, sc);
    }

    #[test]
    fn shingles_of_short_and_long() {
        let mut out = Vec::new();
        shingles(&[1, 2], 5, &mut out);
        assert_eq!(out.len(), 1);
        shingles(&[1, 2, 3, 4, 5, 6], 5, &mut out);
        assert_eq!(out.len(), 2);
        shingles(&[], 5, &mut out);
        assert!(out.is_empty());
    }
}
