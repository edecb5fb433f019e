//! Shared helpers for the integration tests (included with `mod common;`).
#![allow(dead_code)]

use std::path::PathBuf;

use crosscheck_core::Article;
use crosscheck_ingest::{read_path, IngestError};

pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds")
}

/// Every result of reading one fixture.
pub fn read_all(rel: &str) -> Vec<Result<Article, IngestError>> {
    read_path(&fixture(rel)).collect()
}

/// The articles of a fixture, failing on any error.
pub fn articles(rel: &str) -> Vec<Article> {
    read_all(rel).into_iter().map(|r| r.unwrap_or_else(|e| panic!("unexpected error: {e}"))).collect()
}

/// The single error of reading a fixture that must fail as a whole.
pub fn single_error(rel: &str) -> IngestError {
    let mut results = read_all(rel);
    assert_eq!(results.len(), 1, "{rel}: expected exactly one result, got {results:?}");
    match results.remove(0) {
        Ok(a) => panic!("{rel}: expected an error, got an article: {a:?}"),
        Err(e) => e,
    }
}

/// The record part of a path (`x.xml#2` → `#2`).
pub fn record(path: &str) -> &str {
    path.rfind('#').map_or("", |i| &path[i..])
}
