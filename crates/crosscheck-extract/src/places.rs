//! Places: every place name of each sentence, resolved through the bundled
//! [`gazetteer`](crate::gazetteer) (country, coordinates) where it knows the
//! name, else kept as a [`PlaceKind::Named`] place when the name stands where a
//! place stands ("at the Port of Kelmarsh", "Kelmarsh port").
//!
//! The layer holds candidates, not scenes: whether a place is where something
//! happened (after a locative, before a facility noun) is for the stage that
//! reads it. Candidates may overlap (a gazetteer name inside an unknown name).

use crosscheck_core::Span;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::gazetteer::{self, Place, PlaceKind};
use crate::{tables, Sentence};

/// A capitalised word after a preposition that is not a place: a month or
/// weekday, a known organisation ("in NATO"), an adjective ending like one of
/// [`tables::NOT_PLACE_SUFFIXES`], or one of [`tables::NOT_PLACES`].
fn not_a_place(word: &str) -> bool {
    let lex = crosscheck_lexicon::english();
    tables::NOT_PLACES.contains(&word)
        || tables::NOT_PLACE_SUFFIXES.iter().any(|s| word.ends_with(s))
        || lex.known_organisations.contains(&word)
        || lex.is_calendar_word(&word.to_lowercase())
}

/// Whether an unknown capitalised name in a place position names the place
/// itself rather than an owner, a brand or a generic street word:
/// * a possessive inside the name ("Athens's main courthouse") makes it an
///   owner, whatever follows;
/// * a name made only of [`tables::GENERIC_PLACE_WORDS`] ("High Street") does
///   not identify a place on its own;
/// * after a preposition, a name followed by a lower-case content word or a
///   hyphen ("at the Acme fuel depot", "in Acme Browser history", "Kappa -
///   Omega building") modifies that noun: the place is the noun phrase, which
///   the layer cannot name, so none is kept. Function words, time words
///   ([`tables::PLACE_FOLLOWING_TIME_WORDS`]) and -ing verbs may follow.
fn names_a_place(name: &str, after: &str, origin: PlaceOrigin) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().any(|w| w.contains("'s") || w.contains("’s") || w.ends_with('\'') || w.ends_with('’')) {
        return false;
    }
    if words.iter().all(|w| tables::GENERIC_PLACE_WORDS.contains(w)) {
        return false;
    }
    if origin != PlaceOrigin::AfterPreposition {
        return true;
    }
    let rest = after.trim_start();
    if rest.starts_with("- ") || rest.starts_with('-') && !after.starts_with(' ') {
        return false;
    }
    if !after.starts_with(char::is_whitespace) {
        return true;
    }
    let next: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    if next.is_empty() || !next.chars().next().is_some_and(|c| c.is_lowercase()) {
        return true;
    }
    let lex = crosscheck_lexicon::english();
    lex.is_stopword(&next)
        || lex.is_calendar_word(&next)
        || tables::PLACE_FOLLOWING_TIME_WORDS.contains(&next.as_str())
        || next.ends_with("ing")
        || next.ends_with("ly")
        || lex.is_reporting_verb(&next)
}

/// How a place name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceOrigin {
    /// A gazetteer name or alias.
    Gazetteer,
    /// A demonym naming a country's border, airspace or coast ("the Polish border").
    BorderDemonym,
    /// An unknown capitalised name after a locative preposition ("in Kelmarsh").
    AfterPreposition,
    /// An unknown capitalised name before a facility noun ("Kelmarsh port").
    BeforeFacility,
}

/// One place name of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceName {
    /// The name as printed.
    pub span: Span,
    /// Index into `Annotated::sentences`.
    pub sentence: usize,
    pub place: Place,
    pub origin: PlaceOrigin,
}

static UNKNOWN_AFTER: Lazy<Regex> = Lazy::new(|| Regex::new(tables::UNKNOWN_PLACE_AFTER_PREP).expect("place regex"));
static UNKNOWN_BEFORE: Lazy<Regex> = Lazy::new(|| Regex::new(tables::UNKNOWN_PLACE_BEFORE_FACILITY).expect("place regex"));

/// Place names of one sentence `s` (offsets relative to it): gazetteer names
/// and border demonyms in text order, then unknown names after a preposition,
/// then unknown names before a facility noun.
fn sentence_places(s: &str) -> Vec<(usize, usize, Place, PlaceOrigin)> {
    let mut known: Vec<(usize, usize, Place, PlaceOrigin)> = gazetteer::find_all(s)
        .into_iter()
        .map(|h| (h.start, h.end, h.entry.place.clone(), PlaceOrigin::Gazetteer))
        .chain(gazetteer::find_border_demonyms(s).into_iter().map(|h| (h.start, h.end, h.entry.place.clone(), PlaceOrigin::BorderDemonym)))
        .collect();
    known.sort_by_key(|h| h.0);
    for (re, origin) in [(&*UNKNOWN_AFTER, PlaceOrigin::AfterPreposition), (&*UNKNOWN_BEFORE, PlaceOrigin::BeforeFacility)] {
        for c in re.captures_iter(s) {
            let Some(m) = c.name("name") else { continue };
            let first = m.as_str().split_whitespace().next().unwrap_or("");
            let acronym = m.as_str().len() <= 5 && m.as_str().chars().all(|c| c.is_uppercase());
            let after = &s[m.end()..];
            if not_a_place(first) || gazetteer::is_demonym(first) || acronym || after.starts_with("'s") || after.starts_with("’s") {
                continue;
            }
            if !names_a_place(m.as_str(), after, origin) {
                continue;
            }
            if let Some(place) = gazetteer::named_place(m.as_str()) {
                debug_assert_eq!(place.kind, PlaceKind::Named);
                known.push((m.start(), m.end(), place, origin));
            }
        }
    }
    known
}

/// Whether the text shows `name` as a speaker ("Kelmarsh said", "Kelmarsh
/// told reporters"): a place does not speak, so an unknown name that does is a
/// person or an organisation, wherever else it stands.
fn speaks(text: &str, name: &str) -> bool {
    let lex = crosscheck_lexicon::english();
    text.match_indices(name).any(|(i, _)| {
        let before_ok = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let next = text[i + name.len()..].trim_start_matches([' ', ',']).split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        before_ok && text[i + name.len()..].starts_with(' ') && lex.is_reporting_verb(next)
    })
}

/// The place layer of a text, sentence by sentence.
pub fn find_places(text: &str, sentences: &[Sentence]) -> Vec<PlaceName> {
    let mut out = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        for (start, end, place, origin) in sentence_places(sent.span.slice(text)) {
            out.push(PlaceName { span: Span::new(sent.span.start + start, sent.span.start + end), sentence: si, place, origin });
        }
    }
    let mut speakers: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    out.retain(|p| {
        p.place.kind != PlaceKind::Named || !*speakers.entry(p.span.slice(text).to_string()).or_insert_with(|| speaks(text, p.span.slice(text)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    #[test]
    fn calendar_words_organisations_and_based_adjectives_are_not_places() {
        for w in ["March", "Sunday", "NATO", "Kremlin", "Kelmarsh-based", "Operation"] {
            assert!(not_a_place(w), "{w}");
        }
        for w in ["Kelmarsh", "Marchmont", "Sundayville"] {
            assert!(!not_a_place(w), "{w}");
        }
    }

    #[test]
    fn known_and_unknown_places_per_sentence() {
        let t = "Drones flew near the Polish border. A fire hit a depot at the Port of Kelmarsh. Kelmarsh port reopened in May.";
        let p = find_places(t, &split_sentences(t));
        let got: Vec<(usize, &str, &str, PlaceOrigin)> = p.iter().map(|x| (x.sentence, x.span.slice(t), x.place.id.as_str(), x.origin)).collect();
        assert_eq!(
            got,
            vec![
                (0, "Polish", "pl", PlaceOrigin::BorderDemonym),
                (1, "Port of Kelmarsh", "named/kelmarsh", PlaceOrigin::AfterPreposition),
                (2, "Kelmarsh", "named/kelmarsh", PlaceOrigin::BeforeFacility),
            ],
            "a month after a preposition is no place"
        );
        let pl = &p[0].place;
        assert_eq!((pl.cc.as_deref(), pl.lat.is_some()), (Some("PL"), true), "known places carry country and coordinates");
        assert!(p[1].place.lat.is_none() && p[1].place.cc.is_none());
        let t = "A blaze hit a warehouse in Riga.";
        let p = find_places(t, &split_sentences(t));
        assert_eq!(p[0].place.id, "lv/riga");
        assert_eq!(p[0].origin, PlaceOrigin::Gazetteer);
    }
}
