//! Fixture folders of the repository, read as articles.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat};

/// The root of the repository (this crate lives in `crates/crosscheck-testkit`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled example story, `examples/seeds`.
pub fn seeds_dir() -> PathBuf {
    repo_root().join("examples/seeds")
}

/// The files of a fixture folder, sorted by name (`.txt` only when `txt_only`).
pub fn files(dir: &Path, txt_only: bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading fixture folder {}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("listing {}: {e}", dir.display())).path())
        .filter(|p| p.is_file() && (!txt_only || p.extension().is_some_and(|x| x == "txt")))
        .collect();
    files.sort();
    files
}

/// Every file of `dir` as a bare article (source = file stem, no title, no
/// date: only the text), sorted by file name. For tests of a stage on text
/// alone; tests of what ingest finds read the folder through `crosscheck-ingest`.
pub fn text_articles(dir: &Path) -> Vec<Article> {
    files(dir, false)
        .iter()
        .map(|p| {
            let raw = std::fs::read(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
            let text = String::from_utf8(raw.clone()).unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", p.display()));
            let stem = p.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            ArticleBuilder::new(stem, p.display().to_string(), SourceFormat::Text, &raw, &text)
                .build(None, None)
                .unwrap_or_else(|e| panic!("building an article of {}: {e}", p.display()))
        })
        .collect()
}

/// The articles of `dir` as `crosscheck ingest` reads them (titles, datelines,
/// languages found by the readers), in file order.
pub fn ingest(dir: &Path) -> Vec<Article> {
    crosscheck_ingest::read_all(&[dir.display().to_string()]).unwrap_or_else(|e| panic!("ingesting {}: {e}", dir.display()))
}

/// A publication day given by the record (confidence 1).
pub fn day(y: i32, m: u32, d: u32) -> PublishedDate {
    PublishedDate {
        date: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("not a day: {y}-{m}-{d}")),
        datetime: None,
        precision: DatePrecision::Day,
        method: DateMethod::Record,
        confidence: 1.0,
        evidence: String::new(),
    }
}

/// A plain-text article from `text`, with a source, a path and optionally a date.
pub fn article(source: &str, path: &str, text: &str, date: Option<PublishedDate>) -> Article {
    let mut b = ArticleBuilder::new(source, path, SourceFormat::Text, text.as_bytes(), text);
    b.published = date;
    b.build(None, None).unwrap_or_else(|e| panic!("building article {path}: {e}"))
}

/// The paragraphs of an article's text.
pub fn paragraphs(a: &Article) -> Vec<String> {
    a.paragraphs.iter().map(|p| a.slice(*p).to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_story_reads_as_articles_in_file_order() {
        let a = text_articles(&seeds_dir());
        assert!(a.len() >= 2, "examples/seeds has several reports");
        let sources: Vec<&str> = a.iter().map(|a| a.source.as_str()).collect();
        let mut sorted = sources.clone();
        sorted.sort();
        assert_eq!(sources, sorted);
        assert!(a.iter().all(|a| a.published.is_none() && a.title.is_none() && !a.text.is_empty()));
        let read = ingest(&seeds_dir());
        assert_eq!(read.len(), a.len());
        assert_eq!(read.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), a.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), "same texts");
    }

    #[test]
    fn article_keeps_its_date_and_paragraphs() {
        let a = article("s", "p.txt", "One.\n\nTwo.", Some(day(2024, 2, 29)));
        assert_eq!(a.published.as_ref().map(|p| p.date.to_string()), Some("2024-02-29".into()));
        assert_eq!(paragraphs(&a), vec!["One.", "Two."]);
    }
}
