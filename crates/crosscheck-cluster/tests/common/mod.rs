//! Shared loaders for the integration tests (the generic ones are `crosscheck-testkit`'s).
#![allow(dead_code)]

use crosscheck_core::Article;
pub use crosscheck_testkit::fixtures::{article, day, paragraphs};

/// The five seed reports as ingest reads them, in file order (source = file stem).
pub fn seeds() -> Vec<Article> {
    let seeds = crosscheck_testkit::fixtures::ingest(&crosscheck_testkit::fixtures::seeds_dir());
    assert_eq!(seeds.len(), 5, "five seed reports");
    seeds
}
