//! People, organisations and places by a gazetteer-free rule method:
//! capitalised runs, honorific/title cues, organisation and place head words,
//! sentence-initial filtering by in-document evidence, and alias merging
//! (full name = surname = "the admiral" via a role noun).

use std::collections::{HashMap, HashSet};

use crosscheck_core::Span;

use crate::roles::{apposition_after, apposition_before, premodifier};
use crosscheck_lexicon::english;

use crate::tables::{FEMALE_CUES, MALE_CUES, NAME_SUFFIXES, ORG_WORDS, PLACE_PREPOSITIONS, PLACE_WORDS, ROLE_NOUNS, SENTENCE_OPENERS};
use crate::tokens::{adjacent, is_cap, lower, strip_possessive, tokenize, Tok};
use crate::{Entity, EntityKind, RoleMention, Sentence};

/// Entities of an article plus the mention index attribution needs.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    pub entities: Vec<Entity>,
    /// (mention span, entity index), sorted by position.
    pub mentions: Vec<(Span, usize)>,
    /// Per entity: Some(true) female, Some(false) male, None unknown.
    pub gender: Vec<Option<bool>>,
    /// Per entity: lower-case titles and role nouns it carries ("admiral", "spokeswoman").
    pub role_nouns: Vec<HashSet<String>>,
}

impl EntityIndex {
    /// The entity whose mention covers `span`, if any.
    pub fn entity_in(&self, span: Span) -> Option<(Span, usize)> {
        self.mentions.iter().copied().find(|(m, _)| span.contains(*m))
    }
}

fn is_title(w: &str) -> bool {
    is_cap(w) && english().is_title(&lower(w))
}

fn is_date_word(w: &str) -> bool {
    english().is_calendar_word(&lower(w))
}

/// Head words of organisation names, and the organisations known by one word ("Kremlin").
fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains(&w) || english().known_organisations.contains(&w)
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn name_like(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && cs.clone().any(|c| c.is_lowercase()) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
}

/// Demonyms and similar adjectives: end like one and are followed by a
/// lower-case word somewhere in the text ("Italian chairman", "Western powers").
fn adjective_like(w: &str, lower_followed: &HashSet<&str>) -> bool {
    english().has_demonym_ending(w) && lower_followed.contains(w)
}

struct Raw {
    toks: Vec<Tok>,
    sentence: usize,
    /// Title tokens printed before the name inside the run ("US Senator").
    pre: Vec<Tok>,
    /// Run started at the sentence start.
    initial: bool,
}

/// Find the entities of a text in its language: German text has a finder of
/// its own ([`crate::entities_de`]), where a capitalised word is a noun by
/// default; every other language is read by the English rules.
pub fn find_entities_in(text: &str, sentences: &[Sentence], lexicon: &crosscheck_lexicon::Lexicon) -> EntityIndex {
    match lexicon.language {
        "de" => crate::entities_de::find_entities(text, sentences, lexicon),
        _ => find_entities(text, sentences),
    }
}

/// Find the entities of a text by the English rules.
pub fn find_entities(text: &str, sentences: &[Sentence]) -> EntityIndex {
    let sent_toks: Vec<Vec<Tok>> = sentences.iter().map(|s| tokenize(text, s.span)).collect();
    // In-document evidence: capitalised words seen away from a sentence start,
    // words seen in lower case, words followed by a lower-case word.
    let mut cap_inside: HashSet<&str> = HashSet::new();
    let mut lower_seen: HashSet<&str> = HashSet::new();
    let mut lower_followed: HashSet<&str> = HashSet::new();
    let mut after_place_prep: HashSet<&str> = HashSet::new();
    let mut after_the: HashSet<&str> = HashSet::new();
    for toks in &sent_toks {
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            let (b, _) = strip_possessive(w);
            if is_cap(w) {
                if k > 0 {
                    cap_inside.insert(b);
                }
                if let Some(n) = toks.get(k + 1) {
                    if n.text(text).chars().next().is_some_and(|c| c.is_lowercase()) {
                        lower_followed.insert(w);
                    }
                }
                if k > 0 {
                    let p = toks[k - 1].text(text);
                    if PLACE_PREPOSITIONS.contains(&p) {
                        after_place_prep.insert(b);
                    }
                    if p.eq_ignore_ascii_case("the") {
                        after_the.insert(b);
                    }
                }
            } else {
                lower_seen.insert(w);
            }
        }
    }

    // Capitalised runs.
    let mut raws: Vec<Raw> = Vec::new();
    for (si, toks) in sent_toks.iter().enumerate() {
        let mut k = 0;
        while k < toks.len() {
            let w0 = toks[k].text(text);
            let lower_compound = w0.split(['-', '\u{2010}', '\u{2011}']).skip(1).any(|p| p.chars().next().is_some_and(|c| c.is_lowercase()));
            if !is_cap(w0) || is_date_word(w0) || lower_compound || w0.chars().count() == 1 {
                k += 1;
                continue;
            }
            let mut run = vec![toks[k]];
            let mut j = k + 1;
            while j < toks.len()
                && is_cap(toks[j].text(text))
                && !is_date_word(toks[j].text(text))
                && (adjacent(text, &toks[j - 1], &toks[j]) || middle_initial(text, &toks[j - 1], &toks[j]))
                && !strip_possessive(toks[j - 1].text(text)).1
            {
                run.push(toks[j]);
                j += 1;
            }
            // Sentence-initial, or first word of a quotation inside the sentence.
            let initial = k == 0
                || text[sentences[si].span.start..toks[k].start].trim().chars().all(|c| !c.is_alphanumeric())
                || text[..toks[k].start].chars().next_back().is_some_and(|c| matches!(c, '"' | '\u{201c}' | '\u{ab}' | '\u{201e}' | '\u{2018}' | '\u{300c}'));
            // A kicker label in capitals before a colon ("BREAKING NEWS: …")
            // announces the text; it names nothing.
            let kicker = initial
                && run.len() >= 2
                && run.iter().all(|t| is_acronym(t.text(text)))
                && text[run[run.len() - 1].end..].trim_start().starts_with(':');
            if kicker {
                k = j;
                continue;
            }
            // Drop a sentence-opening function word and adjectives at the front.
            let mut a = 0;
            // Sentence-opening function words and participles ("Speaking ...") are not names.
            if initial && (SENTENCE_OPENERS.contains(&run[0].text(text)) || (run.len() > 1 && run[0].text(text).ends_with("ing"))) {
                a = 1;
            }
            // Leading adjectives go ("Italian chairman"), unless they begin a place or
            // organisation name ("Baltic Sea").
            let headed = run.last().is_some_and(|t| {
                let w = strip_possessive(t.text(text)).0;
                PLACE_WORDS.contains(&w) || is_org_word(w)
            });
            while !headed && a < run.len() && adjective_like(run[a].text(text), &lower_followed) {
                a += 1;
            }
            let mut run: Vec<Tok> = run[a..].to_vec();
            while run.last().is_some_and(|t| adjective_like(t.text(text), &lower_followed)) {
                run.pop();
            }
            if !run.is_empty() {
                // Split leading titles off when what follows looks like a name.
                // A capitalised role noun counts as a title when a full name (two
                // words or more) follows it ("Lock Master Ann Lee").
                // The first word completes a title of the form "Secretary of
                // State", "Minister of Finance" when a title and "of" precede the run.
                let title_of = k >= 2 && toks[k].start == run[0].start && run.len() > 2 && toks[k - 1].text(text) == "of" && is_title(toks[k - 2].text(text));
                let last_title = run.iter().enumerate().rposition(|(i, t)| {
                    is_title(t.text(text)) || (run.len() - i > 2 && ROLE_NOUNS.contains(&lower(t.text(text)).as_str())) || (i == 0 && title_of)
                });
                let mut pre = Vec::new();
                if let Some(lt) = last_title {
                    if lt + 1 < run.len() && run[lt + 1..].iter().all(|t| (name_like(strip_possessive(t.text(text)).0) || is_middle_initial(text, t)) && !is_org_word(strip_possessive(t.text(text)).0)) {
                        pre = run[..=lt].to_vec();
                        run = run[lt + 1..].to_vec();
                    }
                }
                raws.push(Raw { toks: run, sentence: si, pre, initial: initial && a == 0 });
            }
            k = j;
        }
    }

    // Capitalised words printed alone (a surname reused: evidence the full name is a person).
    let standalone: HashSet<String> = raws
        .iter()
        .filter(|r| r.toks.len() == 1)
        .flat_map(|r| {
            let w = strip_possessive(r.toks[0].text(text)).0.to_string();
            let bare = w.strip_suffix('s').map(str::to_string);
            std::iter::once(w).chain(bare)
        })
        .collect();
    let mut idx = EntityIndex::default();
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut add = |idx: &mut EntityIndex, kind: EntityKind, name: String, span: Span| -> usize {
        let key = (kind, name.clone());
        let e = *by_key.entry(key).or_insert_with(|| {
            idx.entities.push(Entity { kind, name: name.clone(), aliases: Vec::new(), mentions: Vec::new(), roles: Vec::new() });
            idx.gender.push(None);
            idx.role_nouns.push(HashSet::new());
            idx.entities.len() - 1
        });
        idx.entities[e].mentions.push(span);
        idx.mentions.push((span, e));
        e
    };

    let name_of = |toks: &[Tok]| -> (String, Span) {
        let last = toks.last().unwrap();
        let (b, _) = strip_possessive(last.text(text));
        let end = last.start + b.len();
        (text[toks[0].start..end].to_string(), Span::new(toks[0].start, end))
    };

    // Pass 1: multi-word people (or titled single names).
    let mut singles: Vec<usize> = Vec::new();
    let mut person_raws: Vec<(usize, usize)> = Vec::new(); // (raw index, entity)
    let mut titled_singles: Vec<usize> = Vec::new();
    for (ri, r) in raws.iter().enumerate() {
        let words: Vec<&str> = r.toks.iter().map(|t| strip_possessive(t.text(text)).0).collect();
        let org = words.iter().any(|w| is_org_word(w)) || (words.len() == 1 && is_acronym(words[0]));
        let place = words.iter().any(|w| PLACE_WORDS.contains(w));
        let all_names = words.iter().zip(&r.toks).enumerate().all(|(i, (w, t))| {
            name_like(w) || is_middle_initial(text, t) || (i + 1 == words.len() && i >= 2 && NAME_SUFFIXES.contains(w))
        });
        let titled = !r.pre.is_empty();
        let toks = &sent_toks[r.sentence];
        let at = toks.iter().position(|t| t.start == r.toks[0].start).unwrap_or(0);
        let role_before = at > 0 && {
            let p = lower(toks[at - 1].text(text));
            ROLE_NOUNS.contains(&p.as_str()) && adjacent(text, &toks[at - 1], &toks[at])
        };
        let after_article = at > 0 && lower(toks[at - 1].text(text)) == "the";
        if words.len() == 1 && !org && !place && all_names && !after_article && (titled || role_before) {
            // Titled single names wait until every full name is known ("Mr Smith" before "Ann Smith").
            titled_singles.push(ri);
            continue;
        }
        if !org && !place && all_names && !after_article && (2..=4).contains(&words.len()) {
            if words.len() >= 2 && r.initial && !cap_inside.contains(words[0]) && lower_seen.contains(lower(words[0]).as_str()) {
                singles.push(ri);
                continue;
            }
            if !person_evidence(text, sentences[r.sentence].span, toks, r, at, role_before, &standalone) {
                singles.push(ri);
                continue;
            }
            let (name, span) = name_of(&r.toks);
            let e = add(&mut idx, EntityKind::Person, name, span);
            person_raws.push((ri, e));
        } else {
            singles.push(ri);
        }
    }
    for ri in titled_singles {
        let r = &raws[ri];
        let (name, span) = name_of(&r.toks);
        let known = idx.entities.iter().position(|e| e.kind == EntityKind::Person && e.name.split_whitespace().count() > 1 && e.name.split_whitespace().last() == Some(name.as_str()));
        match known {
            Some(e) => {
                idx.entities[e].mentions.push(span);
                idx.mentions.push((span, e));
                for a in [name.clone(), text[r.pre.first().map(|t| t.start).unwrap_or(span.start)..span.end].to_string()] {
                    if !idx.entities[e].aliases.contains(&a) {
                        idx.entities[e].aliases.push(a);
                    }
                }
                for t in &r.pre {
                    idx.role_nouns[e].insert(lower(t.text(text).trim_end_matches('.')));
                }
            }
            None => {
                let e = add(&mut idx, EntityKind::Person, name, span);
                person_raws.push((ri, e));
            }
        }
    }
    // A possessive printed without apostrophe ("Vladimir Smiths escalating war")
    // loses its "s" when the bare surname is printed elsewhere.
    for ent in idx.entities.iter_mut() {
        let last = ent.name.split_whitespace().last().unwrap_or("").to_string();
        if let Some(bare) = last.strip_suffix('s') {
            if bare.len() >= 3 && cap_inside.contains(bare) {
                let new = format!("{}{}", &ent.name[..ent.name.len() - last.len()], bare);
                ent.name = new;
                for m in ent.mentions.iter_mut() {
                    m.end -= 1;
                }
            }
        }
    }
    idx.mentions = idx.entities.iter().enumerate().flat_map(|(e, ent)| ent.mentions.iter().map(move |m| (*m, e))).collect();
    // Surnames of known people (and their no-apostrophe possessives, "Smiths").
    let mut surname: HashMap<String, usize> = HashMap::new();
    for (e, ent) in idx.entities.iter().enumerate() {
        if let Some(last) = ent.name.split_whitespace().last() {
            surname.insert(last.to_string(), e);
        }
    }
    // Pass 2: everything else.
    for ri in singles {
        let r = &raws[ri];
        let words: Vec<&str> = r.toks.iter().map(|t| strip_possessive(t.text(text)).0).collect();
        let (name, span) = name_of(&r.toks);
        if words.len() == 1 {
            let w = words[0];
            let hit = surname.get(w).or_else(|| w.strip_suffix('s').and_then(|b| surname.get(b)));
            if let Some(&e) = hit {
                let span = Span::new(r.toks[0].start, r.toks[0].start + w.len());
                idx.entities[e].mentions.push(span);
                idx.mentions.push((span, e));
                if !idx.entities[e].aliases.iter().any(|a| a == w) {
                    idx.entities[e].aliases.push(w.to_string());
                }
                if !r.pre.is_empty() {
                    let full = text[r.pre[0].start..span.end].to_string();
                    if !idx.entities[e].aliases.contains(&full) {
                        idx.entities[e].aliases.push(full);
                    }
                }
                continue;
            }
            let bare_known = w.strip_suffix('s').is_some_and(|b| b.len() >= 4 && cap_inside.contains(b));
            if r.initial && !cap_inside.contains(w) && !bare_known {
                continue;
            }
            if lower_seen.contains(lower(w).as_str()) && !is_acronym(w) {
                continue;
            }
        }
        // A full name already known as a person's, printed here without evidence of its own.
        if words.len() > 1 {
            if let Some(e) = idx.entities.iter().position(|x| x.kind == EntityKind::Person && x.name == name) {
                idx.entities[e].mentions.push(span);
                idx.mentions.push((span, e));
                continue;
            }
        }
        // "Russias" printed for "Russia's": the bare form names the entity.
        let (name, span) = match words.as_slice() {
            [w] if w.ends_with('s') && w.len() > 4 && cap_inside.contains(&w[..w.len() - 1]) => (w[..w.len() - 1].to_string(), Span::new(span.start, span.end - 1)),
            _ => (name, span),
        };
        let org = words.iter().any(|w| is_org_word(w)) || words.iter().all(|w| is_acronym(w));
        let place = words.iter().any(|w| PLACE_WORDS.contains(w));
        let kind = if place && !org {
            EntityKind::Place
        } else if org || (words.len() == 1 && after_the.contains(words[0]) && !after_place_prep.contains(words[0])) {
            EntityKind::Organisation
        } else if words.len() == 1 {
            EntityKind::Place
        } else {
            EntityKind::Organisation
        };
        add(&mut idx, kind, name, span);
    }

    // Roles and titles of people, from each full mention.
    for (ri, e) in person_raws {
        let r = &raws[ri];
        let s = sentences[r.sentence].span;
        let toks = &sent_toks[r.sentence];
        let name_start = r.pre.first().unwrap_or(&r.toks[0]).start;
        let (_, nspan) = name_of(&r.toks);
        let mut found: Vec<RoleMention> = Vec::new();
        for t in &r.pre {
            idx.role_nouns[e].insert(lower(t.text(text).trim_end_matches('.')));
        }
        if !r.pre.is_empty() {
            let alias = text[r.pre[0].start..nspan.end].to_string();
            if !idx.entities[e].aliases.contains(&alias) {
                idx.entities[e].aliases.push(alias);
            }
        }
        let at = toks.iter().position(|t| t.start == name_start).unwrap_or(0);
        if let Some(mut pm) = premodifier(text, toks, at) {
            // The in-run titles belong to the pre-modifier phrase.
            if !r.pre.is_empty() {
                let sp = Span::new(pm.span.start, r.pre.last().unwrap().end);
                pm = RoleMention { text: sp.slice(text).to_string(), span: sp, confidence: pm.confidence };
            }
            found.push(pm);
        } else if r.pre.len() >= 2 {
            let sp = Span::new(r.pre[0].start, r.pre.last().unwrap().end);
            found.push(RoleMention { text: sp.slice(text).to_string(), span: sp, confidence: 0.7 });
        }
        if let Some(a) = apposition_after(text, s, nspan.end) {
            found.push(a);
        }
        if let Some(b) = apposition_before(text, s, name_start, nspan.end) {
            found.push(b);
        }
        for rm in found {
            for t in tokenize(text, rm.span) {
                let l = lower(strip_possessive(t.text(text)).0);
                if ROLE_NOUNS.contains(&l.as_str()) {
                    idx.role_nouns[e].insert(l);
                }
            }
            if !idx.entities[e].roles.iter().any(|x| x.span == rm.span) {
                idx.entities[e].roles.push(rm);
            }
        }
    }
    for e in 0..idx.entities.len() {
        let nouns = &idx.role_nouns[e];
        if nouns.iter().any(|n| FEMALE_CUES.contains(&n.as_str())) {
            idx.gender[e] = Some(true);
        } else if nouns.iter().any(|n| MALE_CUES.contains(&n.as_str())) {
            idx.gender[e] = Some(false);
        }
    }

    // Definite descriptions: "the admiral" -> the nearest preceding person carrying that noun.
    idx.mentions.sort();
    for (si, toks) in sent_toks.iter().enumerate() {
        let _ = si;
        for k in 0..toks.len().saturating_sub(1) {
            if lower(toks[k].text(text)) != "the" {
                continue;
            }
            let (noun, _) = strip_possessive(toks[k + 1].text(text));
            let l = lower(noun);
            if is_cap(noun) || !ROLE_NOUNS.contains(&l.as_str()) {
                continue;
            }
            // Not a role phrase of its own ("the chair of X").
            if toks.get(k + 2).is_some_and(|t| matches!(lower(t.text(text)).as_str(), "of" | "to" | "for")) && !strip_possessive(toks[k + 1].text(text)).1 {
                continue;
            }
            let pos = toks[k].start;
            let cand = idx
                .mentions
                .iter()
                .rev()
                .filter(|(m, e)| m.end <= pos && idx.entities[*e].kind == EntityKind::Person && idx.role_nouns[*e].contains(&l))
                .map(|x| x.1)
                .next();
            if let Some(e) = cand {
                let span = Span::new(toks[k].start, toks[k + 1].start + noun.len());
                let alias = format!("the {l}");
                if !idx.entities[e].aliases.contains(&alias) {
                    idx.entities[e].aliases.push(alias);
                }
                idx.entities[e].mentions.push(span);
                idx.mentions.push((span, e));
            }
        }
    }
    idx.mentions.sort();
    for e in idx.entities.iter_mut() {
        e.mentions.sort();
    }
    idx
}

/// Whether a multi-word capitalised run is a person: it needs evidence of one
/// (a title or role before it, a role apposition, a reporting verb next to it,
/// a "who" clause, or its last word printed alone elsewhere as a surname).
/// Without it, "New York" or "Star Wars" would be people.
fn person_evidence(text: &str, sentence: Span, toks: &[Tok], r: &Raw, at: usize, role_before: bool, standalone: &HashSet<String>) -> bool {
    if !r.pre.is_empty() || role_before {
        return true;
    }
    let last = r.toks.last().unwrap();
    let (lw, _) = strip_possessive(last.text(text));
    if standalone.contains(lw) || lw.strip_suffix('s').is_some_and(|b| standalone.contains(b)) {
        return true;
    }
    let end = last.start + lw.len();
    let after = &text[end..sentence.end];
    if after.starts_with(", who ") || after.starts_with(", whose ") {
        return true;
    }
    if apposition_after(text, sentence, end).is_some() || apposition_before(text, sentence, r.toks[0].start, end).is_some() {
        return true;
    }
    let n = r.toks.len();
    let next = toks.get(at + n).filter(|t| adjacent(text, last, t)).map(|t| lower(t.text(text)));
    let next2 = toks.get(at + n + 1).map(|t| lower(t.text(text)));
    let cue = |w: &Option<String>| w.as_deref().is_some_and(|w| english().is_reporting_verb(w));
    let aux = next.as_deref().is_some_and(|w| matches!(w, "has" | "had" | "also" | "later" | "then"));
    let prev = at.checked_sub(1).map(|k| lower(toks[k].text(text)));
    // The agent of a passive closing a clause ("accompanied by Ann Lee.").
    let agent = prev.as_deref() == Some("by") && after.trim_start().starts_with(['.', ',', ';']);
    cue(&next) || (aux && cue(&next2)) || cue(&prev) || agent
}

/// The surname of a person's name (its last word).
pub fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// A middle initial and the next name word: "Marc H. Morial", "George W. Bush".
fn middle_initial(text: &str, initial: &Tok, next: &Tok) -> bool {
    is_middle_initial(text, initial) && &text[initial.end..next.start] == ". " && next.text(text).chars().count() >= 2
}

/// A single capital letter with its dot, as a name's initial is printed.
fn is_middle_initial(text: &str, t: &Tok) -> bool {
    crate::tokens::is_initial(t.text(text)) && text[t.end..].starts_with(". ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn run(t: &str) -> EntityIndex {
        find_entities(t, &split_sentences(t))
    }

    #[test]
    fn people_titles_and_aliases() {
        let t = "General Ana Torres, the Chilean head of the Joint Command, spoke in Lima. Torres said the army was ready. The general left for Quito on Friday.";
        let idx = run(t);
        let p = idx.entities.iter().find(|e| e.kind == EntityKind::Person).unwrap();
        assert_eq!(p.name, "Ana Torres");
        assert!(p.aliases.contains(&"Torres".to_string()));
        assert!(p.aliases.contains(&"the general".to_string()));
        assert_eq!(p.roles[0].text, "the Chilean head of the Joint Command");
        assert_eq!(p.mentions.len(), 3);
        assert!(idx.entities.iter().any(|e| e.name == "Lima" && e.kind == EntityKind::Place));
        assert!(idx.entities.iter().any(|e| e.name == "Joint Command"));
    }

    #[test]
    fn capitalised_role_noun_before_a_full_name_is_a_title() {
        let t = "Lock Master Ana Torres said the gates held. Torres left at dawn.";
        let idx = run(t);
        let p = idx.entities.iter().find(|e| e.kind == EntityKind::Person).expect("a person");
        assert_eq!(p.name, "Ana Torres");
        assert!(p.roles.iter().any(|r| r.text == "Lock Master"), "{:?}", p.roles);
        // A role-noun surname stays part of the name ("Maria Driver").
        let idx = run("Maria Driver said the gates held. Driver left at dawn.");
        assert!(idx.entities.iter().any(|e| e.kind == EntityKind::Person && e.name == "Maria Driver"));
    }

    #[test]
    fn a_kicker_label_before_a_colon_is_no_entity() {
        let idx = run("BREAKING NEWS: Flood gates fail at the Port of Lindholm. NATO AIR POLICE: jets scrambled over Riga.");
        assert!(!idx.entities.iter().any(|e| e.name.contains("BREAKING") || e.name.contains("POLICE")), "{:?}", idx.entities);
        assert!(idx.entities.iter().any(|e| e.name == "Port of Lindholm" || e.name == "Lindholm"));
        // Capitals before a colon but not opening the sentence stay a name.
        let idx = run("The drills will go on, NATO AIR POLICE said: jets scrambled.");
        assert!(idx.entities.iter().any(|e| e.name.contains("NATO")), "{:?}", idx.entities);
    }

    #[test]
    fn organisations_and_sentence_openers() {
        let t = "Analysts at the Central Bank disagreed. Meanwhile the Interior Ministry said nothing. Inflation rose.";
        let idx = run(t);
        assert!(idx.entities.iter().any(|e| e.name == "Central Bank" && e.kind == EntityKind::Organisation));
        assert!(idx.entities.iter().any(|e| e.name == "Interior Ministry" && e.kind == EntityKind::Organisation));
        assert!(!idx.entities.iter().any(|e| e.name == "Inflation" || e.name == "Analysts"));
        assert!(idx.entities.iter().all(|e| e.kind != EntityKind::Person));
    }

    #[test]
    fn titled_surname_before_full_name_and_bare_possessives() {
        let t = "Talks went on after Mr Novak arrived. Peter Novak, the trade envoy, said little. Ivan Petrovs campaign continued, and Petrov denied it. Chiles exports and Chile were discussed in Chile.";
        let idx = run(t);
        let people: Vec<&Entity> = idx.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
        let names: Vec<&str> = people.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Peter Novak", "Ivan Petrov"]);
        assert!(people[0].aliases.contains(&"Mr Novak".to_string()));
        assert_eq!(people[0].mentions.len(), 2);
        assert!(idx.entities.iter().any(|e| e.name == "Chile" && e.mentions.len() == 3));
    }
}
