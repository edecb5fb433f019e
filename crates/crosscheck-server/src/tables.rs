//! Limits, defaults and header values of the server, kept apart from the code
//! that applies them so they can be reviewed (and tuned) in one place.

use std::time::Duration;

/// Default request body limit (`--max-body`): large enough for a JSONL batch
/// of a few thousand articles, small enough that one client cannot exhaust memory.
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Outlet of a posted article that names none and has no URL.
pub const DEFAULT_SOURCE: &str = "unknown";

/// Default page size of the list endpoints.
pub const DEFAULT_PAGE_LIMIT: u64 = 50;
/// Largest page a client may ask for.
pub const MAX_PAGE_LIMIT: u64 = 1000;
/// Largest offset accepted (beyond it a list is certainly empty; keeps the
/// number within every backend's integer range).
pub const MAX_PAGE_OFFSET: u64 = 1 << 40;

/// Default and largest number of search results.
pub const DEFAULT_SEARCH_LIMIT: u64 = 20;
pub const MAX_SEARCH_LIMIT: u64 = 200;
/// Longest search query accepted, in characters.
pub const MAX_SEARCH_QUERY_CHARS: usize = 512;

/// Articles per JSONL batch handed to the store at once (one transaction each).
pub const INGEST_BATCH: usize = 500;

/// Longest a `POST /articles?wait=true` waits for its stories' dossiers.
pub const POST_WAIT_LIMIT: Duration = Duration::from_secs(120);
/// Longest a graceful shutdown waits for queued dossiers before saving the
/// queue with the state (they are rebuilt at the next start).
pub const SHUTDOWN_DOSSIER_WAIT: Duration = Duration::from_secs(30);

/// Key of the watcher's record of what it has read.
pub const WATCH_STATE_KEY: &str = "server.watch_seen";

/// A file in the incoming folder is read once it has not changed for this long
/// (a writer may still be copying it).
pub const INCOMING_SETTLE: Duration = Duration::from_millis(500);
/// File names the incoming folder skips: editors' and downloaders' partial files.
pub const INCOMING_SKIP_SUFFIXES: &[&str] = &[".part", ".tmp", ".crdownload", ".swp", "~"];

/// Fetching one http feed: time limit and largest body read.
pub const FEED_TIMEOUT: Duration = Duration::from_secs(20);
pub const FEED_MAX_BYTES: u64 = 32 * 1024 * 1024;
/// Default polling interval of `watch` and `serve --feeds`.
pub const DEFAULT_POLL_SECS: u64 = 300;

/// Content-Security-Policy of every response: only this origin's own script
/// and style files; no inline script, no framing, no plugins.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
/// Other security headers sent with every response.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
];
