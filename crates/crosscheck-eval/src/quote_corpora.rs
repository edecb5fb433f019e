//! The quote-attribution corpora: PolNeAR (English political news) and SpkAtt
//! (GermEval 2023, German news), in the gold formats of
//! `shared/bench/quotes-polnear` and `shared/bench/quotes-spkatt-de`, and their
//! scorer's rules (the `score.py` beside each; its README):
//!
//! - gold units are direct quotes only (PolNeAR: `direct`; SpkAtt: `form ==
//!   "Direct"`), or every attribution with `all`;
//! - a prediction matches the unmatched gold unit with the highest token-overlap
//!   F1 (lower-case word tokens, quotation marks ignored; ties go to the later
//!   unit, as the reference scorer's `max` does) if that F1 is at least 0.5;
//! - speaker accuracy is over matched quotes whose gold source has a token that
//!   is not a stopword or pronoun: right when the predicted speaker shares such a
//!   token with it; "named" restricts that to gold sources with a capitalised word.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::{EvalError, GoldReader};

/// Words the scorer ignores when comparing a speaker with a gold source (articles,
/// conjunctions, third-person pronouns of English and German): the reference
/// scorer's list, so the figures agree with it.
const SCORER_STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "von", "he", "she", "they",
    "it", "er", "sie", "es", "his", "her", "their", "sein", "ihr",
];

/// Minimum token-overlap F1 for a predicted quote to match a gold one.
const MATCH_F1: f64 = 0.5;

/// One gold attribution: what was said (as printed) and by whom (as printed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldAttribution {
    pub content: String,
    pub source: String,
    /// Direct speech (the content holds quotation marks).
    pub direct: bool,
    /// Character offsets of the source in the document, where the corpus gives them.
    pub source_spans: Vec<(usize, usize)>,
}

/// A quote corpus's gold: document stem → attributions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteCorpusGold {
    /// `"polnear"` or `"spkatt"`.
    pub format: &'static str,
    pub documents: BTreeMap<String, Vec<GoldAttribution>>,
}

impl QuoteCorpusGold {
    /// Whether a gold direct unit is the quoted words alone (SpkAtt: a `Direct`
    /// message is the text between the marks) rather than the attributed
    /// statement around them (PolNeAR: the content span of an attribution
    /// that holds quotation marks, "that the plan was “dead on arrival”").
    /// A prediction is compared in the same unit: the quote record's `quote`
    /// or its `content`.
    pub fn units_are_quoted_words(&self) -> bool {
        self.format == "spkatt"
    }

    /// The prediction a quote record makes in this corpus's unit, or `None`
    /// when the corpus does not count it. A corpus whose unit is the attributed
    /// statement (PolNeAR) counts a reported clause that holds a term in marks
    /// ("praised him as a “strong leader”"), as its clause; one whose unit is
    /// the quoted words (SpkAtt) counts no term. The speaker is the resolved
    /// name, followed by the words printed next to the quotation when they
    /// differ ("Barack Obama (the president)") unless `resolved_only`: the
    /// corpora's gold sources are the printed mention, without coreference.
    pub fn prediction(&self, r: &crosscheck_extract::QuoteRecord, resolved_only: bool) -> Option<PredictedQuote> {
        let quoted_words = self.units_are_quoted_words();
        if r.scare_quote && (quoted_words || !r.in_reported_clause || r.speaker.is_none()) {
            return None;
        }
        let speaker = match (&r.speaker, &r.speaker_as_printed) {
            (Some(name), Some(printed)) if !resolved_only && !name.contains(printed.as_str()) => Some(format!("{name} ({printed})")),
            (name, _) => name.clone(),
        };
        Some(PredictedQuote { quote: if quoted_words { r.quote.clone() } else { r.content.clone() }, speaker })
    }
}

/// Reads either corpus's gold file, telling them apart by shape.
pub struct QuoteCorpusReader;

#[derive(Deserialize)]
struct PolnearDoc {
    attributions: Vec<PolnearAttribution>,
}

#[derive(Deserialize)]
struct PolnearAttribution {
    content: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    source_spans: Vec<(usize, usize)>,
    direct: bool,
}

#[derive(Deserialize)]
struct SpkattItem {
    message: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    source_span: Option<(usize, usize)>,
    form: String,
}

impl GoldReader for QuoteCorpusReader {
    type Gold = QuoteCorpusGold;

    fn format(&self) -> &'static str {
        "quote corpus (PolNeAR or SpkAtt)"
    }

    fn read(&self, text: &str) -> Result<QuoteCorpusGold, EvalError> {
        let raw: BTreeMap<String, serde_json::Value> = serde_json::from_str(text).map_err(|e| EvalError::Gold(self.format(), e.to_string()))?;
        let mut gold = QuoteCorpusGold::default();
        for (stem, v) in raw {
            let units = if v.get("attributions").is_some() {
                gold.format = "polnear";
                let d: PolnearDoc = serde_json::from_value(v).map_err(|e| EvalError::Gold("polnear", format!("{stem}: {e}")))?;
                d.attributions
                    .into_iter()
                    .map(|a| GoldAttribution { content: a.content, source: a.source.unwrap_or_default(), direct: a.direct, source_spans: a.source_spans })
                    .collect()
            } else if v.is_array() {
                gold.format = "spkatt";
                let items: Vec<SpkattItem> = serde_json::from_value(v).map_err(|e| EvalError::Gold("spkatt", format!("{stem}: {e}")))?;
                items
                    .into_iter()
                    .map(|a| GoldAttribution {
                        content: a.message,
                        source: a.source.unwrap_or_default(),
                        direct: a.form == "Direct",
                        source_spans: a.source_span.into_iter().collect(),
                    })
                    .collect()
            } else {
                return Err(EvalError::Gold(self.format(), format!("{stem}: neither a PolNeAR document nor a SpkAtt list")));
            };
            gold.documents.insert(stem, units);
        }
        if gold.format.is_empty() {
            return Err(EvalError::Gold(self.format(), "no documents".into()));
        }
        Ok(gold)
    }
}

/// Whether a gold file's text looks like one of the quote corpora (and not the
/// crosscheck gold format): a JSON object of documents, each an object with
/// `attributions` or a list of speech items.
pub fn is_quote_corpus(text: &str) -> bool {
    let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(text) else { return false };
    m.values().next().is_some_and(|v| v.get("attributions").is_some() || v.as_array().is_some_and(|a| a.first().is_none_or(|x| x.get("form").is_some())))
}

/// One predicted quotation: its text and the speaker named for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictedQuote {
    pub quote: String,
    pub speaker: Option<String>,
}

/// The scorer's figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteCorpusScore {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Right speakers among matched quotes with a scorable gold source.
    pub speaker_accuracy: f64,
    pub speaker_scored: usize,
    /// The same where the gold source is a name.
    pub named_accuracy: f64,
    pub named_scored: usize,
}

/// Lower-case word tokens (letters, digits, underscore), as the scorer's `\w+`.
pub fn scorer_tokens(s: &str) -> Vec<String> {
    s.to_lowercase().split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Token-overlap F1 of two texts (multiset overlap).
pub fn token_f1(a: &str, b: &str) -> f64 {
    let count = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for t in scorer_tokens(s) {
            *m.entry(t).or_default() += 1;
        }
        m
    };
    let (ca, cb) = (count(a), count(b));
    let overlap: usize = ca.iter().map(|(t, n)| (*n).min(cb.get(t).copied().unwrap_or(0))).sum();
    if overlap == 0 {
        return 0.0;
    }
    2.0 * overlap as f64 / (ca.values().sum::<usize>() + cb.values().sum::<usize>()) as f64
}

/// The content words of a speaker or source (scorer stopwords removed).
pub fn speaker_words(s: &str) -> HashSet<String> {
    scorer_tokens(s).into_iter().filter(|t| !SCORER_STOPWORDS.contains(&t.as_str())).collect()
}

/// Whether a predicted speaker is right for a gold source by the scorer's rule.
pub fn speaker_matches(predicted: Option<&str>, gold_source: &str) -> bool {
    let g = speaker_words(gold_source);
    predicted.is_some_and(|p| !speaker_words(p).is_disjoint(&g))
}

/// Whether a gold source names someone (a capitalised word), as the scorer tells names apart.
fn is_named(source: &str) -> bool {
    let mut prev: Option<char> = None;
    let chars: Vec<char> = source.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = prev.is_none_or(|p| !(p.is_alphanumeric() || p == '_'));
        if boundary && (c.is_ascii_uppercase() || "ÄÖÜ".contains(c)) && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase() || "äöüß".contains(*n)) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// For each predicted quote of one document, the index of the gold unit it
/// matches (the scorer's greedy rule), or `None`.
pub fn match_quotes(gold: &[&GoldAttribution], predicted: &[PredictedQuote]) -> Vec<Option<usize>> {
    let mut used = HashSet::new();
    predicted
        .iter()
        .map(|p| {
            let best = gold
                .iter()
                .enumerate()
                .filter(|(i, _)| !used.contains(i))
                .map(|(i, g)| (token_f1(&p.quote, &g.content), i))
                .fold(None::<(f64, usize)>, |best, x| match best {
                    Some(b) if b.0 > x.0 => Some(b),
                    _ => Some(x),
                });
            match best {
                Some((f, i)) if f >= MATCH_F1 => {
                    used.insert(i);
                    Some(i)
                }
                _ => None,
            }
        })
        .collect()
}

/// Score predictions (document stem → quotes) against the gold, over the gold's
/// documents; `all` scores indirect attributions too.
pub fn score_quote_corpus(gold: &QuoteCorpusGold, predictions: &BTreeMap<String, Vec<PredictedQuote>>, all: bool) -> QuoteCorpusScore {
    let mut s = QuoteCorpusScore { documents: gold.documents.len(), ..Default::default() };
    let (mut speaker_ok, mut named_ok) = (0usize, 0usize);
    for (stem, units) in &gold.documents {
        let units: Vec<&GoldAttribution> = units.iter().filter(|u| all || u.direct).collect();
        let empty = Vec::new();
        let preds = predictions.get(stem).unwrap_or(&empty);
        s.gold += units.len();
        s.predicted += preds.len();
        for (p, m) in preds.iter().zip(match_quotes(&units, preds)) {
            let Some(i) = m else { continue };
            s.matched += 1;
            let source = &units[i].source;
            if speaker_words(source).is_empty() {
                continue;
            }
            let ok = speaker_matches(p.speaker.as_deref(), source);
            s.speaker_scored += 1;
            speaker_ok += ok as usize;
            if is_named(source) {
                s.named_scored += 1;
                named_ok += ok as usize;
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    s.precision = ratio(s.matched, s.predicted);
    s.recall = ratio(s.matched, s.gold);
    s.f1 = if s.precision + s.recall > 0.0 { 2.0 * s.precision * s.recall / (s.precision + s.recall) } else { 0.0 };
    s.speaker_accuracy = ratio(speaker_ok, s.speaker_scored);
    s.named_accuracy = ratio(named_ok, s.named_scored);
    s
}

impl std::fmt::Display for QuoteCorpusScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "docs {} gold {} pred {} matched {}  quote P {:.3} R {:.3} F1 {:.3}",
            self.documents, self.gold, self.predicted, self.matched, self.precision, self.recall, self.f1
        )?;
        writeln!(f, "speaker acc (matched) {:.3} n={}   named-gold-source acc {:.3} n={}", self.speaker_accuracy, self.speaker_scored, self.named_accuracy, self.named_scored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_formats_and_scores_by_the_rules() {
        let polnear = r#"{"d1": {"annotator": "x", "attributions": [
            {"content": "“We will win this race,”", "source": "Mr. Clarke", "source_spans": [[30, 40]], "direct": true},
            {"content": "that taxes rise", "source": "she", "direct": true},
            {"content": "the race is close", "source": "aides", "direct": false}]}}"#;
        assert!(is_quote_corpus(polnear));
        let gold = QuoteCorpusReader.read(polnear).unwrap();
        assert_eq!(gold.format, "polnear");
        let mut pred = BTreeMap::new();
        pred.insert(
            "d1".to_string(),
            vec![
                PredictedQuote { quote: "We will win this race,".into(), speaker: Some("Tom Clarke".into()) },
                PredictedQuote { quote: "taxes rise".into(), speaker: Some("Ann Lee".into()) },
                PredictedQuote { quote: "nothing like the gold".into(), speaker: None },
            ],
        );
        let s = score_quote_corpus(&gold, &pred, false);
        assert_eq!((s.gold, s.predicted, s.matched), (2, 3, 2));
        // The pronoun source is not scorable; the named one is right.
        assert_eq!((s.speaker_scored, s.named_scored), (1, 1));
        assert_eq!(s.speaker_accuracy, 1.0);
        let spkatt = r#"{"7": [{"form": "Direct", "message": "„Wir gewinnen.“", "source": "Müller", "source_span": [1, 7]},
                            {"form": "Indirect", "message": "dass es regnet", "source": "er"}]}"#;
        assert!(is_quote_corpus(spkatt));
        let gold = QuoteCorpusReader.read(spkatt).unwrap();
        assert_eq!(gold.format, "spkatt");
        assert_eq!(gold.documents["7"].iter().filter(|u| u.direct).count(), 1);
        assert!(!is_quote_corpus(r#"{"sources": ["000"], "stories": []}"#));
    }

    #[test]
    fn speaker_rule_ignores_stopwords_and_pronouns() {
        assert!(speaker_matches(Some("Donald Trump"), "Mr. Trump"));
        assert!(!speaker_matches(Some("the campaign"), "the president"));
        assert!(!speaker_matches(None, "Mr. Trump"));
        assert!(is_named("Präsident Kennedy") && !is_named("the newspaper"));
    }
}
