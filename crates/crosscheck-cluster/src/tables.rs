//! Every tunable constant of the crate, apart from the algorithms that use them.
//!
//! The values were chosen on the synthetic benchmarks (`crosscheck bench dedup`,
//! `crosscheck bench cluster`) and on the hand-written story fixtures; none is
//! specific to one story.

// ---------------------------------------------------------------- near-duplicates

/// Default Jaccard threshold of the shingle sets for "near-duplicate".
pub const DEFAULT_JACCARD: f64 = 0.8;
/// Default number of MinHash permutations (as datasketch's `num_perm`).
pub const DEFAULT_NUM_PERM: usize = 128;
/// Words per shingle. Five words make chance overlaps between different texts on
/// the same topic rare while one edited word only removes five shingles.
pub const SHINGLE_WORDS: usize = 5;
/// Weights of false positives and false negatives in the LSH band/row search
/// (the same objective and defaults as datasketch's `_optimal_param`).
pub const LSH_FALSE_POSITIVE_WEIGHT: f64 = 0.5;
pub const LSH_FALSE_NEGATIVE_WEIGHT: f64 = 0.5;
/// Sentences shorter than this many words are not fingerprinted: "Read more."
/// or a bare dateline would make unrelated articles look contained in each other.
pub const MIN_SENTENCE_WORDS: usize = 6;
/// A sentence fingerprint seen in more documents than this is boilerplate
/// (newsletter pitch, copyright line); it stops collecting candidates.
pub const SENTENCE_POSTINGS_CAP: usize = 64;
/// Share of the smaller document's sentences that must appear verbatim (in match
/// form) in the other for it to count as a trimmed or lightly edited copy.
pub const DEFAULT_CONTAINMENT: f64 = 0.7;
/// At least this many shared sentences, so that two short notes sharing one
/// stock sentence are not called copies.
pub const MIN_SHARED_SENTENCES: usize = 3;
/// Seed of the MinHash permutations; fixed so signatures are comparable across runs.
pub const MINHASH_SEED: u64 = 0x5eed_c1a5_7e2d_0001;

// ---------------------------------------------------------------- stories

/// Minimum combined score for an article to join an existing story (the
/// weighted-mean scorer, used unless [`crate::story::StoryConfig::event_signals`] is on).
pub const STORY_THRESHOLD: f32 = 0.22;
/// Weights of the two content signals (weighted mean).
pub const WEIGHT_TFIDF: f32 = 0.60;
pub const WEIGHT_ENTITIES: f32 = 0.25;
/// Weight of the sentence-embedding signal, when a model is given (it joins
/// the weighted mean; without a model it is left out, as a missing signal is).
pub const WEIGHT_EMBEDDING: f32 = 0.35;
/// Embedding cosine at or below which two leads are taken to share no story;
/// the signal counts `(cos − floor) / (1 − floor)`, so the closeness texts of
/// one theme share does not lift the mean. On the labelled corpus
/// (all-MiniLM-L6-v2, title and lead): leads of different stories median
/// 0.09, p99 0.47, max 0.55 (two stories of one theme: drones over Poland and
/// NATO's answer to hybrid attacks); leads of one story min 0.42, p10 0.59,
/// median 0.74. At 0.4 the corpus's B-cubed F1 is 1.000 (0.3: 1.000, 0.5:
/// 0.988; without embeddings 0.984); the floor sits near the p99 of
/// different stories, so a same-theme neighbour adds little.
pub const EMBEDDING_FLOOR: f32 = 0.4;
/// Join probability of the pair models ([`crate::model`], weights in
/// [`crate::learned`]): the learner shifts each model's bias so that its
/// learned threshold sits here.
pub const JOIN_PROBABILITY: f32 = 0.5;
/// Ids of each event signal kept per article ([`crate::signals`]).
pub const ARTICLE_SIGNAL_IDS: usize = 32;
/// Share of a story's members that must name a person for it to be one of the
/// story's core participants ([`crate::signals::core`]).
pub const CORE_SHARE: f32 = 0.5;
/// Ids of each event signal kept per story (the most often named).
pub const STORY_SIGNAL_IDS: usize = 32;
/// Articles embedded at once in batch clustering (bounds the memory of one call).
pub const EMBEDDING_BATCH: usize = 256;
/// Bytes of an article (title aside) read for its embedding: the lead, about
/// 150 word pieces. The encoder's cost grows with the tokens it reads (up to
/// 256); the lead says what a story is about, and the other signals read the
/// whole text. Measured on the labelled corpus: the same stories as at 256
/// tokens, at twice the speed (`crosscheck bench cluster`, `bench embed`).
pub const EMBEDDING_TEXT_BYTES: usize = 700;
/// Largest share of the content score the time distance can take away (for
/// coverage far outside the story's time range). Time mostly separates
/// recurring events told in similar words.
pub const WEIGHT_TIME: f32 = 0.5;
/// Decay scale of the time signal in days: `exp(-|Δt| / scale)`.
pub const TIME_SCALE_DAYS: f64 = 3.0;
/// A story not updated for this many days (relative to the article's date) is
/// no longer a candidate. Undated articles ignore this window.
pub const STORY_WINDOW_DAYS: f64 = 14.0;
/// Two stories an article scores above the threshold with are merged when
/// their own centroids are at least this similar (TF-IDF cosine).
pub const MERGE_CENTROID_COSINE: f32 = 0.5;
/// Terms of the title count this many times (headlines are dense in topic words).
pub const TITLE_TERM_WEIGHT: f32 = 2.0;
/// Terms of an article used to look up candidate stories in the inverted index.
pub const QUERY_TERMS: usize = 20;
/// Candidate stories scored in full per article (the ones sharing most query terms).
pub const MAX_CANDIDATES: usize = 24;
/// Terms kept per story centroid (by weight); bounds memory per story.
pub const CENTROID_TERMS: usize = 64;
/// Entities kept per story.
pub const STORY_ENTITIES: usize = 32;
/// Most recent stories kept per term in the inverted index.
pub const POSTINGS_PER_TERM: usize = 64;
/// Query terms whose document frequency exceeds this share of all articles are
/// too common to find candidates with.
pub const MAX_QUERY_DF_SHARE: f32 = 0.2;
/// Articles shorter than this many content words do not open stories with
/// confidence; they still join or open one (reported as is).
pub const MIN_TERMS: usize = 3;

/// Words left out of the TF-IDF vectors and of capitalised-entity sequences
/// besides the lexicon's stopwords, title abbreviations and weekday names
/// (`crosscheck_lexicon`): news words every story prints, which say nothing
/// about which story an article belongs to ("new", "two", "per cent", "last
/// year", "told").
pub const STORY_NEUTRAL_WORDS: &[&str] = &["cent", "first", "last", "new", "per", "percent", "told", "two", "year", "years"];

// ---------------------------------------------------------------- storylines

/// Core people two stories must share to be one storyline (one suffices with a shared core place).
pub const STORYLINE_SHARED_PEOPLE: usize = 2;
/// Dated stories further apart than this are different storylines (a developing
/// story's events follow each other within weeks; a recurring kind of event recurs after months or years).
pub const STORYLINE_WINDOW_DAYS: f64 = 45.0;
/// Centroid TF-IDF cosine below which two stories share too little wording to be one storyline.
pub const STORYLINE_MIN_COSINE: f32 = 0.1;
/// A core name shared by more stories than this links none of them (heads of
/// state, team names: they appear in many unrelated events).
pub const STORYLINE_MAX_STORIES_PER_PERSON: usize = 50;

// ---------------------------------------------------------------- events inside coverage groups

/// Members of a coverage group re-partitioned when it changes (the most
/// recent); older members keep their event. Bounds the work per article
/// (pairs grow with its square).
pub const PARTITION_WINDOW: usize = 48;
/// Exponent of the local IDF in a member's term weights ([`crate::partition`]):
/// 0 ignores the group, 1 weighs rarity in the group as much as in the collection.
/// Chosen on the ECB+ development split (`bench learn-cluster --folds 3`, lexical,
/// held-out event B-cubed F1): 0.903 at 0.5, 0.887 at 1.0.
pub const LOCAL_IDF_EXPONENT: f32 = 0.5;
/// Terms kept per member for re-partitioning (the strongest by TF-IDF).
pub const MEMBER_TERMS: usize = 32;
/// Name words kept per member (the rarest).
pub const MEMBER_NAMES: usize = 16;
