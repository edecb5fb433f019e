//! # crosscheck-bench
//!
//! The benchmarks behind `crosscheck bench analyze|extract|dedup|cluster|embed|serve`,
//! kept out of the library crates: they print figures, and nothing here is a
//! timed test. The CLI parses the arguments and calls in here.
//!
//! * [`extract`]: main-text extraction speed over a folder of pages and the
//!   extraction benchmark's article-body metric (`score_page`, `aggregate`).
//! * [`dedup`]: near-duplicate detection on a generated corpus with planted copies.
//! * [`cluster`]: story clustering quality on a labelled corpus, throughput and
//!   memory on generated articles.
//! * [`analyze`]: `crosscheck analyze` end to end, articles/s without and with
//!   the model, time per stage.
//! * [`embed`]: sentence-embedding speed.
//! * [`learn`]: learning the story clusterer's pair models from an event-labelled corpus (ECB+).
//! * [`serve`]: HTTP ingest throughput and story read latency of an in-process server.
//! * [`learn_speakers`]: the speaker ranker's weights learned from quote corpora
//!   (PolNeAR, SpkAtt), with cross-validated accuracy, written as a Rust table.
//! * [`learn_speech`]: the speech model (speech or words in marks) learned from the same
//!   corpora, with cross-validated precision and recall, written as a Rust table.
//! * [`metadata_score`]: title, author and date accuracy against a ground truth, one normalisation for every extractor.
//! * [`metrics`]: clustering scores against gold labels (B-cubed, pairwise).
//! * [`synth`]: the generated corpora (deterministic for a seed).
//! * [`corpus`]: the labelled corpus (a fixture JSON of stories, and optionally a
//!   folder of reports read through ingest as one more story) and generated
//!   articles as `Article`s.
//!
//! Nothing of a particular story is compiled in: folders and files are
//! arguments, and articles carry the dates their reader gives them.

pub mod analyze;
pub mod cluster;
pub mod corpus;
pub mod dedup;
pub mod embed;
pub mod extract;
pub mod learn;
pub mod learn_speakers;
pub mod learn_speech;
pub mod metadata_score;
pub mod metrics;
pub mod serve;
pub mod synth;
pub mod sys;

/// Errors of the benchmark drivers (I/O, bad fixtures).
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: {1}")]
    Json(String, serde_json::Error),
    #[error(transparent)]
    Dedup(#[from] crosscheck_cluster::DedupError),
    #[error("bad fixture: {0}")]
    Fixture(String),
    #[error("reading {0}: {1}")]
    Ingest(String, String),
}
