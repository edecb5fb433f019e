//! How an [`Article`] is laid out in a row, shared by both backends.
//!
//! The metadata a list or a search needs is in columns of its own; the article
//! itself is kept as JSON *with an empty text* (the text has a column of its
//! own, indexed for search), so the text is stored once and
//! [`Store::get_article`](crate::Store::get_article) gives back exactly what was
//! put: paragraphs, title and dateline spans, the publication date with its
//! method and confidence, any field added to `Article` later.

use crosscheck_core::{Article, ArticleId};

use crate::{Result, StoreError};

/// The derived column values of one article row.
pub(crate) struct ArticleColumns {
    /// Publication day, `YYYY-MM-DD`.
    pub published: Option<String>,
    pub words: i64,
    /// The article as JSON with an empty `text`.
    pub body: String,
}

impl ArticleColumns {
    pub fn of(article: &Article) -> Result<Self> {
        let mut value = serde_json::to_value(article)
            .map_err(|e| StoreError::Backend(format!("cannot encode article {}: {e}", article.id)))?;
        if let Some(map) = value.as_object_mut() {
            map.insert("text".into(), serde_json::Value::String(String::new()));
        }
        Ok(ArticleColumns {
            published: article.published.as_ref().map(|p| p.date.format("%Y-%m-%d").to_string()),
            words: article.word_count() as i64,
            body: value.to_string(),
        })
    }
}

/// Rebuild an article from its stored text and body, checking that the text
/// still hashes to the id it was stored under and that its spans fit.
pub(crate) fn decode_article(id: &str, text: String, body: &str) -> Result<Article> {
    let corrupt = |reason: String| StoreError::Corrupt { what: format!("article {id}"), reason };
    let mut article: Article = serde_json::from_str(body).map_err(|e| corrupt(format!("bad JSON: {e}")))?;
    article.text = text;
    if article.id.as_str() != id || ArticleId::of_text(&article.text) != article.id {
        return Err(corrupt("text does not match its id".into()));
    }
    let spans = article.paragraphs.iter().chain(article.title_span.iter()).chain(article.dateline_span.iter());
    for span in spans {
        span.try_slice(&article.text).map_err(|e| corrupt(e.to_string()))?;
    }
    Ok(article)
}

/// The current time as stored in `ingested_at` / state rows: RFC 3339, UTC, seconds.
pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Convert a `u64` count or offset to SQL's `i64`, saturating.
pub(crate) fn sql_int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Whether `prefix` could start an article id (hex digits, long enough), lower-cased.
pub(crate) fn id_prefix(prefix: &str) -> Option<String> {
    let p = prefix.trim().to_ascii_lowercase();
    let ok = p.len() >= crate::tables::MIN_ID_PREFIX
        && p.len() <= ArticleId::HEX_LEN
        && p.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then_some(p)
}

/// Parse an id read from storage.
pub(crate) fn parse_id(id: &str) -> Result<ArticleId> {
    ArticleId::parse(id).map_err(|e| StoreError::Corrupt { what: format!("article id {id:?}"), reason: e.to_string() })
}

/// Decode a story's stored member list (a JSON array of ids).
pub(crate) fn story_article_ids(story: &str, json: &str) -> Result<Vec<ArticleId>> {
    let ids: Vec<String> = serde_json::from_str(json)
        .map_err(|e| StoreError::Corrupt { what: format!("story {story}"), reason: format!("member list: {e}") })?;
    ids.iter().map(|id| parse_id(id)).collect()
}

/// A story's member list as stored.
pub(crate) fn story_article_ids_json(ids: &[ArticleId]) -> String {
    let ids: Vec<&str> = ids.iter().map(ArticleId::as_str).collect();
    serde_json::Value::from(ids).to_string()
}
