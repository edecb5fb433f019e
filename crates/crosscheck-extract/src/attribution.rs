//! Speaker attribution. For each quotation, in order of strength:
//! 1. the words right after it ("…,” said X" / "…,” he added");
//! 2. the subject of the reporting verb before it in the same sentence
//!    ("X, ROLE, warned that …", "According to X", "X told Y: …");
//! 3. a previous sentence ending in a colon ("X said the alliance is …:\n“…”");
//! 4. an earlier attributed quotation of the same paragraph (continuation).
//!
//! The subject is then resolved: a named person, a pronoun (nearest compatible
//! person), a definite description ("the admiral"), an anonymous source ("a
//! senior diplomat"), a role-only speaker ("Russia's ambassador to Belgium") or
//! an organisation/place. When none fits, the quote stays unattributed.

use crosscheck_core::Span;

use crate::entities::EntityIndex;
use crate::roles::role_phrase_at;
use crate::tables::*;
use crate::tokens::{is_cap, lower, strip_possessive, tokenize, Tok};
use crate::{Attribution, EntityKind, Quote, QuoteKind, Sentence, Speaker};

fn is_cue(w: &str) -> bool {
    crosscheck_lexicon::english().is_reporting_verb(&lower(w))
}

/// Text of a sentence with every quotation blanked, as tokens.
pub(crate) fn frame_tokens(text: &str, sent: Span, quotes: &[Quote]) -> Vec<Tok> {
    tokenize(text, sent).into_iter().filter(|t| !inside_a_quote(quotes, t.span())).collect()
}

/// Whether `span` lies inside a quotation. Quotations are found in text order
/// and never overlap, so only the last one opening before `span` can hold it:
/// a binary search keeps quote-dense texts linear.
pub(crate) fn inside_a_quote(quotes: &[Quote], span: Span) -> bool {
    let i = quotes.partition_point(|q| q.outer.start <= span.start);
    i > 0 && quotes[i - 1].outer.contains(span)
}

/// Resolve a subject chunk (tokens) to a speaker.
pub(crate) fn resolve_chunk(text: &str, chunk: &[Tok], idx: &EntityIndex, before: usize) -> Option<(Speaker, Span, &'static str, f32)> {
    if chunk.is_empty() || chunk.len() > MAX_SUBJECT_WORDS {
        return None;
    }
    // Drop a leading adverbial ("On Monday,", "Speaking to reporters,") when a comma follows it.
    let mut c = chunk;
    if let Some(k) = c.iter().position(|t| text[t.end..].starts_with(',')) {
        let first = c[0].text(text);
        let adverbial = SENTENCE_OPENERS.contains(&first) || first.ends_with("ing") || lower(first) == "according";
        if adverbial && k + 1 < c.len() && lower(first) != "according" {
            c = &c[k + 1..];
        }
    }
    let cspan = Span::new(c[0].start, c.last().unwrap().end);
    // A named person (not a possessor: "Trump’s envoy" is the envoy).
    for (m, e) in &idx.mentions {
        if cspan.contains(*m) && idx.entities[*e].kind == EntityKind::Person {
            let after = &text[m.end..];
            if after.starts_with('\u{2019}') || after.starts_with('\'') {
                continue;
            }
            return Some((Speaker::Entity { entity: *e }, *m, "name", CONF_NAME));
        }
    }
    let first = lower(c[0].text(text));
    // Pronoun.
    if let Some((_, g)) = PRONOUNS.iter().find(|(p, _)| *p == first) {
        if first == "they" {
            return None;
        }
        let limit = before.min(c[0].start);
        // An anonymous source introduced after the last named person ("A ferry hand
        // said …. “…,” he said.") is the nearer antecedent.
        let last_person = idx.mentions.iter().filter(|(m, e)| m.end <= limit && idx.entities[*e].kind == EntityKind::Person).map(|(m, _)| m.end).max();
        let from = last_person.unwrap_or(0).max(crosscheck_core::floor_char_boundary(text, limit.saturating_sub(MAX_ANON_ANTECEDENT_BYTES)));
        if g.is_some() {
            if let Some(sp) = anonymous_antecedent(text, Span::new(from, limit)) {
                return Some((Speaker::Anonymous { description: sp.slice(text).to_string() }, c[0].span(), "pronoun-anonymous", CONF_PRONOUN));
            }
        }
        // Possessors ("the admiral’s remarks") are not antecedents of a subject pronoun;
        // an exact gender match wins over an unknown one.
        let cands: Vec<usize> = idx
            .mentions
            .iter()
            .rev()
            .filter(|(m, e)| m.end <= limit && idx.entities[*e].kind == EntityKind::Person)
            .filter(|(m, _)| !text[m.end..].starts_with(['\u{2019}', '\'']))
            .map(|x| x.1)
            .fold(Vec::new(), |mut v: Vec<usize>, e| {
                if !v.contains(&e) {
                    v.push(e);
                }
                v
            })
            .into_iter()
            .take(4)
            .collect();
        let e = cands
            .iter()
            .take(2)
            .find(|e| g.is_some() && idx.gender[**e] == *g)
            .or_else(|| cands.iter().find(|e| g.is_none() || idx.gender[**e].is_none() || idx.gender[**e] == *g))?;
        return Some((Speaker::Entity { entity: *e }, c[0].span(), "pronoun", CONF_PRONOUN));
    }
    // Definite description resolved during entity finding ("the admiral").
    if first == "the" && c.len() >= 2 {
        let noun = lower(strip_possessive(c[1].text(text)).0);
        if ROLE_NOUNS.contains(&noun.as_str()) && !is_cap(c[1].text(text)) {
            if let Some((m, e)) = idx.entity_in(Span::new(c[0].start, c[1].end)) {
                return Some((Speaker::Entity { entity: e }, m, "description", CONF_DESCRIPTION));
            }
            // No person carries that noun: the nearest person of the same or the
            // previous paragraph, with low confidence.
            let near = idx
                .mentions
                .iter()
                .rev()
                .find(|(m, e)| m.end <= c[0].start && idx.entities[*e].kind == EntityKind::Person && !text[m.end..c[0].start].contains("\n\n"));
            if let Some((m, e)) = near {
                if c[0].start - m.end < 400 {
                    return Some((Speaker::Entity { entity: *e }, Span::new(c[0].start, c[1].end), "description-nearest", CONF_DESCRIPTION_NEAREST));
                }
            }
        }
    }
    // Anonymous source: an indefinite role phrase ("a senior European diplomat"),
    // or any short lower-case indefinite noun phrase as the whole subject ("a ferry hand").
    if INDEFINITES.contains(&first.as_str()) {
        return anonymous_subject(text, c).map(|(sp, conf)| (Speaker::Anonymous { description: sp.slice(text).to_string() }, sp, "anonymous", conf));
    }
    // Role-only speaker ("Russia’s ambassador to Belgium").
    let start = if first == "the" { &c[1..] } else { c };
    if let Some(sp) = role_phrase_at(text, start) {
        let sp = if first == "the" { Span::new(c[0].start, sp.end) } else { sp };
        return Some((Speaker::Role { role: sp.slice(text).to_string() }, sp, "role", CONF_ROLE));
    }
    // Organisation or place as speaker ("the Kremlin", "Russia has condemned").
    let head = if first == "the" { c.get(1)? } else { &c[0] };
    if let Some((m, e)) = idx.mentions.iter().find(|(m, _)| m.start == head.start) {
        let kind = idx.entities[*e].kind;
        if kind != EntityKind::Person && !text[m.end..].starts_with(['\u{2019}', '\'']) {
            return Some((Speaker::Entity { entity: *e }, *m, "organisation", CONF_ORG));
        }
    }
    None
}

/// An indefinite noun phrase that is a whole subject chunk: "a senior diplomat"
/// (a role noun within five words; the phrase ends at it) or, with less
/// confidence, two to five lower-case words ("a ferry hand") whose head is not
/// a document ("a statement said" is not a person speaking). Returns its span
/// and confidence.
fn anonymous_subject(text: &str, c: &[Tok]) -> Option<(Span, f32)> {
    let rest = c.get(1..)?;
    if let Some(k) = rest.iter().take(5).position(|t| ROLE_NOUNS.contains(&lower(t.text(text)).as_str())) {
        return Some((Span::new(c[0].start, rest[k].end), CONF_ANON));
    }
    let plain = |t: &Tok| t.text(text).chars().all(|ch| ch.is_lowercase() || ch == '-');
    if rest.is_empty() || rest.len() > 4 || !rest.iter().all(plain) {
        return None;
    }
    let head = lower(rest.last()?.text(text));
    if DOCUMENT_NOUNS.contains(&head.as_str()) || !text[c[0].start..rest.last()?.end].chars().all(|ch| ch.is_alphabetic() || ch == ' ' || ch == '-') {
        return None;
    }
    Some((Span::new(c[0].start, rest.last()?.end), CONF_ANON_UNLISTED))
}

/// The last anonymous source of `span` that is the subject of a reporting verb
/// ("A ferry hand said the gates were shut."): a singular indefinite,
/// its noun phrase, then the verb.
fn anonymous_antecedent(text: &str, span: Span) -> Option<Span> {
    let toks = tokenize(text, span);
    let mut found = None;
    for (i, t) in toks.iter().enumerate() {
        if !matches!(lower(t.text(text)).as_str(), "a" | "an" | "one" | "another") {
            continue;
        }
        let Some(k) = toks[i + 1..].iter().take(6).position(|w| is_cue(w.text(text)) && lower(w.text(text)) != "according") else { continue };
        let np = &toks[i..i + 1 + k];
        if np.len() >= 2 && np.windows(2).all(|w| text[w[0].end..w[1].start].chars().all(|ch| ch == ' ')) {
            if let Some((sp, _)) = anonymous_subject(text, np) {
                found = Some(sp);
            }
        }
    }
    found
}

/// Speaker from the words right after a quotation: "…,” said X" / "…,” X said".
fn after_quote(text: &str, q: &Quote, frame: &[Tok], idx: &EntityIndex) -> Option<Attribution> {
    let inner = q.span.slice(text).trim_end();
    let rest = &text[q.outer.end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\n', ',']).len();
    let after: Vec<Tok> = frame.iter().copied().filter(|t| t.start >= q.outer.end).collect();
    if after.is_empty() {
        return None;
    }
    let lowercase_next = rest.trim_start_matches([' ', '\n', ',']).chars().next().is_some_and(|c| c.is_lowercase());
    let comma_inside = inner.ends_with([',', '?', '!']) || rest.starts_with(',');
    if !(comma_inside || lowercase_next) || after[0].start != q.outer.end + gap {
        return None;
    }
    // Stop the speaker phrase at the next punctuation.
    // A title's abbreviation dot ("said Mr. Clarke") does not end the phrase.
    let clause_end = text[after[0].start..]
        .match_indices([',', '.', ';', ':', '\u{201c}', '"'])
        .find(|(i, m)| {
            let word = text[after[0].start..after[0].start + i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            !(*m == "." && crosscheck_lexicon::english().is_title(&lower(word)))
        })
        .map(|(i, _)| i + after[0].start)
        .unwrap_or(text.len());
    let clause: Vec<Tok> = after.iter().copied().filter(|t| t.end <= clause_end).collect();
    if clause.is_empty() {
        return None;
    }
    if lower(clause[0].text(text)) == "according" && clause.get(1).is_some_and(|t| lower(t.text(text)) == "to") {
        return according_to(text, &clause[2..], idx, q.outer.start);
    }
    if is_cue(clause[0].text(text)) && !clause[0].text(text).ends_with("ing") {
        let cue = clause[0].text(text).to_string();
        let (sp, ev, method, conf) = resolve_chunk(text, &clause[1..], idx, q.outer.start)?;
        return Some(Attribution { speaker: sp, method: format!("quote-cue-{method}"), cue: Some(cue), evidence: ev, confidence: conf });
    }
    let k = clause.iter().take(6).position(|t| is_cue(t.text(text)))?;
    let cue = clause[k].text(text).to_string();
    let (sp, ev, method, conf) = resolve_chunk(text, &clause[..k], idx, q.outer.start)?;
    Some(Attribution { speaker: sp, method: format!("quote-{method}-cue"), cue: Some(cue), evidence: ev, confidence: conf })
}

/// "according to X" / "according to X’s statement": the possessor is the source.
fn according_to(text: &str, chunk: &[Tok], idx: &EntityIndex, before: usize) -> Option<Attribution> {
    if let Some(first) = chunk.first() {
        if let Some((m, e)) = idx.mentions.iter().find(|(m, e)| m.start == first.start && idx.entities[*e].kind == EntityKind::Person) {
            return Some(Attribution { speaker: Speaker::Entity { entity: *e }, method: "according-to-name".into(), cue: Some("according to".into()), evidence: *m, confidence: CONF_NAME });
        }
    }
    let (sp, ev, method, conf) = resolve_chunk(text, chunk, idx, before)?;
    Some(Attribution { speaker: sp, method: format!("according-to-{method}"), cue: Some("according to".into()), evidence: ev, confidence: conf })
}

/// Speaker as the subject of a reporting verb earlier in the sentence.
fn subject_before(text: &str, sent: Span, q_start: usize, frame: &[Tok], idx: &EntityIndex) -> Option<Attribution> {
    let before: Vec<Tok> = frame.iter().copied().filter(|t| t.end <= q_start && t.start >= sent.start).collect();
    // "according to X"
    if let Some(k) = before.iter().position(|t| lower(t.text(text)) == "according") {
        if before.get(k + 1).is_some_and(|t| lower(t.text(text)) == "to") {
            let end = before[k + 2..].iter().position(|t| text[t.end..].starts_with(',')).map(|p| k + 3 + p).unwrap_or(before.len());
            if let Some(a) = according_to(text, &before[k + 2..end], idx, q_start) {
                return Some(a);
            }
        }
    }
    let k = before.iter().position(|t| is_cue(t.text(text)) && lower(t.text(text)) != "according")?;
    let cue = before[k].text(text).to_string();
    // Auxiliaries and adverbs between subject and verb ("has condemned", "also accused").
    let mut end = k;
    while end > 0 && matches!(lower(before[end - 1].text(text)).as_str(), "has" | "have" | "had" | "also" | "was" | "is" | "then" | "later" | "further" | "previously" | "reportedly" | "publicly" | "repeatedly" | "went" | "once") {
        end -= 1;
    }
    // "went further, claiming" - the subject precedes the participle clause.
    let chunk: Vec<Tok> = before[..end].to_vec();
    let chunk = trim_participle(text, &chunk);
    let (sp, ev, method, conf) = resolve_chunk(text, &chunk, idx, q_start)?;
    Some(Attribution { speaker: sp, method: format!("subject-cue-{method}"), cue: Some(cue), evidence: ev, confidence: conf })
}

/// Cut a chunk before "went further," / "acknowledged the complexity," style
/// predicate: keep the words up to the first lower-case verb-like word after a name.
fn trim_participle(text: &str, chunk: &[Tok]) -> Vec<Tok> {
    // If a comma-terminated predicate precedes a participle cue, the subject is
    // the part before the first non-subject word; we approximate by cutting at
    // "went"/"had"/"was" style verbs.
    let cut = chunk.iter().position(|t| matches!(lower(t.text(text)).as_str(), "went" | "came" | "gave" | "made" | "spoke" | "appeared" | "took"));
    match cut {
        Some(c) if c > 0 => chunk[..c].to_vec(),
        _ => chunk.to_vec(),
    }
}

/// Attribute every quotation in place. `kinds_learned`: the quotations' kinds
/// come from the learned speech model ([`crate::speech`]), which has the last
/// word on speech against term; otherwise a longer quotation in a reported
/// clause is taken for a partial quotation of the speaker.
pub fn attribute(text: &str, sentences: &[Sentence], quotes: &mut [Quote], idx: &EntityIndex, kinds_learned: bool) {
    let snapshot: Vec<Quote> = quotes.to_vec();
    for qi in 0..quotes.len() {
        let q = quotes[qi].clone();
        let Some(sent) = sentences.get(q.sentence) else { continue };
        // The sentence may end inside a multi-sentence quotation; widen it to the quote's end
        // and to the end of the sentence where the quote ends.
        let end_si = crate::sentences::sentence_at(sentences, q.outer.end.saturating_sub(1));
        let span = sent.span.cover(sentences[end_si].span).cover(q.outer);
        let frame = frame_tokens(text, span, &snapshot);
        let mut att = after_quote(text, &q, &frame, idx).or_else(|| subject_before(text, span, q.outer.start, &frame, idx));
        if att.is_none() {
            // A previous sentence ending with a colon introduces the quote.
            let before_q = text[sent.span.start..q.outer.start].trim();
            if before_q.is_empty() && q.sentence > 0 {
                let prev = &sentences[q.sentence - 1];
                if prev.span.slice(text).trim_end().ends_with(':') {
                    let pf = frame_tokens(text, prev.span, &snapshot);
                    if let Some(mut a) = subject_before(text, prev.span, prev.span.end, &pf, idx) {
                        a.method = format!("colon-{}", a.method);
                        a.confidence = a.confidence.min(CONF_COLON);
                        att = Some(a);
                    }
                }
            }
        }
        if att.is_none() && q.kind == crate::QuoteKind::Full {
            // Continuation: the previous quotation of the paragraph, nobody else named between.
            if let Some(prev) = quotes[..qi].iter().rev().find(|p| p.attribution.is_some()) {
                // Same paragraph as the previous quote or as its attribution ("…”\n\nclaimed X. “…”"),
                // or the next paragraph when nothing but the quotation marks lies between.
                let ev_end = prev.attribution.as_ref().map(|a| a.evidence.end).filter(|e| *e <= q.outer.start).unwrap_or(0);
                let anchor = prev.outer.end.max(ev_end);
                let same_para = !text[anchor..q.outer.start].contains('\n')
                    || (sentences[prev.sentence].paragraph + 1 == sent.paragraph && text[prev.outer.end..q.outer.start].trim().is_empty());
                let between = Span::new(prev.outer.end, q.outer.start);
                let own = match prev.attribution.as_ref().map(|a| &a.speaker) {
                    Some(Speaker::Entity { entity }) => Some(*entity),
                    _ => None,
                };
                let someone_between = idx.mentions.iter().any(|(m, e)| between.contains(*m) && Some(*e) != own);
                if same_para && !someone_between {
                    let mut a = prev.attribution.clone().unwrap();
                    a.method = "continuation".into();
                    a.confidence = a.confidence.min(CONF_CONTINUATION);
                    att = Some(a);
                }
            }
        }
        quotes[qi].attribution = att;
    }
    link_statements(text, quotes);
    let snapshot: Vec<Quote> = quotes.to_vec();
    for q in quotes.iter_mut() {
        mark_partial(text, sentences, &snapshot, q, kinds_learned);
    }
    join_partials_of_one_clause(quotes);
}

/// A quotation inside the clause a reporting or naming verb governs earlier in
/// the sentence ("X said the plan was “dead on arrival” in the Senate", "called
/// the move “reckless”") is a partial quotation, not the whole statement; its
/// content is the clause, from after the verb to the sentence's end. The verb
/// is the attribution's cue when the speaker is its subject, else the last
/// reporting or naming verb before the quotation in its sentence.
fn mark_partial(text: &str, sentences: &[Sentence], quotes: &[Quote], q: &mut Quote, kinds_learned: bool) {
    if q.continues.is_some() {
        return;
    }
    let Some(sent) = sentences.get(q.sentence) else { return };
    if sent.span.start > q.outer.start {
        return;
    }
    let before = frame_tokens(text, Span::new(sent.span.start, q.outer.start), quotes);
    let subject_cue = q.attribution.as_ref().filter(|a| a.method.starts_with("subject-cue")).and_then(|a| a.cue.as_deref());
    let verb = match subject_cue {
        Some(cue) => before.iter().rev().find(|t| t.text(text) == cue),
        None => before.iter().rev().find(|t| is_cue(t.text(text)) || NAMING_VERBS.contains(&lower(t.text(text)).as_str())),
    };
    let Some(verb) = verb else { return };
    let between = text[verb.end..q.outer.start].trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':'));
    let between_words = tokenize(text, Span::new(verb.end, q.outer.start));
    // The quotation opens the complement ("said: “…”", "said that “…”"): it is the statement.
    if between.is_empty() || (between_words.len() == 1 && COMPLEMENT_MARKERS.contains(&lower(between_words[0].text(text)).as_str())) {
        return;
    }
    // A term in marks inside the clause ("acknowledged that a “pre-emptive
    // strike” could be …") stays a scare quote: the words may be the speaker's,
    // but they are labelled as a term, and a term is not a statement. It still
    // gets the clause as its content: the reported statement it sits in. Without
    // a learned speech model, a named speaker's longer quotation there is taken
    // for a partial quotation of the speaker.
    if q.kind == QuoteKind::ScareQuote && !kinds_learned && subject_cue.is_some() && tokenize(text, q.span).len() >= PARTIAL_QUOTE_MIN_WORDS {
        q.kind = QuoteKind::Full;
    }
    // The clause opens at its complementiser when one stands between verb and
    // quotation ("told a talk show on Friday that “…”": not the show's name)
    // and ends with its sentence, or before a participle adjunct after the
    // quotation ("…, citing her work").
    let start = before.iter().rev().filter(|t| t.start >= verb.end).find(|t| lower(t.text(text)) == "that").map(|t| t.start).unwrap_or(verb.end);
    let end_si = crate::sentences::sentence_at(sentences, q.outer.end.saturating_sub(1));
    let sentence_end = sentences[end_si].span.end.max(q.outer.end);
    let after = frame_tokens(text, Span::new(q.outer.end, sentence_end), quotes);
    let adjunct = |t: &Tok| -> Option<usize> {
        let lead = text[..t.start].trim_end();
        if !t.text(text).ends_with("ing") {
            None
        } else if lead.ends_with(',') {
            Some(lead.len() - 1)
        } else {
            // The comma inside the closing mark (“…,” citing): the clause keeps the mark.
            lead.trim_end_matches(['\u{201d}', '"', '\u{2019}']).ends_with(',').then_some(lead.len())
        }
    };
    // The clause's last quotation: the quotations that follow in the sentence
    // with no reporting verb between ("a “liar” who is “amoral,” a “bully”").
    let mut last = q.outer;
    for o in quotes.iter().filter(|o| o.outer.start >= q.outer.end && o.outer.end <= sentence_end) {
        if frame_tokens(text, Span::new(last.end, o.outer.start), quotes).iter().any(|t| is_cue(t.text(text))) {
            break;
        }
        last = o.outer;
    }
    // A comma at the last quotation's close ends the clause (“…,” a subtle dig at …).
    let comma_close = text[..last.end].trim_end_matches(['\u{201d}', '"', '\u{2019}']).ends_with(',') || text[last.end..].starts_with(',');
    let end = if comma_close { last.end } else { after.iter().filter(|t| t.start >= last.end).find_map(adjunct).unwrap_or(sentence_end).max(q.outer.end) };
    let clause = Span::new(start, end).trim(text);
    let clause_text = clause.slice(text);
    let stripped = clause_text.trim_end_matches(['.', ' ']);
    q.content = (!stripped.is_empty()).then(|| Span::new(clause.start, clause.start + stripped.len()));
}

/// Quotations of one clause ("called him a “liar” and a “bully”") are one
/// statement: each continues the clause's first full quotation, or its first
/// quotation when all are terms.
fn join_partials_of_one_clause(quotes: &mut [Quote]) {
    for qi in 0..quotes.len() {
        let Some(content) = quotes[qi].content else { continue };
        if quotes[qi].continues.is_some() {
            continue;
        }
        let same: Vec<usize> = (0..quotes.len()).filter(|&h| quotes[h].continues.is_none() && quotes[h].content == Some(content)).collect();
        let head = same.iter().copied().find(|&h| quotes[h].kind == QuoteKind::Full).unwrap_or(same[0]);
        if head != qi {
            quotes[qi].continues = Some(head);
            quotes[qi].attribution = quotes[head].attribution.clone().or_else(|| quotes[qi].attribution.clone());
            // Parts already linked to this one follow it to the new head.
            for p in quotes.iter_mut().filter(|p| p.continues == Some(qi)) {
                p.continues = Some(head);
            }
        }
    }
}

/// Join quotations that are parts of one statement: the next quotation starts
/// right after the previous one's attribution (“…,” she said. “…”) or right
/// after the previous quotation itself (same paragraph, or the next one when it
/// opens with the quotation), and has no attribution of its own. Its speaker
/// becomes the first part's.
fn link_statements(text: &str, quotes: &mut [Quote]) {
    for qi in 1..quotes.len() {
        // A term in marks inside the interruption ("…,” he told Fox’s “Sunday
        // Show.” “…”) does not part the statement's parts.
        let Some(pi) = (0..qi).rev().find(|&p| quotes[p].kind == QuoteKind::Full) else { continue };
        let (prev, q) = (&quotes[pi], &quotes[qi]);
        if q.kind != QuoteKind::Full {
            continue;
        }
        let Some(gap) = text.get(prev.outer.end..q.outer.start) else { continue };
        let head = prev.continues.unwrap_or(pi);
        let own = q.attribution.as_ref().filter(|a| a.method != "continuation");
        let prev_att = prev.attribution.as_ref();
        let joined = if gap.trim().is_empty() {
            // Resumed: nothing between, at most one paragraph break.
            own.is_none() && gap.matches('\n').count() <= 2
        } else {
            // Interrupted by the previous part's own attribution, and nothing more.
            let in_gap = |sp: Span| sp.start >= prev.outer.end && sp.end <= q.outer.start;
            // The gap is the previous part's attribution, or an attribution clause of its own
            // when the previous part has none yet (“…,” he said at a rally. “…”).
            let gap_cues = tokenize(text, Span::new(prev.outer.end, q.outer.start)).iter().filter(|t| is_cue(t.text(text))).count();
            let gap_cue = gap_cues > 0;
            let by_prev = prev_att.is_some_and(|a| in_gap(a.evidence)) || (gap_cue && own.is_none() && prev_att.is_none());
            let short = gap.len() <= MAX_INTERRUPTION_BYTES && !gap.contains('\n');
            let same = match own {
                None => true,
                Some(a) => prev_att.is_some_and(|p| p.speaker == a.speaker && p.evidence == a.evidence),
            };
            // A second reporting verb ("…,” he said, adding later, “…”) opens a
            // statement of its own.
            by_prev && short && same && gap_cues <= 1
        };
        if joined {
            quotes[qi].continues = Some(head);
            quotes[qi].attribution = quotes[head].attribution.clone().or_else(|| quotes[qi].attribution.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{annotate, Annotated, Speaker};
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    fn doc(t: &str) -> Annotated {
        let a = ArticleBuilder::new("t", "t.txt", SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        annotate(&a, None)
    }

    /// (quote text, speaker as printed or None, method) of every quote.
    fn who(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let d = doc(t);
        d.quotes
            .iter()
            .map(|q| {
                let a = q.attribution.as_ref();
                (q.span.slice(&d.article.text).to_string(), a.and_then(|a| d.speaker_name(&a.speaker)), a.map(|a| a.method.clone()))
            })
            .collect()
    }

    fn speaker_of(t: &str, i: usize) -> Option<String> {
        who(t)[i].1.clone()
    }

    /// (quote, content) of every record.
    fn statements(t: &str) -> Vec<(String, String, bool)> {
        doc(t).quote_records().into_iter().map(|r| (r.quote, r.content, r.scare_quote)).collect()
    }

    #[test]
    fn a_partial_quotation_reports_its_clause() {
        // The clause opens at "that" (not the show's name) and stops before the participle adjunct.
        let r = statements("Ana Torres told a radio show on Friday that the plan was “dead on arrival in the Senate,” citing new polls.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "that the plan was “dead on arrival in the Senate,”");
        // Two terms of one clause are one statement; the quoted words keep their marks apart.
        let r = statements("Luis Ortega called the minister a “liar” and a “bully” on Monday.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "liar … bully");
        assert!(r[0].1.starts_with("the minister a “liar” and a “bully”"), "{r:?}");
        // A term before the clause's full quotation: the full one heads the statement, its parts stay in text order.
        let r = statements("Ana Torres said the city needs “more listening” and “a plan that every family can trust next year.”");
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(!r[0].2 && r[0].0.starts_with("more listening … a plan"), "{r:?}");
    }

    #[test]
    fn a_term_between_parts_and_a_second_cue() {
        // A programme's name in marks inside the interruption does not part the statement.
        let r = statements("“We are ready for a long fight,” Ana Torres said on “Morning Show.” “We will act.”");
        let full: Vec<_> = r.iter().filter(|x| !x.2).collect();
        assert_eq!(full.len(), 1, "{r:?}");
        assert_eq!(full[0].0, "We are ready for a long fight, … We will act.");
        // "said, adding later," — two reporting verbs: two statements.
        let r = statements("“We are ready for a long fight,” Ana Torres said, adding later, “We will act.”");
        assert_eq!(r.iter().filter(|x| !x.2).count(), 2, "{r:?}");
    }

    #[test]
    fn name_said_and_said_name() {
        assert_eq!(speaker_of("Ana Torres said: “We will not back down.”", 0).as_deref(), Some("Ana Torres"));
        assert_eq!(speaker_of("“We will not back down,” said Ana Torres, the mayor.", 0).as_deref(), Some("Ana Torres"));
        assert_eq!(speaker_of("“We will not back down,” Ana Torres said.", 0).as_deref(), Some("Ana Torres"));
        assert_eq!(speaker_of("Ana Torres, the mayor of Lima, warned that “the water will run out soon.”", 0).as_deref(), Some("Ana Torres"));
        assert_eq!(speaker_of("Ana Torres told reporters: “The water will run out soon.”", 0).as_deref(), Some("Ana Torres"));
    }

    #[test]
    fn according_to_and_accused_of() {
        assert_eq!(speaker_of("The plan was “dead on arrival,” according to Luis Ortega, an opposition lawmaker.", 0).as_deref(), Some("Luis Ortega"));
        assert_eq!(speaker_of("Luis Ortega accused the minister of “lying to the whole country about the budget.”", 0).as_deref(), Some("Luis Ortega"));
        assert_eq!(speaker_of("Luis Ortega condemned the plan as “a betrayal of voters.”", 0).as_deref(), Some("Luis Ortega"));
    }

    #[test]
    fn pronouns_follow_gender_and_proximity() {
        let t = "Interior ministry spokeswoman Eva Lind met Karl Berg, the mayor. “We are ready for anything,” she said. Karl Berg left. “It is over now,” he added.";
        let w = who(t);
        assert_eq!(w[0].1.as_deref(), Some("Eva Lind"));
        assert_eq!(w[0].2.as_deref(), Some("quote-pronoun-cue"));
        assert_eq!(w[1].1.as_deref(), Some("Karl Berg"));
    }

    #[test]
    fn quote_then_speaker_next_paragraph_and_continuation() {
        let t = "“The border is closed to everyone,”\n\nclaimed Omar Haddad, the interior minister, on Sunday. “Nobody will pass this week.”";
        let w = who(t);
        assert_eq!(w[0].1.as_deref(), Some("Omar Haddad"));
        assert_eq!(w[1].1.as_deref(), Some("Omar Haddad"));
        assert_eq!(w[1].2.as_deref(), Some("continuation"));
    }

    #[test]
    fn colon_sentence_introduces_quote() {
        let t = "Omar Haddad said the border was shut:\n“Nobody will pass this week or next.”";
        assert_eq!(speaker_of(t, 0).as_deref(), Some("Omar Haddad"));
    }

    #[test]
    fn anonymous_role_and_organisation_speakers() {
        let d = doc("A senior European diplomat said: “We need to be much faster than this.”");
        assert!(matches!(&d.quotes[0].attribution.as_ref().unwrap().speaker, Speaker::Anonymous { description } if description == "A senior European diplomat"));
        let d = doc("France’s ambassador to Chile went further, claiming the deal was “a disaster for everyone involved.”");
        assert!(matches!(&d.quotes[0].attribution.as_ref().unwrap().speaker, Speaker::Role { role } if role == "France’s ambassador to Chile"));
        let d = doc("Officials in Lima met. The Kremlin said the proposals “could form a basis for talks.” Later the Kremlin repeated it.");
        let a = d.quotes[0].attribution.as_ref().unwrap();
        assert_eq!(d.speaker_name(&a.speaker).as_deref(), Some("Kremlin"));
    }

    #[test]
    fn unlisted_anonymous_sources_and_pronouns_that_refer_to_them() {
        // No role noun of the table: the indefinite subject itself is the source.
        let d = doc("“The water came up to the roof,” a fishing village elder said.");
        assert!(matches!(&d.quotes[0].attribution.as_ref().unwrap().speaker, Speaker::Anonymous { description } if description == "a fishing village elder"));
        // A pronoun after an anonymous source introduced since the last named person.
        let t = "Mayor Ana Torres said the dam held. A fishing village elder said it did not. “The water came up to the roof,” he said.";
        let w = who(t);
        assert_eq!(w[0].1.as_deref(), Some("A fishing village elder"));
        assert_eq!(w[0].2.as_deref(), Some("quote-pronoun-anonymous-cue"));
        // Named again after the anonymous source: the name wins.
        let t = "A fishing village elder said it did not. Ana Torres, the mayor, disagreed. “The dam held all night,” she said.";
        assert_eq!(speaker_of(t, 0).as_deref(), Some("Ana Torres"));
        // A document is a source too: the quote is the statement's, as printed.
        let t = "“The dam held all night and nobody was hurt,” a statement said.";
        assert_eq!(speaker_of(t, 0).as_deref(), Some("a statement"));
    }

    #[test]
    fn definite_description_resolves_to_titled_person() {
        let t = "General Ana Torres visited the base. Troops were waiting. The general said: “We will stay as long as needed.”";
        assert_eq!(speaker_of(t, 0).as_deref(), Some("Ana Torres"));
    }

    #[test]
    fn abstains_without_evidence() {
        let t = "The sign at the gate read “No entry after dark for anyone.” Nobody knew why.";
        assert_eq!(speaker_of(t, 0), None);
        let t = "Crowds gathered. “We want answers from the government now!”";
        assert_eq!(speaker_of(t, 0), None);
    }
}
