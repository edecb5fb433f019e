//! The benchmarks' corpora as articles: the labelled corpus (a fixture file of
//! stories and, optionally, a folder of reports forming one more story) and
//! the generated corpora of [`crate::synth`].
//!
//! A folder of reports is read through `crosscheck-ingest`, like `crosscheck
//! ingest` reads it: each article carries the date its reader found (a
//! dateline, metadata), and an undated report stays undated.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat};
use serde::Deserialize;

use crate::synth;
use crate::BenchError;

/// One labelled fixture article (`tests/fixtures/stories.json`: a JSON array of these).
#[derive(Debug, Clone, Deserialize)]
pub struct FixtureArticle {
    pub story: String,
    pub source: String,
    pub title: String,
    #[serde(default)]
    pub published: Option<String>,
    pub text: String,
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

/// The articles of a labelled fixture file, with their gold story labels, in file order.
pub fn fixture_stories(fixtures: &Path) -> Result<Vec<(Article, String)>, BenchError> {
    let raw = std::fs::read_to_string(fixtures).map_err(|e| BenchError::Io(fixtures.display().to_string(), e))?;
    let items: Vec<FixtureArticle> =
        serde_json::from_str(&raw).map_err(|e| BenchError::Json(fixtures.display().to_string(), e))?;
    items
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            let mut b = ArticleBuilder::new(
                it.source.clone(),
                format!("{}#{i}", fixtures.display()),
                SourceFormat::Jsonl,
                it.text.as_bytes(),
                &it.text,
            );
            b.title = Some(it.title);
            b.published = it.published.as_deref().and_then(day);
            let a = b.build(None, None).map_err(|e| BenchError::Fixture(format!("{}#{i}: {e}", fixtures.display())))?;
            Ok((a, it.story))
        })
        .collect()
}

/// Every report of a folder (files, sorted by name), read by ingest's readers.
pub fn story_folder(dir: &Path) -> Result<Vec<Article>, BenchError> {
    let label = dir.display().to_string();
    if !dir.is_dir() {
        return Err(BenchError::Io(label, std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder")));
    }
    crosscheck_ingest::read_all(&[label.as_str()]).map_err(|e| BenchError::Ingest(label.clone(), e.to_string()))
}

/// The gold label of the story a folder of reports forms: the folder's name.
pub fn folder_label(dir: &Path) -> String {
    dir.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| dir.display().to_string())
}

/// The labelled corpus: the fixture stories and, with `story`, the reports of
/// that folder as one more gold story (labelled with the folder's name),
/// ordered by publication date as a feed would deliver them (a stable sort:
/// articles of one day keep their order; undated ones come first).
pub fn labelled_corpus(fixtures: &Path, story: Option<&Path>) -> Result<(Vec<Article>, Vec<String>), BenchError> {
    let mut out = fixture_stories(fixtures)?;
    if let Some(dir) = story {
        let label = folder_label(dir);
        out.extend(story_folder(dir)?.into_iter().map(|a| (a, label.clone())));
    }
    out.sort_by_key(|(a, _)| a.published.as_ref().map(|p| p.date));
    Ok(out.into_iter().unzip())
}

/// The date of a generated article.
pub fn synthetic_date(dt: DateTime<FixedOffset>) -> PublishedDate {
    PublishedDate {
        date: dt.date_naive(),
        datetime: Some(dt),
        precision: DatePrecision::DateTime,
        method: DateMethod::Record,
        confidence: 1.0,
        evidence: dt.to_rfc3339(),
    }
}

/// The instant generated corpora count their minutes from.
pub fn synthetic_epoch() -> DateTime<FixedOffset> {
    DateTime::from_timestamp(1_735_689_600, 0).unwrap_or_default().fixed_offset()
}

/// A generated article (untimed preparation).
pub fn synthetic_article(source: String, path: String, title: Option<String>, text: &str, dt: DateTime<FixedOffset>) -> Article {
    let mut b = ArticleBuilder::new(source, path, SourceFormat::Jsonl, b"", text);
    b.title = title;
    b.published = Some(synthetic_date(dt));
    b.build(None, None).expect("a generated article is never empty")
}

/// Generated story articles (with dates and titles) in time order, and their gold story labels.
pub fn synthetic_articles(n: usize, seed: u64) -> (Vec<Article>, Vec<u32>) {
    let corpus = synth::story_corpus(n, seed);
    let epoch = synthetic_epoch();
    let mut items: Vec<(u64, usize)> = corpus.iter().enumerate().map(|(i, a)| (a.minute, i)).collect();
    items.sort();
    items
        .into_iter()
        .map(|(_, i)| {
            let s = &corpus[i];
            let dt = epoch + chrono::Duration::minutes(s.minute as i64);
            (synthetic_article(format!("outlet{}", i % 211), format!("syn{i}"), Some(s.title.clone()), &s.text, dt), s.story)
        })
        .unzip()
}

/// The dedup corpus's texts as articles: a family's documents a minute apart
/// plus each document's hour offset.
pub fn dedup_articles(corpus: &synth::DedupCorpus) -> Vec<Article> {
    let epoch = synthetic_epoch();
    corpus
        .docs
        .iter()
        .map(|d| {
            let dt = epoch + chrono::Duration::minutes(d.family as i64) + chrono::Duration::hours(d.hours as i64);
            synthetic_article(format!("outlet{}", d.id % 97), format!("doc{}", d.id), None, &d.text, dt)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_is_the_first_of_january_2025() {
        assert_eq!(synthetic_epoch().date_naive(), NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
    }

    #[test]
    fn synthetic_articles_are_in_time_order_with_one_label_each() {
        let (a, g) = synthetic_articles(300, 3);
        assert_eq!(a.len(), 300);
        assert_eq!(g.len(), 300);
        let times: Vec<_> = a.iter().map(|a| a.published.as_ref().and_then(|p| p.datetime)).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        assert!(story_folder(Path::new("/nonexistent/folder")).is_err());
    }
}
