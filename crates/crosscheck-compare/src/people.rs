//! People of a story: the extract stage's per-article person entities merged
//! across articles by name compatibility (same surname, and the shorter name's
//! words all in the longer, honorifics ignored), with every role each outlet
//! printed.

use crosscheck_core::Span;
use crosscheck_extract::{Annotated, EntityKind};
use serde::{Deserialize, Serialize};

use crate::lexical::{content_tokens, diff_words};
use crate::tables;

/// A role or title as one outlet printed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRole {
    pub source: String,
    pub article: crosscheck_core::ArticleId,
    pub text: String,
    pub span: Span,
}

/// One person across the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest name printed.
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<PersonRole>,
    /// Outlets that mention the person.
    pub sources: Vec<String>,
}

/// Story-level people plus the map from (document, entity index) to person.
#[derive(Debug, Clone, Default)]
pub struct People {
    pub people: Vec<Person>,
    /// `(doc, entity) -> person index`.
    pub index: Vec<((usize, usize), usize)>,
}

impl People {
    /// The person of entity `entity` of document `doc`.
    pub fn of(&self, doc: usize, entity: usize) -> Option<usize> {
        self.index.iter().find(|(k, _)| *k == (doc, entity)).map(|(_, p)| *p)
    }

    /// The person a role phrase designates ("the country's ambassador to X"):
    /// the one whose printed roles share the most content words with it.
    pub fn by_role(&self, role: &str) -> Option<usize> {
        let rt = content_tokens(role);
        if rt.is_empty() {
            return None;
        }
        let mut best: Option<(f64, usize)> = None;
        for (pi, p) in self.people.iter().enumerate() {
            for r in &p.roles {
                let pt = content_tokens(&r.text);
                let shared = rt.iter().filter(|t| pt.contains(t)).count();
                let score = shared as f64 / rt.len().max(pt.len()) as f64;
                if score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, pi));
                }
            }
        }
        best.map(|(_, p)| p)
    }
}

/// Name words without honorifics.
pub fn name_words(name: &str) -> Vec<String> {
    diff_words(name).into_iter().filter(|w| !tables::HONORIFICS.contains(&w.as_str())).map(|w| w.trim_end_matches("'s").to_string()).collect()
}

/// Whether two printed names can designate one person.
pub fn names_compatible(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa.last() != wb.last() {
        // "Jane Roes" printed for "Jane Roe's": same first name, surname plus s.
        let (la, lb) = (wa.last().unwrap(), wb.last().unwrap());
        let plural = la.strip_suffix('s') == Some(lb.as_str()) || lb.strip_suffix('s') == Some(la.as_str());
        // A lone "Roes" is "Roe's" too.
        let lone = wa.len() == 1 || wb.len() == 1;
        return plural && (lone || wa[0] == wb[0]);
    }
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    short.iter().all(|w| long.contains(w))
}

/// Roles by which a quote's speaker is named without a name ("the country's
/// ambassador to X said") become roles of the person they resolve to.
pub fn absorb_role_speakers(people: &mut People, docs: &[Annotated]) {
    for d in docs {
        for q in &d.quotes {
            let Some(att) = &q.attribution else { continue };
            let crosscheck_extract::Speaker::Role { role } = &att.speaker else { continue };
            let Some(pi) = people.by_role(role) else { continue };
            let p = &mut people.people[pi];
            // The role as printed at the evidence span, so the cite stays exact.
            let text = att.evidence.try_slice(&d.article.text).map(str::to_string).unwrap_or_else(|_| role.clone());
            if !p.roles.iter().any(|r| r.article == d.article.id && r.text == text) {
                p.roles.push(PersonRole { source: d.article.source.clone(), article: d.article.id.clone(), text, span: att.evidence });
            }
            if !p.sources.contains(&d.article.source) {
                p.sources.push(d.article.source.clone());
                p.sources.sort();
            }
        }
    }
}

/// Merge the person entities of a story's articles.
pub fn merge_people(docs: &[Annotated]) -> People {
    let mut out = People::default();
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for (ei, e) in d.entities.iter().enumerate() {
            if e.kind == EntityKind::Person {
                order.push((di, ei));
            }
        }
    }
    // Longest names first, so a surname-only mention joins the full name.
    order.sort_by_key(|&(di, ei)| std::cmp::Reverse(name_words(&docs[di].entities[ei].name).len()));
    for (di, ei) in order {
        let d = &docs[di];
        let e = &d.entities[ei];
        let found = out.people.iter().position(|p| names_compatible(&p.name, &e.name));
        let pi = match found {
            Some(pi) => pi,
            None => {
                out.people.push(Person { name: e.name.clone(), aliases: Vec::new(), roles: Vec::new(), sources: Vec::new() });
                out.people.len() - 1
            }
        };
        let p = &mut out.people[pi];
        for a in e.aliases.iter().chain(std::iter::once(&e.name)) {
            if a != &p.name && !p.aliases.contains(a) {
                p.aliases.push(a.clone());
            }
        }
        if !p.sources.contains(&d.article.source) {
            p.sources.push(d.article.source.clone());
        }
        for r in &e.roles {
            if !p.roles.iter().any(|x| x.article == d.article.id && x.text == r.text) {
                p.roles.push(PersonRole { source: d.article.source.clone(), article: d.article.id.clone(), text: r.text.clone(), span: r.span });
            }
        }
        out.index.push(((di, ei), pi));
    }
    for p in &mut out.people {
        p.sources.sort();
        p.aliases.sort();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatible_names() {
        assert!(names_compatible("Admiral Jane Q. Doe", "Doe"));
        assert!(names_compatible("President John Roe", "John Roe"));
        assert!(!names_compatible("John Roe", "Mary Roe"));
        assert!(!names_compatible("John Roe", "John Smith"));
        assert!(names_compatible("Roes", "John Roe"), "possessive printed without apostrophe");
    }
}
