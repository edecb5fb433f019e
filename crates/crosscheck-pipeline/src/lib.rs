//! # crosscheck-pipeline
//!
//! The one owner of "articles in, stories and dossiers out". Everything that
//! turns articles into dossiers goes through this crate: the CLI (`analyze`,
//! `eval`, `watch`), the server (`POST /articles`, the feed watcher) and
//! library users.
//!
//! * [`stages`]: one plain entry point per stage over plain data — one
//!   article's layers ([`stages::annotate`]), near-duplicate groups
//!   ([`stages::dedup_groups`]), the comparison of one story
//!   ([`stages::compare`]), its incident register ([`stages::incidents`]),
//!   its dossier ([`stages::dossier`]), and batch story clustering
//!   ([`stages::stories`]). Each takes and returns plain values, so a stage can
//!   later run on another executor;
//! * [`Pipeline`] ([`incremental`]): store → cluster in ingest-sequence
//!   order with one persisted [`crosscheck_cluster::StoryClusterer`] →
//!   rebuild the dossiers of the touched stories on a worker; the stored
//!   dossiers are what `crosscheck analyze`, the server and `watch` show;
//!   its encoder keeps every sentence vector in the store ([`StoredVectors`]),
//!   so no text is embedded twice across runs;
//! * [`analyze`]: the batch form for library users (no store): clusters and
//!   builds each story's dossier through the same stage entry points.
//!
//! [`Work`] counts what the stages did (articles annotated and dossiers
//! built, per story), so tests can check that nothing is computed twice, and
//! times each stage ([`Stage`]) for progress bars, `-v` and `bench analyze`.
//!
//! A stage that fails on one article or one story ([`guard`]) costs that
//! dossier only what the stage would have added; the failure is listed in the
//! dossier's `problems` with the stage and the article's path.

pub mod dossier;
pub mod guard;
pub mod incremental;
pub mod stages;
pub mod stored_vectors;
pub mod tables;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use dossier::{analyze, build_dossier, build_dossier_with_id};
pub use incremental::{CatchUp, IngestReport, Pipeline};
pub use stored_vectors::StoredVectors;
/// The clustering settings [`Pipeline::open_with_config`] takes.
pub use crosscheck_cluster::StoryConfig;

/// Errors of the pipeline.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("store: {0}")]
    Store(#[from] crosscheck_store::StoreError),
    #[error("story clusterer: {0}")]
    Cluster(String),
    #[error("dossier worker: {0}")]
    Io(#[from] std::io::Error),
    #[error("the dossiers of {0} stories were not built within {1} s")]
    Timeout(usize, u64),
}

/// What the stages did for one story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoryWork {
    /// Dossiers built for the story.
    pub dossiers_built: u64,
    /// Articles annotated (by the extract stage) for those dossiers.
    pub articles_annotated: u64,
}

/// The timed parts of the pipeline, in the order an article meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Writing articles to the store.
    Store,
    /// Story clustering (with the embedding of the articles it reads).
    Cluster,
    /// The extract stage, one article at a time.
    Annotate,
    /// Near-duplicate groups of one story.
    Dedup,
    /// The cross-outlet comparison of one story (with the embedding of its claims).
    Compare,
    /// The incident register of one story.
    Incidents,
    /// Summary, timeline, rendering and storing of one dossier.
    Dossier,
    /// Sentence embedding, wherever it runs (part of cluster and compare).
    Embed,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 8] = [Stage::Store, Stage::Cluster, Stage::Annotate, Stage::Dedup, Stage::Compare, Stage::Incidents, Stage::Dossier, Stage::Embed];

    /// The stage's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Store => "store",
            Stage::Cluster => "cluster",
            Stage::Annotate => "annotate",
            Stage::Dedup => "dedup",
            Stage::Compare => "compare",
            Stage::Incidents => "incidents",
            Stage::Dossier => "dossier",
            Stage::Embed => "embed",
        }
    }
}

/// Running totals for progress bars, read without a lock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// Articles clustered.
    pub clustered: u64,
    /// Articles annotated.
    pub annotated: u64,
    /// Dossiers built (with or without problems).
    pub built: u64,
    /// Stage failures caught (each one a dossier `problems` entry).
    pub problems: u64,
    /// Articles and dossiers the current `analyze` waits for (0: unknown).
    pub expected_annotated: u64,
    pub expected_built: u64,
}

/// Counters of the work done, per story id, and time spent per stage. Cheap
/// (one lock per article and per dossier, atomics otherwise); shared by the
/// threads of the dossier worker.
#[derive(Debug, Default)]
pub struct Work {
    stories: Mutex<BTreeMap<String, StoryWork>>,
    /// Nanoseconds per [`Stage`], summed over threads.
    nanos: [AtomicU64; Stage::ALL.len()],
    clustered: AtomicU64,
    annotated: AtomicU64,
    built: AtomicU64,
    problems: AtomicU64,
    expected_annotated: AtomicU64,
    expected_built: AtomicU64,
}

impl Work {
    fn with(&self, story: &str, f: impl FnOnce(&mut StoryWork)) {
        let mut g = self.stories.lock().unwrap_or_else(|p| p.into_inner());
        f(g.entry(story.to_string()).or_default());
    }

    /// One article of `story` annotated.
    pub fn annotated(&self, story: &str) {
        self.annotated.fetch_add(1, Ordering::Relaxed);
        self.with(story, |w| w.articles_annotated += 1);
    }

    /// One dossier of `story` built.
    pub fn built(&self, story: &str) {
        self.built.fetch_add(1, Ordering::Relaxed);
        self.with(story, |w| w.dossiers_built += 1);
    }

    /// Articles clustered.
    pub fn clustered(&self, n: u64) {
        self.clustered.fetch_add(n, Ordering::Relaxed);
    }

    /// One stage failure caught.
    pub fn problem(&self) {
        self.problems.fetch_add(1, Ordering::Relaxed);
    }

    /// What the current `analyze` waits for: this many more annotations and dossiers.
    pub fn expect(&self, annotated: u64, built: u64) {
        self.expected_annotated.store(self.annotated.load(Ordering::Relaxed) + annotated, Ordering::Relaxed);
        self.expected_built.store(self.built.load(Ordering::Relaxed) + built, Ordering::Relaxed);
    }

    /// Run `f` as (part of) `stage`, adding its wall time to the stage's total.
    pub fn time<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = f();
        self.add_time(stage, started.elapsed());
        out
    }

    /// Add `d` to `stage`'s total.
    pub fn add_time(&self, stage: Stage, d: Duration) {
        self.nanos[stage as usize].fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }

    /// Time spent per stage so far (summed over threads: the dossier worker
    /// runs stories on several at once).
    pub fn timings(&self) -> Vec<(Stage, Duration)> {
        Stage::ALL.iter().map(|&s| (s, Duration::from_nanos(self.nanos[s as usize].load(Ordering::Relaxed)))).collect()
    }

    /// The running totals.
    pub fn progress(&self) -> Progress {
        Progress {
            clustered: self.clustered.load(Ordering::Relaxed),
            annotated: self.annotated.load(Ordering::Relaxed),
            built: self.built.load(Ordering::Relaxed),
            problems: self.problems.load(Ordering::Relaxed),
            expected_annotated: self.expected_annotated.load(Ordering::Relaxed),
            expected_built: self.expected_built.load(Ordering::Relaxed),
        }
    }

    /// The counts so far, per story id.
    pub fn snapshot(&self) -> BTreeMap<String, StoryWork> {
        self.stories.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Totals over all stories.
    pub fn total(&self) -> StoryWork {
        self.snapshot().values().fold(StoryWork::default(), |a, w| StoryWork {
            dossiers_built: a.dossiers_built + w.dossiers_built,
            articles_annotated: a.articles_annotated + w.articles_annotated,
        })
    }
}
