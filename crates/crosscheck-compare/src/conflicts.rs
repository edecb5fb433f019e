//! Conflicts between outlets: one person with different titles, different
//! numbers for one counted thing, different dates within one claim.

use serde::{Deserialize, Serialize};

use crate::claims::{Claim, ClaimStatus};
use crosscheck_core::Span;
use crosscheck_extract::Annotated;

use crate::lexical::{diff_words, is_number_token, is_stop, stem};
use crate::people::People;
use crate::{sorted_sources, tables, Cite, StoryInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    Role,
    Number,
    Date,
}

/// One side of a conflict: a value and the outlets that print it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub value: String,
    pub sources: Vec<String>,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The person (role), counted thing (number) or claim (date) in question.
    pub subject: String,
    /// The claim the number/date conflict was found in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    pub sides: Vec<ConflictSide>,
}

/// The head noun of a role phrase: the last word before the first preposition,
/// skipping determiners, possessives and rank adjectives.
pub fn role_head(role: &str) -> Option<String> {
    let mut head = None;
    for w in diff_words(role) {
        if tables::ROLE_PREPOSITIONS.contains(&w.as_str()) {
            if head.is_some() {
                break;
            }
            continue;
        }
        if w.ends_with("'s") || tables::ROLE_DETERMINERS.contains(&w.as_str()) {
            continue;
        }
        head = Some(w);
    }
    head
}

fn same_title(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    a == b || common >= tables::ROLE_SAME_PREFIX || stem(a) == stem(b)
}

/// People given titles with different head nouns by different outlets.
pub fn role_conflicts(people: &People) -> Vec<Conflict> {
    let mut out = Vec::new();
    for p in &people.people {
        // Classes of equivalent specific titles: (head, role indices).
        let mut classes: Vec<(String, Vec<usize>)> = Vec::new();
        for (ri, r) in p.roles.iter().enumerate() {
            let Some(h) = role_head(&r.text) else { continue };
            if tables::GENERIC_ROLE_HEADS.contains(&h.as_str()) {
                continue;
            }
            match classes.iter_mut().find(|(ch, _)| same_title(ch, &h)) {
                Some(c) => c.1.push(ri),
                None => classes.push((h, vec![ri])),
            }
        }
        // A head printed inside another class's role text is not a rival title
        // ("chairs the committee" vs "chair of the committee").
        let words_of = |c: &(String, Vec<usize>)| -> Vec<String> { c.1.iter().flat_map(|&ri| diff_words(&p.roles[ri].text)).collect() };
        let mut merged: Vec<(String, Vec<usize>)> = Vec::new();
        for c in classes {
            if let Some(m) = merged.iter_mut().find(|m| words_of(m).iter().any(|w| same_title(w, &c.0)) || words_of(&c).iter().any(|w| same_title(w, &m.0))) {
                m.1.extend(c.1);
            } else {
                merged.push(c);
            }
        }
        if merged.len() < 2 {
            continue;
        }
        let sides: Vec<ConflictSide> = merged
            .iter()
            .map(|(_, ris)| ConflictSide {
                value: p.roles[ris[0]].text.clone(),
                sources: sorted_sources(ris.iter().map(|&ri| p.roles[ri].source.clone())),
                cites: ris
                    .iter()
                    .map(|&ri| Cite { article: p.roles[ri].article.clone(), source: p.roles[ri].source.clone(), span: p.roles[ri].span, text: p.roles[ri].text.clone() })
                    .collect(),
            })
            .collect();
        out.push(Conflict { kind: ConflictKind::Role, subject: p.name.clone(), claim: None, sides });
    }
    out
}

/// (number as printed, counted-noun stems) of the extract stage's quantities
/// ([`crosscheck_extract::numbers`]) inside `unit` of `doc`; a stem is kept with
/// its printed word as `stem|word`. The layer already leaves out years and days
/// of month; a quantity inside a mention of the date layer ("three days ago")
/// is a date, not a count; a lone "one" counts nothing to compare.
fn counts(doc: &Annotated, unit: Span) -> Vec<(String, Vec<String>)> {
    let text = &doc.article.text;
    doc.quantities
        .iter()
        .filter(|q| unit.contains(q.span) && !(q.value == 1.0 && !q.vague))
        .filter(|q| !doc.dates.iter().any(|m| m.span.overlaps(q.number)))
        .filter_map(|q| {
            let nouns: Vec<String> = diff_words(q.counted?.slice(text))
                .into_iter()
                .filter(|x| !is_stop(x) && !is_number_token(x))
                .map(|x| format!("{}|{x}", stem(&x)))
                .collect();
            Some((q.number.slice(text).to_lowercase(), nouns))
        })
        .collect()
}

/// Different numbers for the same counted thing: two claim units of different
/// near-duplicate groups counting the same noun with different values (or a
/// number against a vague quantifier), whose other content words overlap
/// enough to be about the same thing.
pub fn number_conflicts(input: StoryInput<'_>, _claims: &[Claim]) -> Vec<Conflict> {
    let units = crate::claims::units(input);
    let per: Vec<Vec<(String, Vec<String>)>> = units.iter().map(|u| counts(&input.docs[u.doc], u.span)).collect();
    let mut out: Vec<Conflict> = Vec::new();
    for i in 0..units.len() {
        if per[i].is_empty() {
            continue;
        }
        for j in i + 1..units.len() {
            if per[j].is_empty() || input.group(units[i].doc) == input.group(units[j].doc) {
                continue;
            }
            let shared_context = units[i].tokens.iter().filter(|t| !is_number_token(t) && units[j].tokens.contains(*t)).count();
            for (vi, ni) in &per[i] {
                for (vj, nj) in &per[j] {
                    let stem_of = |x: &String| x.split('|').next().unwrap_or("").to_string();
                    let Some(noun) = ni.iter().find(|x| nj.iter().any(|y| stem_of(y) == stem_of(x))) else { continue };
                    let noun = &noun.split('|').nth(1).unwrap_or("").to_string();
                    if vi == vj || shared_context < tables::NUMBER_CONFLICT_MIN_SHARED + 1 {
                        continue;
                    }
                    let (ci, cj) = (Cite::of(&input.docs[units[i].doc], units[i].span), Cite::of(&input.docs[units[j].doc], units[j].span));
                    let side = |v: &str, c: &Cite| ConflictSide { value: format!("{v} {noun}"), sources: vec![c.source.clone()], cites: vec![c.clone()] };
                    match out.iter_mut().find(|c| c.kind == ConflictKind::Number && &c.subject == noun) {
                        Some(c) => {
                            for (v, cite) in [(vi, &ci), (vj, &cj)] {
                                let value = format!("{v} {noun}");
                                match c.sides.iter_mut().find(|s| s.value == value) {
                                    Some(s) => {
                                        if !s.sources.contains(&cite.source) {
                                            s.sources.push(cite.source.clone());
                                            s.cites.push(cite.clone());
                                        }
                                    }
                                    None => c.sides.push(side(v, cite)),
                                }
                            }
                        }
                        None => out.push(Conflict { kind: ConflictKind::Number, subject: noun.clone(), claim: None, sides: vec![side(vi, &ci), side(vj, &cj)] }),
                    }
                }
            }
        }
    }
    out
}

/// Different dates printed for one corroborated claim.
pub fn date_conflicts(input: StoryInput<'_>, claims: &[Claim]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for c in claims.iter().filter(|c| c.status == ClaimStatus::Corroborated) {
        let mut sides: Vec<ConflictSide> = Vec::new();
        let mut resolved: Vec<(String, Option<(chrono::NaiveDate, chrono::NaiveDate)>)> = Vec::new();
        for s in &c.support {
            let Some(d) = input.docs.iter().find(|d| d.article.id == s.article) else { continue };
            for m in d.dates.iter().filter(|m| s.span.contains(m.span)) {
                let value = m.span.slice(&d.article.text).to_string();
                resolved.push((value.clone(), m.resolved));
                let key = crosscheck_core::text::match_form(&value);
                match sides.iter_mut().find(|x| crosscheck_core::text::match_form(&x.value) == key) {
                    Some(x) => {
                        if !x.sources.contains(&s.source) {
                            x.sources.push(s.source.clone());
                        }
                        x.cites.push(s.clone());
                    }
                    None => sides.push(ConflictSide { value, sources: vec![s.source.clone()], cites: vec![s.clone()] }),
                }
            }
        }
        let distinct_sources = sorted_sources(sides.iter().flat_map(|x| x.sources.clone()));
        // "December 1" and "on Monday" resolving to the same day agree.
        let mut ranges: Vec<Option<(chrono::NaiveDate, chrono::NaiveDate)>> = sides.iter().map(|x| resolved.iter().find(|(v, _)| *v == x.value).and_then(|(_, r)| *r)).collect();
        ranges.dedup();
        let agree = ranges.len() == 1 && ranges[0].is_some();
        if sides.len() >= 2 && distinct_sources.len() >= 2 && !agree {
            out.push(Conflict { kind: ConflictKind::Date, subject: c.text.clone(), claim: Some(c.id.clone()), sides });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_heads() {
        assert_eq!(role_head("the country's envoy to Ruritania").as_deref(), Some("envoy"));
        assert_eq!(role_head("the Italian chairman of the Military Committee").as_deref(), Some("chairman"));
        assert_eq!(role_head("US special envoy").as_deref(), Some("envoy"));
        assert_eq!(role_head("the city's fire chief").as_deref(), Some("chief"));
        assert!(same_title("chair", "chairman"));
        assert!(same_title("spokeswoman", "spokesperson"));
        assert!(!same_title("envoy", "ambassador"));
    }

    #[test]
    fn counts_find_vague_and_exact() {
        let counts_of = |t: &str| {
            let a = crosscheck_core::ArticleBuilder::new("t", "t", crosscheck_core::SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
            let d = crosscheck_extract::annotate(&a, None);
            counts(&d, Span::new(0, d.article.text.len()))
        };
        let a = counts_of("Divers reported the cutting of two underwater cables in the sea.");
        let b = counts_of("Officials reported multiple severed sea data cables.");
        let cable = stem("cables");
        assert!(a.iter().any(|(v, n)| v == "two" && n.contains(&format!("{cable}|cables"))), "{a:?}");
        assert!(b.iter().any(|(v, n)| v == "multiple" && n.contains(&format!("{cable}|cables"))), "{b:?}");
        assert!(counts_of("It happened on December 2, 2025.").is_empty());
    }

    #[test]
    fn counts_read_the_quantity_layer() {
        let t = "Divers reported the cutting of two underwater cables in the sea.";
        let a = crosscheck_core::ArticleBuilder::new("t", "t", crosscheck_core::SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        let mut d = crosscheck_extract::annotate(&a, None);
        let all = Span::new(0, d.article.text.len());
        assert!(!counts(&d, all).is_empty());
        d.quantities.clear();
        assert!(counts(&d, all).is_empty(), "no quantity layer, no counts: the text is not parsed here");
    }

    #[test]
    fn counts_leave_out_the_date_layer() {
        let t = "Talks began on December 2, 2025 with 40 delegates, three days ago.";
        let a = crosscheck_core::ArticleBuilder::new("s", "p", crosscheck_core::SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        let doc = crosscheck_extract::annotate(&a, None);
        let found = counts(&doc, Span::new(0, doc.article.text.len()));
        assert_eq!(found.iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>(), vec!["40"], "a date's day, year or count of days is not a count");
    }
}
