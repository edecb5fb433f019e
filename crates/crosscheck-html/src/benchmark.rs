//! The article-body metric of the extraction benchmark
//! (`shared/bench/extraction/README.md`): 4-token shingles counted with
//! multiplicity, per-page (tp, fp, fn) normalised by their sum, precision and
//! recall averaged over pages, F1 of the means; accuracy is the share of pages
//! whose token list equals the truth exactly. Same figures as the benchmark's
//! `score.py`.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;

static TOKEN_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\w+").expect("token pattern"));

/// Scores over a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct BodyScore {
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
    pub pages: usize,
}

/// One page's normalised (tp, fp, fn) and whether its tokens match exactly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageScore {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    pub exact: bool,
}

fn tokens(s: &str) -> Vec<&str> {
    TOKEN_RE.find_iter(s).map(|m| m.as_str()).collect()
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, i64> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    // Like score.py: a text shorter than 4 tokens is one short shingle.
    let count = toks.len().saturating_sub(3).max(1);
    for i in 0..count {
        let end = (i + 4).min(toks.len());
        *out.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// Score one page's predicted body against its true body.
pub fn score_page(truth: &str, predicted: &str) -> PageScore {
    let (tt, pt) = (tokens(truth), tokens(predicted));
    let (a, b) = (shingles(&tt), shingles(&pt));
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &x) in &a {
        let y = b.get(k).copied().unwrap_or(0);
        tp += x.min(y);
        fn_ += (x - y).max(0);
    }
    for (k, &y) in &b {
        let x = a.get(k).copied().unwrap_or(0);
        fp += (y - x).max(0);
    }
    let sum = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if sum > 0.0 { (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum) } else { (0.0, 0.0, 0.0) };
    PageScore { tp, fp, fn_, exact: tt == pt }
}

/// Aggregate page scores as the benchmark does.
pub fn aggregate(pages: &[PageScore]) -> BodyScore {
    let ps: Vec<f64> = pages.iter().filter(|p| p.tp + p.fp > 0.0).map(|p| p.tp / (p.tp + p.fp)).collect();
    let rs: Vec<f64> = pages.iter().filter(|p| p.tp + p.fn_ > 0.0).map(|p| p.tp / (p.tp + p.fn_)).collect();
    let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let accuracy = if pages.is_empty() { 0.0 } else { pages.iter().filter(|s| s.exact).count() as f64 / pages.len() as f64 };
    BodyScore { f1, precision: p, recall: r, accuracy, pages: pages.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_and_disjoint() {
        let t = "one two three four five six";
        let s = score_page(t, t);
        assert_eq!((s.tp, s.fp, s.fn_, s.exact), (1.0, 0.0, 0.0, true));
        let d = score_page(t, "alpha beta gamma delta");
        assert_eq!((d.tp, d.exact), (0.0, false));
        assert!(d.fp > 0.0 && d.fn_ > 0.0);
    }

    #[test]
    fn partial_overlap_and_aggregate() {
        // truth shingles: 3; prediction has the first 2 of them plus 1 wrong one.
        let s = score_page("a b c d e f", "a b c d e x");
        assert!((s.tp - 2.0 / 4.0).abs() < 1e-9, "{s:?}");
        let agg = aggregate(&[s, score_page("a b c d", "a b c d")]);
        assert!((agg.precision - (2.0 / 3.0 + 1.0) / 2.0).abs() < 1e-9);
        assert!((agg.accuracy - 0.5).abs() < 1e-9);
        // An empty prediction counts for recall (0) but not for precision.
        let e = aggregate(&[score_page("a b c d", "")]);
        assert_eq!((e.precision, e.recall), (0.0, 0.0));
    }
}
