//! Sentence splitting: abbreviations, datelines, and sentences broken across
//! lines (a quotation continued on the next line is one sentence).

use crosscheck_core::Span;

use crate::dateline::find_dateline;
use crate::Sentence;

pub use crosscheck_core::paragraph_spans;

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\u{201d}' | '\u{2019}' | '\'' | '\u{bb}' | '\u{203a}' | ')' | ']' | '\u{300d}' | '\u{300f}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{2039}' | '\u{201e}' | '(' | '[' | '\u{300c}' | '\u{300e}')
}

/// Whether the word ending just before byte `dot` (a '.') is an abbreviation.
fn abbreviation_before(p: &str, dot: usize) -> bool {
    let head = &p[..dot];
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || is_opener(*c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &head[word_start..];
    if word.is_empty() {
        return false;
    }
    if crosscheck_lexicon::english().is_sentence_abbreviation(word) {
        return true;
    }
    // Initials and dotted acronyms: "U.S", "J", "e.g".
    let parts: Vec<&str> = word.split('.').collect();
    parts.iter().all(|x| x.chars().count() == 1 && x.chars().all(|c| c.is_alphabetic()))
}

/// Split one paragraph into sentence spans (offsets into `text`).
fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let p = para.slice(text);
    let mut start = 0usize;
    // A dateline at the start of a paragraph ("Brussels/Moscow – December 2, 2025 –") is its own sentence.
    if let Some(d) = find_dateline(text, para.start).filter(|d| d.span.end <= para.end) {
        out.push(d.span.trim(text));
        start = d.span.end - para.start;
    }
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if i < start {
            k += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            let mut j = k + 1;
            // German closes „…“ and ‚…‘ with the marks English opens with: after
            // terminal punctuation and before a space they close ("anhält.“ Nach").
            let german_closer = |j: usize| matches!(chars[j].1, '\u{201c}' | '\u{2018}') && chars.get(j + 1).is_none_or(|(_, n)| n.is_whitespace());
            while j < chars.len() && (is_closer(chars[j].1) || matches!(chars[j].1, '.' | '!' | '?') || german_closer(j)) {
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(p.len());
            // Must be followed by white space and a sentence-opening character.
            let mut n = j;
            let mut saw_space = false;
            while n < chars.len() && chars[n].1.is_whitespace() {
                saw_space = true;
                n += 1;
            }
            let opens = chars.get(n).is_some_and(|(_, nc)| nc.is_uppercase() || nc.is_numeric() || is_opener(*nc));
            let abbr = c == '.' && abbreviation_before(p, i);
            if saw_space && opens && !abbr {
                out.push(Span::new(para.start + start, para.start + end).trim(text));
                start = chars[n].0;
                k = n;
                continue;
            }
        }
        k += 1;
    }
    if start < p.len() {
        let s = Span::new(para.start + start, para.end).trim(text);
        if !s.is_empty() {
            out.push(s);
        }
    }
}

fn ends_terminally(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(is_closer);
    t.ends_with(['.', '!', '?', ':', '\u{2026}'])
}

/// Split a normalised text into sentences. Paragraph indices follow the
/// document model (each non-empty line is a paragraph). A sentence whose
/// paragraph ends without terminal punctuation and whose next paragraph
/// starts in lower case continues across the break ("“…,”\n\nclaimed X").
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let paras = paragraph_spans(text);
    let mut out: Vec<Sentence> = Vec::new();
    let mut prev_para_last: Option<usize> = None;
    for (pi, para) in paras.iter().enumerate() {
        let mut spans = Vec::new();
        split_paragraph(text, *para, &mut spans);
        for (si, s) in spans.into_iter().enumerate() {
            if si == 0 {
                if let Some(li) = prev_para_last {
                    let last = out[li].span;
                    let starts_lower = s.slice(text).chars().next().is_some_and(|c| c.is_lowercase());
                    if !ends_terminally(last.slice(text)) && starts_lower {
                        out[li].span = last.cover(s);
                        continue;
                    }
                }
            }
            out.push(Sentence { span: s, paragraph: pi });
        }
        prev_para_last = out.len().checked_sub(1);
    }
    out
}

/// Index of the sentence containing byte `pos` (the last one starting at or before it).
pub fn sentence_at(sentences: &[Sentence], pos: usize) -> usize {
    match sentences.binary_search_by(|s| s.span.start.cmp(&pos)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<String> {
        split_sentences(t).iter().map(|s| s.span.slice(t).to_string()).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "Adm. Smith met U.S. officials on Dec. 3 in St. Louis. Mr Jones and Dr. Lee left. They said no.";
        assert_eq!(texts(t), vec!["Adm. Smith met U.S. officials on Dec. 3 in St. Louis.", "Mr Jones and Dr. Lee left.", "They said no."]);
    }

    #[test]
    fn quote_closing_then_lowercase_stays_one_sentence() {
        let t = "“We are ready,” he said. “It works.” She left.";
        assert_eq!(texts(t), vec!["“We are ready,” he said.", "“It works.”", "She left."]);
    }

    #[test]
    fn german_closing_marks_end_a_sentence() {
        let t = "„Wir sind bereit.“ Danach ging sie. Er nannte es ‚gut.‘ Dann „Ende“.";
        assert_eq!(texts(t), vec!["„Wir sind bereit.“", "Danach ging sie.", "Er nannte es ‚gut.‘", "Dann „Ende“."]);
        // An English opening mark after a sentence still opens the next one.
        assert_eq!(texts("He left. “We stay,” she said."), vec!["He left.", "“We stay,” she said."]);
    }

    #[test]
    fn dateline_is_its_own_sentence() {
        let t = "Brussels/Moscow – December 2, 2025 – In a sharp turn, the talks ended. Then more.";
        let v = texts(t);
        assert_eq!(v[0], "Brussels/Moscow – December 2, 2025 –");
        assert_eq!(v[1], "In a sharp turn, the talks ended.");
    }

    #[test]
    fn broken_line_rejoined() {
        let t = "“War is coming,”\n\nclaimed the minister, in Paris. Next one.";
        let s = split_sentences(t);
        assert_eq!(s[0].span.slice(t), "“War is coming,”\n\nclaimed the minister, in Paris.");
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[1].paragraph, 1);
    }
}
