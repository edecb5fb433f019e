//! Benchmarks behind `crosscheck bench dedup|cluster` (and the crate's `bench`
//! example, which builds in release without the rest of the workspace). They
//! print figures; nothing here is a timed test.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, NaiveDate};
use crosscheck_core::{
    Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat,
};
use serde::{Deserialize, Serialize};

use crate::dedup::{DedupConfig, Deduper};
use crate::metrics::{bcubed, pairwise, Prf};
use crate::story::{StoryClusterer, StoryConfig};
use crosscheck_core::SentenceEncoder;
use crate::synth;

/// Errors of the benchmark drivers (I/O, bad fixtures).
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: {1}")]
    Json(String, serde_json::Error),
    #[error(transparent)]
    Dedup(#[from] crate::dedup::DedupError),
    #[error("bad fixture: {0}")]
    Fixture(String),
}

/// Peak resident memory of this process (VmHWM) in bytes, where /proc exists.
pub fn peak_rss_bytes() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// CPU time of the calling thread in seconds (`/proc/thread-self/schedstat`),
/// which, unlike wall time, does not grow when other processes share the cores.
pub fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Current resident memory (VmRSS) in bytes.
pub fn rss_bytes() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Options of the dedup benchmark.
#[derive(Debug, Clone)]
pub struct DedupBenchOptions {
    pub docs: usize,
    pub num_perm: usize,
    pub threshold: f64,
    pub copy_share: f64,
    pub seed: u64,
    /// Write the corpus (`PATH`) and its truth (`PATH.truth.jsonl`) for other tools.
    pub corpus_out: Option<PathBuf>,
}

impl Default for DedupBenchOptions {
    fn default() -> Self {
        DedupBenchOptions {
            docs: 20_000,
            num_perm: 128,
            threshold: 0.8,
            copy_share: 0.25,
            seed: 42,
            corpus_out: None,
        }
    }
}

/// Figures of one dedup mode.
#[derive(Debug, Clone, Serialize)]
pub struct DedupModeReport {
    pub mode: String,
    /// Wall time, median of three runs.
    pub seconds: f64,
    /// CPU time of the (single) working thread, median of three runs; `None`
    /// for the multi-threaded batch mode.
    pub cpu_seconds: Option<f64>,
    pub docs_per_sec: f64,
    pub pairs_found: usize,
    /// Against pairs with exact Jaccard ≥ threshold (the MinHash task).
    pub jaccard_task: Prf,
    /// Against all planted copy pairs (near, trimmed, re-led, siblings).
    pub copy_task: Prf,
    /// Recall per pair kind ("near@0.90", "trimmed", ...).
    pub recall_by_kind: BTreeMap<String, (usize, usize)>,
    pub approx_heap_bytes: usize,
}

/// The dedup benchmark's figures.
#[derive(Debug, Clone, Serialize)]
pub struct DedupBenchReport {
    pub docs: usize,
    pub words: usize,
    pub planted_copies: usize,
    pub truth_pairs: usize,
    pub positive_pairs: usize,
    pub num_perm: usize,
    pub threshold: f64,
    pub bands: usize,
    pub rows: usize,
    pub modes: Vec<DedupModeReport>,
    pub peak_rss_bytes: Option<u64>,
    pub corpus: Option<String>,
}

fn kind_key(p: &synth::TruthPair, docs: &[synth::SynthDoc]) -> String {
    match (p.kind.as_str(), docs[p.b as usize].target) {
        ("near", Some(t)) => format!("near@{t:.2}"),
        (k, _) => k.to_string(),
    }
}

/// Score found pairs against the truth (shared by both modes and, in the same
/// definitions, by bench/dedup_vs_datasketch.py).
fn score_pairs(
    found: &HashSet<(u32, u32)>,
    corpus: &synth::DedupCorpus,
    threshold: f64,
) -> (Prf, Prf, BTreeMap<String, (usize, usize)>) {
    let truth: HashSet<(u32, u32)> = corpus.truth.iter().map(|p| (p.a, p.b)).collect();
    let pos: HashSet<(u32, u32)> = corpus
        .truth
        .iter()
        .filter(|p| p.jaccard >= threshold)
        .map(|p| (p.a, p.b))
        .collect();
    let f = found.len().max(1) as f64;
    let tp_j = found.intersection(&pos).count() as f64;
    let tp_c = found.intersection(&truth).count() as f64;
    let jt = Prf::new(
        if found.is_empty() { 1.0 } else { tp_j / f },
        tp_j / pos.len().max(1) as f64,
    );
    let ct = Prf::new(
        if found.is_empty() { 1.0 } else { tp_c / f },
        tp_c / truth.len().max(1) as f64,
    );
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for p in &corpus.truth {
        let e = by_kind.entry(kind_key(p, &corpus.docs)).or_default();
        e.1 += 1;
        if found.contains(&(p.a, p.b)) {
            e.0 += 1;
        }
    }
    (jt, ct, by_kind)
}

/// Turn synthetic texts into articles (untimed preparation).
fn dedup_articles(corpus: &synth::DedupCorpus) -> Vec<Article> {
    let epoch = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    corpus
        .docs
        .iter()
        .map(|d| {
            let mut b = ArticleBuilder::new(
                format!("outlet{}", d.id % 97),
                format!("doc{}", d.id),
                SourceFormat::Jsonl,
                b"",
                &d.text,
            );
            let base_minutes = d.family as i64;
            let dt = epoch
                .and_hms_opt(0, 0, 0)
                .expect("time")
                .and_utc()
                .fixed_offset()
                + chrono::Duration::minutes(base_minutes)
                + chrono::Duration::hours(d.hours as i64);
            b.published = Some(date_of(dt));
            b.build(None, None).expect("synthetic article")
        })
        .collect()
}

fn date_of(dt: DateTime<chrono::FixedOffset>) -> PublishedDate {
    PublishedDate {
        date: dt.date_naive(),
        datetime: Some(dt),
        precision: DatePrecision::DateTime,
        method: DateMethod::Record,
        confidence: 1.0,
        evidence: dt.to_rfc3339(),
    }
}

/// Write the corpus as JSONL (`{"id","text","family","kind"}`) and the truth
/// pairs as `PATH.truth.jsonl`.
pub fn write_dedup_corpus(corpus: &synth::DedupCorpus, path: &Path) -> Result<(), BenchError> {
    let io = |e| BenchError::Io(path.display().to_string(), e);
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
    for d in &corpus.docs {
        serde_json::to_writer(&mut w, d)
            .map_err(|e| BenchError::Json(path.display().to_string(), e))?;
        w.write_all(b"\n").map_err(io)?;
    }
    w.flush().map_err(io)?;
    let tpath = PathBuf::from(format!("{}.truth.jsonl", path.display()));
    let io2 = |e| BenchError::Io(tpath.display().to_string(), e);
    let mut w = std::io::BufWriter::new(std::fs::File::create(&tpath).map_err(io2)?);
    for p in &corpus.truth {
        serde_json::to_writer(&mut w, p)
            .map_err(|e| BenchError::Json(tpath.display().to_string(), e))?;
        w.write_all(b"\n").map_err(io2)?;
    }
    w.flush().map_err(io2)?;
    Ok(())
}

/// Run the dedup benchmark: MinHash-LSH alone (datasketch's task) and with the
/// sentence-containment verification, both single-threaded and streaming (query
/// then insert, like `MinHashLSH.query` + `insert`), plus the 2-core batch mode.
pub fn run_dedup(
    opts: &DedupBenchOptions,
    progress: &dyn Fn(&str),
) -> Result<DedupBenchReport, BenchError> {
    progress("generating corpus");
    let corpus = synth::dedup_corpus(
        opts.docs,
        opts.copy_share,
        crate::tables::SHINGLE_WORDS,
        opts.seed,
    );
    if let Some(p) = &opts.corpus_out {
        progress("writing corpus");
        write_dedup_corpus(&corpus, p)?;
    }
    let articles = dedup_articles(&corpus);
    let words: usize = corpus.docs.iter().map(|d| d.text.split(' ').count()).sum();
    let mut modes = Vec::new();
    let mut bands_rows = (0, 0);
    for (mode, verify, batch) in [
        ("minhash-lsh", false, false),
        ("minhash-lsh+containment", true, false),
        ("minhash-lsh+containment batch (all cores)", true, true),
    ] {
        progress(mode);
        let cfg = DedupConfig {
            threshold: opts.threshold,
            num_perm: opts.num_perm,
            verify,
            ..Default::default()
        };
        // Median of three runs: the machine is shared, and one short run can
        // be hit by someone else's compile.
        let mut times = Vec::new();
        let mut cpu = Vec::new();
        let mut last = None;
        for _ in 0..3 {
            // Free the previous run's index first, so every run after the first
            // reuses memory instead of faulting in fresh pages.
            drop(last.take());
            let start = Instant::now();
            let cpu0 = thread_cpu_secs();
            let d = if batch {
                crate::dedup::dedup_index(&articles, &cfg)?
            } else {
                let mut d = Deduper::new(cfg.clone())?;
                for a in &articles {
                    d.add(a);
                }
                d
            };
            times.push(start.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (cpu0, thread_cpu_secs()) {
                cpu.push(b - a);
            }
            last = Some(d);
        }
        times.sort_by(f64::total_cmp);
        let secs = times[1];
        cpu.sort_by(f64::total_cmp);
        let cpu_secs = if batch || cpu.len() < 3 {
            None
        } else {
            Some(cpu[1])
        };
        let d = last.expect("three runs");
        bands_rows = d.bands_rows();
        let found: HashSet<(u32, u32)> = d
            .pairs()
            .iter()
            .map(|p| (p.a.min(p.b), p.a.max(p.b)))
            .collect();
        let (jt, ct, by_kind) = score_pairs(&found, &corpus, opts.threshold);
        modes.push(DedupModeReport {
            mode: mode.into(),
            seconds: secs,
            cpu_seconds: cpu_secs,
            docs_per_sec: articles.len() as f64 / secs,
            pairs_found: found.len(),
            jaccard_task: jt,
            copy_task: ct,
            recall_by_kind: by_kind,
            approx_heap_bytes: d.approx_heap_bytes(),
        });
    }
    Ok(DedupBenchReport {
        docs: corpus.docs.len(),
        words,
        planted_copies: corpus.docs.iter().filter(|d| d.kind != "base").count(),
        truth_pairs: corpus.truth.len(),
        positive_pairs: corpus
            .truth
            .iter()
            .filter(|p| p.jaccard >= opts.threshold)
            .count(),
        num_perm: opts.num_perm,
        threshold: opts.threshold,
        bands: bands_rows.0,
        rows: bands_rows.1,
        modes,
        peak_rss_bytes: peak_rss_bytes(),
        corpus: opts.corpus_out.as_ref().map(|p| p.display().to_string()),
    })
}

impl DedupBenchReport {
    /// Human-readable figures.
    pub fn render(&self) -> String {
        let mut s = format!(
            "dedup benchmark: {} docs ({} words), {} planted copies, {} truth pairs ({} with Jaccard >= {})\n\
             num_perm {}, threshold {}, LSH {} bands x {} rows\n\n",
            self.docs, self.words, self.planted_copies, self.truth_pairs, self.positive_pairs, self.threshold,
            self.num_perm, self.threshold, self.bands, self.rows
        );
        s += &format!(
            "{:<44} {:>8} {:>8} {:>10} {:>7} {:>8} {:>8} {:>8} {:>8} {:>9}\n",
            "mode",
            "seconds",
            "cpu s",
            "docs/s",
            "pairs",
            "J-prec",
            "J-rec",
            "copy-P",
            "copy-R",
            "heap MB"
        );
        for m in &self.modes {
            s += &format!(
                "{:<44} {:>8.2} {:>8} {:>10.0} {:>7} {:>8.4} {:>8.4} {:>8.4} {:>8.4} {:>9.1}\n",
                m.mode,
                m.seconds,
                m.cpu_seconds.map_or("-".to_string(), |c| format!("{c:.2}")),
                m.docs_per_sec,
                m.pairs_found,
                m.jaccard_task.precision,
                m.jaccard_task.recall,
                m.copy_task.precision,
                m.copy_task.recall,
                m.approx_heap_bytes as f64 / 1e6
            );
        }
        s += "\nrecall by planted kind (found/total):\n";
        let kinds: Vec<&String> = self.modes[0].recall_by_kind.keys().collect();
        s += &format!("{:<14}", "kind");
        for m in &self.modes[..2.min(self.modes.len())] {
            s += &format!(" {:>26}", m.mode);
        }
        s += "\n";
        for k in kinds {
            s += &format!("{k:<14}");
            for m in &self.modes[..2.min(self.modes.len())] {
                let (f, t) = m.recall_by_kind[k];
                s += &format!(" {:>17}/{:<5} {:.2}", f, t, f as f64 / t.max(1) as f64);
            }
            s += "\n";
        }
        if let Some(p) = self.peak_rss_bytes {
            s += &format!(
                "\npeak RSS (VmHWM, whole process incl. corpus): {:.1} MB\n",
                p as f64 / 1e6
            );
        }
        if let Some(c) = &self.corpus {
            s += &format!("corpus written to {c} (+ .truth.jsonl)\n");
        }
        s
    }
}

// ------------------------------------------------------------------ clustering

/// One labelled fixture article (tests/fixtures/stories.json).
#[derive(Debug, Clone, Deserialize)]
pub struct FixtureArticle {
    pub story: String,
    pub source: String,
    pub title: String,
    #[serde(default)]
    pub published: Option<String>,
    pub text: String,
}

/// Default location of the labelled fixtures (inside this crate).
pub fn default_fixtures() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/stories.json"
    ))
}

/// Default location of the seed reports (examples/seeds of the repository).
pub fn default_seeds() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds"))
}

fn day(s: &str) -> Option<PublishedDate> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(PublishedDate {
        date: d,
        datetime: None,
        precision: DatePrecision::Day,
        method: DateMethod::Record,
        confidence: 1.0,
        evidence: s.to_string(),
    })
}

/// A plain-text report as an article: source = file stem, first line = title.
pub fn text_article(path: &Path) -> Result<Article, BenchError> {
    let raw = std::fs::read(path).map_err(|e| BenchError::Io(path.display().to_string(), e))?;
    let text = String::from_utf8_lossy(&raw);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut b = ArticleBuilder::new(
        stem,
        path.display().to_string(),
        SourceFormat::Text,
        &raw,
        &text,
    );
    let first = b.text().lines().next().unwrap_or("").to_string();
    let title_span = if !first.is_empty() && first.split_whitespace().count() <= 20 {
        b.title = Some(first.clone());
        Some(crosscheck_core::Span::new(0, first.len()))
    } else {
        None
    };
    b.build(title_span, None)
        .map_err(|e| BenchError::Fixture(format!("{}: {e}", path.display())))
}

/// The labelled corpus: the seed reports (one story, "seeds") followed by the
/// fixture stories, interleaved by date as a feed would deliver them.
pub fn labelled_corpus(
    fixtures: &Path,
    seeds: Option<&Path>,
) -> Result<(Vec<Article>, Vec<String>), BenchError> {
    let raw = std::fs::read_to_string(fixtures)
        .map_err(|e| BenchError::Io(fixtures.display().to_string(), e))?;
    let items: Vec<FixtureArticle> = serde_json::from_str(&raw)
        .map_err(|e| BenchError::Json(fixtures.display().to_string(), e))?;
    let mut out: Vec<(Option<NaiveDate>, Article, String)> = Vec::new();
    for (i, it) in items.into_iter().enumerate() {
        let mut b = ArticleBuilder::new(
            it.source.clone(),
            format!("{}#{i}", fixtures.display()),
            SourceFormat::Jsonl,
            it.text.as_bytes(),
            &it.text,
        );
        b.title = Some(it.title);
        b.published = it.published.as_deref().and_then(day);
        let a = b
            .build(None, None)
            .map_err(|e| BenchError::Fixture(e.to_string()))?;
        out.push((a.published.as_ref().map(|p| p.date), a, it.story));
    }
    if let Some(dir) = seeds {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| BenchError::Io(dir.display().to_string(), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let a = text_article(&p)?;
            // The seeds are undated plain text; they were published Dec 1-3, 2025.
            out.push((NaiveDate::from_ymd_opt(2025, 12, 2), a, "seeds".to_string()));
        }
    }
    // Stable sort by date: a feed's order, fixtures of the same day keep file order.
    out.sort_by_key(|x| x.0);
    Ok(out.into_iter().map(|(_, a, s)| (a, s)).unzip())
}

/// Options of the clustering benchmark.
#[derive(Debug, Clone)]
pub struct ClusterBenchOptions {
    pub fixtures: PathBuf,
    pub seeds: Option<PathBuf>,
    /// Synthetic articles for throughput and memory.
    pub synthetic: usize,
    pub seed: u64,
}

/// Figures of the clustering benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterBenchReport {
    pub labelled_articles: usize,
    pub labelled_stories: usize,
    pub predicted_stories: usize,
    pub bcubed: Prf,
    pub pairwise: Prf,
    /// The labelled corpus again with sentence embeddings as a further signal
    /// (when a model was given): model name, stories predicted, B-cubed, pairwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_embeddings: Option<EmbeddingRun>,
    pub synthetic_articles: usize,
    pub synthetic_stories: usize,
    pub synthetic_bcubed: Prf,
    pub synthetic_pairwise: Prf,
    pub seconds_streaming: f64,
    pub articles_per_sec_streaming: f64,
    pub seconds_batch: f64,
    pub articles_per_sec_batch: f64,
    pub merges: usize,
    pub state_heap_bytes: usize,
    pub dedup_heap_bytes: usize,
    pub rss_before_bytes: Option<u64>,
    pub peak_rss_bytes: Option<u64>,
    pub serialized_state_bytes: usize,
}

/// The labelled corpus clustered with sentence embeddings.
#[derive(Debug, Clone, Serialize)]
pub struct EmbeddingRun {
    pub model: String,
    pub predicted_stories: usize,
    pub bcubed: Prf,
    pub pairwise: Prf,
    /// Articles embedded per second (title and lead, one thread pool).
    pub articles_per_sec: f64,
}

/// Generated story articles (with dates and titles) and their gold story labels.
pub fn synthetic_articles(n: usize, seed: u64) -> (Vec<Article>, Vec<u32>) {
    let corpus = synth::story_corpus(n, seed);
    let epoch = NaiveDate::from_ymd_opt(2025, 1, 1)
        .expect("date")
        .and_hms_opt(0, 0, 0)
        .expect("t")
        .and_utc()
        .fixed_offset();
    let mut items: Vec<(u64, usize)> = corpus
        .iter()
        .enumerate()
        .map(|(i, a)| (a.minute, i))
        .collect();
    items.sort();
    let mut arts = Vec::with_capacity(n);
    let mut gold = Vec::with_capacity(n);
    for (_, i) in items {
        let s = &corpus[i];
        let mut b = ArticleBuilder::new(
            format!("outlet{}", i % 211),
            format!("syn{i}"),
            SourceFormat::Jsonl,
            b"",
            &s.text,
        );
        b.title = Some(s.title.clone());
        b.published = Some(date_of(epoch + chrono::Duration::minutes(s.minute as i64)));
        arts.push(b.build(None, None).expect("synthetic article"));
        gold.push(s.story);
    }
    (arts, gold)
}

/// Run the clustering benchmark: quality on the labelled corpus, then quality,
/// throughput and memory on `synthetic` generated articles.
pub fn run_cluster(
    opts: &ClusterBenchOptions,
    encoder: Option<&dyn SentenceEncoder>,
    progress: &dyn Fn(&str),
) -> Result<ClusterBenchReport, BenchError> {
    progress("labelled corpus");
    let (arts, gold) = labelled_corpus(&opts.fixtures, opts.seeds.as_deref())?;
    let gold_labels: Vec<&str> = gold.iter().map(|s| s.as_str()).collect();
    let c = crate::story::cluster(&arts, &StoryConfig::default(), None)?;
    let pred = c.labels();
    let labelled_stories = gold.iter().collect::<HashSet<_>>().len();
    let with_embeddings = match encoder {
        Some(encoder) => {
            progress("labelled corpus with sentence embeddings");
            let start = Instant::now();
            let c = crate::story::cluster(&arts, &StoryConfig::default(), Some(encoder))?;
            let secs = start.elapsed().as_secs_f64();
            let labels = c.labels();
            Some(EmbeddingRun {
                model: encoder.model_name().to_string(),
                predicted_stories: labels.iter().collect::<HashSet<_>>().len(),
                bcubed: bcubed(&labels, &gold_labels),
                pairwise: pairwise(&labels, &gold_labels),
                articles_per_sec: arts.len() as f64 / secs,
            })
        }
        None => None,
    };
    progress("generating synthetic articles");
    let (syn, sgold) = synthetic_articles(opts.synthetic, opts.seed);
    let rss_before = rss_bytes();
    progress("clustering (streaming, one thread)");
    let start = Instant::now();
    let mut sc = StoryClusterer::new(StoryConfig::default())?;
    for a in &syn {
        sc.add(a);
    }
    let secs = start.elapsed().as_secs_f64();
    let peak = peak_rss_bytes();
    let spred = sc.labels();
    let state_heap = sc.approx_heap_bytes();
    let dedup_heap = sc.deduper().map_or(0, |d| d.approx_heap_bytes());
    let serialized = serde_json::to_vec(&sc).map(|v| v.len()).unwrap_or(0);
    let merges = sc.events().len();
    drop(sc);
    progress("clustering (batch, all cores)");
    let start = Instant::now();
    let bc = crate::story::cluster(&syn, &StoryConfig::default(), None)?;
    let bsecs = start.elapsed().as_secs_f64();
    debug_assert_eq!(bc.labels(), spred);
    Ok(ClusterBenchReport {
        labelled_articles: arts.len(),
        labelled_stories,
        predicted_stories: pred.iter().collect::<HashSet<_>>().len(),
        bcubed: bcubed(&pred, &gold_labels),
        pairwise: pairwise(&pred, &gold_labels),
        with_embeddings,
        synthetic_articles: syn.len(),
        synthetic_stories: sgold.iter().collect::<HashSet<_>>().len(),
        synthetic_bcubed: bcubed(&spred, &sgold),
        synthetic_pairwise: pairwise(&spred, &sgold),
        seconds_streaming: secs,
        articles_per_sec_streaming: syn.len() as f64 / secs,
        seconds_batch: bsecs,
        articles_per_sec_batch: syn.len() as f64 / bsecs,
        merges,
        state_heap_bytes: state_heap,
        dedup_heap_bytes: dedup_heap,
        rss_before_bytes: rss_before,
        peak_rss_bytes: peak,
        serialized_state_bytes: serialized,
    })
}

impl ClusterBenchReport {
    /// Human-readable figures, with the 1M-article memory extrapolation.
    pub fn render(&self) -> String {
        let mb = |b: f64| b / 1e6;
        let per_article = (self.state_heap_bytes + self.dedup_heap_bytes) as f64
            / self.synthetic_articles.max(1) as f64;
        let scores = |b: &Prf, p: &Prf| {
            format!(
                "B-cubed   P {:.3}  R {:.3}  F1 {:.3}\n\
                 pairwise  P {:.3}  R {:.3}  F1 {:.3}\n",
                b.precision, b.recall, b.f1, p.precision, p.recall, p.f1
            )
        };
        let mut s = format!(
            "labelled corpus: {} articles in {} gold stories -> {} predicted\n{}",
            self.labelled_articles,
            self.labelled_stories,
            self.predicted_stories,
            scores(&self.bcubed, &self.pairwise)
        );
        if let Some(e) = &self.with_embeddings {
            s += &format!(
                "with sentence embeddings ({}, {:.0} articles/s embedded and clustered): {} predicted\n{}",
                e.model,
                e.articles_per_sec,
                e.predicted_stories,
                scores(&e.bcubed, &e.pairwise)
            );
        }
        s += "\n";
        s += &format!(
            "synthetic: {} articles in {} stories\n{}\
             streaming (1 thread): {:.2} s, {:.0} articles/s\n\
             batch (all cores):    {:.2} s, {:.0} articles/s\n\
             merges logged: {}\n\n",
            self.synthetic_articles,
            self.synthetic_stories,
            scores(&self.synthetic_bcubed, &self.synthetic_pairwise),
            self.seconds_streaming,
            self.articles_per_sec_streaming,
            self.seconds_batch,
            self.articles_per_sec_batch,
            self.merges
        );
        s += &format!(
            "memory: story state ~{:.1} MB + dedup index ~{:.1} MB (heap estimate) = {:.0} bytes/article\n\
             serialised state (JSON): {:.1} MB\n",
            mb(self.state_heap_bytes as f64),
            mb(self.dedup_heap_bytes as f64),
            per_article,
            mb(self.serialized_state_bytes as f64)
        );
        if let (Some(b), Some(p)) = (self.rss_before_bytes, self.peak_rss_bytes) {
            s += &format!(
                "RSS before clustering {:.1} MB (corpus in memory), peak VmHWM {:.1} MB, growth {:.1} MB\n",
                mb(b as f64),
                mb(p as f64),
                mb(p.saturating_sub(b) as f64)
            );
        }
        s += &format!(
            "1M-article extrapolation of the heap estimate: {:.2} GB (budget 2 GB; allocator and hash-table\n\
             slack not counted: measure with `crosscheck bench cluster --memory-docs 1000000`)\n",
            per_article * 1e6 / 1e9
        );
        s
    }
}

/// Figures of the streaming memory run.
#[derive(Debug, Clone, Serialize)]
pub struct MemoryReport {
    pub articles: usize,
    pub stories: usize,
    pub seconds: f64,
    pub rss_before_bytes: Option<u64>,
    pub peak_rss_bytes: Option<u64>,
    pub state_heap_bytes: usize,
    pub dedup_heap_bytes: usize,
}

/// Stream `n` generated articles through one [`StoryClusterer`] (with dedup),
/// holding only the clustering state, and measure its memory: the direct check
/// of the "1M articles in 2 GB" budget.
pub fn run_memory(
    n: usize,
    seed: u64,
    progress: &dyn Fn(&str),
) -> Result<MemoryReport, BenchError> {
    let epoch = NaiveDate::from_ymd_opt(2025, 1, 1)
        .expect("date")
        .and_hms_opt(0, 0, 0)
        .expect("t")
        .and_utc()
        .fixed_offset();
    let rss_before = rss_bytes();
    let mut sc = StoryClusterer::new(StoryConfig::default())?;
    let start = Instant::now();
    let mut i = 0usize;
    let mut next_report = 100_000;
    synth::story_corpus_each(n, seed, |s| {
        let mut b = ArticleBuilder::new(
            format!("outlet{}", i % 211),
            format!("feeds/outlet{}/2025/article-{i}.html", i % 211),
            SourceFormat::Jsonl,
            b"",
            &s.text,
        );
        b.title = Some(s.title);
        b.published = Some(date_of(epoch + chrono::Duration::minutes(s.minute as i64)));
        let a = b.build(None, None).expect("synthetic article");
        sc.add(&a);
        i += 1;
        if i == next_report {
            next_report += 100_000;
            progress(&format!("{i} articles"));
        }
    });
    let seconds = start.elapsed().as_secs_f64();
    // Peak first: building output views would add a transient copy.
    let peak = peak_rss_bytes();
    Ok(MemoryReport {
        articles: sc.len(),
        stories: sc.story_count(),
        seconds,
        rss_before_bytes: rss_before,
        peak_rss_bytes: peak,
        state_heap_bytes: sc.approx_heap_bytes(),
        dedup_heap_bytes: sc.deduper().map_or(0, |d| d.approx_heap_bytes()),
    })
}

impl MemoryReport {
    pub fn render(&self) -> String {
        let mb = |b: u64| b as f64 / 1e6;
        let mut s = format!(
            "streaming memory run: {} articles -> {} stories in {:.1} s ({:.0} articles/s incl. generation)\n\
             heap estimate: story state {:.1} MB + dedup index {:.1} MB = {:.0} bytes/article\n",
            self.articles,
            self.stories,
            self.seconds,
            self.articles as f64 / self.seconds,
            mb(self.state_heap_bytes as u64),
            mb(self.dedup_heap_bytes as u64),
            (self.state_heap_bytes + self.dedup_heap_bytes) as f64 / self.articles.max(1) as f64
        );
        if let (Some(b), Some(p)) = (self.rss_before_bytes, self.peak_rss_bytes) {
            s += &format!(
                "RSS before {:.1} MB, peak VmHWM {:.1} MB: the clustering state took at most {:.1} MB\n",
                mb(b),
                mb(p),
                mb(p.saturating_sub(b))
            );
        }
        s
    }
}
