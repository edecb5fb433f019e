//! The incremental pipeline every way in (HTTP posts, feeds, the incoming
//! folder) shares: store new articles, feed them to the one [`StoryClusterer`],
//! rebuild the dossiers of the stories they touched, delete merged-away stories.
//!
//! The clusterer consumes articles **from the store, in ingest-sequence
//! order** ([`Store::articles_after`]), never from the request that brought
//! them. So concurrent writers cannot feed it out of order or twice, and a
//! restart simply continues after the last sequence number the saved state
//! covers: articles stored after the last state write are re-clustered (same
//! order, same story ids), none is lost. Its state lives in memory behind a
//! mutex and is written with [`Store::put_state`] every few seconds while
//! articles arrive, at shutdown, and on [`Pipeline::persist`].
//!
//! Dossiers are rebuilt per touched story, once per catch-up step, so a burst
//! of articles about one story costs one rebuild, not one per article.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use crosscheck_cluster::{StoryClusterer, StoryConfig, StoryEvent};
use crosscheck_core::{Article, ArticleId};
use crosscheck_store::{QuoteText, Store, StoryRecord};
use serde::{Deserialize, Serialize};

use crate::tables;
use crate::ServerError;

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
    /// Stories whose dossier was rebuilt.
    pub rebuilt: Vec<String>,
    /// Stories merged into others and deleted.
    pub deleted: Vec<String>,
}

/// Saved form of the clusterer state (see [`tables::CLUSTER_STATE_KEY`]).
#[derive(Serialize)]
struct SavedRef<'a> {
    version: u32,
    last_seq: u64,
    clusterer: &'a StoryClusterer,
}

#[derive(Deserialize)]
struct Saved {
    version: u32,
    last_seq: u64,
    clusterer: StoryClusterer,
}

/// Everything behind the pipeline's one lock.
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
    last_saved: Instant,
}

/// The shared ingest → cluster → dossier pipeline. Cheap to share (`Arc`);
/// all methods block (call them from a blocking thread in async code).
pub struct Pipeline {
    store: Arc<dyn Store>,
    inner: Mutex<Clustering>,
}

impl Pipeline {
    /// Restore the clusterer from the store's saved state (or start empty when
    /// there is none or it cannot be read), then cluster everything stored
    /// after it. With no saved state this rebuilds all stories from the stored
    /// articles and deletes stored stories the rebuild does not produce.
    pub fn open(store: Arc<dyn Store>) -> Result<Pipeline, ServerError> {
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
        let (clusterer, last_seq) = match saved {
            Some(s) => (s.clusterer, s.last_seq),
            None => (StoryClusterer::new(StoryConfig::default()).map_err(|e| ServerError::Cluster(e.to_string()))?, 0),
        };
        let mut members: HashMap<String, Vec<(u32, ArticleId)>> = HashMap::new();
        for s in clusterer.stories() {
            members.insert(s.id, s.articles.into_iter().map(|a| (a.index, a.id)).collect());
        }
        let index_of = clusterer.article_ids().enumerate().map(|(i, id)| (id.clone(), i as u32)).collect();
        let pipeline = Pipeline {
            store,
            inner: Mutex::new(Clustering { clusterer, last_seq, members, index_of, unsaved: 0, last_saved: Instant::now() }),
        };
        let step = pipeline.catch_up()?;
        if rebuilt {
            pipeline.drop_stale_stories()?;
        }
        if step.clustered > 0 {
            tracing::info!(articles = step.clustered, stories = step.rebuilt.len(), "clustered articles stored since the last saved state");
            pipeline.persist()?;
        }
        Ok(pipeline)
    }

    /// The store the pipeline writes to.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    fn lock(&self) -> MutexGuard<'_, Clustering> {
        // A panic while holding the lock leaves the clusterer as it was after
        // its last complete `add`; carrying on is safe.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Store `articles` (one transaction), cluster them and rebuild the
    /// dossiers of the stories they touched.
    pub fn ingest(&self, articles: &[Article]) -> Result<IngestReport, ServerError> {
        if articles.is_empty() {
            return Ok(IngestReport::default());
        }
        let put = self.store.put_articles(articles)?;
        self.catch_up_with(articles)?;
        let g = self.lock();
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
    pub fn catch_up(&self) -> Result<CatchUp, ServerError> {
        self.catch_up_with(&[])
    }

    /// [`Pipeline::catch_up`], with articles the caller already holds (spares
    /// re-reading them from the store for the dossiers).
    fn catch_up_with(&self, known: &[Article]) -> Result<CatchUp, ServerError> {
        let mut g = self.lock();
        let mut cache: HashMap<ArticleId, Article> = known.iter().map(|a| (a.id.clone(), a.clone())).collect();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        let mut deleted: BTreeSet<String> = BTreeSet::new();
        let mut clustered = 0;
        loop {
            let batch = self.store.articles_after(g.last_seq, tables::CATCH_UP_BATCH)?;
            if batch.is_empty() {
                break;
            }
            for (seq, article) in batch {
                if g.index_of.contains_key(&article.id) {
                    // Already clustered (a state saved after this sequence
                    // number's neighbours); never add an article twice.
                    g.last_seq = g.last_seq.max(seq);
                    continue;
                }
                let events_before = g.clusterer.events().len();
                let asg = g.clusterer.add(&article);
                let merges: Vec<(String, String)> = g.clusterer.events()[events_before..]
                    .iter()
                    .map(|e| match e {
                        StoryEvent::Merge { into, from, .. } => (into.clone(), from.clone()),
                    })
                    .collect();
                for (into, from) in merges {
                    let moved = g.members.remove(&from).unwrap_or_default();
                    g.members.entry(into.clone()).or_default().extend(moved);
                    touched.remove(&from);
                    touched.insert(into);
                    deleted.insert(from);
                }
                deleted.remove(&asg.story_id);
                g.members.entry(asg.story_id.clone()).or_default().push((asg.index, article.id.clone()));
                g.index_of.insert(article.id.clone(), asg.index);
                touched.insert(asg.story_id);
                g.last_seq = g.last_seq.max(seq);
                g.unsaved += 1;
                clustered += 1;
                if cache.len() < tables::CATCH_UP_CACHE {
                    cache.insert(article.id.clone(), article);
                }
            }
        }
        for id in &deleted {
            self.store.delete_story(id)?;
        }
        let mut rebuilt = Vec::with_capacity(touched.len());
        for id in touched {
            let Some(mut members) = g.members.get(&id).cloned() else { continue };
            members.sort_by_key(|m| m.0);
            self.rebuild_story(&id, &members, &mut cache)?;
            rebuilt.push(id);
        }
        if g.unsaved > 0 && g.last_saved.elapsed() >= tables::PERSIST_INTERVAL {
            Self::save(&self.store, &mut g)?;
        }
        Ok(CatchUp { clustered, rebuilt, deleted: deleted.into_iter().collect() })
    }

    /// Build one story's dossier and store it with its quotes.
    fn rebuild_story(&self, id: &str, members: &[(u32, ArticleId)], cache: &mut HashMap<ArticleId, Article>) -> Result<(), ServerError> {
        let mut articles = Vec::with_capacity(members.len());
        for (_, aid) in members {
            match cache.get(aid) {
                Some(a) => articles.push(a.clone()),
                None => match self.store.get_article(aid)? {
                    Some(a) => articles.push(a),
                    None => tracing::warn!(story = id, article = %aid, "story member missing from the store"),
                },
            }
        }
        let record = story_record(id, &articles);
        self.store.put_story(&record)?;
        Ok(())
    }

    /// Write the clusterer state now (if anything changed since the last write).
    pub fn persist(&self) -> Result<(), ServerError> {
        let mut g = self.lock();
        if g.unsaved > 0 {
            Self::save(&self.store, &mut g)?;
        }
        Ok(())
    }

    fn save(store: &Arc<dyn Store>, g: &mut Clustering) -> Result<(), ServerError> {
        let started = Instant::now();
        let bytes = serde_json::to_vec(&SavedRef { version: tables::CLUSTER_STATE_VERSION, last_seq: g.last_seq, clusterer: &g.clusterer })
            .map_err(|e| ServerError::Cluster(format!("serialising the clusterer state: {e}")))?;
        store.put_state(tables::CLUSTER_STATE_KEY, &bytes)?;
        tracing::debug!(bytes = bytes.len(), ms = started.elapsed().as_millis() as u64, "clusterer state saved");
        g.unsaved = 0;
        g.last_saved = Instant::now();
        Ok(())
    }

    /// After a rebuild from scratch: delete stored stories that are not live.
    fn drop_stale_stories(&self) -> Result<(), ServerError> {
        let live: BTreeSet<String> = self.lock().members.keys().cloned().collect();
        let mut stale = Vec::new();
        let mut offset = 0;
        loop {
            let page = self.store.list_stories(crosscheck_store::Page { offset, limit: 500 })?;
            if page.is_empty() {
                break;
            }
            offset += page.len() as u64;
            stale.extend(page.into_iter().filter(|s| !live.contains(&s.id)).map(|s| s.id));
        }
        for id in stale {
            tracing::info!(story = %id, "deleting a stored story the rebuilt clustering does not have");
            self.store.delete_story(&id)?;
        }
        Ok(())
    }

    /// The live id of a story id, following merges (`None` if never seen).
    pub fn resolve_story(&self, id: &str) -> Option<String> {
        self.lock().clusterer.resolve(id).map(str::to_string)
    }

    /// The live story of a clustered article.
    pub fn story_of(&self, id: &ArticleId) -> Option<String> {
        let g = self.lock();
        let i = *g.index_of.get(id)?;
        g.clusterer.story_of(i).map(str::to_string)
    }

    /// Live stories and their member article ids, in clusterer order (for tests
    /// and diagnostics).
    pub fn memberships(&self) -> Vec<(String, Vec<ArticleId>)> {
        let g = self.lock();
        g.clusterer
            .stories()
            .into_iter()
            .map(|s| (s.id, s.articles.into_iter().map(|a| a.id).collect()))
            .collect()
    }

    /// Number of articles clustered so far.
    pub fn clustered(&self) -> usize {
        self.lock().clusterer.len()
    }
}

/// The stored form of one story: dossier (JSON + Markdown), headline, outlet
/// count and quotations for search. A panic in a stage over hostile text costs
/// that story its dossier (logged), never the server.
pub fn story_record(id: &str, articles: &[Article]) -> StoryRecord {
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let d = crosscheck_report::build_dossier_with_id(id, articles);
        let quotes: Vec<QuoteText> = d
            .quotes
            .iter()
            .flat_map(|g| {
                g.members.iter().map(move |m| QuoteText { article_id: m.cite.article.clone(), speaker: m.speaker.clone().or_else(|| g.speaker.clone()), text: m.cite.text.clone() })
            })
            .collect();
        (d.summary.headline.clone(), d.summary.outlet_count as u64, crosscheck_report::render::json(&d), crosscheck_report::render::markdown(&d), quotes)
    }));
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let article_ids: Vec<ArticleId> = articles.iter().map(|a| a.id.clone()).collect();
    match built {
        Ok((headline, outlets, json, md, quotes)) => StoryRecord { id: id.to_string(), article_ids, outlets, headline, dossier_json: Some(json), dossier_md: Some(md), quotes, updated_at: now },
        Err(_) => {
            tracing::error!(story = id, "building the dossier panicked; the story is stored without one");
            let mut outlets: Vec<&str> = articles.iter().map(|a| a.source.as_str()).collect();
            outlets.sort_unstable();
            outlets.dedup();
            StoryRecord {
                id: id.to_string(),
                article_ids,
                outlets: outlets.len() as u64,
                headline: articles.first().map(|a| a.lead().to_string()).unwrap_or_default(),
                dossier_json: None,
                dossier_md: None,
                quotes: Vec::new(),
                updated_at: now,
            }
        }
    }
}
