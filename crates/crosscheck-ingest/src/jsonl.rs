//! JSON Lines: one article per line, an object with
//! `{url, title, text | html, source, published, authors, language}`
//! (unknown fields are ignored). `text` is used as is; `html` goes through
//! `crosscheck_html::extract`. A bad line is an error for `path#lineN` and
//! the other lines go on.

use std::io::{BufRead, Cursor, Read};
use std::path::Path;

use chrono::DateTime;
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat};
use serde::Deserialize;

use crosscheck_extract::dateline::{find_dateline, parse_date};
use crate::html::{page_article, Overrides};
use crate::{decoding, has_extension, human_bytes, language, outlet, skip_bom_and_space, tables, ArticleStream, IngestError, ReadOptions, Reader};

/// Reads `.jsonl`/`.ndjson` files and anything whose first line is a JSON object.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonlReader {
    options: ReadOptions,
}

impl JsonlReader {
    pub fn new(options: ReadOptions) -> Self {
        JsonlReader { options }
    }
}

impl Reader for JsonlReader {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        has_extension(path, tables::JSONL_EXTENSIONS) || looks_like_jsonl(head)
    }

    fn read_owned(&self, path: String, bytes: Vec<u8>) -> ArticleStream<'static> {
        if is_single_json_document(&bytes) {
            let reason = "JSON document that is neither JSON Lines (one object per line) nor a JSON Feed";
            return Box::new(std::iter::once(Err(IngestError::new(path, reason))));
        }
        read_lines(path, Cursor::new(bytes), self.options)
    }
}

/// Whether the input starts like JSON (an object or an array) and is not a
/// JSON Feed. JSON that is not one object per line is refused by the reader
/// with a clear reason rather than read as text.
fn looks_like_jsonl(head: &[u8]) -> bool {
    let rest = skip_bom_and_space(head);
    // `{` then a key or `}`; `[` then an object or `]`. Text opening with
    // "[Update] ..." or "{sic}" stays text.
    let opens_json = match rest.split_first() {
        Some((b'{', after)) => matches!(skip_bom_and_space(after).first(), Some(b'"' | b'}')),
        Some((b'[', after)) => matches!(skip_bom_and_space(after).first(), Some(b'{' | b']')),
        _ => false,
    };
    opens_json && !String::from_utf8_lossy(rest).contains(tables::JSON_FEED_MARKER)
}

/// Whether the first non-blank line fails to parse as JSON while the whole
/// input is one JSON document (a pretty-printed object, an array).
fn is_single_json_document(bytes: &[u8]) -> bool {
    let first_line = bytes.split(|&b| b == b'\n').find(|l| !l.iter().all(u8::is_ascii_whitespace));
    let first_line_is_object = first_line
        .is_some_and(|l| serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(l).is_ok());
    !first_line_is_object && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// One line's record.
#[derive(Debug, Deserialize)]
struct Record {
    url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    source: Option<String>,
    published: Option<String>,
    #[serde(default)]
    authors: Option<Authors>,
    language: Option<String>,
}

/// `authors` may be one name or a list of names.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Authors {
    One(String),
    Many(Vec<String>),
}

impl Authors {
    fn into_vec(self) -> Vec<String> {
        let names = match self {
            Authors::One(a) => vec![a],
            Authors::Many(v) => v,
        };
        names.into_iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect()
    }
}

/// Stream the articles of JSONL `input`; `label` names it in paths and errors.
pub fn read_lines<R: BufRead + 'static>(label: String, input: R, options: ReadOptions) -> ArticleStream<'static> {
    Box::new(JsonlLines { label, input, options, line_no: 0, done: false, articles: 0 })
}

struct JsonlLines<R> {
    label: String,
    input: R,
    options: ReadOptions,
    line_no: usize,
    done: bool,
    articles: usize,
}

impl<R: BufRead> JsonlLines<R> {
    /// The next line (without its newline), or an error for a line longer than the limit.
    fn next_line(&mut self) -> Option<Result<Vec<u8>, String>> {
        let max = self.options.max_input_bytes;
        let mut line = Vec::new();
        match (&mut self.input).take(max + 1).read_until(b'\n', &mut line) {
            Ok(0) => None,
            Ok(_) if line.len() as u64 > max && !line.ends_with(b"\n") => {
                // Drop the rest of the over-long line.
                loop {
                    let mut rest = Vec::new();
                    match (&mut self.input).take(1 << 20).read_until(b'\n', &mut rest) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if rest.ends_with(b"\n") => break,
                        Ok(_) => {}
                    }
                }
                Some(Err(format!("line exceeds the maximum input size of {}", human_bytes(max))))
            }
            Ok(_) => {
                while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    line.pop();
                }
                Some(Ok(line))
            }
            Err(e) => Some(Err(format!("cannot read: {e}"))),
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let Some(line) = self.next_line() else {
                self.done = true;
                if self.line_no == 0 {
                    return Some(Err(IngestError::new(&self.label, "empty input")));
                }
                if self.articles == 0 && self.line_no > 0 {
                    tracing::debug!(label = %self.label, "JSONL input without articles");
                }
                return None;
            };
            self.line_no += 1;
            let path = format!("{}#line{}", self.label, self.line_no);
            let line = match line {
                Ok(l) => l,
                Err(reason) => return Some(Err(IngestError::new(path, reason))),
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let result = record_article(&path, &line);
            if result.is_ok() {
                self.articles += 1;
            }
            return Some(result);
        }
        None
    }
}

fn record_article(path: &str, line: &[u8]) -> Result<Article, IngestError> {
    let fail = |reason: String| IngestError::new(path, reason);
    let decoded = decoding::decode_text(line, None).map_err(&fail)?;
    let record: Record = serde_json::from_str(&decoded.text).map_err(|e| fail(format!("malformed JSON record: {e}")))?;
    let url = record.url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
    let authors = record.authors.map(Authors::into_vec).unwrap_or_default();
    let published = record.published.as_deref().and_then(|p| {
        let date = record_date(p);
        if date.is_none() {
            tracing::warn!(path, published = p, "unreadable `published` date ignored");
        }
        date
    });
    let text = record.text.filter(|t| !t.trim().is_empty());
    let html = record.html.filter(|h| !h.trim().is_empty());
    match (text, html) {
        (Some(text), _) => {
            let source = outlet::first_named([record.source.as_deref()])
                .or_else(|| url.as_deref().and_then(outlet::domain_of))
                .unwrap_or_else(|| outlet::file_stem(path));
            let mut b = ArticleBuilder::new(source, path, SourceFormat::Jsonl, line, &text);
            if b.text().trim().is_empty() {
                return Err(fail("record has no text".into()));
            }
            let normalised = b.text().to_string();
            let dateline = find_dateline(&normalised, 0);
            b.url = url;
            b.title = record.title;
            b.authors = authors;
            b.published = published.or_else(|| {
                dateline.as_ref().and_then(|d| d.date.map(|date| (d, date))).map(|(d, date)| PublishedDate {
                    date,
                    datetime: None,
                    precision: DatePrecision::Day,
                    method: DateMethod::Dateline,
                    confidence: tables::DATELINE_CONFIDENCE,
                    evidence: d.span.slice(&normalised).to_string(),
                })
            });
            b.language = language::choose([record.language.as_deref()], &normalised);
            b.build(None, dateline.map(|d| d.span)).map_err(|e| fail(format!("internal error building the article: {e}")))
        }
        (None, Some(html)) => {
            let overrides = Overrides {
                source: record.source,
                title: record.title,
                authors,
                published,
                fallback_published: None,
                language: record.language,
            };
            page_article(path, html.as_bytes(), Some("utf-8"), url.as_deref(), SourceFormat::Jsonl, overrides)
        }
        (None, None) => Err(fail("record has neither `text` nor `html`".into())),
    }
}

/// A record's `published` value: RFC 3339 / RFC 2822 timestamps, else a
/// written or ISO calendar date.
fn record_date(value: &str) -> Option<PublishedDate> {
    let v = value.trim();
    let (date, datetime, precision) = if let Ok(dt) = DateTime::parse_from_rfc3339(v).or_else(|_| DateTime::parse_from_rfc2822(v)) {
        (dt.date_naive(), Some(dt), DatePrecision::DateTime)
    } else {
        (parse_date(v)?, None, DatePrecision::Day)
    };
    Some(PublishedDate {
        date,
        datetime,
        precision,
        method: DateMethod::Record,
        confidence: tables::JSONL_PUBLISHED_CONFIDENCE,
        evidence: v.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert!(looks_like_jsonl(b"{\"url\": \"u\", \"text\": \"t\"}\n{\"x\":1}"));
        assert!(looks_like_jsonl(b"[{\"text\": \"t\"}]"));
        assert!(looks_like_jsonl(b"{ \"text\": \"t\" }"));
        assert!(!looks_like_jsonl(b"[Update] Talks resume"));
        assert!(!looks_like_jsonl(b"{sic} the minister said"));
        assert!(is_single_json_document(b"{\n  \"text\": \"t\"\n}\n"));
        assert!(is_single_json_document(b"[{\"text\": \"t\"}]"));
        assert!(!is_single_json_document(b"{\"text\": \"t\"}\n{\"text\": \"u\"}\n"));
        assert!(!is_single_json_document(b"{ broken\n"));
        assert!(!looks_like_jsonl(b"{\"version\":\"https://jsonfeed.org/version/1\"}"));
        assert!(!looks_like_jsonl(b"plain"));
    }

    #[test]
    fn dates() {
        assert_eq!(record_date("2025-12-02T08:30:00+01:00").unwrap().precision, DatePrecision::DateTime);
        assert_eq!(record_date("Tue, 02 Dec 2025 08:30:00 GMT").unwrap().date.to_string(), "2025-12-02");
        assert_eq!(record_date("2025-12-02").unwrap().precision, DatePrecision::Day);
        assert!(record_date("soon").is_none());
    }
}
