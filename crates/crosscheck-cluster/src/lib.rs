//! # crosscheck-cluster
//!
//! Grouping articles two ways:
//! * [`dedup`]: **near-duplicates** — copies of one text (syndicated wire copy,
//!   trimmed or re-led republications). Word-shingle MinHash with LSH banding,
//!   verified by exact sentence containment. A group has one canonical member,
//!   its first publisher; later stages count a group as one source.
//! * [`storyline`]: **storylines** — the events (stories) of one developing
//!   story, linked by shared core participants and places close in time.
//! * [`story`]: **stories** — articles about one event, clustered as they
//!   arrive (Miranda et al. 2018): TF-IDF cosine with an incremental IDF, shared
//!   capitalised names, publication-time distance, and the cosine of sentence
//!   embeddings when a [`crosscheck_core::SentenceEncoder`] is given; optionally
//!   ([`story::StoryConfig::event_signals`]) who/where/when/what from the
//!   extraction layers ([`signals`]) combined by a learned pair model
//!   ([`model`], [`learned`]); optionally in two passes
//!   ([`story::StoryConfig::partition`], [`partition`]): streaming coverage
//!   groups re-partitioned into events by average linkage over words weighted
//!   by their rarity inside the group. Story ids are stable and the whole state
//!   serialises with serde.
//!
//! The benchmarks (`crosscheck bench dedup|cluster`), their corpus generators
//! and clustering metrics live in `crosscheck-bench`, outside this library.
//!
//! ```
//! use crosscheck_cluster::{dedup::{Deduper, DedupConfig}, story::{StoryClusterer, StoryConfig}};
//! let mut d = Deduper::new(DedupConfig::default()).unwrap();
//! let mut s = StoryClusterer::new(StoryConfig::default()).unwrap();
//! # let _ = (&mut d, &mut s);
//! ```

pub mod dedup;
pub mod features;
pub mod learned;
pub mod minhash;
pub mod model;
pub mod partition;
pub mod signals;
pub mod story;
pub mod storyline;
pub mod tables;
pub mod tokens;

pub use dedup::{dedup, DedupConfig, DedupError, Deduper, DupCopy, DupGroup, DupMember, MatchKind};
pub use storyline::StorylineView;
pub use story::{cluster, embed_articles, Prepared, StoryArticle, StoryClusterer, StoryConfig, StoryEvent, StoryView};

/// Map `f` over `items` on the available cores (at most 8 threads), keeping order.
/// Used for the pure per-article work (fingerprints, features) of batch modes.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || items.len() < 64 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|sc| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let f = &f;
                sc.spawn(move || part.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker panicked"))
            .collect()
    })
}
