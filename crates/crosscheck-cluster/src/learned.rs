//! The story clusterer's pair models ([`crate::model`]), learned, not hand-set.
//!
//! Data: ECB+ (Cybulska & Vossen 2014) as in `../shared/bench/stories-ecbplus`: 772 documents, 66 events, 33 topics
//! (every topic holds two different events of one kind; the standard test topics 36-45 are not in it).
//! Learned by logistic regression on teacher-forced (article, candidate story) pairs, the join threshold by
//! B-cubed F1 of clustering the same topics; the bias is shifted so the threshold is `tables::JOIN_PROBABILITY`.
//! Regenerate: `crosscheck bench learn-cluster --corpus ../shared/bench/stories-ecbplus --folds 3 --write crates/crosscheck-cluster/src/learned.rs` (with the model installed; run from the repository root).
//!
//! lexical: in-sample event B-cubed F1 0.860 (P 0.927 R 0.801); 3-fold by topic, held out: F1 0.863 (P 0.846 R 0.881); threshold 0.300.
//! with embeddings (all-MiniLM-L6-v2): in-sample event B-cubed F1 0.879 (P 0.865 R 0.893); 3-fold by topic, held out: F1 0.866 (P 0.856 R 0.877); threshold 0.200.

use crate::model::PairModel;

/// Articles without a sentence embedding.
/// Features: bias, tfidf_cosine, names_known, names_share, embedding_known, embedding_cosine, people_known, people_share, places_known, places_share, years_known, years_share, numbers_known, numbers_share, key_person_known, key_person_match, core_people_known, core_people_named.
pub const LEXICAL: PairModel = PairModel {
    weights: [
        -3.3606, // bias
        10.6658, // tfidf_cosine
        -0.9340, // names_known
        3.4535, // names_share
        0.0000, // embedding_known
        0.0000, // embedding_cosine
        -0.2176, // people_known
        0.8176, // people_share
        -0.0573, // places_known
        0.5156, // places_share
        -0.1799, // years_known
        1.4090, // years_share
        -0.5078, // numbers_known
        1.2026, // numbers_share
        -0.3933, // key_person_known
        1.0805, // key_person_match
        -0.3933, // core_people_known
        1.8184, // core_people_named
    ],
};

/// Articles with a sentence embedding.
/// Features: bias, tfidf_cosine, names_known, names_share, embedding_known, embedding_cosine, people_known, people_share, places_known, places_share, years_known, years_share, numbers_known, numbers_share, key_person_known, key_person_match, core_people_known, core_people_named.
pub const WITH_EMBEDDING: PairModel = PairModel {
    weights: [
        -4.3649, // bias
        5.6418, // tfidf_cosine
        -1.2108, // names_known
        2.7040, // names_share
        -0.0001, // embedding_known
        5.7269, // embedding_cosine
        -0.4334, // people_known
        0.9323, // people_share
        -0.1017, // places_known
        0.2383, // places_share
        -0.0889, // years_known
        1.4790, // years_share
        -0.7825, // numbers_known
        1.1539, // numbers_share
        -0.2629, // key_person_known
        0.7472, // key_person_match
        -0.2629, // core_people_known
        1.5052, // core_people_named
    ],
};
