//! Tuning numbers of the store, kept apart from the code that uses them.

use std::time::Duration;

/// How long a SQLite connection waits for another writer's lock before it
/// gives up with "database is locked". Long enough for a big batch of another
/// process to commit.
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Idle read connections a store keeps for reuse (SQLite in WAL mode and
/// PostgreSQL both serve readers concurrently). More may be open at a time;
/// the extras are closed when they come back.
pub const IDLE_READERS: usize = 4;

/// Shortest id prefix [`crate::Store::find_by_prefix`] looks up; shorter
/// prefixes match too much to be meant.
pub const MIN_ID_PREFIX: usize = 4;

/// Most ids a prefix lookup returns (a caller only needs to know "one" or
/// "ambiguous, here are some").
pub const MAX_PREFIX_MATCHES: i64 = 50;

/// Most words or phrases taken from one search query; the rest is ignored so a
/// pasted paragraph cannot make a pathological query.
pub const MAX_SEARCH_TERMS: usize = 32;

/// Tokens in a search snippet (SQLite `snippet()`; PostgreSQL `MaxWords`).
pub const SNIPPET_WORDS: usize = 24;

/// Weight of a title match against a text match in article search ranking.
pub const TITLE_WEIGHT: f64 = 2.0;

/// Weight of a speaker match against a quote-text match in quote search ranking.
pub const SPEAKER_WEIGHT: f64 = 2.0;

/// PostgreSQL indexes this many leading characters of an article's text: a
/// `tsvector` is limited to 1 MB, and a huge article must not fail its batch.
pub const PG_INDEXED_TEXT_CHARS: usize = 262_144;
