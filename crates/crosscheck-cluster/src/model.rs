//! How the signals of an article and a story combine into "same event": a
//! logistic model over pair features, its weights learned on labelled news
//! ([`crate::learned`], written by `crosscheck bench learn-cluster`).
//!
//! Every optional signal enters as two features, "known" (1 when both the
//! article and the story have it) and its value times "known": a signal
//! missing on either side adds nothing, so missing stays neutral, while a
//! signal that is known and disagrees (two different people, two different
//! years) can count against the pair, which a weighted mean of similarities
//! cannot express.

use serde::{Deserialize, Serialize};

/// Number of pair features (bias included).
pub const PAIR_FEATURES: usize = 18;

/// Names of the pair features, in order (printed by the learner and the table).
pub const FEATURE_NAMES: [&str; PAIR_FEATURES] = [
    "bias",
    "tfidf_cosine",
    "names_known",
    "names_share",
    "embedding_known",
    "embedding_cosine",
    "people_known",
    "people_share",
    "places_known",
    "places_share",
    "years_known",
    "years_share",
    "numbers_known",
    "numbers_share",
    "key_person_known",
    "key_person_match",
    "core_people_known",
    "core_people_named",
];

/// The features of one (article, story) pair.
pub type PairVector = [f32; PAIR_FEATURES];

/// The signals of one pair before encoding; `None` is unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PairSignals {
    pub tfidf_cosine: f32,
    /// Share of the article's capitalised names the story holds.
    pub names: Option<f32>,
    pub embedding_cosine: Option<f32>,
    pub people: Option<f32>,
    pub places: Option<f32>,
    pub years: Option<f32>,
    pub numbers: Option<f32>,
    /// Whether the article's key participant is one of the story's core people.
    pub key_person: Option<f32>,
    /// Share of the story's core people the article names.
    pub core_people: Option<f32>,
}

impl PairSignals {
    pub fn vector(&self) -> PairVector {
        let mut x = [0.0; PAIR_FEATURES];
        x[0] = 1.0;
        x[1] = self.tfidf_cosine;
        let mut put = |i: usize, v: Option<f32>| {
            if let Some(v) = v {
                x[i] = 1.0;
                x[i + 1] = v;
            }
        };
        put(2, self.names);
        put(4, self.embedding_cosine);
        put(6, self.people);
        put(8, self.places);
        put(10, self.years);
        put(12, self.numbers);
        put(14, self.key_person);
        put(16, self.core_people);
        x
    }
}

/// A logistic model of "this article reports this story's event". The bias is
/// shifted so that probability 0.5 is the learned join threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PairModel {
    pub weights: PairVector,
}

impl PairModel {
    pub fn logit(&self, x: &PairVector) -> f32 {
        self.weights.iter().zip(x).map(|(w, v)| w * v).sum()
    }

    /// Probability that the pair is one event.
    pub fn probability(&self, x: &PairVector) -> f32 {
        1.0 / (1.0 + (-self.logit(x)).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_signals_add_nothing() {
        let mut w = [0.0; PAIR_FEATURES];
        w[6] = -2.0;
        w[7] = 4.0;
        let m = PairModel { weights: w };
        let unknown = PairSignals { people: None, ..Default::default() }.vector();
        let disagree = PairSignals { people: Some(0.0), ..Default::default() }.vector();
        let agree = PairSignals { people: Some(1.0), ..Default::default() }.vector();
        assert_eq!(m.logit(&unknown), 0.0);
        assert!(m.logit(&disagree) < 0.0);
        assert!(m.logit(&agree) > 0.0);
    }
}
