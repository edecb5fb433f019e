//! Clustering scores against gold labels: B-cubed (Bagga & Baldwin 1998) and
//! the pairwise precision/recall/F1 used by Miranda et al. 2018.

use std::collections::HashMap;

/// Precision, recall and their harmonic mean.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

fn sizes<L: std::hash::Hash + Eq + Copy>(labels: &[L]) -> HashMap<L, usize> {
    let mut m = HashMap::new();
    for &l in labels {
        *m.entry(l).or_insert(0) += 1;
    }
    m
}

/// How many items carry each (predicted, gold) label pair: the overlap of
/// every predicted cluster with every gold cluster, which both scores count.
fn joint_sizes<P, G>(pred: &[P], gold: &[G]) -> HashMap<(P, G), usize>
where
    P: std::hash::Hash + Eq + Copy,
    G: std::hash::Hash + Eq + Copy,
{
    sizes(&pred.iter().copied().zip(gold.iter().copied()).collect::<Vec<_>>())
}

/// B-cubed precision/recall/F1 of `pred` against `gold` (same length, one label per item).
pub fn bcubed<P, G>(pred: &[P], gold: &[G]) -> Prf
where
    P: std::hash::Hash + Eq + Copy,
    G: std::hash::Hash + Eq + Copy,
{
    assert_eq!(
        pred.len(),
        gold.len(),
        "one predicted and one gold label per item"
    );
    if pred.is_empty() {
        return Prf::new(1.0, 1.0);
    }
    let ps = sizes(pred);
    let gs = sizes(gold);
    let both = joint_sizes(pred, gold);
    let (mut p, mut r) = (0.0, 0.0);
    for (&pi, &gi) in pred.iter().zip(gold) {
        let n = both[&(pi, gi)] as f64;
        p += n / ps[&pi] as f64;
        r += n / gs[&gi] as f64;
    }
    let n = pred.len() as f64;
    Prf::new(p / n, r / n)
}

/// Pairwise precision/recall/F1: over all item pairs, "same cluster" in `pred`
/// against "same cluster" in `gold`. With no pairs on a side its score is 1.
pub fn pairwise<P, G>(pred: &[P], gold: &[G]) -> Prf
where
    P: std::hash::Hash + Eq + Copy,
    G: std::hash::Hash + Eq + Copy,
{
    assert_eq!(
        pred.len(),
        gold.len(),
        "one predicted and one gold label per item"
    );
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let pp: f64 = sizes(pred).values().map(|&n| pairs(n)).sum();
    let gp: f64 = sizes(gold).values().map(|&n| pairs(n)).sum();
    let tp: f64 = joint_sizes(pred, gold).values().map(|&n| pairs(n)).sum();
    Prf::new(
        if pp > 0.0 { tp / pp } else { 1.0 },
        if gp > 0.0 { tp / gp } else { 1.0 },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_degenerate() {
        let gold = [0, 0, 1, 1, 2];
        assert_eq!(bcubed(&[5, 5, 7, 7, 9], &gold).f1, 1.0);
        assert_eq!(pairwise(&[5, 5, 7, 7, 9], &gold).f1, 1.0);
        // All in one cluster: recall 1, precision low.
        let one = bcubed(&[0; 5], &gold);
        assert_eq!(one.recall, 1.0);
        assert!(
            (one.precision - (2.0 * 2.0 / 5.0 + 2.0 * 2.0 / 5.0 + 1.0 / 5.0) / 5.0).abs() < 1e-9
        );
        // All singletons: pairwise recall 0.
        assert_eq!(pairwise(&[0, 1, 2, 3, 4], &gold).recall, 0.0);
    }
}
