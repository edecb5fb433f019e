//! Quantities with what they count ("over 110 sabotage incidents",
//! "1.17 million personnel", "19% of Ukrainian territory", "half a million"),
//! and vague counts ("multiple severed cables", "dozens of drones").
//!
//! This is the one number finder of the project: the comparison's number
//! conflicts and the incident register's counts read this layer
//! (`Annotated::quantities`) and parse no number themselves.

use crosscheck_core::Span;

use crosscheck_lexicon::{english, NumberKind};

use crate::tables::{COUNTED_MAX_WORDS, COUNT_STOPS, NOT_PREDICATES, PREDICATE_AUXILIARIES, PREDICATE_WORDS, QUALIFIERS, UNITS, VAGUE_COUNTS};
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
    // A predicate word ends the phrase ("12 people dead").
    let predicate_word = |n: usize| n > j && PREDICATE_WORDS.contains(&lower(toks[n].text(text)).as_str());
    while n < toks.len() && n < j + COUNTED_MAX_WORDS && !COUNT_STOPS.contains(&lower(toks[n].text(text)).as_str()) && number_value(toks[n].text(text)).is_none() && !predicate_word(n) {
        counted.push(toks[n]);
        n += 1;
        // A counted noun phrase ends at a plural ("fighter jets flew") or a word before punctuation.
        let printed = toks[n - 1].text(text);
        let w = lower(printed);
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        // The dot of an abbreviation ("U.S. troops") does not end the phrase.
        let abbreviation_dot = printed.contains('.') && text[toks[n - 1].end..].starts_with('.') && toks.get(n).is_some_and(|t| t.start == toks[n - 1].end + 2);
        if plural || (text[toks[n - 1].end..].starts_with([',', '.', ';']) && !abbreviation_dot) {
            break;
        }
    }
    // A capitalised head is a name or a model ("iPhone 7 Plus", "28 U.S."), not
    // a counted thing (English capitalises proper nouns only).
    if counted.last().is_some_and(|t| crate::tokens::is_cap(t.text(text))) {
        counted.clear();
    }
    counted
}

/// The digits of a number printed with thousands separators ("28,500",
/// "1,170,000"): the tokens after `k` that continue it, as (tokens used, value).
fn thousands(text: &str, toks: &[Tok], k: usize) -> Option<(usize, f64)> {
    let mut digits = toks[k].text(text).to_string();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 3 {
        return None;
    }
    let mut used = 0;
    while let Some(t) = toks.get(k + used + 1) {
        let w = t.text(text);
        let group = w.trim_end_matches('%');
        let joined = t.start == toks[k + used].end + 1 && text[toks[k + used].end..].starts_with(',');
        if !joined || group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        digits.push_str(group);
        used += 1;
        if w.ends_with('%') {
            break;
        }
    }
    (used > 0).then(|| (used, digits.parse::<f64>().unwrap_or(0.0)))
}

/// A range printed as one count: "10-12" in one token, or "10 to 12", "10 or
/// 12", "10–12" (the upper end's token index and value).
fn range_end(text: &str, toks: &[Tok], k: usize) -> Option<(usize, f64)> {
    let w = toks[k].text(text);
    if let Some((a, b)) = w.split_once('-') {
        // "14-0" or "27-24" is a score, not a range.
        let (a, b) = (number_value(a)?, number_value(b)?);
        return (b > a).then_some((k, b));
    }
    let next = toks.get(k + 1)?;
    let between = &text[toks[k].end..next.start];
    let link = lower(next.text(text));
    if between.trim() == "\u{2013}" || between.trim() == "-" {
        return Some((k + 1, number_value(next.text(text))?));
    }
    // "rose from 10 to 12" is a change, not a range.
    let after_from = k > 0 && lower(toks[k - 1].text(text)) == "from";
    if (link == "to" || link == "or") && between == " " && !after_from {
        let after = toks.get(k + 2)?;
        return Some((k + 2, number_value(after.text(text))?));
    }
    None
}

/// What happened to a counted thing ([`Quantity::predicate`]): a participle
/// after the counted phrase (past auxiliaries), else the verb before the
/// number ("killing at least 12 people").
fn predicate(text: &str, toks: &[Tok], number_at: usize, after: usize) -> Option<Span> {
    let is_predicate = |t: &Tok| {
        let w = t.text(text);
        let l = lower(w);
        !crate::tokens::is_cap(w) && !NOT_PREDICATES.contains(&l.as_str()) && (PREDICATE_WORDS.contains(&l.as_str()) || (l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing"))))
    };
    // The verb governing the count comes first ("shot three co-workers,
    // killing two": the three were shot).
    let mut b = number_at;
    while b > 0 && QUALIFIERS.iter().any(|q| q.split(' ').any(|w| lower(toks[b - 1].text(text)) == w)) {
        b -= 1;
    }
    if let Some(t) = b.checked_sub(1).and_then(|p| toks.get(p)).filter(|t| is_predicate(t) && text[t.end..toks[b].start].trim().is_empty()) {
        return Some(t.span());
    }
    let mut n = after;
    while n < toks.len() && n < after + 3 && PREDICATE_AUXILIARIES.contains(&lower(toks[n].text(text)).as_str()) {
        n += 1;
    }
    toks.get(n).filter(|t| n > 0 && is_predicate(t) && !text[toks[n - 1].end..t.start].contains([',', ';', ':', '.'])).map(|t| t.span())
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
                    upper: None,
                    predicate: predicate(text, &toks, k, k + n + counted.len()),
                });
                k += n + counted.len();
                continue;
            }
            // A clock time ("7:42", "4 : 43") is a time, not a count; three
            // digits after "2, " are the rest of a number printed with a
            // spaced separator ("2, 029"), not a count of their own.
            let before = &text[s.span.start..toks[k].start];
            let after = &text[toks[k].end..s.span.end];
            let clock = before.trim_end().ends_with(':') || after.trim_start().strip_prefix(':').is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            let spaced_group = w.len() == 3
                && w.bytes().all(|b| b.is_ascii_digit())
                && before.strip_suffix(", ").is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
            if clock || spaced_group {
                k += 1;
                continue;
            }
            let whole = thousands(text, &toks, k);
            let range = if whole.is_none() { range_end(text, &toks, k) } else { None };
            let value = match (whole, range) {
                (Some((_, v)), _) => Some(v),
                (None, Some(_)) => number_value(w.split('-').next().unwrap_or(w)),
                (None, None) => number_value(w),
            };
            let Some(mut value) = value else {
                k += 1;
                continue;
            };
            let mut upper = range.map(|(_, u)| u);
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
            // The last token of the number as printed: "28,500", "10 to 12".
            let last = match (whole, range) {
                (Some((used, _)), _) => k + used,
                (None, Some((end_at, _))) => end_at,
                (None, None) => k,
            };
            let w = &text[toks[k].start..toks[last].end];
            // "a hundred", "a dozen": the article is the number's "one".
            let mut start = match k.checked_sub(1).map(|p| &toks[p]) {
                Some(a) if lower(a.text(text)) == "a" && matches!(lower(w).as_str(), "hundred" | "dozen") => a.start,
                _ => toks[k].start,
            };
            let mut end = toks[last].end;
            let mut j = last + 1;
            let mut unit_parts: Vec<String> = Vec::new();
            // "half a million"
            if lower(w) == "half" && toks.get(j).is_some_and(|t| lower(t.text(text)) == "a") {
                j += 1;
            }
            if let Some(t) = toks.get(j) {
                if let Some(scale) = english().number_word(&lower(t.text(text))).filter(|n| is_scale(n.kind)) {
                    value *= scale.value;
                    upper = upper.map(|u| u * scale.value);
                    unit_parts.push(scale.word.to_string());
                    end = t.end;
                    j += 1;
                }
            }
            let number = Span::new(toks[k].start, end);
            // "between 10 and 12"
            if upper.is_none() && k > 0 && lower(toks[k - 1].text(text)) == "between" && toks.get(j).is_some_and(|t| lower(t.text(text)) == "and") {
                if let Some(u) = toks.get(j + 1).and_then(|t| number_value(t.text(text))) {
                    upper = Some(u);
                    end = toks[j + 1].end;
                    j += 2;
                }
            }
            let number = if upper.is_some() { Span::new(toks[k].start, end) } else { number };
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
            let after = toks.iter().position(|t| t.start >= end).unwrap_or(toks.len());
            let predicate = counted.and_then(|_| predicate(text, &toks, k, after));
            out.push(Quantity { span: Span::new(start, end), value, qualifier, unit, sentence: si, number, counted, vague: false, upper, predicate });
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

    #[test]
    fn numbers_are_read_whole() {
        let t = "The US keeps 28,500 U.S. troops there. Between 10 and 12 people were hurt; 3-5 boats sank, and 1,170,000 people fled.";
        let qs = find_quantities(t, &split_sentences(t));
        let shown: Vec<(&str, f64, Option<f64>, Option<&str>)> = qs.iter().map(|x| (x.number.slice(t), x.value, x.upper, x.counted.map(|c| c.slice(t)))).collect();
        assert_eq!(shown[0], ("28,500", 28_500.0, None, Some("U.S. troops")), "{shown:?}");
        assert_eq!(shown[1], ("10 and 12", 10.0, Some(12.0), Some("people")), "{shown:?}");
        assert_eq!(shown[2], ("3-5", 3.0, Some(5.0), Some("boats")), "{shown:?}");
        assert_eq!(shown[3].1, 1_170_000.0, "{shown:?}");
        // A change is no range; a model number is no count of its capitalised name.
        let t = "The toll rose from 120 to 129 people. He bought an iPhone 7 Plus.";
        let qs = find_quantities(t, &split_sentences(t));
        assert!(qs.iter().all(|q| q.upper.is_none()), "{qs:?}");
        assert!(qs.iter().all(|q| q.counted.map(|c| c.slice(t)) != Some("Plus")), "{qs:?}");
    }

    #[test]
    fn a_count_knows_what_happened_to_what_it_counts() {
        let pred = |t: &str| -> Vec<Option<String>> { find_quantities(t, &split_sentences(t)).iter().map(|q| q.predicate.map(|p| p.slice(t).to_string())).collect() };
        assert_eq!(pred("At least 129 people were killed."), vec![Some("killed".to_string())]);
        assert_eq!(pred("The blast left 12 people dead."), vec![Some("dead".to_string())]);
        assert_eq!(pred("The gunman shot dead four people, injuring 20 others."), vec![Some("dead".to_string()), Some("injuring".to_string())]);
        assert_eq!(pred("Some 2,000 mourners gathered."), vec![Some("gathered".to_string())]);
        assert_eq!(pred("The plane carried 239 passengers, including two children."), vec![Some("carried".to_string()), None]);
    }
}
