//! The PostgreSQL backend: a server named by a `postgres://` URL, a
//! `schema_migrations` table, `tsvector` full-text search.
//!
//! Same schema meaning as the SQLite backend (see [`migrations`]): `articles`
//! with a `BIGSERIAL` sequence number, unique id (byte-ordered, for prefix
//! range scans), metadata columns, text, the rest of the article as JSON and a
//! generated `tsvector` (title weighted above text) with a GIN index; `stories`;
//! `quotes` with their own `tsvector`; `state`; `vectors` (sentence vectors
//! by model and text hash, floats as `BYTEA`).
//!
//! **Ingest order.** A sequence value is taken when a row is inserted, not when
//! its transaction commits, so two concurrent batches could commit out of
//! order and a watcher reading "everything after N" would skip the late one.
//! [`Store::put_articles`] therefore takes a transaction-scoped advisory lock
//! before inserting: article batches commit one at a time, in sequence order,
//! across every process using the database. Sequence numbers may have gaps
//! (a conflicting insert still consumes one); they only ever increase.
//!
//! **Connections.** Each call borrows a connection from a small free list
//! (a new one when none is idle); a broken connection is dropped, not reused.
//! No TLS: use it on the same machine or a trusted network.
//!
//! **NUL characters.** PostgreSQL text cannot hold U+0000. Metadata columns,
//! story fields, quotes and state keys get U+FFFD in its place rather than
//! failing the whole batch; an article itself still comes back exactly (its
//! JSON escapes NUL, and its text never has one).
//!
//! **Blocking.** The `postgres` client drives its own runtime; calling it from
//! inside an async runtime's worker thread panics. Async callers use
//! `spawn_blocking`.

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard};

use crosscheck_core::{Article, ArticleId};
use postgres::{Client, Config, NoTls, Row};

use crate::query::terms;
use crate::record::{decode_article, id_prefix, now_rfc3339, parse_id, sql_int, story_article_ids, story_article_ids_json, ArticleColumns};
use crate::tables::{IDLE_READERS, MAX_PREFIX_MATCHES, PG_INDEXED_TEXT_CHARS, SNIPPET_WORDS, SPEAKER_WEIGHT, TITLE_WEIGHT};
use crate::{ArticleRow, VectorKey, Page, PutOutcome, QuoteText, Result, SearchHit, Store, StoreError, StoryRecord, StoryRow};

/// Advisory lock keys (arbitrary constants, "crosscheck" in ASCII-ish hex).
const MIGRATION_LOCK: i64 = 0x6363_6b5f_6d69_6772;
const ARTICLE_LOCK: i64 = 0x6363_6b5f_6172_7469;

/// Schema migrations, in order; migration `n` (1-based) is recorded as row
/// `version = n` of `schema_migrations`. Never edit a released entry: append.
pub fn migrations() -> Vec<String> {
    vec![
        format!(
        r#"
        CREATE TABLE articles (
            seq         BIGSERIAL PRIMARY KEY,
            id          TEXT COLLATE "C" NOT NULL UNIQUE,
            source      TEXT NOT NULL,
            path        TEXT NOT NULL,
            url         TEXT,
            title       TEXT,
            published   TEXT,
            language    TEXT,
            format      TEXT NOT NULL,
            raw_hash    TEXT NOT NULL,
            words       BIGINT NOT NULL,
            ingested_at TEXT NOT NULL,
            text        TEXT NOT NULL,
            body        TEXT NOT NULL,
            search      tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
                setweight(to_tsvector('simple', left(text, {PG_INDEXED_TEXT_CHARS})), 'B')
            ) STORED
        );
        CREATE INDEX articles_source ON articles (source);
        CREATE INDEX articles_published ON articles (published);
        CREATE INDEX articles_search ON articles USING gin (search);

        CREATE TABLE stories (
            id           TEXT PRIMARY KEY,
            headline     TEXT NOT NULL,
            outlets      BIGINT NOT NULL,
            articles     BIGINT NOT NULL,
            article_ids  TEXT NOT NULL,
            dossier_json TEXT,
            dossier_md   TEXT,
            updated_at   TEXT NOT NULL
        );
        CREATE INDEX stories_updated ON stories (updated_at);

        CREATE TABLE quotes (
            id         BIGSERIAL PRIMARY KEY,
            story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            ord        BIGINT NOT NULL,
            article_id TEXT NOT NULL,
            speaker    TEXT,
            text       TEXT NOT NULL,
            search     tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', coalesce(speaker, '')), 'A') ||
                setweight(to_tsvector('simple', left(text, {PG_INDEXED_TEXT_CHARS})), 'B')
            ) STORED
        );
        CREATE INDEX quotes_story ON quotes (story_id, ord);
        CREATE INDEX quotes_search ON quotes USING gin (search);

        CREATE TABLE state (
            key        TEXT PRIMARY KEY,
            value      BYTEA NOT NULL,
            updated_at TEXT NOT NULL
        );
        "#
        ),
        // 2: sentence vectors by model and text hash.
        r#"
        CREATE TABLE vectors (
            model  TEXT NOT NULL,
            key    BYTEA NOT NULL,
            vector BYTEA NOT NULL,
            PRIMARY KEY (model, key)
        );
        "#
        .to_string(),
    ]
}

/// A PostgreSQL database opened as a [`Store`].
pub struct PgStore {
    config: Config,
    /// The URL with any password blanked, for messages.
    location: String,
    idle: Mutex<Vec<Client>>,
}

impl PgStore {
    /// Connect to the database `url` names (`postgres://user[:password]@host[:port]/db[?options]`,
    /// or the key=value form) and bring its schema up to date.
    pub fn connect(url: &str) -> Result<Self> {
        let location = redact(url);
        let open_err = |reason: String| StoreError::Open { location: location.clone(), reason };
        let mut config = Config::from_str(url).map_err(|e| open_err(describe(&e)))?;
        if config.get_application_name().is_none() {
            config.application_name("crosscheck");
        }
        let mut client = config.connect(NoTls).map_err(|e| open_err(describe(&e)))?;
        migrate(&mut client).map_err(|e| match e {
            StoreError::SchemaTooNew { .. } => e,
            other => open_err(other.to_string()),
        })?;
        Ok(PgStore { config, location, idle: Mutex::new(vec![client]) })
    }

    /// The URL this store was opened with, password blanked.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Run `f` on a pooled connection.
    fn with_client<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        let pooled = lock(&self.idle).pop();
        let mut client = match pooled {
            Some(c) if !c.is_closed() => c,
            _ => self.config.connect(NoTls)?,
        };
        let out = f(&mut client);
        if !client.is_closed() {
            let mut idle = lock(&self.idle);
            if idle.len() < IDLE_READERS {
                idle.push(client);
            }
        }
        out
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Apply missing migrations in one transaction, holding an advisory lock so two
/// processes opening a new database do not both create it.
fn migrate(client: &mut Client) -> Result<()> {
    let migrations = migrations();
    let supported = migrations.len() as i64;
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    BIGINT PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let found: i64 = tx.query_one("SELECT coalesce(max(version), 0) FROM schema_migrations", &[])?.get(0);
    if found > supported {
        return Err(StoreError::SchemaTooNew { found, supported });
    }
    for (i, sql) in migrations.iter().enumerate().skip(found as usize) {
        let version = i as i64 + 1;
        tracing::info!(version, "applying PostgreSQL migration");
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&version])?;
    }
    tx.commit()?;
    Ok(())
}

/// A driver error as a readable line (the server's message when there is one).
fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => e.to_string(),
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Backend(format!("postgres: {}", describe(&e)))
    }
}

/// `url` with the password (if any) replaced by `***`.
fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else { return url.to_string() };
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => {
            format!("{}{}:***{}", &url[..scheme_end], &authority[..colon], &rest[at..])
        }
        _ => url.to_string(),
    }
}

/// `s` with any NUL replaced by U+FFFD (PostgreSQL text refuses NUL).
fn pg_text(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn pg_text_opt(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(pg_text)
}

fn get_id(row: &Row, idx: usize) -> Result<ArticleId> {
    parse_id(row.try_get::<_, &str>(idx)?)
}

fn article_row(r: &Row) -> Result<ArticleRow> {
    Ok(ArticleRow {
        id: get_id(r, 0)?,
        seq: r.try_get::<_, i64>(1)? as u64,
        source: r.try_get(2)?,
        path: r.try_get(3)?,
        url: r.try_get(4)?,
        title: r.try_get(5)?,
        published: r.try_get(6)?,
        language: r.try_get(7)?,
        format: r.try_get(8)?,
        words: r.try_get::<_, i64>(9)? as u64,
        ingested_at: r.try_get(10)?,
    })
}

/// The tsquery of `terms` as SQL, each term a parameter `$first..`: every term
/// a phrase (a one-word phrase is the word), all required.
fn tsquery_sql(terms: &[String], first: usize) -> String {
    (0..terms.len()).map(|i| format!("phraseto_tsquery('simple', ${})", first + i)).collect::<Vec<_>>().join(" && ")
}

impl Store for PgStore {
    fn put_articles(&self, articles: &[Article]) -> Result<PutOutcome> {
        let columns = articles.iter().map(ArticleColumns::of).collect::<Result<Vec<_>>>()?;
        let now = now_rfc3339();
        self.with_client(|client| {
            let mut tx = client.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&ARTICLE_LOCK])?;
            let insert = tx.prepare(
                "INSERT INTO articles (id, source, path, url, title, published, language, format, raw_hash,
                                       words, ingested_at, text, body)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                 ON CONFLICT (id) DO NOTHING",
            )?;
            let mut outcome = PutOutcome::default();
            for (a, c) in articles.iter().zip(&columns) {
                let changed = tx.execute(
                    &insert,
                    &[
                        &a.id.as_str(),
                        &pg_text(&a.source),
                        &pg_text(&a.path),
                        &pg_text_opt(&a.url),
                        &pg_text_opt(&a.title),
                        &c.published,
                        &pg_text_opt(&a.language),
                        &a.format.as_str(),
                        &pg_text(&a.raw_hash),
                        &c.words,
                        &now,
                        &pg_text(&a.text),
                        &c.body,
                    ],
                )?;
                if changed == 1 {
                    outcome.inserted.push(a.id.clone());
                } else {
                    outcome.existing.push(a.id.clone());
                }
            }
            tx.commit()?;
            Ok(outcome)
        })
    }

    fn get_article(&self, id: &ArticleId) -> Result<Option<Article>> {
        self.with_client(|c| {
            let row = c.query_opt("SELECT text, body FROM articles WHERE id = $1", &[&id.as_str()])?;
            row.map(|r| decode_article(id.as_str(), r.try_get(0)?, r.try_get(1)?)).transpose()
        })
    }

    fn find_by_prefix(&self, prefix: &str) -> Result<Vec<ArticleId>> {
        let Some(prefix) = id_prefix(prefix) else { return Ok(Vec::new()) };
        self.with_client(|c| {
            // Byte-ordered ids: everything starting with `prefix` sorts below `prefix || 'g'`.
            c.query(
                "SELECT id FROM articles WHERE id >= $1 AND id < $1 || 'g' ORDER BY id LIMIT $2",
                &[&prefix, &MAX_PREFIX_MATCHES],
            )?
            .iter()
            .map(|r| get_id(r, 0))
            .collect()
        })
    }

    fn list_articles(&self, page: Page) -> Result<Vec<ArticleRow>> {
        self.with_client(|c| {
            c.query(
                "SELECT id, seq, source, path, url, title, published, language, format, words, ingested_at
                 FROM articles ORDER BY seq DESC LIMIT $1 OFFSET $2",
                &[&sql_int(page.limit), &sql_int(page.offset)],
            )?
            .iter()
            .map(article_row)
            .collect()
        })
    }

    fn count_articles(&self) -> Result<u64> {
        self.with_client(|c| Ok(c.query_one("SELECT count(*) FROM articles", &[])?.try_get::<_, i64>(0)? as u64))
    }

    fn articles_after(&self, after_seq: u64, limit: u64) -> Result<Vec<(u64, Article)>> {
        self.with_client(|c| {
            c.query(
                "SELECT seq, id, text, body FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2",
                &[&sql_int(after_seq), &sql_int(limit)],
            )?
            .iter()
            .map(|r| {
                let seq: i64 = r.try_get(0)?;
                Ok((seq as u64, decode_article(r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)?))
            })
            .collect()
        })
    }

    fn put_story(&self, story: &StoryRecord) -> Result<()> {
        let ids = story_article_ids_json(&story.article_ids);
        self.with_client(|client| {
            let mut tx = client.transaction()?;
            tx.execute(
                "INSERT INTO stories (id, headline, outlets, articles, article_ids, dossier_json, dossier_md, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (id) DO UPDATE SET
                    headline = excluded.headline, outlets = excluded.outlets, articles = excluded.articles,
                    article_ids = excluded.article_ids, dossier_json = excluded.dossier_json,
                    dossier_md = excluded.dossier_md, updated_at = excluded.updated_at",
                &[
                    &pg_text(&story.id),
                    &pg_text(&story.headline),
                    &sql_int(story.outlets),
                    &(story.article_ids.len() as i64),
                    &ids,
                    &pg_text_opt(&story.dossier_json),
                    &pg_text_opt(&story.dossier_md),
                    &pg_text(&story.updated_at),
                ],
            )?;
            tx.execute("DELETE FROM quotes WHERE story_id = $1", &[&pg_text(&story.id)])?;
            if !story.quotes.is_empty() {
                let insert = tx.prepare(
                    "INSERT INTO quotes (story_id, ord, article_id, speaker, text) VALUES ($1, $2, $3, $4, $5)",
                )?;
                for (ord, q) in story.quotes.iter().enumerate() {
                    tx.execute(
                        &insert,
                        &[&pg_text(&story.id), &(ord as i64), &q.article_id.as_str(), &pg_text_opt(&q.speaker), &pg_text(&q.text)],
                    )?;
                }
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn delete_story(&self, id: &str) -> Result<()> {
        let id = &pg_text(id);
        self.with_client(|client| {
            let mut tx = client.transaction()?;
            tx.execute("DELETE FROM quotes WHERE story_id = $1", &[&id])?;
            tx.execute("DELETE FROM stories WHERE id = $1", &[&id])?;
            tx.commit()?;
            Ok(())
        })
    }

    fn get_story(&self, id: &str) -> Result<Option<StoryRecord>> {
        let id_text = pg_text(id);
        let id = &*id_text;
        self.with_client(|client| {
            // One snapshot for the story and its quotes.
            let mut tx = client.build_transaction().read_only(true).isolation_level(postgres::IsolationLevel::RepeatableRead).start()?;
            let Some(row) = tx.query_opt(
                "SELECT headline, outlets, article_ids, dossier_json, dossier_md, updated_at FROM stories WHERE id = $1",
                &[&id],
            )?
            else {
                return Ok(None);
            };
            let quotes = tx
                .query("SELECT article_id, speaker, text FROM quotes WHERE story_id = $1 ORDER BY ord", &[&id])?
                .iter()
                .map(|r| Ok(QuoteText { article_id: get_id(r, 0)?, speaker: r.try_get(1)?, text: r.try_get(2)? }))
                .collect::<Result<Vec<_>>>()?;
            tx.commit()?;
            Ok(Some(StoryRecord {
                id: id.to_string(),
                article_ids: story_article_ids(id, row.try_get(2)?)?,
                outlets: row.try_get::<_, i64>(1)? as u64,
                headline: row.try_get(0)?,
                dossier_json: row.try_get(3)?,
                dossier_md: row.try_get(4)?,
                quotes,
                updated_at: row.try_get(5)?,
            }))
        })
    }

    fn list_stories(&self, page: Page) -> Result<Vec<StoryRow>> {
        self.with_client(|c| {
            c.query(
                "SELECT id, articles, outlets, headline, updated_at FROM stories
                 ORDER BY updated_at DESC, id LIMIT $1 OFFSET $2",
                &[&sql_int(page.limit), &sql_int(page.offset)],
            )?
            .iter()
            .map(|r| {
                Ok(StoryRow {
                    id: r.try_get(0)?,
                    articles: r.try_get::<_, i64>(1)? as u64,
                    outlets: r.try_get::<_, i64>(2)? as u64,
                    headline: r.try_get(3)?,
                    updated_at: r.try_get(4)?,
                })
            })
            .collect()
        })
    }

    fn count_stories(&self) -> Result<u64> {
        self.with_client(|c| Ok(c.query_one("SELECT count(*) FROM stories", &[])?.try_get::<_, i64>(0)? as u64))
    }

    fn search(&self, query: &str, limit: u64) -> Result<Vec<SearchHit>> {
        let terms = terms(query);
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let phrases = &terms;
        let limit = sql_int(limit);
        let tsquery = tsquery_sql(&terms, 2);
        let headline = format!(
            "'MaxWords={SNIPPET_WORDS}, MinWords={}, StartSel=\"\", StopSel=\"\", MaxFragments=1, FragmentDelimiter=\" … \"'",
            SNIPPET_WORDS / 2
        );
        // ts_rank weights are {D, C, B, A}, each at most 1: text is B, title (speaker) is A.
        let text_weight = 1.0 / TITLE_WEIGHT;
        let quote_weight = 1.0 / SPEAKER_WEIGHT;
        let articles_sql = format!(
            "WITH q AS (SELECT {tsquery} AS q)
             SELECT a.id, a.title, a.source,
                    ts_headline('simple', left(a.text, {PG_INDEXED_TEXT_CHARS}), q.q, {headline}),
                    ts_rank('{{0, 0, {text_weight}, 1}}', a.search, q.q)::float8 AS score
             FROM articles a, q WHERE a.search @@ q.q ORDER BY score DESC, a.seq LIMIT $1"
        );
        let quotes_sql = format!(
            "WITH q AS (SELECT {tsquery} AS q)
             SELECT qt.article_id, qt.story_id, a.title, coalesce(a.source, ''),
                    ts_headline('simple', qt.text, q.q, {headline}),
                    ts_rank('{{0, 0, {quote_weight}, 1}}', qt.search, q.q)::float8 AS score
             FROM quotes qt CROSS JOIN q LEFT JOIN articles a ON a.id = qt.article_id
             WHERE qt.search @@ q.q ORDER BY score DESC, qt.id LIMIT $1"
        );
        let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> = vec![&limit];
        params.extend(phrases.iter().map(|p| p as &(dyn postgres::types::ToSql + Sync)));
        self.with_client(|c| {
            let mut hits = Vec::new();
            for r in c.query(&articles_sql, &params)? {
                hits.push(SearchHit {
                    kind: "article".into(),
                    article_id: get_id(&r, 0)?,
                    story_id: None,
                    title: r.try_get(1)?,
                    source: r.try_get(2)?,
                    snippet: r.try_get(3)?,
                    score: r.try_get(4)?,
                });
            }
            for r in c.query(&quotes_sql, &params)? {
                hits.push(SearchHit {
                    kind: "quote".into(),
                    article_id: get_id(&r, 0)?,
                    story_id: Some(r.try_get(1)?),
                    title: r.try_get(2)?,
                    source: r.try_get(3)?,
                    snippet: r.try_get(4)?,
                    score: r.try_get(5)?,
                });
            }
            Ok(crate::merge_hits(hits, limit as usize))
        })
    }

    fn put_state(&self, key: &str, value: &[u8]) -> Result<()> {
        let now = now_rfc3339();
        self.with_client(|c| {
            c.execute(
                "INSERT INTO state (key, value, updated_at) VALUES ($1, $2, $3)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                &[&pg_text(key), &value, &now],
            )?;
            Ok(())
        })
    }

    fn get_state(&self, key: &str) -> Result<Option<Vec<u8>>> {
        self.with_client(|c| {
            Ok(c.query_opt("SELECT value FROM state WHERE key = $1", &[&pg_text(key)])?.map(|r| r.try_get(0)).transpose()?)
        })
    }

    fn get_vectors(&self, model: &str, keys: &[VectorKey]) -> Result<Vec<Option<Vec<f32>>>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        // One round trip for the whole list, not one per key.
        let wanted: Vec<&[u8]> = keys.iter().map(|k| &k[..]).collect();
        let found: std::collections::HashMap<Vec<u8>, Vec<u8>> = self.with_client(|c| {
            c.query("SELECT key, vector FROM vectors WHERE model = $1 AND key = ANY($2)", &[&pg_text(model), &wanted])?
                .into_iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<std::result::Result<_, postgres::Error>>()
                .map_err(StoreError::from)
        })?;
        Ok(keys.iter().map(|k| found.get(&k[..]).and_then(|b| crate::vector_from_bytes(b))).collect())
    }

    fn put_vectors(&self, model: &str, vectors: &[(VectorKey, &[f32])]) -> Result<()> {
        if vectors.is_empty() {
            return Ok(());
        }
        let keys: Vec<&[u8]> = vectors.iter().map(|(k, _)| &k[..]).collect();
        let values: Vec<Vec<u8>> = vectors.iter().map(|(_, v)| crate::vector_bytes(v)).collect();
        self.with_client(|c| {
            c.execute(
                "INSERT INTO vectors (model, key, vector) SELECT $1, k, v FROM unnest($2::bytea[], $3::bytea[]) AS t(k, v)
                 ON CONFLICT (model, key) DO NOTHING",
                &[&pg_text(model), &keys, &values],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_blanked() {
        assert_eq!(redact("postgres://u:secret@h:5432/db?x=1"), "postgres://u:***@h:5432/db?x=1");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("postgresql://h:5432/db"), "postgresql://h:5432/db");
    }

    #[test]
    fn bad_url_is_an_open_error() {
        let err = PgStore::connect("postgres://u:pw@127.0.0.1:notaport/db").err().expect("bad URL accepted");
        assert!(matches!(err, StoreError::Open { .. }), "{err}");
        assert!(!err.to_string().contains("pw"), "{err}");
    }

    #[test]
    fn tsquery_has_one_parameter_per_term() {
        let t = terms(r#"a "b c""#);
        assert_eq!(tsquery_sql(&t, 2), "phraseto_tsquery('simple', $2) && phraseto_tsquery('simple', $3)");
    }
}
