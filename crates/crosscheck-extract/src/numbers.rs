//! Quantities with what they count ("over 110 sabotage incidents",
//! "1.17 million personnel", "19% of Ukrainian territory", "half a million"),
//! and vague counts ("multiple severed cables", "dozens of drones").
//!
//! This is the one number finder of the project: the comparison's number
//! conflicts and the incident register's counts read this layer
//! (`Annotated::quantities`) and parse no number themselves.

use crosscheck_core::Span;

use crosscheck_lexicon::{english, NumberKind};

use crate::tables::{COUNTED_MAX_WORDS, COUNT_STOPS, QUALIFIERS, UNITS, VAGUE_COUNTS};
use crate::tokens::{lower, tokenize, Tok};
use crate::{Quantity, Sentence};

fn number_value(w: &str) -> Option<f64> {
    if w.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) {
        let digits = w.trim_end_matches('%').replace(',', "");
        return digits.parse::<f64>().ok();
    }
    if w.len() > 9 {
        return None;
    }
    english().number_word(&lower(w)).filter(|n| !is_scale(n.kind)).map(|n| n.value)
}

/// Scale words multiply the number before them ("1.17 million", "5bn").
fn is_scale(kind: NumberKind) -> bool {
    matches!(kind, NumberKind::Scale | NumberKind::ScaleAbbreviation)
}

/// The counted noun phrase starting at token `j`: at most [`COUNTED_MAX_WORDS`]
/// words, up to a stop word, a number or punctuation, or through the first
/// plural ("severed Baltic Sea data cables", "fighter jets").
fn counted_noun(text: &str, toks: &[Tok], j: usize) -> Vec<Tok> {
    let mut counted = Vec::new();
    let mut n = j;
    while n < toks.len() && n < j + COUNTED_MAX_WORDS && !COUNT_STOPS.contains(&lower(toks[n].text(text)).as_str()) && number_value(toks[n].text(text)).is_none() {
        counted.push(toks[n]);
        n += 1;
        // A counted noun phrase ends at a plural ("fighter jets flew") or a word before punctuation.
        let w = lower(toks[n - 1].text(text));
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        if plural || text[toks[n - 1].end..].starts_with([',', '.', ';']) {
            break;
        }
    }
    counted
}

/// The vague count phrase of [`VAGUE_COUNTS`] starting at token `k`, as its
/// number of tokens (the longest that matches), when a counted noun follows
/// it (not a number: "some 200 troops" is a qualified number).
fn vague_count(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let n = VAGUE_COUNTS
        .iter()
        .filter_map(|p| {
            let words: Vec<&str> = p.split(' ').collect();
            let hit = words.iter().enumerate().all(|(i, w)| toks.get(k + i).is_some_and(|t| t.text(text).eq_ignore_ascii_case(w)));
            hit.then_some(words.len())
        })
        .max()?;
    let next = toks.get(k + n)?;
    // "multiple, ..." or "several." count nothing.
    if text[toks[k + n - 1].end..next.start].contains([',', '.', ';', ':']) {
        return None;
    }
    (number_value(next.text(text)).is_none() && !counted_noun(text, toks, k + n).is_empty()).then_some(n)
}

/// Find the quantities of a text.
pub fn find_quantities(text: &str, sentences: &[Sentence]) -> Vec<Quantity> {
    let mut out = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = tokenize(text, s.span);
        let mut k = 0;
        while k < toks.len() {
            let w = toks[k].text(text);
            if let Some(n) = vague_count(text, toks.as_slice(), k) {
                let counted = counted_noun(text, &toks, k + n);
                let (first, last) = (counted[0], counted[counted.len() - 1]);
                let number = Span::new(toks[k].start, toks[k + n - 1].end);
                out.push(Quantity {
                    span: Span::new(number.start, last.end),
                    value: number_value(w).unwrap_or(0.0),
                    qualifier: None,
                    unit: Some(text[first.start..last.end].to_string()),
                    sentence: si,
                    number,
                    counted: Some(Span::new(first.start, last.end)),
                    vague: true,
                });
                k += n + counted.len();
                continue;
            }
            let Some(mut value) = number_value(w) else {
                k += 1;
                continue;
            };
            // Years, days of month and clock times are dates, not quantities.
            let prev = k.checked_sub(1).map(|p| lower(toks[p].text(text)));
            let next = toks.get(k + 1).map(|t| lower(t.text(text)));
            let is_year = w.len() == 4 && (1900.0..2100.0).contains(&value) && !w.contains('%');
            let lex = english();
            let date_ctx = prev.as_deref().is_some_and(|p| lex.month_full(p).is_some() || lex.weekday_full(p).is_some())
                || next.as_deref().is_some_and(|n| lex.month_full(n).is_some());
            if is_year || date_ctx || (lower(w) == "one" && next.as_deref().is_some_and(|n| COUNT_STOPS.contains(&n))) {
                k += 1;
                continue;
            }
            let mut start = toks[k].start;
            let mut end = toks[k].end;
            let mut j = k + 1;
            let mut unit_parts: Vec<String> = Vec::new();
            // "half a million"
            if lower(w) == "half" && toks.get(j).is_some_and(|t| lower(t.text(text)) == "a") {
                j += 1;
            }
            if let Some(t) = toks.get(j) {
                if let Some(scale) = english().number_word(&lower(t.text(text))).filter(|n| is_scale(n.kind)) {
                    value *= scale.value;
                    unit_parts.push(scale.word.to_string());
                    end = t.end;
                    j += 1;
                }
            }
            let number = Span::new(toks[k].start, end);
            if lower(w) == "half" && unit_parts.is_empty() {
                k += 1;
                continue;
            }
            let mut counted = Vec::<Tok>::new();
            if w.ends_with('%') {
                unit_parts.push("%".into());
                // "% of Ukrainian territory"
                if toks.get(j).is_some_and(|t| lower(t.text(text)) == "of") {
                    let mut n = j + 1;
                    while n < toks.len() && n < j + 4 && !COUNT_STOPS.contains(&lower(toks[n].text(text)).as_str()) {
                        counted.push(toks[n]);
                        n += 1;
                    }
                    if !counted.is_empty() {
                        unit_parts.push(format!("of {}", &text[counted[0].start..counted.last().unwrap().end]));
                        end = counted.last().unwrap().end;
                    }
                }
            } else if let Some(t) = toks.get(j) {
                let l = lower(t.text(text));
                if UNITS.contains(&l.as_str()) {
                    unit_parts.push(t.text(text).to_string());
                    end = t.end;
                } else {
                    counted = counted_noun(text, &toks, j);
                    if !counted.is_empty() {
                        unit_parts.push(text[counted[0].start..counted.last().unwrap().end].to_string());
                        end = counted.last().unwrap().end;
                    }
                }
            }
            // Qualifier before the number.
            let head = &text[s.span.start..start];
            let th = head.trim_end();
            let mut qualifier = None;
            for q in QUALIFIERS {
                let tail = th.len().checked_sub(q.len()).and_then(|i| th.get(i..));
                if tail.is_some_and(|t| t.eq_ignore_ascii_case(q)) {
                    let qs = s.span.start + th.len() - q.len();
                    let before_ok = qs == s.span.start || !text[..qs].chars().next_back().is_some_and(|c| c.is_alphanumeric());
                    if before_ok {
                        qualifier = Some(q.to_string());
                        start = qs;
                        break;
                    }
                }
            }
            let unit = if unit_parts.is_empty() { None } else { Some(unit_parts.join(" ")) };
            let counted = counted.first().zip(counted.last()).map(|(a, b)| Span::new(a.start, b.end));
            out.push(Quantity { span: Span::new(start, end), value, qualifier, unit, sentence: si, number, counted, vague: false });
            k = j.max(k + 1);
            while k < toks.len() && toks[k].start < end {
                k += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn q(t: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
        find_quantities(t, &split_sentences(t)).into_iter().map(|x| (x.span.slice(t).to_string(), x.value, x.qualifier, x.unit)).collect()
    }

    #[test]
    fn counts_with_units() {
        let v = q("A report documented over 110 sabotage incidents across Europe in 2023.");
        assert_eq!(v, vec![("over 110 sabotage incidents".into(), 110.0, Some("over".into()), Some("sabotage incidents".into()))]);
        let v = q("Losses exceed 1.17 million personnel, while casualties approach half a million.");
        assert_eq!(v[0].1, 1_170_000.0);
        assert_eq!(v[0].3.as_deref(), Some("million personnel"));
        assert_eq!(v[1].1, 500_000.0);
        let v = q("It holds approximately 19% of Ukrainian territory.");
        assert_eq!(v[0].0, "approximately 19% of Ukrainian territory");
        assert_eq!(v[0].3.as_deref(), Some("% of Ukrainian territory"));
        let v = q("Strikes killed at least four civilians on December 1. Four Russian fighter jets flew.");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].0, "at least four civilians");
        assert_eq!(v[1].0, "Four Russian fighter jets");
    }

    #[test]
    fn vague_counts_and_what_is_counted() {
        let t = "Divers found multiple severed Baltic data cables and dozens of drones. Some 200 troops left; many of them, several.";
        let qs = find_quantities(t, &split_sentences(t));
        let shown: Vec<(&str, &str, Option<&str>, bool)> = qs.iter().map(|x| (x.span.slice(t), x.number.slice(t), x.counted.map(|c| c.slice(t)), x.vague)).collect();
        assert_eq!(
            shown,
            vec![
                ("multiple severed Baltic data cables", "multiple", Some("severed Baltic data cables"), true),
                ("dozens of drones", "dozens of", Some("drones"), true),
                // "Some" before a number qualifies it; "many of them" and a bare "several" count nothing.
                ("Some 200 troops", "200", Some("troops"), false),
            ]
        );
        let v = find_quantities("Over 110 sabotage incidents.", &split_sentences("Over 110 sabotage incidents."));
        assert_eq!(v[0].number, Span::new(5, 8));
        assert!(!v[0].vague && v[0].counted.is_some());
        // Years and days of month are no quantities.
        assert!(q("It happened on December 2, 2025.").is_empty());
    }
}
