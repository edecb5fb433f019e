//! The incremental pipeline every way in (`crosscheck analyze`, HTTP posts,
//! feeds, the incoming folder) shares: store new articles, feed them to the one [`StoryClusterer`],
//! rebuild the dossiers of the stories they touched, delete merged-away stories.
//!
//! * The clusterer consumes articles **from the store, in ingest-sequence
//!   order** ([`Store::articles_after`]), never from the request that brought
//!   them. So concurrent writers cannot feed it out of order or twice, and a
//!   restart simply continues after the last sequence number the saved state
//!   covers: articles stored after the last state write are re-clustered (same
//!   order, same story ids), none is lost. Its state lives in memory behind a
//!   mutex and is written with [`Store::put_state`] every few seconds while
//!   articles arrive, at shutdown, and on [`Pipeline::persist`].
//! * Dossiers are rebuilt by a background worker from a queue of touched
//!   stories. A story touched again while it waits is rebuilt once, so a burst
//!   of articles about one big story costs a few rebuilds, not one per article
//!   (rebuilding a story of n articles in every request would make ingest
//!   quadratic). [`Pipeline::wait_for`] and [`Pipeline::wait_idle`] let a
//!   caller wait for fresh dossiers; the queue is part of the saved state, so
//!   pending rebuilds survive a restart.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crosscheck_cluster::{StoryClusterer, StoryConfig, StoryEvent};
use crosscheck_core::{Article, ArticleId, SentenceEncoder};
use crosscheck_store::{QuoteText, Store, StoryRecord};
use serde::{Deserialize, Serialize};

use crosscheck_report::Dossier;

use crate::guard::guarded;
use crate::{stages, tables, PipelineError, Progress, Stage, StoredVectors, StoryWork, Work};
use crosscheck_report::Problem;

/// What one [`Pipeline::ingest`] did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Newly stored, in input order.
    pub inserted: Vec<ArticleId>,
    /// Already stored before (or repeated in the input).
    pub existing: Vec<ArticleId>,
    /// The live story of each input article.
    pub stories: BTreeMap<ArticleId, String>,
}

/// What one catch-up step changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CatchUp {
    /// Articles clustered.
    pub clustered: usize,
    /// Stories queued for a dossier rebuild.
    pub touched: Vec<String>,
    /// Stories merged into others and deleted.
    pub deleted: Vec<String>,
}

/// Saved form of the clusterer state (see [`tables::CLUSTER_STATE_KEY`]).
#[derive(Serialize)]
struct SavedRef<'a> {
    version: u32,
    last_seq: u64,
    /// Stories whose dossier rebuild was queued or running.
    pending: Vec<String>,
    clusterer: &'a StoryClusterer,
}

#[derive(Deserialize)]
struct Saved {
    version: u32,
    last_seq: u64,
    #[serde(default)]
    pending: Vec<String>,
    clusterer: StoryClusterer,
}

/// Everything behind the clustering lock.
struct Clustering {
    clusterer: StoryClusterer,
    /// Highest store sequence number clustered.
    last_seq: u64,
    /// Live story id -> (clusterer index, article id) of its members.
    members: HashMap<String, Vec<(u32, ArticleId)>>,
    /// Article id -> clusterer index.
    index_of: HashMap<ArticleId, u32>,
    /// Articles clustered since the state was last written.
    unsaved: usize,
    /// The last written state listed pending dossiers.
    saved_pending: bool,
    last_saved: Instant,
}

/// Stories waiting for their dossier.
#[derive(Default)]
struct Queue {
    dirty: BTreeSet<String>,
    building: BTreeSet<String>,
    stop: bool,
}

/// What the pipeline and its dossier worker share. Lock order: `catching_up`,
/// then `clustering`, then `queue`; never the other way round.
struct Shared {
    store: Arc<dyn Store>,
    /// Sentence embeddings for clustering and claim alignment, when loaded.
    encoder: Option<Arc<dyn SentenceEncoder>>,
    clustering: Mutex<Clustering>,
    /// Held through a whole [`Pipeline::catch_up`], so two never add one batch.
    catching_up: Mutex<()>,
    queue: Mutex<Queue>,
    /// Signalled whenever the queue changes.
    queue_changed: Condvar,
    /// What the stages did, per story.
    work: Work,
}

/// The shared ingest → cluster → dossier pipeline. Share it with `Arc`; all
/// methods block (call them from a blocking thread in async code). Dropping it
/// stops the dossier worker after its current story.
pub struct Pipeline {
    shared: Arc<Shared>,
    worker: Option<std::thread::JoinHandle<()>>,
}

/// Lock, carrying on after a panic elsewhere: every structure behind these
/// locks is left consistent between statements that can panic.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Pipeline {
    /// Restore the clusterer from the store's saved state (or start empty when
    /// there is none or it cannot be read), then cluster everything stored
    /// after it. With no saved state this rebuilds all stories from the stored
    /// articles and deletes stored stories the rebuild does not produce.
    ///
    /// `encoder`, when given, adds sentence embeddings to clustering and to
    /// claim alignment; its vectors are kept in the store ([`StoredVectors`]),
    /// so a text embedded once is not embedded again. A saved state keeps the embeddings it was built with;
    /// switching the model on or off later only affects articles from then on.
    pub fn open(store: Arc<dyn Store>, encoder: Option<Arc<dyn SentenceEncoder>>) -> Result<Pipeline, PipelineError> {
        Pipeline::open_with_config(store, encoder, StoryConfig::default())
    }

    /// [`Pipeline::open`] with other clustering settings for a fresh start (a
    /// saved state keeps the settings it was made with).
    pub fn open_with_config(
        store: Arc<dyn Store>,
        encoder: Option<Arc<dyn SentenceEncoder>>,
        config: StoryConfig,
    ) -> Result<Pipeline, PipelineError> {
        let saved = match store.get_state(tables::CLUSTER_STATE_KEY)? {
            None => None,
            Some(bytes) => match serde_json::from_slice::<Saved>(&bytes) {
                Ok(s) if s.version == tables::CLUSTER_STATE_VERSION => Some(s),
                Ok(s) => {
                    tracing::warn!(found = s.version, "saved clusterer state has another layout version; rebuilding stories");
                    None
                }
                Err(e) => {
                    tracing::warn!("saved clusterer state unreadable ({e}); rebuilding stories");
                    None
                }
            },
        };
        let rebuilt = saved.is_none();
        let (clusterer, last_seq, pending) = match saved {
            Some(s) => (s.clusterer, s.last_seq, s.pending),
            None => (
                StoryClusterer::new(config).map_err(|e| PipelineError::Cluster(e.to_string()))?,
                0,
                Vec::new(),
            ),
        };
        let mut members: HashMap<String, Vec<(u32, ArticleId)>> = HashMap::new();
        for s in clusterer.stories() {
            members.insert(s.id, s.articles.into_iter().map(|a| (a.index, a.id)).collect());
        }
        let index_of = clusterer.article_ids().enumerate().map(|(i, id)| (id.clone(), i as u32)).collect();
        let encoder = encoder.map(|e| Arc::new(StoredVectors::new(e, store.clone())) as Arc<dyn SentenceEncoder>);
        let shared = Arc::new(Shared {
            store,
            encoder,
            catching_up: Mutex::new(()),
            clustering: Mutex::new(Clustering { clusterer, last_seq, members, index_of, unsaved: 0, saved_pending: true, last_saved: Instant::now() }),
            queue: Mutex::new(Queue { dirty: pending.into_iter().collect(), ..Default::default() }),
            queue_changed: Condvar::new(),
            work: Work::default(),
        });
        let worker = {
            let shared = shared.clone();
            std::thread::Builder::new().name("crosscheck-dossiers".into()).spawn(move || dossier_worker(&shared))?
        };
        let pipeline = Pipeline { shared, worker: Some(worker) };
        let step = pipeline.catch_up()?;
        if rebuilt {
            pipeline.drop_stale_stories()?;
        }
        if step.clustered > 0 {
            tracing::info!(articles = step.clustered, stories = step.touched.len(), "clustered articles stored since the last saved state");
            pipeline.persist()?;
        }
        Ok(pipeline)
    }

    /// The store the pipeline writes to.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.shared.store
    }

    /// Store `articles` (one transaction) and cluster them; the dossiers of the
    /// stories they touched are queued for the worker ([`Pipeline::wait_for`]).
    pub fn ingest(&self, articles: &[Article]) -> Result<IngestReport, PipelineError> {
        if articles.is_empty() {
            return Ok(IngestReport::default());
        }
        let put = self.shared.work.time(Stage::Store, || self.shared.store.put_articles(articles))?;
        self.catch_up()?;
        let g = lock(&self.shared.clustering);
        let stories = articles
            .iter()
            .filter_map(|a| {
                let i = *g.index_of.get(&a.id)?;
                Some((a.id.clone(), g.clusterer.story_of(i)?.to_string()))
            })
            .collect();
        Ok(IngestReport { inserted: put.inserted, existing: put.existing, stories })
    }

    /// Cluster everything stored since the last step (whoever stored it).
    pub fn catch_up(&self) -> Result<CatchUp, PipelineError> {
        let sh = &*self.shared;
        // One catch-up at a time; readers of the clustering state are blocked
        // only while a batch is added, not while it is read or embedded.
        let _one_at_a_time = lock(&sh.catching_up);
        let started = Instant::now();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        let mut deleted: BTreeSet<String> = BTreeSet::new();
        let mut clustered = 0;
        loop {
            let from = lock(&sh.clustering).last_seq;
            let batch = sh.store.articles_after(from, tables::CATCH_UP_BATCH)?;
            if batch.is_empty() {
                break;
            }
            // Embedded a batch at a time (the model is much faster on batches).
            let mut embeddings: Vec<Option<Vec<f32>>> = match &sh.encoder {
                Some(encoder) => {
                    let fresh: Vec<&Article> = {
                        let g = lock(&sh.clustering);
                        batch.iter().filter(|(_, a)| !g.index_of.contains_key(&a.id)).map(|(_, a)| a).collect()
                    };
                    sh.work.time(Stage::Embed, || crosscheck_cluster::embed_articles(fresh, encoder.as_ref()))
                }
                None => Vec::new(),
            };
            embeddings.reverse();
            let mut g = lock(&sh.clustering);
            for (seq, article) in batch {
                g.last_seq = g.last_seq.max(seq);
                if g.index_of.contains_key(&article.id) {
                    // Never add an article twice (ids are content hashes).
                    continue;
                }
                let events_before = g.clusterer.events().len();
                let prepared = g.clusterer.prepare(&article).with_embedding(embeddings.pop().flatten());
                let asg = g.clusterer.add_prepared(&article, prepared);
                let changes: Vec<StoryEvent> = g.clusterer.events()[events_before..].to_vec();
                for change in changes {
                    match change {
                        StoryEvent::Merge { into, from, .. } => {
                            let moved = g.members.remove(&from).unwrap_or_default();
                            g.members.entry(into.clone()).or_default().extend(moved);
                            touched.remove(&from);
                            deleted.remove(&into);
                            touched.insert(into);
                            deleted.insert(from);
                        }
                        StoryEvent::Split {
                            from,
                            into,
                            articles,
                            ..
                        } => {
                            // The re-partition moved these members; both stories' dossiers change.
                            let moved: Vec<(u32, ArticleId)> = match g.members.get_mut(&from) {
                                Some(list) => {
                                    let (go, stay): (Vec<_>, Vec<_>) = std::mem::take(list)
                                        .into_iter()
                                        .partition(|(_, id)| articles.contains(id));
                                    *list = stay;
                                    go
                                }
                                None => Vec::new(),
                            };
                            let list = g.members.entry(into.clone()).or_default();
                            list.extend(moved);
                            list.sort_by_key(|m| m.0);
                            deleted.remove(&into);
                            touched.insert(from);
                            touched.insert(into);
                        }
                    }
                }
                deleted.remove(&asg.story_id);
                g.members.entry(asg.story_id.clone()).or_default().push((asg.index, article.id.clone()));
                g.index_of.insert(article.id.clone(), asg.index);
                touched.insert(asg.story_id);
                g.unsaved += 1;
                clustered += 1;
                sh.work.clustered(1);
            }
        }
        let mut g = lock(&sh.clustering);
        // Deleted under the clustering lock, so the worker (which stores a
        // dossier only under it, for a story still live) never resurrects one.
        for id in &deleted {
            sh.store.delete_story(id)?;
        }
        if !touched.is_empty() || !deleted.is_empty() {
            let mut q = lock(&sh.queue);
            for id in &deleted {
                q.dirty.remove(id);
            }
            q.dirty.extend(touched.iter().cloned());
            sh.queue_changed.notify_all();
        }
        sh.work.add_time(Stage::Cluster, started.elapsed());
        if g.unsaved > 0 && g.last_saved.elapsed() >= tables::PERSIST_INTERVAL {
            self.save(&mut g)?;
        }
        Ok(CatchUp { clustered, touched: touched.into_iter().collect(), deleted: deleted.into_iter().collect() })
    }

    /// Wait until none of `stories` waits for its dossier, or `timeout` passes;
    /// `true` if they are all built.
    pub fn wait_for(&self, stories: &[String], timeout: Duration) -> bool {
        self.wait_until(timeout, |q| stories.iter().all(|s| !q.dirty.contains(s) && !q.building.contains(s)))
    }

    /// Wait until no dossier waits to be rebuilt, or `timeout` passes; `true`
    /// if the queue is empty.
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        self.wait_until(timeout, |q| q.dirty.is_empty() && q.building.is_empty())
    }

    fn wait_until(&self, timeout: Duration, done: impl Fn(&Queue) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        let mut q = lock(&self.shared.queue);
        loop {
            if done(&q) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            q = self.shared.queue_changed.wait_timeout(q, deadline - now).unwrap_or_else(|p| p.into_inner()).0;
        }
    }

    /// Stories waiting for (or in) a dossier rebuild.
    pub fn pending(&self) -> usize {
        let q = lock(&self.shared.queue);
        q.dirty.len() + q.building.len()
    }

    /// Write the clusterer state now (if anything changed since the last write).
    pub fn persist(&self) -> Result<(), PipelineError> {
        let mut g = lock(&self.shared.clustering);
        if g.unsaved > 0 || g.saved_pending || self.pending() > 0 {
            self.save(&mut g)?;
        }
        Ok(())
    }

    fn save(&self, g: &mut Clustering) -> Result<(), PipelineError> {
        let started = Instant::now();
        let pending: Vec<String> = {
            let q = lock(&self.shared.queue);
            q.dirty.union(&q.building).cloned().collect()
        };
        g.saved_pending = !pending.is_empty();
        let bytes = serde_json::to_vec(&SavedRef { version: tables::CLUSTER_STATE_VERSION, last_seq: g.last_seq, pending, clusterer: &g.clusterer })
            .map_err(|e| PipelineError::Cluster(format!("serialising the clusterer state: {e}")))?;
        self.shared.store.put_state(tables::CLUSTER_STATE_KEY, &bytes)?;
        tracing::debug!(bytes = bytes.len(), ms = started.elapsed().as_millis() as u64, "clusterer state saved");
        g.unsaved = 0;
        g.last_saved = Instant::now();
        Ok(())
    }

    /// After a rebuild from scratch: delete stored stories that are not live.
    fn drop_stale_stories(&self) -> Result<(), PipelineError> {
        let live: BTreeSet<String> = lock(&self.shared.clustering).members.keys().cloned().collect();
        let mut stale = Vec::new();
        let mut offset = 0;
        loop {
            let page = self.shared.store.list_stories(crosscheck_store::Page { offset, limit: 500 })?;
            if page.is_empty() {
                break;
            }
            offset += page.len() as u64;
            stale.extend(page.into_iter().filter(|s| !live.contains(&s.id)).map(|s| s.id));
        }
        let _g = lock(&self.shared.clustering);
        for id in stale {
            tracing::info!(story = %id, "deleting a stored story the rebuilt clustering does not have");
            self.shared.store.delete_story(&id)?;
        }
        Ok(())
    }

    /// The live id of a story id, following merges (`None` if never seen).
    pub fn resolve_story(&self, id: &str) -> Option<String> {
        lock(&self.shared.clustering).clusterer.resolve(id).map(str::to_string)
    }

    /// The live story of a clustered article.
    pub fn story_of(&self, id: &ArticleId) -> Option<String> {
        let g = lock(&self.shared.clustering);
        let i = *g.index_of.get(id)?;
        g.clusterer.story_of(i).map(str::to_string)
    }

    /// Live stories and their member article ids, in clusterer order (for tests
    /// and diagnostics).
    pub fn memberships(&self) -> Vec<(String, Vec<ArticleId>)> {
        let g = lock(&self.shared.clustering);
        g.clusterer
            .stories()
            .into_iter()
            .map(|s| (s.id, s.articles.into_iter().map(|a| a.id).collect()))
            .collect()
    }

    /// The live stories grouped into storylines (the clusterer's second level):
    /// each storyline's id and its story ids in time order.
    pub fn storylines(&self) -> Vec<crosscheck_cluster::StorylineView> {
        lock(&self.shared.clustering).clusterer.storylines()
    }

    /// Number of articles clustered so far.
    pub fn clustered(&self) -> usize {
        lock(&self.shared.clustering).clusterer.len()
    }

    /// What the stages did since this pipeline was opened, per story id
    /// (articles annotated, dossiers built).
    pub fn work(&self) -> BTreeMap<String, StoryWork> {
        self.shared.work.snapshot()
    }

    /// Running totals (articles clustered and annotated, dossiers built, stage
    /// failures), read without a lock: for progress bars.
    pub fn progress(&self) -> Progress {
        self.shared.work.progress()
    }

    /// Time spent per stage since this pipeline was opened (summed over the
    /// dossier worker's threads).
    pub fn timings(&self) -> Vec<(Stage, Duration)> {
        self.shared.work.timings()
    }

    /// `crosscheck analyze`: store `articles`, cluster them, wait (up to
    /// `timeout`) for the dossiers of the stories they belong to, and return
    /// those stored dossiers, largest story first. Each dossier is built once,
    /// by the dossier worker; nothing here builds one. A story whose dossier
    /// could not be built (logged by the worker) is left out with a warning.
    pub fn analyze(&self, articles: &[Article], timeout: Duration) -> Result<Vec<Dossier>, PipelineError> {
        let report = self.ingest(articles)?;
        let stories: Vec<String> = report.stories.values().cloned().collect::<BTreeSet<_>>().into_iter().collect();
        {
            let g = lock(&self.shared.clustering);
            let members: usize = stories.iter().filter_map(|s| g.members.get(s)).map(Vec::len).sum();
            self.shared.work.expect(members as u64, stories.len() as u64);
        }
        if !self.wait_for(&stories, timeout) {
            return Err(PipelineError::Timeout(stories.len(), timeout.as_secs()));
        }
        let mut out = Vec::with_capacity(stories.len());
        for id in &stories {
            // A story merged away while we waited is found under its live id.
            let live = self.resolve_story(id).unwrap_or_else(|| id.clone());
            if out.iter().any(|d: &Dossier| d.story_id == live) {
                continue;
            }
            let Some(record) = self.shared.store.get_story(&live)? else {
                tracing::warn!(story = %live, "story not stored; left out");
                continue;
            };
            let Some(json) = record.dossier_json else {
                // Not written by this version (its records always carry a dossier).
                tracing::warn!(story = %live, "story stored without a dossier; left out");
                continue;
            };
            match serde_json::from_str::<Dossier>(&json) {
                Ok(d) => out.push(d),
                Err(e) => tracing::warn!(story = %live, "stored dossier unreadable ({e}); left out"),
            }
        }
        crate::dossier::sort_largest_first(&mut out);
        Ok(out)
    }
}

impl Drop for Pipeline {
    fn drop(&mut self) {
        lock(&self.shared.queue).stop = true;
        self.shared.queue_changed.notify_all();
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// The dossier worker: takes every queued story, builds its dossier without
/// holding the clustering lock, and stores it if the story is still live.
fn dossier_worker(sh: &Shared) {
    loop {
        let batch: Vec<String> = {
            let mut q = lock(&sh.queue);
            while q.dirty.is_empty() && !q.stop {
                q = sh.queue_changed.wait(q).unwrap_or_else(|p| p.into_inner());
            }
            if q.stop {
                return;
            }
            let batch = std::mem::take(&mut q.dirty);
            q.building = batch.clone();
            batch.into_iter().collect()
        };
        // Stories are independent: build them on the available cores.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, tables::DOSSIER_THREADS_MAX).min(batch.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| rebuild_from(sh, &batch, &next));
            }
        });
        if lock(&sh.queue).stop {
            return;
        }
    }
}

/// Rebuild stories of `batch` (taking the next unclaimed one each time) until
/// none is left or the pipeline stops.
fn rebuild_from(sh: &Shared, batch: &[String], next: &std::sync::atomic::AtomicUsize) {
    loop {
        let Some(id) = batch.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) else { return };
        if lock(&sh.queue).stop {
            return;
        }
        let result = rebuild_story(sh, id);
        {
            let mut q = lock(&sh.queue);
            q.building.remove(id);
            if result.is_err() {
                q.dirty.insert(id.clone());
            }
        }
        sh.queue_changed.notify_all();
        if let Err(e) = result {
            tracing::error!(story = %id, "rebuilding the dossier: {e}; retrying later");
            std::thread::sleep(Duration::from_secs(1));
        }
    }
}

fn rebuild_story(sh: &Shared, id: &str) -> Result<(), PipelineError> {
    let members = {
        let g = lock(&sh.clustering);
        match g.members.get(id) {
            Some(m) => {
                let mut m = m.clone();
                m.sort_by_key(|x| x.0);
                m
            }
            None => return Ok(()), // merged away meanwhile
        }
    };
    let mut articles = Vec::with_capacity(members.len());
    for (_, aid) in &members {
        match sh.store.get_article(aid)? {
            Some(a) => articles.push(a),
            None => tracing::warn!(story = id, article = %aid, "story member missing from the store"),
        }
    }
    let record = story_record(id, &articles, sh.encoder.as_deref(), &sh.work);
    let g = lock(&sh.clustering);
    if g.members.contains_key(id) {
        sh.store.put_story(&record)?;
    }
    Ok(())
}

/// The stored form of one story: dossier (JSON + Markdown), headline, outlet
/// count and quotations for search. A stage failing on one article or on the
/// story is a `problems` entry of the dossier ([`crate::dossier`]); should even
/// assembling or rendering it fail, the story is stored with a bare dossier
/// (its articles and the problem), so no article is ever missing from the
/// stored dossiers and the server never goes down over hostile text.
pub fn story_record(id: &str, articles: &[Article], encoder: Option<&dyn SentenceEncoder>, work: &Work) -> StoryRecord {
    let render = |d: &Dossier| {
        work.time(Stage::Dossier, || {
            guarded(|| {
                let quotes: Vec<QuoteText> = d
                    .quotes
                    .iter()
                    .flat_map(|g| {
                        g.members.iter().map(move |m| QuoteText { article_id: m.cite.article.clone(), speaker: m.speaker.clone().or_else(|| g.speaker.clone()), text: m.cite.text.clone() })
                    })
                    .collect();
                (crosscheck_report::render::json(d), crosscheck_report::render::markdown(d), quotes)
            })
        })
    };
    let bare = |stage: Stage, message: String| {
        tracing::error!(story = id, stage = stage.name(), "{message}; the story is stored with its articles only");
        work.problem();
        crate::dossier::bare_dossier(id, articles, Problem { stage: stage.name().to_string(), article: None, path: None, message })
    };
    let mut dossier = guarded(|| stages::dossier(id, articles, encoder, work)).unwrap_or_else(|e| bare(Stage::Dossier, e));
    let (json, md, quotes) = match render(&dossier) {
        Ok(r) => r,
        Err(e) => {
            dossier = bare(Stage::Dossier, format!("rendering: {e}"));
            render(&dossier).unwrap_or_else(|_| (crosscheck_report::render::json(&dossier), String::new(), Vec::new()))
        }
    };
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    StoryRecord {
        id: id.to_string(),
        article_ids: articles.iter().map(|a| a.id.clone()).collect(),
        outlets: dossier.summary.outlet_count as u64,
        headline: dossier.summary.headline.clone(),
        dossier_json: Some(json),
        dossier_md: Some(md),
        quotes,
        updated_at: now,
    }
}
