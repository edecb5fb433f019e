//! What story clustering compares: weighted terms and capitalised-name entities.
//!
//! Terms are hashed to 32 bits (no vocabulary is stored, so memory does not grow
//! with the lexicon; a collision merges two rare words, which barely moves a
//! cosine). Entities are a cheap proxy for named entities (the extraction
//! stage's recogniser is not a dependency here): the words of runs of
//! capitalised words in the body, skipping a lone capitalised word at the start
//! of a sentence (sentence case, not a name), function words and headlines.

use std::collections::HashSet;
use std::sync::OnceLock;

use crosscheck_core::Article;
use serde::{Deserialize, Serialize};

use crate::tables;
use crate::tokens::{self, hash_bytes, Event};

/// The comparable content of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// (term id, weight) sorted by term id; weight = 1 + ln(tf), title terms boosted.
    pub terms: Vec<(u32, f32)>,
    /// Distinct entity ids, sorted.
    pub entities: Vec<u32>,
    /// Publication time, Unix seconds.
    pub time: Option<i64>,
    /// Sentence embedding (unit length) of [`embedding_text`], when a model was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedding: Option<Vec<f32>>,
    /// Who, where, when and what ([`crate::signals`]).
    #[serde(default)]
    pub signals: crate::signals::EventSignals,
}

/// What an article's embedding is computed from: the title and the lead
/// ([`tables::EMBEDDING_TEXT_BYTES`]), where news says what the story is about.
pub fn embedding_text(article: &Article) -> String {
    let mut end = tables::EMBEDDING_TEXT_BYTES.min(article.text.len());
    while !article.text.is_char_boundary(end) {
        end -= 1;
    }
    // Cut at a word boundary, so the last word is not a fragment.
    if end < article.text.len() {
        end = article.text[..end].rfind(char::is_whitespace).unwrap_or(end);
    }
    let lead = &article.text[..end];
    match &article.title {
        Some(t) if !lead.trim_start().starts_with(t.trim()) => format!("{t}\n{lead}"),
        _ => lead.to_string(),
    }
}

fn stopwords() -> &'static HashSet<u64> {
    static SET: OnceLock<HashSet<u64>> = OnceLock::new();
    SET.get_or_init(|| {
        let lex = crosscheck_lexicon::english();
        lex.stopwords
            .iter()
            .chain(lex.title_abbreviations)
            .chain(lex.weekdays.iter().map(|(w, _)| w))
            .chain(tables::STORY_NEUTRAL_WORDS)
            .map(|w| hash_bytes(w.as_bytes()))
            .collect()
    })
}

/// Term id of a word in match form.
pub fn term_id(word: &str) -> u32 {
    (hash_bytes(word.as_bytes()) >> 32) as u32
}

/// Cosine of two weighted term lists sorted by term.
pub(crate) fn terms_cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let na = a.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    let nb = b.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    let mut dot = 0.0;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    if na > 0.0 && nb > 0.0 {
        dot / (na * nb)
    } else {
        0.0
    }
}


/// Features of an article: its title (boosted) and text.
pub fn featurize(article: &Article) -> Features {
    let stop = stopwords();
    let mut counts: Vec<(u32, f32)> = Vec::with_capacity(256);
    let mut entities: Vec<u32> = Vec::new();
    let mut add_text = |text: &str, weight: f32, counts: &mut Vec<(u32, f32)>, names: bool| {
        // Current run of capitalised words and whether it began a sentence.
        let mut run: Vec<u32> = Vec::new();
        let mut run_at_start = false;
        let mut at_sentence_start = true;
        let flush = |run: &mut Vec<u32>, at_start: bool, entities: &mut Vec<u32>| {
            // A lone capitalised word opening a sentence is sentence case, not a name.
            if names && (run.len() >= 2 || (run.len() == 1 && !at_start)) {
                entities.extend_from_slice(run);
            }
            run.clear();
        };
        tokens::scan(text, |e| match e {
            Event::Word { word, capitalised } => {
                let h = hash_bytes(word.as_bytes());
                let is_stop = stop.contains(&h);
                if !is_stop && word.chars().count() > 1 {
                    counts.push(((h >> 32) as u32, weight));
                }
                if capitalised && !is_stop {
                    if run.is_empty() {
                        run_at_start = at_sentence_start;
                    }
                    // Each word of a name counts on its own, so "Admiral Jane Doe"
                    // and a later "Doe" share an entity; a possessive is the same name.
                    let bare = word.strip_suffix("'s").unwrap_or(word);
                    run.push(term_id(bare));
                } else {
                    flush(&mut run, run_at_start, &mut entities);
                }
                at_sentence_start = false;
            }
            Event::SentenceEnd => {
                flush(&mut run, run_at_start, &mut entities);
                at_sentence_start = true;
            }
        });
        flush(&mut run, run_at_start, &mut entities);
    };
    if let Some(t) = &article.title {
        // When the title is printed in the text it is counted there too; the
        // boost is the extra weight either way. Headlines are often in title
        // case, so their capitals say nothing about names.
        add_text(t, tables::TITLE_TERM_WEIGHT, &mut counts, false);
    }
    add_text(&article.text, 1.0, &mut counts, true);
    counts.sort_unstable_by_key(|c| c.0);
    let mut terms: Vec<(u32, f32)> = Vec::with_capacity(counts.len() / 2);
    for (t, w) in counts {
        match terms.last_mut() {
            Some(last) if last.0 == t => last.1 += w,
            _ => terms.push((t, w)),
        }
    }
    for t in &mut terms {
        t.1 = 1.0 + t.1.ln();
    }
    entities.sort_unstable();
    entities.dedup();
    Features {
        terms,
        entities,
        time: crate::dedup::published_secs(article),
        embedding: None,
        signals: crate::signals::EventSignals::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    #[test]
    fn entities_skip_sentence_case() {
        let a = ArticleBuilder::new(
            "s",
            "p",
            SourceFormat::Text,
            b"",
            "The Foreign Ministry met. Officials said Berlin agreed with Paris.",
        )
        .build(None, None)
        .unwrap();
        let f = featurize(&a);
        assert!(
            f.entities.contains(&term_id("foreign")),
            "a run after \"The\" is a name"
        );
        assert!(f.entities.contains(&term_id("ministry")));
        assert!(f.entities.contains(&term_id("berlin")));
        assert!(f.entities.contains(&term_id("paris")));
        assert!(
            !f.entities.contains(&term_id("officials")),
            "sentence-initial single word is not a name"
        );
        assert_eq!(f.entities.len(), 4);
        assert!(!f.terms.iter().any(|t| t.0 == term_id("the")));
        assert!(f.terms.iter().any(|t| t.0 == term_id("ministry")));
    }
}
