//! `crosscheck bench cluster`: story clustering quality (B-cubed and pairwise
//! F1) on a labelled corpus (fixture stories, plus optionally a folder of
//! reports as one more story), with and without sentence embeddings, and
//! throughput and memory on generated articles.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use crosscheck_cluster::story::{StoryClusterer, StoryConfig};
use crosscheck_core::SentenceEncoder;
use serde::Serialize;

use crate::metrics::{bcubed, pairwise, Prf};
use crate::sys::{peak_rss_bytes, rss_bytes};
use crate::{corpus, synth, BenchError};

/// Options of the clustering benchmark.
#[derive(Debug, Clone)]
pub struct ClusterBenchOptions {
    /// The labelled fixture stories (a JSON array of [`corpus::FixtureArticle`]).
    pub fixtures: PathBuf,
    /// A folder of reports forming one more gold story, labelled with the folder's name.
    pub seeds: Option<PathBuf>,
    /// Synthetic articles for throughput and memory.
    pub synthetic: usize,
    pub seed: u64,
    /// The clusterer's settings (default: [`StoryConfig::default`]).
    pub config: StoryConfig,
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

/// Run the clustering benchmark: quality on the labelled corpus, then quality,
/// throughput and memory on `synthetic` generated articles.
pub fn run_cluster(
    opts: &ClusterBenchOptions,
    encoder: Option<&dyn SentenceEncoder>,
    progress: &dyn Fn(&str),
) -> Result<ClusterBenchReport, BenchError> {
    progress("labelled corpus");
    let (arts, gold) = corpus::labelled_corpus(&opts.fixtures, opts.seeds.as_deref())?;
    let gold_labels: Vec<&str> = gold.iter().map(|s| s.as_str()).collect();
    let c = crosscheck_cluster::story::cluster(&arts, &opts.config, None)?;
    let pred = c.labels();
    let labelled_stories = gold.iter().collect::<HashSet<_>>().len();
    let with_embeddings = match encoder {
        Some(encoder) => {
            progress("labelled corpus with sentence embeddings");
            let start = Instant::now();
            let c = crosscheck_cluster::story::cluster(&arts, &opts.config, Some(encoder))?;
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
    let (syn, sgold) = corpus::synthetic_articles(opts.synthetic, opts.seed);
    let rss_before = rss_bytes();
    progress("clustering (streaming, one thread)");
    let start = Instant::now();
    let mut sc = StoryClusterer::new(opts.config.clone())?;
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
    let bc = crosscheck_cluster::story::cluster(&syn, &opts.config, None)?;
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
    config: &StoryConfig,
    progress: &dyn Fn(&str),
) -> Result<MemoryReport, BenchError> {
    let epoch = corpus::synthetic_epoch();
    let rss_before = rss_bytes();
    let mut sc = StoryClusterer::new(config.clone())?;
    let start = Instant::now();
    let mut i = 0usize;
    let mut next_report = 100_000;
    synth::story_corpus_each(n, seed, |s| {
        let a = corpus::synthetic_article(
            format!("outlet{}", i % 211),
            format!("feeds/outlet{}/2025/article-{i}.html", i % 211),
            Some(s.title),
            &s.text,
            epoch + chrono::Duration::minutes(s.minute as i64),
        );
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

/// One clustering setting on an event-labelled corpus.
#[derive(Debug, Clone, Serialize)]
pub struct EventCorpusRow {
    pub setting: String,
    pub embeddings: bool,
    pub scores: crate::learn::Scores,
    pub articles_per_sec: f64,
}

/// The settings of the clusterer on an event-labelled corpus (ECB+ layout).
#[derive(Debug, Clone, Serialize)]
pub struct EventCorpusReport {
    pub corpus: String,
    pub articles: usize,
    pub rows: Vec<EventCorpusRow>,
}

/// Cluster an ECB+-layout corpus (`txt/`, `labels_event.json`,
/// `labels_topic.json`) with each setting — one pass with the weighted mean
/// (the default), one pass with event signals and the pair model, two passes —
/// without and (given an encoder) with sentence embeddings, and score event
/// and topic level. Embedding time is not in the articles/s figure.
pub fn run_event_corpus(
    dir: &std::path::Path,
    encoder: Option<&dyn SentenceEncoder>,
    progress: &dyn Fn(&str),
) -> Result<EventCorpusReport, BenchError> {
    progress("reading the corpus");
    let c = crate::learn::event_corpus(dir)?;
    let embeddings = encoder.map(|e| {
        progress("embedding");
        crosscheck_cluster::embed_articles(&c.articles, e)
    });
    let settings: [(&str, StoryConfig); 3] = [
        ("one pass, weighted mean (default)", StoryConfig::default()),
        (
            "one pass, event signals",
            StoryConfig {
                event_signals: true,
                ..StoryConfig::default()
            },
        ),
        (
            "two passes (--two-pass)",
            StoryConfig {
                partition: true,
                ..StoryConfig::default()
            },
        ),
    ];
    let order: Vec<usize> = (0..c.articles.len()).collect();
    let mut rows = Vec::new();
    for (name, cfg) in settings {
        for with in [false, true] {
            if with && embeddings.is_none() {
                continue;
            }
            progress(name);
            let mut s = StoryClusterer::new(cfg.clone())?;
            let prepared: Vec<_> = c.articles.iter().map(|a| s.prepare(a)).collect();
            let start = Instant::now();
            for (i, (a, p)) in c.articles.iter().zip(prepared).enumerate() {
                let p = match (&embeddings, with) {
                    (Some(e), true) => p.with_embedding(e[i].clone()),
                    _ => p,
                };
                s.add_prepared(a, p);
            }
            let secs = start.elapsed().as_secs_f64();
            rows.push(EventCorpusRow {
                setting: name.to_string(),
                embeddings: with,
                scores: crate::learn::scores(&c, &order, &s.labels()),
                articles_per_sec: c.articles.len() as f64 / secs.max(1e-9),
            });
        }
    }
    Ok(EventCorpusReport {
        corpus: dir.display().to_string(),
        articles: c.articles.len(),
        rows,
    })
}

impl EventCorpusReport {
    pub fn render(&self) -> String {
        let mut out = format!(
            "{} ({} articles): event and topic level, B-cubed and pairwise\n",
            self.corpus, self.articles
        );
        for r in &self.rows {
            out.push_str(&format!(
                "{:<34} {:<13} {} | {:.0} articles/s clustered\n",
                r.setting,
                if r.embeddings { "embeddings" } else { "no embeddings" },
                r.scores.line(),
                r.articles_per_sec
            ));
        }
        out
    }
}
