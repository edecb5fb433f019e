//! Direct quotations: every common quotation-mark convention, quotations
//! continued across line breaks and paragraphs, and the full-quote vs
//! scare-quote distinction.

use crosscheck_core::Span;
use crosscheck_lexicon::Lexicon;

use crate::sentences::sentence_at;
use crate::tables::{NAMING_VERBS, COMPLEMENT_MARKERS, FULL_QUOTE_MIN_WORDS, MAX_QUOTE_BYTES, MAX_QUOTE_PARAGRAPHS, TERM_MARKERS, TITLE_MAX_WORDS, CUE_AFTER_UTTERANCE_WORDS};
use crate::tokens::{lower, tokenize};
use crate::{Quote, QuoteKind, Sentence};

/// The closing marks that end a quotation opened by `open` at a position
/// where an opening mark is plausible, or `None` when `open` opens nothing.
fn closers_for(open: char) -> Option<&'static [char]> {
    Some(match open {
        '\u{201c}' => &['\u{201d}'],
        '\u{201e}' => &['\u{201c}', '\u{201d}'],
        '"' => &['"'],
        '\u{ab}' => &['\u{bb}'],
        '\u{bb}' => &['\u{ab}'],
        '\u{300c}' => &['\u{300d}'],
        '\u{300e}' => &['\u{300f}'],
        '\u{2039}' => &['\u{203a}'],
        '\u{2018}' => &['\u{2019}'],
        '\u{201d}' => &['\u{201d}'],
        _ => return None,
    })
}

/// Whether a mark at byte `i` sits where a quotation can open (start of text,
/// after white space or opening punctuation).
fn opening_position(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '/'))
}

/// Whether a closing mark at byte `i` (of `len` bytes) is followed by a word
/// boundary (an apostrophe inside a word is not a closing single quote).
fn closing_position(text: &str, i: usize, len: usize) -> bool {
    text[i + len..].chars().next().is_none_or(|n| !n.is_alphanumeric())
}

/// Find the raw quotations of a text: (outer span, inner span).
pub fn find_quote_spans(text: &str) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    let bytes_chars: Vec<(usize, char)> = text.char_indices().collect();
    // Single quotes open only in paragraphs without double quotes (British
    // style, and the headlines of American papers); elsewhere they are nested
    // quotations or apostrophes.
    let doubles = ['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{201e}', '\u{300c}'];
    // Each line's start and whether it holds a double quote, read once (a
    // huge one-line file full of single quotes stays linear).
    let mut lines: Vec<(usize, bool)> = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        lines.push((at, line.contains(doubles)));
        at += line.len() + 1;
    }
    let has_double_around = |i: usize| lines[lines.partition_point(|(start, _)| *start <= i).saturating_sub(1)].1;
    let mut k = 0;
    while k < bytes_chars.len() {
        let (i, c) = bytes_chars[k];
        let Some(closers) = closers_for(c) else {
            k += 1;
            continue;
        };
        if c == '\u{2018}' && has_double_around(i) {
            k += 1;
            continue;
        }
        if (c == '"' || c == '\u{201d}' || c == '\u{bb}' || c == '\u{2018}') && !opening_position(text, i) {
            k += 1;
            continue;
        }
        // Scan for the closer.
        let mut j = k + 1;
        let mut breaks = 0;
        let mut found = None;
        while j < bytes_chars.len() {
            let (bi, bc) = bytes_chars[j];
            if bi - i > MAX_QUOTE_BYTES {
                break;
            }
            if bc == '\n' {
                // Skip blank lines, then decide whether the quotation continues.
                let mut n = j;
                while n < bytes_chars.len() && bytes_chars[n].1.is_whitespace() {
                    n += 1;
                }
                breaks += 1;
                if breaks > MAX_QUOTE_PARAGRAPHS || n >= bytes_chars.len() {
                    break;
                }
                let next_c = bytes_chars[n].1;
                if next_c == c && c != '"' {
                    // Continuation convention: the next paragraph re-opens the quotation.
                    j = n + 1;
                    continue;
                }
                // Line broken inside a quotation: the next paragraph must close it
                // before opening another.
                let line_end = text[bytes_chars[n].0..].find('\n').map(|e| e + bytes_chars[n].0).unwrap_or(text.len());
                let line = &text[bytes_chars[n].0..line_end];
                let first_close = line.char_indices().find(|(_, x)| closers.contains(x)).map(|x| x.0);
                let first_open = line.char_indices().find(|(_, x)| *x == c && c != '"').map(|x| x.0);
                match (first_close, first_open) {
                    (Some(cl), Some(op)) if op < cl => break,
                    (Some(_), _) => {
                        j = n;
                        continue;
                    }
                    _ => break,
                }
            }
            if closers.contains(&bc) && j > k + 1 {
                if c == '\u{2018}' && !closing_position(text, bi, bc.len_utf8()) {
                    j += 1;
                    continue;
                }
                if c == '"' && opening_position(text, bi) && !closing_position(text, bi, 1) {
                    // A straight quote that opens a new quotation: ours was unclosed.
                    break;
                }
                found = Some(j);
                break;
            }
            j += 1;
        }
        match found {
            Some(j) => {
                let (ci, cc) = bytes_chars[j];
                let outer = Span::new(i, ci + cc.len_utf8());
                let inner = Span::new(i + c.len_utf8(), ci).trim(text);
                if !inner.is_empty() {
                    out.push((outer, inner));
                }
                k = j + 1;
            }
            None => k += 1,
        }
    }
    out
}

/// Whether words are in title case: at least two words of four letters or
/// more, every one of them capitalised ("Fox and Friends", "Die lange Nacht").
pub(crate) fn in_title_case(text: &str, words: &[crate::tokens::Tok]) -> bool {
    let long: Vec<&str> = words.iter().map(|t| t.text(text)).filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic)).collect();
    long.len() >= 2 && long.iter().all(|w| crate::tokens::is_cap(w))
}

/// Classify a quotation: a full quotation, or a short phrase used as a term.
pub fn classify(text: &str, sentence: Span, outer: Span, inner: Span, lexicon: &Lexicon) -> QuoteKind {
    let inner_text = inner.slice(text);
    let inner_words = tokenize(text, inner);
    let words = inner_words.len();
    // A short phrase in title case inside a sentence is a title or a name
    // (“Morning Show.”), whatever punctuation it carries.
    let inside_sentence = !text[sentence.start.min(outer.start)..outer.start].trim().is_empty();
    if inside_sentence && words <= TITLE_MAX_WORDS && in_title_case(text, &inner_words) {
        return QuoteKind::ScareQuote;
    }
    if words >= FULL_QUOTE_MIN_WORDS && (lexicon.is_speech_quote_without_punctuation() || speech_by_position(text, sentence, outer, inner, lexicon)) {
        return QuoteKind::Full;
    }
    let before = tokenize(text, Span::new(sentence.start.min(outer.start), outer.start));
    let prev = before.last().map(|t| lower(t.text(text)));
    let prev2 = before.len().checked_sub(2).map(|k| lower(before[k].text(text)));
    if prev.as_deref().is_some_and(|p| TERM_MARKERS.contains(&p)) {
        return QuoteKind::ScareQuote;
    }
    let has_cue = before.iter().any(|t| lexicon.is_reporting_verb(&lower(t.text(text))));
    let complement = |w: &Option<String>| w.as_deref().is_some_and(|p| COMPLEMENT_MARKERS.contains(&p));
    let is_complement = complement(&prev) || (prev.as_deref() == Some("the") && complement(&prev2));
    let naming = before.iter().rev().take(5).any(|t| NAMING_VERBS.contains(&lower(t.text(text)).as_str()));
    if (has_cue && is_complement) || naming {
        return QuoteKind::Full;
    }
    let t = inner_text.trim_end();
    // A short utterance closed by a comma and its reporting verb (“Too much hate,” she said).
    let sent_end = sentence.end.max(outer.end).min(text.len());
    let cue_right_after = tokenize(text, Span::new(outer.end, sent_end)).iter().take(CUE_AFTER_UTTERANCE_WORDS).any(|t| lexicon.is_reporting_verb(&lower(t.text(text))));
    if t.ends_with(['.', '!', '?']) || (t.ends_with(',') && ((has_cue && words >= 2) || cue_right_after)) {
        return QuoteKind::Full;
    }
    QuoteKind::ScareQuote
}

/// Where long fragments are not speech by default ([`Lexicon::fragments_are_speech`]):
/// whether the quotation stands as speech by its punctuation or position: it
/// ends a sentence inside its marks, follows a colon, opens its sentence and
/// is closed by punctuation („…“, sagte X), or shares its sentence with a
/// reporting verb.
fn speech_by_position(text: &str, sentence: Span, outer: Span, inner: Span, lexicon: &Lexicon) -> bool {
    let inside = inner.slice(text).trim_end();
    if inside.ends_with(['.', '!', '?', ',', '…', ':', ';']) {
        return true;
    }
    let before = text.get(sentence.start.min(outer.start)..outer.start).unwrap_or("").trim_end();
    let after = text.get(outer.end..).unwrap_or("");
    if before.ends_with(':') || (before.is_empty() && after.starts_with([',', '.', '!', '?'])) {
        return true;
    }
    let sent_end = sentence.end.max(outer.end).min(text.len());
    let frame = tokenize(text, Span::new(sentence.start.min(outer.start), outer.start)).into_iter().chain(tokenize(text, Span::new(outer.end, sent_end)));
    frame.into_iter().any(|t| lexicon.is_reporting_verb(&lower(t.text(text))))
}

/// Quotations of a text with their kinds; attribution is left to [`crate::attribution`].
pub fn find_quotes(text: &str, sentences: &[Sentence], lexicon: &Lexicon) -> Vec<Quote> {
    find_quote_spans(text)
        .into_iter()
        .map(|(outer, inner)| {
            let si = sentence_at(sentences, outer.start);
            let sent = sentences.get(si).map(|s| s.span).unwrap_or(outer);
            Quote { span: inner, outer, kind: classify(text, sent, outer, inner, lexicon), sentence: si, attribution: None, continues: None, content: None }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn inners(t: &str) -> Vec<String> {
        find_quote_spans(t).iter().map(|(_, i)| i.slice(t).to_string()).collect()
    }

    #[test]
    fn marks_of_many_languages() {
        assert_eq!(inners("He said “yes, ‘maybe’ now” and left."), vec!["yes, ‘maybe’ now"]);
        assert_eq!(inners("Il a dit « non merci » hier."), vec!["non merci"]);
        assert_eq!(inners("Er sagte „nein danke“ gestern."), vec!["nein danke"]);
        assert_eq!(inners("彼は「はい」と言った"), vec!["はい"]);
        assert_eq!(inners("Il dit ‹ oui › puis \"no way\" ok."), vec!["oui", "no way"]);
        assert_eq!(inners("Sie sagte »ja« dann."), vec!["ja"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inners("It’s the minister’s view, isn’t it?").is_empty());
        assert_eq!(inners("He called it ‘a disaster’, didn’t he."), vec!["a disaster"]);
    }

    #[test]
    fn quotation_broken_across_lines() {
        let t = "He explained, “We are ready.\nWe will act.”\nNext line “here”.";
        assert_eq!(inners(t), vec!["We are ready.\nWe will act.", "here"]);
    }

    #[test]
    fn quotation_continued_by_reopening() {
        let t = "“First paragraph of it.\n\n“Second paragraph,” she said.";
        assert_eq!(inners(t), vec!["First paragraph of it.\n\n“Second paragraph,"]);
    }

    #[test]
    fn unclosed_quote_is_dropped_not_runaway() {
        let t = "He said “this never closes.\nAnother “real one” here.";
        assert_eq!(inners(t), vec!["real one"]);
    }

    #[test]
    fn scare_vs_full() {
        let t = "The army is considering “pre-emptive strikes” now. He described it as the “hardest part” of the deal. She called it “a deliberate and dangerous attempt to mislead.”";
        let s = split_sentences(t);
        let q = find_quotes(t, &s, crosscheck_lexicon::english());
        let kinds: Vec<QuoteKind> = q.iter().map(|x| x.kind).collect();
        assert_eq!(kinds, vec![QuoteKind::ScareQuote, QuoteKind::Full, QuoteKind::Full]);
        assert_eq!(q[2].sentence, 2);
    }
}
