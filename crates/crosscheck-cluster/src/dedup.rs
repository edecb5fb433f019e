//! Near-duplicate detection: MinHash-LSH over word shingles, verified by
//! sentence containment.
//!
//! Two ways into a duplicate group:
//! * **near-duplicate**: the LSH index (bands × rows chosen for the Jaccard
//!   threshold) proposes candidates; the signature estimate of the shingle
//!   Jaccard must reach the threshold;
//! * **contained** (verification step): an exact check on sentence
//!   fingerprints — the smaller text's sentences (≥ [`MIN_SENTENCE_WORDS`]
//!   words, in match form) that occur verbatim in the other. It catches what the
//!   Jaccard test cannot: an outlet printing the first half of a wire story
//!   (Jaccard ≈ 0.5, containment 1.0) or a copy with a rewritten lead and
//!   trimmed tail. Candidates for it come from an inverted index of sentence
//!   fingerprints as well as from LSH.
//!
//! Groups are the connected components of accepted pairs. The canonical member
//! of a group is its first publisher: earliest publication time, then input
//! order (undated articles rank after dated ones). Every other member is a
//! "copy of" the canonical one, labelled with its similarity to it.
//!
//! [`MIN_SENTENCE_WORDS`]: crate::tables::MIN_SENTENCE_WORDS

use crosscheck_core::{Article, ArticleId};
use serde::{Deserialize, Serialize};

use crate::minhash::{self, MinHasher};
use crate::tables;
use crate::tokens::{self, combine, hash_bytes, mix64, Event, PreMap};

/// Settings of the near-duplicate detector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupConfig {
    /// Jaccard threshold of the word-shingle sets.
    pub threshold: f64,
    /// MinHash permutations.
    pub num_perm: usize,
    /// Words per shingle.
    pub shingle_words: usize,
    /// LSH bands and rows; `None` picks them for `threshold` like datasketch.
    pub bands: Option<(usize, usize)>,
    /// Sentence-containment verification (finds trimmed and re-led copies).
    /// Off = MinHash-LSH alone.
    pub verify: bool,
    /// Minimum share of the smaller text's sentences found in the other.
    pub containment: f64,
    /// Minimum number of shared sentences for a containment match.
    pub min_shared_sentences: usize,
    /// Seed of the permutations.
    pub seed: u64,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            threshold: tables::DEFAULT_JACCARD,
            num_perm: tables::DEFAULT_NUM_PERM,
            shingle_words: tables::SHINGLE_WORDS,
            bands: None,
            verify: true,
            containment: tables::DEFAULT_CONTAINMENT,
            min_shared_sentences: tables::MIN_SHARED_SENTENCES,
            seed: tables::MINHASH_SEED,
        }
    }
}

/// Errors of the dedup stage.
#[derive(Debug, thiserror::Error)]
pub enum DedupError {
    #[error("invalid dedup configuration: {0}")]
    Config(String),
}

impl DedupConfig {
    /// Check ranges and resolve the LSH bands and rows.
    pub fn resolve_bands(&self) -> Result<(usize, usize), DedupError> {
        if !(0.0..=1.0).contains(&self.threshold) || self.threshold == 0.0 {
            return Err(DedupError::Config(format!(
                "threshold {} not in (0, 1]",
                self.threshold
            )));
        }
        if self.num_perm == 0 || self.num_perm > 4096 {
            return Err(DedupError::Config(format!(
                "num_perm {} not in 1..=4096",
                self.num_perm
            )));
        }
        if !(0.0..=1.0).contains(&self.containment) {
            return Err(DedupError::Config(format!(
                "containment {} not in [0, 1]",
                self.containment
            )));
        }
        match self.bands {
            Some((b, r)) if b * r > self.num_perm || b == 0 || r == 0 => {
                Err(DedupError::Config(format!(
                    "{b} bands x {r} rows do not fit {} permutations",
                    self.num_perm
                )))
            }
            Some(br) => Ok(br),
            None => Ok(minhash::optimal_bands(
                self.threshold,
                self.num_perm,
                tables::LSH_FALSE_POSITIVE_WEIGHT,
                tables::LSH_FALSE_NEGATIVE_WEIGHT,
            )),
        }
    }
}

/// Why two articles were put in one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Shingle Jaccard estimate at or above the threshold.
    NearDuplicate,
    /// The smaller text's sentences are (mostly) contained in the other.
    Contained,
    /// Linked to the canonical member only through other members.
    Transitive,
}

/// One accepted pair, found when the later of the two was added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DupPair {
    /// Index (input order) of the earlier-added article.
    pub a: u32,
    /// Index of the article being added.
    pub b: u32,
    /// Estimated shingle Jaccard.
    pub jaccard: f32,
    /// Shared sentences over the smaller text's sentences.
    pub containment: f32,
    pub kind: MatchKind,
}

/// An article as the dedup stage remembers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DupMember {
    /// Input order (0-based) in this deduper.
    pub index: u32,
    pub id: ArticleId,
    pub path: String,
    pub source: String,
    /// Publication time (Unix seconds) when known.
    pub published: Option<i64>,
}

/// A copy in a group, relative to the canonical member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DupCopy {
    #[serde(flatten)]
    pub member: DupMember,
    /// The canonical member's id ("copy of").
    pub copy_of: ArticleId,
    /// Estimated shingle Jaccard with the canonical member.
    pub jaccard: f32,
    /// Share of this copy's sentences found in the canonical member.
    pub containment: f32,
    pub kind: MatchKind,
}

/// A group of copies of one text: the first publisher and its copies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DupGroup {
    pub canonical: DupMember,
    pub copies: Vec<DupCopy>,
}

impl DupGroup {
    /// Members, canonical first.
    pub fn len(&self) -> usize {
        1 + self.copies.len()
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

/// What [`Deduper::add`] found for a new article.
#[derive(Debug, Clone, PartialEq)]
pub struct AddOutcome {
    /// The new article's index.
    pub index: u32,
    /// Accepted pairs with earlier articles, best first.
    pub matches: Vec<DupPair>,
    /// LSH candidates examined (for measuring the index).
    pub lsh_candidates: usize,
    /// Sentence-index candidates examined.
    pub sentence_candidates: usize,
}

/// The fingerprint of one text: everything the index needs, computed without
/// touching the index (so a batch can compute fingerprints in parallel).
#[derive(Debug, Clone)]
pub struct Fingerprint {
    band_keys: Vec<u32>,
    sig: Box<[u16]>,
    sentences: Box<[u32]>,
    shingles: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct DocRec {
    member: DupMember,
    shingles: u32,
    sig: Box<[u16]>,
    /// Sorted, distinct sentence fingerprints.
    sentences: Box<[u32]>,
}

const NONE: u32 = u32::MAX;

/// The in-memory indexes, rebuilt from the documents after loading.
#[derive(Debug, Default, Clone)]
struct Index {
    /// Per band: key -> most recent document with that key.
    heads: Vec<PreMap<u32, u32>>,
    /// Per band: document -> previous document with the same key.
    next: Vec<Vec<u32>>,
    /// Sentence fingerprint -> first document holding it. Most sentences occur
    /// once, so a flat map is far smaller than a posting list per sentence.
    sentence_first: PreMap<u32, u32>,
    /// Later documents of fingerprints seen more than once (capped; longer = boilerplate).
    sentence_more: PreMap<u32, Vec<u32>>,
}

/// Incremental near-duplicate detector. Add articles in any order; ask for
/// groups at any time. Serialisable (the indexes are rebuilt on load).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "DeduperState")]
pub struct Deduper {
    config: DedupConfig,
    bands: usize,
    rows: usize,
    #[serde(skip)]
    hasher: Option<MinHasher>,
    docs: Vec<DocRec>,
    pairs: Vec<DupPair>,
    /// Union-find parent (by index).
    parent: Vec<u32>,
    /// Whether members keep their path and source (off inside the story
    /// clusterer, which keeps them itself: at a million articles the copy
    /// would cost ~100 MB).
    keep_metadata: bool,
    #[serde(skip)]
    index: Index,
}

#[derive(Deserialize)]
struct DeduperState {
    config: DedupConfig,
    bands: usize,
    rows: usize,
    docs: Vec<DocRec>,
    pairs: Vec<DupPair>,
    parent: Vec<u32>,
    #[serde(default = "yes")]
    keep_metadata: bool,
}

fn yes() -> bool {
    true
}

impl From<DeduperState> for Deduper {
    fn from(s: DeduperState) -> Self {
        let mut d = Deduper {
            hasher: Some(MinHasher::new(s.config.num_perm, s.config.seed)),
            config: s.config,
            bands: s.bands,
            rows: s.rows,
            docs: Vec::new(),
            pairs: s.pairs,
            parent: s.parent,
            keep_metadata: s.keep_metadata,
            index: Index::default(),
        };
        d.index.heads = vec![PreMap::default(); d.bands];
        d.index.next = vec![Vec::new(); d.bands];
        let mut keys = Vec::with_capacity(d.bands);
        for doc in s.docs {
            let i = d.docs.len() as u32;
            minhash::band_keys(&doc.sig, d.bands, d.rows, &mut keys);
            d.index_doc(i, &keys, &doc.sentences, doc.shingles > 0);
            d.docs.push(doc);
        }
        d
    }
}

/// Publication time of an article in Unix seconds (a bare date counts as noon UTC).
pub fn published_secs(a: &Article) -> Option<i64> {
    let p = a.published.as_ref()?;
    Some(match p.datetime {
        Some(dt) => dt.timestamp(),
        None => p.date.and_hms_opt(12, 0, 0)?.and_utc().timestamp(),
    })
}

impl Deduper {
    pub fn new(config: DedupConfig) -> Result<Self, DedupError> {
        let (bands, rows) = config.resolve_bands()?;
        tracing::debug!(
            bands,
            rows,
            threshold = config.threshold,
            "dedup LSH parameters"
        );
        Ok(Deduper {
            hasher: Some(MinHasher::new(config.num_perm, config.seed)),
            config,
            bands,
            rows,
            docs: Vec::new(),
            pairs: Vec::new(),
            parent: Vec::new(),
            keep_metadata: true,
            index: Index {
                heads: vec![PreMap::default(); bands],
                next: vec![Vec::new(); bands],
                ..Default::default()
            },
        })
    }

    /// Do not keep path and source of members (their [`DupMember`]s then have
    /// empty `path` and `source`; ids, dates and indices remain). For callers
    /// that keep article metadata themselves.
    pub fn without_metadata(mut self) -> Self {
        self.keep_metadata = false;
        self
    }

    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// LSH bands and rows in use.
    pub fn bands_rows(&self) -> (usize, usize) {
        (self.bands, self.rows)
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Compute the fingerprint of a text (pure; no index access).
    pub fn fingerprint(&self, text: &str) -> Fingerprint {
        fingerprint_with(
            self.hasher.as_ref().expect("hasher"),
            &self.config,
            self.bands,
            self.rows,
            text,
        )
    }

    /// Add one article: find its copies among the earlier ones, then index it.
    pub fn add(&mut self, article: &Article) -> AddOutcome {
        let fp = self.fingerprint(&article.text);
        self.add_fingerprint(article, fp)
    }

    /// [`Deduper::add`] with a fingerprint computed beforehand.
    pub fn add_fingerprint(&mut self, article: &Article, fp: Fingerprint) -> AddOutcome {
        let member = DupMember {
            index: self.docs.len() as u32,
            id: article.id.clone(),
            path: if self.keep_metadata {
                article.path.clone()
            } else {
                String::new()
            },
            source: if self.keep_metadata {
                article.source.clone()
            } else {
                String::new()
            },
            published: published_secs(article),
        };
        let new = member.index;
        // Candidates from LSH.
        let mut lsh: Vec<u32> = Vec::new();
        if fp.shingles > 0 {
            for (b, key) in fp.band_keys.iter().enumerate() {
                let mut cur = self.index.heads[b].get(key).copied().unwrap_or(NONE);
                while cur != NONE {
                    lsh.push(cur);
                    cur = self.index.next[b][cur as usize];
                }
            }
        }
        lsh.sort_unstable();
        lsh.dedup();
        // Candidates from shared sentences.
        let mut sent: Vec<u32> = Vec::new();
        if self.config.verify {
            for s in fp.sentences.iter() {
                let more = self.index.sentence_more.get(s);
                if more.is_some_and(|m| m.len() >= tables::SENTENCE_POSTINGS_CAP) {
                    continue;
                }
                if let Some(&first) = self.index.sentence_first.get(s) {
                    sent.push(first);
                }
                if let Some(m) = more {
                    sent.extend_from_slice(m);
                }
            }
            sent.sort_unstable();
            // Keep documents sharing enough sentences (runs in the sorted list).
            let mut kept = Vec::new();
            let mut i = 0;
            while i < sent.len() {
                let j = sent[i..]
                    .iter()
                    .position(|&d| d != sent[i])
                    .map_or(sent.len(), |k| i + k);
                if j - i >= self.config.min_shared_sentences {
                    kept.push(sent[i]);
                }
                i = j;
            }
            sent = kept;
        }
        let (n_lsh, n_sent) = (lsh.len(), sent.len());
        let mut cands = lsh;
        cands.extend_from_slice(&sent);
        cands.sort_unstable();
        cands.dedup();

        let mut matches = Vec::new();
        for c in cands {
            let other = &self.docs[c as usize];
            let jaccard = minhash::estimate_jaccard(&fp.sig, &other.sig);
            let containment = containment_of_smaller(&fp.sentences, &other.sentences);
            let shared = shared_count(&fp.sentences, &other.sentences);
            let kind = if fp.shingles > 0 && jaccard >= self.config.threshold {
                MatchKind::NearDuplicate
            } else if self.config.verify
                && shared >= self.config.min_shared_sentences
                && containment >= self.config.containment
            {
                MatchKind::Contained
            } else {
                continue;
            };
            matches.push(DupPair {
                a: c,
                b: new,
                jaccard: jaccard as f32,
                containment: containment as f32,
                kind,
            });
        }
        matches.sort_by(|x, y| {
            (y.jaccard.max(y.containment))
                .total_cmp(&x.jaccard.max(x.containment))
                .then(x.a.cmp(&y.a))
        });

        self.index_doc(new, &fp.band_keys, &fp.sentences, fp.shingles > 0);
        self.docs.push(DocRec {
            member,
            shingles: fp.shingles,
            sig: fp.sig,
            sentences: fp.sentences,
        });
        self.parent.push(new);
        for m in &matches {
            self.union(m.a, m.b);
            tracing::trace!(
                a = m.a,
                b = m.b,
                jaccard = m.jaccard,
                containment = m.containment,
                "duplicate pair"
            );
        }
        self.pairs.extend(matches.iter().cloned());
        AddOutcome {
            index: new,
            matches,
            lsh_candidates: n_lsh,
            sentence_candidates: n_sent,
        }
    }

    /// A document without words gets no LSH entry (all empty texts would collide).
    fn index_doc(&mut self, i: u32, keys: &[u32], sentences: &[u32], has_words: bool) {
        for (b, key) in keys.iter().enumerate() {
            let prev = if has_words {
                self.index.heads[b].insert(*key, i)
            } else {
                None
            };
            self.index.next[b].push(prev.unwrap_or(NONE));
        }
        if self.config.verify {
            for s in sentences {
                if self.index.sentence_first.contains_key(s) {
                    let m = self.index.sentence_more.entry(*s).or_default();
                    // At the cap the fingerprint is boilerplate for good; stop growing.
                    if m.len() < tables::SENTENCE_POSTINGS_CAP {
                        m.push(i);
                    }
                } else {
                    self.index.sentence_first.insert(*s, i);
                }
            }
        }
    }

    fn find(&self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            i = self.parent[i as usize];
        }
        i
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index becomes the root: roots are stable and depth stays small
            // because a new document always joins an existing tree.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi as usize] = lo;
        }
        // Path compression for the two walked paths.
        let root = self.find(a);
        for mut x in [a, b] {
            while self.parent[x as usize] != root {
                let nx = self.parent[x as usize];
                self.parent[x as usize] = root;
                x = nx;
            }
        }
    }

    /// Accepted pairs, in the order they were found.
    pub fn pairs(&self) -> &[DupPair] {
        &self.pairs
    }

    /// The remembered metadata of article `index`.
    pub fn member(&self, index: u32) -> Option<&DupMember> {
        self.docs.get(index as usize).map(|d| &d.member)
    }

    /// The canonical member (first publisher) of the group holding `index`;
    /// `None` when the article has no copies (or is itself canonical).
    pub fn canonical_of(&self, index: u32) -> Option<u32> {
        let root = self.find(index);
        let mut best: Option<u32> = None;
        // Groups are small; scan members of the root's component lazily.
        for (i, _) in self.docs.iter().enumerate() {
            let i = i as u32;
            let better = match best {
                None => true,
                Some(b) => self.earlier(i, b),
            };
            if self.find(i) == root && better {
                best = Some(i);
            }
        }
        best.filter(|&b| b != index)
    }

    /// Whether article `a` was published before `b` (undated after dated; ties by input order).
    fn earlier(&self, a: u32, b: u32) -> bool {
        let key = |i: u32| {
            let p = self.docs[i as usize].member.published;
            (p.is_none(), p.unwrap_or(0), i)
        };
        key(a) < key(b)
    }

    /// Canonical index of every article (itself when alone or canonical).
    pub fn canonical_map(&self) -> Vec<u32> {
        let n = self.docs.len();
        let roots: Vec<u32> = (0..n as u32).map(|i| self.find(i)).collect();
        let mut best: Vec<u32> = (0..n as u32).collect();
        for i in 0..n as u32 {
            let r = roots[i as usize] as usize;
            if self.earlier(i, best[r]) {
                best[r] = i;
            }
        }
        roots.iter().map(|&r| best[r as usize]).collect()
    }

    /// Duplicate groups (two or more members), ordered by their canonical member's index.
    pub fn groups(&self) -> Vec<DupGroup> {
        let canon = self.canonical_map();
        let mut by_canon: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
        for (i, &c) in canon.iter().enumerate() {
            if i as u32 != c {
                by_canon.entry(c).or_default().push(i as u32);
            }
        }
        by_canon
            .into_iter()
            .map(|(c, members)| {
                let cdoc = &self.docs[c as usize];
                let copies = members
                    .into_iter()
                    .map(|m| {
                        let doc = &self.docs[m as usize];
                        let jaccard = minhash::estimate_jaccard(&doc.sig, &cdoc.sig);
                        let shared = shared_count(&doc.sentences, &cdoc.sentences);
                        let containment = if doc.sentences.is_empty() {
                            0.0
                        } else {
                            shared as f64 / doc.sentences.len() as f64
                        };
                        let kind = if jaccard >= self.config.threshold {
                            MatchKind::NearDuplicate
                        } else if shared >= self.config.min_shared_sentences
                            && containment_of_smaller(&doc.sentences, &cdoc.sentences)
                                >= self.config.containment
                        {
                            MatchKind::Contained
                        } else {
                            MatchKind::Transitive
                        };
                        DupCopy {
                            member: doc.member.clone(),
                            copy_of: cdoc.member.id.clone(),
                            jaccard: jaccard as f32,
                            containment: containment as f32,
                            kind,
                        }
                    })
                    .collect();
                DupGroup {
                    canonical: cdoc.member.clone(),
                    copies,
                }
            })
            .collect()
    }

    /// Approximate heap bytes held (documents, signatures, indexes).
    pub fn approx_heap_bytes(&self) -> usize {
        let docs: usize = self
            .docs
            .iter()
            .map(|d| {
                std::mem::size_of::<DocRec>()
                    + d.sig.len() * 2
                    + d.sentences.len() * 4
                    + d.member.path.len()
                    + d.member.source.len()
                    + ArticleId::HEX_LEN
            })
            .sum();
        let heads: usize = self.index.heads.iter().map(|h| h.capacity() * 9).sum();
        let next: usize = self.index.next.iter().map(|v| v.capacity() * 4).sum();
        let sents = self.index.sentence_first.capacity() * 9
            + self
                .index
                .sentence_more
                .values()
                .map(|v| v.capacity() * 4 + 29)
                .sum::<usize>();
        docs + heads
            + next
            + sents
            + self.pairs.capacity() * std::mem::size_of::<DupPair>()
            + self.parent.capacity() * 4
    }
}

/// Per-thread buffers of [`fingerprint_with`], reused across documents: at
/// tens of thousands of documents a second the allocator would otherwise be a
/// visible share of the time.
#[derive(Default)]
struct Scratch {
    words: Vec<u64>,
    shingles: Vec<u64>,
    full: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

fn fingerprint_with(
    hasher: &MinHasher,
    cfg: &DedupConfig,
    bands: usize,
    rows: usize,
    text: &str,
) -> Fingerprint {
    SCRATCH.with(|cell| {
        let mut scratch = cell.borrow_mut();
        let Scratch {
            words,
            shingles,
            full,
        } = &mut *scratch;
        words.clear();
        let mut sentences: Vec<u32> = Vec::new();
        let mut sent_start = 0usize;
        tokens::scan(text, |e| match e {
            Event::Word { word, .. } => words.push(hash_bytes(word.as_bytes())),
            Event::SentenceEnd => {
                let s = &words[sent_start..];
                if cfg.verify && s.len() >= tables::MIN_SENTENCE_WORDS {
                    sentences
                        .push((mix64(s.iter().fold(0x51u64, |h, &w| combine(h, w))) >> 32) as u32);
                }
                sent_start = words.len();
            }
        });
        sentences.sort_unstable();
        sentences.dedup();
        minhash::shingles(words, cfg.shingle_words, shingles);
        hasher.signature(shingles, full);
        let sig = minhash::compact(full);
        let mut keys = Vec::with_capacity(bands);
        minhash::band_keys(&sig, bands, rows, &mut keys);
        Fingerprint {
            band_keys: keys,
            sig,
            sentences: sentences.into_boxed_slice(),
            shingles: shingles.len() as u32,
        }
    })
}

/// Number of ids two sorted lists share.
pub(crate) fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Shared sentences over the sentences of the smaller of the two texts.
fn containment_of_smaller(a: &[u32], b: &[u32]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    shared_count(a, b) as f64 / small as f64
}

/// Batch near-duplicate detection: the same groups as adding `articles` one by
/// one in order, with fingerprints computed on all cores.
pub fn dedup(articles: &[Article], config: &DedupConfig) -> Result<Vec<DupGroup>, DedupError> {
    Ok(dedup_index(articles, config)?.groups())
}

/// Batch build of a [`Deduper`] (fingerprints in parallel, insertion in order).
pub fn dedup_index(articles: &[Article], config: &DedupConfig) -> Result<Deduper, DedupError> {
    let mut d = Deduper::new(config.clone())?;
    let fps = {
        let hasher = d.hasher.as_ref().expect("hasher");
        let (bands, rows) = (d.bands, d.rows);
        crate::parallel_map(articles, |a| {
            fingerprint_with(hasher, config, bands, rows, &a.text)
        })
    };
    for (a, fp) in articles.iter().zip(fps) {
        d.add_fingerprint(a, fp);
    }
    Ok(d)
}
