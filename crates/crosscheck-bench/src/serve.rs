//! `crosscheck bench serve [--articles N]`: the HTTP server in-process on
//! 127.0.0.1 with a temporary SQLite store. Measures ingest throughput over
//! HTTP (JSONL batches, then single JSON posts; a post returns once its
//! articles are stored and clustered, and the figures are given both up to the
//! last answer and up to the moment the background worker has rebuilt every
//! touched dossier) and the latency of `GET /stories/{id}` (p50/p99) on the
//! finished dossiers. Prints figures; not a test.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crosscheck_core::{Article, SentenceEncoder};
use crosscheck_pipeline::Pipeline;
use crosscheck_server::{RunningServer, ServerConfig};
use serde::Serialize;

/// Options of the server benchmark.
#[derive(Debug, Clone)]
pub struct ServeBenchOptions {
    /// Generated articles posted as JSONL batches.
    pub articles: usize,
    /// Articles per JSONL batch.
    pub batch: usize,
    /// Further articles posted one per request.
    pub singles: usize,
    /// Concurrent HTTP clients.
    pub clients: usize,
    /// `GET /stories/{id}` requests timed.
    pub gets: usize,
    pub seed: u64,
}

/// Figures of the server benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct ServeBenchReport {
    pub articles_batched: usize,
    pub batch_size: usize,
    pub batch_articles_per_sec: f64,
    /// Including the wait until every queued dossier was rebuilt.
    pub batch_articles_per_sec_with_dossiers: f64,
    pub singles: usize,
    pub single_articles_per_sec: f64,
    pub single_articles_per_sec_with_dossiers: f64,
    pub clients: usize,
    pub stories: u64,
    pub story_gets: usize,
    pub story_get_p50_ms: f64,
    pub story_get_p99_ms: f64,
    pub story_get_max_ms: f64,
    pub mean_dossier_bytes: usize,
}

/// Run the server benchmark in a temporary folder (removed afterwards);
/// `progress` hears what it is doing.
pub fn run_serve(
    args: &ServeBenchOptions,
    encoder: Option<Arc<dyn SentenceEncoder>>,
    progress: &dyn Fn(&str),
) -> anyhow::Result<ServeBenchReport> {
    anyhow::ensure!(args.batch > 0 && args.clients > 0, "--batch and --clients must be at least 1");
    let dir = std::env::temp_dir().join(format!("crosscheck-bench-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let result = bench(args, encoder, &dir, progress);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

impl ServeBenchReport {
    /// Human-readable figures.
    pub fn render(&self) -> String {
        let mut s = format!("bench serve: in-process server on 127.0.0.1, SQLite store, {} clients\n", self.clients);
        s += &format!(
            "  ingest, JSONL batches of {}: {} articles, {:.0} articles/s stored+clustered, {:.0} articles/s until every dossier was rebuilt\n",
            self.batch_size, self.articles_batched, self.batch_articles_per_sec, self.batch_articles_per_sec_with_dossiers
        );
        s += &format!(
            "  ingest, one article per POST: {} articles, {:.0} articles/s stored+clustered, {:.0} articles/s until every dossier was rebuilt\n",
            self.singles, self.single_articles_per_sec, self.single_articles_per_sec_with_dossiers
        );
        s += &format!(
            "  GET /stories/{{id}} over {} stories ({} requests, mean dossier {} KiB): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms\n",
            self.stories,
            self.story_gets,
            self.mean_dossier_bytes / 1024,
            self.story_get_p50_ms,
            self.story_get_p99_ms,
            self.story_get_max_ms
        );
        s
    }
}

fn record(a: &Article) -> serde_json::Value {
    let published = a.published.as_ref().map(|p| p.datetime.map(|d| d.to_rfc3339()).unwrap_or_else(|| p.date.to_string()));
    serde_json::json!({"source": a.source, "title": a.title, "text": a.text, "published": published})
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(600))).build().into()
}

fn post(agent: &ureq::Agent, url: &str, ctype: &str, body: String) -> anyhow::Result<()> {
    let mut resp = agent.post(url).header("Content-Type", ctype).send(body)?;
    let status = resp.status();
    let text = resp.body_mut().with_config().limit(64 << 20).read_to_string()?;
    anyhow::ensure!(status.is_success(), "POST answered {status}: {text}");
    Ok(())
}

/// Run `jobs` over `clients` threads; returns wall time.
fn parallel<T: Send + Sync>(clients: usize, jobs: &[T], f: impl Fn(&T) -> anyhow::Result<()> + Sync) -> anyhow::Result<Duration> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|_| {
                s.spawn(|| -> anyhow::Result<()> {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { return Ok(()) };
                        f(job)?;
                    }
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| h.join().map_err(|_| anyhow::anyhow!("client thread panicked"))?)
    })?;
    Ok(started.elapsed())
}

fn bench(args: &ServeBenchOptions, encoder: Option<Arc<dyn SentenceEncoder>>, dir: &std::path::Path, say: &dyn Fn(&str)) -> anyhow::Result<ServeBenchReport> {
    let db = dir.join("bench.db");
    let store = crosscheck_store::open(&db.display().to_string()).context("opening the temporary store")?;
    let pipeline = Arc::new(Pipeline::open(Arc::from(store), encoder)?);
    let server = RunningServer::start(pipeline.clone(), ServerConfig { bind: "127.0.0.1:0".parse()?, ..Default::default() })?;
    let (articles, _) = crate::corpus::synthetic_articles(args.articles + args.singles, args.seed);
    let (batched, singles) = articles.split_at(args.articles.min(articles.len()));

    say(&format!("posting {} articles in JSONL batches of {}", batched.len(), args.batch));
    let bodies: Vec<String> = batched
        .chunks(args.batch)
        .map(|c| c.iter().map(|a| record(a).to_string()).collect::<Vec<_>>().join("\n"))
        .collect();
    let url = server.url("/articles");
    let started = Instant::now();
    let t_batch = parallel(args.clients, &bodies, |b| post(&agent(), &url, "application/x-ndjson", b.clone()))?;
    say(&format!("waiting for {} queued dossiers", pipeline.pending()));
    anyhow::ensure!(pipeline.wait_idle(Duration::from_secs(3600)), "dossiers not rebuilt within an hour");
    let t_batch_idle = started.elapsed();

    say(&format!("posting {} articles one per request", singles.len()));
    let single_bodies: Vec<String> = singles.iter().map(|a| record(a).to_string()).collect();
    let started = Instant::now();
    let t_single = parallel(args.clients, &single_bodies, |b| post(&agent(), &url, "application/json", b.clone()))?;
    anyhow::ensure!(pipeline.wait_idle(Duration::from_secs(3600)), "dossiers not rebuilt within an hour");
    let t_single_idle = started.elapsed();

    let a = agent();
    let mut ids: Vec<String> = Vec::new();
    let mut total = 0;
    loop {
        let page = crosscheck_server::tables::MAX_PAGE_LIMIT;
        let mut resp = a.get(&server.url(&format!("/stories?offset={}&limit={page}", ids.len()))).call()?;
        let list: serde_json::Value = serde_json::from_str(&resp.body_mut().with_config().limit(64 << 20).read_to_string()?)?;
        total = list["total"].as_u64().unwrap_or(total);
        let items = list["items"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            break;
        }
        ids.extend(items.iter().filter_map(|s| s["id"].as_str().map(str::to_string)));
    }
    anyhow::ensure!(!ids.is_empty(), "the server lists no story after ingest");
    say(&format!("timing {} GET /stories/{{id}} over {} stories", args.gets, ids.len()));
    let jobs: Vec<String> = (0..args.gets).map(|i| server.url(&format!("/stories/{}", ids[(i * 7919) % ids.len()]))).collect();
    let latencies = std::sync::Mutex::new(Vec::with_capacity(jobs.len()));
    let bytes = std::sync::atomic::AtomicUsize::new(0);
    parallel(args.clients, &jobs, |u| {
        let a = agent();
        let t = Instant::now();
        let mut r = a.get(u).call()?;
        let body = r.body_mut().with_config().limit(256 << 20).read_to_vec()?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        anyhow::ensure!(r.status().is_success(), "GET {u} answered {}", r.status());
        bytes.fetch_add(body.len(), std::sync::atomic::Ordering::Relaxed);
        latencies.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.push(ms);
        Ok(())
    })?;
    server.stop()?;
    let mut lat = latencies.into_inner().map_err(|_| anyhow::anyhow!("poisoned"))?;
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| lat[((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1];
    Ok(ServeBenchReport {
        articles_batched: batched.len(),
        batch_size: args.batch,
        batch_articles_per_sec: batched.len() as f64 / t_batch.as_secs_f64(),
        batch_articles_per_sec_with_dossiers: batched.len() as f64 / t_batch_idle.as_secs_f64(),
        singles: singles.len(),
        single_articles_per_sec: singles.len() as f64 / t_single.as_secs_f64().max(1e-9),
        single_articles_per_sec_with_dossiers: singles.len() as f64 / t_single_idle.as_secs_f64().max(1e-9),
        clients: args.clients,
        stories: total,
        story_gets: lat.len(),
        story_get_p50_ms: pct(0.50),
        story_get_p99_ms: pct(0.99),
        story_get_max_ms: *lat.last().unwrap_or(&0.0),
        mean_dossier_bytes: bytes.into_inner() / lat.len().max(1),
    })
}
