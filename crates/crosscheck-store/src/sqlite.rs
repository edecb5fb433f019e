//! The SQLite backend: one file, WAL journal, numbered migrations, FTS5 search.
//!
//! Writes go through one connection behind a mutex and open their transaction
//! with `BEGIN IMMEDIATE`, so two processes sharing a file queue on the file
//! lock (up to `SQLITE_BUSY_TIMEOUT`, 30 s) instead of failing half-way. Reads take a
//! connection of their own from a small free list: in WAL mode readers never
//! wait for the writer and see every committed transaction.
//!
//! Durability: `synchronous = NORMAL` in WAL mode never corrupts the file and
//! loses nothing committed when the *process* dies (the crash test kills a
//! writer with SIGKILL); a power cut may lose the last transactions before a
//! checkpoint, never part of one. That trade is SQLite's recommendation for WAL.
//!
//! Schema (see [`MIGRATIONS`]): `articles` (sequence number as
//! `INTEGER PRIMARY KEY AUTOINCREMENT`, never reused; id unique; metadata
//! columns; text; the rest of the article as JSON), `articles_fts` (FTS5 over
//! title and text, external content kept in step by triggers), `stories`,
//! `quotes` and `quotes_fts` (FTS5 over speaker and quote text), `state`,
//! `vectors` (sentence vectors by model and text hash, floats as a BLOB).
//! `PRAGMA user_version` holds the number of migrations applied.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crosscheck_core::{Article, ArticleId};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::query::{fts5_expression, terms};
use crate::record::{decode_article, id_prefix, now_rfc3339, sql_int, story_article_ids, story_article_ids_json, ArticleColumns};
use crate::tables::{
    IDLE_READERS, MAX_PREFIX_MATCHES, SNIPPET_WORDS, SPEAKER_WEIGHT, SQLITE_BUSY_TIMEOUT, TITLE_WEIGHT,
};
use crate::{
    ArticleRow, Page, PutOutcome, QuoteText, Result, SearchHit, Store, StoreError, StoryRecord, StoryRow, VectorKey,
};

/// Schema migrations, in order. Migration `n` (1-based) brings a database from
/// `user_version = n - 1` to `n`. Never edit a released entry: append a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles, stories, quotes, state, full-text indexes.
    r#"
    CREATE TABLE articles (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        id          TEXT NOT NULL UNIQUE,
        source      TEXT NOT NULL,
        path        TEXT NOT NULL,
        url         TEXT,
        title       TEXT,
        published   TEXT,
        language    TEXT,
        format      TEXT NOT NULL,
        raw_hash    TEXT NOT NULL,
        words       INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        text        TEXT NOT NULL,
        body        TEXT NOT NULL
    );
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_published ON articles(published);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content = 'articles', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    END;

    CREATE TABLE stories (
        id           TEXT PRIMARY KEY,
        headline     TEXT NOT NULL,
        outlets      INTEGER NOT NULL,
        articles     INTEGER NOT NULL,
        article_ids  TEXT NOT NULL,
        dossier_json TEXT,
        dossier_md   TEXT,
        updated_at   TEXT NOT NULL
    );
    CREATE INDEX stories_updated ON stories(updated_at);

    CREATE TABLE quotes (
        id         INTEGER PRIMARY KEY,
        story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        ord        INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        speaker    TEXT,
        text       TEXT NOT NULL
    );
    CREATE INDEX quotes_story ON quotes(story_id, ord);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        speaker, text,
        content = 'quotes', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, speaker, text) VALUES (new.id, new.speaker, new.text);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, speaker, text) VALUES ('delete', old.id, old.speaker, old.text);
    END;

    CREATE TABLE state (
        key        TEXT PRIMARY KEY,
        value      BLOB NOT NULL,
        updated_at TEXT NOT NULL
    );
    "#,
    // 2: sentence vectors by model and text hash.
    r#"
    CREATE TABLE vectors (
        model  TEXT NOT NULL,
        key    BLOB NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, key)
    ) WITHOUT ROWID;
    "#,
];

/// A SQLite file opened as a [`Store`].
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    /// Idle read connections; empty and unused for an in-memory database.
    readers: Mutex<Vec<Connection>>,
    in_memory: bool,
}

impl SqliteStore {
    /// Open (creating if missing, with its parent directory) the database at
    /// `path` and bring its schema up to date. `:memory:` gives a private
    /// in-memory database (for tests; reads then share the writer connection).
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let in_memory = path.as_os_str() == ":memory:";
        let open_err = |reason: String| StoreError::Open { location: path.display().to_string(), reason };
        if !in_memory {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| open_err(format!("cannot create {}: {e}", dir.display())))?;
            }
        }
        let mut conn = Connection::open(&path).map_err(|e| open_err(e.to_string()))?;
        configure(&conn, in_memory).map_err(|e| open_err(e.to_string()))?;
        migrate(&mut conn).map_err(|e| match e {
            StoreError::SchemaTooNew { .. } => e,
            other => open_err(other.to_string()),
        })?;
        Ok(SqliteStore { path, writer: Mutex::new(conn), readers: Mutex::new(Vec::new()), in_memory })
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run `f` on a read connection: a pooled one (or a new one) for a file,
    /// the writer for an in-memory database.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.in_memory {
            return f(&lock(&self.writer));
        }
        let pooled = lock(&self.readers).pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
                )?;
                configure(&c, false)?;
                c.execute_batch("PRAGMA query_only = 1")?;
                c
            }
        };
        let out = f(&conn);
        let mut idle = lock(&self.readers);
        if idle.len() < IDLE_READERS {
            idle.push(conn);
        }
        out
    }

    /// Run `f` in an immediate (write-locking) transaction on the writer.
    fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Take a mutex even if a thread panicked while holding it: a connection stays
/// usable (an open transaction was rolled back when it was dropped).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn configure(conn: &Connection, in_memory: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(SQLITE_BUSY_TIMEOUT)?;
    if !in_memory {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(mode, "SQLite refused WAL journal mode");
        }
    }
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
}

/// Apply the migrations a database lacks, all in one transaction.
fn migrate(conn: &mut Connection) -> Result<()> {
    let supported = MIGRATIONS.len() as i64;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > supported {
        return Err(StoreError::SchemaTooNew { found, supported });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tracing::info!(version = i + 1, "applying SQLite migration");
        tx.execute_batch(sql)?;
    }
    if found < supported {
        tx.execute_batch(&format!("PRAGMA user_version = {supported}"))?;
    }
    tx.commit()?;
    Ok(())
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Backend(format!("sqlite: {e}"))
    }
}

fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: get_id(r, 0)?,
        seq: r.get::<_, i64>(1)? as u64,
        source: r.get(2)?,
        path: r.get(3)?,
        url: r.get(4)?,
        title: r.get(5)?,
        published: r.get(6)?,
        language: r.get(7)?,
        format: r.get(8)?,
        words: r.get::<_, i64>(9)? as u64,
        ingested_at: r.get(10)?,
    })
}

/// Read an article id column, refusing a malformed one.
fn get_id(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<ArticleId> {
    let s: String = r.get(idx)?;
    ArticleId::parse(&s)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

impl Store for SqliteStore {
    fn put_articles(&self, articles: &[Article]) -> Result<PutOutcome> {
        // Encode first so a bad article fails before the transaction starts.
        let columns = articles.iter().map(ArticleColumns::of).collect::<Result<Vec<_>>>()?;
        let now = now_rfc3339();
        self.write(|tx| {
            let mut insert = tx.prepare_cached(
                "INSERT INTO articles (id, source, path, url, title, published, language, format, raw_hash,
                                       words, ingested_at, text, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 ON CONFLICT (id) DO NOTHING",
            )?;
            let mut outcome = PutOutcome::default();
            for (a, c) in articles.iter().zip(&columns) {
                let changed = insert.execute(params![
                    a.id.as_str(),
                    a.source,
                    a.path,
                    a.url,
                    a.title,
                    c.published,
                    a.language,
                    a.format.as_str(),
                    a.raw_hash,
                    c.words,
                    now,
                    a.text,
                    c.body,
                ])?;
                if changed == 1 {
                    outcome.inserted.push(a.id.clone());
                } else {
                    outcome.existing.push(a.id.clone());
                }
            }
            Ok(outcome)
        })
    }

    fn get_article(&self, id: &ArticleId) -> Result<Option<Article>> {
        self.read(|c| {
            let row: Option<(String, String)> = c
                .prepare_cached("SELECT text, body FROM articles WHERE id = ?1")?
                .query_row([id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            row.map(|(text, body)| decode_article(id.as_str(), text, &body)).transpose()
        })
    }

    fn find_by_prefix(&self, prefix: &str) -> Result<Vec<ArticleId>> {
        let Some(prefix) = id_prefix(prefix) else { return Ok(Vec::new()) };
        self.read(|c| {
            // Ids are lower-case hex, so every id starting with `prefix` sorts
            // between it and `prefix || 'g'`: an index range scan.
            let mut stmt =
                c.prepare_cached("SELECT id FROM articles WHERE id >= ?1 AND id < ?1 || 'g' ORDER BY id LIMIT ?2")?;
            let ids = stmt.query_map(params![prefix, MAX_PREFIX_MATCHES], |r| get_id(r, 0))?;
            Ok(ids.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn list_articles(&self, page: Page) -> Result<Vec<ArticleRow>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, seq, source, path, url, title, published, language, format, words, ingested_at
                 FROM articles ORDER BY seq DESC LIMIT ?1 OFFSET ?2",
            )?;
            let rows = stmt.query_map(params![sql_int(page.limit), sql_int(page.offset)], article_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn count_articles(&self) -> Result<u64> {
        self.read(|c| Ok(c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as u64))
    }

    fn articles_after(&self, after_seq: u64, limit: u64) -> Result<Vec<(u64, Article)>> {
        self.read(|c| {
            let mut stmt =
                c.prepare_cached("SELECT seq, id, text, body FROM articles WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
            let rows = stmt.query_map(params![sql_int(after_seq), sql_int(limit)], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
            })?;
            rows.map(|r| {
                let (seq, id, text, body) = r?;
                Ok((seq as u64, decode_article(&id, text, &body)?))
            })
            .collect()
        })
    }

    fn put_story(&self, story: &StoryRecord) -> Result<()> {
        let ids = story_article_ids_json(&story.article_ids);
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO stories (id, headline, outlets, articles, article_ids, dossier_json, dossier_md, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET
                    headline = excluded.headline, outlets = excluded.outlets, articles = excluded.articles,
                    article_ids = excluded.article_ids, dossier_json = excluded.dossier_json,
                    dossier_md = excluded.dossier_md, updated_at = excluded.updated_at",
            )?
            .execute(params![
                story.id,
                story.headline,
                sql_int(story.outlets),
                story.article_ids.len() as i64,
                ids,
                story.dossier_json,
                story.dossier_md,
                story.updated_at,
            ])?;
            tx.prepare_cached("DELETE FROM quotes WHERE story_id = ?1")?.execute([&story.id])?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO quotes (story_id, ord, article_id, speaker, text) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (ord, q) in story.quotes.iter().enumerate() {
                insert.execute(params![story.id, ord as i64, q.article_id.as_str(), q.speaker, q.text])?;
            }
            Ok(())
        })
    }

    fn delete_story(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached("DELETE FROM quotes WHERE story_id = ?1")?.execute([id])?;
            tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?.execute([id])?;
            Ok(())
        })
    }

    fn get_story(&self, id: &str) -> Result<Option<StoryRecord>> {
        self.read(|c| {
            let row = c
                .prepare_cached(
                    "SELECT headline, outlets, article_ids, dossier_json, dossier_md, updated_at
                     FROM stories WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })
                .optional()?;
            let Some((headline, outlets, ids, dossier_json, dossier_md, updated_at)) = row else { return Ok(None) };
            let mut stmt =
                c.prepare_cached("SELECT article_id, speaker, text FROM quotes WHERE story_id = ?1 ORDER BY ord")?;
            let quotes = stmt
                .query_map([id], |r| Ok(QuoteText { article_id: get_id(r, 0)?, speaker: r.get(1)?, text: r.get(2)? }))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Some(StoryRecord {
                id: id.to_string(),
                article_ids: story_article_ids(id, &ids)?,
                outlets: outlets as u64,
                headline,
                dossier_json,
                dossier_md,
                quotes,
                updated_at,
            }))
        })
    }

    fn list_stories(&self, page: Page) -> Result<Vec<StoryRow>> {
        self.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, articles, outlets, headline, updated_at FROM stories
                 ORDER BY updated_at DESC, id LIMIT ?1 OFFSET ?2",
            )?;
            let rows = stmt.query_map(params![sql_int(page.limit), sql_int(page.offset)], |r| {
                Ok(StoryRow {
                    id: r.get(0)?,
                    articles: r.get::<_, i64>(1)? as u64,
                    outlets: r.get::<_, i64>(2)? as u64,
                    headline: r.get(3)?,
                    updated_at: r.get(4)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn count_stories(&self) -> Result<u64> {
        self.read(|c| Ok(c.query_row("SELECT count(*) FROM stories", [], |r| r.get::<_, i64>(0))? as u64))
    }

    fn search(&self, query: &str, limit: u64) -> Result<Vec<SearchHit>> {
        let terms = terms(query);
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let expr = fts5_expression(&terms);
        let limit = sql_int(limit);
        self.read(|c| {
            let mut hits = Vec::new();
            let mut articles = c.prepare_cached(&format!(
                "SELECT a.id, a.title, a.source,
                        snippet(articles_fts, -1, '', '', '…', {SNIPPET_WORDS}),
                        -bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score
                 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                 WHERE articles_fts MATCH ?1 ORDER BY score DESC LIMIT ?2"
            ))?;
            let rows = articles.query_map(params![expr, limit], |r| {
                Ok(SearchHit {
                    kind: "article".into(),
                    article_id: get_id(r, 0)?,
                    story_id: None,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    snippet: r.get(3)?,
                    score: r.get(4)?,
                })
            })?;
            for hit in rows {
                hits.push(hit?);
            }
            let mut quotes = c.prepare_cached(&format!(
                "SELECT q.article_id, q.story_id, a.title, coalesce(a.source, ''),
                        snippet(quotes_fts, 1, '', '', '…', {SNIPPET_WORDS}),
                        -bm25(quotes_fts, {SPEAKER_WEIGHT}, 1.0) AS score
                 FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
                 LEFT JOIN articles a ON a.id = q.article_id
                 WHERE quotes_fts MATCH ?1 ORDER BY score DESC LIMIT ?2"
            ))?;
            let rows = quotes.query_map(params![expr, limit], |r| {
                Ok(SearchHit {
                    kind: "quote".into(),
                    article_id: get_id(r, 0)?,
                    story_id: Some(r.get(1)?),
                    title: r.get(2)?,
                    source: r.get(3)?,
                    snippet: r.get(4)?,
                    score: r.get(5)?,
                })
            })?;
            for hit in rows {
                hits.push(hit?);
            }
            Ok(crate::merge_hits(hits, limit as usize))
        })
    }

    fn put_state(&self, key: &str, value: &[u8]) -> Result<()> {
        let now = now_rfc3339();
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO state (key, value, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            )?
            .execute(params![key, value, now])?;
            Ok(())
        })
    }

    fn get_state(&self, key: &str) -> Result<Option<Vec<u8>>> {
        self.read(|c| {
            Ok(c.prepare_cached("SELECT value FROM state WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?)
        })
    }

    fn get_vectors(&self, model: &str, keys: &[VectorKey]) -> Result<Vec<Option<Vec<f32>>>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|c| {
            let mut query = c.prepare_cached("SELECT vector FROM vectors WHERE model = ?1 AND key = ?2")?;
            keys.iter()
                .map(|key| {
                    let bytes: Option<Vec<u8>> = query.query_row(params![model, &key[..]], |r| r.get(0)).optional()?;
                    Ok(bytes.as_deref().and_then(crate::vector_from_bytes))
                })
                .collect()
        })
    }

    fn put_vectors(&self, model: &str, vectors: &[(VectorKey, &[f32])]) -> Result<()> {
        if vectors.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO vectors (model, key, vector) VALUES (?1, ?2, ?3)")?;
            for (key, vector) in vectors {
                insert.execute(params![model, &key[..], crate::vector_bytes(vector)])?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_sqlite_has_fts5() {
        let c = Connection::open_in_memory().unwrap();
        let on: i64 = c.query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| r.get(0)).unwrap();
        assert_eq!(on, 1);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        drop(SqliteStore::open(&path).unwrap());
        Connection::open(&path).unwrap().execute_batch("PRAGMA user_version = 999").unwrap();
        match SqliteStore::open(&path) {
            Err(StoreError::SchemaTooNew { found: 999, supported }) => assert_eq!(supported, MIGRATIONS.len() as i64),
            Err(e) => panic!("wrong error {e}"),
            Ok(_) => panic!("opened a newer schema"),
        }
    }

    #[test]
    fn a_first_version_database_is_upgraded_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch(MIGRATIONS[0]).unwrap();
            c.execute_batch("PRAGMA user_version = 1").unwrap();
            c.execute("INSERT INTO state (key, value, updated_at) VALUES ('k', x'01', 'then')", []).unwrap();
        }
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.get_state("k").unwrap(), Some(vec![1]));
        s.put_vectors("m", &[([7; 32], &[0.5, 2.0][..])]).unwrap();
        assert_eq!(s.get_vectors("m", &[[7; 32]]).unwrap(), vec![Some(vec![0.5, 2.0])]);
    }

    #[test]
    fn reopening_keeps_version_and_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/dir/db.sqlite");
        drop(SqliteStore::open(&path).unwrap());
        drop(SqliteStore::open(&path).unwrap());
        let c = Connection::open(&path).unwrap();
        let v: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
        let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn in_memory_store_reads_its_own_writes() {
        let s = SqliteStore::open(":memory:").unwrap();
        let text = "An in-memory article about lighthouses.";
        let a = crosscheck_core::ArticleBuilder::new("s", "p", crosscheck_core::SourceFormat::Text, b"", text)
            .build(None, None)
            .unwrap();
        assert_eq!(s.put_articles(std::slice::from_ref(&a)).unwrap().inserted.len(), 1);
        assert_eq!(s.get_article(&a.id).unwrap(), Some(a));
        assert_eq!(s.search("lighthouses", 5).unwrap().len(), 1);
    }

    #[test]
    fn not_a_database_is_an_open_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.sqlite");
        std::fs::write(&path, vec![0x5a; 8192]).unwrap();
        let err = SqliteStore::open(&path).err().expect("junk file opened");
        assert!(matches!(err, StoreError::Open { .. }), "{err}");
        assert!(err.to_string().contains("junk.sqlite"), "{err}");
    }
}
