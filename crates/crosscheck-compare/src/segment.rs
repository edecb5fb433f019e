//! Claim units: a sentence of the extract stage's sentence layer, or a
//! clause of a long one. Sentences and quotes themselves are read from
//! [`crosscheck_extract::Annotated`] and never re-derived here.

use crosscheck_core::Span;

use crate::tables;

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
}
