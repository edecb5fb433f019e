use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::{normalize_document, word_count};
use crate::{CoreError, Span};

/// Stable identity of an article: the first 16 hex digits (64 bits) of the BLAKE3
/// hash of its normalised text.
///
/// Two files holding the same text are one article, whatever their names, so
/// ingestion is idempotent and exact copies collapse at the door. Near-copies
/// are the clustering stage's business.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    pub const HEX_LEN: usize = 16;

    /// The id of a normalised text.
    pub fn of_text(text: &str) -> Self {
        let hash = blake3::hash(text.as_bytes()).to_hex();
        ArticleId(hash[..Self::HEX_LEN].to_string())
    }

    /// Parse an id given by a user or read from storage.
    pub fn parse(s: &str) -> Result<Self, CoreError> {
        let s = s.trim().to_ascii_lowercase();
        if s.len() == Self::HEX_LEN && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(ArticleId(s))
        } else {
            Err(CoreError::BadId(s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The container format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Html,
    Rss,
    Atom,
    JsonFeed,
    Warc,
    Jsonl,
}

impl SourceFormat {
    pub fn as_str(&self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Html => "html",
            SourceFormat::Rss => "rss",
            SourceFormat::Atom => "atom",
            SourceFormat::JsonFeed => "jsonfeed",
            SourceFormat::Warc => "warc",
            SourceFormat::Jsonl => "jsonl",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => SourceFormat::Text,
            "html" => SourceFormat::Html,
            "rss" => SourceFormat::Rss,
            "atom" => SourceFormat::Atom,
            "jsonfeed" => SourceFormat::JsonFeed,
            "warc" => SourceFormat::Warc,
            "jsonl" => SourceFormat::Jsonl,
            _ => return None,
        })
    }
}

/// Where a publication date came from. Ordered roughly by how much it is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateMethod {
    /// `datePublished` of a JSON-LD `NewsArticle`/`Article`.
    JsonLd,
    /// `article:published_time`, `og:…`, `date`, `pubdate` … meta tags.
    Meta,
    /// A `<time datetime>` element in the article.
    TimeElement,
    /// The feed entry's published/updated field.
    Feed,
    /// The `published` field of a JSONL record or a WARC record date.
    Record,
    /// A dateline at the start of the text ("Brussels – December 2, 2025 –").
    Dateline,
    /// A date pattern in the URL (`/2025/12/02/`).
    Url,
    /// A full date in the file's name (`outlet_2016-10-02_slug.txt`), for files
    /// that print none: archives and corpora often name files so.
    FileName,
    /// A date found in a byline or free text near the title.
    Text,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    DateTime,
    Day,
    Month,
    Year,
}

/// A publication date with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedDate {
    /// The calendar day (in the time zone the source gave, if any).
    pub date: NaiveDate,
    /// The full timestamp, when the source gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datetime: Option<DateTime<FixedOffset>>,
    pub precision: DatePrecision,
    pub method: DateMethod,
    /// 0..1: how sure the reader is that this is the publication date.
    pub confidence: f32,
    /// The evidence as printed (the meta value, the dateline, the URL fragment).
    pub evidence: String,
}

/// One report by one outlet, as ingested: normalised text plus metadata.
///
/// Invariants (checked by [`ArticleBuilder::build`]):
/// * `text` is in the stored form of [`crate::text::normalize_document`];
/// * `id == ArticleId::of_text(&text)`;
/// * every span (`paragraphs`, `title_span`, `dateline_span`) lies inside `text`
///   on char boundaries, and paragraphs are in order and do not overlap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// Outlet: site name or domain when known, else the file stem.
    pub source: String,
    /// Where it was read from: a file path, optionally with `#entry` for a record
    /// inside a feed, WARC or JSONL file.
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PublishedDate>,
    /// ISO 639-1 code when detected or declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub format: SourceFormat,
    /// BLAKE3 hex of the original bytes (before decoding and extraction).
    pub raw_hash: String,
    /// Normalised main text.
    pub text: String,
    /// Paragraphs (blocks separated by a blank line or a line break in the source).
    pub paragraphs: Vec<Span>,
    /// When the title is part of `text` (a headline line of a plain-text report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_span: Option<Span>,
    /// A dateline at the start of the text ("Brussels/Moscow – December 2, 2025 –").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline_span: Option<Span>,
}

impl Article {
    /// Number of words in the text.
    pub fn word_count(&self) -> usize {
        word_count(&self.text)
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The lead: the title if there is one, else the first paragraph.
    pub fn lead(&self) -> &str {
        if let Some(t) = &self.title {
            return t;
        }
        self.paragraphs.first().map(|p| p.slice(&self.text)).unwrap_or("")
    }
}

/// Builds an [`Article`] from text and metadata, normalising the text, computing
/// the id and paragraph spans. The only way readers make articles.
#[derive(Debug, Clone)]
pub struct ArticleBuilder {
    pub source: String,
    pub path: String,
    pub format: SourceFormat,
    pub raw_hash: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PublishedDate>,
    pub language: Option<String>,
    text: String,
}

impl ArticleBuilder {
    /// `raw` is the original bytes (hashed for provenance), `text` the decoded
    /// main text in any white-space layout.
    pub fn new(source: impl Into<String>, path: impl Into<String>, format: SourceFormat, raw: &[u8], text: &str) -> Self {
        ArticleBuilder {
            source: source.into(),
            path: path.into(),
            format,
            raw_hash: blake3::hash(raw).to_hex().to_string(),
            url: None,
            title: None,
            authors: Vec::new(),
            published: None,
            language: None,
            text: normalize_document(text),
        }
    }

    /// The normalised text, so a reader can look for a headline or dateline in it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Build the article. `title_span` and `dateline_span`, if given, are byte
    /// ranges of the normalised [`ArticleBuilder::text`].
    pub fn build(self, title_span: Option<Span>, dateline_span: Option<Span>) -> Result<Article, CoreError> {
        for s in title_span.iter().chain(dateline_span.iter()) {
            s.try_slice(&self.text)?;
        }
        let paragraphs = paragraph_spans(&self.text);
        Ok(Article {
            id: ArticleId::of_text(&self.text),
            source: self.source,
            path: self.path,
            url: self.url,
            title: self.title.map(|t| normalize_document(&t).replace('\n', " ")).filter(|t| !t.is_empty()),
            authors: self.authors,
            published: self.published,
            language: self.language,
            format: self.format,
            raw_hash: self.raw_hash,
            paragraphs,
            title_span,
            dateline_span,
            text: self.text,
        })
    }
}

/// Paragraph spans of a normalised text: each non-empty line is a paragraph.
/// (Plain-text reports break paragraphs with single or double newlines alike;
/// a quotation broken across lines is rejoined by the sentence splitter, not here.)
/// The one paragraph rule: `Article::paragraphs` and the sentence splitter both use it.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            spans.push(Span::new(start, end).trim(text));
        }
        start = end + 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_content_hash_of_normalised_text() {
        let a = ArticleBuilder::new("a", "a.txt", SourceFormat::Text, b"x", "Hello\r\nworld\n").build(None, None).unwrap();
        let b = ArticleBuilder::new("b", "b.txt", SourceFormat::Text, b"y", "Hello\nworld").build(None, None).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.as_str().len(), ArticleId::HEX_LEN);
        assert_eq!(ArticleId::parse(a.id.as_str()).unwrap(), a.id);
        assert!(ArticleId::parse("xyz").is_err());
    }

    #[test]
    fn paragraphs_are_lines() {
        let a = ArticleBuilder::new("s", "p", SourceFormat::Text, b"", "One.\n\nTwo two.\nThree.")
            .build(None, None)
            .unwrap();
        let paras: Vec<&str> = a.paragraphs.iter().map(|p| a.slice(*p)).collect();
        assert_eq!(paras, vec!["One.", "Two two.", "Three."]);
        assert_eq!(a.word_count(), 4);
    }

    #[test]
    fn rejects_span_outside_text() {
        let b = ArticleBuilder::new("s", "p", SourceFormat::Text, b"", "short");
        assert!(b.build(Some(Span::new(0, 50)), None).is_err());
    }
}
