//! # crosscheck-store
//!
//! Where articles, stories and their dossiers live between runs. One [`Store`]
//! trait, two backends: SQLite (embedded, the default: one file, WAL, schema
//! migrations) and PostgreSQL (selected by a `postgres://` URL). The CLI and the
//! server only ever see `dyn Store`, so every test of the trait runs on both.
//!
//! Guarantees every backend keeps:
//! * **idempotent**: an article is keyed by its content hash ([`ArticleId`]);
//!   putting it again adds nothing and reports it as already stored;
//! * **atomic batches**: [`Store::put_articles`] commits a batch in one
//!   transaction, so a crash keeps every earlier batch whole and none of the
//!   interrupted one;
//! * **ingest order**: each stored article gets a sequence number, increasing in
//!   the order articles were first stored, so a watcher can take "everything
//!   after N" and cluster incrementally.
//!
//! Also: every read sees every write that returned before it started, across
//! threads and processes (SQLite in WAL mode, PostgreSQL read committed).
//!
//! ## Backends
//! * [`sqlite::SqliteStore`]: one file, created if missing, WAL journal, FTS5
//!   full-text search, `PRAGMA user_version` migrations.
//! * [`postgres::PgStore`]: a `postgres://` / `postgresql://` URL, a
//!   `schema_migrations` table, `tsvector` search.
//!
//! Both keep the same schema meaning and pass the same test suite
//! (`tests/backends.rs`; PostgreSQL when `CROSSCHECK_TEST_PG` names a database).
//!
//! ## Search
//! A user's query is never handed to a query language: it is cut into plain
//! words and double-quoted phrases that must all match (see the `query`
//! module), so no input can cause a syntax error. Matching is by word, case-
//! and (on SQLite) accent-insensitive, without stemming: the articles come in
//! many languages and a stemmer would be right for only one.
//!
//! ## Calling from async code
//! Every method blocks (the PostgreSQL client runs its own small runtime and
//! must not be driven from inside another runtime's worker thread): an async
//! caller wraps calls in `tokio::task::spawn_blocking`.

use crosscheck_core::{Article, ArticleId};
use serde::{Deserialize, Serialize};

pub mod postgres;
mod query;
mod record;
pub mod sqlite;
mod tables;

/// Errors of any backend.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open store {location}: {reason}")]
    Open { location: String, reason: String },
    #[error("store schema is version {found}, newer than this program's {supported}")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("corrupt record {what}: {reason}")]
    Corrupt { what: String, reason: String },
    #[error("database error: {0}")]
    Backend(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What one [`Store::put_articles`] call did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PutOutcome {
    /// Newly stored, in input order.
    pub inserted: Vec<ArticleId>,
    /// Already in the store (or repeated within the batch).
    pub existing: Vec<ArticleId>,
}

/// Paging for list calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub offset: u64,
    pub limit: u64,
}

impl Default for Page {
    fn default() -> Self {
        Page { offset: 0, limit: 100 }
    }
}

/// One line of `crosscheck ls` / `GET /articles`: metadata without the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRow {
    pub id: ArticleId,
    /// Ingest sequence number (see the crate docs).
    pub seq: u64,
    pub source: String,
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication day, `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    pub language: Option<String>,
    pub format: String,
    pub words: u64,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
}

/// A story as stored: its members and, once built, its dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRecord {
    /// Stable story id from the clusterer.
    pub id: String,
    pub article_ids: Vec<ArticleId>,
    /// Number of distinct outlets among the members.
    pub outlets: u64,
    /// One-line summary (the dossier's headline).
    pub headline: String,
    /// The dossier JSON (`crosscheck_report::render::json`), if built.
    pub dossier_json: Option<String>,
    /// The dossier Markdown, if built.
    pub dossier_md: Option<String>,
    /// Quotations of the dossier, indexed for search.
    pub quotes: Vec<QuoteText>,
    /// Last change (RFC 3339, UTC); stories list newest first by this.
    pub updated_at: String,
}

/// One quotation as search indexes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteText {
    pub article_id: ArticleId,
    pub speaker: Option<String>,
    pub text: String,
}

/// A story in a list: no dossier body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    pub id: String,
    pub articles: u64,
    pub outlets: u64,
    pub headline: String,
    pub updated_at: String,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// "article" or "quote".
    pub kind: String,
    pub article_id: ArticleId,
    /// The story a quote hit belongs to.
    pub story_id: Option<String>,
    pub title: Option<String>,
    pub source: String,
    /// A short excerpt around the match (plain text; the caller escapes it).
    pub snippet: String,
    /// Higher is better; comparable within one result list only.
    pub score: f64,
}

/// The store every backend implements. Methods take `&self` and are safe to call
/// from several threads at once (each backend serialises writes itself). Calls
/// block; an async caller runs them on a blocking thread.
pub trait Store: Send + Sync {
    /// Store a batch in one transaction (see the crate docs).
    fn put_articles(&self, articles: &[Article]) -> Result<PutOutcome>;
    fn get_article(&self, id: &ArticleId) -> Result<Option<Article>>;
    /// Find articles whose id starts with `prefix` (at least 4 hex digits), for
    /// `crosscheck show` with a short id.
    fn find_by_prefix(&self, prefix: &str) -> Result<Vec<ArticleId>>;
    /// Articles, most recently stored first.
    fn list_articles(&self, page: Page) -> Result<Vec<ArticleRow>>;
    fn count_articles(&self) -> Result<u64>;
    /// Articles stored after sequence number `after_seq`, oldest first, at most
    /// `limit`, with their sequence numbers.
    fn articles_after(&self, after_seq: u64, limit: u64) -> Result<Vec<(u64, Article)>>;

    /// Insert or replace a story (and its quote index).
    fn put_story(&self, story: &StoryRecord) -> Result<()>;
    /// Remove a story (after a merge into another).
    fn delete_story(&self, id: &str) -> Result<()>;
    fn get_story(&self, id: &str) -> Result<Option<StoryRecord>>;
    /// Stories, most recently updated first.
    fn list_stories(&self, page: Page) -> Result<Vec<StoryRow>>;
    fn count_stories(&self) -> Result<u64>;

    /// Full-text search over article titles and texts and over stored quotes.
    fn search(&self, query: &str, limit: u64) -> Result<Vec<SearchHit>>;

    /// Opaque state a component keeps between runs (the story clusterer's
    /// serialised state, a feed's last-seen entry), by key.
    fn put_state(&self, key: &str, value: &[u8]) -> Result<()>;
    fn get_state(&self, key: &str) -> Result<Option<Vec<u8>>>;
}

/// Open the store named by `location`: a `postgres://` or `postgresql://` URL
/// selects PostgreSQL, anything else is a SQLite file path (created if missing).
pub fn open(location: &str) -> Result<Box<dyn Store>> {
    if is_postgres_url(location) {
        Ok(Box::new(postgres::PgStore::connect(location)?))
    } else {
        Ok(Box::new(sqlite::SqliteStore::open(location)?))
    }
}

/// Whether `location` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(location: &str) -> bool {
    let lower = location.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// Merge the article and quote hits of one search: best score first, at most
/// `limit`; ties keep the order the backend ranked them in.
fn merge_hits(mut hits: Vec<SearchHit>, limit: usize) -> Vec<SearchHit> {
    hits.sort_by(|a, b| b.score.total_cmp(&a.score));
    hits.truncate(limit);
    hits
}
