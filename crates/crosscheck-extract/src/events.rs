//! Events: what kind of happening each sentence reports — the one event
//! classifier of crosscheck (the incident register and the story timeline both
//! read this layer).
//!
//! For each sentence: find the cues of [`tables::EVENT_CUES`] (overlaps
//! resolved by table priority), drop a cue word used in another sense ("a fire
//! sale", "cut funding for pipelines") and cues naming an intention or a
//! hypothetical ("an attempt to sabotage", "responding to drone incursions
//! would be…"); an airspace violation whose clause names drones is a drone
//! incursion, and kinds subsumed by another cue of the sentence
//! ([`tables::SUBSUMED`]) are dropped.

use crosscheck_core::Span;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::tables;
use crate::{EventKind, Sentence};

/// One reported happening: its kind and the cue words it was recognised by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// Index into `Annotated::sentences`.
    pub sentence: usize,
    pub kind: EventKind,
    /// The cue as printed (byte span into the article's text).
    pub cue: Span,
}

static CUES: Lazy<Vec<(EventKind, Regex)>> = Lazy::new(|| {
    tables::EVENT_CUES
        .iter()
        .map(|(k, p)| (*k, Regex::new(&format!("(?i){p}")).expect("event cue regex")))
        .collect()
});

/// A cue of a text (offsets relative to it).
#[derive(Debug, Clone, Copy)]
struct Cue {
    kind: EventKind,
    start: usize,
    end: usize,
}

/// Cues of a text, overlaps resolved by table priority, in text order.
fn find_cues(s: &str) -> Vec<Cue> {
    let mut found: Vec<(usize, Cue)> = Vec::new();
    for (prio, (kind, re)) in CUES.iter().enumerate() {
        for m in re.find_iter(s) {
            found.push((prio, Cue { kind: *kind, start: m.start(), end: m.end() }));
        }
    }
    found.sort_by_key(|(p, c)| (*p, c.start));
    let mut kept: Vec<Cue> = Vec::new();
    for (_, c) in found {
        if !kept.iter().any(|k| c.start < k.end && k.start < c.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// The kind of a free wording ("cable sabotage", "GPS jamming"): its first cue.
pub fn classify(text: &str) -> Option<EventKind> {
    find_cues(text).first().map(|c| c.kind)
}

fn words_before(s: &str, pos: usize, n: usize) -> Vec<String> {
    let mut w: Vec<String> = s[..pos].split_whitespace().map(|x| x.to_lowercase()).collect();
    let k = w.len().saturating_sub(n);
    w.drain(..k);
    w
}

/// "to sabotage", "responding to drone incursions", "drone incursions would be…".
fn is_intention_or_hypothetical(s: &str, c: &Cue) -> bool {
    let cue_text = s[c.start..c.end].to_lowercase();
    let first = cue_text.split_whitespace().next().unwrap_or("");
    let before = words_before(s, c.start, tables::GOVERNOR_WINDOW);
    if before.last().is_some_and(|w| w == "to") && tables::VERBAL_CUES.iter().any(|v| first.starts_with(v)) {
        return true;
    }
    // "more airstrikes are needed", "[more bombing]": a quantity of happenings asked for, not one that happened.
    if before.last().is_some_and(|w| tables::PROPOSAL_QUANTIFIERS.contains(&w.trim_matches(|ch: char| !ch.is_alphanumeric()))) {
        return true;
    }
    let window = before.join(" ");
    if tables::HYPOTHETICAL_GOVERNORS.iter().any(|g| window.contains(g)) {
        return true;
    }
    let after: Vec<String> = s[c.end..].split_whitespace().take(tables::MODAL_WINDOW).map(|w| w.to_lowercase()).collect();
    after.iter().any(|w| tables::MODALS_AFTER.contains(&w.as_str()))
}

/// "a fire sale", "the fire brigade", "cut funding for pipelines": the cue word in another sense.
fn is_other_sense(s: &str, c: &Cue) -> bool {
    let cue = s[c.start..c.end].to_lowercase();
    let last = cue.split_whitespace().last().unwrap_or("");
    let next = s[c.end..].split_whitespace().next().unwrap_or("").trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase();
    if tables::CUE_FOLLOWER_EXCLUSIONS.iter().any(|(head, followers)| last == *head && followers.contains(&next.as_str())) {
        return true;
    }
    if next == "of" {
        if let Some((_, objects)) = tables::FIGURATIVE_OBJECTS.iter().find(|(head, _)| last == *head) {
            let after: Vec<String> = s[c.end..].split_whitespace().skip(1).take(tables::FIGURATIVE_WINDOW).map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_lowercase()).collect();
            if after.iter().any(|w| objects.contains(&w.as_str())) {
                return true;
            }
        }
    }
    c.kind == EventKind::CableDamage && cue.split_whitespace().any(|w| tables::CUE_INNER_EXCLUSIONS.contains(&w))
}

static EVIDENCE: Lazy<Vec<(EventKind, Regex, &'static [&'static str])>> = Lazy::new(|| {
    tables::CUE_EVIDENCE.iter().map(|(k, p, stems)| (*k, Regex::new(&format!("(?i){p}")).expect("cue evidence regex"), *stems)).collect()
});

/// Whether a cue that names only a thing or an agent ([`tables::CUE_EVIDENCE`])
/// lacks a word of a happening in its sentence ("espionage techniques", "a plan
/// to base a reconnaissance aircraft").
fn lacks_evidence(s: &str, c: &Cue) -> bool {
    let cue = &s[c.start..c.end];
    let Some((_, _, stems)) = EVIDENCE.iter().find(|(k, re, _)| *k == c.kind && re.is_match(cue)) else { return false };
    let outside = format!("{} {}", &s[..c.start], &s[c.end..]).to_lowercase();
    let words: Vec<&str> = outside.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // "tried to detonate a car bomb": an infinitive is an attempt, no evidence that it happened.
    !words.iter().enumerate().any(|(i, w)| stems.iter().any(|st| w.starts_with(st)) && (i == 0 || words[i - 1] != "to"))
}

/// "left on full blast", "flash bombs", "hacked his phone": the cue word next to
/// a word that makes it something else ([`tables::CUE_PRECEDER_EXCLUSIONS`],
/// [`tables::CUE_CONTEXT_EXCLUSIONS`]).
fn is_excluded_by_neighbours(s: &str, c: &Cue) -> bool {
    let cue = s[c.start..c.end].to_lowercase();
    let first = cue.split_whitespace().next().unwrap_or("");
    let before = words_before(s, c.start, tables::CUE_CONTEXT_WINDOW);
    let prev = before.last().map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-').to_string()).unwrap_or_default();
    if tables::CUE_PRECEDER_EXCLUSIONS.iter().any(|(head, pre)| first == *head && pre.contains(&prev.as_str())) {
        return true;
    }
    let Some((_, words)) = tables::CUE_CONTEXT_EXCLUSIONS.iter().find(|(k, _)| *k == c.kind) else { return false };
    let after: Vec<String> = s[c.end..].split_whitespace().take(tables::CUE_CONTEXT_WINDOW).map(|w| w.to_lowercase()).collect();
    before.iter().chain(after.iter()).any(|w| words.contains(&w.trim_matches(|ch: char| !ch.is_alphanumeric())))
}

/// The reported happenings of one sentence `s` (offsets relative to it).
fn sentence_events(s: &str) -> Vec<Cue> {
    let mut cues = find_cues(s);
    cues.retain(|c| !is_intention_or_hypothetical(s, c) && !is_other_sense(s, c) && !is_excluded_by_neighbours(s, c) && !lacks_evidence(s, c));
    // "Drones violated Polish airspace" is a drone incursion; "fighter jets
    // violated Estonian airspace" is one airspace violation, not two events.
    for c in cues.iter_mut() {
        if c.kind == EventKind::AirspaceViolation {
            let clause_start = s[..c.start].rfind([',', ';']).map(|i| i + 1).unwrap_or(0);
            let clause = s[clause_start..c.end].to_lowercase();
            if clause.split(|ch: char| !ch.is_alphanumeric()).any(|w| tables::DRONE_WORDS.contains(&w)) {
                c.kind = EventKind::DroneIncursion;
            }
        }
    }
    let kinds: Vec<EventKind> = cues.iter().map(|c| c.kind).collect();
    cues.retain(|c| !tables::SUBSUMED.iter().any(|(lesser, greater)| c.kind == *lesser && kinds.contains(greater)));
    cues
}

/// The event layer of a text: every reported happening of every sentence, in text order.
pub fn find_events(text: &str, sentences: &[Sentence]) -> Vec<EventMention> {
    let mut out = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        let s = sent.span.slice(text);
        for c in sentence_events(s) {
            out.push(EventMention { sentence: si, kind: c.kind, cue: Span::new(sent.span.start + c.start, sent.span.start + c.end) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn kinds(t: &str) -> Vec<(EventKind, String)> {
        find_events(t, &split_sentences(t)).into_iter().map(|e| (e.kind, e.cue.slice(t).to_string())).collect()
    }

    #[test]
    fn kinds_and_cues() {
        use EventKind::*;
        assert_eq!(kinds("A fire destroyed a depot in the port."), vec![(SabotageArson, "A fire".into())]);
        assert_eq!(kinds("Divers found two severed cables.")[0].0, CableDamage);
        assert_eq!(kinds("Missile strikes killed four civilians.")[0].0, Strike);
        assert_eq!(kinds("Drones violated Polish airspace overnight.")[0].0, DroneIncursion);
        assert_eq!(kinds("Four fighter jets violated Estonian airspace.").iter().map(|k| k.0).collect::<Vec<_>>(), vec![AirspaceViolation]);
        assert_eq!(kinds("The two ministers held talks in the capital.")[0].0, DiplomaticMeeting);
        assert_eq!(kinds("In an interview with a broadcaster, the admiral spoke.")[0].0, Interview);
    }

    #[test]
    fn other_senses_and_hypotheticals_are_not_events() {
        for t in [
            "The fire chief spoke to reporters.",
            "The company announced a fire sale of its assets.",
            "The government cut funding for gas pipelines.",
            "It was an attempt to sabotage peace talks.",
            "Responding to physical sabotage or drone incursions would be more complex.",
        ] {
            assert!(kinds(t).iter().all(|(k, _)| !k.is_incident()), "{t}: {:?}", kinds(t));
        }
    }

    #[test]
    fn one_mention_per_listed_happening_with_its_sentence() {
        let t = "Officials spoke. The cutting of two cables in the sea, drone sightings over an airport, and cyber attacks on a ministry were reported.";
        let e = find_events(t, &split_sentences(t));
        assert_eq!(e.iter().map(|e| e.kind).collect::<Vec<_>>(), vec![EventKind::CableDamage, EventKind::DroneIncursion, EventKind::CyberAttack]);
        assert!(e.iter().all(|e| e.sentence == 1));
        assert_eq!(classify("cable sabotage"), Some(EventKind::CableDamage));
        assert_eq!(classify("the weather"), None);
    }

    #[test]
    fn kind_names_are_the_serialised_names_and_parse_back_to_incidents() {
        for k in EventKind::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
            assert_eq!(k.to_string(), k.as_str());
            let parsed = EventKind::parse_incident(k.as_str());
            assert_eq!(parsed, k.is_incident().then_some(k), "{k:?}");
        }
        assert_eq!(EventKind::parse_incident("cable or pipeline damage"), Some(EventKind::CableDamage));
        assert_eq!(EventKind::parse_incident("arson"), Some(EventKind::SabotageArson));
        assert_eq!(EventKind::parse_incident("the weather"), None);
    }
}
