//! RSS 0.9x/1.0/2.0, Atom and JSON Feed, parsed by `feed-rs`: each entry is
//! an article (`path#N`, N counting entries from 1).
//!
//! The entry's content (else its summary) is HTML run through
//! `crosscheck_html::extract`, or used as is when it has no markup. The
//! entry's title, authors, link and date (`DateMethod::Feed`) win over what
//! the HTML says; the feed's title is the outlet, else the domain of the
//! feed's (or entry's) link.

use std::path::Path;

use chrono::{DateTime, Utc};
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat};
use feed_rs::model::{Entry, Feed, FeedType};

use crate::html::{page_article, Overrides};
use crate::{has_extension, language, outlet, skip_bom_and_space, tables, ArticleStream, IngestError, Reader};

/// Reads XML feeds and JSON Feeds.
#[derive(Debug, Clone, Copy, Default)]
pub struct FeedReader;

impl Reader for FeedReader {
    fn name(&self) -> &'static str {
        "feed"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        has_extension(path, tables::FEED_EXTENSIONS) || looks_like_feed(head)
    }

    fn read_owned(&self, path: String, bytes: Vec<u8>) -> ArticleStream<'static> {
        match parse(&path, &bytes) {
            Err(e) => Box::new(std::iter::once(Err(e))),
            Ok(feed) => {
                let context = FeedContext::of(&feed);
                Box::new(
                    feed.entries
                        .into_iter()
                        .enumerate()
                        .map(move |(i, entry)| entry_article(&format!("{path}#{}", i + 1), &context, entry)),
                )
            }
        }
    }
}

/// Whether the first bytes are an XML feed root (after a prolog, comments,
/// a doctype or processing instructions) or a JSON Feed.
pub fn looks_like_feed(head: &[u8]) -> bool {
    let rest = skip_bom_and_space(head);
    if rest.starts_with(b"{") {
        let text = String::from_utf8_lossy(rest);
        return text.contains(tables::JSON_FEED_MARKER);
    }
    if !rest.starts_with(b"<") {
        return false;
    }
    // The first element that is not a prolog, comment, doctype or PI.
    let text = String::from_utf8_lossy(rest).to_ascii_lowercase();
    let mut pos = 0;
    while let Some(i) = text[pos..].find('<') {
        let at = &text[pos + i..];
        if at.starts_with("<?") || at.starts_with("<!") {
            let close = if at.starts_with("<!--") { "-->" } else { ">" };
            match at.find(close) {
                Some(j) => pos += i + j + close.len(),
                None => return false,
            }
            continue;
        }
        return tables::FEED_ROOTS.iter().any(|r| at.starts_with(r));
    }
    false
}

fn parse(path: &str, bytes: &[u8]) -> Result<Feed, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::new(path, "empty feed"));
    }
    let document = utf8_document(bytes).map_err(|reason| IngestError::new(path, format!("malformed feed: {reason}")))?;
    let bytes = document.as_bytes();
    // Defence in depth: a panic inside the third-party parser is this file's
    // error, not the end of the batch.
    let parsed = std::panic::catch_unwind(|| feed_rs::parser::parse(bytes))
        .map_err(|_| IngestError::new(path, "malformed feed: the feed parser failed on this input"))?;
    let feed = parsed.map_err(|e| IngestError::new(path, format!("malformed feed: {e}")))?;
    if feed.entries.is_empty() {
        return Err(IngestError::new(path, "feed has no entries"));
    }
    Ok(feed)
}

/// The feed document as UTF-8, decoded by `crosscheck_core::decode` (BOM,
/// the XML declaration's `encoding`, detection) with the declaration reduced
/// to `<?xml version="1.0"?>`.
///
/// Why: quick-xml (under feed-rs) switches decoders when it meets a
/// declaration naming another encoding, and panics if that happens after its
/// first buffer is consumed (a late or unterminated declaration; found by
/// fuzzing). Handing it UTF-8 without an `encoding` means it never switches,
/// and one decoder judges every input of every format alike. A declaration
/// anywhere but at the start is ill-formed XML and refused.
fn utf8_document(bytes: &[u8]) -> Result<String, String> {
    let declared = declared_xml_encoding(bytes);
    let decoded = crosscheck_core::decode::decode(bytes, declared.as_deref());
    let text = decoded.text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') {
        return Ok(text.to_string());
    }
    if !text.starts_with('<') {
        return Err("neither XML nor JSON: the document starts with text".to_string());
    }
    let mut out = String::with_capacity(text.len());
    let rest = if is_declaration_at(text, 0) {
        let end = text.find("?>").filter(|&e| !text[5..e].contains('<')).ok_or("unterminated XML declaration")?;
        out.push_str("<?xml version=\"1.0\"?>");
        &text[end + 2..]
    } else {
        text
    };
    if let Some(at) = rest.match_indices("<?").map(|(i, _)| i).find(|&i| is_declaration_at(rest, i)) {
        return Err(format!("XML declaration at byte {} is not at the start of the document", at + (text.len() - rest.len())));
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether an XML declaration (`<?xml` then white space or `?`) starts at byte `i`.
fn is_declaration_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    b.len() >= i + 6 && b[i..i + 5].eq_ignore_ascii_case(b"<?xml") && (b[i + 5].is_ascii_whitespace() || b[i + 5] == b'?')
}

/// The `encoding` named by an XML declaration opening the (ASCII-compatible) bytes.
fn declared_xml_encoding(bytes: &[u8]) -> Option<String> {
    let head = skip_bom_and_space(&bytes[..bytes.len().min(512)]);
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let decl = &head[..head.windows(2).position(|w| w == b"?>")?];
    let decl = std::str::from_utf8(decl).ok()?;
    let after = &decl[decl.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// What every entry of one feed shares.
struct FeedContext {
    format: SourceFormat,
    /// The feed's title, else the domain of its link.
    source: Option<String>,
    language: Option<String>,
}

impl FeedContext {
    fn of(feed: &Feed) -> Self {
        let format = match feed.feed_type {
            FeedType::Atom => SourceFormat::Atom,
            FeedType::JSON => SourceFormat::JsonFeed,
            FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => SourceFormat::Rss,
        };
        let source = outlet::first_named([feed.title.as_ref().map(|t| t.content.as_str())])
            .or_else(|| feed.links.iter().find_map(|l| outlet::domain_of(&l.href)));
        FeedContext { format, source, language: feed.language.clone() }
    }
}

fn entry_article(path: &str, feed: &FeedContext, entry: Entry) -> Result<Article, IngestError> {
    let url = entry_link(&entry);
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.as_str()).filter(|s| !s.trim().is_empty()));
    let Some(body) = body else {
        return Err(IngestError::new(path, "feed entry has no content or summary"));
    };
    let title = entry.title.as_ref().map(|t| t.content.clone());
    let authors: Vec<String> = entry.authors.iter().filter_map(|p| p.name.as_deref()).map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect();
    let published = entry
        .published
        .map(|d| feed_date(d, "published", tables::FEED_PUBLISHED_CONFIDENCE))
        .or_else(|| entry.updated.map(|d| feed_date(d, "updated", tables::FEED_UPDATED_CONFIDENCE)));
    let source = feed.source.clone().or_else(|| url.as_deref().and_then(outlet::domain_of));
    let declared_language = entry.language.clone().or_else(|| feed.language.clone());
    if has_markup(body) {
        let overrides = Overrides {
            source,
            title,
            authors,
            published,
            fallback_published: None,
            language: declared_language,
            fallback_source: None,
        };
        // The feed parser has already decoded the document: the body is UTF-8.
        return page_article(path, body.as_bytes(), Some("utf-8"), url.as_deref(), feed.format, overrides);
    }
    let source = source.unwrap_or_else(|| outlet::file_stem(path));
    let mut b = ArticleBuilder::new(source, path, feed.format, body.as_bytes(), body);
    if b.text().trim().is_empty() {
        return Err(IngestError::new(path, "feed entry has no text"));
    }
    b.url = url;
    b.title = title;
    b.authors = authors;
    b.published = published;
    b.language = language::choose([declared_language.as_deref()], b.text());
    b.build(None, None).map_err(|e| IngestError::new(path, format!("internal error building the article: {e}")))
}

/// The entry's page: its `alternate` link, else its first link.
fn entry_link(entry: &Entry) -> Option<String> {
    entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().unwrap_or("alternate") == "alternate")
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// Whether a feed body is HTML (has a tag or an entity) rather than plain text.
fn has_markup(body: &str) -> bool {
    let has_tag = body.match_indices('<').any(|(i, _)| {
        body[i + 1..].chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
    });
    has_tag || body.contains("&amp;") || body.contains("&#")
}

fn feed_date(d: DateTime<Utc>, field: &str, confidence: f32) -> PublishedDate {
    PublishedDate {
        date: d.date_naive(),
        datetime: Some(d.fixed_offset()),
        precision: DatePrecision::DateTime,
        method: DateMethod::Feed,
        confidence,
        evidence: format!("{field}: {}", d.to_rfc3339()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_roots() {
        assert!(looks_like_feed(b"<?xml version=\"1.0\"?>\n<!-- x -->\n<rss version=\"2.0\">"));
        assert!(looks_like_feed(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(looks_like_feed(b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"));
        assert!(looks_like_feed(b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"));
        assert!(!looks_like_feed(b"<!DOCTYPE html><html>"));
        assert!(!looks_like_feed(b"{\"url\": \"x\"}"));
    }

    #[test]
    fn declarations() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><t>caf\xe9</t></rss>";
        assert_eq!(declared_xml_encoding(latin1).as_deref(), Some("ISO-8859-1"));
        assert_eq!(utf8_document(latin1).unwrap(), "<?xml version=\"1.0\"?>\n<rss><t>caf\u{e9}</t></rss>");
        assert!(utf8_document(b"<rss><?xml version=\"1.0\"?>").unwrap_err().contains("not at the start"));
        assert!(utf8_document(b"<?xml version=\"1.0\" encoding=\"x\"?-><rss/>").unwrap_err().contains("unterminated"));
        assert!(utf8_document(b"<rss><?xml-stylesheet href=\"x\"?></rss>").is_ok());
    }

    #[test]
    fn markup() {
        assert!(has_markup("<p>Hello</p>"));
        assert!(!has_markup("3 < 4 and 5 > 2"));
        assert!(!has_markup("Plain words."));
    }
}
