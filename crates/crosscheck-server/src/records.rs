//! Article records as clients post them: one JSON object per article
//! (`{url?, title?, text? | html?, source?, published?, authors?, language?}`),
//! or a raw `text/plain` / `text/html` body with the metadata in the query
//! string. Each becomes an [`Article`] through [`ArticleBuilder`] (text) or
//! [`crosscheck_html::extract`] (HTML), so API articles are normalised and
//! identified exactly like files read by the CLI.

use chrono::{DateTime, NaiveDate};
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat};
use serde::Deserialize;
use utoipa::ToSchema;

/// Why one record could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RecordError {
    /// Stable code (`malformed_json`, `missing_text`, `empty_text`, `bad_date`, `bad_html`, ...).
    pub code: &'static str,
    pub message: String,
}

impl RecordError {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        RecordError { code, message: message.into() }
    }
}

/// Authors as a list or as one string.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum Authors {
    One(String),
    Many(Vec<String>),
}

/// One article posted as JSON. Give `text` (the article's text) or `html` (a
/// whole page; its main text and metadata are extracted), not both.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
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
    /// Publication date: `YYYY-MM-DD` or RFC 3339 (`2025-12-02T10:30:00+01:00`).
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Vec<String>>)]
    pub authors: Option<Authors>,
    /// ISO 639-1 language code.
    #[serde(default)]
    pub language: Option<String>,
}

/// Metadata of a raw `text/plain` or `text/html` body, from the query string.
#[derive(Debug, Clone, Default)]
pub struct RawMeta {
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// Parse one JSON record (`label` names it in the article's `path`, e.g. `api:post#3`).
pub fn parse_record(json: &[u8], label: &str) -> Result<Article, RecordError> {
    let record: ArticleRecord = serde_json::from_slice(json)
        .map_err(|e| RecordError::new(if e.is_data() { "invalid_record" } else { "malformed_json" }, format!("not a valid article record: {e}")))?;
    record_to_article(record, label)
}

/// Turn a record into an article.
pub fn record_to_article(r: ArticleRecord, label: &str) -> Result<Article, RecordError> {
    let authors = match r.authors {
        None => Vec::new(),
        Some(Authors::One(a)) => vec![a],
        Some(Authors::Many(v)) => v,
    };
    let authors: Vec<String> = authors.into_iter().filter_map(|a| non_empty(Some(a))).collect();
    let url = non_empty(r.url);
    let published = non_empty(r.published).map(|p| parse_published(&p)).transpose()?;
    // Bodies keep their line breaks (the core normaliser handles the rest).
    let body = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    match (body(r.text), body(r.html)) {
        (Some(_), Some(_)) => Err(RecordError::new("ambiguous_body", "give either `text` or `html`, not both")),
        (None, None) => Err(RecordError::new("missing_text", "the record has neither `text` nor `html`")),
        (Some(text), None) => {
            let meta = RawMeta { source: r.source, url, title: r.title, published: None };
            let (mut b, lead) = text_builder(&meta, label, SourceFormat::Jsonl, text.as_bytes(), &text)?;
            b.authors = authors;
            if published.is_some() {
                b.published = published;
            }
            b.language = non_empty(r.language);
            finish(b, lead)
        }
        (None, Some(html)) => {
            let meta = RawMeta { source: r.source, url, title: r.title, published: None };
            let mut a = html_article(&meta, label, html.as_bytes(), Some("utf-8"))?;
            if !authors.is_empty() {
                a.authors = authors;
            }
            if published.is_some() {
                a.published = published;
            }
            if let Some(l) = non_empty(r.language) {
                a.language = Some(l);
            }
            Ok(a)
        }
    }
}

/// A raw `text/plain` body.
pub fn text_article(meta: &RawMeta, label: &str, body: &[u8]) -> Result<Article, RecordError> {
    let text = std::str::from_utf8(body).map_err(|e| RecordError::new("bad_encoding", format!("text/plain body is not UTF-8: {e}")))?;
    let (mut b, lead) = text_builder(meta, label, SourceFormat::Text, body, text)?;
    if let Some(published) = non_empty(meta.published.clone()).map(|p| parse_published(&p)).transpose()? {
        b.published = Some(published);
    }
    finish(b, lead)
}

/// A raw `text/html` body (`charset` from the Content-Type header, if any).
pub fn html_body_article(meta: &RawMeta, label: &str, body: &[u8], charset: Option<&str>) -> Result<Article, RecordError> {
    let mut a = html_article(meta, label, body, charset)?;
    if let Some(p) = non_empty(meta.published.clone()) {
        a.published = Some(parse_published(&p)?);
    }
    Ok(a)
}

/// A builder for a plain-text body, with the headline and dateline found as
/// the ingest stage finds them in a `.txt` file (so an upload and a file of
/// the same report carry the same title and date); metadata the client gave
/// wins over what the text suggests.
fn text_builder(meta: &RawMeta, label: &str, format: SourceFormat, raw: &[u8], text: &str) -> Result<(ArticleBuilder, Lead), RecordError> {
    let url = non_empty(meta.url.clone());
    let source = non_empty(meta.source.clone()).or_else(|| url.as_deref().and_then(crosscheck_ingest::domain_of)).unwrap_or_else(|| "unknown".to_string());
    let mut b = ArticleBuilder::new(source, path_of(label, url.as_deref()), format, raw, text);
    if b.text().trim().is_empty() {
        return Err(RecordError::new("empty_text", "the article text is empty"));
    }
    let normalised = b.text().to_string();
    let lead = crosscheck_ingest::annotate_lead(&mut b, &normalised);
    b.url = url;
    if let Some(title) = non_empty(meta.title.clone()) {
        b.title = Some(title);
    }
    Ok((b, lead))
}

/// Title and dateline spans of a plain-text body.
type Lead = (Option<crosscheck_core::Span>, Option<crosscheck_core::Span>);

fn html_article(meta: &RawMeta, label: &str, bytes: &[u8], charset: Option<&str>) -> Result<Article, RecordError> {
    let url = non_empty(meta.url.clone());
    let ex = crosscheck_html::extract(bytes, charset, url.as_deref()).map_err(|e| RecordError::new("bad_html", format!("HTML page: {e}")))?;
    let url = url.or(ex.url.clone());
    let source = non_empty(meta.source.clone())
        .or(ex.site_name.clone())
        .or_else(|| url.as_deref().and_then(crosscheck_ingest::domain_of))
        .unwrap_or_else(|| "unknown".to_string());
    let mut b = ArticleBuilder::new(source, path_of(label, url.as_deref()), SourceFormat::Html, bytes, &ex.text);
    if b.text().trim().is_empty() {
        return Err(RecordError::new("empty_text", "no article text found in the HTML page"));
    }
    b.url = url;
    b.title = non_empty(meta.title.clone()).or(ex.title);
    b.authors = ex.authors;
    b.published = ex.published;
    b.language = ex.language;
    finish(b, (None, None))
}

fn finish(b: ArticleBuilder, (title_span, dateline_span): Lead) -> Result<Article, RecordError> {
    b.build(title_span, dateline_span).map_err(|e| RecordError::new("invalid_record", e.to_string()))
}

/// Where an API article was "read from": its URL when given, else the label.
fn path_of(label: &str, url: Option<&str>) -> String {
    match url {
        Some(u) => format!("{label} {u}"),
        None => label.to_string(),
    }
}

/// A metadata field as stored: control characters (NUL, escapes, line
/// breaks) dropped, trimmed, `None` when nothing is left.
fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string()).filter(|s| !s.is_empty())
}

/// `YYYY-MM-DD` or RFC 3339.
pub fn parse_published(s: &str) -> Result<PublishedDate, RecordError> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(PublishedDate {
            date: dt.date_naive(),
            datetime: Some(dt),
            precision: DatePrecision::DateTime,
            method: DateMethod::Record,
            confidence: 1.0,
            evidence: s.to_string(),
        });
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(PublishedDate { date: d, datetime: None, precision: DatePrecision::Day, method: DateMethod::Record, confidence: 1.0, evidence: s.to_string() });
    }
    Err(RecordError::new("bad_date", format!("`published` must be YYYY-MM-DD or RFC 3339, got {:?}", truncate(s, 60))))
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

    #[test]
    fn text_record_becomes_article() {
        let a = parse_record(br#"{"url":"https://www.example.org/a/1","title":"T","text":"Hello world.\n\nSecond.","published":"2025-12-02","authors":"A. Writer"}"#, "api:post").unwrap();
        assert_eq!(a.source, "example.org");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.authors, vec!["A. Writer".to_string()]);
        assert_eq!(a.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2025, 12, 2).unwrap());
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.path.starts_with("api:post"));
    }

    #[test]
    fn bad_records_are_named() {
        assert_eq!(parse_record(b"{not json", "x").unwrap_err().code, "malformed_json");
        assert_eq!(parse_record(br#"{"title":"no text"}"#, "x").unwrap_err().code, "missing_text");
        assert_eq!(parse_record(br#"{"text":"   "}"#, "x").unwrap_err().code, "missing_text");
        assert_eq!(parse_record(br#"{"text":"a","html":"<p>b</p>"}"#, "x").unwrap_err().code, "ambiguous_body");
        assert_eq!(parse_record(br#"{"text":"a","published":"yesterday"}"#, "x").unwrap_err().code, "bad_date");
        assert_eq!(parse_record(br#"{"text":5}"#, "x").unwrap_err().code, "invalid_record");
        assert_eq!(parse_record(br#"[1,2]"#, "x").unwrap_err().code, "invalid_record");
    }

    #[test]
    fn rfc3339_keeps_time() {
        let p = parse_published("2025-12-02T10:30:00+01:00").unwrap();
        assert_eq!(p.precision, DatePrecision::DateTime);
        assert!(p.datetime.is_some());
    }

    #[test]
    fn hosts() {
        // The outlet of a URL is the ingest stage's, so an upload and a file name one outlet alike.
        assert_eq!(crosscheck_ingest::domain_of("http://user@www.News.example:8080/x?y").as_deref(), Some("news.example"));
        assert_eq!(crosscheck_ingest::domain_of("not a url"), None);
    }

    #[test]
    fn text_bodies_get_headline_and_dateline_like_text_files() {
        let body = "Harbour reopens after storm\nPortwick \u{2013} March 14, 2024 \u{2013} The harbour reopened on Thursday.";
        let a = text_article(&RawMeta { source: Some("Courier".into()), ..Default::default() }, "api:post", body.as_bytes()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour reopens after storm"));
        assert_eq!(a.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2024, 3, 14).unwrap());
        assert!(a.title_span.is_some() && a.dateline_span.is_some());
        // What the client says wins over what the text suggests.
        let meta = RawMeta { title: Some("Given title".into()), published: Some("2024-03-15".into()), ..Default::default() };
        let b = text_article(&meta, "api:post", body.as_bytes()).unwrap();
        assert_eq!(b.title.as_deref(), Some("Given title"));
        assert_eq!(b.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
        // A JSON record's text is read the same way.
        let json = serde_json::json!({"text": body, "source": "Courier"}).to_string();
        let c = parse_record(json.as_bytes(), "api:post#1").unwrap();
        assert_eq!(c.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2024, 3, 14).unwrap());
    }
}