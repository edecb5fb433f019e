//! Timeline: typed, dated events of the story with places and sources.
//!
//! Each claim unit holding a happening of the extract stage's event layer
//! ([`crosscheck_extract::events`]) and no speculative word
//! ([`tables::SPECULATIVE`] — "may strike" is not a strike) becomes an event
//! mention, typed by the first event of the unit, dated by the extract stage's
//! resolved date mention inside it (else undated), placed by the place
//! entities inside it, else by the extract stage's place layer
//! ([`crosscheck_extract::places`]); no place is looked for in the text here. Mentions of one type sharing a
//! place (or, without places, one claim) are one event.

use chrono::NaiveDate;
use crosscheck_core::Span;
use crosscheck_extract::{Annotated, EventKind};
use serde::{Deserialize, Serialize};

use crate::claims::{units, Claim};
use crate::lexical::diff_words;
use crate::{sorted_sources, tables, Cite, StoryInput};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Event kind as labelled by [`EventKind::label`] ("cable or pipeline damage", "diplomatic meeting", ...).
    pub kind: String,
    /// Resolved date range (inclusive), when an outlet dates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<(NaiveDate, NaiveDate)>,
    /// The date as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    pub places: Vec<String>,
    /// A representative sentence.
    pub summary: String,
    pub sources: Vec<String>,
    pub cites: Vec<Cite>,
}

/// The kind of happening a claim unit of `doc` reports: its first event of the
/// event layer, unless a speculative word makes the unit no report at all.
pub fn unit_event(doc: &Annotated, unit: Span) -> Option<EventKind> {
    let words = diff_words(unit.slice(&doc.article.text));
    if words.iter().any(|w| tables::SPECULATIVE.contains(&w.as_str())) {
        return None;
    }
    doc.events.iter().find(|e| unit.contains(e.cue)).map(|e| e.kind)
}

/// Build the story's timeline.
pub fn timeline(input: StoryInput<'_>, _claims: &[Claim]) -> Vec<TimelineEvent> {
    // People are not places.
    let people: Vec<String> = input
        .docs
        .iter()
        .flat_map(|d| d.entities.iter().filter(|e| e.kind == crosscheck_extract::EntityKind::Person))
        .flat_map(|e| diff_words(&e.name))
        .collect();
    struct M {
        kind: EventKind,
        places: Vec<String>,
        keys: Vec<String>,
        date: Option<((NaiveDate, NaiveDate), String)>,
        cite: Cite,
    }
    let mut ms: Vec<M> = Vec::new();
    for u in units(input) {
        if u.quoted {
            continue;
        }
        let d = &input.docs[u.doc];
        let Some(kind) = unit_event(d, u.span) else { continue };
        let mut places: Vec<String> = d
            .entities
            .iter()
            .filter(|e| e.kind == crosscheck_extract::EntityKind::Place && e.mentions.iter().any(|m| u.span.contains(*m)))
            .map(|e| e.name.clone())
            .collect();
        if places.is_empty() {
            // The extract stage's place layer, as printed; a person's name is no place.
            for p in d.places.iter().filter(|p| u.span.contains(p.span)) {
                let name = p.span.slice(&d.article.text).to_string();
                if !diff_words(&name).iter().any(|w| people.contains(w)) && !places.contains(&name) {
                    places.push(name);
                }
            }
        }
        let keys: Vec<String> = places.iter().flat_map(|p| diff_words(p)).filter(|w| !crate::lexical::is_stop(w)).collect();
        let date = d
            .dates
            .iter()
            .find(|m| u.span.contains(m.span) && m.resolved.is_some())
            .map(|m| (m.resolved.unwrap_or_default(), m.span.slice(&d.article.text).to_string()));
        ms.push(M { kind, places, keys, date, cite: Cite::of(d, u.span) });
    }
    // Located mentions first; a mention without a place joins the one event of
    // its type when there is exactly one, else stands alone.
    ms.sort_by_key(|m| m.keys.is_empty());
    let mut events: Vec<(TimelineEvent, Vec<String>)> = Vec::new();
    for m in ms {
        let same_kind: Vec<usize> = (0..events.len()).filter(|&i| events[i].0.kind == m.kind.label()).collect();
        let target = if m.keys.is_empty() {
            (same_kind.len() == 1).then(|| same_kind[0])
        } else {
            same_kind.iter().copied().find(|&i| events[i].1.iter().any(|k| m.keys.contains(k)))
        };
        match target {
            Some(i) => {
                let (e, k) = &mut events[i];
                if !e.sources.contains(&m.cite.source) {
                    e.sources.push(m.cite.source.clone());
                }
                for p in m.places {
                    if !e.places.contains(&p) {
                        e.places.push(p);
                    }
                }
                if e.date.is_none() {
                    if let Some((r, t)) = m.date {
                        e.date = Some(r);
                        e.date_text = Some(t);
                    }
                }
                for x in m.keys {
                    if !k.contains(&x) {
                        k.push(x);
                    }
                }
                e.cites.push(m.cite);
            }
            None => {
                let ev = TimelineEvent {
                    kind: m.kind.label().to_string(),
                    date: m.date.as_ref().map(|x| x.0),
                    date_text: m.date.map(|x| x.1),
                    places: m.places,
                    summary: m.cite.text.clone(),
                    sources: vec![m.cite.source.clone()],
                    cites: vec![m.cite],
                };
                events.push((ev, m.keys));
            }
        }
    }
    // An undated, unplaced event told by one outlet is too vague for a timeline.
    let mut out: Vec<TimelineEvent> = events
        .into_iter()
        .filter(|(e, _)| e.date.is_some() || !e.places.is_empty() || e.sources.len() >= 2)
        .map(|(mut e, _)| {
            e.sources = sorted_sources(e.sources.clone());
            e
        })
        .collect();
    out.sort_by(|a, b| a.date.map(|d| d.0).cmp(&b.date.map(|d| d.0)).then(b.sources.len().cmp(&a.sources.len())));
    let _ = input.story_date;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_speculation() {
        let kind = |t: &str| {
            let a = crosscheck_core::ArticleBuilder::new("t", "t", crosscheck_core::SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
            let d = crosscheck_extract::annotate(&a, None);
            unit_event(&d, Span::new(0, d.article.text.len()))
        };
        assert_eq!(kind("A fire destroyed a depot in the port."), Some(EventKind::SabotageArson));
        assert_eq!(kind("Divers found two severed cables."), Some(EventKind::CableDamage));
        assert_eq!(kind("The alliance may consider strikes."), None);
        assert_eq!(kind("Missile strikes killed four civilians."), Some(EventKind::Strike));
        assert_eq!(kind("The fire chief spoke to reporters."), None);
    }
}
