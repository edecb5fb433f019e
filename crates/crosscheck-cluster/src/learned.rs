//! The story clusterer's pair models ([`crate::model`]), learned, not hand-set.
//!
//! Data: ECB+ (Cybulska & Vossen 2014) as in `../shared/bench/stories-ecbplus`: 772 documents, 66 events, 33 topics
//! (every topic holds two different events of one kind; the standard test topics 36-45 are not in it).
//! Learned by logistic regression on teacher-forced (article, candidate story) pairs, the join threshold by
//! B-cubed F1 of clustering the same topics; the bias is shifted so the threshold is `tables::JOIN_PROBABILITY`.
//! The two-pass settings (`PARTITION_*`, [`crate::partition`]): logistic regression on the member pairs of the
//! coverage groups the streaming pass makes on the same documents, labelled by gold event; group threshold and
//! pair threshold by B-cubed F1 of clustering them (grid), the pair model's bias shifted to put its threshold at 0.5.
//! Regenerate: `crosscheck bench learn-cluster --corpus ../shared/bench/stories-ecbplus --folds 3 --write crates/crosscheck-cluster/src/learned.rs`.
//!
//! lexical: in-sample event B-cubed F1 0.869 (P 0.922 R 0.821); 3-fold by topic, held out: F1 0.863 (P 0.882 R 0.845); threshold 0.300.
//! with embeddings (all-MiniLM-L6-v2): in-sample event B-cubed F1 0.880 (P 0.865 R 0.896); 3-fold by topic, held out: F1 0.869 (P 0.860 R 0.878); threshold 0.200.

use crate::model::PairModel;

/// Articles without a sentence embedding.
/// Features: bias, tfidf_cosine, names_known, names_share, embedding_known, embedding_cosine, people_known, people_share, places_known, places_share, years_known, years_share, numbers_known, numbers_share, key_person_known, key_person_match, core_people_known, core_people_named.
pub const LEXICAL: PairModel = PairModel {
    weights: [
        -3.3755, // bias
        10.7398, // tfidf_cosine
        -0.9628, // names_known
        3.4631, // names_share
        0.0000, // embedding_known
        0.0000, // embedding_cosine
        -0.1692, // people_known
        0.7760, // people_share
        0.0232, // places_known
        0.5314, // places_share
        -0.1883, // years_known
        1.3742, // years_share
        -0.6536, // numbers_known
        1.3347, // numbers_share
        -0.3764, // key_person_known
        1.0803, // key_person_match
        -0.3764, // core_people_known
        1.8220, // core_people_named
    ],
};

/// Articles with a sentence embedding.
/// Features: bias, tfidf_cosine, names_known, names_share, embedding_known, embedding_cosine, people_known, people_share, places_known, places_share, years_known, years_share, numbers_known, numbers_share, key_person_known, key_person_match, core_people_known, core_people_named.
pub const WITH_EMBEDDING: PairModel = PairModel {
    weights: [
        -4.4382, // bias
        5.6894, // tfidf_cosine
        -1.2538, // names_known
        2.7625, // names_share
        -0.0001, // embedding_known
        5.7608, // embedding_cosine
        -0.3980, // people_known
        0.8839, // people_share
        0.0652, // places_known
        0.1904, // places_share
        -0.1031, // years_known
        1.4545, // years_share
        -0.9513, // numbers_known
        1.3399, // numbers_share
        -0.2423, // key_person_known
        0.7463, // key_person_match
        -0.2423, // core_people_known
        1.5015, // core_people_named
    ],
};

// ---------------------------------------------------------------- two-pass clustering

use crate::partition::PartModel;
use crate::story::Partitioning;

/// Two-pass clustering of articles without a sentence embedding: the streaming pass's group threshold and the member-pair model.
/// Learned: in-sample event B-cubed F1 0.916 (P 0.920 R 0.912); 3-fold by topic, held out: F1 0.903 (P 0.941 R 0.868);
/// 7022 member pairs (4370 same event), pair threshold 0.450 before the bias shift.
/// Pair features: bias, local_cosine, relative_min, relative_max, names_known, names_local_cosine, names_relative_min, years_known, years_share, numbers_known, numbers_share, embedding_known, embedding_cosine, embedding_relative_min.
pub const PARTITION_LEXICAL: Partitioning = Partitioning {
    group_threshold: 0.110,
    model: PartModel {
        weights: [
            -2.2938, // bias
            -0.8293, // local_cosine
            1.1451, // relative_min
            3.3788, // relative_max
            0.9642, // names_known
            4.7575, // names_local_cosine
            1.6612, // names_relative_min
            -0.2724, // years_known
            1.1786, // years_share
            -0.8353, // numbers_known
            1.9425, // numbers_share
            0.0000, // embedding_known
            0.0000, // embedding_cosine
            0.0000, // embedding_relative_min
        ],
    },
};

/// The same for articles with a sentence embedding.
/// Learned: in-sample event B-cubed F1 0.930 (P 0.918 R 0.941); 3-fold by topic, held out: F1 0.909 (P 0.941 R 0.879);
/// 6930 member pairs (4405 same event), pair threshold 0.450 before the bias shift.
/// Pair features: bias, local_cosine, relative_min, relative_max, names_known, names_local_cosine, names_relative_min, years_known, years_share, numbers_known, numbers_share, embedding_known, embedding_cosine, embedding_relative_min.
pub const PARTITION_WITH_EMBEDDING: Partitioning = Partitioning {
    group_threshold: 0.110,
    model: PartModel {
        weights: [
            -4.4678, // bias
            -0.3443, // local_cosine
            -0.4627, // relative_min
            3.0085, // relative_max
            -0.0180, // names_known
            4.5115, // names_local_cosine
            1.0525, // names_relative_min
            0.1638, // years_known
            1.1185, // years_share
            -1.6276, // numbers_known
            1.9611, // numbers_share
            -0.0000, // embedding_known
            -2.1132, // embedding_cosine
            7.6123, // embedding_relative_min
        ],
    },
};
