//! Story level: people merged across the articles of one story, each
//! outlet's role phrases kept, and role-only speakers resolved to a name
//! printed by another outlet with a matching role phrase.

use crosscheck_core::text::match_words;
use serde::{Deserialize, Serialize};

use crate::tables::ROLE_MATCH_MIN_OVERLAP;
use crate::{Annotated, EntityKind, RoleMention, Speaker};

/// One person of a story, merged over its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryPerson {
    /// The fullest name printed by any outlet.
    pub name: String,
    pub aliases: Vec<String>,
    /// (article index, entity index in that article).
    pub members: Vec<(usize, usize)>,
    /// (article index, role as printed by that article), one entry per
    /// distinct printed text of an article.
    pub roles: Vec<(usize, RoleMention)>,
    /// (article index, quote index) of role-only quotes resolved to this person.
    pub resolved_role_quotes: Vec<(usize, usize)>,
}

impl StoryPerson {
    /// The indices of the articles that mention the person (by name or by a
    /// resolved role), sorted and distinct.
    pub fn articles(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.members.iter().map(|m| m.0).chain(self.resolved_role_quotes.iter().map(|q| q.0)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    fn add_role(&mut self, article: usize, role: RoleMention) {
        if !self.roles.iter().any(|(a, r)| *a == article && r.text == role.text) {
            self.roles.push((article, role));
        }
    }
}

/// Name words in match form without the titles printed before names (the
/// lexicon's titles and title abbreviations) and without a possessive `'s`.
pub fn name_words(n: &str) -> Vec<String> {
    match_words(n)
        .into_iter()
        .filter(|w| !crosscheck_lexicon::english().is_title(w))
        .map(|w| w.trim_end_matches("'s").to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether two printed names can name one person: the same surname
/// (tolerating a possessive "s" printed without apostrophe), and, when both
/// print more than a surname, the same first name or the shorter name's words
/// all in the longer ("Jane Q. Doe" / "Jane Doe"). Titles are ignored
/// ("President John Roe" / "John Roe").
pub fn names_compatible(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    let (Some(la), Some(lb)) = (wa.last(), wb.last()) else { return false };
    let norm = |w: &str| w.strip_suffix('s').filter(|x| x.len() >= 3).map(str::to_string).unwrap_or_else(|| w.to_string());
    if !(la == lb || norm(la) == *lb || *la == norm(lb)) {
        return false;
    }
    if wa.len() < 2 || wb.len() < 2 {
        return true;
    }
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    wa[0] == wb[0] || short.iter().all(|w| long.contains(w))
}

/// Content words of a role phrase, for matching roles across outlets.
fn role_key(r: &str) -> Vec<String> {
    match_words(r).into_iter().filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "of" | "to" | "for")).map(|w| w.trim_end_matches("'s").to_string()).collect()
}

/// Share of the longer role phrase's content words the two phrases share.
fn role_overlap(a: &str, b: &str) -> f64 {
    let (ka, kb) = (role_key(a), role_key(b));
    if ka.is_empty() || kb.is_empty() {
        return 0.0;
    }
    let shared = ka.iter().filter(|w| kb.contains(w)).count();
    shared as f64 / ka.len().max(kb.len()) as f64
}

/// Whether two role phrases name the same office ("Russia's ambassador to Belgium").
pub fn roles_match(a: &str, b: &str) -> bool {
    role_key(a).len() >= 2 && role_key(b).len() >= 2 && role_overlap(a, b) >= ROLE_MATCH_MIN_OVERLAP
}

/// The person a role-only speaker designates: the one whose printed roles
/// share the largest part of the role's words with it (at least
/// [`ROLE_MATCH_MIN_OVERLAP`]); `None` when two people tie.
pub fn person_by_role(people: &[StoryPerson], role: &str) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    let mut tie = false;
    for (pi, p) in people.iter().enumerate() {
        let score = p.roles.iter().map(|(_, r)| role_overlap(&r.text, role)).fold(0.0, f64::max);
        if score < ROLE_MATCH_MIN_OVERLAP {
            continue;
        }
        match best {
            Some((b, _)) if score < b => {}
            Some((b, _)) if score == b => tie = true,
            _ => {
                best = Some((score, pi));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, p)| p)
}

/// Merge the people of a story's articles: longest names first, so a
/// surname-only mention joins the full name; every printed role kept per
/// article; role-only speakers resolved to the person whose roles match.
pub fn merge_people(docs: &[Annotated]) -> Vec<StoryPerson> {
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (ai, d) in docs.iter().enumerate() {
        for (ei, e) in d.entities.iter().enumerate() {
            if e.kind == EntityKind::Person {
                order.push((ai, ei));
            }
        }
    }
    order.sort_by_key(|&(ai, ei)| std::cmp::Reverse(name_words(&docs[ai].entities[ei].name).len()));
    let mut out: Vec<StoryPerson> = Vec::new();
    for (ai, ei) in order {
        let e = &docs[ai].entities[ei];
        let p = match out.iter().position(|p| names_compatible(&p.name, &e.name)) {
            Some(i) => i,
            None => {
                out.push(StoryPerson { name: e.name.clone(), aliases: Vec::new(), members: Vec::new(), roles: Vec::new(), resolved_role_quotes: Vec::new() });
                out.len() - 1
            }
        };
        let sp = &mut out[p];
        for a in e.aliases.iter().chain(std::iter::once(&e.name)) {
            if *a != sp.name && !sp.aliases.contains(a) {
                sp.aliases.push(a.clone());
            }
        }
        sp.members.push((ai, ei));
        for r in &e.roles {
            sp.add_role(ai, r.clone());
        }
    }
    // Role-only speakers: the role as printed at the speaker's evidence becomes
    // a role of the person it designates, so the cite stays exact.
    for (ai, d) in docs.iter().enumerate() {
        for (qi, q) in d.quotes.iter().enumerate() {
            let Some(att) = q.attribution.as_ref() else { continue };
            let Speaker::Role { role } = &att.speaker else { continue };
            let Some(pi) = person_by_role(&out, role) else { continue };
            let p = &mut out[pi];
            p.resolved_role_quotes.push((ai, qi));
            if !p.aliases.contains(role) {
                p.aliases.push(role.clone());
            }
            let text = att.evidence.try_slice(&d.article.text).map(str::to_string).unwrap_or_else(|_| role.clone());
            p.add_role(ai, RoleMention { text, span: att.evidence, confidence: att.confidence });
        }
    }
    for p in &mut out {
        p.aliases.sort();
    }
    out
}

/// The name a quote's speaker goes by, resolved at the story level when the
/// article names it only by role. `None` for unattributed quotes.
pub fn story_speaker_name(docs: &[Annotated], people: &[StoryPerson], article: usize, quote: usize) -> Option<String> {
    let d = &docs[article];
    let a = d.quotes.get(quote)?.attribution.as_ref()?;
    match &a.speaker {
        Speaker::Entity { entity } => {
            let e = d.entities.get(*entity)?;
            if e.kind == EntityKind::Person {
                if let Some(p) = people.iter().find(|p| p.members.contains(&(article, *entity))) {
                    return Some(p.name.clone());
                }
            }
            Some(e.name.clone())
        }
        Speaker::Role { role } => Some(people.iter().find(|p| p.resolved_role_quotes.contains(&(article, quote))).map(|p| p.name.clone()).unwrap_or_else(|| role.clone())),
        Speaker::Anonymous { description } => Some(description.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_role_compatibility() {
        assert!(names_compatible("Ana Torres", "Torres"));
        assert!(names_compatible("Torres", "Ana Torres"));
        assert!(names_compatible("Ana Torress", "Ana Torres") || names_compatible("Torress", "Ana Torres"));
        assert!(!names_compatible("Ana Torres", "Luis Torres"));
        assert!(!names_compatible("Ana Torres", "Ana Lopez"));
        assert!(roles_match("France’s ambassador to Chile", "France's ambassador to Chile"));
        assert!(!roles_match("France’s ambassador to Chile", "France’s envoy to Peru"));
        // Titles are not part of a name; a middle initial does not split a person.
        assert!(names_compatible("Admiral Jane Q. Doe", "Doe"));
        assert!(names_compatible("President John Roe", "John Roe"));
        assert!(names_compatible("Jane Q. Doe", "Jane Doe"));
        assert!(!names_compatible("John Roe", "Mary Roe"));
        assert!(!names_compatible("John Roe", "John Smith"));
        assert!(names_compatible("Roes", "John Roe"), "possessive printed without apostrophe");
    }
}
