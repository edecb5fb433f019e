//! What tells two events of one kind apart: who, where, when and what, read
//! from the extraction layers (`crosscheck-extract`, the one producer of
//! people, places, dates and numbers) rather than from the words of the text.
//!
//! Two earthquakes are told in the same words; they differ in the place, the
//! date and the magnitude. Two stars entering rehab differ in the person. The
//! text signals of [`crate::features`] cannot see that, these can:
//! * **who**: the people the entity layer names, by surname (so a later
//!   surname alone matches the full name, and a shared first name is no match);
//! * **where**: the places the place layer finds, by gazetteer id when resolved;
//! * **when**: the years of the dates the date layer resolved. An unresolved
//!   date stays unknown (no year is guessed); an article without any is neutral;
//! * **what**: the key numbers of the quantity layer (not vague counts, not
//!   years or days, which that layer leaves out), by value.
//!
//! All are sets of 32-bit ids, sorted, so a story's running set is one merge
//! and the share of an article's set a story holds is one binary search each.

use crosscheck_core::Article;
use crosscheck_extract::{entities, numbers, places, split_sentences, DateAnchor, EntityKind};
use serde::{Deserialize, Serialize};

use crate::features::term_id;
use crate::tables;

/// The who, where, when and what of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventSignals {
    /// Surnames of the people named (match form), sorted, distinct.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<u32>,
    /// Surname of the article's key participant: the person it names most often.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_person: Vec<u32>,
    /// Place ids (gazetteer key when resolved, else the name), sorted, distinct.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<u32>,
    /// Years of the resolved date mentions, sorted, distinct.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<u32>,
    /// Key numbers (values of the quantity layer), sorted, distinct.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<u32>,
}

fn id_of(s: &str) -> u32 {
    term_id(&s.to_lowercase())
}

fn sorted(mut v: Vec<u32>, cap: usize) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v.truncate(cap);
    v.shrink_to_fit();
    v
}

/// The event signals of an article, from its sentence, entity, place, date and
/// quantity layers. Dates are resolved against the article's own date or
/// dateline only: a date needing an anchor the article lacks stays unknown.
pub fn event_signals(article: &Article) -> EventSignals {
    let text = &article.text;
    let sentences = split_sentences(text);
    let index = entities::find_entities_in(text, &sentences, crosscheck_lexicon::for_language(article.language.as_deref().unwrap_or("en")));
    // A person is their surname (the last word of the fullest name the entity
    // layer merged): a later "Doe" matches "Admiral Jane Doe", and two people
    // who share a first name do not match.
    let surname = |name: &str| name.split_whitespace().last().filter(|w| w.chars().count() > 1).map(id_of);
    let persons = || index.entities.iter().filter(|e| e.kind == EntityKind::Person);
    let people: Vec<u32> = persons().filter_map(|e| surname(&e.name)).collect();
    let key_person: Vec<u32> = persons().max_by_key(|e| e.mentions.len()).and_then(|e| surname(&e.name)).into_iter().collect();
    let places: Vec<u32> = places::find_places(text, &sentences)
        .iter()
        .map(|p| id_of(&p.place.id))
        .collect();
    let dateline = crosscheck_extract::article_dateline(article);
    let reference = crosscheck_extract::article_reference(article, dateline.as_ref());
    let years: Vec<u32> = crosscheck_extract::find_dates(text, &sentences, reference)
        .iter()
        .filter(|d| d.anchor != DateAnchor::None)
        .filter_map(|d| d.resolved)
        .flat_map(|(a, b)| {
            use chrono::Datelike;
            // A range over many years ("since 1990") says little about when.
            let (ya, yb) = (a.year(), b.year());
            (yb - ya <= 1).then_some(ya..=yb)
        })
        .flatten()
        .filter_map(|y| u32::try_from(y).ok())
        .collect();
    let numbers: Vec<u32> = numbers::find_quantities(text, &sentences)
        .iter()
        .filter(|q| !q.vague && q.value.is_finite())
        .map(|q| id_of(&format!("{}", (q.value * 100.0).round() / 100.0)))
        .collect();
    EventSignals {
        people: sorted(people, tables::ARTICLE_SIGNAL_IDS),
        key_person,
        places: sorted(places, tables::ARTICLE_SIGNAL_IDS),
        years: sorted(years, tables::ARTICLE_SIGNAL_IDS),
        numbers: sorted(numbers, tables::ARTICLE_SIGNAL_IDS),
    }
}

/// Share of `article`'s ids the story's counted set holds; `None` when either is empty
/// (unknown, not a disagreement).
pub fn share(article: &[u32], story: &[(u32, u32)]) -> Option<f32> {
    if article.is_empty() || story.is_empty() {
        return None;
    }
    let hits = article
        .iter()
        .filter(|a| story.binary_search_by_key(a, |x| &x.0).is_ok())
        .count();
    Some(hits as f32 / article.len() as f32)
}

/// [`share`] with every id weighted by `weight` (an IDF: a rare name agreeing
/// says more than a common one).
pub fn weighted_share(article: &[u32], story: &[(u32, u32)], weight: impl Fn(u32) -> f32) -> Option<f32> {
    if article.is_empty() || story.is_empty() {
        return None;
    }
    let (mut hit, mut all) = (0.0, 0.0);
    for &a in article {
        let w = weight(a);
        all += w;
        if story.binary_search_by_key(&a, |x| x.0).is_ok() {
            hit += w;
        }
    }
    (all > 0.0).then(|| hit / all)
}

/// The story's core: ids named by at least [`tables::CORE_SHARE`] of its
/// `members` (at least one), the participants the coverage agrees on.
pub fn core(story: &[(u32, u32)], members: usize) -> Vec<u32> {
    let need = ((members as f32 * tables::CORE_SHARE).ceil() as u32).max(1);
    story.iter().filter(|x| x.1 >= need).map(|x| x.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    fn article(text: &str) -> Article {
        ArticleBuilder::new("s", "p", SourceFormat::Text, b"", text).build(None, None).unwrap()
    }

    #[test]
    fn people_places_years_numbers() {
        let a = article(
            "A magnitude 6.1 earthquake struck near Lisbon on March 3, 2011, killing 14 people. \
             Seismologist Maria Gomes said aftershocks were likely.",
        );
        let s = event_signals(&a);
        assert!(s.years.contains(&2011), "{s:?}");
        assert!(!s.places.is_empty(), "{s:?}");
        assert!(s.people.contains(&id_of("gomes")), "{s:?}");
        assert!(s.numbers.contains(&id_of("14")), "{s:?}");
    }

    #[test]
    fn an_unanchored_date_stays_unknown() {
        // "on Tuesday" needs the article's date, which this text does not have.
        let s = event_signals(&article("The minister resigned on Tuesday after the vote."));
        assert!(s.years.is_empty(), "{s:?}");
    }

    #[test]
    fn share_is_unknown_without_both_sides() {
        assert_eq!(share(&[], &[(1, 1)]), None);
        assert_eq!(share(&[1], &[]), None);
        assert_eq!(share(&[1, 2], &[(2, 1), (3, 1)]), Some(0.5));
    }
}
