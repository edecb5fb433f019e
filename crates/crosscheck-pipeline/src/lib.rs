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
//! * [`analyze`]: the batch form for library users (no store): clusters and
//!   builds each story's dossier through the same stage entry points.
//!
//! [`Work`] counts what the stages did (articles annotated and dossiers
//! built, per story), so tests can check that nothing is computed twice.

pub mod dossier;
pub mod incremental;
pub mod stages;
pub mod tables;

use std::collections::BTreeMap;
use std::sync::Mutex;

pub use dossier::{analyze, build_dossier, build_dossier_with_id};
pub use incremental::{CatchUp, IngestReport, Pipeline};

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

/// Counters of the work done, per story id. Cheap (one lock per article and
/// per dossier); shared by the threads of the dossier worker.
#[derive(Debug, Default)]
pub struct Work {
    stories: Mutex<BTreeMap<String, StoryWork>>,
}

impl Work {
    fn with(&self, story: &str, f: impl FnOnce(&mut StoryWork)) {
        let mut g = self.stories.lock().unwrap_or_else(|p| p.into_inner());
        f(g.entry(story.to_string()).or_default());
    }

    /// One article of `story` annotated.
    pub fn annotated(&self, story: &str) {
        self.with(story, |w| w.articles_annotated += 1);
    }

    /// One dossier of `story` built.
    pub fn built(&self, story: &str) {
        self.with(story, |w| w.dossiers_built += 1);
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
