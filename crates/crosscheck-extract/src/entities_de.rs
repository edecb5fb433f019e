//! People and organisations of German text. The English finder
//! ([`crate::entities`]) takes a capitalised run for a name; in German every
//! noun is capitalised, so here a capitalised word is a noun by default and a
//! name needs evidence that generalises:
//!
//! * a title or role word right before it ("Frau", "Dr.", "Innenminister",
//!   "SPD-Chef": [`DE_ROLE_HEADS`], matched as the end of a compound);
//! * a given name and surname (two or more name-like words together);
//! * a later bare surname of an earlier full name, or a titled surname;
//! * an apposition ("Beispiel, Chef der …", "Der Leiter des Amtes, Otto Beispiel");
//! * a short parenthesis after it ("(SPD)", "(45)") that is not its initials;
//! * being the subject of a reporting verb in German word order ("sagte
//!   Beispiel", "so Beispiel", "laut Beispiel", "Beispiel zufolge", "wie
//!   Beispiel sagte"); after the verb only when no name stands before it in
//!   its clause, since a clause has one subject ("Otto Beispiel äußerte
//!   Vorbehalte").
//!
//! A word is no name when a determiner or a determiner and adjectives precede
//! it ("die Gefahr", "die neue Regel"), when it is printed after a determiner
//! anywhere in the article, when it is printed in lower case elsewhere (an
//! adjective or adverb opening a sentence), when it ends like a derived noun
//! ([`DE_NOUN_SUFFIXES`]: "-ung", "-heit", "-keit", "-schaft", "-tion", "-tät",
//! "-ismus" …), or when it is a function word, a reporting cue, a calendar word,
//! a role word or a place the gazetteer knows. Organisations are acronyms
//! ("SPD") and words ending in an organisation head ("Bundesregierung",
//! [`DE_ORG_HEADS`]); "der Minister" after a person with that role is that person.
//! The output is the same [`EntityIndex`] the English finder makes.

use std::collections::{HashMap, HashSet};

use crosscheck_core::Span;
use crosscheck_lexicon::Lexicon;

use crate::entities::EntityIndex;
use crate::tables::{
    DE_DETERMINERS, DE_FEMALE_TITLES, DE_MALE_TITLES, DE_NAME_PARENTHESIS_MAX_BYTES, DE_NAME_PARTICLES, DE_NOUN_SUFFIXES, DE_NOUN_SUFFIX_MIN_STEM,
    DE_ORG_HEADS, DE_ROLE_HEADS, DE_ROLE_HEAD_MIN_COMPOUND, DE_ROLE_INFLECTIONS,
};
use crate::tokens::{adjacent, is_cap, lower, tokenize, Tok};
use crate::{Entity, EntityKind, RoleMention, Sentence};

/// A role word's head and whether its form is feminine ("Ministerin"), or
/// `None` when the word is no role word. Plurals ("Ministerinnen") are not roles
/// of one person and give `None`.
pub fn role_head(word: &str) -> Option<(&'static str, bool)> {
    let l = lower(word.trim_end_matches('.'));
    let last = l.rsplit(['-', '\u{2010}', '\u{2011}']).next().unwrap_or(&l);
    if last.ends_with("innen") {
        return None;
    }
    let head_of = |w: &str| -> Option<&'static str> {
        DE_ROLE_HEADS.iter().copied().find(|h| w == *h || (h.chars().count() >= DE_ROLE_HEAD_MIN_COMPOUND && w.ends_with(h) && w.len() > h.len()))
    };
    if let Some(h) = head_of(last) {
        return Some((h, h.ends_with("in") && !h.ends_with("lin")));
    }
    if let Some(stem) = last.strip_suffix("in") {
        if let Some(h) = head_of(stem) {
            return Some((h, true));
        }
    }
    DE_ROLE_INFLECTIONS.iter().find_map(|suf| last.strip_suffix(suf).and_then(head_of)).map(|h| (h, false))
}

/// Whether a capitalised word ends like a derived noun ("Regierung").
pub fn has_noun_suffix(word: &str) -> bool {
    let l = lower(word);
    let last = l.rsplit('-').next().unwrap_or(&l);
    DE_NOUN_SUFFIXES.iter().any(|s| last.strip_suffix(s).is_some_and(|stem| stem.chars().count() >= DE_NOUN_SUFFIX_MIN_STEM))
}

/// Whether a capitalised word names an organisation by its head ("Innenministerium").
fn is_org_head(word: &str) -> bool {
    let l = lower(word);
    let last = l.rsplit('-').next().unwrap_or(&l);
    DE_ORG_HEADS.iter().any(|h| last == *h || (h.len() >= 4 && last.ends_with(h)))
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().filter(|c| c.is_uppercase()).count() >= 2 && letters[0].is_uppercase() && letters.iter().filter(|c| c.is_uppercase()).count() * 2 > letters.len()
}

fn name_shaped(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_uppercase()) && w.chars().any(|c| c.is_lowercase()) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}')) && !is_acronym(w)
}

pub(crate) fn is_determiner(w: &str) -> bool {
    DE_DETERMINERS.contains(&lower(w).as_str())
}

/// An inflected adjective or participle between a determiner and its noun
/// ("die neue Regel", "der 45-jährige …").
pub(crate) fn adjective_form(w: &str) -> bool {
    !is_cap(w) && ["e", "en", "er", "es", "em"].iter().any(|s| w.ends_with(s))
}

/// In-article evidence read once: the words seen in lower case, and the
/// capitalised words printed directly after a determiner.
struct Evidence<'t> {
    lower_seen: HashSet<&'t str>,
    after_determiner: HashSet<&'t str>,
    /// Capitalised words printed right after a numeral ("18 Monate", "500
    /// Gramm"): counted nouns, never names.
    after_numeral: HashSet<&'t str>,
}

impl<'t> Evidence<'t> {
    fn read(text: &'t str, sent_toks: &[Vec<Tok>]) -> Self {
        let mut lower_seen = HashSet::new();
        let mut after_determiner = HashSet::new();
        let mut after_numeral = HashSet::new();
        for toks in sent_toks {
            for (k, t) in toks.iter().enumerate() {
                let w = t.text(text);
                if !is_cap(w) {
                    lower_seen.insert(w);
                } else if k > 0 && is_determiner(toks[k - 1].text(text)) && adjacent(text, &toks[k - 1], t) {
                    after_determiner.insert(w);
                } else if k > 0 && toks[k - 1].text(text).starts_with(|c: char| c.is_ascii_digit()) && text[toks[k - 1].end..t.start].trim().is_empty() {
                    after_numeral.insert(w);
                }
            }
        }
        Evidence { lower_seen, after_determiner, after_numeral }
    }
}

/// Whether a token can be part of a name, before any context.
fn name_token(text: &str, t: &Tok, ev: &Evidence, lexicon: &Lexicon) -> bool {
    let w = t.text(text);
    if !name_shaped(w) || w.chars().count() < 2 {
        return false;
    }
    let l = lower(w);
    !(lexicon.is_stopword(&l)
        || lexicon.is_reporting_verb(&l)
        || lexicon.is_calendar_word(&l)
        || lexicon.is_title(&l)
        || lexicon.has_demonym_ending(&l)
        || DE_DETERMINERS.contains(&l.as_str())
        || ev.lower_seen.contains(l.as_str())
        || ev.after_determiner.contains(w)
        || ev.after_numeral.contains(w)
        || lexicon.number_word(&l).is_some()
        || w.strip_suffix('s').is_some_and(|base| crate::gazetteer::lookup(base).is_some())
        || has_noun_suffix(w)
        || is_org_head(w)
        || role_head(w).is_some()
        || crate::gazetteer::lookup(w).is_some())
}

/// A run of name tokens in one sentence (token indices `start..end`).
struct Run {
    sentence: usize,
    start: usize,
    end: usize,
}

/// Role and title words right before token `at` (indices into `toks`),
/// nearest last; with a possessor before a role ("Kölns Präsident").
fn titles_before(text: &str, toks: &[Tok], at: usize, lexicon: &Lexicon) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = at;
    while k > 0 && adjacent_or_dot(text, &toks[k - 1], &toks[k]) {
        let w = toks[k - 1].text(text);
        let titled = is_cap(w) && (lexicon.is_title(&lower(w)) || role_head(w).is_some());
        if !titled {
            break;
        }
        out.push(k - 1);
        k -= 1;
    }
    out.reverse();
    out
}

/// Adjacent, or separated only by an abbreviation's dot ("Dr. Beispiel").
fn adjacent_or_dot(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &text[a.end..b.start];
    gap.chars().all(|c| c == ' ') || gap.trim_start_matches('.').chars().all(|c| c == ' ') && gap.starts_with('.') && gap.len() <= 2
}

/// Find the entities of a German text.
pub fn find_entities(text: &str, sentences: &[Sentence], lexicon: &Lexicon) -> EntityIndex {
    let sent_toks: Vec<Vec<Tok>> = sentences.iter().map(|s| tokenize(text, s.span)).collect();
    let ev = Evidence::read(text, &sent_toks);
    let is_cue = |t: &Tok| lexicon.is_reporting_verb(&lower(t.text(text)));

    // Runs of name tokens, joined over particles ("von der").
    let mut runs: Vec<Run> = Vec::new();
    for (si, toks) in sent_toks.iter().enumerate() {
        let named: Vec<bool> = toks.iter().map(|t| name_token(text, t, &ev, lexicon)).collect();
        let mut k = 0;
        while k < toks.len() {
            if !named[k] {
                k += 1;
                continue;
            }
            let mut end = k + 1;
            loop {
                if end < toks.len() && named[end] && adjacent(text, &toks[end - 1], &toks[end]) {
                    end += 1;
                    continue;
                }
                // Particles between two name words.
                let mut p = end;
                while p < toks.len() && p - end < 2 && DE_NAME_PARTICLES.contains(&toks[p].text(text)) && adjacent(text, &toks[p - 1], &toks[p]) {
                    p += 1;
                }
                // Not a noun repeated around a preposition ("von Mensch zu Mensch").
                let repeated = p < toks.len() && toks[p].text(text) == toks[end - 1].text(text);
                if p > end && p < toks.len() && named[p] && adjacent(text, &toks[p - 1], &toks[p]) && !repeated {
                    end = p + 1;
                    continue;
                }
                break;
            }
            runs.push(Run { sentence: si, start: k, end });
            k = end;
        }
    }

    // Which runs are people, and their titles.
    let mut people: Vec<(usize, Vec<usize>)> = Vec::new(); // (run, title token indices)
    let mut pending: Vec<usize> = Vec::new(); // single words waiting for a full name
    // First what each run's own form says: its titles, and whether it is a
    // name by evidence other than a reporting verb (`None`: a noun phrase).
    let forms: Vec<Option<(Vec<usize>, bool)>> = runs
        .iter()
        .map(|r| {
            let toks = &sent_toks[r.sentence];
            let sent = sentences[r.sentence].span;
            let titles = titles_before(text, toks, r.start, lexicon);
            let first = titles.first().copied().unwrap_or(r.start);
            // A determiner (and adjectives) before the run makes it a noun phrase;
            // before a title it is "der Innenminister Otto Beispiel", still a name.
            let mut b = first;
            while b > 0 && adjective_form(toks[b - 1].text(text)) && adjacent(text, &toks[b - 1], &toks[b]) {
                b -= 1;
            }
            let det_before = b > 0 && is_determiner(toks[b - 1].text(text)) && adjacent(text, &toks[b - 1], &toks[b]);
            if det_before && titles.is_empty() {
                return None;
            }
            let after = &text[toks[r.end - 1].end..sent.end];
            let strong = !titles.is_empty()
                || r.end - r.start >= 2
                || parenthesis_after(text, after, &toks[r.start..r.end])
                || apposition_after(after)
                || apposition_before(text, toks, r.start, sent);
            Some((titles, strong))
        })
        .collect();
    // Surnames of the full names of the article ("Otto Beispiel" → "Beispiel").
    let full_surnames: HashSet<&str> = runs
        .iter()
        .zip(&forms)
        .filter(|(r, f)| r.end - r.start >= 2 && f.is_some())
        .map(|(r, _)| sent_toks[r.sentence][r.end - 1].text(text))
        .collect();
    let named_by_form = |ri: usize| {
        let r = &runs[ri];
        forms[ri].as_ref().is_some_and(|f| f.1) || (forms[ri].is_some() && r.end - r.start == 1 && full_surnames.contains(sent_toks[r.sentence][r.start].text(text)))
    };
    // The same clause: no clause-breaking mark between two positions.
    let same_clause = |from: usize, to: usize| !text[from..to].contains([',', ';', ':', '\u{201e}', '\u{201c}', '"', '\u{bb}', '\u{ab}']);
    for (ri, r) in runs.iter().enumerate() {
        let Some((titles, strong)) = &forms[ri] else { continue };
        let toks = &sent_toks[r.sentence];
        // A clause has one subject. "sagte Beispiel": the word after a
        // reporting verb is its subject only when no name stands before the
        // verb in its clause ("Renate Schmidt (SPD) äußerte Vorbehalte");
        // "Beispiel sagte": the word before it only when no name follows the
        // verb ("Relativierend fügt Beispiel hinzu", German verb-second order).
        let subject_before_verb = || {
            (0..ri).rev().take_while(|&p| runs[p].sentence == r.sentence).any(|p| named_by_form(p) && same_clause(toks[runs[p].end - 1].end, toks[r.start].start))
        };
        let subject_after_verb = || {
            runs.get(ri + 1).is_some_and(|n| n.sentence == r.sentence && n.start == r.end + 1 && named_by_form(ri + 1))
        };
        let evidence = *strong || (cue_after(text, toks, r, &is_cue) && !subject_after_verb()) || (cue_before(text, toks, r, &is_cue) && !subject_before_verb());
        if !evidence {
            pending.push(ri);
            continue;
        }
        people.push((ri, titles.clone()));
    }

    let mut idx = EntityIndex::default();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut add = |idx: &mut EntityIndex, kind: EntityKind, name: &str, span: Span| -> usize {
        let e = *by_name.entry(format!("{kind:?}/{name}")).or_insert_with(|| {
            idx.entities.push(Entity { kind, name: name.to_string(), aliases: Vec::new(), mentions: Vec::new(), roles: Vec::new() });
            idx.gender.push(None);
            idx.role_nouns.push(HashSet::new());
            idx.entities.len() - 1
        });
        idx.entities[e].mentions.push(span);
        idx.mentions.push((span, e));
        e
    };
    let run_span = |r: &Run| Span::new(sent_toks[r.sentence][r.start].start, sent_toks[r.sentence][r.end - 1].end);

    // Full names first, so titled or bare surnames join them.
    let mut order: Vec<&(usize, Vec<usize>)> = people.iter().collect();
    order.sort_by_key(|(ri, _)| std::cmp::Reverse((runs[*ri].end - runs[*ri].start >= 2) as u8));
    let mut surnames: HashMap<String, usize> = HashMap::new();
    for (ri, titles) in order {
        let r = &runs[*ri];
        let toks = &sent_toks[r.sentence];
        let span = run_span(r);
        let name = span.slice(text);
        let single = r.end - r.start == 1;
        let e = match single.then(|| known_surname(&surnames, name)).flatten() {
            Some((e, len)) => {
                let span = Span::new(span.start, span.start + len);
                idx.entities[e].mentions.push(span);
                idx.mentions.push((span, e));
                e
            }
            None => add(&mut idx, EntityKind::Person, name, span),
        };
        if !single {
            if let Some(last) = name.split_whitespace().last() {
                surnames.entry(last.to_string()).or_insert(e);
            }
        } else {
            surnames.entry(name.to_string()).or_insert(e);
        }
        if let (Some(&a), Some(&z)) = (titles.first(), titles.last()) {
            let role = Span::new(toks[a].start, toks[z].end);
            let role = possessor_before(text, toks, a).map(|p| Span::new(toks[p].start, role.end)).unwrap_or(role);
            let alias = text[toks[a].start..span.end].to_string();
            if !idx.entities[e].aliases.contains(&alias) {
                idx.entities[e].aliases.push(alias);
            }
            for &t in titles {
                let w = toks[t].text(text);
                let l = lower(w.trim_end_matches('.'));
                if DE_FEMALE_TITLES.contains(&l.as_str()) {
                    idx.gender[e] = Some(true);
                } else if DE_MALE_TITLES.contains(&l.as_str()) {
                    idx.gender[e] = Some(false);
                }
                if let Some((head, female)) = role_head(w) {
                    idx.role_nouns[e].insert(head.to_string());
                    idx.gender[e].get_or_insert(female);
                }
            }
            if titles.iter().any(|&t| role_head(toks[t].text(text)).is_some()) && !idx.entities[e].roles.iter().any(|x| x.span == role) {
                idx.entities[e].roles.push(RoleMention { text: role.slice(text).to_string(), span: role, confidence: 0.8 });
            }
        }
    }
    // Bare surnames (and their genitive "-s") of known people.
    for ri in pending {
        let span = run_span(&runs[ri]);
        if let Some((e, len)) = known_surname(&surnames, span.slice(text)) {
            let span = Span::new(span.start, span.start + len);
            idx.entities[e].mentions.push(span);
            idx.mentions.push((span, e));
            let alias = span.slice(text).to_string();
            if !idx.entities[e].aliases.contains(&alias) {
                idx.entities[e].aliases.push(alias);
            }
        }
    }

    // Organisations: acronyms and organisation head words.
    for toks in &sent_toks {
        for t in toks {
            let w = t.text(text);
            if (is_acronym(w) && w.chars().count() <= 8) || (is_cap(w) && is_org_head(w) && w.chars().all(|c| c.is_alphabetic() || c == '-')) {
                if idx.mentions.iter().any(|(m, _)| m.contains(t.span())) {
                    continue;
                }
                add(&mut idx, EntityKind::Organisation, w, t.span());
            }
        }
    }

    // Definite descriptions: "der Minister" is the nearest earlier person with that role.
    idx.mentions.sort();
    let mut descriptions = Vec::new();
    for toks in &sent_toks {
        for k in 1..toks.len() {
            let (d, w) = (&toks[k - 1], &toks[k]);
            if !is_determiner(d.text(text)) || !matches!(lower(d.text(text)).as_str(), "der" | "die" | "den" | "dem" | "des") || !adjacent(text, d, w) {
                continue;
            }
            let Some((head, _)) = role_head(w.text(text)) else { continue };
            // Not a role phrase of its own ("der Chef der Behörde, Otto Beispiel").
            if text[w.end..].trim_start().starts_with(',') || toks.get(k + 1).is_some_and(|n| is_determiner(n.text(text)) && name_token(text, n, &ev, lexicon)) {
                continue;
            }
            let cand = idx.mentions.iter().rev().find(|(m, e)| m.end <= d.start && idx.entities[*e].kind == EntityKind::Person && idx.role_nouns[*e].contains(head));
            if let Some(&(_, e)) = cand {
                descriptions.push((Span::new(d.start, w.end), e, lower(&text[d.start..w.end])));
            }
        }
    }
    for (span, e, alias) in descriptions {
        idx.entities[e].mentions.push(span);
        idx.mentions.push((span, e));
        if !idx.entities[e].aliases.contains(&alias) {
            idx.entities[e].aliases.push(alias);
        }
    }
    idx.mentions.sort();
    for e in idx.entities.iter_mut() {
        e.mentions.sort();
    }
    idx
}

/// The person a single word names as a known surname, and the bytes of the
/// word that name it (a genitive "-s" left out: "Beispiels Rede").
fn known_surname(surnames: &HashMap<String, usize>, word: &str) -> Option<(usize, usize)> {
    if let Some(&e) = surnames.get(word) {
        return Some((e, word.len()));
    }
    let bare = word.strip_suffix('s')?;
    surnames.get(bare).map(|&e| (e, bare.len()))
}

/// A genitive possessor right before a role word ("Kölns Präsident").
fn possessor_before(text: &str, toks: &[Tok], role_at: usize) -> Option<usize> {
    let p = role_at.checked_sub(1)?;
    let w = toks[p].text(text);
    (is_cap(w) && w.ends_with('s') && adjacent(text, &toks[p], &toks[role_at]) && !is_determiner(w)).then_some(p)
}

/// A short parenthesis right after the run that is not its initials: "(SPD)", "(45)".
fn parenthesis_after(text: &str, after: &str, run: &[Tok]) -> bool {
    let Some(inner) = after.strip_prefix(" (").or_else(|| after.strip_prefix('(')) else { return false };
    let Some(close) = inner.find(')') else { return false };
    let inner = &inner[..close];
    if inner.is_empty() || inner.len() > DE_NAME_PARENTHESIS_MAX_BYTES {
        return false;
    }
    let initials: String = run.iter().filter_map(|t| t.text(text).chars().next()).collect();
    let letters: String = inner.chars().filter(|c| c.is_uppercase()).collect();
    let numeric = inner.chars().all(|c| c.is_ascii_digit());
    // "Europäische Union (EU)": the run may be the last words of the abbreviated name.
    let party_like = is_cap(inner) && !inner.contains(' ') && !letters.ends_with(&initials);
    numeric || party_like
}

/// ", der Chef der …" / ", Chef der …" / ", ein Sprecher …" after the run: a
/// role word within the next three words of the clause.
fn apposition_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else { return false };
    let clause = &rest[..rest.find(['.', ';', ':', ',', '(']).unwrap_or(rest.len())];
    tokenize(clause, Span::new(0, clause.len())).iter().take(3).any(|t| {
        let w = t.text(clause);
        is_cap(w) && role_head(w).is_some()
    })
}

/// "Der Leiter des Amtes, Otto Beispiel": a role phrase and a comma right before the run.
fn apposition_before(text: &str, toks: &[Tok], at: usize, sentence: Span) -> bool {
    if at == 0 || text[toks[at - 1].end..toks[at].start].trim() != "," {
        return false;
    }
    // The phrase before the comma, back to the previous clause break.
    let mut k = at;
    while k > 0 && at - k < 8 {
        let gap = &text[toks[k - 1].end..toks[k].start];
        if k < at && gap.contains([',', '.', ';', ':', '(', ')', '„', '“', '"']) {
            break;
        }
        k -= 1;
    }
    let _ = sentence;
    toks[k..at].iter().any(|t| is_cap(t.text(text)) && role_head(t.text(text)).is_some())
}

/// A reporting cue right before the run in German word order: "sagte X", "so
/// X", "laut X".
fn cue_before(text: &str, toks: &[Tok], r: &Run, is_cue: &dyn Fn(&Tok) -> bool) -> bool {
    r.start.checked_sub(1).map(|k| &toks[k]).filter(|p| text[p.end..toks[r.start].start].trim().is_empty()).is_some_and(is_cue)
}

/// A reporting verb right after the run ("Beispiel sagte").
fn cue_after(text: &str, toks: &[Tok], r: &Run, is_cue: &dyn Fn(&Tok) -> bool) -> bool {
    toks.get(r.end).filter(|n| text[toks[r.end - 1].end..n.start].trim().is_empty()).is_some_and(is_cue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn people(t: &str) -> Vec<String> {
        let idx = find_entities(t, &split_sentences(t), crosscheck_lexicon::for_language("de"));
        idx.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.clone()).collect()
    }

    fn index(t: &str) -> EntityIndex {
        find_entities(t, &split_sentences(t), crosscheck_lexicon::for_language("de"))
    }

    #[test]
    fn capitalised_nouns_are_not_people() {
        let t = "Die Gefahr ist groß. Die Regierung warnte vor der neuen Regel. Experten sagten, die Freiheit sei bedroht. Die Gefahr wächst.";
        assert!(people(t).is_empty(), "{:?}", people(t));
    }

    #[test]
    fn counted_nouns_and_genitives_of_places_are_not_people() {
        let t = "Die Polizei fand 500 Gramm Sprengstoff. Später fehlten Millionen Euro. Das Engagement Deutschlands wuchs.";
        assert!(people(t).is_empty(), "{:?}", people(t));
    }

    #[test]
    fn titles_roles_and_full_names() {
        let t = "Innenminister Otto Beispiel hat am Montag gesprochen. Frau Dr. Lina Muster widersprach. Beispiel blieb dabei.";
        let idx = index(t);
        let names: Vec<&str> = idx.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Otto Beispiel", "Lina Muster"]);
        let otto = &idx.entities[0];
        assert_eq!(otto.mentions.len(), 2, "the bare surname joins the full name");
        assert!(otto.roles.iter().any(|r| r.text == "Innenminister"), "{:?}", otto.roles);
        assert_eq!(idx.gender[1], Some(true));
    }

    #[test]
    fn german_word_order_names_a_single_surname() {
        for t in [
            "„Das ist falsch“, sagte Kramling am Abend.",
            "„Das ist falsch“, so Kramling.",
            "Kramling zufolge ist das falsch.",
            "Laut Kramling ist das falsch.",
            "Das sei falsch, wie Kramling sagte.",
        ] {
            assert_eq!(people(t), vec!["Kramling".to_string()], "{t}");
        }
        // A plural noun after the cue is no person: "laut Experten".
        assert!(people("Laut Experten ist das falsch. Die Experten schweigen.").is_empty());
    }

    #[test]
    fn appositions_and_parentheses() {
        assert_eq!(people("Kramling, Chef der Behörde, schwieg."), vec!["Kramling".to_string()]);
        assert_eq!(people("Der Leiter des Amtes, Kramling, schwieg."), vec!["Kramling".to_string()]);
        assert_eq!(people("Auch Kramling (SPD) schwieg."), vec!["Kramling".to_string()]);
        // Initials in the parenthesis: an organisation's abbreviation, no person.
        assert!(people("Die Europäische Union (EU) schwieg. Auch Vereinte Kommission (VK) schwieg.").is_empty());
    }

    #[test]
    fn noun_suffixes_determiners_and_lower_case_forms() {
        assert!(has_noun_suffix("Regierung") && has_noun_suffix("Freiheit") && has_noun_suffix("Wirtschaft") && has_noun_suffix("Universität"));
        assert!(!has_noun_suffix("Jung") && !has_noun_suffix("Kramling"));
        // A noun phrase with an adjective, and a sentence-initial adverb printed in lower case elsewhere.
        assert!(people("Die neue Kramling-Regel gilt. Danach sagte niemand etwas. Das kam erst danach.").is_empty());
    }

    #[test]
    fn role_heads_in_compounds_and_inflections() {
        assert_eq!(role_head("Innenminister"), Some(("minister", false)));
        assert_eq!(role_head("Regierungssprecherin"), Some(("sprecher", true)));
        assert_eq!(role_head("SPD-Chef"), Some(("chef", false)));
        assert_eq!(role_head("Präsidenten"), Some(("präsident", false)));
        assert_eq!(role_head("Ministerinnen"), None);
        assert_eq!(role_head("Apparat"), None);
    }

    #[test]
    fn organisations_and_descriptions() {
        let t = "Bundesinnenminister Otto Beispiel sprach mit der SPD. Die Bundesregierung schwieg. Später sagte der Minister nichts mehr.";
        let idx = index(t);
        let orgs: Vec<&str> = idx.entities.iter().filter(|e| e.kind == EntityKind::Organisation).map(|e| e.name.as_str()).collect();
        assert!(orgs.contains(&"SPD") && orgs.contains(&"Bundesregierung"), "{orgs:?}");
        let otto = idx.entities.iter().position(|e| e.name == "Otto Beispiel").unwrap();
        assert!(idx.entities[otto].aliases.contains(&"der minister".to_string()), "{:?}", idx.entities[otto].aliases);
    }
}
