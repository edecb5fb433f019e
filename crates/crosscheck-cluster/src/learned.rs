//! The story clusterer's pair models ([`crate::model`]), learned, not hand-set.
//!
//! Data: ECB+ (Cybulska & Vossen 2014) as in `../shared/bench/stories-ecbplus`: 772 documents, 66 events, 33 topics
//! (every topic holds two different events of one kind; the standard test topics 36-45 are not in it).
//! Learned by logistic regression on teacher-forced (article, candidate story) pairs, the join threshold by
//! B-cubed F1 of clustering the same topics; the bias is shifted so the threshold is `tables::JOIN_PROBABILITY`.
//! Regenerate: `crosscheck bench learn-cluster --corpus ../shared/bench/stories-ecbplus --folds 3 --write crates/crosscheck-cluster/src/learned.rs`.
//!
//! lexical: in-sample event B-cubed F1 0.855 (P 0.818 R 0.895); 3-fold by topic, held out: F1 0.840 (P 0.824 R 0.856); threshold 0.125.

use crate::model::PairModel;

/// Articles without a sentence embedding.
/// Features: bias, tfidf_cosine, names_known, names_share, embedding_known, embedding_cosine, people_known, people_share, places_known, places_share, years_known, years_share, numbers_known, numbers_share.
pub const LEXICAL: PairModel = PairModel {
    weights: [
        -2.4390, // bias
        11.2623, // tfidf_cosine
        -1.0186, // names_known
        3.4530, // names_share
        0.0000, // embedding_known
        0.0000, // embedding_cosine
        -0.4889, // people_known
        2.1969, // people_share
        -0.0896, // places_known
        0.4816, // places_share
        -0.1438, // years_known
        1.4623, // years_share
        -0.3345, // numbers_known
        1.0665, // numbers_share
        0.0, 0.0, 0.0, 0.0, // new features (regenerate)
    ],
};

/// Articles with a sentence embedding (kept: this run had no model).
/// Features: bias, tfidf_cosine, names_known, names_share, embedding_known, embedding_cosine, people_known, people_share, places_known, places_share, years_known, years_share, numbers_known, numbers_share.
pub const WITH_EMBEDDING: PairModel = PairModel {
    weights: [
        -3.0000, // bias
        6.0000, // tfidf_cosine
        0.0000, // names_known
        2.0000, // names_share
        -2.0000, // embedding_known
        4.0000, // embedding_cosine
        0.0000, // people_known
        0.0000, // people_share
        0.0000, // places_known
        0.0000, // places_share
        0.0000, // years_known
        0.0000, // years_share
        0.0000, // numbers_known
        0.0000, // numbers_share
        0.0, 0.0, 0.0, 0.0, // new features (regenerate)
    ],
};
