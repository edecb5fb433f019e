//! A plain fallback for the extract stage's person, role and quote layers,
//! used only when an article comes back without them (e.g. while that stage
//! is being built), so a dossier still says who said what.
//!
//! * People: runs of two to four capitalised words, with honorifics, role
//!   words and demonyms stripped from the front and runs holding an
//!   organisation or place word dropped; a later surname-only mention is an
//!   alias of the full name.
//! * Roles: appositions after ("NAME, the city's fire chief,") or before
//!   ("Russia's ambassador to X, NAME,") the name, and pre-modifiers
//!   ("Foreign Ministry spokeswoman NAME").
//! * Speakers: a reporting verb next to the quotation with a name, pronoun,
//!   role phrase or anonymous description as its subject, in the quote's
//!   sentence or the one after it. Abstains otherwise.

use crosscheck_core::Span;
use crosscheck_extract::{Annotated, Attribution, Entity, EntityKind, Quote, RoleMention, Speaker};

use crate::segment::{quotes as quote_views, sentences};
use crate::tables;

fn is_cap_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.clone().any(char::is_lowercase) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
}

fn lower(w: &str) -> String {
    w.to_lowercase().replace('\u{2019}', "'")
}

/// A word token of the text with its byte range.
#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    /// The word without surrounding punctuation.
    word: String,
    /// Punctuation right after the word (",", ".", ":", "”"...).
    after: String,
}

fn tokens(text: &str, span: Span) -> Vec<Tok> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in s.split_inclusive(char::is_whitespace) {
        let raw = piece.trim_end();
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let core = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let core_trim = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        let mut word = core_trim.to_string();
        let mut after = core[core_trim.len()..].to_string();
        for suf in ["'s", "\u{2019}s"] {
            if let Some(w) = word.strip_suffix(suf) {
                if !w.is_empty() {
                    word = w.to_string();
                    after = format!("{suf}{after}");
                }
            }
        }
        if !core_trim.is_empty() {
            let start = span.start + pos + lead;
            out.push(Tok { start, end: start + core_trim.len(), word, after });
        }
        pos += piece.len();
    }
    out
}

/// Person-name runs of a sentence: (first token, last token) indices.
fn name_runs(toks: &[Tok]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_cap_word(&toks[i].word) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len() && toks[j].after.is_empty() && is_cap_word(&toks[j + 1].word) {
            j += 1;
        }
        // Strip honorifics, role words and demonyms from the front.
        let mut a = i;
        let mut k = i;
        while k < j {
            let l = lower(&toks[k].word);
            let number = tables::NUMBER_WORDS.iter().any(|(n, _)| *n == l);
            if number || tables::HONORIFICS.contains(&l.as_str()) || tables::ROLE_WORDS.contains(&l.as_str()) || tables::DEMONYM_ENDINGS.iter().any(|e| l.ends_with(e)) || (k == i && tables::SENTENCE_OPENERS.contains(&l.as_str())) {
                a = k + 1;
            }
            k += 1;
        }
        let n = j + 1 - a;
        let org = (a..=j).any(|k| tables::ORG_PLACE_WORDS.contains(&lower(&toks[k].word).as_str()));
        let demonym_last = tables::DEMONYM_ENDINGS.iter().any(|e| lower(&toks[j].word).ends_with(e));
        if (2..=4).contains(&n) && !org && !demonym_last {
            out.push((i, a, j));
        }
        i = j + 1;
    }
    out
}

fn role_ok(words: &[&Tok]) -> bool {
    let n = words.len();
    let first = words.first().map(|t| lower(&t.word)).unwrap_or_default();
    let verb_first = first.ends_with("ed") || tables::NOT_ROLE_START.contains(&first.as_str());
    (1..=10).contains(&n)
        && !verb_first
        && words.iter().any(|t| {
            let l = lower(&t.word);
            t.word.chars().next().is_some_and(char::is_lowercase) || tables::HONORIFICS.contains(&l.as_str()) || tables::ROLE_WORDS.contains(&l.as_str())
        })
        && !words.iter().any(|t| tables::REPORTING_VERBS.contains(&lower(&t.word).as_str()) || ["who", "which", "that", "is", "was", "has", "had", "have"].contains(&lower(&t.word).as_str()))
}

fn span_of(words: &[&Tok]) -> Span {
    Span::new(words[0].start, words[words.len() - 1].end)
}

/// Fill `entities` (people with roles) when the extract stage left it empty.
pub fn fill_people(doc: &mut Annotated) {
    if !doc.entities.is_empty() {
        return;
    }
    let text = doc.article.text.clone();
    let mut ents: Vec<Entity> = Vec::new();
    for s in sentences(doc) {
        let toks = tokens(&text, s);
        for (run, a, b) in name_runs(&toks) {
            let name = text[toks[a].start..toks[b].end].to_string();
            let idx = match ents.iter().position(|e| crate::people::names_compatible(&e.name, &name)) {
                Some(i) => i,
                None => {
                    ents.push(Entity { kind: EntityKind::Person, name: name.clone(), aliases: Vec::new(), mentions: Vec::new(), roles: Vec::new() });
                    ents.len() - 1
                }
            };
            ents[idx].mentions.push(Span::new(toks[a].start, toks[b].end));
            // Apposition after: "NAME, ROLE,".
            if toks[b].after.starts_with(',') {
                let mut k = b + 1;
                while k < toks.len() && toks[k].after.is_empty() || k < toks.len() && toks[k].after.starts_with("'s") || k < toks.len() && toks[k].after.starts_with("\u{2019}s") {
                    k += 1;
                }
                if k < toks.len() && (toks[k].after.starts_with(',') || toks[k].after.starts_with('.')) {
                    let w: Vec<&Tok> = toks[b + 1..=k].iter().collect();
                    if role_ok(&w) {
                        push_role(&mut ents[idx], &text, span_of(&w));
                    }
                }
            }
            // Apposition before: "ROLE, NAME,".
            if run >= 2 && toks[run - 1].after.starts_with(',') {
                let a = run;
                let mut k = a - 1;
                while k > 0 && (toks[k - 1].after.is_empty() || toks[k - 1].after.starts_with("'s") || toks[k - 1].after.starts_with("\u{2019}s")) && !tables::ROLE_BOUNDARY.contains(&lower(&toks[k - 1].word).as_str()) {
                    k -= 1;
                }
                let w: Vec<&Tok> = toks[k..a].iter().collect();
                if role_ok(&w) && w.len() <= 8 {
                    push_role(&mut ents[idx], &text, span_of(&w));
                }
            }
            // Pre-modifier: "Foreign Ministry spokeswoman NAME", "Lock Master NAME".
            let mut k = a;
            while k > 0 && toks[k - 1].after.is_empty() && !tables::ROLE_BOUNDARY.contains(&lower(&toks[k - 1].word).as_str()) && !tables::REPORTING_VERBS.contains(&lower(&toks[k - 1].word).as_str()) && a - k < 5 {
                k -= 1;
            }
            let w: Vec<&Tok> = toks[k..a].iter().filter(|t| !tables::SENTENCE_OPENERS.contains(&lower(&t.word).as_str())).collect();
            let last_is_noun = w.last().is_some_and(|t| {
                let l = lower(&t.word);
                !crate::lexical::is_stop(&l) && !l.ends_with("ing") && !l.ends_with("ed")
            });
            if !w.is_empty() && last_is_noun && (w.len() >= 2 || w[0].word.chars().next().is_some_and(char::is_lowercase)) && role_ok(&w) {
                push_role(&mut ents[idx], &text, span_of(&w));
            }
        }
    }
    // Surname-only mentions are aliases of the person.
    for s in sentences(doc) {
        for t in tokens(&text, s) {
            if !is_cap_word(&t.word) {
                continue;
            }
            for e in ents.iter_mut() {
                if crate::people::name_words(&e.name).last().is_some_and(|l| *l == lower(&t.word)) && !e.mentions.iter().any(|m| m.contains(Span::new(t.start, t.end))) {
                    e.mentions.push(Span::new(t.start, t.end));
                    if !e.aliases.contains(&t.word) {
                        e.aliases.push(t.word.clone());
                    }
                }
            }
        }
    }
    doc.entities = ents;
}

fn push_role(e: &mut Entity, text: &str, span: Span) {
    let t = span.slice(text).trim_end_matches([',', '.']).to_string();
    if !e.roles.iter().any(|r| r.text == t) {
        e.roles.push(RoleMention { text: t, span, confidence: 0.5 });
    }
}

/// Fill `quotes` (with speakers) when the extract stage left them empty.
/// Call after [`fill_people`].
pub fn fill_quotes(doc: &mut Annotated) {
    if !doc.quotes.is_empty() {
        return;
    }
    let text = doc.article.text.clone();
    let sents = sentences(doc);
    let mut out: Vec<Quote> = Vec::new();
    for v in quote_views(doc) {
        let si = sents.iter().position(|s| s.contains(v.span) || s.overlaps(v.span)).unwrap_or(0);
        let outer = Span::new(v.span.start.saturating_sub(3).max(sents.get(si).map_or(0, |s| s.start)), v.span.end);
        let mut attribution = None;
        let prev = si.checked_sub(1).filter(|&p| sents[p].slice(&text).trim_end().ends_with(':'));
        let cands = [(si, sents.get(si)), (si + 1, sents.get(si + 1)), (prev.unwrap_or(usize::MAX), prev.and_then(|p| sents.get(p)))];
        for (k, s) in cands {
            let Some(s) = s else { continue };
            if v.kind == crosscheck_extract::QuoteKind::ScareQuote {
                break;
            }
            let toks = tokens(&text, *s);
            // Only words outside quotation marks count as the frame.
            let frame: Vec<&Tok> = toks.iter().filter(|t| !in_any_quote(doc, t.start)).collect();
            if k == si + 1 && frame.first().is_none_or(|t| !tables::REPORTING_VERBS.contains(&lower(&t.word).as_str())) {
                continue;
            }
            if let Some(a) = speaker_in(doc, &frame, v.span) {
                attribution = Some(a);
                break;
            }
        }
        // A quotation continuing the previous one of the paragraph ("X," he said. "Y.")
        // keeps its speaker.
        if attribution.is_none() && v.kind == crosscheck_extract::QuoteKind::Full {
            if let Some(p) = out.last() {
                let gap = &text[p.span.end.min(v.span.start)..v.span.start];
                let same_para = !gap.contains("\n\n");
                let short_gap = crosscheck_core::text::word_count(gap) <= 4;
                if same_para && short_gap && p.attribution.is_some() {
                    attribution = p.attribution.clone().map(|mut a| {
                        a.method = "continuation".into();
                        a
                    });
                }
            }
        }
        out.push(Quote { span: v.span, outer, kind: v.kind, sentence: si, attribution });
    }
    doc.quotes = out;
}

fn in_any_quote(doc: &Annotated, pos: usize) -> bool {
    quote_views(doc).iter().any(|q| q.span.start <= pos && pos < q.span.end)
}

fn speaker_in(doc: &Annotated, frame: &[&Tok], quote: Span) -> Option<Attribution> {
    let vi = frame.iter().position(|t| tables::REPORTING_VERBS.contains(&lower(&t.word).as_str()))?;
    let verb = frame[vi];
    let ent_at = |pos: usize| doc.entities.iter().position(|e| e.kind == EntityKind::Person && e.mentions.iter().any(|m| m.start <= pos && pos < m.end));
    let mk = |speaker: Speaker, method: &str, ev: Span| Attribution { speaker, method: method.into(), cue: Some(verb.word.clone()), evidence: ev, confidence: 0.5 };
    // "said NAME" / "said the admiral's ..." after the verb.
    if let Some(t) = frame.get(vi + 1) {
        if let Some(e) = ent_at(t.start) {
            return Some(mk(Speaker::Entity { entity: e }, "verb-name", Span::new(t.start, t.end)));
        }
    }
    // Subject before the verb: nearest words back to a clause boundary.
    let mut k = vi;
    while k > 0 && !frame[k - 1].after.contains([',', ':', ';', '\u{201d}', '"']) {
        k -= 1;
    }
    let subj: Vec<&Tok> = frame[k..vi].to_vec();
    for t in subj.iter().rev() {
        if let Some(e) = ent_at(t.start) {
            return Some(mk(Speaker::Entity { entity: e }, "name-verb", Span::new(t.start, t.end)));
        }
    }
    let words: Vec<String> = subj.iter().map(|t| lower(&t.word)).collect();
    if words.len() == 1 && ["he", "she"].contains(&words[0].as_str()) {
        // The nearest person mentioned before the quote...
        let best = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .filter_map(|(i, e)| e.mentions.iter().filter(|m| m.end <= quote.start).map(|m| m.end).max().map(|p| (p, i)))
            .max();
        // ...unless an anonymous speaker ("A ferry hand said ...") is nearer.
        if let Some((pos, desc)) = anonymous_before(doc, quote.start) {
            if best.is_none_or(|(p, _)| pos > p) {
                return Some(mk(Speaker::Anonymous { description: desc }, "pronoun-anonymous", Span::new(subj[0].start, subj[0].end)));
            }
        }
        return best.map(|(_, i)| mk(Speaker::Entity { entity: i }, "pronoun", Span::new(subj[0].start, subj[0].end)));
    }
    if subject_phrase(&subj).is_empty() {
        // "X, ROLE, accused ...", "X went further, claiming ...": the last
        // person named before the verb, else the sentence's opening role phrase.
        for t in frame[..vi].iter().rev() {
            if let Some(e) = ent_at(t.start) {
                return Some(mk(Speaker::Entity { entity: e }, "clause-subject", Span::new(t.start, t.end)));
            }
        }
        let head: Vec<&Tok> = frame[..vi].iter().take_while(|t| !t.after.contains(',')).copied().collect();
        let head = subject_phrase(&head);
        if !head.is_empty() && head.iter().any(|t| t.after.starts_with("'s") || t.after.starts_with("\u{2019}s")) {
            let ev = span_of(&head);
            return Some(mk(Speaker::Role { role: doc.article.text[ev.start..ev.end].to_string() }, "role", ev));
        }
        return None;
    }
    let subj = subject_phrase(&subj);
    if subj.is_empty() || subj.len() > 8 {
        return None;
    }
    let words: Vec<String> = subj.iter().map(|t| lower(&t.word)).collect();
    let ev = span_of(&subj);
    let phrase = doc.article.text[ev.start..ev.end].to_string();
    if ["a", "an", "one"].contains(&words[0].as_str()) {
        return Some(mk(Speaker::Anonymous { description: phrase }, "anonymous", ev));
    }
    if subj.iter().any(|t| t.after.starts_with("'s") || t.after.starts_with("\u{2019}s")) || words[0] == "the" {
        return Some(mk(Speaker::Role { role: phrase.trim_start_matches("the ").trim_start_matches("The ").to_string() }, "role", ev));
    }
    // A lone capitalised subject: an organisation or country speaking.
    if subj.len() <= 2 && subj.iter().all(|t| t.word.chars().next().is_some_and(char::is_uppercase)) {
        return Some(mk(Speaker::Role { role: phrase }, "organisation", ev));
    }
    None
}

/// The last anonymous subject ("a senior official said") of the sentences
/// before `pos` in the same paragraph: (its end, its text).
fn anonymous_before(doc: &Annotated, pos: usize) -> Option<(usize, String)> {
    let text = &doc.article.text;
    let para_start = text[..pos].rfind('\n').map_or(0, |p| p + 1);
    let mut found = None;
    for s in sentences(doc).into_iter().filter(|s| s.start >= para_start && s.end <= pos) {
        let toks = tokens(text, s);
        let Some(vi) = toks.iter().position(|t| tables::REPORTING_VERBS.contains(&lower(&t.word).as_str())) else { continue };
        let subj: Vec<&Tok> = subject_phrase(&toks[..vi].iter().collect::<Vec<_>>());
        if subj.len() >= 2 && ["a", "an", "one"].contains(&lower(&subj[0].word).as_str()) {
            let ev = span_of(&subj);
            found = Some((ev.end, text[ev.start..ev.end].to_string()));
        }
    }
    found
}

/// The subject's noun phrase: leading words up to the first verb-like word.
fn subject_phrase<'a>(subj: &[&'a Tok]) -> Vec<&'a Tok> {
    subj.iter()
        .take_while(|t| {
            let l = lower(&t.word);
            let lowercase = t.word.chars().next().is_some_and(char::is_lowercase);
            !(lowercase && (l.ends_with("ed") || tables::NOT_ROLE_START.contains(&l.as_str())))
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    fn doc(text: &str) -> Annotated {
        let a = ArticleBuilder::new("s", "s.txt", SourceFormat::Text, b"", text).build(None, None).unwrap();
        let mut d = crosscheck_extract::annotate(&a, None);
        d.entities.clear();
        d.quotes.clear();
        fill_people(&mut d);
        fill_quotes(&mut d);
        d
    }

    fn speaker(d: &Annotated, qi: usize) -> Option<String> {
        match &d.quotes[qi].attribution.as_ref()?.speaker {
            Speaker::Entity { entity } => Some(d.entities[*entity].name.clone()),
            Speaker::Role { role } => Some(role.clone()),
            Speaker::Anonymous { description } => Some(description.clone()),
        }
    }

    #[test]
    fn people_roles_and_speakers() {
        let d = doc("Port director Anna Lind, the city's harbour chief, said repairs began. \u{201c}We will reopen on Friday,\u{201d} she said. A local fisherman said the smoke was thick. \u{201c}Nobody told us anything,\u{201d} he said.");
        let anna = d.entities.iter().find(|e| e.name == "Anna Lind").expect("person found");
        assert!(anna.roles.iter().any(|r| r.text == "the city's harbour chief"), "{:?}", anna.roles);
        assert!(anna.roles.iter().any(|r| r.text == "Port director"), "{:?}", anna.roles);
        assert_eq!(speaker(&d, 0).as_deref(), Some("Anna Lind"));
        assert_eq!(speaker(&d, 1).as_deref(), Some("A local fisherman"));
    }

    #[test]
    fn organisations_are_not_people_and_weak_evidence_abstains() {
        let d = doc("The Royal Navy and the Foreign Ministry met in Northern Harbour. \u{201c}Fine weather today,\u{201d} the report noted nothing else.");
        assert!(d.entities.is_empty(), "{:?}", d.entities.iter().map(|e| &e.name).collect::<Vec<_>>());
    }

    #[test]
    fn role_only_speaker_kept_as_role() {
        let d = doc("The country\u{2019}s ambassador to Ruritania went further, claiming the plan was \u{201c}a reckless and dangerous gamble.\u{201d}");
        assert_eq!(speaker(&d, 0).as_deref(), Some("The country\u{2019}s ambassador to Ruritania"));
    }
}
