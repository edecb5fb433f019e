//! A BERT encoder in plain Rust: embeddings, `num_hidden_layers` transformer
//! layers and mean pooling. Only inference, only what sentence encoders of the
//! MiniLM/BERT family need (absolute positions, one segment).
//!
//! Why not a tensor library: a batch here is a few dozen short sentences, and
//! a general library spends as long on its own bookkeeping (a fresh tensor per
//! operation, padding every sentence to the longest, a scalar `erf` per GELU
//! input) as on the arithmetic. Here:
//! - the tokens of a batch are one matrix with no padding: the dense layers
//!   work token by token, and attention runs sentence by sentence, so padding
//!   is never computed and needs no mask;
//! - every matrix product is one call of the `gemm-f32` kernels (AVX-512 or
//!   AVX2/FMA, picked at run time), with bias and residual folded into it;
//! - GELU and softmax use a vectorisable `exp` (and `erf` built on it), exact
//!   to better than 1e-6, against 1e-4 for the whole vector in the reference test.

use gemm_common::Parallelism;
use rayon::prelude::*;
use safetensors::{Dtype, SafeTensors};
use serde::Deserialize;

/// The fields of a Hugging Face `config.json` the encoder is built from.
#[derive(Debug, Clone, Deserialize)]
pub struct BertConfig {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
    #[serde(default = "default_hidden_act")]
    pub hidden_act: String,
    #[serde(default = "default_position_embedding_type")]
    pub position_embedding_type: String,
}

fn default_hidden_act() -> String {
    "gelu".into()
}

fn default_position_embedding_type() -> String {
    "absolute".into()
}

impl BertConfig {
    /// Refuses what this encoder does not implement, rather than computing nonsense.
    pub fn check(&self) -> Result<(), String> {
        if self.hidden_act != "gelu" {
            return Err(format!("hidden_act {:?} is not supported (only gelu)", self.hidden_act));
        }
        if self.position_embedding_type != "absolute" {
            return Err(format!(
                "position_embedding_type {:?} is not supported (only absolute)",
                self.position_embedding_type
            ));
        }
        if self.num_attention_heads == 0 || !self.hidden_size.is_multiple_of(self.num_attention_heads) {
            return Err(format!(
                "hidden_size {} is not a multiple of num_attention_heads {}",
                self.hidden_size, self.num_attention_heads
            ));
        }
        if self.type_vocab_size == 0 {
            return Err("type_vocab_size is 0".into());
        }
        Ok(())
    }
}

/// A weights file that does not hold what the configuration describes.
#[derive(Debug, thiserror::Error)]
pub enum WeightsError {
    #[error("not a safetensors file: {0}")]
    Format(String),
    #[error("tensor {name}: missing")]
    Missing { name: String },
    #[error("tensor {name}: shape {found:?}, expected {expected:?}")]
    Shape { name: String, found: Vec<usize>, expected: Vec<usize> },
    #[error("tensor {name}: dtype {found}, only F32 is read")]
    Dtype { name: String, found: String },
}

/// The weights file, with the name prefix its tensors carry (`bert.` or none).
struct Weights<'a> {
    tensors: SafeTensors<'a>,
    prefix: &'static str,
}

impl Weights<'_> {
    /// The tensor `name` as row-major f32, checked against `shape`.
    fn get(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, WeightsError> {
        let full = format!("{}{name}", self.prefix);
        let view = self.tensors.tensor(&full).map_err(|_| WeightsError::Missing { name: full.clone() })?;
        if view.dtype() != Dtype::F32 {
            return Err(WeightsError::Dtype { name: full, found: format!("{:?}", view.dtype()) });
        }
        if view.shape() != shape {
            return Err(WeightsError::Shape { name: full, found: view.shape().to_vec(), expected: shape.to_vec() });
        }
        Ok(view.data().chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
    }

    fn norm(&self, name: &str, width: usize, eps: f32) -> Result<Norm, WeightsError> {
        Ok(Norm {
            weight: self.get(&format!("{name}.weight"), &[width])?,
            bias: self.get(&format!("{name}.bias"), &[width])?,
            eps,
        })
    }

    /// A linear layer; several stacked ones (query, key, value) become one
    /// whose outputs follow each other.
    fn dense(&self, names: &[String], inputs: usize, outputs: usize) -> Result<Dense, WeightsError> {
        let mut weight = Vec::with_capacity(names.len() * outputs * inputs);
        let mut bias = Vec::with_capacity(names.len() * outputs);
        for name in names {
            weight.extend(self.get(&format!("{name}.weight"), &[outputs, inputs])?);
            bias.extend(self.get(&format!("{name}.bias"), &[outputs])?);
        }
        Ok(Dense { weight, bias, inputs, outputs: names.len() * outputs })
    }
}

/// Layer normalisation over each row.
struct Norm {
    weight: Vec<f32>,
    bias: Vec<f32>,
    eps: f32,
}

impl Norm {
    fn apply(&self, rows: &mut [f32]) {
        let width = self.weight.len();
        for row in rows.chunks_exact_mut(width) {
            let mean = row.iter().sum::<f32>() / width as f32;
            let variance = row.iter().map(|x| (x - mean) * (x - mean)).sum::<f32>() / width as f32;
            let scale = 1.0 / (variance + self.eps).sqrt();
            for ((x, w), b) in row.iter_mut().zip(&self.weight).zip(&self.bias) {
                *x = (*x - mean) * scale * w + b;
            }
        }
    }
}

/// A linear layer, weights `[outputs, inputs]` row-major as Hugging Face stores them.
struct Dense {
    weight: Vec<f32>,
    bias: Vec<f32>,
    inputs: usize,
    outputs: usize,
}

impl Dense {
    /// `input · weightᵀ + bias`, plus `residual` when given (same shape as the output).
    fn apply(&self, input: &[f32], residual: Option<&[f32]>) -> Vec<f32> {
        let rows = input.len() / self.inputs;
        let mut out = match residual {
            Some(r) => {
                let mut out = r.to_vec();
                for row in out.chunks_exact_mut(self.outputs) {
                    row.iter_mut().zip(&self.bias).for_each(|(x, b)| *x += b);
                }
                out
            }
            None => self.bias.repeat(rows),
        };
        debug_assert_eq!(out.len(), rows * self.outputs);
        // SAFETY: `out` is rows × outputs, `input` rows × inputs and `weight`
        // outputs × inputs, all row-major and alive for the call; the strides
        // below stay inside them. `weight` read with swapped strides is its
        // transpose.
        unsafe {
            product(
                rows,
                self.outputs,
                self.inputs,
                out.as_mut_ptr(),
                1,
                self.outputs as isize,
                true,
                input.as_ptr(),
                1,
                self.inputs as isize,
                self.weight.as_ptr(),
                self.inputs as isize,
                1,
                1.0,
                1.0,
                Parallelism::Rayon(0),
            );
        }
        out
    }
}

/// `dst = alpha·dst + beta·lhs·rhs` (`alpha` read only with `read_dst`) on
/// strided `f32` matrices: m × n = (m × k)(k × n), each given by its column
/// and row strides. The `gemm-f32` crate alone, not the `gemm` umbrella: that
/// one compiles the kernels of four more number types this encoder never uses.
/// Like the umbrella, a row-major destination is computed as the transposed
/// product, which the kernels prefer.
///
/// # Safety
/// Every pointer must address its whole matrix under the given strides, all
/// strides positive, and `dst` must not overlap `lhs` or `rhs`.
#[allow(clippy::too_many_arguments)]
unsafe fn product(
    m: usize,
    n: usize,
    k: usize,
    dst: *mut f32,
    dst_cs: isize,
    dst_rs: isize,
    read_dst: bool,
    lhs: *const f32,
    lhs_cs: isize,
    lhs_rs: isize,
    rhs: *const f32,
    rhs_cs: isize,
    rhs_rs: isize,
    alpha: f32,
    beta: f32,
    parallelism: Parallelism,
) {
    let kernel = gemm_f32::gemm::f32::get_gemm_fn();
    // SAFETY: the caller's contract; (A·B)ᵀ = Bᵀ·Aᵀ is the same memory with
    // the strides swapped.
    unsafe {
        if dst_cs.abs() < dst_rs.abs() {
            kernel(
                n, m, k, dst, dst_rs, dst_cs, read_dst, rhs, rhs_rs, rhs_cs, lhs, lhs_rs,
                lhs_cs, alpha, beta, false, false, false, parallelism,
            )
        } else {
            kernel(
                m, n, k, dst, dst_cs, dst_rs, read_dst, lhs, lhs_cs, lhs_rs, rhs, rhs_cs,
                rhs_rs, alpha, beta, false, false, false, parallelism,
            )
        }
    }
}

struct Layer {
    /// Query, key and value in one product: each token's row is `[q | k | v]`.
    query_key_value: Dense,
    attention_output: Dense,
    attention_norm: Norm,
    intermediate: Dense,
    output: Dense,
    output_norm: Norm,
}

/// The encoder: token ids in, one unit vector per sequence out.
pub struct BertEncoder {
    hidden: usize,
    heads: usize,
    max_positions: usize,
    words: Vec<f32>,
    positions: Vec<f32>,
    /// The one segment's embedding (token type 0).
    segment: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
}

impl BertEncoder {
    /// Builds the encoder from a safetensors file with weights named as in
    /// Hugging Face `BertModel` (`embeddings.*`, `encoder.layer.N.*`), with or
    /// without a `bert.` prefix.
    pub fn load(safetensors: &[u8], config: &BertConfig) -> Result<Self, WeightsError> {
        let tensors = SafeTensors::deserialize(safetensors).map_err(|e| WeightsError::Format(e.to_string()))?;
        let prefix = if tensors.tensor("bert.embeddings.word_embeddings.weight").is_ok() { "bert." } else { "" };
        let weights = Weights { tensors, prefix };
        let hidden = config.hidden_size;
        let inner = config.intermediate_size;
        let eps = config.layer_norm_eps as f32;
        let segments = weights.get("embeddings.token_type_embeddings.weight", &[config.type_vocab_size, hidden])?;
        let layers = (0..config.num_hidden_layers)
            .map(|i| {
                let at = |name: &str| format!("encoder.layer.{i}.{name}");
                Ok(Layer {
                    query_key_value: weights.dense(
                        &[at("attention.self.query"), at("attention.self.key"), at("attention.self.value")],
                        hidden,
                        hidden,
                    )?,
                    attention_output: weights.dense(&[at("attention.output.dense")], hidden, hidden)?,
                    attention_norm: weights.norm(&at("attention.output.LayerNorm"), hidden, eps)?,
                    intermediate: weights.dense(&[at("intermediate.dense")], hidden, inner)?,
                    output: weights.dense(&[at("output.dense")], inner, hidden)?,
                    output_norm: weights.norm(&at("output.LayerNorm"), hidden, eps)?,
                })
            })
            .collect::<Result<Vec<_>, WeightsError>>()?;
        Ok(BertEncoder {
            hidden,
            heads: config.num_attention_heads,
            max_positions: config.max_position_embeddings,
            words: weights.get("embeddings.word_embeddings.weight", &[config.vocab_size, hidden])?,
            positions: weights.get("embeddings.position_embeddings.weight", &[config.max_position_embeddings, hidden])?,
            segment: segments[..hidden].to_vec(),
            embedding_norm: weights.norm("embeddings.LayerNorm", hidden, eps)?,
            layers,
        })
    }

    /// Mean-pooled, L2-normalised vectors of a batch of id sequences (ids past
    /// the vocabulary and tokens past the longest position are dropped, so a
    /// bad input never reads outside the tables).
    pub fn mean_pooled(&self, sequences: &[Vec<u32>]) -> Vec<Vec<f32>> {
        let width = self.hidden;
        let vocabulary = self.words.len() / width;
        let sequences: Vec<Vec<usize>> = sequences
            .iter()
            .map(|s| s.iter().map(|&id| id as usize).filter(|&id| id < vocabulary).take(self.max_positions).collect())
            .collect();
        let lengths: Vec<usize> = sequences.iter().map(Vec::len).collect();
        let mut hidden: Vec<f32> = Vec::with_capacity(lengths.iter().sum::<usize>() * width);
        for sequence in &sequences {
            for (position, &id) in sequence.iter().enumerate() {
                let word = &self.words[id * width..(id + 1) * width];
                let place = &self.positions[position * width..(position + 1) * width];
                hidden.extend(word.iter().zip(place).zip(&self.segment).map(|((w, p), s)| w + p + s));
            }
        }
        self.embedding_norm.apply(&mut hidden);
        for layer in &self.layers {
            hidden = self.layer(layer, &hidden, &lengths);
        }
        let mut start = 0;
        lengths
            .iter()
            .map(|&len| {
                let rows = &hidden[start * width..(start + len) * width];
                start += len;
                let mut mean = vec![0f32; width];
                for row in rows.chunks_exact(width) {
                    mean.iter_mut().zip(row).for_each(|(m, x)| *m += x);
                }
                let norm = mean.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
                mean.iter_mut().for_each(|m| *m /= norm);
                mean
            })
            .collect()
    }

    fn layer(&self, layer: &Layer, hidden: &[f32], lengths: &[usize]) -> Vec<f32> {
        let qkv = layer.query_key_value.apply(hidden, None);
        let context = self.attention(&qkv, lengths);
        let mut attended = layer.attention_output.apply(&context, Some(hidden));
        layer.attention_norm.apply(&mut attended);
        let mut expanded = layer.intermediate.apply(&attended, None);
        // BERT's "gelu" is the exact erf form, not the tanh approximation.
        expanded.par_chunks_mut(4096).for_each(gelu_in_place);
        let mut out = layer.output.apply(&expanded, Some(&attended));
        layer.output_norm.apply(&mut out);
        out
    }

    /// Self-attention of each sequence on its own: `softmax(q·kᵀ/√d)·v` per
    /// head, the heads side by side in the output row.
    fn attention(&self, qkv: &[f32], lengths: &[usize]) -> Vec<f32> {
        let width = self.hidden;
        let head = width / self.heads;
        let scale = 1.0 / (head as f32).sqrt();
        let mut context = vec![0f32; qkv.len() / 3];
        // Each sequence's rows of the output, and where its rows start in `qkv`.
        let mut parts: Vec<(&mut [f32], usize)> = Vec::with_capacity(lengths.len());
        let mut rest = context.as_mut_slice();
        let mut start = 0;
        for &len in lengths {
            let (mine, tail) = rest.split_at_mut(len * width);
            parts.push((mine, start));
            rest = tail;
            start += len;
        }
        parts.into_par_iter().for_each(|(out, start)| {
            let len = out.len() / width;
            if len == 0 {
                return;
            }
            let rows = &qkv[start * 3 * width..(start + len) * 3 * width];
            let mut scores = vec![0f32; len * len];
            for h in 0..self.heads {
                let q = rows[h * head..].as_ptr();
                let k = rows[width + h * head..].as_ptr();
                let v = rows[2 * width + h * head..].as_ptr();
                let stride = 3 * width as isize;
                // SAFETY: q, k and v point at this head's columns of `len`
                // rows of `rows` (row stride 3 × width, `head` columns each);
                // `scores` is len × len and `out` len × width, of which this
                // head writes its `head` columns.
                unsafe {
                    product(
                        len,
                        len,
                        head,
                        scores.as_mut_ptr(),
                        1,
                        len as isize,
                        false,
                        q,
                        1,
                        stride,
                        k,
                        stride,
                        1,
                        0.0,
                        scale,
                        Parallelism::None,
                    );
                }
                scores.chunks_exact_mut(len).for_each(softmax_in_place);
                unsafe {
                    product(
                        len,
                        head,
                        len,
                        out[h * head..].as_mut_ptr(),
                        1,
                        width as isize,
                        false,
                        scores.as_ptr(),
                        1,
                        len as isize,
                        v,
                        1,
                        stride,
                        0.0,
                        1.0,
                        Parallelism::None,
                    );
                }
            }
        });
        context
    }
}

/// Defines `$name(&mut [f32])` running `$body` compiled for the widest
/// vectors the CPU has (AVX-512, else AVX2 with FMA, else the build's
/// baseline): the crate is built for any x86-64, whose baseline is 4 lanes.
macro_rules! widest_vectors {
    ($(#[$doc:meta])* fn $name:ident($xs:ident) $body:block) => {
        $(#[$doc])*
        fn $name($xs: &mut [f32]) {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f")]
                fn avx512($xs: &mut [f32]) $body
                #[target_feature(enable = "avx2,fma")]
                fn avx2($xs: &mut [f32]) $body
                if std::arch::is_x86_feature_detected!("avx512f") {
                    // SAFETY: the CPU has just been seen to have AVX-512F.
                    return unsafe { avx512($xs) };
                }
                if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
                    // SAFETY: the CPU has just been seen to have AVX2 and FMA.
                    return unsafe { avx2($xs) };
                }
            }
            $body
        }
    };
}

widest_vectors! {
    /// GELU of every element.
    fn gelu_in_place(xs) {
        xs.iter_mut().for_each(|x| *x = gelu(*x));
    }
}

widest_vectors! {
    /// Softmax of one row of attention scores.
    fn softmax_in_place(row) {
        let max = row.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
        row.iter_mut().for_each(|x| *x = exp(*x - max));
        let sum: f32 = row.iter().sum();
        row.iter_mut().for_each(|x| *x /= sum);
    }
}

/// `x · Φ(x)` with the exact normal CDF, through [`erf`].
#[inline(always)]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function: Abramowitz and Stegun 7.1.26 (absolute error below
/// 1.5e-7 in exact arithmetic, 5e-7 in f32), branch-free so a loop over it
/// vectorises.
#[inline(always)]
fn erf(x: f32) -> f32 {
    let a = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let poly = t * (0.254_829_6 + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152 + t * 1.061_405_4))));
    (1.0 - poly * exp(-a * a)).copysign(x)
}

/// `eˣ` for f32, branch-free: `x = n·ln2 + r` with |r| ≤ ln2/2, a degree-6
/// polynomial for `eʳ` and `2ⁿ` put into the exponent bits. Relative error
/// about 2e-7; inputs are clamped to where the result is a normal float
/// (below that it returns about 1e-38, which every use here takes as 0).
#[inline(always)]
fn exp(x: f32) -> f32 {
    let x = x.clamp(-87.0, 88.0);
    // Round to nearest by adding and taking away 1.5·2²³ (a call of `round`
    // would keep the loop from vectorising).
    const ROUNDER: f32 = 12_582_912.0;
    let shifted = x * std::f32::consts::LOG2_E + ROUNDER;
    let n = shifted - ROUNDER;
    // ln2 in two parts, so n·ln2 is exact enough for large n.
    let r = x - n * 0.693_145_75 - n * 1.428_606_8e-6;
    let p = 1.0 + r * (1.0 + r * (0.5 + r * (0.166_666_67 + r * (0.041_666_668 + r * (0.008_333_334 + r * 0.001_388_889)))));
    // n itself sits in the low bits of `shifted`; taking it from there rather
    // than by `as i32` (which checks for NaN and saturates) keeps it vectorised.
    let n_bits = shifted.to_bits().wrapping_sub(ROUNDER.to_bits());
    p * f32::from_bits(n_bits.wrapping_add(127) << 23)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_erf_match_the_standard_library() {
        let mut worst_exp = 0f64;
        let mut worst_erf = 0f64;
        for i in -20_000..=20_000 {
            let x = i as f32 / 1000.0;
            let e = f64::from(x).exp();
            worst_exp = worst_exp.max(((f64::from(exp(x)) - e) / e).abs());
            worst_erf = worst_erf.max((f64::from(erf(x)) - libm_erf(f64::from(x))).abs());
        }
        assert!(worst_exp < 5e-7, "exp relative error {worst_exp}");
        assert!(worst_erf < 1e-6, "erf absolute error {worst_erf}");
        assert!(exp(-200.0) < 1e-37 && exp(-200.0) >= 0.0);
        assert!(erf(0.0).abs() < 1e-6 && (erf(-1.0) + erf(1.0)).abs() < 1e-7);
        assert!((gelu(-30.0)).abs() < 1e-6 && (gelu(30.0) - 30.0).abs() < 1e-5);
    }

    /// erf by its Taylor series (|x| ≤ 3) or continued fraction of erfc
    /// (beyond), in f64: an independent reference.
    fn libm_erf(x: f64) -> f64 {
        let a = x.abs();
        let value = if a <= 3.0 {
            let mut term = a;
            let mut sum = a;
            for n in 1..200 {
                term *= -a * a / n as f64;
                sum += term / (2 * n + 1) as f64;
            }
            sum * 2.0 / std::f64::consts::PI.sqrt()
        } else {
            let mut fraction = 0.0;
            for k in (1..60).rev() {
                fraction = (k as f64 / 2.0) / (a + fraction);
            }
            1.0 - (-a * a).exp() / std::f64::consts::PI.sqrt() / (a + fraction)
        };
        value.copysign(x)
    }
}
