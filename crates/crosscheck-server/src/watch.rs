//! Watching: feeds polled on an interval and an incoming folder whose new files
//! are read as they appear, both fed through the shared [`Pipeline`].
//!
//! A feeds file lists one feed location a line (`#` starts a comment): a local
//! file path (relative paths are taken from the feeds file's folder) or an
//! `http://` URL. Every poll re-reads a feed whose bytes changed and ingests all
//! its entries; entries seen before are recognised by their content id, so
//! nothing is stored twice. Files in the incoming folder (recursively; hidden
//! and partial files skipped) are read once they have stopped changing, and
//! again only if they change.
//!
//! One bad feed, file or entry is reported with its location and reason and
//! never stops the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crosscheck_core::Article;
use serde::Serialize;

use crosscheck_pipeline::Pipeline;
use crate::tables;
use crate::ServerError;

/// What one [`Watcher::poll`] did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PollReport {
    /// Feeds read (changed since the last poll).
    pub feeds_read: usize,
    /// Feeds whose bytes had not changed.
    pub feeds_unchanged: usize,
    /// Incoming files read.
    pub files_read: usize,
    /// Articles newly stored.
    pub inserted: usize,
    /// Articles that were already stored.
    pub existing: usize,
    /// One line per failed feed, file or entry: `location: reason`.
    pub errors: Vec<String>,
}

/// Feeds and an incoming folder, polled by [`Watcher::poll`].
///
/// What it has read (feed hashes, incoming files with size and modification
/// time) is kept in the store ([`tables::WATCH_STATE_KEY`]), so a restarted
/// watcher does not read a full incoming folder again.
#[derive(Debug, Default)]
pub struct Watcher {
    feeds: Vec<String>,
    incoming: Option<PathBuf>,
    seen: Seen,
    restored: bool,
}

/// What a watcher has read, as saved in the store.
#[derive(Debug, Default, Clone, Serialize, serde::Deserialize)]
struct Seen {
    /// Feed location -> BLAKE3 hex of its bytes at the last successful read.
    feeds: HashMap<String, String>,
    /// Incoming file -> (size, modification time in ns since the epoch) when read.
    files: HashMap<PathBuf, (u64, u128)>,
}

fn mtime_ns(t: SystemTime) -> u128 {
    t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// Read a feeds file: one location a line, `#` comments and blank lines skipped;
/// relative file paths are resolved against the feeds file's folder.
pub fn read_feeds_file(path: &Path) -> Result<Vec<String>, ServerError> {
    let text = std::fs::read_to_string(path).map_err(|e| ServerError::Input { path: path.display().to_string(), reason: e.to_string() })?;
    let base = path.parent().unwrap_or(Path::new("."));
    Ok(text
        .lines()
        .map(|l| l.split_once('#').map_or(l, |(a, _)| a).trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l.contains("://") || Path::new(l).is_absolute() {
                l.to_string()
            } else {
                base.join(l).display().to_string()
            }
        })
        .collect())
}

impl Watcher {
    /// A watcher over `feeds` (locations as [`read_feeds_file`] returns them)
    /// and, optionally, an incoming folder.
    pub fn new(feeds: Vec<String>, incoming: Option<PathBuf>) -> Self {
        Watcher { feeds, incoming, ..Default::default() }
    }

    /// Poll every feed and the incoming folder once.
    pub fn poll(&mut self, pipeline: &Pipeline) -> PollReport {
        let mut report = PollReport::default();
        if !self.restored {
            self.restored = true;
            match load_seen(pipeline) {
                Ok(seen) => self.seen = seen,
                Err(e) => report.errors.push(format!("watch state: {e} (reading every source again)")),
            }
        }
        let before = (self.seen.feeds.len(), self.seen.files.len());
        let changed = self.poll_sources(pipeline, &mut report);
        if changed || before != (self.seen.feeds.len(), self.seen.files.len()) {
            if let Err(e) = save_seen(pipeline, &self.seen) {
                report.errors.push(format!("watch state: {e}"));
            }
        }
        report
    }

    /// One pass over the sources; `true` if a known source changed.
    fn poll_sources(&mut self, pipeline: &Pipeline, report: &mut PollReport) -> bool {
        let mut changed = false;
        for feed in self.feeds.clone() {
            match fetch(&feed) {
                Err(reason) => report.errors.push(format!("{feed}: {reason}")),
                Ok(bytes) => {
                    let hash = blake3::hash(&bytes).to_hex().to_string();
                    if self.seen.feeds.get(&feed) == Some(&hash) {
                        report.feeds_unchanged += 1;
                        continue;
                    }
                    report.feeds_read += 1;
                    let articles = read_bytes(&feed, bytes, &mut report.errors);
                    if ingest(pipeline, &feed, &articles, report) {
                        changed |= self.seen.feeds.insert(feed, hash).is_some();
                    }
                }
            }
        }
        if let Some(dir) = self.incoming.clone() {
            let mut files = Vec::new();
            if let Err(e) = list_files(&dir, &mut files) {
                report.errors.push(format!("{}: {e}", dir.display()));
            }
            files.sort();
            let now = SystemTime::now();
            for (path, size, mtime) in files {
                if self.seen.files.get(&path) == Some(&(size, mtime_ns(mtime))) {
                    continue;
                }
                // A file still being written is taken at a later poll.
                if now.duration_since(mtime).is_ok_and(|age| age < tables::INCOMING_SETTLE) {
                    continue;
                }
                report.files_read += 1;
                let mut articles = Vec::new();
                for item in crosscheck_ingest::read_path(&path) {
                    match item {
                        Ok(a) => articles.push(a),
                        Err(e) => report.errors.push(e.to_string()),
                    }
                }
                if ingest(pipeline, &path.display().to_string(), &articles, report) {
                    changed |= self.seen.files.insert(path, (size, mtime_ns(mtime))).is_some();
                }
            }
        }
        changed
    }
}

/// The saved [`Seen`] of the store (empty when none).
fn load_seen(pipeline: &Pipeline) -> Result<Seen, String> {
    match pipeline.store().get_state(tables::WATCH_STATE_KEY).map_err(|e| e.to_string())? {
        None => Ok(Seen::default()),
        Some(bytes) => serde_json::from_slice(&bytes).map_err(|e| format!("unreadable ({e})")),
    }
}

/// Save `seen`, merged into what is saved (another watcher may share the store).
fn save_seen(pipeline: &Pipeline, seen: &Seen) -> Result<(), String> {
    let mut all = load_seen(pipeline).unwrap_or_default();
    all.feeds.extend(seen.feeds.iter().map(|(k, v)| (k.clone(), v.clone())));
    all.files.extend(seen.files.iter().map(|(k, v)| (k.clone(), *v)));
    let bytes = serde_json::to_vec(&all).map_err(|e| e.to_string())?;
    pipeline.store().put_state(tables::WATCH_STATE_KEY, &bytes).map_err(|e| e.to_string())
}

/// Ingest a batch; `false` (and an error line) when the store failed, so the
/// source is tried again at the next poll.
fn ingest(pipeline: &Pipeline, label: &str, articles: &[Article], report: &mut PollReport) -> bool {
    for chunk in articles.chunks(tables::INGEST_BATCH) {
        match pipeline.ingest(chunk) {
            Ok(r) => {
                report.inserted += r.inserted.len();
                report.existing += r.existing.len();
            }
            Err(e) => {
                report.errors.push(format!("{label}: {e}"));
                return false;
            }
        }
    }
    true
}

/// Regular files under `dir`, recursively, with size and modification time;
/// hidden and partial files skipped.
fn list_files(dir: &Path, out: &mut Vec<(PathBuf, u64, SystemTime)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || tables::INCOMING_SKIP_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            continue;
        }
        let meta = entry.metadata()?;
        if meta.is_dir() {
            list_files(&entry.path(), out)?;
        } else if meta.is_file() {
            out.push((entry.path(), meta.len(), meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)));
        }
    }
    Ok(())
}

/// The bytes of a feed: a local file, or an `http://` URL.
fn fetch(location: &str) -> Result<Vec<u8>, String> {
    if location.starts_with("https://") {
        return Err("https feeds are not supported (this build has no TLS); use http:// or a local copy".into());
    }
    if location.starts_with("http://") {
        let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(tables::FEED_TIMEOUT)).build().into();
        let mut resp = agent.get(location).call().map_err(|e| e.to_string())?;
        return resp.body_mut().with_config().limit(tables::FEED_MAX_BYTES).read_to_vec().map_err(|e| e.to_string());
    }
    if location.contains("://") {
        return Err("unsupported URL scheme (local files and http:// only)".into());
    }
    std::fs::read(location).map_err(|e| e.to_string())
}

/// Articles of one feed's bytes. A local feed is read from its own path so the
/// reader can use the file name; a fetched feed is read through a private
/// temporary file named after the URL's last segment.
fn read_bytes(location: &str, bytes: Vec<u8>, errors: &mut Vec<String>) -> Vec<Article> {
    let mut articles = Vec::new();
    let (path, temp) = if location.contains("://") {
        let name = location.rsplit('/').find(|s| !s.is_empty() && !s.contains(':')).unwrap_or("feed.xml");
        let name: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')).take(80).collect();
        let dir = std::env::temp_dir().join(format!("crosscheck-feed-{}-{}", std::process::id(), blake3::hash(location.as_bytes()).to_hex().get(..12).unwrap_or("x")));
        if let Err(e) = std::fs::create_dir_all(&dir) {
            errors.push(format!("{location}: temporary folder: {e}"));
            return articles;
        }
        let p = dir.join(if name.is_empty() { "feed.xml".to_string() } else { name });
        if let Err(e) = std::fs::write(&p, &bytes) {
            errors.push(format!("{location}: temporary file: {e}"));
            return articles;
        }
        (p, Some(dir))
    } else {
        (PathBuf::from(location), None)
    };
    for item in crosscheck_ingest::read_path(&path) {
        match item {
            Ok(mut a) => {
                if temp.is_some() {
                    a.path = a.path.replacen(&path.display().to_string(), location, 1);
                }
                articles.push(a)
            }
            Err(e) => errors.push(if temp.is_some() { e.to_string().replacen(&path.display().to_string(), location, 1) } else { e.to_string() }),
        }
    }
    if let Some(dir) = temp {
        let _ = std::fs::remove_dir_all(dir);
    }
    articles
}

impl Watcher {
    /// Poll every `interval` until `stop` is set (checked every 200 ms),
    /// logging each poll's outcome. For `serve --feeds/--incoming`.
    pub fn run_until(mut self, pipeline: &Pipeline, interval: std::time::Duration, stop: &std::sync::atomic::AtomicBool) {
        use std::sync::atomic::Ordering;
        while !stop.load(Ordering::Relaxed) {
            let r = self.poll(pipeline);
            for e in &r.errors {
                tracing::warn!("watch: {e}");
            }
            if r.inserted > 0 || r.files_read > 0 || r.feeds_read > 0 {
                tracing::info!(feeds = r.feeds_read, files = r.files_read, inserted = r.inserted, existing = r.existing, "watch poll");
            }
            let until = std::time::Instant::now() + interval;
            while std::time::Instant::now() < until && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(200).min(interval));
            }
        }
    }
}
