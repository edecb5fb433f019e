//! # crosscheck-html
//!
//! Main text and metadata of one HTML page, the job trafilatura does for Python:
//! drop navigation, ads, comments, related-article lists and cookie banners; keep
//! the article's paragraphs and headings in order; read title, authors, date,
//! language and site name from `<meta>` (og:, article:, twitter:), JSON-LD
//! (`NewsArticle`), `<time>`, bylines and URL date patterns.
//!
//! This crate knows nothing of files or containers: `crosscheck-ingest` hands it
//! bytes (from a file, a feed entry, a WARC record) and builds the `Article`.
//!
//! (Skeleton: the API below is the contract `crosscheck-ingest` builds against.)

use crosscheck_core::PublishedDate;
use serde::Serialize;

/// What one page yields.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// Main text: one block (paragraph, heading, list item) per line, blocks
    /// separated by a blank line, in document order.
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PublishedDate>,
    /// ISO 639-1 code from `<html lang>`, `og:locale`, `inLanguage` or `content-language`.
    pub language: Option<String>,
    /// Outlet name (`og:site_name`, JSON-LD `publisher.name`).
    pub site_name: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`, else the URL given).
    pub url: Option<String>,
    pub description: Option<String>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
}

/// Why a page gave no article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    #[error("no article text found in the page")]
    NoArticle,
    #[error("not HTML: {0}")]
    NotHtml(String),
}

/// Decode `bytes` (charset from `declared` — e.g. an HTTP header — the page's
/// own `<meta charset>`, or detection) and extract the main text and metadata.
/// `url` is where the page was fetched from, when known (dates in URLs, the
/// outlet's domain).
pub fn extract(bytes: &[u8], declared_charset: Option<&str>, url: Option<&str>) -> Result<Extraction, HtmlError> {
    let _ = (bytes, declared_charset, url);
    Err(HtmlError::NoArticle)
}
