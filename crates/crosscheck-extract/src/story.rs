//! Story level: people merged across the articles of one story, each
//! outlet's role phrases kept, and role-only speakers resolved to a name
//! printed by another outlet with a matching role phrase.

use crosscheck_core::text::match_words;
use serde::{Deserialize, Serialize};

use crate::{Annotated, EntityKind, RoleMention, Speaker};

/// One person of a story, merged over its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryPerson {
    /// The fullest name printed by any outlet.
    pub name: String,
    pub aliases: Vec<String>,
    /// (article index, entity index in that article).
    pub members: Vec<(usize, usize)>,
    /// (article index, role as printed by that article).
    pub roles: Vec<(usize, RoleMention)>,
    /// (article index, quote index) of role-only quotes resolved to this person.
    pub resolved_role_quotes: Vec<(usize, usize)>,
}

fn name_words(n: &str) -> Vec<String> {
    match_words(n)
}

/// Whether two printed names can name one person: same full name, or one is
/// a surname of the other (tolerating a possessive "s" printed without apostrophe).
pub fn names_compatible(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let norm = |w: &str| w.strip_suffix('s').filter(|x| x.len() >= 3).map(str::to_string).unwrap_or_else(|| w.to_string());
    let (la, lb) = (wa.last().unwrap(), wb.last().unwrap());
    let last_eq = la == lb || norm(la) == *lb || *la == norm(lb);
    if !last_eq {
        return false;
    }
    // First names, when both are printed, must agree.
    if wa.len() >= 2 && wb.len() >= 2 {
        return wa[0] == wb[0];
    }
    true
}

/// Content words of a role phrase, for matching roles across outlets.
fn role_key(r: &str) -> Vec<String> {
    match_words(r).into_iter().filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "of" | "to" | "for")).map(|w| w.trim_end_matches("'s").to_string()).collect()
}

/// Whether two role phrases name the same office ("Russia's ambassador to Belgium").
pub fn roles_match(a: &str, b: &str) -> bool {
    let (ka, kb) = (role_key(a), role_key(b));
    if ka.len() < 2 || kb.len() < 2 {
        return false;
    }
    let shared = ka.iter().filter(|w| kb.contains(w)).count();
    shared * 4 >= ka.len().max(kb.len()) * 3
}

/// Merge the people of a story's articles.
pub fn merge_people(docs: &[Annotated]) -> Vec<StoryPerson> {
    let mut out: Vec<StoryPerson> = Vec::new();
    for (ai, d) in docs.iter().enumerate() {
        for (ei, e) in d.entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let hit = out.iter().position(|p| names_compatible(&p.name, &e.name));
            let p = match hit {
                Some(i) => i,
                None => {
                    out.push(StoryPerson { name: e.name.clone(), aliases: Vec::new(), members: Vec::new(), roles: Vec::new(), resolved_role_quotes: Vec::new() });
                    out.len() - 1
                }
            };
            let sp = &mut out[p];
            if e.name.split_whitespace().count() > sp.name.split_whitespace().count() {
                let old = std::mem::replace(&mut sp.name, e.name.clone());
                sp.aliases.push(old);
            }
            for a in &e.aliases {
                if !sp.aliases.contains(a) && *a != sp.name {
                    sp.aliases.push(a.clone());
                }
            }
            sp.members.push((ai, ei));
            for r in &e.roles {
                sp.roles.push((ai, r.clone()));
            }
        }
    }
    // Role-only speakers: resolve when exactly one person carries a matching role.
    for (ai, d) in docs.iter().enumerate() {
        for (qi, q) in d.quotes.iter().enumerate() {
            let Some(Speaker::Role { role }) = q.attribution.as_ref().map(|a| &a.speaker) else { continue };
            let cands: Vec<usize> = out.iter().enumerate().filter(|(_, p)| p.roles.iter().any(|(_, r)| roles_match(&r.text, role))).map(|(i, _)| i).collect();
            if cands.len() == 1 {
                let p = &mut out[cands[0]];
                p.resolved_role_quotes.push((ai, qi));
                if !p.aliases.contains(role) {
                    p.aliases.push(role.clone());
                }
                // The outlet's printed role for the person, as the speaker's evidence shows it.
                let ev = q.attribution.as_ref().unwrap().evidence;
                if !p.roles.iter().any(|(a, r)| *a == ai && r.span == ev) {
                    p.roles.push((ai, RoleMention { text: role.clone(), span: ev, confidence: 0.6 }));
                }
            }
        }
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
    }
}
