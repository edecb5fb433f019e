//! Synthetic corpora for the benchmarks (deterministic for a seed).
//!
//! * [`dedup_corpus`]: random "news" texts in which some documents are planted
//!   copies of earlier ones — near-copies edited down to known shingle
//!   Jaccard levels, trimmed copies (the first half of a story) and re-led
//!   copies (new first sentence, cut tail, a few edits). The truth lists every
//!   pair inside a family with its exact Jaccard.
//! * [`story_corpus`]: articles of many stories grouped in topics (stories of
//!   one topic share vocabulary, so they are hard negatives), with names,
//!   titles and dates, for clustering quality and throughput.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crosscheck_cluster::tokens::{combine, hash_bytes, mix64};

/// Small deterministic PRNG (SplitMix64); no dependency, stable across versions.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix64(self.0)
    }
    /// Uniform in `[0, 1)`.
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in `lo..hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo).max(1) as u64) as usize
    }
}

/// A vocabulary of pronounceable pseudo-words, distinct, lower case.
pub fn vocabulary(n: usize, seed: u64) -> Vec<String> {
    const ON: &[&str] = &[
        "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st",
        "tr", "pl", "gr",
    ];
    const NU: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ea"];
    let mut rng = Rng::new(seed);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let syl = rng.range(1, 4);
        let mut w = String::new();
        for _ in 0..syl {
            w.push_str(ON[rng.range(0, ON.len())]);
            w.push_str(NU[rng.range(0, NU.len())]);
        }
        if rng.f64() < 0.3 {
            w.push_str(ON[rng.range(0, 15)]);
        }
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// A skewed (roughly Zipfian) index into a vocabulary of `n` words.
fn zipf(rng: &mut Rng, n: usize) -> usize {
    ((n as f64) * rng.f64().powf(2.5)) as usize % n
}

/// One document of the dedup corpus.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SynthDoc {
    pub id: u32,
    /// Family (the base document's id); a base is its own family.
    pub family: u32,
    /// "base", "near", "trimmed" or "reled".
    pub kind: String,
    /// Target Jaccard for "near" copies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Hours after the base document.
    pub hours: u32,
    pub text: String,
}

/// A pair of one family with its exact shingle Jaccard.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TruthPair {
    pub a: u32,
    pub b: u32,
    pub jaccard: f64,
    /// Kind of the later document.
    pub kind: String,
}

/// The dedup benchmark corpus.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DedupCorpus {
    pub docs: Vec<SynthDoc>,
    pub truth: Vec<TruthPair>,
}

/// Jaccard levels of the planted near-copies.
pub const NEAR_LEVELS: &[f64] = &[0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5];

fn sentence(rng: &mut Rng, vocab: &[String]) -> Vec<String> {
    (0..rng.range(10, 23))
        .map(|_| vocab[zipf(rng, vocab.len())].clone())
        .collect()
}

fn render(sentences: &[Vec<String>]) -> String {
    let mut s = String::new();
    for (i, sent) in sentences.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&sent.join(" "));
        s.push('.');
    }
    s
}

/// Exact shingle set (word `k`-grams) of a text in the corpus' simple form.
pub fn shingle_set(text: &str, k: usize) -> HashSet<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| hash_bytes(w.as_bytes()))
        .collect();
    if words.is_empty() {
        return HashSet::new();
    }
    if words.len() < k {
        return std::iter::once(words.iter().fold(0, |h, &w| combine(h, w))).collect();
    }
    words
        .windows(k)
        .map(|w| w.iter().fold(0, |h, &x| combine(h, x)))
        .collect()
}

fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let inter = a.intersection(b).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    if union == 0.0 {
        1.0
    } else {
        inter / union
    }
}

/// Generate `n` documents of which about `copy_share` are planted copies.
pub fn dedup_corpus(n: usize, copy_share: f64, shingle_words: usize, seed: u64) -> DedupCorpus {
    let vocab = vocabulary(30_000, seed ^ 0xabc);
    let mut rng = Rng::new(seed);
    let mut docs: Vec<SynthDoc> = Vec::with_capacity(n);
    // Sentences of recent bases, to copy from; families' member ids.
    let mut bases: Vec<(u32, Vec<Vec<String>>)> = Vec::new();
    let mut families: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    let mut shingles: std::collections::HashMap<u32, HashSet<u64>> = Default::default();
    let mut truth = Vec::new();
    while docs.len() < n {
        let id = docs.len() as u32;
        if bases.is_empty() || rng.f64() >= copy_share {
            let sents: Vec<Vec<String>> = (0..rng.range(8, 20))
                .map(|_| sentence(&mut rng, &vocab))
                .collect();
            let text = render(&sents);
            docs.push(SynthDoc {
                id,
                family: id,
                kind: "base".into(),
                target: None,
                hours: 0,
                text,
            });
            bases.push((id, sents));
            if bases.len() > 2000 {
                let (old, _) = bases.remove(0);
                for m in families.remove(&old).unwrap_or_default() {
                    shingles.remove(&m);
                }
                shingles.remove(&old);
            }
            continue;
        }
        let (base_id, base) = bases[rng.range(0, bases.len())].clone();
        let base_set = shingles
            .entry(base_id)
            .or_insert_with(|| shingle_set(&docs[base_id as usize].text, shingle_words))
            .clone();
        let roll = rng.f64();
        let (kind, target, sents) = if roll < 0.6 {
            let target = NEAR_LEVELS[rng.range(0, NEAR_LEVELS.len())];
            let mut sents = base.clone();
            // Substitute words until the exact Jaccard falls to the target.
            loop {
                let j = jaccard(&base_set, &shingle_set(&render(&sents), shingle_words));
                if j <= target + 0.01 {
                    break;
                }
                // Each substituted word removes up to `k` shingles: J ≈ (S - k·m)/(S + k·m).
                // Undershoot the number of edits and approach the target step by step.
                let shingles_n = base_set.len() as f64;
                let steps =
                    (((j - target) * shingles_n / (2.5 * shingle_words as f64)) as usize).max(1);
                for _ in 0..steps {
                    let s = rng.range(0, sents.len());
                    let w = rng.range(0, sents[s].len());
                    sents[s][w] = vocab[zipf(&mut rng, vocab.len())].clone();
                }
            }
            ("near", Some(target), sents)
        } else if roll < 0.8 {
            let keep = (base.len() as f64 * (0.4 + 0.2 * rng.f64())).ceil() as usize;
            ("trimmed", None, base[..keep.max(1)].to_vec())
        } else {
            let mut sents = base.clone();
            sents[0] = sentence(&mut rng, &vocab);
            let keep = (sents.len() as f64 * 0.8).ceil() as usize;
            sents.truncate(keep.max(1));
            for _ in 0..2 {
                let s = rng.range(1, sents.len().max(2)).min(sents.len() - 1);
                let w = rng.range(0, sents[s].len());
                sents[s][w] = vocab[zipf(&mut rng, vocab.len())].clone();
            }
            ("reled", None, sents)
        };
        let text = render(&sents);
        let set = shingle_set(&text, shingle_words);
        let members = families.entry(base_id).or_default();
        truth.push(TruthPair {
            a: base_id,
            b: id,
            jaccard: jaccard(&base_set, &set),
            kind: kind.into(),
        });
        for &m in members.iter() {
            let ms = &shingles[&m];
            truth.push(TruthPair {
                a: m,
                b: id,
                jaccard: jaccard(ms, &set),
                kind: "sibling".into(),
            });
        }
        members.push(id);
        shingles.insert(id, set);
        let hours = rng.range(1, 48) as u32;
        docs.push(SynthDoc {
            id,
            family: base_id,
            kind: kind.into(),
            target,
            hours,
            text,
        });
    }
    DedupCorpus { docs, truth }
}

/// One article of the story corpus.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SynthArticle {
    pub story: u32,
    pub title: String,
    pub text: String,
    /// Minutes since the corpus epoch.
    pub minute: u64,
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `n` articles of stories (2–8 articles each, some singletons) in `n / 200`
/// topics, in publication order with some jitter.
pub fn story_corpus(n: usize, seed: u64) -> Vec<SynthArticle> {
    let mut out = Vec::with_capacity(n);
    story_corpus_each(n, seed, |a| out.push(a));
    out
}

/// [`story_corpus`] streamed to `emit` in generation order (story by story, so
/// dates go back and forth by up to three days), without holding the corpus.
pub fn story_corpus_each(n: usize, seed: u64, mut emit: impl FnMut(SynthArticle)) {
    let vocab = vocabulary(40_000, seed ^ 0x5707);
    let mut rng = Rng::new(seed);
    let topics = (n / 200).max(3);
    let topic_words: Vec<Vec<usize>> = (0..topics)
        .map(|_| (0..60).map(|_| rng.range(0, vocab.len())).collect())
        .collect();
    // People and places recurring across the stories of a topic (hard negatives).
    let topic_names: Vec<Vec<usize>> = (0..topics)
        .map(|_| (0..3).map(|_| rng.range(0, vocab.len())).collect())
        .collect();
    let mut produced = 0usize;
    let mut story = 0u32;
    let mut minute = 0u64;
    while produced < n {
        let t = rng.range(0, topics);
        let topic = &topic_words[t];
        let own: Vec<usize> = (0..25).map(|_| rng.range(0, vocab.len())).collect();
        let names: Vec<String> = (0..4)
            .map(|k| {
                let w = if k < 2 {
                    rng.range(0, vocab.len())
                } else {
                    topic_names[t][rng.range(0, 3)]
                };
                capitalise(&vocab[w])
            })
            .collect();
        let size = if rng.f64() < 0.2 { 1 } else { rng.range(2, 9) };
        for _ in 0..size.min(n - produced) {
            let mut words = Vec::new();
            let len = rng.range(120, 320);
            let mut sentence_start = true;
            for i in 0..len {
                let r = rng.f64();
                let w = if r < 0.10 {
                    vocab[own[rng.range(0, own.len())]].clone()
                } else if r < 0.24 {
                    vocab[topic[rng.range(0, topic.len())]].clone()
                } else if r < 0.29 {
                    names[rng.range(0, names.len())].clone()
                } else {
                    vocab[zipf(&mut rng, vocab.len())].clone()
                };
                words.push(if sentence_start { capitalise(&w) } else { w });
                sentence_start = i % 17 == 16;
                if sentence_start {
                    words.last_mut().expect("word").push('.');
                }
            }
            let mut text = words.join(" ");
            text.push('.');
            let title: Vec<String> = (0..8)
                .map(|k| {
                    if k == 0 {
                        names[0].clone()
                    } else {
                        vocab[own[rng.range(0, own.len())]].clone()
                    }
                })
                .collect();
            let jitter = rng.range(0, 3 * 24 * 60) as u64;
            produced += 1;
            emit(SynthArticle {
                story,
                title: title.join(" "),
                text,
                minute: minute + jitter,
            });
        }
        story += 1;
        minute += 20;
    }
}
