//! # crosscheck-ingest
//!
//! Readers that turn files into [`Article`]s: plain text, HTML (main-text
//! extraction), RSS/Atom/JSON Feed, WARC(.gz), JSONL. Each format is a
//! [`Reader`]; [`read_path`] sniffs the format and streams articles, one
//! `Result` per article, so one bad record never stops a batch.
//!
//! (Skeleton: the API below is the contract the CLI and store build against.)

use std::path::{Path, PathBuf};

use crosscheck_core::Article;

/// Why one input (a file, or one record inside a file) could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct IngestError {
    /// The file, with `#N` for the N-th record of a container (feed entry, WARC record, JSONL line).
    pub path: String,
    pub reason: String,
}

impl IngestError {
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        IngestError { path: path.into(), reason: reason.into() }
    }
}

/// Articles (or per-record errors) from one input.
pub type ArticleStream<'a> = Box<dyn Iterator<Item = Result<Article, IngestError>> + 'a>;

/// One input format.
pub trait Reader {
    /// Short name ("text", "html", "feed", "warc", "jsonl").
    fn name(&self) -> &'static str;
    /// Whether this reader takes a file, judged from its name and first bytes.
    fn sniff(&self, path: &Path, head: &[u8]) -> bool;
    /// Stream the articles of one input; `bytes` is the whole file.
    fn read<'a>(&'a self, path: &'a str, bytes: Vec<u8>) -> ArticleStream<'a>;
}

/// Expand command-line inputs (files, directories recursively, glob patterns) into
/// the files to read, in a stable (sorted) order. Unmatched patterns and missing
/// paths come back as errors, in place.
pub fn expand_inputs(inputs: &[String]) -> Vec<Result<PathBuf, IngestError>> {
    inputs
        .iter()
        .map(|i| Err(IngestError::new(i.clone(), "ingestion not implemented yet")))
        .collect()
}

/// Read one file of any supported format.
pub fn read_path(path: &Path) -> ArticleStream<'static> {
    let p = path.display().to_string();
    Box::new(std::iter::once(Err(IngestError::new(p, "ingestion not implemented yet"))))
}

/// Read JSONL records from any reader (e.g. stdin); `label` names the stream in errors.
pub fn read_jsonl<R: std::io::BufRead + 'static>(label: &str, _input: R) -> ArticleStream<'static> {
    Box::new(std::iter::once(Err(IngestError::new(label, "ingestion not implemented yet"))))
}

/// Main text and metadata of one HTML page (`crosscheck extract`).
pub fn extract_html(path: &str, _bytes: &[u8], _url: Option<&str>) -> Result<Article, IngestError> {
    Err(IngestError::new(path, "HTML extraction not implemented yet"))
}
