//! The HTTP API: routes, handlers and the JSON shapes they return.
//!
//! | route | does |
//! |---|---|
//! | `POST /articles` | ingest one JSON article, a JSON array, a JSONL batch (`application/x-ndjson`), or a raw `text/plain` / `text/html` body (`?source=&url=&title=&published=`) |
//! | `GET /articles?offset=&limit=` | stored articles, most recent first |
//! | `GET /articles/{id}` | one article with its text |
//! | `GET /stories?offset=&limit=` | stories, most recently updated first |
//! | `GET /stories/{id}` | the story's dossier (JSON); `{id}.md` for Markdown |
//! | `GET /search?q=&limit=` | full-text search over articles and quotations |
//! | `GET /health` | liveness and counts |
//! | `GET /openapi.json` | this API as an OpenAPI 3 document |
//! | `GET /`, `/app.js`, `/app.css`, `/favicon.svg` | the web UI |
//!
//! Store calls run on blocking threads; every failure is an [`ApiError`].

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, Request, State};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use crosscheck_core::{Article, ArticleId};
use crosscheck_store::{Page, Store};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crosscheck_pipeline::Pipeline;
use crate::records::{self, RawMeta, RecordError};
use crate::{tables, ui};

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub pipeline: Arc<Pipeline>,
    /// Bearer token required on writes, if set.
    pub token: Option<Arc<str>>,
}

impl AppState {
    fn store(&self) -> Arc<dyn Store> {
        self.pipeline.store().clone()
    }
}

/// The API and UI router with its limits and security headers.
pub fn router(state: AppState, max_body_bytes: usize) -> Router {
    Router::new()
        .route("/articles", get(list_articles).post(post_articles))
        .route("/articles/{id}", get(get_article))
        .route("/stories", get(list_stories))
        .route("/stories/{id}", get(get_story))
        .route("/storylines", get(list_storylines))
        .route("/search", get(search))
        .route("/health", get(health))
        .route("/map/outline.json", get(map_outline))
        .route("/openapi.json", get(openapi_json))
        .route("/", get(ui::index))
        .route("/index.html", get(ui::index))
        .route("/app.js", get(ui::app_js))
        .route("/app.css", get(ui::app_css))
        .route("/favicon.svg", get(ui::favicon))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(axum::middleware::from_fn(security_headers))
        .with_state(state)
}

/// Headers of every response (see [`tables::CONTENT_SECURITY_POLICY`]).
async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(tables::CONTENT_SECURITY_POLICY));
    for (name, value) in tables::SECURITY_HEADERS {
        h.insert(*name, HeaderValue::from_static(value));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

async fn not_found() -> ApiError {
    ApiError::not_found("not_found", "no such route")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this route does not take that method")
}

/// Run a store call on a blocking thread.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, ApiError> + Send + 'static) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| ApiError::internal("request worker", e))?
}

/// Proof that a write request carries the token (when one is configured).
/// Checked before the body is read.
pub struct WriteAccess;

impl FromRequestParts<AppState> for WriteAccess {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(expected) = &state.token else { return Ok(WriteAccess) };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim);
        match given {
            Some(t) if constant_time_eq(t.as_bytes(), expected.as_bytes()) => Ok(WriteAccess),
            Some(_) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "bad_token", "the bearer token is wrong")),
            None => Err(ApiError::new(StatusCode::UNAUTHORIZED, "token_required", "writes need `Authorization: Bearer <token>`")),
        }
    }
}

/// Compare without an early exit, so timing does not reveal a matching prefix.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

// ---------------------------------------------------------------- shapes

/// One record of a batch that could not be ingested.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecordFailure {
    /// 1-based position of the record (JSONL line, array element).
    pub record: usize,
    pub code: String,
    pub message: String,
}

/// Result of `POST /articles`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IngestResult {
    /// Ids of newly stored articles.
    pub inserted: Vec<String>,
    /// Ids of articles that were already stored.
    pub existing: Vec<String>,
    /// Records that could not be read.
    pub errors: Vec<RecordFailure>,
    /// Live story id of each ingested article.
    pub stories: BTreeMap<String, String>,
    /// The stories' dossiers may not be rebuilt yet (always without
    /// `?wait=true`; with it, only when the wait limit passed).
    pub dossiers_pending: bool,
}

/// An article in a list (no text).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleSummary {
    pub id: String,
    /// Ingest sequence number.
    pub seq: u64,
    pub source: String,
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub language: Option<String>,
    pub format: String,
    pub words: u64,
    pub ingested_at: String,
}

/// A page of articles.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleList {
    pub total: u64,
    pub offset: u64,
    pub limit: u64,
    pub items: Vec<ArticleSummary>,
}

/// One article with its text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleDetail {
    pub id: String,
    pub source: String,
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Full timestamp, when known (RFC 3339).
    pub published_at: Option<String>,
    /// Where the date came from (`json_ld`, `meta`, `feed`, `record`, `dateline`, ...).
    pub published_method: Option<String>,
    pub language: Option<String>,
    pub format: String,
    pub words: u64,
    /// Normalised text; paragraphs are byte ranges into it.
    pub text: String,
    /// `[start, end)` byte offsets of each paragraph.
    pub paragraphs: Vec<[usize; 2]>,
    /// The live story the article belongs to, once clustered.
    pub story_id: Option<String>,
}

/// A story in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StorySummary {
    pub id: String,
    pub articles: u64,
    pub outlets: u64,
    /// One-line summary: the dossier's headline.
    pub headline: String,
    pub updated_at: String,
}

/// A page of stories.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StoryList {
    pub total: u64,
    pub offset: u64,
    pub limit: u64,
    pub items: Vec<StorySummary>,
}

/// One storyline: the events (stories) of one developing story, linked by
/// shared core people and places close in time.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StorylineSummary {
    /// `"storyline-" + the id of its oldest story`; stays as later events join.
    pub id: String,
    /// Its stories in time order (first publication; undated ones last), each
    /// with its headline and size as stored (absent while its first dossier is built).
    pub stories: Vec<StorylineStory>,
}

/// A story of a storyline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StorylineStory {
    pub id: String,
    pub headline: Option<String>,
    pub articles: Option<u64>,
}

/// Every storyline; those of more than one story first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StorylineList {
    pub total: u64,
    pub items: Vec<StorylineSummary>,
}

/// One search result.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResult {
    /// `article` or `quote`.
    pub kind: String,
    pub article_id: String,
    pub story_id: Option<String>,
    pub title: Option<String>,
    pub source: String,
    /// Plain-text excerpt around the match (not HTML: escape before display).
    pub snippet: String,
    pub score: f64,
}

/// Search results.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    pub query: String,
    pub hits: Vec<SearchResult>,
}

/// `GET /health`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Health {
    pub status: String,
    pub version: String,
    pub articles: u64,
    pub stories: u64,
}

// ---------------------------------------------------------------- params

/// Query parameters as given; bad values are 400s with the parameter named.
fn query_map(q: Result<Query<HashMap<String, String>>, QueryRejection>) -> Result<HashMap<String, String>, ApiError> {
    q.map(|Query(m)| m).map_err(|e| ApiError::bad_request("invalid_query", format!("cannot read the query string: {}", e.body_text())))
}

fn number_param(q: &HashMap<String, String>, name: &str, default: u64, min: u64, max: u64) -> Result<u64, ApiError> {
    match q.get(name) {
        None => Ok(default),
        Some(v) => match v.trim().parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request("invalid_parameter", format!("`{name}` must be a whole number from {min} to {max}"))),
        },
    }
}

fn page_params(q: &HashMap<String, String>) -> Result<Page, ApiError> {
    Ok(Page {
        offset: number_param(q, "offset", 0, 0, tables::MAX_PAGE_OFFSET)?,
        limit: number_param(q, "limit", tables::DEFAULT_PAGE_LIMIT, 1, tables::MAX_PAGE_LIMIT)?,
    })
}

fn path_param(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(s)| s).map_err(|e| ApiError::bad_request("invalid_path", format!("cannot read the path: {}", e.body_text())))
}

// ---------------------------------------------------------------- handlers

/// Content kinds `POST /articles` takes.
enum BodyKind {
    Json,
    JsonLines,
    Text,
    Html,
}

fn body_kind(headers: &HeaderMap, body: &[u8]) -> Result<(BodyKind, Option<String>), ApiError> {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mut parts = ct.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string());
    let kind = match mime.as_str() {
        "application/json" => BodyKind::Json,
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" | "application/jsonlines" => BodyKind::JsonLines,
        "text/plain" => BodyKind::Text,
        "text/html" | "application/xhtml+xml" => BodyKind::Html,
        // No type given: a JSON-looking body is taken as JSON.
        "" if matches!(body.iter().find(|b| !b.is_ascii_whitespace()), Some(b'{') | Some(b'[')) => BodyKind::Json,
        other => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!("Content-Type {other:?} is not accepted: use application/json, application/x-ndjson, text/plain or text/html"),
            ))
        }
    };
    Ok((kind, charset))
}

fn failure(record: usize, e: RecordError) -> RecordFailure {
    RecordFailure { record, code: e.code.to_string(), message: e.message }
}

#[utoipa::path(post, path = "/articles",
    request_body(content = records::ArticleRecord, description = "One article as JSON; or a JSON array of them; or JSONL (`application/x-ndjson`), one per line; or a raw `text/plain` / `text/html` body with `?source=&url=&title=&published=`."),
    params(("source" = Option<String>, Query, description = "outlet of a raw text/html body"), ("url" = Option<String>, Query, description = "URL of a raw body"), ("title" = Option<String>, Query, description = "title of a raw body"), ("published" = Option<String>, Query, description = "YYYY-MM-DD or RFC 3339"), ("wait" = Option<bool>, Query, description = "answer only once the dossiers of the touched stories are rebuilt (at most 120 s)")),
    responses((status = 200, body = IngestResult), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
async fn post_articles(
    State(state): State<AppState>,
    _auth: WriteAccess,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<IngestResult>, ApiError> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", "the request body is larger than the server accepts")
        } else {
            ApiError::bad_request("unreadable_body", format!("cannot read the request body: {}", e.body_text()))
        }
    })?;
    let q = query_map(query)?;
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ApiError::bad_request("empty_body", "the request body is empty"));
    }
    let (kind, charset) = body_kind(&headers, &body)?;
    let meta = RawMeta { source: q.get("source").cloned(), url: q.get("url").cloned(), title: q.get("title").cloned(), published: q.get("published").cloned() };
    // Parsing (HTML extraction included) is CPU work: off the async threads.
    let (articles, errors) = blocking(move || parse_body(kind, charset, &meta, &body)).await?;
    let wait = match q.get("wait").map(|v| v.trim().to_ascii_lowercase()) {
        None => false,
        Some(v) if v == "true" || v == "1" => true,
        Some(v) if v == "false" || v == "0" => false,
        Some(_) => return Err(ApiError::bad_request("invalid_parameter", "`wait` must be true or false")),
    };
    let pipeline = state.pipeline.clone();
    let (report, pending) = blocking(move || {
        let mut out = crosscheck_pipeline::IngestReport::default();
        for chunk in articles.chunks(tables::INGEST_BATCH) {
            let r = pipeline.ingest(chunk).map_err(|e| ApiError::internal("ingest", e))?;
            out.inserted.extend(r.inserted);
            out.existing.extend(r.existing);
            out.stories.extend(r.stories);
        }
        let stories: Vec<String> = out.stories.values().cloned().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        let built = !wait || pipeline.wait_for(&stories, tables::POST_WAIT_LIMIT);
        Ok((out, !(wait && built)))
    })
    .await?;
    Ok(Json(IngestResult {
        inserted: report.inserted.iter().map(|i| i.to_string()).collect(),
        existing: report.existing.iter().map(|i| i.to_string()).collect(),
        errors,
        stories: report.stories.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        dossiers_pending: pending,
    }))
}

/// Articles and per-record failures of a body; a single JSON object that
/// fails is the request's error (400 malformed, 422 invalid).
fn parse_body(kind: BodyKind, charset: Option<String>, meta: &RawMeta, body: &[u8]) -> Result<(Vec<Article>, Vec<RecordFailure>), ApiError> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    match kind {
        BodyKind::JsonLines => {
            for (i, line) in body.split(|&b| b == b'\n').enumerate() {
                if line.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                match records::parse_record(line, &format!("api:jsonl#{}", i + 1)) {
                    Ok(a) => articles.push(a),
                    Err(e) => errors.push(failure(i + 1, e)),
                }
            }
        }
        BodyKind::Json => {
            let first = body.iter().find(|b| !b.is_ascii_whitespace());
            if first == Some(&b'[') {
                let items: Vec<serde_json::Value> = serde_json::from_slice(body)
                    .map_err(|e| ApiError::bad_request("malformed_json", format!("the body is not a JSON array of records: {e}")))?;
                for (i, v) in items.into_iter().enumerate() {
                    let label = format!("api:json#{}", i + 1);
                    let r = crosscheck_ingest::record::from_value(v).and_then(|r| records::from_record(r, &label));
                    match r {
                        Ok(a) => articles.push(a),
                        Err(e) => errors.push(failure(i + 1, e)),
                    }
                }
            } else {
                match records::parse_record(body, "api:json") {
                    Ok(a) => articles.push(a),
                    Err(e) if e.code == "malformed_json" => return Err(ApiError::bad_request("malformed_json", e.message)),
                    Err(e) => return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.code, e.message)),
                }
            }
        }
        BodyKind::Text | BodyKind::Html => {
            let r = match kind {
                BodyKind::Text => records::text_article(meta, "api:text", body),
                _ => records::html_body_article(meta, "api:html", body, charset.as_deref()),
            };
            match r {
                Ok(a) => articles.push(a),
                Err(e) => return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.code, e.message)),
            }
        }
    }
    Ok((articles, errors))
}

#[utoipa::path(get, path = "/articles",
    params(("offset" = Option<u64>, Query, description = "rows to skip"), ("limit" = Option<u64>, Query, description = "rows to return, 1..=1000 (default 50)")),
    responses((status = 200, body = ArticleList), (status = 400, body = ErrorBody)))]
async fn list_articles(State(state): State<AppState>, query: Result<Query<HashMap<String, String>>, QueryRejection>) -> Result<Json<ArticleList>, ApiError> {
    let page = page_params(&query_map(query)?)?;
    let store = state.store();
    blocking(move || {
        let total = store.count_articles()?;
        let items = store
            .list_articles(page)?
            .into_iter()
            .map(|r| ArticleSummary {
                id: r.id.to_string(),
                seq: r.seq,
                source: r.source,
                path: r.path,
                url: r.url,
                title: r.title,
                published: r.published,
                language: r.language,
                format: r.format,
                words: r.words,
                ingested_at: r.ingested_at,
            })
            .collect();
        Ok(Json(ArticleList { total, offset: page.offset, limit: page.limit, items }))
    })
    .await
}

#[utoipa::path(get, path = "/articles/{id}",
    params(("id" = String, Path, description = "article id (16 hex digits)")),
    responses((status = 200, body = ArticleDetail), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_article(State(state): State<AppState>, id: Result<Path<String>, PathRejection>) -> Result<Json<ArticleDetail>, ApiError> {
    let raw = path_param(id)?;
    let id = ArticleId::parse(&raw).map_err(|_| ApiError::bad_request("invalid_id", "an article id is 16 hexadecimal digits"))?;
    let pipeline = state.pipeline.clone();
    blocking(move || {
        let a = pipeline.store().get_article(&id)?.ok_or_else(|| ApiError::not_found("article_not_found", format!("no article {id}")))?;
        let story_id = pipeline.story_of(&a.id);
        Ok(Json(ArticleDetail {
            words: a.word_count() as u64,
            id: a.id.to_string(),
            source: a.source,
            path: a.path,
            url: a.url,
            title: a.title,
            authors: a.authors,
            published: a.published.as_ref().map(|p| p.date.to_string()),
            published_at: a.published.as_ref().and_then(|p| p.datetime).map(|d| d.to_rfc3339()),
            published_method: a.published.as_ref().and_then(|p| serde_json::to_value(p.method).ok()).and_then(|v| v.as_str().map(str::to_string)),
            language: a.language,
            format: a.format.as_str().to_string(),
            paragraphs: a.paragraphs.iter().map(|s| [s.start, s.end]).collect(),
            text: a.text,
            story_id,
        }))
    })
    .await
}

#[utoipa::path(get, path = "/stories",
    params(("offset" = Option<u64>, Query, description = "rows to skip"), ("limit" = Option<u64>, Query, description = "rows to return, 1..=1000 (default 50)")),
    responses((status = 200, body = StoryList), (status = 400, body = ErrorBody)))]
async fn list_stories(State(state): State<AppState>, query: Result<Query<HashMap<String, String>>, QueryRejection>) -> Result<Json<StoryList>, ApiError> {
    let page = page_params(&query_map(query)?)?;
    let store = state.store();
    blocking(move || {
        let total = store.count_stories()?;
        let items = store
            .list_stories(page)?
            .into_iter()
            .map(|s| StorySummary { id: s.id, articles: s.articles, outlets: s.outlets, headline: s.headline, updated_at: s.updated_at })
            .collect();
        Ok(Json(StoryList { total, offset: page.offset, limit: page.limit, items }))
    })
    .await
}

#[utoipa::path(get, path = "/storylines",
    responses((status = 200, body = StorylineList)))]
async fn list_storylines(State(state): State<AppState>) -> Result<Json<StorylineList>, ApiError> {
    let pipeline = state.pipeline.clone();
    blocking(move || {
        let store = pipeline.store();
        let mut items = Vec::new();
        for line in pipeline.storylines() {
            let mut stories = Vec::with_capacity(line.stories.len());
            for id in line.stories {
                let rec = store.get_story(&id)?;
                stories.push(StorylineStory {
                    headline: rec.as_ref().map(|r| r.headline.clone()),
                    articles: rec.as_ref().map(|r| r.article_ids.len() as u64),
                    id,
                });
            }
            items.push(StorylineSummary { id: line.id, stories });
        }
        // Developing stories (several events) first; otherwise in the clusterer's order.
        items.sort_by_key(|l| std::cmp::Reverse(l.stories.len()));
        Ok(Json(StorylineList { total: items.len() as u64, items }))
    })
    .await
}

#[utoipa::path(get, path = "/stories/{id}",
    params(("id" = String, Path, description = "story id; append `.md` for the Markdown dossier. An id merged into another story serves the surviving story.")),
    responses((status = 200, description = "the dossier (crosscheck-report JSON schema), or Markdown for `.md`", body = Object), (status = 404, body = ErrorBody), (status = 503, description = "the story exists but its first dossier is still being built", body = ErrorBody)))]
async fn get_story(State(state): State<AppState>, id: Result<Path<String>, PathRejection>) -> Result<Response, ApiError> {
    let raw = path_param(id)?;
    let (id, markdown) = match raw.strip_suffix(".md") {
        Some(base) => (base.to_string(), true),
        None => (raw.strip_suffix(".json").unwrap_or(&raw).to_string(), false),
    };
    // Story ids are made by the clusterer from hex ids and dashes; anything
    // else cannot name a story (and never reaches the store).
    if id.is_empty() || id.len() > 200 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(ApiError::not_found("story_not_found", "no such story"));
    }
    let pipeline = state.pipeline.clone();
    let record = blocking(move || {
        let store = pipeline.store();
        if let Some(r) = store.get_story(&id)? {
            return Ok(r);
        }
        // A story merged into another lives on under the surviving id; a
        // story just opened may still wait for its first dossier.
        match pipeline.resolve_story(&id) {
            Some(live) if live != id => store.get_story(&live)?.ok_or_else(|| pending(&live)),
            Some(live) => Err(pending(&live)),
            None => Err(ApiError::not_found("story_not_found", format!("no story {id}"))),
        }
    })
    .await?;
    let (body, ctype) = if markdown {
        (record.dossier_md, "text/markdown; charset=utf-8")
    } else {
        (record.dossier_json, "application/json")
    };
    let body = body.ok_or_else(|| ApiError::not_found("dossier_not_built", format!("story {} has no dossier (building it failed; see the server log)", record.id)))?;
    Ok(([(header::CONTENT_TYPE, ctype)], body).into_response())
}

fn pending(id: &str) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "dossier_pending", format!("story {id} is being built; try again in a moment"))
}

#[utoipa::path(get, path = "/search",
    params(("q" = String, Query, description = "words to look for (at most 512 characters)"), ("limit" = Option<u64>, Query, description = "results, 1..=200 (default 20)")),
    responses((status = 200, body = SearchResults), (status = 400, body = ErrorBody)))]
async fn search(State(state): State<AppState>, query: Result<Query<HashMap<String, String>>, QueryRejection>) -> Result<Json<SearchResults>, ApiError> {
    let q = query_map(query)?;
    let limit = number_param(&q, "limit", tables::DEFAULT_SEARCH_LIMIT, 1, tables::MAX_SEARCH_LIMIT)?;
    let text: String = q.get("q").map(|s| s.chars().filter(|c| !c.is_control()).collect()).unwrap_or_default();
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(ApiError::bad_request("missing_query", "give the words to search for as `q`"));
    }
    if text.chars().count() > tables::MAX_SEARCH_QUERY_CHARS {
        return Err(ApiError::bad_request("query_too_long", format!("a query has at most {} characters", tables::MAX_SEARCH_QUERY_CHARS)));
    }
    let store = state.store();
    blocking(move || {
        let hits = store
            .search(&text, limit)?
            .into_iter()
            .map(|h| SearchResult { kind: h.kind, article_id: h.article_id.to_string(), story_id: h.story_id, title: h.title, source: h.source, snippet: h.snippet, score: h.score })
            .collect();
        Ok(Json(SearchResults { query: text, hits }))
    })
    .await
}

#[utoipa::path(get, path = "/health", responses((status = 200, body = Health)))]
async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let store = state.store();
    blocking(move || {
        Ok(Json(Health { status: "ok".into(), version: env!("CARGO_PKG_VERSION").into(), articles: store.count_articles()?, stories: store.count_stories()? }))
    })
    .await
}

/// The coastline the incident maps are drawn on: the same rings the dossier's
/// own SVG map uses, so the web UI and the HTML dossier show one map.
#[derive(Debug, Serialize, ToSchema)]
pub struct MapOutline {
    /// Land rings, each a list of `[lon, lat]` in degrees; the first is the mainland.
    pub land: Vec<Vec<[f64; 2]>>,
    /// Inland seas drawn over the land.
    pub water: Vec<Vec<[f64; 2]>>,
}

#[utoipa::path(get, path = "/map/outline.json", responses((status = 200, body = MapOutline)))]
async fn map_outline() -> Response {
    let rings = |r: &[&[(f64, f64)]]| r.iter().map(|ring| ring.iter().map(|&(lon, lat)| [lon, lat]).collect()).collect();
    let outline = MapOutline { land: rings(crosscheck_incidents::MAP_LAND), water: rings(crosscheck_incidents::MAP_WATER) };
    ([(header::CACHE_CONTROL, "public, max-age=86400")], Json(outline)).into_response()
}

async fn openapi_json() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], ApiDoc::openapi().to_json().unwrap_or_else(|_| "{}".into())).into_response()
}

/// The OpenAPI 3 document served at `/openapi.json`.
#[derive(OpenApi)]
#[openapi(
    info(title = "crosscheck API", description = "Ingest news articles, follow stories across outlets, read their cross-checked dossiers."),
    paths(post_articles, list_articles, get_article, list_stories, get_story, list_storylines, search, health, map_outline),
    components(schemas(MapOutline, records::ArticleRecord, IngestResult, RecordFailure, ArticleSummary, ArticleList, ArticleDetail, StorySummary, StoryList, StorylineSummary, StorylineStory, StorylineList, SearchResult, SearchResults, Health, ErrorBody, crate::error::ErrorDetail)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Declares the bearer scheme writes use.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
    }
}
