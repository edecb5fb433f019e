//! Streaming story clustering (Miranda et al. 2018, "Multilingual Clustering of
//! Streaming News", single-language variant).
//!
//! Each new article is compared with the stories that share its most
//! distinctive terms (an inverted index from term to recent stories), scored by
//! * TF-IDF cosine between the article and the story centroid (IDF updated
//!   incrementally with every article, as in the paper);
//! * shared entities (capitalised-name proxy): share of the article's entities
//!   the story already mentions;
//! * sentence embeddings, when the articles carry them ([`embed_articles`]):
//!   cosine of the article's title-and-lead vector with the direction of the
//!   story's summed vectors, counted above a floor ([`tables::EMBEDDING_FLOOR`])
//!   so the closeness every two news texts share does not lift the mean;
//! * publication-time distance to the story's time range: the content score
//!   (weighted mean of the signals above) is multiplied by
//!   `1 − w_time·(1 − exp(−Δ/scale))`, so time can only lower it.
//!
//! With [`StoryConfig::event_signals`] the article also carries who, where,
//! when and what ([`crate::signals`], read from the extraction layers) and the
//! join decision is the learned logistic pair model's ([`crate::model`],
//! weights in [`crate::learned`], learned on ECB+ by `crosscheck bench
//! learn-cluster`) instead of the weighted mean; stories also keep those
//! signals, which [`StoryClusterer::storylines`] links stories by.
//!
//! A signal that cannot be computed (no date on either side, no entity in the
//! article, no embedding) is left out (entities: the weights are renormalised; time: factor
//! 1): missing is neutral, neither for nor against. The article joins the best story scoring at least
//! the threshold, or opens a new one. Story ids are `"story-" + id of the first
//! article`, so they never change as coverage arrives.
//!
//! **Merges**: when an article scores above the threshold with two stories whose
//! centroids are themselves similar, it bridges them; the younger story is
//! merged into the older one, whose id survives (the absorbed id is kept as an
//! alias). Merges are logged through `tracing` and kept in [`StoryClusterer::events`].
//! In one pass, splits are not performed (a story never loses members), so
//! an id once given to an article stays valid, possibly as an alias.
//!
//! **Two passes** ([`StoryConfig::partition`], [`crate::partition`]): the
//! clusters above become *coverage groups* (joined at a lower, learned
//! threshold), and after every article the group's recent members are
//! re-partitioned into events, which are the stories. Each event keeps the id
//! of the earlier story it shares most members with; members that change story
//! are logged as [`StoryEvent::Split`], stories left empty as
//! [`StoryEvent::Merge`] (id kept as an alias). Limit: a group larger than
//! [`tables::PARTITION_WINDOW`] re-partitions only its latest members.
//!
//! **Duplicates** (from [`crate::dedup`]) join the story of the text they copy
//! without touching its centroid or the IDF: ten syndicated copies are one voice.
//!
//! Deterministic for a given input order: ties break on story age, hash maps use
//! a fixed hasher and are never iterated for decisions. [`cluster`] (batch) computes
//! the features on all cores, then assigns in order, with the same result as
//! [`StoryClusterer::add`] one by one.

use crosscheck_core::{Article, ArticleId, SentenceEncoder};
use serde::{Deserialize, Serialize};

use crate::dedup::{DedupConfig, DedupError, Deduper, Fingerprint};
use crate::features::{embedding_text, featurize, terms_cosine, Features};
use crate::model::{PairModel, PairSignals, PairVector};
use crate::partition::{member_of, Contrast, Member, PartModel};
use crate::signals::{core, event_signals, share, weighted_share};
use crate::{learned, tables};
use crate::tokens::{hash_bytes, PreMap};

/// Settings of story clustering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryConfig {
    /// Minimum score to join an existing story (the weighted-mean scorer).
    pub threshold: f32,
    pub weight_tfidf: f32,
    pub weight_entities: f32,
    /// Weight of the sentence-embedding cosine (used only when articles carry embeddings).
    #[serde(default = "default_weight_embedding")]
    pub weight_embedding: f32,
    /// Read who, where, when and what from the extraction layers
    /// ([`crate::signals`]) and decide with the learned pair model instead of
    /// the weighted mean. Off by default: on the data at hand it does not yet
    /// beat the mean (see `crate::learned`) and costs about 40% of throughput.
    #[serde(default)]
    pub event_signals: bool,
    /// Minimum probability (of the pair model, times the time factor) to join
    /// an existing story. The learned models put their threshold at 0.5.
    #[serde(default = "default_join_probability")]
    pub join_probability: f32,
    /// Pair model for articles without a sentence embedding.
    #[serde(default = "default_lexical_model")]
    pub lexical_model: PairModel,
    /// Pair model for articles with one.
    #[serde(default = "default_embedding_model")]
    pub embedding_model: PairModel,
    pub weight_time: f32,
    pub time_scale_days: f64,
    /// Stories idle for longer than this (relative to the article) are not candidates.
    pub window_days: f64,
    /// Centroid cosine above which two stories bridged by one article merge.
    pub merge_cosine: f32,
    /// Near-duplicate settings; `None` disables dedup inside clustering.
    pub dedup: Option<DedupConfig>,
    /// Two passes ([`crate::partition`]): the streaming pass gathers coverage
    /// groups (at [`Partitioning::group_threshold`]), and each group's recent
    /// members are re-partitioned into events whenever it changes; the events
    /// are the stories. Off: the streaming pass's clusters are the stories.
    #[serde(default = "default_partition")]
    pub partition: bool,
    /// Group threshold and member-pair model for articles without a sentence embedding.
    #[serde(default = "default_lexical_partitioning")]
    pub lexical_partitioning: Partitioning,
    /// The same for articles with one.
    #[serde(default = "default_embedding_partitioning")]
    pub embedding_partitioning: Partitioning,
}

/// The learned settings of the two-pass clustering ([`crate::partition`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Partitioning {
    /// Weighted-mean score at which an article joins a coverage group.
    pub group_threshold: f32,
    /// Member-pair model; its threshold sits at probability one half.
    pub model: PartModel,
}

fn default_partition() -> bool {
    false
}

fn default_lexical_partitioning() -> Partitioning {
    learned::PARTITION_LEXICAL
}

fn default_embedding_partitioning() -> Partitioning {
    learned::PARTITION_WITH_EMBEDDING
}

fn default_weight_embedding() -> f32 {
    tables::WEIGHT_EMBEDDING
}

fn default_join_probability() -> f32 {
    tables::JOIN_PROBABILITY
}

fn default_lexical_model() -> PairModel {
    learned::LEXICAL
}

fn default_embedding_model() -> PairModel {
    learned::WITH_EMBEDDING
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            threshold: tables::STORY_THRESHOLD,
            weight_tfidf: tables::WEIGHT_TFIDF,
            weight_entities: tables::WEIGHT_ENTITIES,
            weight_embedding: tables::WEIGHT_EMBEDDING,
            event_signals: false,
            join_probability: tables::JOIN_PROBABILITY,
            lexical_model: learned::LEXICAL,
            embedding_model: learned::WITH_EMBEDDING,
            weight_time: tables::WEIGHT_TIME,
            time_scale_days: tables::TIME_SCALE_DAYS,
            window_days: tables::STORY_WINDOW_DAYS,
            merge_cosine: tables::MERGE_CENTROID_COSINE,
            dedup: Some(DedupConfig::default()),
            partition: false,
            lexical_partitioning: learned::PARTITION_LEXICAL,
            embedding_partitioning: learned::PARTITION_WITH_EMBEDDING,
        }
    }
}

/// One story: its members and the running summary it is compared by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id, `"story-" + first article id`.
    pub id: String,
    /// Ids of stories merged into this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Member article indices, in arrival order.
    pub members: Vec<u32>,
    /// Index of the story this one was merged into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<u32>,
    /// Summed term weights of the (non-duplicate) members, sorted by term; pruned
    /// to the strongest terms.
    centroid: Vec<(u32, f32)>,
    /// (entity, number of members mentioning it), sorted by entity.
    entities: Vec<(u32, u32)>,
    /// Who, where, when, what of the members: (id, members naming it), sorted by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    people: Vec<(u32, u32)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    places: Vec<(u32, u32)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    years: Vec<(u32, u32)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    numbers: Vec<(u32, u32)>,
    first_time: Option<i64>,
    last_time: Option<i64>,
    /// Sum of the (non-duplicate) members' embeddings; empty when none had one.
    /// Its direction is the story's meaning; a sum, not a mean, so adding a
    /// member is one addition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    embedding_sum: Vec<f32>,
    /// Cached TF-IDF norm of the centroid and the article count it was computed
    /// at (0 = stale). Recomputed when the story changes or the collection has
    /// grown by a tenth: the IDF drifts slowly, and recomputing every norm for
    /// every candidate was most of the clustering time.
    #[serde(default)]
    norm: f32,
    #[serde(default)]
    norm_at: u32,
}

/// An article as the clusterer remembers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntry {
    pub id: ArticleId,
    pub path: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date as printed by the ingest stage (ISO), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Story index (follow `merged_into` for the live story).
    pub story: u32,
    /// Score with the story when it joined (1 for the opener, the duplicate's
    /// similarity for a copy).
    pub score: f32,
    /// Event (part) index with [`StoryConfig::partition`] (follow `merged_into`).
    #[serde(default)]
    pub part: u32,
}

/// One event of a coverage group ([`StoryConfig::partition`]): a story as the
/// user sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Stable id, `"story-" + first article id` of the part when it was made.
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Member article indices, ascending (= input order).
    pub members: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<u32>,
}

/// A logged change of the story set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum StoryEvent {
    /// `from` was merged into `into` when article `article` bridged them.
    Merge {
        into: String,
        from: String,
        article: ArticleId,
        centroid_cosine: f32,
    },
    /// When article `article` came in, the re-partition of its coverage group
    /// moved `articles` from story `from` to story `into` (which may be new).
    /// `from` lives on with its other members; when it has none left a
    /// [`StoryEvent::Merge`] follows.
    Split {
        from: String,
        into: String,
        article: ArticleId,
        articles: Vec<ArticleId>,
    },
}

/// Where [`StoryClusterer::add`] put an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub index: u32,
    pub story_id: String,
    pub score: f32,
    /// A new story was opened.
    pub opened: bool,
    /// The earlier article this one copies, if it is a duplicate.
    pub duplicate_of: Option<u32>,
}

/// A story in output form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryView {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub articles: Vec<StoryArticle>,
}

/// A story member in output form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryArticle {
    pub id: ArticleId,
    pub path: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The canonical (first-published) member of its duplicate group, if it is a copy.
    pub duplicate_of: Option<ArticleId>,
    pub score: f32,
    /// Input index.
    #[serde(skip)]
    pub index: u32,
}

/// Incremental story clusterer; its whole state serialises with serde, so a
/// server can persist it and keep story ids across restarts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoryClusterer {
    config: StoryConfig,
    /// Articles counted in the IDF (duplicates are not).
    n_docs: u32,
    df: PreMap<u32, u32>,
    stories: Vec<Story>,
    articles: Vec<ArticleEntry>,
    /// Term -> recent stories (may name merged stories; resolved at lookup).
    postings: PreMap<u32, std::collections::VecDeque<u32>>,
    events: Vec<StoryEvent>,
    deduper: Option<Deduper>,
    /// Hashes of the story ids handed out, to keep them unique without a scan.
    #[serde(skip)]
    opened_ids: std::collections::HashSet<u64, crate::tokens::PrehashedBuild>,
    /// What re-partitioning reads of every article ([`StoryConfig::partition`]), by index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    members: Vec<Member>,
    /// The events of the coverage groups: the stories when partitioning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    parts: Vec<Part>,
    #[serde(skip)]
    part_ids: std::collections::HashSet<u64, crate::tokens::PrehashedBuild>,
}

/// Features and dedup fingerprint of an article, computable in parallel.
#[derive(Debug, Clone)]
pub struct Prepared {
    features: Features,
    fingerprint: Option<Fingerprint>,
}

impl Prepared {
    /// The same, with the article's sentence embedding ([`embed_articles`]).
    pub fn with_embedding(mut self, embedding: Option<Vec<f32>>) -> Prepared {
        self.features.embedding = embedding;
        self
    }
}

impl StoryClusterer {
    pub fn new(config: StoryConfig) -> Result<Self, DedupError> {
        let deduper = config
            .dedup
            .clone()
            .map(|c| Deduper::new(c).map(Deduper::without_metadata))
            .transpose()?;
        Ok(StoryClusterer {
            config,
            n_docs: 0,
            df: PreMap::default(),
            stories: Vec::new(),
            articles: Vec::new(),
            postings: PreMap::default(),
            events: Vec::new(),
            deduper,
            opened_ids: Default::default(),
            members: Vec::new(),
            parts: Vec::new(),
            part_ids: Default::default(),
        })
    }

    pub fn config(&self) -> &StoryConfig {
        &self.config
    }

    /// Features and fingerprint of an article (pure; safe to run on other threads).
    pub fn prepare(&self, article: &Article) -> Prepared {
        Prepared {
            features: if self.config.event_signals || self.config.partition {
                Features { signals: event_signals(article), ..featurize(article) }
            } else {
                featurize(article)
            },
            fingerprint: self.deduper.as_ref().map(|d| d.fingerprint(&article.text)),
        }
    }

    /// Add one article and return its story.
    pub fn add(&mut self, article: &Article) -> Assignment {
        let p = self.prepare(article);
        self.add_prepared(article, p)
    }

    fn idf(&self, term: u32) -> f32 {
        let df = self.df.get(&term).copied().unwrap_or(0) as f32;
        ((self.n_docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    fn live(&self, mut s: u32) -> u32 {
        while let Some(m) = self.stories[s as usize].merged_into {
            s = m;
        }
        s
    }

    /// [`StoryClusterer::add`] with features computed beforehand by [`StoryClusterer::prepare`].
    pub fn add_prepared(&mut self, article: &Article, p: Prepared) -> Assignment {
        self.add_inner(article, p, None).0
    }

    /// Learning only: add an article to the story `target` names (`None`: open
    /// one) whatever the scores say, and return the pair features of every
    /// candidate story the article was compared with, and the story it went to
    /// (`crosscheck bench learn-cluster` trains on these; duplicates give none).
    pub fn add_forced(&mut self, article: &Article, p: Prepared, target: Option<u32>) -> (Vec<(u32, PairVector)>, u32) {
        let (asg, pairs) = self.add_inner(article, p, Some(target));
        (pairs, self.live(self.articles[asg.index as usize].story))
    }

    /// The live story index of a story index (follows merges).
    pub fn live_index(&self, s: u32) -> u32 {
        self.live(s)
    }

    fn add_inner(&mut self, article: &Article, p: Prepared, force: Option<Option<u32>>) -> (Assignment, Vec<(u32, PairVector)>) {
        let index = self.articles.len() as u32;
        let mut entry = ArticleEntry {
            id: article.id.clone(),
            path: article.path.clone(),
            source: article.source.clone(),
            title: article.title.clone(),
            published: article.published.as_ref().map(|d| match d.datetime {
                Some(dt) => dt.to_rfc3339(),
                None => d.date.to_string(),
            }),
            story: 0,
            score: 1.0,
            part: u32::MAX,
        };
        let embedded = p.features.embedding.is_some();
        // 1. A copy of an earlier article joins that article's story as is.
        if let (Some(d), Some(fp)) = (self.deduper.as_mut(), p.fingerprint) {
            let out = d.add_fingerprint(article, fp);
            if let Some(m) = out.matches.first() {
                let s = self.live(self.articles[m.a as usize].story);
                entry.story = s;
                entry.score = m.jaccard.max(m.containment);
                self.stories[s as usize].members.push(index);
                self.articles.push(entry);
                tracing::debug!(article = %article.id, story = %self.stories[s as usize].id, "duplicate joins story");
                let mut story_id = self.stories[s as usize].id.clone();
                let mut opened = false;
                if self.config.partition {
                    // A copy carries what its original does.
                    let copied = self.members.get(m.a as usize).cloned().unwrap_or_default();
                    self.members.push(copied);
                    let (part, new) = self.repartition(index, &article.id, embedded);
                    story_id = self.parts[part as usize].id.clone();
                    opened = new;
                }
                return (
                    Assignment {
                        index,
                        story_id,
                        score: m.jaccard.max(m.containment),
                        opened,
                        duplicate_of: Some(m.a),
                    },
                    Vec::new(),
                );
            }
        }
        let f = p.features;
        // 2. Incremental IDF: the article counts before it is scored.
        self.n_docs += 1;
        for (t, _) in &f.terms {
            *self.df.entry(*t).or_insert(0) += 1;
        }
        let weighted: Vec<(u32, f32)> =
            f.terms.iter().map(|&(t, w)| (t, w * self.idf(t))).collect();
        let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        // 3. Candidates: stories sharing the article's most distinctive terms.
        let mut query: Vec<(u32, f32)> = weighted
            .iter()
            .copied()
            .filter(|(t, _)| {
                self.n_docs < 100
                    || (self.df.get(t).copied().unwrap_or(0) as f32)
                        <= tables::MAX_QUERY_DF_SHARE * self.n_docs as f32
            })
            .collect();
        query.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        query.truncate(tables::QUERY_TERMS);
        let mut hits: Vec<u32> = Vec::new();
        for (t, _) in &query {
            if let Some(p) = self.postings.get(t) {
                hits.extend(p.iter().map(|&s| self.live(s)));
            }
        }
        hits.sort_unstable();
        let mut counted: Vec<(u32, u32)> = Vec::new();
        for s in hits {
            match counted.last_mut() {
                Some(last) if last.0 == s => last.1 += 1,
                _ => counted.push((s, 1)),
            }
        }
        let window = (self.config.window_days * 86_400.0) as i64;
        counted.retain(|&(s, _)| {
            let st = &self.stories[s as usize];
            match (f.time, st.first_time, st.last_time) {
                (Some(t), Some(a), Some(b)) => t >= a - window && t <= b + window,
                _ => true,
            }
        });
        counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counted.truncate(tables::MAX_CANDIDATES);
        // 4. Score.
        for &(s, _) in &counted {
            self.refresh_norm(s);
        }
        let mut pairs: Vec<(u32, PairVector)> = Vec::new();
        let mut scored: Vec<(u32, f32)> = counted
            .iter()
            .map(|&(s, _)| {
                let (x, sc) = self.score(&weighted, norm, &f, &self.stories[s as usize]);
                if force.is_some() {
                    pairs.push((s, x));
                }
                (s, sc)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let best = match force {
            Some(target) => target.map(|t| {
                let t = self.live(t);
                (t, scored.iter().find(|x| x.0 == t).map_or(0.0, |x| x.1))
            }),
            None => scored
                .first()
                .copied()
                .filter(|&(_, sc)| sc >= self.join_at(embedded)),
        };
        let (story, score, opened) = match best {
            Some((s, sc)) => (s, sc, false),
            None => {
                let s = self.stories.len() as u32;
                let id = unique_id(&mut self.opened_ids, self.stories.iter().map(|x| x.id.as_str()), self.stories.len(), format!("story-{}", article.id));
                tracing::debug!(story = %id, "story opened");
                self.stories.push(Story {
                    id,
                    aliases: Vec::new(),
                    members: Vec::new(),
                    merged_into: None,
                    centroid: Vec::new(),
                    entities: Vec::new(),
                    people: Vec::new(),
                    places: Vec::new(),
                    years: Vec::new(),
                    numbers: Vec::new(),
                    first_time: None,
                    last_time: None,
                    embedding_sum: Vec::new(),
                    norm: 0.0,
                    norm_at: 0,
                });
                (s, 1.0, true)
            }
        };
        entry.story = story;
        entry.score = score;
        self.articles.push(entry);
        self.absorb(story, index, &f);
        for (t, _) in &query {
            let p = self.postings.entry(*t).or_default();
            if !p.contains(&story) {
                if p.len() >= tables::POSTINGS_PER_TERM {
                    p.pop_front();
                }
                p.push_back(story);
            }
        }
        // 5. A bridge between two similar stories merges them.
        if !opened && force.is_none() {
            if let Some(&(other, sc)) = scored.get(1) {
                if sc >= self.join_at(embedded) && other != story {
                    let cos = self.centroid_cosine(story, other);
                    if cos >= self.config.merge_cosine {
                        self.merge(story.min(other), story.max(other), &article.id, cos);
                    }
                }
            }
        }
        let live = self.live(story);
        let (story_id, opened) = if self.config.partition {
            let member = member_of(&f, |t| self.idf(t));
            self.members.push(member);
            let (part, new) = self.repartition(index, &article.id, embedded);
            (self.parts[part as usize].id.clone(), new)
        } else {
            (self.stories[live as usize].id.clone(), opened)
        };
        (
            Assignment {
                index,
                story_id,
                score,
                opened,
                duplicate_of: None,
            },
            pairs,
        )
    }

    /// The score an article needs to join a story (a coverage group when
    /// partitioning), on the scale of the scorer in use.
    fn join_at(&self, embedded: bool) -> f32 {
        if self.config.partition {
            self.partitioning(embedded).group_threshold
        } else if self.config.event_signals {
            self.config.join_probability
        } else {
            self.config.threshold
        }
    }

    fn partitioning(&self, embedded: bool) -> &Partitioning {
        if embedded {
            &self.config.embedding_partitioning
        } else {
            &self.config.lexical_partitioning
        }
    }

    /// Indices of the events that are stories now (not merged away, not emptied), in order of creation.
    fn live_parts(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.parts.len() as u32).filter(|&p| {
            let part = &self.parts[p as usize];
            part.merged_into.is_none() && !part.members.is_empty()
        })
    }

    fn live_part(&self, mut p: u32) -> u32 {
        while let Some(m) = self.parts[p as usize].merged_into {
            p = m;
        }
        p
    }

    /// Re-partition the recent members of article `index`'s coverage group
    /// into events ([`crate::partition`]) and carry the story ids over: each
    /// event keeps the id of the earlier story it shares most members with
    /// (greedy, largest overlap first, older story first on ties); an event
    /// sharing none opens a story. Members whose story changes are logged as
    /// [`StoryEvent::Split`]s, stories left empty as [`StoryEvent::Merge`]s.
    /// Returns the article's story (part) index and whether it was opened now.
    fn repartition(&mut self, index: u32, article: &ArticleId, embedded: bool) -> (u32, bool) {
        let g = self.live(self.articles[index as usize].story);
        let all = &self.stories[g as usize].members;
        let group: Vec<&Member> = all.iter().map(|&m| &self.members[m as usize]).collect();
        let contrast = Contrast::of(&group);
        let window = self.window(index, all);
        let clusters: Vec<Vec<u32>> = {
            let refs: Vec<&Member> = window.iter().map(|&m| &self.members[m as usize]).collect();
            let model = self.partitioning(embedded).model;
            crate::partition::partition(&refs, |t| self.idf(t), &contrast, &model)
                .into_iter()
                .map(|c| c.into_iter().map(|i| window[i]).collect())
                .collect()
        };
        let old = |s: &Self, m: u32| (m != index).then(|| s.live_part(s.articles[m as usize].part));
        // Overlaps of the new events with the old stories.
        let mut candidates: Vec<(usize, usize, u32)> = Vec::new();
        for (ci, c) in clusters.iter().enumerate() {
            let mut parts: Vec<u32> = c.iter().filter_map(|&m| old(self, m)).collect();
            parts.sort_unstable();
            let mut i = 0;
            while i < parts.len() {
                let j = parts[i..].iter().take_while(|&&p| p == parts[i]).count();
                candidates.push((j, ci, parts[i]));
                i += j;
            }
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
        let mut target: Vec<Option<u32>> = vec![None; clusters.len()];
        let mut taken: Vec<u32> = Vec::new();
        for (_, ci, p) in candidates {
            if target[ci].is_none() && !taken.contains(&p) {
                target[ci] = Some(p);
                taken.push(p);
            }
        }
        let mut opened = false;
        for (ci, c) in clusters.iter().enumerate() {
            if target[ci].is_some() {
                continue;
            }
            let first = c.iter().copied().min().unwrap_or(index);
            target[ci] = Some(self.open_part(first));
            opened |= c.contains(&index);
        }
        // Move the members whose event changed.
        let mut moves: Vec<(u32, u32, u32)> = Vec::new();
        for (ci, c) in clusters.iter().enumerate() {
            let to = target[ci].unwrap_or(0);
            for &m in c {
                let from = old(self, m);
                if from == Some(to) {
                    continue;
                }
                if let Some(from) = from {
                    let fm = &mut self.parts[from as usize].members;
                    if let Ok(at) = fm.binary_search(&m) {
                        fm.remove(at);
                    }
                    moves.push((from, to, m));
                }
                let tm = &mut self.parts[to as usize].members;
                if let Err(at) = tm.binary_search(&m) {
                    tm.insert(at, m);
                }
                self.articles[m as usize].part = to;
            }
        }
        moves.sort_unstable();
        let mut i = 0;
        while i < moves.len() {
            let (from, to, _) = moves[i];
            let n = moves[i..]
                .iter()
                .take_while(|x| x.0 == from && x.1 == to)
                .count();
            let articles: Vec<ArticleId> = moves[i..i + n]
                .iter()
                .map(|x| self.articles[x.2 as usize].id.clone())
                .collect();
            let (from_id, into_id) = (
                self.parts[from as usize].id.clone(),
                self.parts[to as usize].id.clone(),
            );
            tracing::info!(from = %from_id, into = %into_id, moved = n, article = %article, "stories re-partitioned");
            self.events.push(StoryEvent::Split {
                from: from_id,
                into: into_id,
                article: article.clone(),
                articles,
            });
            i += n;
        }
        // Stories left empty are merged into the one that took most of their members.
        let mut froms: Vec<u32> = moves.iter().map(|x| x.0).collect();
        froms.dedup();
        for from in froms {
            if !self.parts[from as usize].members.is_empty() {
                continue;
            }
            let mut tos: Vec<(usize, u32)> = Vec::new();
            for &(f, t, _) in &moves {
                if f == from {
                    match tos.iter_mut().find(|x| x.1 == t) {
                        Some(x) => x.0 += 1,
                        None => tos.push((1, t)),
                    }
                }
            }
            tos.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let Some(&(_, into)) = tos.first() else {
                continue;
            };
            let cos = self.part_cosine(from, into);
            let from_id = self.parts[from as usize].id.clone();
            let from_aliases = std::mem::take(&mut self.parts[from as usize].aliases);
            self.parts[from as usize].merged_into = Some(into);
            let k = &mut self.parts[into as usize];
            k.aliases.push(from_id.clone());
            k.aliases.extend(from_aliases);
            let into_id = k.id.clone();
            tracing::info!(into = %into_id, from = %from_id, article = %article, "stories merged");
            self.events.push(StoryEvent::Merge {
                into: into_id,
                from: from_id,
                article: article.clone(),
                centroid_cosine: cos,
            });
        }
        (self.live_part(self.articles[index as usize].part), opened)
    }

    /// The members of a coverage group (`all`) re-partitioned when article
    /// `index` joins it: all of them while the group is small; else the
    /// article and the whole events closest to it (TF-IDF cosine of their
    /// summed terms), nearest first, up to [`tables::PARTITION_WINDOW`]. Whole
    /// events, so that every member's closest neighbour is there (the pair
    /// features are relative to it); an event too large to fit adds its latest members.
    fn window(&self, index: u32, all: &[u32]) -> Vec<u32> {
        if all.len() <= tables::PARTITION_WINDOW {
            return all.to_vec();
        }
        let me: Vec<(u32, f32)> = self.members[index as usize].terms.iter().map(|&(t, w)| (t, w * self.idf(t))).collect();
        let mut parts: Vec<u32> = all.iter().filter(|&&m| m != index).map(|&m| self.live_part(self.articles[m as usize].part)).collect();
        parts.sort_unstable();
        parts.dedup();
        let mut near: Vec<(f32, u32)> = parts.into_iter().map(|p| (terms_cosine(&me, &self.part_terms(p)), p)).collect();
        near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut window = vec![index];
        for (_, p) in near {
            let room = tables::PARTITION_WINDOW - window.len();
            if room == 0 {
                break;
            }
            let members = &self.parts[p as usize].members;
            window.extend_from_slice(&members[members.len().saturating_sub(room)..]);
        }
        window.sort_unstable();
        window
    }

    /// A new, empty event whose id is made from the article at `first`.
    fn open_part(&mut self, first: u32) -> u32 {
        let p = self.parts.len() as u32;
        let id = unique_id(&mut self.part_ids, self.parts.iter().map(|x| x.id.as_str()), self.parts.len(), format!("story-{}", self.articles[first as usize].id));
        tracing::debug!(story = %id, "story opened");
        self.parts.push(Part {
            id,
            aliases: Vec::new(),
            members: Vec::new(),
            merged_into: None,
        });
        p
    }

    /// Summed member terms of an event, TF-IDF weighted, sorted by term.
    fn part_terms(&self, p: u32) -> Vec<(u32, f32)> {
        let mut sum: Vec<(u32, f32)> = Vec::new();
        for &m in &self.parts[p as usize].members {
            if let Some(mem) = self.members.get(m as usize) {
                sum = merge_sorted(&sum, &mem.terms, |a, b| a + b);
            }
        }
        for t in &mut sum {
            t.1 *= self.idf(t.0);
        }
        sum
    }

    /// TF-IDF cosine of two events' summed member terms.
    fn part_cosine(&self, a: u32, b: u32) -> f32 {
        terms_cosine(&self.part_terms(a), &self.part_terms(b))
    }

    fn refresh_norm(&mut self, s: u32) {
        let st = &self.stories[s as usize];
        if st.norm_at != 0 && self.n_docs <= st.norm_at + st.norm_at / 10 {
            return;
        }
        let norm = st
            .centroid
            .iter()
            .map(|&(t, w)| (w * self.idf(t)).powi(2))
            .sum::<f32>()
            .sqrt();
        let n = self.n_docs.max(1);
        let st = &mut self.stories[s as usize];
        st.norm = norm;
        st.norm_at = n;
    }

    /// The pair features of an article and a story, and the join probability
    /// (the pair model's, times the time factor).
    fn score(&self, weighted: &[(u32, f32)], norm: f32, f: &Features, st: &Story) -> (PairVector, f32) {
        // TF-IDF cosine (centroid weighted with the current IDF; its norm cached).
        let mut dot = 0.0f32;
        let (mut i, mut j) = (0, 0);
        while i < weighted.len() && j < st.centroid.len() {
            match weighted[i].0.cmp(&st.centroid[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let (t, w) = st.centroid[j];
                    dot += w * self.idf(t) * weighted[i].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let cn = st.norm;
        let cos = if norm > 0.0 && cn > 0.0 {
            (dot / (norm * cn)).min(1.0)
        } else {
            0.0
        };
        let embedding_cosine = f.embedding.as_deref().and_then(|e| embedding_cosine(e, &st.embedding_sum));
        let core_people = core(&st.people, st.members.len());
        let signals = PairSignals {
            tfidf_cosine: cos,
            names: weighted_share(&f.entities, &st.entities, |t| self.idf(t)),
            embedding_cosine,
            people: weighted_share(&f.signals.people, &st.people, |t| self.idf(t)),
            places: share(&f.signals.places, &st.places),
            years: share(&f.signals.years, &st.years),
            numbers: share(&f.signals.numbers, &st.numbers),
            key_person: (!f.signals.key_person.is_empty() && !core_people.is_empty())
                .then(|| f32::from(f.signals.key_person.iter().any(|w| core_people.binary_search(w).is_ok()))),
            core_people: (!f.signals.people.is_empty() && !core_people.is_empty()).then(|| {
                core_people.iter().filter(|w| f.signals.people.binary_search(w).is_ok()).count() as f32 / core_people.len() as f32
            }),
        };
        let x = signals.vector();
        let content = if self.config.event_signals && !self.config.partition {
            let model = if embedding_cosine.is_some() { &self.config.embedding_model } else { &self.config.lexical_model };
            model.probability(&x)
        } else {
            self.mean_score(cos, f, st, embedding_cosine)
        };
        // Time only ever lowers the score: articles of the same days are not
        // thereby similar (everything in a news feed is recent), but coverage
        // weeks apart is less likely one story. A missing date is neutral.
        let time_factor = match (f.time, st.first_time, st.last_time) {
            (Some(t), Some(a), Some(b)) => {
                let gap = if t < a {
                    a - t
                } else if t > b {
                    t - b
                } else {
                    0
                };
                let days = gap as f64 / 86_400.0;
                let decay = 1.0 - (-days / self.config.time_scale_days).exp() as f32;
                1.0 - self.config.weight_time * decay
            }
            _ => 1.0,
        };
        (x, content * time_factor)
    }

    /// The weighted mean of the text signals (the default scorer): TF-IDF
    /// cosine, share of the article's capitalised names the story holds, and
    /// the embedding cosine above [`tables::EMBEDDING_FLOOR`]; a signal that
    /// cannot be computed is left out and the weights renormalised.
    fn mean_score(&self, cos: f32, f: &Features, st: &Story, embedding_cosine: Option<f32>) -> f32 {
        let mut num = self.config.weight_tfidf * cos;
        let mut den = self.config.weight_tfidf;
        if let Some(shared) = share(&f.entities, &st.entities).or((!f.entities.is_empty()).then_some(0.0)) {
            num += self.config.weight_entities * shared;
            den += self.config.weight_entities;
        }
        if let Some(cos) = embedding_cosine {
            let floor = tables::EMBEDDING_FLOOR;
            num += self.config.weight_embedding * ((cos - floor) / (1.0 - floor)).max(0.0);
            den += self.config.weight_embedding;
        }
        if den > 0.0 {
            num / den
        } else {
            0.0
        }
    }

    fn centroid_cosine(&self, a: u32, b: u32) -> f32 {
        let w = |s: u32| {
            self.stories[s as usize]
                .centroid
                .iter()
                .map(|&(t, x)| (t, x * self.idf(t)))
                .collect::<Vec<_>>()
        };
        terms_cosine(&w(a), &w(b))
    }

    /// Add an article's features to a story.
    fn absorb(&mut self, s: u32, index: u32, f: &Features) {
        let st = &mut self.stories[s as usize];
        st.members.push(index);
        st.centroid = merge_sorted(&st.centroid, &f.terms, |a, b| a + b);
        st.entities = count_once_more(&st.entities, &f.entities);
        st.people = count_once_more(&st.people, &f.signals.people);
        st.places = count_once_more(&st.places, &f.signals.places);
        st.years = count_once_more(&st.years, &f.signals.years);
        st.numbers = count_once_more(&st.numbers, &f.signals.numbers);
        if let Some(t) = f.time {
            st.first_time = Some(st.first_time.map_or(t, |x| x.min(t)));
            st.last_time = Some(st.last_time.map_or(t, |x| x.max(t)));
        }
        if let Some(e) = &f.embedding {
            add_vector(&mut st.embedding_sum, e);
        }
        self.prune(s);
    }

    /// Keep the strongest centroid terms (by current TF-IDF) and most frequent entities.
    fn prune(&mut self, s: u32) {
        if self.stories[s as usize].centroid.len() > tables::CENTROID_TERMS {
            let mut c: Vec<(u32, f32, f32)> = self.stories[s as usize]
                .centroid
                .iter()
                .map(|&(t, w)| (t, w, w * self.idf(t)))
                .collect();
            c.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            c.truncate(tables::CENTROID_TERMS);
            c.sort_by_key(|x| x.0);
            self.stories[s as usize].centroid = c.into_iter().map(|(t, w, _)| (t, w)).collect();
        }
        let st = &mut self.stories[s as usize];
        for (set, cap) in [
            (&mut st.entities, tables::STORY_ENTITIES),
            (&mut st.people, tables::STORY_SIGNAL_IDS),
            (&mut st.places, tables::STORY_SIGNAL_IDS),
            (&mut st.years, tables::STORY_SIGNAL_IDS),
            (&mut st.numbers, tables::STORY_SIGNAL_IDS),
        ] {
            if set.len() > cap {
                set.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                set.truncate(cap);
                set.sort_by_key(|x| x.0);
            }
            set.shrink_to_fit();
        }
        st.norm_at = 0;
        // Merged vectors are allocated for the sum of both inputs; at a million
        // articles that slack would cost hundreds of megabytes.
        st.centroid.shrink_to_fit();
        st.entities.shrink_to_fit();
    }

    fn merge(&mut self, keep: u32, from: u32, article: &ArticleId, cos: f32) {
        let absorbed = std::mem::take(&mut self.stories[from as usize].members);
        let (c, e, ft, lt) = {
            let f = &self.stories[from as usize];
            (
                f.centroid.clone(),
                f.entities.clone(),
                f.first_time,
                f.last_time,
            )
        };
        let signal_sets = {
            let f = &mut self.stories[from as usize];
            [
                std::mem::take(&mut f.people),
                std::mem::take(&mut f.places),
                std::mem::take(&mut f.years),
                std::mem::take(&mut f.numbers),
            ]
        };
        let from_embedding = std::mem::take(&mut self.stories[from as usize].embedding_sum);
        let from_id = self.stories[from as usize].id.clone();
        let from_aliases = std::mem::take(&mut self.stories[from as usize].aliases);
        self.stories[from as usize].merged_into = Some(keep);
        self.stories[from as usize].centroid.clear();
        self.stories[from as usize].entities.clear();
        for &m in &absorbed {
            self.articles[m as usize].story = keep;
        }
        let k = &mut self.stories[keep as usize];
        k.members.extend(absorbed);
        k.members.sort_unstable();
        k.centroid = merge_sorted(&k.centroid, &c, |a, b| a + b);
        k.entities = merge_sorted(&k.entities, &e, |a, b| a + b);
        let [people, places, years, numbers] = signal_sets;
        k.people = merge_sorted(&k.people, &people, |a, b| a + b);
        k.places = merge_sorted(&k.places, &places, |a, b| a + b);
        k.years = merge_sorted(&k.years, &years, |a, b| a + b);
        k.numbers = merge_sorted(&k.numbers, &numbers, |a, b| a + b);
        add_vector(&mut k.embedding_sum, &from_embedding);
        k.first_time = min_opt(k.first_time, ft);
        k.last_time = max_opt(k.last_time, lt);
        k.aliases.push(from_id.clone());
        k.aliases.extend(from_aliases);
        let into = k.id.clone();
        self.prune(keep);
        if self.config.partition {
            // Coverage groups are internal; the re-partition that follows logs what users see.
            tracing::debug!(into = %into, from = %from_id, article = %article, centroid_cosine = cos, "coverage groups merged");
            return;
        }
        tracing::info!(into = %into, from = %from_id, article = %article, centroid_cosine = cos, "stories merged");
        self.events.push(StoryEvent::Merge {
            into,
            from: from_id,
            article: article.clone(),
            centroid_cosine: cos,
        });
    }

    /// Merge and split events so far.
    pub fn events(&self) -> &[StoryEvent] {
        &self.events
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Ids of the articles added so far, in input order (for re-runs over a
    /// persisted state: skip what is already in).
    pub fn article_ids(&self) -> impl Iterator<Item = &ArticleId> {
        self.articles.iter().map(|a| &a.id)
    }

    /// The live story id of article `index` (input order).
    pub fn story_of(&self, index: u32) -> Option<&str> {
        let e = self.articles.get(index as usize)?;
        if self.config.partition {
            return self
                .parts
                .get(e.part as usize)
                .map(|_| self.parts[self.live_part(e.part) as usize].id.as_str());
        }
        Some(&self.stories[self.live(e.story) as usize].id)
    }

    /// Resolve a story id or an alias of a merged story to the live story id.
    pub fn resolve(&self, id: &str) -> Option<&str> {
        if self.config.partition {
            let i = self.parts.iter().position(|s| s.id == id)?;
            return Some(&self.parts[self.live_part(i as u32) as usize].id);
        }
        let i = self.stories.iter().position(|s| s.id == id)?;
        Some(&self.stories[self.live(i as u32) as usize].id)
    }

    /// The near-duplicate detector used inside clustering, if enabled (its
    /// members carry ids and indices but no path or source; see [`StoryClusterer::stories`]).
    pub fn deduper(&self) -> Option<&Deduper> {
        self.deduper.as_ref()
    }

    /// Number of live (not merged) stories.
    pub fn story_count(&self) -> usize {
        if self.config.partition {
            return self.live_parts().count();
        }
        self.stories
            .iter()
            .filter(|s| s.merged_into.is_none())
            .count()
    }

    /// Live stories in order of creation, members in input order, each copy
    /// pointing at its group's first publisher.
    pub fn stories(&self) -> Vec<StoryView> {
        let canon = self.deduper.as_ref().map(|d| d.canonical_map());
        let live: Vec<(&String, &Vec<String>, &Vec<u32>)> = if self.config.partition {
            self.live_parts()
                .map(|p| {
                    let p = &self.parts[p as usize];
                    (&p.id, &p.aliases, &p.members)
                })
                .collect()
        } else {
            self.stories
                .iter()
                .filter(|s| s.merged_into.is_none())
                .map(|s| (&s.id, &s.aliases, &s.members))
                .collect()
        };
        live.into_iter()
            .map(|(id, aliases, members)| StoryView {
                id: id.clone(),
                aliases: aliases.clone(),
                articles: members
                    .iter()
                    .map(|&m| {
                        let e = &self.articles[m as usize];
                        let dup = canon
                            .as_ref()
                            .and_then(|c| c.get(m as usize).copied())
                            .filter(|&c| c != m)
                            .map(|c| self.articles[c as usize].id.clone());
                        StoryArticle {
                            id: e.id.clone(),
                            path: e.path.clone(),
                            source: e.source.clone(),
                            title: e.title.clone(),
                            published: e.published.clone(),
                            duplicate_of: dup,
                            score: e.score,
                            index: m,
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// The live stories grouped into storylines ([`crate::storyline`]).
    pub fn storylines(&self) -> Vec<crate::storyline::StorylineView> {
        if self.config.partition {
            return self.part_storylines();
        }
        let live: Vec<u32> = (0..self.stories.len() as u32).filter(|&s| self.stories[s as usize].merged_into.is_none()).collect();
        let facts: Vec<crate::storyline::StoryFacts> = live
            .iter()
            .map(|&s| {
                let st = &self.stories[s as usize];
                crate::storyline::StoryFacts {
                    id: &st.id,
                    people: &st.people,
                    places: &st.places,
                    years: &st.years,
                    members: st.members.len(),
                    first_time: st.first_time,
                    last_time: st.last_time,
                }
            })
            .collect();
        crate::storyline::storylines(&facts, |i, j| self.centroid_cosine(live[i], live[j]))
    }

    /// Storylines over the events of the coverage groups: their facts summed
    /// from the members, as a story's are from its articles.
    fn part_storylines(&self) -> Vec<crate::storyline::StorylineView> {
        let live: Vec<u32> = self.live_parts().collect();
        struct Summed {
            people: Vec<(u32, u32)>,
            places: Vec<(u32, u32)>,
            years: Vec<(u32, u32)>,
            first_time: Option<i64>,
            last_time: Option<i64>,
        }
        let summed: Vec<Summed> = live
            .iter()
            .map(|&p| {
                let mut s = Summed {
                    people: Vec::new(),
                    places: Vec::new(),
                    years: Vec::new(),
                    first_time: None,
                    last_time: None,
                };
                for &m in &self.parts[p as usize].members {
                    let Some(mem) = self.members.get(m as usize) else {
                        continue;
                    };
                    s.people = count_once_more(&s.people, &mem.people);
                    s.places = count_once_more(&s.places, &mem.places);
                    s.years = count_once_more(&s.years, &mem.years);
                    s.first_time = min_opt(s.first_time, mem.time);
                    s.last_time = max_opt(s.last_time, mem.time);
                }
                s
            })
            .collect();
        let facts: Vec<crate::storyline::StoryFacts> = live
            .iter()
            .zip(&summed)
            .map(|(&p, s)| crate::storyline::StoryFacts {
                id: &self.parts[p as usize].id,
                people: &s.people,
                places: &s.places,
                years: &s.years,
                members: self.parts[p as usize].members.len(),
                first_time: s.first_time,
                last_time: s.last_time,
            })
            .collect();
        let terms: Vec<Vec<(u32, f32)>> = live.iter().map(|&p| self.part_terms(p)).collect();
        crate::storyline::storylines(&facts, |i, j| terms_cosine(&terms[i], &terms[j]))
    }

    /// Story label (live story index) of every article, in input order.
    pub fn labels(&self) -> Vec<u32> {
        if self.config.partition {
            return self
                .articles
                .iter()
                .map(|e| {
                    if (e.part as usize) < self.parts.len() {
                        self.live_part(e.part)
                    } else {
                        u32::MAX
                    }
                })
                .collect();
        }
        self.articles.iter().map(|e| self.live(e.story)).collect()
    }

    /// The live coverage groups' members (article indices), for learning.
    pub fn groups(&self) -> Vec<Vec<u32>> {
        self.stories
            .iter()
            .filter(|s| s.merged_into.is_none())
            .map(|s| s.members.clone())
            .collect()
    }

    /// What re-partitioning keeps of article `index`, for learning.
    pub fn member(&self, index: u32) -> Option<&Member> {
        self.members.get(index as usize)
    }

    /// The collection's current IDF of a term.
    pub fn term_idf(&self, term: u32) -> f32 {
        self.idf(term)
    }

    /// Approximate heap bytes of the story state (without the deduper).
    pub fn approx_heap_bytes(&self) -> usize {
        let stories: usize = self
            .stories
            .iter()
            .map(|s| {
                std::mem::size_of::<Story>()
                    + s.id.len()
                    + s.members.capacity() * 4
                    + s.centroid.capacity() * 8
                    + s.entities.capacity() * 8
                    + (s.people.capacity() + s.places.capacity() + s.years.capacity() + s.numbers.capacity()) * 8
                    + s.embedding_sum.capacity() * 4
            })
            .sum();
        let articles: usize = self
            .articles
            .iter()
            .map(|a| {
                std::mem::size_of::<ArticleEntry>()
                    + ArticleId::HEX_LEN
                    + a.path.len()
                    + a.source.len()
                    + a.title.as_ref().map_or(0, |t| t.len())
                    + a.published.as_ref().map_or(0, |t| t.len())
            })
            .sum();
        let members: usize = self
            .members
            .iter()
            .map(|m| {
                std::mem::size_of::<Member>()
                    + m.terms.capacity() * 8
                    + (m.names.capacity()
                        + m.years.capacity()
                        + m.numbers.capacity()
                        + m.people.capacity()
                        + m.places.capacity())
                        * 4
                    + m.embedding.capacity()
            })
            .sum();
        let parts: usize = self
            .parts
            .iter()
            .map(|p| {
                std::mem::size_of::<Part>()
                    + p.id.len()
                    + p.members.capacity() * 4
                    + p.aliases.iter().map(|a| a.len() + 24).sum::<usize>()
            })
            .sum();
        let df = self.df.capacity() * 9;
        let postings: usize = self
            .postings
            .values()
            .map(|p| p.capacity() * 4 + 24 + 5)
            .sum();
        stories + articles + df + postings + members + parts
    }
}

/// `id`, made unique among the `count` ids handed out (their hashes in `taken`;
/// `existing` rebuilds the set after a restore from serde) by the count as a
/// suffix: the same text added twice without dedup opens two stories.
fn unique_id<'a>(taken: &mut std::collections::HashSet<u64, crate::tokens::PrehashedBuild>, existing: impl Iterator<Item = &'a str>, count: usize, id: String) -> String {
    if taken.len() != count {
        *taken = existing.map(|x| hash_bytes(x.as_bytes())).collect();
    }
    if taken.insert(hash_bytes(id.as_bytes())) {
        return id;
    }
    let id = format!("{id}-{count}");
    taken.insert(hash_bytes(id.as_bytes()));
    id
}

/// `counts` ((id, how many members name it), sorted by id) with each of `ids` (sorted, distinct) counted once more.
fn count_once_more(counts: &[(u32, u32)], ids: &[u32]) -> Vec<(u32, u32)> {
    let once: Vec<(u32, u32)> = ids.iter().map(|&e| (e, 1)).collect();
    merge_sorted(counts, &once, |a, b| a + b)
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

fn merge_sorted<V: Copy>(a: &[(u32, V)], b: &[(u32, V)], add: impl Fn(V, V) -> V) -> Vec<(u32, V)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, add(a[i].1, b[j].1)));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Batch clustering: features on all cores, then assignment in input order —
/// the same result as adding the articles one by one.
pub fn cluster(articles: &[Article], config: &StoryConfig, encoder: Option<&dyn SentenceEncoder>) -> Result<StoryClusterer, DedupError> {
    let mut c = StoryClusterer::new(config.clone())?;
    let mut prepared = {
        let cref = &c;
        crate::parallel_map(articles, |a| cref.prepare(a))
    };
    if let Some(encoder) = encoder {
        for (p, e) in prepared.iter_mut().zip(embed_articles(articles, encoder)) {
            p.features.embedding = e;
        }
    }
    for (a, p) in articles.iter().zip(prepared) {
        c.add_prepared(a, p);
    }
    Ok(c)
}

/// Sentence embeddings of the articles' title and lead ([`embedding_text`]),
/// in order, encoded in batches; `None` for articles in a language the model
/// does not read and for those of a batch the encoder failed on (logged):
/// they cluster on their other signals.
pub fn embed_articles<'a>(articles: impl IntoIterator<Item = &'a Article>, encoder: &dyn SentenceEncoder) -> Vec<Option<Vec<f32>>> {
    // Articles in a language the model does not read go without (None).
    let texts: Vec<Option<String>> = articles
        .into_iter()
        .map(|a| encoder.reads_language(a.language.as_deref()).then(|| embedding_text(a)))
        .collect();
    let readable: Vec<&str> = texts.iter().flatten().map(String::as_str).collect();
    let mut vectors = Vec::with_capacity(readable.len());
    for chunk in readable.chunks(tables::EMBEDDING_BATCH) {
        match encoder.encode(chunk) {
            Ok(v) => vectors.extend(v.into_iter().map(Some)),
            Err(e) => {
                tracing::warn!("clustering {} articles without embeddings: {e}", chunk.len());
                vectors.extend(std::iter::repeat_with(|| None).take(chunk.len()));
            }
        }
    }
    let mut vectors = vectors.into_iter();
    texts.iter().map(|t| t.as_ref().and_then(|_| vectors.next().flatten())).collect()
}

/// Cosine of a unit vector with the direction of a sum of unit vectors;
/// `None` when either is missing or they differ in length.
fn embedding_cosine(unit: &[f32], sum: &[f32]) -> Option<f32> {
    if unit.is_empty() || unit.len() != sum.len() {
        return None;
    }
    let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
    (norm > 0.0).then(|| crosscheck_core::embedding::cosine(unit, sum) / norm)
}

fn add_vector(sum: &mut Vec<f32>, v: &[f32]) {
    if v.is_empty() {
        return;
    }
    if sum.is_empty() {
        sum.extend_from_slice(v);
    } else if sum.len() == v.len() {
        sum.iter_mut().zip(v).for_each(|(s, x)| *s += x);
    }
}
