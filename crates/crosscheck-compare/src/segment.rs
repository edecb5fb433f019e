//! The pieces comparison works on: sentences and quotes of each article (from
//! the extract stage, or a plain fallback when a layer is empty), and claim
//! units — a sentence, or a clause of a long sentence.

use crosscheck_core::Span;
use crosscheck_extract::{Annotated, QuoteKind};

use crate::tables;

/// A quotation as the comparison sees it.
#[derive(Debug, Clone)]
pub struct QuoteView {
    /// Index into `Annotated::quotes`, or `None` for a fallback quote.
    pub index: Option<usize>,
    /// The quoted words, inside the marks.
    pub span: Span,
    pub kind: QuoteKind,
}

/// Sentence spans of an article: the extract stage's, else split here.
pub fn sentences(doc: &Annotated) -> Vec<Span> {
    if !doc.sentences.is_empty() {
        return doc.sentences.iter().map(|s| s.span).collect();
    }
    fallback_sentences(&doc.article.text, &doc.article.paragraphs)
}

/// Quotes of an article: the extract stage's, else paired quotation marks.
pub fn quotes(doc: &Annotated) -> Vec<QuoteView> {
    if !doc.quotes.is_empty() {
        return doc
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| QuoteView { index: Some(i), span: q.span, kind: q.kind })
            .collect();
    }
    fallback_quotes(&doc.article.text)
}

const ABBREVIATIONS: &[&str] = &["mr", "mrs", "ms", "dr", "st", "adm", "gen", "gov", "sen", "rep", "no", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "jr", "sr"];

/// Byte offsets (relative to `s`) just after each sentence end inside `s`: a
/// `.`, `!` or `?` (plus closing quotes/brackets) followed by space and a
/// capital, digit or opening quote, and not after an abbreviation or initial.
pub fn sentence_breaks(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?') {
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\u{201d}' | '\u{2019}' | ')' | '\'') {
                j += 1;
            }
            let end = if j < chars.len() { chars[j].0 } else { s.len() };
            let mut m = j;
            let mut saw_space = false;
            while m < chars.len() && chars[m].1.is_whitespace() {
                saw_space = true;
                m += 1;
            }
            if saw_space && m < chars.len() {
                let next = chars[m].1;
                let starts = next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '\u{201c}' | '\u{2018}');
                let word_start = s[..i].rfind(|ch: char| ch.is_whitespace() || ch == '(').map_or(0, |p| p + 1);
                let word = s[word_start..i].to_lowercase();
                let is_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
                let is_dotted = word.contains('.');
                let abbr = c == '.' && (ABBREVIATIONS.contains(&word.as_str()) || is_initial || is_dotted);
                if starts && !abbr {
                    out.push(end);
                }
            }
            k = j.max(k + 1);
            let _ = b;
            continue;
        }
        k += 1;
    }
    out
}

fn fallback_sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let paras: Vec<Span> = if paragraphs.is_empty() { vec![Span::new(0, text.len())] } else { paragraphs.to_vec() };
    for p in paras {
        let s = p.slice(text);
        let mut start = 0;
        for end in sentence_breaks(s) {
            let sp = Span::new(p.start + start, p.start + end).trim(text);
            if !sp.is_empty() {
                out.push(sp);
            }
            start = end;
        }
        let sp = Span::new(p.start + start, p.end).trim(text);
        if !sp.is_empty() {
            out.push(sp);
        }
    }
    out
}

fn fallback_quotes(text: &str) -> Vec<QuoteView> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201c}' => open = Some(i + c.len_utf8()),
            '\u{201d}' => {
                if let Some(o) = open.take() {
                    push_quote(text, o, i, &mut out);
                }
            }
            '"' => match straight_open.take() {
                Some(o) => push_quote(text, o, i, &mut out),
                None => straight_open = Some(i + 1),
            },
            _ => {}
        }
    }
    out
}

fn push_quote(text: &str, start: usize, end: usize, out: &mut Vec<QuoteView>) {
    let span = Span::new(start, end).trim(text);
    let words = crosscheck_core::text::word_count(span.slice(text));
    if words == 0 {
        return;
    }
    // Scare quotes are short terms; an utterance fragment keeps its punctuation inside the marks.
    let inner = span.slice(text);
    // A short quoted noun phrase after an article (a "defensive action,") is a term.
    let before = text[..start].trim_end_matches(|c: char| !c.is_alphanumeric()).rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    let term = words <= 3 && ["a", "an", "the"].contains(&before.as_str());
    let kind = if !term && (words >= 4 || inner.ends_with(['.', ',', '!', '?'])) { QuoteKind::Full } else { QuoteKind::ScareQuote };
    out.push(QuoteView { index: None, span, kind });
}

/// Claim units of one sentence: the sentence, or for a long one its clauses,
/// cut after a comma before a clause opener, at a semicolon or a spaced dash.
pub fn claim_units(text: &str, sentence: Span) -> Vec<Span> {
    let s = sentence.slice(text);
    if crosscheck_core::text::word_count(s) <= tables::LONG_SENTENCE_WORDS {
        return vec![sentence];
    }
    let mut cuts = Vec::new();
    for (i, c) in s.char_indices() {
        let rest = &s[i + c.len_utf8()..];
        match c {
            ';' => cuts.push(i + 1),
            '\u{2013}' | '\u{2014}' if s[..i].ends_with(' ') && rest.starts_with(' ') => cuts.push(i),
            ',' => {
                let next: String = rest.trim_start().chars().take_while(|ch| ch.is_alphabetic()).collect::<String>().to_lowercase();
                let in_list = s.contains(", and ") || s.contains(", or ");
                let opens_clause = tables::CLAUSE_OPENERS.contains(&next.as_str()) && !ends_short_item_list(&s[..i], &next);
                if opens_clause || in_list && !next.is_empty() && rest.trim_start().starts_with(|ch: char| ch.is_lowercase()) && is_list_item(rest) {
                    cuts.push(i + 1);
                }
            }
            _ => {}
        }
    }
    let mut pieces: Vec<Span> = Vec::new();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(s.len())) {
        let sp = Span::new(sentence.start + start, sentence.start + c).trim(text);
        start = c;
        if sp.is_empty() {
            continue;
        }
        let short = crosscheck_core::text::word_count(sp.slice(text)) < tables::MIN_CLAUSE_WORDS;
        match pieces.last_mut() {
            Some(last) if short => *last = last.cover(sp),
            _ => pieces.push(sp),
        }
    }
    if pieces.len() >= 2 && crosscheck_core::text::word_count(pieces[0].slice(text)) < tables::MIN_CLAUSE_WORDS {
        let first = pieces.remove(0);
        pieces[0] = first.cover(pieces[0]);
    }
    pieces
}

/// Whether a comma before `and`/`or` closes a list of short items ("in
/// Poland, the Baltics, and Scandinavia"): the item before the comma is shorter
/// than a clause and follows another comma. Such a coordination joins noun
/// phrases, not clauses, and cutting there strands the last item.
fn ends_short_item_list(before: &str, next: &str) -> bool {
    if !tables::COORDINATORS.contains(&next) {
        return false;
    }
    match before.rsplit_once(',') {
        Some((_, item)) => crosscheck_core::text::word_count(item) < tables::MIN_CLAUSE_WORDS,
        None => false,
    }
}

/// A comma-separated list item: a lower-case noun phrase running to the next comma.
fn is_list_item(rest: &str) -> bool {
    let item = rest.split(',').next().unwrap_or("");
    let n = crosscheck_core::text::word_count(item);
    (tables::MIN_CLAUSE_WORDS..=12).contains(&n) && rest.contains(',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_skip_abbreviations() {
        let s = "Adm. Smith met U.S. envoys. They agreed. \u{201c}Yes,\u{201d} he said.";
        let b = sentence_breaks(s);
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(&s[..b[0]], "Adm. Smith met U.S. envoys.");
    }

    #[test]
    fn a_list_of_short_items_is_not_cut_before_its_last_item() {
        let t = "A flood that closed the old bridge last spring, repeated outages of the regional power grid, and \
                 recurring failures of the water supply in Arlen, the Marches, and Hollin have all been blamed by engineers on the same neglected budget.";
        let units = claim_units(t, Span::new(0, t.len()));
        assert!(units.iter().all(|u| !u.slice(t).starts_with("and Hollin")), "{:?}", units.iter().map(|u| u.slice(t)).collect::<Vec<_>>());
        // Clause-sized items are still cut.
        assert!(units.len() >= 2);
    }

    #[test]
    fn long_sentences_become_clauses() {
        let t = "A fire destroyed a large depot in the northern port earlier this year, multiple severed river data cables were found by divers, and relentless cyber intrusions hit critical infrastructure in the region, officials said.";
        let units = claim_units(t, Span::new(0, t.len()));
        assert!(units.len() >= 3, "{:?}", units.iter().map(|u| u.slice(t)).collect::<Vec<_>>());
    }

    #[test]
    fn fallback_quotes_pair_marks() {
        let t = "He said \u{201c}we are ready to act now.\u{201d} and \"ok\".";
        let q = fallback_quotes(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].span.slice(t), "we are ready to act now.");
        assert_eq!(q[1].kind, QuoteKind::ScareQuote);
        let t = "It could be seen as a \u{201c}defensive action,\u{201d} he said, calling it \u{201c}not wise.\u{201d}";
        let q = fallback_quotes(t);
        assert_eq!(q[0].kind, QuoteKind::ScareQuote, "a short noun phrase after an article is a term");
        assert_eq!(q[1].kind, QuoteKind::Full, "a fragment keeping its punctuation is an utterance");
    }
}
