//! Role and title phrases of a person, as printed: pre-modifiers ("Foreign
//! Ministry spokeswoman X"), appositions after ("X, chair of the committee,")
//! and before ("Russia's envoy to Belgium, X,"), and role relative clauses
//! ("X, who chairs the committee,").

use crosscheck_core::Span;

use crate::tables::{INDEFINITES, SENTENCE_OPENERS, ROLE_CLAUSE_VERBS, ROLE_LINKS, ROLE_MODIFIERS, ROLE_NOUNS};
use crate::tokens::{is_cap, lower, strip_possessive, tokenize, Tok};
use crate::RoleMention;

/// Whether a word is a role noun or title ("envoy", "Senator").
pub fn is_role_word(w: &str) -> bool {
    let (b, _) = strip_possessive(w);
    let l = lower(b.trim_end_matches('.'));
    ROLE_NOUNS.contains(&l.as_str()) || (is_cap(b) && crosscheck_lexicon::english().is_title(&l))
}

/// Whether a phrase holds a role noun.
pub fn has_role_noun(text: &str, span: Span) -> bool {
    tokenize(text, span).iter().any(|t| {
        let (b, _) = strip_possessive(t.text(text));
        ROLE_NOUNS.contains(&lower(b).as_str())
    })
}

/// The role phrase directly before a name (tokens of the sentence `toks`,
/// the name starting at token `name_at`). Walks left over capitalised words,
/// role nouns and role modifiers, stopping at punctuation or other words.
pub fn premodifier(text: &str, toks: &[Tok], name_at: usize) -> Option<RoleMention> {
    let mut k = name_at;
    let mut first = None;
    while k > 0 {
        let t = &toks[k - 1];
        let next = &toks[k];
        if !text[t.end..next.start].chars().all(|c| c == ' ') {
            break;
        }
        let w = t.text(text);
        let l = lower(w);
        if SENTENCE_OPENERS.contains(&w) {
            break;
        }
        let ok = is_cap(w) || ROLE_NOUNS.contains(&l.as_str()) || ROLE_MODIFIERS.contains(&l.as_str());
        if !ok {
            break;
        }
        // A possessive starts the phrase ("Ukraine’s President").
        first = Some(k - 1);
        k -= 1;
        if strip_possessive(w).1 {
            break;
        }
    }
    let f = first?;
    // Trim leading "of"/modifier-only words that cannot start a role phrase.
    let mut f = f;
    while f < name_at && lower(toks[f].text(text)) == "of" {
        f += 1;
    }
    if f >= name_at {
        return None;
    }
    let span = Span::new(toks[f].start, toks[name_at - 1].end);
    let words = &toks[f..name_at];
    let lowercase_role = words.iter().any(|t| ROLE_NOUNS.contains(&t.text(text)));
    if !lowercase_role && words.len() < 2 {
        return None;
    }
    if !words.iter().any(|t| is_role_word(t.text(text))) {
        return None;
    }
    Some(RoleMention { text: span.slice(text).to_string(), span, confidence: 0.8 })
}

/// A role phrase as printed, article included ("the Italian chairman of ...");
/// a role relative clause loses only its pronoun ("who chairs ..." -> "chairs ...").
fn clause_role(text: &str, span: Span) -> Option<RoleMention> {
    let toks = tokenize(text, span);
    if toks.is_empty() || toks.len() > 12 {
        return None;
    }
    let first = lower(toks[0].text(text));
    if first == "who" {
        let verb = toks.get(1).map(|t| lower(t.text(text)))?;
        if !ROLE_CLAUSE_VERBS.contains(&verb.as_str()) {
            return None;
        }
        let s = Span::new(toks[1].start, span.end);
        return Some(RoleMention { text: s.slice(text).to_string(), span: s, confidence: 0.7 });
    }
    if matches!(first.as_str(), "which" | "whose" | "where" | "when" | "and" | "but" | "who's") {
        return None;
    }
    if INDEFINITES.contains(&first.as_str()) && first != "a" && first != "an" {
        return None;
    }
    // Must hold a role noun, and the role noun must come before any verb-like
    // "-ed"/"-ing" word would be guesswork: require it among the first 8 words.
    let head = toks.iter().take(8).any(|t| {
        let (b, _) = strip_possessive(t.text(text));
        ROLE_NOUNS.contains(&lower(b).as_str()) || (is_cap(b) && crosscheck_lexicon::english().is_title(&lower(b)))
    });
    if !head {
        return None;
    }
    Some(RoleMention { text: span.slice(text).to_string(), span, confidence: 0.85 })
}

/// An apposition after a name: ", PHRASE," (or ", PHRASE." at the end of the sentence).
pub fn apposition_after(text: &str, sentence: Span, name_end: usize) -> Option<RoleMention> {
    let rest = &text[name_end..sentence.end];
    let r = rest.strip_prefix(", ")?;
    let start = name_end + 2;
    let stop = r.find([',', ';', '(', ')', '\n', ':', '\u{201c}', '"']).unwrap_or(r.len());
    let mut end = start + stop;
    // A phrase ending the sentence loses its full stop.
    if stop == r.len() {
        end = start + r.trim_end_matches(['.', '!', '?']).len();
    } else if r.as_bytes().get(stop) != Some(&b',') {
        return None;
    }
    clause_role(text, Span::new(start, end).trim(text))
}

/// An apposition before a name: "PHRASE, NAME," from the start of the clause.
pub fn apposition_before(text: &str, sentence: Span, name_start: usize, name_end: usize) -> Option<RoleMention> {
    let head = &text[sentence.start..name_start];
    let h = head.strip_suffix(", ")?;
    // The name must itself be followed by a comma (closing the apposition pair)
    // or end the sentence ("…, according to the lock master, Ann Lee.").
    let after = &text[name_end..sentence.end];
    if !after.starts_with(',') && !after.trim_end().trim_end_matches(['.', '!', '?']).is_empty() {
        return None;
    }
    let clause_start = h.char_indices().rev().find(|(_, c)| matches!(c, ',' | ';' | ':' | '\u{201d}')).map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
    let span = Span::new(sentence.start + clause_start, sentence.start + h.len()).trim(text);
    let toks = tokenize(text, span);
    // A role phrase has no verbs: keep the longest tail of words that are
    // capitalised, possessives, role words, modifiers, links or articles.
    let plausible = |t: &Tok| {
        let w = t.text(text);
        let (b, poss) = strip_possessive(w);
        let lw = lower(b);
        is_cap(w)
            || poss
            || ROLE_NOUNS.contains(&lw.as_str())
            || ROLE_MODIFIERS.contains(&lw.as_str())
            || ROLE_LINKS.contains(&lw.as_str())
            || lw == "the"
            || lw.ends_with("-ranking")
            || lw.ends_with("ary")
            || lw.ends_with("al")
    };
    // A determiner or possessive may also stand before up to two lower-case
    // noun modifiers ("the lock master", "the town's water chief").
    let bridge = |first: usize| -> Option<usize> {
        (first.saturating_sub(3)..first.saturating_sub(1)).rev().find(|&j| {
            let w = toks[j].text(text);
            let opens = lower(w) == "the" || strip_possessive(w).1;
            opens && toks[j + 1..first].iter().all(|t| {
                let m = t.text(text);
                m.chars().all(|c| c.is_lowercase() || c == '-') && !m.ends_with("ed") && !m.ends_with("ing") && !ROLE_LINKS.contains(&m)
            })
        })
    };
    let mut first = toks.len();
    loop {
        while first > 0 && plausible(&toks[first - 1]) {
            first -= 1;
        }
        match bridge(first) {
            Some(j) if first < toks.len() => first = j,
            _ => break,
        }
    }
    // The tail must begin where a noun phrase can begin.
    while first < toks.len() {
        let l = lower(toks[first].text(text));
        if ROLE_LINKS.contains(&l.as_str()) {
            first += 1;
        } else {
            break;
        }
    }
    if first >= toks.len() || toks.len() - first > 9 {
        return None;
    }
    let span = Span::new(toks[first].start, toks.last().unwrap().end);
    let w0 = toks[first].text(text);
    let l = lower(w0);
    let starts_ok = l == "the" || strip_possessive(w0).1 || is_cap(w0) || ROLE_MODIFIERS.contains(&l.as_str());
    if !starts_ok || !has_role_noun(text, span) {
        return None;
    }
    Some(RoleMention { text: span.slice(text).to_string(), span, confidence: 0.8 })
}

/// A role phrase standing alone as a subject ("Russia's ambassador to Belgium"):
/// optional possessive, modifiers, a role noun, and an optional "to/of X" object.
pub fn role_phrase_at(text: &str, toks: &[Tok]) -> Option<Span> {
    let mut k = 0;
    let mut role_at = None;
    while k < toks.len() && k < 6 {
        let w = toks[k].text(text);
        let l = lower(strip_possessive(w).0);
        if ROLE_NOUNS.contains(&l.as_str()) && !is_cap(w) {
            role_at = Some(k);
            // Keep going over compound role nouns ("chief of staff").
        } else if role_at.is_some() {
            break;
        } else if !(is_cap(w) || ROLE_MODIFIERS.contains(&l.as_str()) || l == "the" || l.ends_with("-ranking") || l.ends_with("al") || l.ends_with("ary")) {
            return None;
        }
        k += 1;
    }
    let r = role_at?;
    let mut end = r;
    // Prepositional object of the role: "to Belgium", "of the committee".
    if let Some(link) = toks.get(r + 1) {
        if ROLE_LINKS.contains(&lower(link.text(text)).as_str()) {
            let mut j = r + 2;
            if toks.get(j).is_some_and(|t| lower(t.text(text)) == "the") {
                j += 1;
            }
            while toks.get(j).is_some_and(|t| is_cap(t.text(text))) {
                end = j;
                j += 1;
            }
        }
    }
    Some(Span::new(toks[0].start, toks[end].end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(t: &str) -> Span {
        Span::new(0, t.len())
    }

    #[test]
    fn premodifier_found() {
        let t = "Yesterday Foreign Ministry spokeswoman Anna Berg said no.";
        let toks = tokenize(t, whole(t));
        let at = toks.iter().position(|x| x.text(t) == "Anna").unwrap();
        assert_eq!(premodifier(t, &toks, at).unwrap().text, "Foreign Ministry spokeswoman");
        let t2 = "Meanwhile, US special envoy Tom Reed will go.";
        let toks = tokenize(t2, whole(t2));
        let at = toks.iter().position(|x| x.text(t2) == "Tom").unwrap();
        assert_eq!(premodifier(t2, &toks, at).unwrap().text, "US special envoy");
    }

    #[test]
    fn appositions() {
        let t = "Ann Lee, the Dutch chair of the EU’s Budget Committee, said so.";
        let end = "Ann Lee".len();
        assert_eq!(apposition_after(t, whole(t), end).unwrap().text, "the Dutch chair of the EU’s Budget Committee");
        let t = "Ann Lee, who chairs the Budget Committee, said so.";
        assert_eq!(apposition_after(t, whole(t), 7).unwrap().text, "chairs the Budget Committee");
        let t = "Ann Lee, who resigned in May, said so.";
        assert!(apposition_after(t, whole(t), 7).is_none());
        let t = "France’s envoy to Chile, Ann Lee, said so.";
        let s = t.find("Ann").unwrap();
        assert_eq!(apposition_before(t, whole(t), s, s + 7).unwrap().text, "France’s envoy to Chile");
        // Lower-case noun modifiers after a determiner or possessive; the name may end the sentence.
        let t = "The town’s water chief, Ann Lee, said so.";
        let s = t.find("Ann").unwrap();
        assert_eq!(apposition_before(t, whole(t), s, s + 7).unwrap().text, "The town’s water chief");
        let t = "The dam held, according to the lock master, Ann Lee.";
        let s = t.find("Ann").unwrap();
        assert_eq!(apposition_before(t, whole(t), s, s + 7).unwrap().text, "the lock master");
        // A verb between determiner and role noun is not a modifier.
        let t = "They closed the road leading chief, Ann Lee, said.";
        let s = t.find("Ann").unwrap();
        if let Some(r) = apposition_before(t, whole(t), s, s + 7) {
            assert!(!r.text.contains("road"), "{}", r.text);
        }
    }

    #[test]
    fn role_phrase_subject() {
        let t = "France’s ambassador to Chile went further";
        let toks = tokenize(t, whole(t));
        assert_eq!(role_phrase_at(t, &toks).unwrap().slice(t), "France’s ambassador to Chile");
        let t = "Dozens gathered";
        assert!(role_phrase_at(t, &tokenize(t, whole(t))).is_none());
    }
}
