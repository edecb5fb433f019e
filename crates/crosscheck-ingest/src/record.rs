//! The one reader of article records: a JSON object
//! `{url?, title?, text? | html?, source?, published?, authors?, language?}`
//! (unknown fields are ignored) becomes an [`Article`] here, whether it is a
//! line of a JSONL file ([`crate::JsonlReader`]) or a record posted to the
//! server's `POST /articles` (JSON, JSON array or JSONL body). The server's
//! raw `text/plain` / `text/html` bodies go through [`build_article`], the
//! same code with the metadata from the query string.
//!
//! How a record is read (each a deliberate choice; the two former readers
//! disagreed on all of them):
//!
//! * **Body.** Exactly one of `text` (the article's plain text) and `html` (a
//!   whole page, whose main text and metadata `crosscheck_html` extracts, as
//!   for an `.html` file). Both is the error `ambiguous_body` (which one the
//!   client meant cannot be known), neither (or only white space) is
//!   `missing_text`.
//! * **Lead of a text.** A `text` is read like a `.txt` file
//!   ([`crate::annotate_lead`]): a headline line gives the title, a dateline
//!   gives `dateline_span` and, when the record has no `published`, the date
//!   (`DateMethod::Dateline`). What the record says wins over what the text
//!   suggests (`title`, `published`).
//! * **Date.** `published` is RFC 3339, RFC 2822, `YYYY-MM-DD` or a written
//!   calendar date (`14 March 2024`, as a dateline writes it); anything else is
//!   the error `bad_date` — a record whose date cannot be read is refused with
//!   a reason rather than stored without its date.
//! * **Language.** The record's `language` when it is a valid tag (`en-US` →
//!   `en`), else detected from the text (for `html`: the page's declared
//!   language, then detection).
//! * **Outlet.** `source`, else (for `html`) the page's site name, else the
//!   URL's host, else the caller's `default_source` (a JSONL file's stem; the
//!   server's `unknown`).
//! * **Metadata.** Control characters are dropped from every metadata field and
//!   it is trimmed; an empty field counts as absent. `authors` is one name or
//!   a list of names.
//! * **Encoding.** The record's bytes are decoded like a text file (UTF-8,
//!   BOM, detection); the raw form hashed for the article is the body (`text`
//!   or `html`), so the same record read either way is the same `Article`
//!   except for its `path`.
//!
//! Every failure is a [`RecordError`] with a stable code (`malformed_json`,
//! `invalid_record`, `missing_text`, `ambiguous_body`, `empty_text`,
//! `bad_date`, `bad_html`, `bad_encoding`); the JSONL reader reports it as the
//! line's [`crate::IngestError`] (with [`crate::IngestError::code`]), the
//! server as the record's error code.

use chrono::DateTime;
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat};
use serde::Deserialize;

use crosscheck_extract::dateline::parse_date;
use crate::html::{page_article, Overrides};
use crate::{decoding, language, outlet, plaintext, tables};

/// Why one record could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RecordError {
    /// Stable code (`malformed_json`, `missing_text`, `empty_text`, `bad_date`, `bad_html`, ...).
    pub code: &'static str,
    pub message: String,
}

impl RecordError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        RecordError { code, message: message.into() }
    }
}

/// Authors as a list or as one string.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Authors {
    One(String),
    Many(Vec<String>),
}

impl Authors {
    /// The names, cleaned; empty ones dropped.
    pub fn into_vec(self) -> Vec<String> {
        let names = match self {
            Authors::One(a) => vec![a],
            Authors::Many(v) => v,
        };
        names.into_iter().filter_map(|n| clean(Some(n))).collect()
    }
}

/// One article as a JSON record. Give `text` (the article's text) or `html` (a
/// whole page; its main text and metadata are extracted), not both.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleRecord {
    /// Where the article was published.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// Plain text of the article.
    #[serde(default)]
    pub text: Option<String>,
    /// A whole HTML page.
    #[serde(default)]
    pub html: Option<String>,
    /// Outlet name; defaults to the page's site name or the URL's host.
    #[serde(default)]
    pub source: Option<String>,
    /// Publication date: RFC 3339 (`2025-12-02T10:30:00+01:00`), RFC 2822,
    /// `YYYY-MM-DD` or a written date (`2 December 2025`).
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Vec<String>>))]
    pub authors: Option<Authors>,
    /// Language tag (`en`, `en-US`); detected from the text when absent.
    #[serde(default)]
    pub language: Option<String>,
}

/// What a record (or a raw body's query string) says about its article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordMeta {
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Unparsed; read by [`parse_published`].
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
}

/// The body of an article record.
#[derive(Debug, Clone, Copy)]
pub enum Body<'a> {
    /// Plain text.
    Text(&'a str),
    /// An HTML page; `charset` as declared by its carrier (HTTP header), if any.
    Html { bytes: &'a [u8], charset: Option<&'a str> },
}

/// Parse one JSON record (`bytes`, any encoding a text file may have) into an
/// article named `path`; `default_source` is the outlet when the record names
/// none and has no URL.
pub fn parse_record(bytes: &[u8], path: &str, default_source: &str) -> Result<Article, RecordError> {
    record_to_article(parse(bytes)?, path, default_source)
}

/// The record in `bytes` (decoded like a text file), not yet an article.
pub fn parse(bytes: &[u8]) -> Result<ArticleRecord, RecordError> {
    let decoded = decoding::decode_text(bytes, None).map_err(|e| RecordError::new("bad_encoding", e))?;
    from_json(serde_json::from_str(&decoded.text))
}

/// A record from a JSON value (an element of a posted array).
pub fn from_value(v: serde_json::Value) -> Result<ArticleRecord, RecordError> {
    from_json(serde_json::from_value(v))
}

fn from_json(r: Result<ArticleRecord, serde_json::Error>) -> Result<ArticleRecord, RecordError> {
    r.map_err(|e| RecordError::new(if e.is_data() { "invalid_record" } else { "malformed_json" }, format!("malformed JSON record: {e}")))
}

/// Turn a parsed record into an article (see the module docs for the rules).
pub fn record_to_article(r: ArticleRecord, path: &str, default_source: &str) -> Result<Article, RecordError> {
    let meta = RecordMeta {
        source: r.source,
        url: r.url,
        title: r.title,
        published: r.published,
        authors: r.authors.map(Authors::into_vec).unwrap_or_default(),
        language: r.language,
    };
    // Bodies keep their line breaks (the core normaliser handles the rest).
    let body = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    match (body(r.text), body(r.html)) {
        (Some(_), Some(_)) => Err(RecordError::new("ambiguous_body", "give either `text` or `html`, not both")),
        (None, None) => Err(RecordError::new("missing_text", "the record has neither `text` nor `html`")),
        (Some(text), None) => build_article(meta, Body::Text(&text), SourceFormat::Jsonl, path, default_source),
        (None, Some(html)) => build_article(meta, Body::Html { bytes: html.as_bytes(), charset: Some("utf-8") }, SourceFormat::Jsonl, path, default_source),
    }
}

/// Build the article of one body with what its record says about it.
pub fn build_article(meta: RecordMeta, body: Body<'_>, format: SourceFormat, path: &str, default_source: &str) -> Result<Article, RecordError> {
    let published = clean(meta.published).map(|p| parse_published(&p)).transpose()?;
    let url = clean(meta.url);
    let source = clean(meta.source);
    let title = clean(meta.title);
    let declared_language = clean(meta.language);
    match body {
        Body::Text(text) => {
            let source = source.or_else(|| url.as_deref().and_then(outlet::domain_of)).unwrap_or_else(|| default_source.to_string());
            let mut b = ArticleBuilder::new(source, path, format, text.as_bytes(), text);
            if b.text().trim().is_empty() {
                return Err(RecordError::new("empty_text", "the article text is empty"));
            }
            let normalised = b.text().to_string();
            let (title_span, dateline_span) = plaintext::annotate_lead(&mut b, &normalised);
            b.url = url;
            if title.is_some() {
                b.title = title;
            }
            if published.is_some() {
                b.published = published;
            }
            b.authors = meta.authors;
            b.language = language::choose([declared_language.as_deref()], &normalised);
            b.build(title_span, dateline_span).map_err(|e| RecordError::new("invalid_record", format!("internal error building the article: {e}")))
        }
        Body::Html { bytes, charset } => {
            let overrides = Overrides {
                source,
                title,
                authors: meta.authors,
                published,
                fallback_published: None,
                language: declared_language,
                fallback_source: Some(default_source.to_string()),
            };
            page_article(path, bytes, charset, url.as_deref(), format, overrides).map_err(|e| {
                let code = if e.reason.contains("text is empty") || e.reason == "empty page" { "empty_text" } else { "bad_html" };
                RecordError::new(code, format!("HTML page: {}", e.reason))
            })
        }
    }
}

/// A record's `published` value: RFC 3339 / RFC 2822 timestamps, else an ISO
/// or written calendar date.
pub fn parse_published(value: &str) -> Result<PublishedDate, RecordError> {
    let v = value.trim();
    let (date, datetime, precision) = if let Ok(dt) = DateTime::parse_from_rfc3339(v).or_else(|_| DateTime::parse_from_rfc2822(v)) {
        (dt.date_naive(), Some(dt), DatePrecision::DateTime)
    } else if let Some(d) = parse_date(v) {
        (d, None, DatePrecision::Day)
    } else {
        return Err(RecordError::new("bad_date", format!("`published` must be a date (RFC 3339, RFC 2822, YYYY-MM-DD or e.g. 2 December 2025), got {:?}", truncate(v, 60))));
    };
    Ok(PublishedDate { date, datetime, precision, method: DateMethod::Record, confidence: tables::JSONL_PUBLISHED_CONFIDENCE, evidence: v.to_string() })
}

/// A metadata field as stored: control characters (NUL, escapes, line
/// breaks) dropped, trimmed, `None` when nothing is left.
fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| s.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string()).filter(|s| !s.is_empty())
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn parse(json: &[u8]) -> Result<Article, RecordError> {
        parse_record(json, "t#1", "fallback")
    }

    #[test]
    fn text_record_becomes_article() {
        let a = parse(br#"{"url":"https://www.example.org/a/1","title":"T","text":"Hello world.\n\nSecond.","published":"2025-12-02","authors":"A. Writer"}"#).unwrap();
        assert_eq!(a.source, "example.org");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.authors, vec!["A. Writer".to_string()]);
        assert_eq!(a.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2025, 12, 2).unwrap());
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.path, "t#1");
        assert_eq!(a.format, SourceFormat::Jsonl);
        // No source, no URL: the caller's default.
        assert_eq!(parse(br#"{"text":"Hello world."}"#).unwrap().source, "fallback");
    }

    #[test]
    fn bad_records_are_named() {
        assert_eq!(parse(b"{not json").unwrap_err().code, "malformed_json");
        assert_eq!(parse(br#"{"title":"no text"}"#).unwrap_err().code, "missing_text");
        assert_eq!(parse(br#"{"text":"   "}"#).unwrap_err().code, "missing_text");
        assert_eq!(parse(br#"{"text":"a","html":"<p>b</p>"}"#).unwrap_err().code, "ambiguous_body");
        assert_eq!(parse(br#"{"text":"a","published":"yesterday"}"#).unwrap_err().code, "bad_date");
        assert_eq!(parse(br#"{"text":5}"#).unwrap_err().code, "invalid_record");
        assert_eq!(parse(br#"[1,2]"#).unwrap_err().code, "invalid_record");
    }

    #[test]
    fn dates() {
        let p = parse_published("2025-12-02T10:30:00+01:00").unwrap();
        assert_eq!(p.precision, DatePrecision::DateTime);
        assert!(p.datetime.is_some());
        assert_eq!(parse_published("Tue, 02 Dec 2025 08:30:00 GMT").unwrap().date.to_string(), "2025-12-02");
        assert_eq!(parse_published("2025-12-02").unwrap().precision, DatePrecision::Day);
        assert_eq!(parse_published("soon").unwrap_err().code, "bad_date");
    }

    #[test]
    fn text_gets_headline_and_dateline_like_a_text_file_and_the_record_wins() {
        let body = "Harbour reopens after storm\nPortwick \u{2013} March 14, 2024 \u{2013} The harbour reopened on Thursday.";
        let json = serde_json::json!({"text": body, "source": "Courier"}).to_string();
        let a = parse(json.as_bytes()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour reopens after storm"));
        assert_eq!(a.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2024, 3, 14).unwrap());
        assert_eq!(a.published.as_ref().unwrap().method, DateMethod::Dateline);
        assert!(a.title_span.is_some() && a.dateline_span.is_some());
        let json = serde_json::json!({"text": body, "title": "Given title", "published": "2024-03-15"}).to_string();
        let b = parse(json.as_bytes()).unwrap();
        assert_eq!(b.title.as_deref(), Some("Given title"));
        assert_eq!(b.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
        assert_eq!(b.published.as_ref().unwrap().method, DateMethod::Record);
    }

    #[test]
    fn language_from_the_record_else_detected() {
        let text = "The ministry said on Tuesday that the talks would continue next week in the capital, despite the protests.";
        let a = parse(serde_json::json!({"text": text, "language": "EN-gb"}).to_string().as_bytes()).unwrap();
        assert_eq!(a.language.as_deref(), Some("en"));
        let b = parse(serde_json::json!({"text": text}).to_string().as_bytes()).unwrap();
        assert_eq!(b.language.as_deref(), Some("en"));
        let c = parse(serde_json::json!({"text": text, "language": "fr"}).to_string().as_bytes()).unwrap();
        assert_eq!(c.language.as_deref(), Some("fr"));
    }

    #[test]
    fn metadata_is_cleaned() {
        let a = parse(br#"{"text":"Hello world.","title":" A\u0000 title\n","source":"  ","url":"http://news.example/x","authors":["  ","B"]}"#).unwrap();
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert_eq!(a.source, "news.example");
        assert_eq!(a.authors, vec!["B".to_string()]);
    }
}
