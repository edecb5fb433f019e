//! Article records as clients post them. JSON records (one object, an array
//! of them, or JSONL) are read by [`crosscheck_ingest::record`], the reader
//! JSONL files go through too, so a record posted and the same record in a
//! `.jsonl` file are the same [`Article`] (only the `path` differs). A raw
//! `text/plain` / `text/html` body, with its metadata in the query string,
//! goes through the same [`crosscheck_ingest::record::build_article`].

use crosscheck_core::{Article, SourceFormat};
pub use crosscheck_ingest::record::{ArticleRecord, Authors, RecordError};
use crosscheck_ingest::record::{build_article, record_to_article, Body, RecordMeta};

use crate::tables;

/// Metadata of a raw `text/plain` or `text/html` body, from the query string.
#[derive(Debug, Clone, Default)]
pub struct RawMeta {
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
}

impl RawMeta {
    fn record_meta(&self) -> RecordMeta {
        RecordMeta { source: self.source.clone(), url: self.url.clone(), title: self.title.clone(), published: self.published.clone(), ..Default::default() }
    }
}

/// Parse one JSON record (`label` names it in the article's `path`, e.g. `api:post#3`).
pub fn parse_record(json: &[u8], label: &str) -> Result<Article, RecordError> {
    from_record(crosscheck_ingest::record::parse(json)?, label)
}

/// Turn a posted record into an article.
pub fn from_record(r: ArticleRecord, label: &str) -> Result<Article, RecordError> {
    let path = path_of(label, r.url.as_deref());
    record_to_article(r, &path, tables::DEFAULT_SOURCE)
}

/// A raw `text/plain` body.
pub fn text_article(meta: &RawMeta, label: &str, body: &[u8]) -> Result<Article, RecordError> {
    let text = std::str::from_utf8(body).map_err(|e| RecordError::new("bad_encoding", format!("text/plain body is not UTF-8: {e}")))?;
    build_article(meta.record_meta(), Body::Text(text), SourceFormat::Text, &path_of(label, meta.url.as_deref()), tables::DEFAULT_SOURCE)
}

/// A raw `text/html` body (`charset` from the Content-Type header, if any).
pub fn html_body_article(meta: &RawMeta, label: &str, body: &[u8], charset: Option<&str>) -> Result<Article, RecordError> {
    build_article(meta.record_meta(), Body::Html { bytes: body, charset }, SourceFormat::Html, &path_of(label, meta.url.as_deref()), tables::DEFAULT_SOURCE)
}

/// Where an API article was "read from": its URL when given, else the label.
fn path_of(label: &str, url: Option<&str>) -> String {
    match url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => format!("{label} {u}"),
        None => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn posted_records_are_named_by_label_and_url() {
        let a = parse_record(br#"{"url":"https://www.example.org/a/1","text":"Hello world."}"#, "api:post").unwrap();
        assert_eq!(a.path, "api:post https://www.example.org/a/1");
        assert_eq!(a.source, "example.org");
        assert_eq!(parse_record(br#"{"text":"Hello world."}"#, "api:post").unwrap().source, tables::DEFAULT_SOURCE);
        assert_eq!(parse_record(b"{not json", "x").unwrap_err().code, "malformed_json");
        assert_eq!(parse_record(br#"[1,2]"#, "x").unwrap_err().code, "invalid_record");
    }

    #[test]
    fn text_bodies_get_headline_and_dateline_like_text_files() {
        let body = "Harbour reopens after storm\nPortwick \u{2013} March 14, 2024 \u{2013} The harbour reopened on Thursday.";
        let a = text_article(&RawMeta { source: Some("Courier".into()), ..Default::default() }, "api:post", body.as_bytes()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour reopens after storm"));
        assert_eq!(a.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2024, 3, 14).unwrap());
        assert!(a.title_span.is_some() && a.dateline_span.is_some());
        assert_eq!(a.format, SourceFormat::Text);
        // What the client says wins over what the text suggests.
        let meta = RawMeta { title: Some("Given title".into()), published: Some("2024-03-15".into()), ..Default::default() };
        let b = text_article(&meta, "api:post", body.as_bytes()).unwrap();
        assert_eq!(b.title.as_deref(), Some("Given title"));
        assert_eq!(b.published.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
        assert_eq!(text_article(&RawMeta::default(), "x", b"\xff\xfe\xfa").unwrap_err().code, "bad_encoding");
    }
}
