//! Whether a quotation is reported speech (a statement someone made, whole or
//! partial: "nannte den Bericht eine „Zeitungsente“", "said the plan was
//! “dead on arrival”") or words in marks that nobody is reported to have said
//! (a title, a name, a slogan on a banner, a term held at a distance).
//!
//! A logistic model over each quotation's features, learned per language
//! from labelled news (`crosscheck bench learn-speech`, tables in
//! [`crate::speech_weights`]): the rule classifier's verdict
//! ([`crate::quotes::classify`]) is one feature; the others are the
//! quotation's length and closing punctuation, reporting verbs and names
//! around it in its sentence, where it stands (sentence start, headline,
//! parentheses), and three learned word tables — the word right before the
//! opening mark, the one before that, and the word right after the closing
//! mark ("nannte", "von", "called", "sagte", "said", "so"). The tables are
//! learned, not listed: a word enters only when it was seen often enough in
//! training, and only words printed in lower case are looked up, so no name
//! enters a table. Languages without a learned model keep the rule classifier.

use crosscheck_core::Span;
use crosscheck_lexicon::Lexicon;

use crate::attribution::inside_a_quote;
use crate::quotes::in_title_case;
use crate::entities::EntityIndex;
use crate::sentences::sentence_at;
use crate::tokens::{is_cap, lower, tokenize};
use crate::{EntityKind, Quote, QuoteKind, Sentence};

/// The dense features, in the order of a model's `weights`.
pub const FEATURES: &[&str] = &[
    "bias",
    "rule_full",
    "log_words",
    "single_word",
    "ends_sentence",
    "ends_clause",
    "cue_before",
    "cue_after",
    "cue_right_after",
    "cue_shortly_before",
    "opens_sentence",
    "colon_before",
    "first_upper",
    "title_case",
    "headline",
    "person_in_sentence",
    "name_in_sentence",
    "in_parentheses",
    "sentence_share",
    "spans_paragraphs",
    "capitalised_after",
];

/// Number of dense features.
pub const N_FEATURES: usize = FEATURES.len();

/// How far after a closing mark a reporting verb counts as right after it
/// ("…,” the senator said" / "„…“, sagte Müller"), and before an opening mark
/// as shortly before it ("nannte den Bericht eine „…“"), in words.
const CUE_RIGHT_AFTER_WORDS: usize = 3;

/// One quotation's features: the dense vector and the words the word tables
/// are looked up by (lower case).
#[derive(Debug, Clone, PartialEq)]
pub struct SpeechFeatures {
    pub dense: [f32; N_FEATURES],
    pub word_before: Option<String>,
    pub second_word_before: Option<String>,
    pub word_after: Option<String>,
}

/// A learned model of one language.
#[derive(Debug, Clone, Copy)]
pub struct SpeechModel {
    /// One weight per [`FEATURES`] entry.
    pub weights: &'static [f32],
    /// Word tables, sorted by word: (word, weight).
    pub word_before: &'static [(&'static str, f32)],
    pub second_word_before: &'static [(&'static str, f32)],
    pub word_after: &'static [(&'static str, f32)],
    /// A quotation is speech when its score (log-odds) reaches this.
    pub threshold: f32,
}

fn table_weight(table: &[(&str, f32)], word: Option<&str>) -> f32 {
    word.and_then(|w| table.binary_search_by(|(k, _)| (*k).cmp(w)).ok()).map(|i| table[i].1).unwrap_or(0.0)
}

impl SpeechModel {
    /// The log-odds that the quotation is speech.
    pub fn score(&self, f: &SpeechFeatures) -> f32 {
        let dense: f32 = f.dense.iter().zip(self.weights).map(|(x, w)| x * w).sum();
        dense
            + table_weight(self.word_before, f.word_before.as_deref())
            + table_weight(self.second_word_before, f.second_word_before.as_deref())
            + table_weight(self.word_after, f.word_after.as_deref())
    }

    pub fn is_speech(&self, f: &SpeechFeatures) -> bool {
        self.score(f) >= self.threshold
    }
}

fn feature(name: &str) -> usize {
    FEATURES.iter().position(|f| *f == name).expect("known feature")
}

/// The features of quotation `qi` (its `kind` is the rule classifier's).
/// `headline_end`: where the text's first line ends (`headline_end(text)`).
pub fn features(text: &str, sentences: &[Sentence], quotes: &[Quote], qi: usize, idx: &EntityIndex, lexicon: &Lexicon, headline_end: usize) -> SpeechFeatures {
    let q = &quotes[qi];
    let mut d = [0f32; N_FEATURES];
    let mut set = |name: &str, v: f32| d[feature(name)] = v;
    set("bias", 1.0);
    set("rule_full", (q.kind == QuoteKind::Full) as u8 as f32);
    let inner_words = tokenize(text, q.span);
    let words = inner_words.len();
    set("log_words", (1.0 + words as f32).ln());
    set("single_word", (words <= 1) as u8 as f32);
    let inside = q.span.slice(text).trim_end();
    set("ends_sentence", inside.ends_with(['.', '!', '?', '…']) as u8 as f32);
    set("ends_clause", inside.ends_with([',', ';', ':']) as u8 as f32);
    let first_alpha = inside.chars().find(|c| c.is_alphabetic());
    set("first_upper", first_alpha.is_some_and(|c| c.is_uppercase()) as u8 as f32);
    set("title_case", in_title_case(text, &inner_words) as u8 as f32);
    set("spans_paragraphs", inside.contains('\n') as u8 as f32);

    // The sentence, widened to where the quotation ends; its words outside every quotation.
    let sent = sentences.get(q.sentence).map(|s| s.span).unwrap_or(q.outer);
    let end_si = sentence_at(sentences, q.outer.end.saturating_sub(1));
    let span = sentences.get(end_si).map(|s| sent.cover(s.span)).unwrap_or(sent).cover(q.outer);
    // The sentence's words, tokenized once: all of them, and the frame outside every quotation.
    let sentence_tokens = tokenize(text, span);
    let frame: Vec<_> = sentence_tokens.iter().copied().filter(|t| !inside_a_quote(quotes, t.span())).collect();
    let is_cue = |w: &str| lexicon.is_reporting_verb(&lower(w));
    let before: Vec<_> = frame.iter().filter(|t| t.end <= q.outer.start).collect();
    let after: Vec<_> = frame.iter().filter(|t| t.start >= q.outer.end).collect();
    set("cue_before", before.iter().any(|t| is_cue(t.text(text))) as u8 as f32);
    set("cue_after", after.iter().any(|t| is_cue(t.text(text))) as u8 as f32);
    set("cue_right_after", after.iter().take(CUE_RIGHT_AFTER_WORDS).any(|t| is_cue(t.text(text))) as u8 as f32);
    // A verb that governs the quotation as its object or complement ("nannte
    // den Bericht eine „…“", "called the plan “…”").
    set("cue_shortly_before", before.iter().rev().take(CUE_RIGHT_AFTER_WORDS).any(|t| is_cue(t.text(text))) as u8 as f32);
    let lead = text.get(span.start.min(q.outer.start)..q.outer.start).unwrap_or("").trim();
    set("opens_sentence", lead.is_empty() as u8 as f32);
    set("colon_before", lead.ends_with(':') as u8 as f32);
    set("in_parentheses", lead.ends_with('(') as u8 as f32);
    set("headline", (q.outer.start < headline_end) as u8 as f32);
    let outside = |m: &Span| span.contains(*m) && !q.outer.contains(*m);
    set("person_in_sentence", idx.mentions.iter().any(|(m, e)| outside(m) && idx.entities[*e].kind == EntityKind::Person) as u8 as f32);
    set("name_in_sentence", idx.mentions.iter().any(|(m, _)| outside(m)) as u8 as f32);
    let sentence_words = sentence_tokens.len().max(1);
    set("sentence_share", words as f32 / sentence_words as f32);

    // The words right around the marks, in the text (not only the frame), so
    // the word before a quotation that follows another is still read.
    let left: Vec<_> = sentence_tokens.iter().filter(|t| t.end <= q.outer.start).collect();
    let word_before = left.last().and_then(|t| table_word(t.text(text)));
    let second_word_before = left.len().checked_sub(2).and_then(|k| table_word(left[k].text(text)));
    let rest = text.get(q.outer.end..).unwrap_or("");
    let same_paragraph = rest.find('\n').unwrap_or(rest.len());
    let right = tokenize(text, Span::new(q.outer.end, q.outer.end + same_paragraph.min(200)));
    let next = right.first().filter(|t| t.start < q.outer.end + same_paragraph);
    set("capitalised_after", next.is_some_and(|t| is_cap(t.text(text))) as u8 as f32);
    let word_after = next.and_then(|t| table_word(t.text(text)));
    SpeechFeatures { dense: d, word_before, second_word_before, word_after }
}

/// The form a word is looked up by in the word tables: only words printed in
/// lower case, so that names (of people, outlets, places) never enter a
/// learned table; capitalisation is a dense feature of its own.
fn table_word(word: &str) -> Option<String> {
    word.chars().next().filter(|c| c.is_lowercase()).map(|_| lower(word))
}

/// Where the text's first line (the headline of a plain text) ends.
pub fn headline_end(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
}

/// Decide every quotation's kind with the model: speech is [`QuoteKind::Full`],
/// the rest [`QuoteKind::ScareQuote`].
pub fn classify_quotes(text: &str, sentences: &[Sentence], quotes: &mut [Quote], idx: &EntityIndex, lexicon: &Lexicon, model: &SpeechModel) {
    let headline = headline_end(text);
    let kinds: Vec<QuoteKind> = (0..quotes.len())
        .map(|qi| if model.is_speech(&features(text, sentences, quotes, qi, idx, lexicon, headline)) { QuoteKind::Full } else { QuoteKind::ScareQuote })
        .collect();
    for (q, k) in quotes.iter_mut().zip(kinds) {
        q.kind = k;
    }
}

#[cfg(test)]
mod tests {
    use crate::{annotate, QuoteKind};
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    fn kinds(t: &str, language: &str) -> Vec<(String, QuoteKind)> {
        let mut a = ArticleBuilder::new("t", "t.txt", SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        a.language = Some(language.into());
        let d = annotate(&a, None);
        d.quotes.iter().map(|q| (q.span.slice(&d.article.text).to_string(), q.kind)).collect()
    }

    #[test]
    fn german_model_tells_attributed_words_from_titles() {
        assert!(crate::speech_weights::for_language("de").is_some());
        let k = kinds("Berlin\n\nAm Abend lief der Film „Die lange Nacht im Hafen“ im Fernsehen. „Wir werden das prüfen“, sagte der Sprecher.", "de");
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!(k[0].1, QuoteKind::ScareQuote, "{k:?}");
        assert_eq!(k[1].1, QuoteKind::Full, "{k:?}");
    }

    #[test]
    fn word_tables_hold_no_names_and_are_sorted() {
        for code in ["de", "en"] {
            let Some(m) = crate::speech_weights::for_language(code) else { continue };
            assert_eq!(m.weights.len(), super::N_FEATURES);
            for table in [m.word_before, m.second_word_before, m.word_after] {
                assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "a word table must be sorted for binary search");
                assert!(table.iter().all(|(w, _)| w.chars().next().is_some_and(char::is_lowercase)));
            }
        }
    }
}
