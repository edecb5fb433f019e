//! HTML pages: main text and metadata by `crosscheck_html::extract`, turned
//! into an [`Article`]. Feed entries and WARC records go through
//! [`page_article`] too, with what their container knows as [`Overrides`].

use std::path::Path;

use crosscheck_core::{Article, ArticleBuilder, PublishedDate, SourceFormat};
use crosscheck_html::{HtmlError, PageKind};

use crate::{has_extension, language, outlet, skip_bom_and_space, tables, ArticleStream, IngestError, Reader};

/// Reads `.html`/`.htm` files and anything that opens like an HTML document.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlReader;

impl Reader for HtmlReader {
    fn name(&self) -> &'static str {
        "html"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        has_extension(path, tables::HTML_EXTENSIONS) || looks_like_html(head)
    }

    fn read_owned(&self, path: String, bytes: Vec<u8>) -> ArticleStream<'static> {
        let result = if crosscheck_core::decode::looks_binary(&bytes) {
            Err(IngestError::new(&path, "binary data, not an HTML page (NUL or control bytes)"))
        } else {
            page_article(&path, &bytes, None, None, SourceFormat::Html, Overrides::default())
        };
        Box::new(std::iter::once(result))
    }
}

/// Whether the first bytes open an HTML document (after a BOM, white space,
/// an XML prolog, comments).
pub fn looks_like_html(head: &[u8]) -> bool {
    let mut rest = skip_bom_and_space(head);
    // Skip `<?xml …?>` and `<!-- … -->` before the first tag.
    loop {
        let lower: Vec<u8> = rest.iter().take(16).map(u8::to_ascii_lowercase).collect();
        let close: &[u8] = if lower.starts_with(b"<?xml") {
            b"?>"
        } else if lower.starts_with(b"<!--") {
            b"-->"
        } else {
            break;
        };
        match rest.windows(close.len()).position(|w| w == close) {
            Some(i) => rest = skip_bom_and_space(&rest[i + close.len()..]),
            None => return false,
        }
    }
    let lower: Vec<u8> = rest.iter().take(16).map(u8::to_ascii_lowercase).collect();
    tables::HTML_OPENINGS.iter().any(|o| lower.starts_with(o.as_bytes()))
}

/// What a container knows about a page, which wins over what the page says
/// (`None`/empty = ask the page).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub source: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// A date the container vouches for (feed entry, JSONL record).
    pub published: Option<PublishedDate>,
    /// A date to use only when the page gives none (WARC capture date).
    pub fallback_published: Option<PublishedDate>,
    pub language: Option<String>,
    /// The outlet when neither the container nor the page names one and
    /// there is no URL (default: the file stem of `path`).
    pub fallback_source: Option<String>,
}

/// Extract one page and build its article. `path` names it (with `#N` inside
/// a container), `declared_charset` comes from HTTP headers, `url` is where
/// it was fetched from.
pub fn page_article(
    path: &str,
    bytes: &[u8],
    declared_charset: Option<&str>,
    url: Option<&str>,
    format: SourceFormat,
    overrides: Overrides,
) -> Result<Article, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::new(path, "empty page"));
    }
    let extraction = crosscheck_html::extract(bytes, declared_charset, url).map_err(|e| match e {
        HtmlError::NoArticle => not_an_article(path, PageKind::NoArticle),
        HtmlError::NotHtml(why) => IngestError::new(path, format!("not HTML: {why}")),
    })?;
    // A section front's or a tag page's teasers are no report of a story.
    if !extraction.kind.is_article() {
        return Err(not_an_article(path, extraction.kind));
    }
    let page_url = url.map(str::to_string).or(extraction.url.clone());
    let source = outlet::first_named([
        overrides.source.as_deref(),
        extraction.site_name.as_deref(),
    ])
    .or_else(|| page_url.as_deref().and_then(outlet::domain_of))
    .or_else(|| extraction.url.as_deref().and_then(outlet::domain_of))
    .or(overrides.fallback_source)
    .unwrap_or_else(|| outlet::file_stem(path));
    let mut b = ArticleBuilder::new(source, path, format, bytes, &extraction.text);
    if b.text().trim().is_empty() {
        return Err(IngestError::new(path, "HTML with no article: the extracted text is empty"));
    }
    b.url = page_url;
    b.title = outlet::first_named([overrides.title.as_deref(), extraction.title.as_deref()]);
    b.authors = if overrides.authors.is_empty() { extraction.authors } else { overrides.authors };
    b.published = overrides.published.or(extraction.published).or(overrides.fallback_published);
    b.language = language::choose([overrides.language.as_deref(), extraction.language.as_deref()], b.text());
    b.build(None, None).map_err(|e| IngestError::new(path, format!("internal error building the article: {e}")))
}

/// The error of a page that is not an article: its kind is in the reason,
/// [`crate::NOT_AN_ARTICLE`] its code, so callers count these apart from
/// unreadable inputs.
fn not_an_article(path: &str, kind: PageKind) -> IngestError {
    let reason = match kind {
        PageKind::NoArticle => "HTML with no article (kind no-article): no main text found in the page; skipped".to_string(),
        other => format!("not an article but a listing page (kind {other}); skipped"),
    };
    IngestError { path: path.to_string(), reason, code: Some(crate::NOT_AN_ARTICLE) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_openings() {
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<!-- c -->\n<html xmlns=\"x\">"));
        assert!(looks_like_html(b"<HTML><HEAD>"));
        assert!(!looks_like_html(b"<rss version=\"2.0\">"));
        assert!(!looks_like_html(b"<!-- never closed"));
        assert!(!looks_like_html(b"plain text"));
    }
}
