//! `crosscheck bench extract DIR [--truth FILE] [--out PRED.json] [--score PRED.json]`:
//! main-text extraction speed over a folder of pages (`DIR/html/*.html[.gz]` or
//! `DIR/*.html[.gz]`), single-threaded and on all cores, and with a ground
//! truth (`{id: {"articleBody": ...}}`) the benchmark's precision, recall, F1
//! and accuracy; when the truth carries `title`, `author`, `publish_date` or
//! `date`, the accuracy of each metadata field ([`crate::metadata_score`]).
//! A truth record's `url` is passed to the extractor as the page's address
//! (dates in URLs), as `bench/side_by_side.py` does for the peers.
//! `--out` writes the predictions in the same shape (`{id: {articleBody,
//! title, author, date, kind}}`), so `score.py TRUTH PRED` can check the
//! figures; `--score PRED.json` scores such a file (any extractor's) instead
//! of running crosscheck.
//!
//! The article-body metric ([`score_page`], [`aggregate`]) of the extraction benchmark
//! (`shared/bench/extraction/README.md`): 4-token shingles counted with
//! multiplicity, per-page (tp, fp, fn) normalised by their sum, precision and
//! recall averaged over pages, F1 of the means; accuracy is the share of pages
//! whose token list equals the truth exactly. Same figures as the benchmark's
//! `score.py`.


use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;
use serde_json::{json, Value};

use crate::metadata_score::MetadataScore;

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

impl PageScore {
    /// `tp / (tp + fp)`, 0 without a prediction.
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp > 0.0 { self.tp / (self.tp + self.fp) } else { 0.0 }
    }
    /// `tp / (tp + fn)`, 0 without a truth.
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ > 0.0 { self.tp / (self.tp + self.fn_) } else { 0.0 }
    }
    /// The page's F1, 0 when nothing matched.
    pub fn f1(&self) -> f64 {
        if self.tp > 0.0 { 2.0 * self.tp / (2.0 * self.tp + self.fp + self.fn_) } else { 0.0 }
    }
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
    let ps: Vec<f64> = pages.iter().filter(|p| p.tp + p.fp > 0.0).map(PageScore::precision).collect();
    let rs: Vec<f64> = pages.iter().filter(|p| p.tp + p.fn_ > 0.0).map(PageScore::recall).collect();
    let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = crate::metrics::Prf::new(p, r).f1;
    let accuracy = if pages.is_empty() { 0.0 } else { pages.iter().filter(|s| s.exact).count() as f64 / pages.len() as f64 };
    BodyScore { f1, precision: p, recall: r, accuracy, pages: pages.len() }
}

// ------------------------------------------------------------------ driver

/// Options of the extraction benchmark.
#[derive(Debug, Clone, Default)]
pub struct ExtractBenchOptions {
    /// Folder of pages: `html/<id>.html.gz` (or `.html`), or the files directly.
    pub dir: PathBuf,
    /// Ground truth JSON (default: `DIR/ground-truth.json` if present).
    pub truth: Option<PathBuf>,
    /// Write predictions as `{id: {"articleBody": text}}`.
    pub out: Option<PathBuf>,
    /// Threads for the parallel run (default: all cores).
    pub threads: Option<usize>,
    /// Score this prediction file instead of extracting.
    pub score: Option<PathBuf>,
}

/// Figures of the extraction benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractBenchReport {
    pub pages: usize,
    pub megabytes: f64,
    pub failed: usize,
    pub single_thread_pages_per_s: f64,
    pub single_thread_mb_per_s: f64,
    pub threads: usize,
    pub total_pages_per_s: f64,
    pub total_mb_per_s: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<BodyScore>,
    /// Title, author and date accuracy, when the truth carries them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<MetadataScore>,
    /// How many pages were given each kind (`article`, `listing`, ...).
    pub kinds: BTreeMap<String, usize>,
    /// Each page's score (with a ground truth), by page id.
    #[serde(skip)]
    pub per_page: Vec<(String, PageScore)>,
}

fn read_page(path: &Path) -> anyhow::Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).with_context(|| format!("gunzipping {}", path.display()))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

fn page_id(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.trim_end_matches(".gz").trim_end_matches(".html").trim_end_matches(".htm").to_string()
}

fn list_pages(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let sub = dir.join("html");
    let base = if sub.is_dir() { sub } else { dir.to_path_buf() };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&base)
        .with_context(|| format!("listing {}", base.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".html") || n.ends_with(".htm") || n.ends_with(".html.gz") || n.ends_with(".htm.gz")
        })
        .collect();
    pages.sort();
    anyhow::ensure!(!pages.is_empty(), "no .html or .html.gz pages in {}", base.display());
    Ok(pages)
}

/// One page's prediction: what `--out` writes for it.
fn predict(bytes: &[u8], url: Option<&str>) -> Value {
    // A page without article text still has metadata to score.
    match crosscheck_html::extract_any(bytes, None, url) {
        Ok(e) => json!({
            "articleBody": e.text,
            "title": e.title,
            "author": (!e.authors.is_empty()).then(|| e.authors.join("; ")),
            "date": e.published.as_ref().map(|p| p.date.to_string()),
            "kind": e.kind.as_str(),
        }),
        Err(_) => json!({ "articleBody": "", "kind": crosscheck_html::PageKind::NoArticle.as_str() }),
    }
}

fn read_truth(path: &Path) -> anyhow::Result<BTreeMap<String, Value>> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&raw).with_context(|| format!("parsing {} (expected {{id: {{...}}}})", path.display()))
}

/// Run the extraction benchmark (or, with `score`, score a prediction file).
pub fn run_extract(args: &ExtractBenchOptions) -> anyhow::Result<ExtractBenchReport> {
    let truth_path = args.truth.clone().or_else(|| Some(args.dir.join("ground-truth.json")).filter(|p| p.is_file()));
    let truth = truth_path.as_deref().map(read_truth).transpose()?;
    let url_of = |id: &str| truth.as_ref().and_then(|t| t.get(id)).and_then(|v| v.get("url")).and_then(Value::as_str);

    let (pages_n, mb, single, threads, total, predictions) = if let Some(pred_path) = &args.score {
        let predictions = read_truth(pred_path)?;
        (predictions.len(), 0.0, 0.0, 0, 0.0, predictions)
    } else {
        let paths = list_pages(&args.dir)?;
        let mut pages = Vec::with_capacity(paths.len());
        for p in &paths {
            pages.push((page_id(p), read_page(p)?));
        }
        let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
        let mb = bytes as f64 / 1e6;

        let start = Instant::now();
        let predicted: Vec<Value> = pages.iter().map(|(id, b)| predict(b, url_of(id))).collect();
        let single = start.elapsed().as_secs_f64().max(1e-9);

        let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
        let start = Instant::now();
        std::thread::scope(|s| {
            let chunk = pages.len().div_ceil(threads);
            for part in pages.chunks(chunk.max(1)) {
                let url_of = &url_of;
                s.spawn(move || part.iter().map(|(id, b)| predict(b, url_of(id)).as_object().map_or(0, |o| o.len())).sum::<usize>());
            }
        });
        let total = start.elapsed().as_secs_f64().max(1e-9);
        let predictions: BTreeMap<String, Value> = pages.iter().map(|(id, _)| id.clone()).zip(predicted).collect();
        (pages.len(), mb, single, threads, total, predictions)
    };
    let body_of = |v: &Value| v.get("articleBody").and_then(Value::as_str).unwrap_or("").to_string();
    let failed = predictions.values().filter(|p| body_of(p).is_empty()).count();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for p in predictions.values() {
        if let Some(k) = p.get("kind").and_then(Value::as_str) {
            *kinds.entry(k.to_string()).or_insert(0) += 1;
        }
    }

    if let (Some(out), None) = (&args.out, &args.score) {
        std::fs::write(out, serde_json::to_string(&predictions)?).with_context(|| format!("writing {}", out.display()))?;
    }

    let mut score = None;
    let mut metadata = None;
    let mut per_page = Vec::new();
    if let Some(truth) = &truth {
        if truth.values().any(|v| v.get("articleBody").and_then(Value::as_str).is_some()) {
            let mut scores = Vec::with_capacity(truth.len());
            for (id, v) in truth {
                let t = v.get("articleBody").and_then(Value::as_str).unwrap_or("");
                let s = score_page(t, &predictions.get(id).map(body_of).unwrap_or_default());
                per_page.push((id.clone(), s));
                scores.push(s);
            }
            score = Some(aggregate(&scores));
        }
        if crate::metadata_score::has_metadata(truth) {
            metadata = Some(crate::metadata_score::score(truth, &predictions));
        }
    }

    let per_s = |n: f64, t: f64| if t > 0.0 { n / t } else { 0.0 };
    let report = ExtractBenchReport {
        pages: pages_n,
        megabytes: mb,
        failed,
        single_thread_pages_per_s: per_s(pages_n as f64, single),
        single_thread_mb_per_s: per_s(mb, single),
        threads,
        total_pages_per_s: per_s(pages_n as f64, total),
        total_mb_per_s: per_s(mb, total),
        score,
        metadata,
        kinds,
        per_page,
    };
    Ok(report)
}

impl ExtractBenchReport {
    /// Human-readable figures; with `per_page`, each page's precision and recall, worst F1 first.
    pub fn render(&self, per_page: bool) -> String {
        let mut s = format!("pages {}  ({:.1} MB, {} without article)\n", self.pages, self.megabytes, self.failed);
        // A scored prediction file (`--score`) has no speed of ours.
        if self.threads > 0 {
            s += &format!("single thread: {:.1} pages/s  {:.2} MB/s\n", self.single_thread_pages_per_s, self.single_thread_mb_per_s);
            s += &format!("{} threads:    {:.1} pages/s  {:.2} MB/s\n", self.threads, self.total_pages_per_s, self.total_mb_per_s);
        }
        if let Some(b) = &self.score {
            s += &format!("F1 {:.3}  P {:.3}  R {:.3}  acc {:.3}  pages {}\n", b.f1, b.precision, b.recall, b.accuracy, b.pages);
        }
        if !self.kinds.is_empty() {
            let kinds: Vec<String> = self.kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
            s += &format!("page kinds: {}\n", kinds.join(", "));
        }
        if let Some(m) = &self.metadata {
            s += &m.render();
            if per_page {
                for (id, truth, got) in &m.wrong_dates {
                    s += &format!("date {id}  truth {truth}  got {}\n", got.as_deref().unwrap_or("-"));
                }
            }
        }
        if per_page {
            let mut pages: Vec<&(String, PageScore)> = self.per_page.iter().collect();
            pages.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()));
            for (id, p) in pages {
                s += &format!("{id}  P {:.3}  R {:.3}\n", p.precision(), p.recall());
            }
        }
        s
    }
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
