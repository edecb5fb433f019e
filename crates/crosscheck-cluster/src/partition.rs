//! Events inside a coverage group: the second pass of story clustering.
//!
//! The streaming pass ([`crate::story`]) gathers an article into a *coverage
//! group*: the earlier articles its words and names are close to. That is
//! where two events of one kind meet (two earthquakes in one region, two
//! product launches of one firm, two fights of one boxer): measured against the
//! whole collection their articles are alike, and a centroid cannot tell them
//! apart. Inside the group they are not: the words every member prints (the
//! firm, the region, "earthquake") say nothing there, while the words only
//! some members print (the other boxer, the town, the year) say which event an
//! article reports. So the group's recent members are re-partitioned each time
//! it changes:
//!
//! 1. every member's terms and names are weighted by their global IDF times a
//!    *local* IDF, their rarity among the group's members (`tables::LOCAL_IDF_EXPONENT`);
//! 2. every pair of members gets features: the cosine of those vectors, the
//!    same cosine relative to each member's closest neighbour in the group
//!    (local scaling, after Zelnik-Manor & Perona 2004: a pair is judged
//!    against how close each member ever gets), and, when both articles carry
//!    them, the overlap of their years and key numbers;
//! 3. a logistic model ([`PartModel`], weights learned by `crosscheck bench
//!    learn-cluster`, table [`crate::learned`]) turns them into the probability
//!    that the two report one event;
//! 4. average linkage joins members while the mean probability between two
//!    parts is above one half (the learned threshold; the bias is shifted to put
//!    it there).
//!
//! Only the partition is computed here; which parts keep which story ids, and
//! the merges and splits that follow, are the clusterer's.

use serde::{Deserialize, Serialize};

use crate::features::terms_cosine;
use crate::tables;

/// Number of member-pair features (bias included).
pub const PART_FEATURES: usize = 14;

/// Names of the member-pair features, in order.
pub const PART_FEATURE_NAMES: [&str; PART_FEATURES] = [
    "bias",
    "local_cosine",
    "relative_min",
    "relative_max",
    "names_known",
    "names_local_cosine",
    "names_relative_min",
    "years_known",
    "years_share",
    "numbers_known",
    "numbers_share",
    "embedding_known",
    "embedding_cosine",
    "embedding_relative_min",
];

/// The features of one member pair.
pub type PartVector = [f32; PART_FEATURES];

/// What the clusterer keeps of a group member for re-partitioning: its
/// strongest terms, its names, its years and key numbers (empty when the
/// article was prepared without event signals).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// (term id, 1 + ln tf), sorted by term id; the [`tables::MEMBER_TERMS`] strongest by TF-IDF.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<(u32, f32)>,
    /// Name word ids, sorted; at most [`tables::MEMBER_NAMES`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<u32>,
    /// People and places (for storylines over events; empty without event signals).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<i64>,
    /// The sentence embedding, quantised to bytes (unit vector × 127), when the article has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embedding: Vec<i8>,
}

/// A logistic model of "these two members report one event".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PartModel {
    pub weights: PartVector,
}

impl PartModel {
    pub fn probability(&self, x: &PartVector) -> f32 {
        let z: f32 = self.weights.iter().zip(x).map(|(w, v)| w * v).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Local IDF of a term printed by `df` of `n` members: `ln((n + 1) / (df + ½))`,
/// raised to [`tables::LOCAL_IDF_EXPONENT`].
fn local_idf(df: u32, n: usize) -> f32 {
    (((n as f32 + 1.0) / (df as f32 + 0.5)).ln().max(0.0)).powf(tables::LOCAL_IDF_EXPONENT)
}

/// Unit vector of weighted ids (sorted by id).
fn unit(mut v: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            x.1 /= norm;
        }
    } else {
        v.clear();
    }
    v
}

/// Share of the smaller set the two sorted sets have in common; `None` when either is empty.
fn overlap(a: &[u32], b: &[u32]) -> Option<f32> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let n = crate::dedup::shared_count(a, b);
    Some(n as f32 / a.len().min(b.len()) as f32)
}

/// Document frequency of every id among the members.
fn local_df<'a>(lists: impl Iterator<Item = &'a [u32]>) -> crate::tokens::PreMap<u32, u32> {
    let mut df = crate::tokens::PreMap::default();
    for l in lists {
        for &t in l {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    df
}

/// What "rare in the group" is measured against: the document frequencies of
/// terms and names over a coverage group's members (all of them, also those
/// outside the re-partitioned window).
#[derive(Debug, Clone, Default)]
pub struct Contrast {
    terms: crate::tokens::PreMap<u32, u32>,
    names: crate::tokens::PreMap<u32, u32>,
    members: usize,
}

impl Contrast {
    pub fn of(members: &[&Member]) -> Contrast {
        let term_ids: Vec<Vec<u32>> = members.iter().map(|m| m.terms.iter().map(|t| t.0).collect()).collect();
        Contrast {
            terms: local_df(term_ids.iter().map(|v| v.as_slice())),
            names: local_df(members.iter().map(|m| m.names.as_slice())),
            members: members.len(),
        }
    }
}

/// The pair features of every pair `(i, j)`, `i < j`, of `members`, in row
/// order (`(0,1), (0,2), …, (1,2), …`). `idf` is the collection's IDF of a term.
pub fn pair_vectors(members: &[&Member], idf: impl Fn(u32) -> f32, contrast: &Contrast) -> Vec<PartVector> {
    let n = members.len();
    if n < 2 {
        return Vec::new();
    }
    let (df, name_df, groupsize) = (&contrast.terms, &contrast.names, contrast.members);
    let terms: Vec<Vec<(u32, f32)>> = members
        .iter()
        .map(|m| {
            unit(
                m.terms
                    .iter()
                    .map(|&(t, w)| (t, w * idf(t) * local_idf(df.get(&t).copied().unwrap_or(1), groupsize)))
                    .collect(),
            )
        })
        .collect();
    let names: Vec<Vec<(u32, f32)>> = members
        .iter()
        .map(|m| {
            unit(
                m.names
                    .iter()
                    .map(|&t| (t, idf(t) * local_idf(name_df.get(&t).copied().unwrap_or(1), groupsize)))
                    .collect(),
            )
        })
        .collect();
    let mut cos = vec![0.0f32; n * n];
    let mut name_cos = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let c = terms_cosine(&terms[i], &terms[j]);
            let e = terms_cosine(&names[i], &names[j]);
            cos[i * n + j] = c;
            cos[j * n + i] = c;
            name_cos[i * n + j] = e;
            name_cos[j * n + i] = e;
        }
    }
    let mut emb_cos = vec![None; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let e = embedding_cosine(&members[i].embedding, &members[j].embedding);
            emb_cos[i * n + j] = e;
            emb_cos[j * n + i] = e;
        }
    }
    let best_embedding: Vec<f32> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| j != i)
                .filter_map(|j| emb_cos[i * n + j])
                .fold(0.0f32, f32::max)
        })
        .collect();
    let closest = |m: &[f32], i: usize| {
        (0..n)
            .filter(|&j| j != i)
            .map(|j| m[i * n + j])
            .fold(0.0f32, f32::max)
    };
    let best: Vec<f32> = (0..n).map(|i| closest(&cos, i)).collect();
    let best_names: Vec<f32> = (0..n).map(|i| closest(&name_cos, i)).collect();
    let relative = |c: f32, b: f32| if b > 0.0 { (c / b).min(1.0) } else { 0.0 };
    let mut out = Vec::with_capacity(n * (n - 1) / 2);
    for i in 0..n {
        for j in i + 1..n {
            let c = cos[i * n + j];
            let (ri, rj) = (relative(c, best[i]), relative(c, best[j]));
            let mut x = [0.0f32; PART_FEATURES];
            x[0] = 1.0;
            x[1] = c;
            x[2] = ri.min(rj);
            x[3] = ri.max(rj);
            if !names[i].is_empty() && !names[j].is_empty() {
                let e = name_cos[i * n + j];
                x[4] = 1.0;
                x[5] = e;
                x[6] = relative(e, best_names[i]).min(relative(e, best_names[j]));
            }
            if let Some(y) = overlap(&members[i].years, &members[j].years) {
                x[7] = 1.0;
                x[8] = y;
            }
            if let Some(v) = overlap(&members[i].numbers, &members[j].numbers) {
                x[9] = 1.0;
                x[10] = v;
            }
            if let Some(e) = emb_cos[i * n + j] {
                x[11] = 1.0;
                x[12] = e;
                x[13] = relative(e, best_embedding[i]).min(relative(e, best_embedding[j]));
            }
            out.push(x);
        }
    }
    out
}

/// Average-linkage clustering of `n` items from their pair probabilities (row
/// order as [`pair_vectors`]): the two parts with the highest mean probability
/// are joined while it exceeds `threshold`. Parts come out in order of their
/// first item, items in order; ties go to the earlier pair (deterministic).
pub fn average_linkage(n: usize, probabilities: &[f32], threshold: f32) -> Vec<Vec<usize>> {
    let mut sum = vec![0.0f32; n * n];
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            sum[i * n + j] = probabilities[k];
            sum[j * n + i] = probabilities[k];
            k += 1;
        }
    }
    let mut parts: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for i in 0..n {
            let Some(a) = &parts[i] else { continue };
            for j in i + 1..n {
                let Some(b) = &parts[j] else { continue };
                let mean = sum[i * n + j] / (a.len() * b.len()) as f32;
                if mean > threshold && best.is_none_or(|(_, _, m)| mean > m) {
                    best = Some((i, j, mean));
                }
            }
        }
        let Some((i, j, _)) = best else { break };
        let moved = parts[j].take().unwrap_or_default();
        if let Some(a) = parts[i].as_mut() {
            a.extend(moved);
            a.sort_unstable();
        }
        for k in 0..n {
            if k != i && k != j {
                let s = sum[i * n + k] + sum[j * n + k];
                sum[i * n + k] = s;
                sum[k * n + i] = s;
            }
        }
    }
    parts.into_iter().flatten().collect()
}

/// Partition `members` into events with `model` (its threshold at one half).
pub fn partition(
    members: &[&Member],
    idf: impl Fn(u32) -> f32,
    contrast: &Contrast,
    model: &PartModel,
) -> Vec<Vec<usize>> {
    let probabilities: Vec<f32> = pair_vectors(members, idf, contrast)
        .iter()
        .map(|x| model.probability(x))
        .collect();
    average_linkage(members.len(), &probabilities, 0.5)
}

/// What the clusterer keeps of an article's features for re-partitioning.
pub fn member_of(f: &crate::features::Features, idf: impl Fn(u32) -> f32) -> Member {
    let mut terms: Vec<(u32, f32, f32)> =
        f.terms.iter().map(|&(t, w)| (t, w, w * idf(t))).collect();
    if terms.len() > tables::MEMBER_TERMS {
        terms.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        terms.truncate(tables::MEMBER_TERMS);
        terms.sort_by_key(|t| t.0);
    }
    let mut names = f.entities.clone();
    if names.len() > tables::MEMBER_NAMES {
        // The rarest names say most about which event it is.
        names.sort_by(|&a, &b| idf(b).total_cmp(&idf(a)).then(a.cmp(&b)));
        names.truncate(tables::MEMBER_NAMES);
        names.sort_unstable();
    }
    Member {
        terms: terms.into_iter().map(|(t, w, _)| (t, w)).collect(),
        names,
        years: f.signals.years.clone(),
        numbers: f.signals.numbers.clone(),
        people: f.signals.people.clone(),
        places: f.signals.places.clone(),
        time: f.time,
        embedding: f.embedding.as_deref().map(quantise).unwrap_or_default(),
    }
}

/// A unit vector in bytes: 4 times smaller, and a cosine moves by well under 0.01.
fn quantise(v: &[f32]) -> Vec<i8> {
    v.iter()
        .map(|x| (x * 127.0).round().clamp(-127.0, 127.0) as i8)
        .collect()
}

fn embedding_cosine(a: &[i8], b: &[i8]) -> Option<f32> {
    if a.is_empty() || a.len() != b.len() {
        return None;
    }
    let dot: i32 = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(x) * i32::from(y))
        .sum();
    let na: i32 = a.iter().map(|&x| i32::from(x) * i32::from(x)).sum();
    let nb: i32 = b.iter().map(|&x| i32::from(x) * i32::from(x)).sum();
    (na > 0 && nb > 0).then(|| dot as f32 / ((na as f32).sqrt() * (nb as f32).sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_linkage_joins_only_above_the_threshold() {
        // 0-1 close, 2 apart from both.
        let p = [0.9, 0.1, 0.2];
        assert_eq!(average_linkage(3, &p, 0.5), vec![vec![0, 1], vec![2]]);
        assert_eq!(
            average_linkage(3, &p, 0.95),
            vec![vec![0], vec![1], vec![2]]
        );
        // The mean decides: 2 is close to 0 but far from 1.
        let p = [0.9, 0.7, 0.1];
        assert_eq!(average_linkage(3, &p, 0.5), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn words_every_member_prints_do_not_join_two_events() {
        let m = |terms: &[u32], names: &[u32]| Member {
            terms: terms.iter().map(|&t| (t, 1.0)).collect(),
            names: names.to_vec(),
            ..Default::default()
        };
        // Terms 1-3 in all four members (the kind of event); 10/11 and 20/21 tell the events apart.
        let a = [
            m(&[1, 2, 3, 10, 11], &[100, 101]),
            m(&[1, 2, 3, 10, 11], &[100, 101]),
            m(&[1, 2, 3, 20, 21], &[100, 102]),
            m(&[1, 2, 3, 20, 21], &[100, 102]),
        ];
        let refs: Vec<&Member> = a.iter().collect();
        let x = pair_vectors(&refs, |_| 1.0, &Contrast::of(&refs));
        // Pair (0,1) shares its event's words, pair (0,2) only the common ones.
        assert!(x[0][1] > 0.9, "{:?}", x[0]);
        assert!(x[1][1] < 0.25 && x[0][1] > 4.0 * x[1][1], "{:?}", x[1]);
        // Without the local weighting the common words would make (0,2) look alike.
        assert!(
            x[1][3] < 0.25,
            "relative to the closest neighbour: {:?}",
            x[1]
        );
        assert_eq!(x[0][4], 1.0);
    }
}
