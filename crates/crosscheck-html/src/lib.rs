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
//! How: the bytes are decoded ([`charset`] prescan, then
//! `crosscheck_core::decode`), parsed by html5ever (through `scraper`) into a
//! real HTML5 tree, flattened once into an arena ([`page`]), cut into text
//! blocks and scored ([`content`]); metadata comes from [`metadata`] and
//! [`dates`]; whether the page is an article or a listing from [`kind`].
//! Every heuristic lives in [`tables`]. All passes are linear in
//! the page size and iterative (no recursion over the tree).

pub mod charset;
pub mod content;
pub mod dates;
pub mod kind;
pub mod metadata;
pub mod page;
pub mod tables;

use crosscheck_core::PublishedDate;
pub use kind::PageKind;
use serde::Serialize;

/// What one page yields.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// Main text: one block (paragraph, heading, list item) per line, blocks
    /// separated by a blank line, in document order.
    pub text: String,
    /// Headline: `og:title`, JSON-LD `headline`, `<title>` without its
    /// " | Site" part, or the first `<h1>`.
    pub title: Option<String>,
    /// Author names, from JSON-LD `author`, author `<meta>` tags, `rel=author`
    /// / `itemprop=author` elements, byline elements or a "By X and Y" line.
    pub authors: Vec<String>,
    /// Publication date with how it was found and how sure that is: JSON-LD
    /// `datePublished` > `article:published_time`-style meta > `<time>` > a
    /// date in the URL > a written date in a byline or the first lines.
    pub published: Option<PublishedDate>,
    /// ISO 639-1 code from `<html lang>`, `og:locale`, `inLanguage` or `content-language`.
    pub language: Option<String>,
    /// Outlet name (`og:site_name`, JSON-LD `publisher.name`).
    pub site_name: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, `og:url`, else the URL given).
    pub url: Option<String>,
    /// Summary from the description `<meta>` tags or JSON-LD `description`.
    pub description: Option<String>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// What kind of page this is ([`kind`]): only an `article` is a report
    /// to ingest; a section front, tag or search listing is not.
    pub kind: PageKind,
}

/// Why a page gave no article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    /// The page parsed, but nothing in it reads as article prose (an index,
    /// an error page, a page whose text is rendered by script).
    #[error("no article text found in the page")]
    NoArticle,
    /// The bytes are not a web page at all (binary data).
    #[error("not HTML: {0}")]
    NotHtml(String),
}

/// Decode `bytes` (charset from `declared` — e.g. an HTTP header — the page's
/// own `<meta charset>`, or detection) and extract the main text and metadata.
/// `url` is where the page was fetched from, when known (dates in URLs, the
/// outlet's domain).
///
/// Errors: [`HtmlError::NotHtml`] for binary data; [`HtmlError::NoArticle`]
/// when the page holds no article prose (a fragment's text is returned however
/// short it is).
pub fn extract(bytes: &[u8], declared_charset: Option<&str>, url: Option<&str>) -> Result<Extraction, HtmlError> {
    let ex = extract_any(bytes, declared_charset, url)?;
    if ex.kind == PageKind::NoArticle {
        return Err(HtmlError::NoArticle);
    }
    Ok(ex)
}

/// [`extract`], but a page without article text is an [`Extraction`] too:
/// its metadata, an empty `text` and kind [`PageKind::NoArticle`]
/// (`crosscheck extract --json`, the extraction benchmark's metadata scores).
pub fn extract_any(bytes: &[u8], declared_charset: Option<&str>, url: Option<&str>) -> Result<Extraction, HtmlError> {
    if crosscheck_core::decode::looks_binary(bytes) {
        return Err(HtmlError::NotHtml("binary data".into()));
    }
    let prescanned = if declared_charset.is_none() { charset::prescan(bytes) } else { None };
    let decoded = crosscheck_core::decode::decode(bytes, declared_charset.or(prescanned.as_deref()));
    Ok(read_page(&decoded.text, decoded.encoding, url))
}

/// [`extract`] for text already decoded (`encoding` is reported as given).
pub fn extract_str(source: &str, encoding: &'static str, url: Option<&str>) -> Result<Extraction, HtmlError> {
    let ex = read_page(source, encoding, url);
    if ex.kind == PageKind::NoArticle {
        return Err(HtmlError::NoArticle);
    }
    Ok(ex)
}

/// Main text, metadata and kind of a decoded page (kind `NoArticle` with an
/// empty text when it has no article prose).
fn read_page(source: &str, encoding: &'static str, url: Option<&str>) -> Extraction {
    let source = cut_to_limit(source);
    let page = page::build(source);
    let ld = metadata::json_ld_article(&page);
    let site_name = metadata::site_name(&page, ld.as_ref(), url);
    let title = metadata::title(&page, ld.as_ref(), site_name.as_deref());
    let hint = ld.as_ref().and_then(|l| l.body.as_deref()).and_then(content::BodyHint::new);
    let mut main = content::main_text(&page, title.as_deref(), hint.as_ref());
    if !main.has_prose && page.has_noscript {
        // The article may be rendered by script, its text only in a
        // `<noscript>` fallback.
        let fallback = content::main_text(&page::build_with_noscript(source), title.as_deref(), hint.as_ref());
        if fallback.has_prose {
            main = fallback;
        }
    }
    let (bylines, date_lines) = (main.bylines, main.date_lines);
    let blocks = if main.has_prose {
        main.blocks
    } else if let Some(body) = ld.as_ref().and_then(|l| l.body.as_deref()).filter(|b| b.trim().chars().count() >= tables::MIN_ARTICLE_CHARS) {
        // A page whose text is rendered by script often still carries it in JSON-LD.
        body.split('\n').map(page::collapse).filter(|l| !l.is_empty()).collect()
    } else if !page.is_document {
        content::all_text(&page)
    } else {
        Vec::new()
    };
    let kind = if blocks.is_empty() { PageKind::NoArticle } else { kind::page_kind(&page, url, &blocks) };
    let mut text_dates = date_lines;
    text_dates.extend(bylines.iter().cloned());
    text_dates.extend(blocks.iter().take(2).cloned());
    let published = metadata::published(&page, ld.as_ref(), url, &text_dates);
    let mut authors = metadata::authors(&page, ld.as_ref());
    if authors.is_empty() {
        authors = bylines.iter().flat_map(|b| metadata::split_authors(b)).collect();
    }
    Extraction {
        text: blocks.join("\n\n"),
        authors,
        published,
        language: metadata::language(&page, ld.as_ref()),
        url: metadata::canonical(&page, ld.as_ref(), url),
        description: metadata::description(&page, ld.as_ref()),
        // The body was cut with the metadata title (its line is not repeated
        // in the text); the reader's headline is the page's own `<h1>`.
        title: metadata::shown_headline(&page, title.as_deref()),
        site_name,
        encoding,
        kind,
    }
}

/// Whether `bytes` look like an HTML page or fragment (rather than plain text,
/// JSON, an XML feed or binary data): the first kilobytes, after a BOM and
/// whitespace, hold an HTML doctype or one of the common HTML tags.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    if crosscheck_core::decode::looks_binary(bytes) {
        return false;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head = crosscheck_core::decode::decode(head, None).text.to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("<?xml") && !head.contains("<html") {
        return false;
    }
    if start.starts_with('{') || start.starts_with('[') {
        return false;
    }
    const MARKERS: &[&str] = &[
        "<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<br", "<span", "<a href",
        "<article", "<h1", "<h2", "<ul", "<table", "<meta", "<title",
    ];
    MARKERS.iter().any(|m| head.contains(m))
}

/// Cut a page larger than [`tables::MAX_HTML_BYTES`] before the last tag that
/// starts within the limit, so the parser's memory stays bounded.
fn cut_to_limit(source: &str) -> &str {
    if source.len() <= tables::MAX_HTML_BYTES {
        return source;
    }
    let end = page::floor_char_boundary(source, tables::MAX_HTML_BYTES);
    let end = source[..end].rfind('<').filter(|&e| e > 0).unwrap_or(end);
    tracing::warn!(bytes = source.len(), kept = end, "page larger than the extraction limit; reading its start only");
    &source[..end]
}
