//! Shared loaders for the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;
use crosscheck_cluster::bench;
use crosscheck_core::{
    Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat,
};

pub fn seeds_dir() -> PathBuf {
    bench::default_seeds()
}

/// The five seed reports, in file order (source = file stem).
pub fn seeds() -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "five seed reports");
    paths
        .iter()
        .map(|p| bench::text_article(p).unwrap())
        .collect()
}

/// Fixture stories plus seeds, with gold labels.
pub fn labelled() -> (Vec<Article>, Vec<String>) {
    bench::labelled_corpus(&bench::default_fixtures(), Some(&seeds_dir())).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> PublishedDate {
    PublishedDate {
        date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        datetime: None,
        precision: DatePrecision::Day,
        method: DateMethod::Record,
        confidence: 1.0,
        evidence: String::new(),
    }
}

/// An article from text, with optional source and date.
pub fn article(source: &str, path: &str, text: &str, date: Option<PublishedDate>) -> Article {
    let mut b = ArticleBuilder::new(source, path, SourceFormat::Text, text.as_bytes(), text);
    b.published = date;
    b.build(None, None).unwrap()
}

/// Paragraphs of an article's text.
pub fn paragraphs(a: &Article) -> Vec<String> {
    a.paragraphs
        .iter()
        .map(|p| a.slice(*p).to_string())
        .collect()
}
