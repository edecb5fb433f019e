//! Claims: claim units aligned across outlets, and their corroboration.
//!
//! Units are compared by an IDF-weighted cosine over their content-token sets
//! (IDF over the story's units, so words every outlet uses weigh little);
//! shared numbers and capitalised names weigh more. Each unit gathers, from
//! every other near-duplicate group, its best match above the threshold; a
//! unit may support several claims (a list sentence names several incidents).
//! Claims with the same support are merged; a claim contained in another is
//! dropped.
//!
//! A claim is **corroborated** when its supporting units come from two or more
//! near-duplicate groups. A unit nobody else aligns with is a **single-source**
//! claim when it rests on a specific — a number, or a word of a person,
//! organisation or place the extract stage recognised, that no other group
//! prints anywhere; an aligned unit that adds such a specific also yields a
//! single-source claim for that detail. Single-source units of one outlet that
//! share a specific are one claim.

use std::collections::{BTreeSet, HashMap, HashSet};

use crosscheck_core::embedding::cosine;
use crosscheck_core::text::match_words;
use serde::{Deserialize, Serialize};

use crate::lexical::{content_tokens, is_number_token, name_tokens};
use crate::segment::claim_units;
use crate::{sorted_sources, tables, Cite, StoryInput};

/// Whether a claim rests on one outlet or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Corroborated,
    SingleSource,
}

/// One claim and the sentences that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    /// A representative wording (the longest-supported unit as printed).
    pub text: String,
    pub status: ClaimStatus,
    pub support: Vec<Cite>,
    pub sources: Vec<String>,
    /// Distinct near-duplicate groups among the supporting articles.
    pub independent_sources: usize,
    /// For single-source claims: the names/numbers only this outlet prints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specifics: Vec<String>,
    /// For single-source claims: how much a fact-checker needs it checked
    /// first (see [`checkworthiness`]); single-source claims come in this order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkworthiness: Option<f64>,
}

/// A claim unit with its features.
#[derive(Debug, Clone)]
pub struct Unit {
    pub doc: usize,
    pub span: crosscheck_core::Span,
    /// Ordered sets: similarity sums float weights over them, and a fixed
    /// order makes `similarity(a, b) == similarity(b, a)` bit for bit, so ties
    /// break the same way in every run (hash order would not).
    pub tokens: BTreeSet<String>,
    pub names: BTreeSet<String>,
    /// Words of the entities the extract stage recognised in the unit: what
    /// a single-source claim's specifics are drawn from (the capitalised-word
    /// `names` above weigh alignment, where a false name costs little).
    pub entity_words: BTreeSet<String>,
    /// The unit reports what someone said (a quotation or a reporting verb):
    /// such units belong to "who said what", not to the outlets' own claims.
    pub statement: bool,
    /// The unit holds a direct quotation.
    pub quoted: bool,
    /// Index of its sentence among the article's sentences.
    pub sentence: usize,
}

/// The claim units of a story.
pub fn units(input: StoryInput<'_>) -> Vec<Unit> {
    let mut out = Vec::new();
    for (di, d) in input.docs.iter().enumerate() {
        let text = &d.article.text;
        let quotes: Vec<crosscheck_core::Span> = d
            .quotes
            .iter()
            .filter(|q| q.kind == crosscheck_extract::QuoteKind::Full)
            .map(|q| q.span)
            .collect();
        for (si, s) in d.sentence_spans().into_iter().enumerate() {
            // A dateline ("City – December 2, 2025 –") is metadata, not a claim.
            let s = match d.article.dateline_span {
                Some(dl) if dl.contains(s) || dl.contains(s.trim(text)) => continue,
                Some(dl) if s.overlaps(dl) && dl.end < s.end => crosscheck_core::Span::new(dl.end.max(s.start), s.end).trim(text),
                _ => s,
            };
            // Reported speech runs on: once a reporting verb has appeared in
            // the sentence, its later clauses are what the source said.
            let mut reported = false;
            for u in claim_units(text, s) {
                let t = u.slice(text);
                let tokens: BTreeSet<String> = content_tokens(t).into_iter().collect();
                if tokens.len() < 2 {
                    continue;
                }
                let names: BTreeSet<String> = name_tokens(t).into_iter().collect();
                let entity_words = entity_words(d, u);
                let words = crate::lexical::diff_words(t);
                let has_quote = quotes.iter().any(|q| u.overlaps(*q));
                reported |= words.iter().any(|w| crosscheck_lexicon::english().is_reporting_verb(w));
                let statement = has_quote || reported;
                out.push(Unit { doc: di, span: u, tokens, names, entity_words, statement, quoted: has_quote, sentence: si });
            }
        }
    }
    out
}

/// Words (in match form) of the people, organisations and places the extract
/// stage found inside `span`: the names a claim can rest on. Capitalised
/// adjectives ("Western", "American intelligence") and the lower-case half of
/// a compound ("Moscow-directed") are not among them.
fn entity_words(doc: &crosscheck_extract::Annotated, span: crosscheck_core::Span) -> BTreeSet<String> {
    let text = &doc.article.text;
    doc.entities
        .iter()
        .flat_map(|e| e.mentions.iter())
        .filter(|m| span.contains(**m))
        .flat_map(|m| content_tokens(m.slice(text)))
        .collect()
}

fn weight(tok: &str, names: &BTreeSet<String>, idf: &HashMap<String, f64>) -> f64 {
    let mut w = idf.get(tok).copied().unwrap_or(1.0);
    if is_number_token(tok) {
        w *= tables::NUMBER_WEIGHT;
    } else if names.contains(tok) {
        w *= tables::NAME_WEIGHT;
    }
    w
}

/// IDF-weighted cosine of two units' token sets.
pub fn similarity(a: &Unit, b: &Unit, idf: &HashMap<String, f64>) -> f64 {
    let norm = |u: &Unit| u.tokens.iter().map(|t| weight(t, &u.names, idf).powi(2)).sum::<f64>().sqrt();
    let shared: f64 = a.tokens.iter().filter(|t| b.tokens.contains(*t)).map(|t| weight(t, &a.names, idf) * weight(t, &b.names, idf)).sum();
    let d = norm(a) * norm(b);
    if d == 0.0 { 0.0 } else { shared / d }
}

/// The venue a statement names ("… told the Daily Post", "in an interview
/// with Radio North"): the capitalised name after a venue link that follows a
/// venue cue within three words, lower-cased; `None` when there is none.
pub fn venue(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    for k in 0..words.len() {
        let link = bare(words[k]);
        if !tables::VENUE_LINKS.contains(&link.as_str()) || words[k].ends_with([',', '.', ';', ':']) {
            continue;
        }
        let cued = words[k.saturating_sub(3)..=k].iter().any(|w| tables::VENUE_CUES.contains(&bare(w).as_str()));
        if !cued {
            continue;
        }
        let mut j = k + 1;
        if words.get(j).is_some_and(|w| bare(w) == "the") {
            j += 1;
        }
        let mut name = Vec::new();
        while let Some(w) = words.get(j) {
            let b = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !b.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            name.push(b.to_lowercase());
            if w.ends_with(|c: char| !c.is_alphanumeric()) {
                break;
            }
            j += 1;
        }
        if !name.is_empty() {
            return Some(name.join(" "));
        }
    }
    None
}

/// Align the story's claims.
pub fn align_claims(input: StoryInput<'_>) -> Vec<Claim> {
    let units = units(input);
    let n = units.len();
    let mut df: HashMap<String, usize> = HashMap::new();
    for u in &units {
        for t in &u.tokens {
            *df.entry(t.clone()).or_default() += 1;
        }
    }
    let idf: HashMap<String, f64> = df.into_iter().map(|(t, c)| (t, ((n as f64 + 1.0) / (c as f64 + 0.5)).ln().max(0.1))).collect();
    // Words each near-duplicate group prints anywhere, for "specifics".
    let mut group_words: HashMap<usize, HashSet<String>> = HashMap::new();
    for (di, d) in input.docs.iter().enumerate() {
        let set = group_words.entry(input.group(di)).or_default();
        for w in match_words(&d.article.text) {
            set.insert(crate::lexical::stem(&w));
            for p in w.split('-') {
                set.insert(crate::lexical::stem(p));
            }
        }
    }
    // Sentence embeddings of the units, when a model is loaded.
    // (An empty vector for a unit in a language the model does not read.)
    let vectors: Option<Vec<Vec<f32>>> = input.encoder.and_then(|encoder| {
        let read: Vec<bool> = units.iter().map(|u| encoder.reads_language(input.docs[u.doc].article.language.as_deref())).collect();
        let texts: Vec<&str> = units.iter().zip(&read).filter(|(_, r)| **r).map(|(u, _)| u.span.slice(&input.docs[u.doc].article.text)).collect();
        match encoder.encode(&texts) {
            Ok(v) => {
                let mut v = v.into_iter();
                Some(read.iter().map(|r| if *r { v.next().unwrap_or_default() } else { Vec::new() }).collect())
            }
            Err(e) => {
                tracing::warn!("claims aligned on words alone: {e}");
                None
            }
        }
    });
    let semantic = |i: usize, j: usize| vectors.as_ref().map_or(0.0, |v| cosine(&v[i], &v[j]));
    // Best match of each unit in each other near-duplicate group, ranked by
    // word overlap plus embedding cosine (the latter 0 without a model).
    let mut best: Vec<HashMap<usize, (f64, usize)>> = vec![HashMap::new(); n];
    for i in 0..n {
        let gi = input.group(units[i].doc);
        for j in 0..n {
            let gj = input.group(units[j].doc);
            if gj == gi {
                continue;
            }
            let s = similarity(&units[i], &units[j], &idf);
            // Shared names alone ("Poland and Germany") do not make one claim:
            // some word of what happened must recur too.
            let shares_predicate = units[i].tokens.iter().any(|t| units[j].tokens.contains(t) && !units[i].names.contains(t) && !units[j].names.contains(t) && !is_number_token(t));
            // Or the two say it in other words, as the embeddings tell. Only
            // between units in the same voice: an outlet's own account and a
            // statement it reports may describe one event, but the statement
            // (with the details only it gives) is not thereby repeated.
            let paraphrase = semantic(i, j);
            let same_voice = units[i].statement == units[j].statement;
            let aligned = (shares_predicate && s >= tables::CLAIM_ALIGN_THRESHOLD) || (same_voice && paraphrase >= tables::CLAIM_EMBEDDING_THRESHOLD);
            let score = s + f64::from(paraphrase);
            if aligned && best[i].get(&gj).is_none_or(|(b, _)| score > *b) {
                best[i].insert(gj, (score, j));
            }
        }
    }
    // Corroborated claims: each own-voice unit with its best own-voice match
    // in every other group; neighbourhoods sharing half their members merge,
    // and one contained in another is dropped. A unit may support several
    // claims (a list sentence names several incidents).
    let mut hoods: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        if units[i].statement {
            continue;
        }
        let mut m: Vec<usize> = best[i].values().map(|(_, j)| *j).filter(|&j| !units[j].statement).collect();
        if m.is_empty() {
            continue;
        }
        m.push(i);
        m.sort();
        m.dedup();
        hoods.push(m);
    }
    // Reported speech still carries one own-voice claim of the outlet: to whom
    // or where it was said ("told the Daily Post", "in an interview with …").
    // Statement units naming the same venue in two or more groups are one
    // corroborated claim (one unit per group).
    let mut venues: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if !u.statement {
            continue;
        }
        let Some(v) = venue(u.span.slice(&input.docs[u.doc].article.text)) else { continue };
        let g = input.group(u.doc);
        match venues.iter_mut().find(|(k, _)| *k == v) {
            Some((_, m)) => {
                if !m.iter().any(|&j| input.group(units[j].doc) == g) {
                    m.push(i);
                }
            }
            None => venues.push((v, vec![i])),
        }
    }
    hoods.extend(venues.into_iter().map(|(_, m)| m).filter(|m| m.len() >= 2));
    let jaccard = |a: &[usize], b: &[usize]| {
        let inter = a.iter().filter(|x| b.contains(x)).count();
        inter as f64 / (a.len() + b.len() - inter) as f64
    };
    let mut merged = true;
    while merged {
        merged = false;
        'outer: for a in 0..hoods.len() {
            for b in a + 1..hoods.len() {
                if jaccard(&hoods[a], &hoods[b]) >= tables::CLAIM_MERGE_JACCARD {
                    let hb = hoods.remove(b);
                    hoods[a].extend(hb);
                    hoods[a].sort();
                    hoods[a].dedup();
                    merged = true;
                    break 'outer;
                }
            }
        }
    }
    let mut claims: Vec<(Vec<usize>, ClaimStatus, Vec<String>)> = Vec::new();
    hoods.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    for h in hoods {
        if claims.iter().any(|c| h.iter().all(|u| c.0.contains(u))) {
            continue;
        }
        claims.push((h, ClaimStatus::Corroborated, Vec::new()));
    }
    for i in 0..n {
        let gi = input.group(units[i].doc);
        let specifics: Vec<String> = {
            let mut v: Vec<String> = units[i]
                .tokens
                .iter()
                .filter(|t| is_number_token(t) && t.chars().any(|c| c.is_ascii_digit()) || units[i].entity_words.contains(*t) || crate::lexical::spelled_number(t).is_some())
                .filter(|t| !group_words.iter().any(|(g, ws)| *g != gi && ws.contains(*t)))
                .cloned()
                .collect();
            v.sort();
            v
        };
        if !specifics.is_empty() && (best[i].is_empty() || !units[i].statement) {
            claims.push((vec![i], ClaimStatus::SingleSource, specifics));
        }
    }
    // Merge corroborated claims with equal or contained support.
    claims.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut kept: Vec<(Vec<usize>, ClaimStatus, Vec<String>)> = Vec::new();
    for c in claims {
        match c.1 {
            ClaimStatus::Corroborated => {
                if kept.iter().any(|k| k.1 == ClaimStatus::Corroborated && c.0.iter().all(|u| k.0.contains(u))) {
                    continue;
                }
                // Sharing half its units with a larger claim and adding no
                // outlet group of its own, it is that claim told again in
                // another sentence (a headline): its units join the larger
                // claim's support. (One shared list sentence is not enough: it
                // may name several incidents.)
                let groups = |m: &[usize]| m.iter().map(|&u| input.group(units[u].doc)).collect::<HashSet<usize>>();
                let cg = groups(&c.0);
                let mostly_shared = |k: &[usize]| c.0.iter().filter(|u| k.contains(u)).count() * 2 >= c.0.len();
                if let Some(k) = kept.iter_mut().find(|k| k.1 == ClaimStatus::Corroborated && mostly_shared(&k.0) && cg.is_subset(&groups(&k.0))) {
                    k.0.extend(c.0);
                    k.0.sort();
                    k.0.dedup();
                    continue;
                }
                kept.push(c);
            }
            ClaimStatus::SingleSource => {
                // One outlet's units sharing a specific are one claim; so are
                // a clause and the dependent clause that elaborates it in the
                // same sentence ("…, with X discussing Y").
                let (doc, sentence) = (units[c.0[0]].doc, units[c.0[0]].sentence);
                let opener = |u: usize| {
                    let t = units[u].span.slice(&input.docs[units[u].doc].article.text);
                    t.split_whitespace().next().map(|w| w.trim_matches(|ch: char| !ch.is_alphabetic()).to_lowercase()).is_some_and(|w| tables::DEPENDENT_OPENERS.contains(&w.as_str()))
                };
                let same = |k: &(Vec<usize>, ClaimStatus, Vec<String>)| {
                    units[k.0[0]].doc == doc
                        && (k.2.iter().any(|s| c.2.contains(s) && !is_number_token(s))
                            || k.0.iter().any(|&u| units[u].sentence == sentence && (opener(u) || opener(c.0[0]))))
                };
                if let Some(k) = kept.iter_mut().find(|k| k.1 == ClaimStatus::SingleSource && same(k)) {
                    k.0.extend(c.0);
                    k.0.sort();
                    k.0.dedup();
                    for s in c.2 {
                        if !k.2.contains(&s) {
                            k.2.push(s);
                        }
                    }
                } else {
                    kept.push(c);
                }
            }
        }
    }
    let mut out: Vec<Claim> = kept
        .into_iter()
        .map(|(m, status, specifics)| {
            // Show the specifics as printed, not as stems.
            let printed: Vec<String> = m.iter().flat_map(|&u| crate::lexical::diff_words(units[u].span.slice(&input.docs[units[u].doc].article.text))).collect();
            let specifics: Vec<String> = specifics
                .into_iter()
                .map(|st| printed.iter().find(|w| crate::lexical::stem(w) == st).cloned().unwrap_or(st))
                .collect();
            let support: Vec<Cite> = m.iter().map(|&u| Cite::of(&input.docs[units[u].doc], units[u].span)).collect();
            let mut groups: Vec<usize> = m.iter().map(|&u| input.group(units[u].doc)).collect();
            groups.sort();
            groups.dedup();
            // The medoid: the unit most similar to the others states the claim best.
            let medoid = m
                .iter()
                .max_by(|&&a, &&b| {
                    let sa: f64 = m.iter().filter(|&&x| x != a).map(|&x| similarity(&units[a], &units[x], &idf)).sum();
                    let sb: f64 = m.iter().filter(|&&x| x != b).map(|&x| similarity(&units[b], &units[x], &idf)).sum();
                    sa.total_cmp(&sb).then(b.cmp(&a))
                })
                .copied()
                .unwrap_or(m[0]);
            let text = Cite::of(&input.docs[units[medoid].doc], units[medoid].span).text;
            let checkworthiness = (status == ClaimStatus::SingleSource).then(|| checkworthiness(input, &units, &m, &specifics));
            Claim {
                id: String::new(),
                text,
                status,
                sources: sorted_sources(support.iter().map(|c| c.source.clone())),
                independent_sources: groups.len(),
                support,
                specifics,
                checkworthiness,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.independent_sources
            .cmp(&a.independent_sources)
            .then(b.checkworthiness.unwrap_or(0.0).total_cmp(&a.checkworthiness.unwrap_or(0.0)))
            .then(a.support[0].source.cmp(&b.support[0].source))
            .then(a.support[0].span.cmp(&b.support[0].span))
    });
    for (i, c) in out.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }
    out
}

/// How much a single-source claim (its units `members`, its `specifics` as
/// printed) needs checking first: specific (numbers, names, a date), attributed,
/// in the lead, and stated rather than speculated. Weights: `tables::CHECK_*`.
fn checkworthiness(input: StoryInput<'_>, units: &[Unit], members: &[usize], specifics: &[String]) -> f64 {
    let numbers = specifics.iter().filter(|s| s.chars().any(|c| c.is_ascii_digit()) || crate::lexical::spelled_number(&s.to_lowercase()).is_some()).count();
    let names = (specifics.len() - numbers).min(tables::CHECK_MAX_NAMES);
    let mut score = if numbers > 0 { tables::CHECK_NUMBER } else { 0.0 } + names as f64 * tables::CHECK_NAME;
    let first = &units[members[0]];
    let doc = &input.docs[first.doc];
    let spans: Vec<crosscheck_core::Span> = members.iter().map(|&u| units[u].span).collect();
    if doc.dates.iter().any(|d| d.resolved.is_some() && spans.iter().any(|s| s.contains(d.span))) {
        score += tables::CHECK_DATE;
    }
    if members.iter().any(|&u| units[u].statement) {
        score += tables::CHECK_ATTRIBUTED;
    }
    if members.iter().any(|&u| units[u].sentence < tables::CHECK_LEAD_SENTENCES) {
        score += tables::CHECK_LEAD;
    }
    let speculative = spans.iter().any(|s| {
        let t = s.slice(&doc.article.text);
        !crate::framing::certainty(t).hedges.is_empty() || crate::lexical::diff_words(t).iter().any(|w| tables::SPECULATIVE.contains(&w.as_str()))
    });
    if speculative {
        score += tables::CHECK_SPECULATIVE;
    }
    let personal = members.iter().filter(|&&u| !units[u].quoted).any(|&u| {
        crate::lexical::diff_words(units[u].span.slice(&doc.article.text)).iter().any(|w| tables::PERSONAL_PRONOUNS.contains(&w.as_str()))
    });
    if personal {
        score += tables::CHECK_PERSONAL;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_core::{ArticleBuilder, SourceFormat};

    /// The claims of a story whose articles are `texts`, each its own outlet.
    fn claims_of(texts: &[&str]) -> Vec<Claim> {
        let d = docs(texts);
        let mut g = Vec::new();
        align_claims(StoryInput::independent(&d, &mut g))
    }

    fn docs(texts: &[&str]) -> Vec<crosscheck_extract::Annotated> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let a = ArticleBuilder::new(format!("d{i}"), format!("d{i}.txt"), SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
                crosscheck_extract::annotate(&a, None)
            })
            .collect()
    }

    #[test]
    fn specific_dated_claims_rank_before_speculation_and_background() {
        let claims = claims_of(&[
            "The dam on the Orlen river failed on March 3, 2024, flooding 40 homes in Vasko. Officials met on Friday. \
             Years ago, the region of Marra was known for its orchards. Engineers from Teller Group may review the design of the spillway.",
            "Rain fell across the valley overnight. Residents waited on the roads for news.",
        ]);
        let single: Vec<&Claim> = claims.iter().filter(|c| c.status == ClaimStatus::SingleSource).collect();
        assert!(single.len() >= 3, "{single:#?}");
        assert!(single.iter().all(|c| c.checkworthiness.is_some()));
        assert!(claims.iter().filter(|c| c.status == ClaimStatus::Corroborated).all(|c| c.checkworthiness.is_none()));
        assert!(single[0].text.contains("40 homes"), "the dated count in the lead comes first: {single:#?}");
        let may = single.iter().position(|c| c.text.contains("may review")).expect("speculative claim kept");
        let orchards = single.iter().position(|c| c.text.contains("orchards")).expect("background claim kept");
        assert!(may > 0 && orchards > 0);
        assert!(single.windows(2).all(|w| w[0].checkworthiness >= w[1].checkworthiness), "in rank order");
        let opinion = claims_of(&["I hope the 40 homes in Vasko are rebuilt.", "The 12 bridges of Marra reopened."]);
        let score = |needle: &str| opinion.iter().find(|c| c.text.contains(needle)).and_then(|c| c.checkworthiness).unwrap();
        assert!(score("I hope") < score("bridges"), "the writer's opinion ranks below a report: {opinion:#?}");
    }

    #[test]
    fn venues_of_statements() {
        assert_eq!(venue("Speaking to the Harbour Gazette, Ana Torres said the dam held.").as_deref(), Some("harbour gazette"));
        assert_eq!(venue("The remarks, made in an interview with Radio North, caused a stir.").as_deref(), Some("radio north"));
        assert_eq!(venue("Ana Torres told the Daily Post: the dam held.").as_deref(), Some("daily post"));
        assert_eq!(venue("Ana Torres told reporters the dam held."), None);
        assert_eq!(venue("The dam was said to be safe by Ana Torres."), None);
    }

    #[test]
    fn a_venue_named_by_two_outlets_is_corroborated() {
        let claims = claims_of(&[
            "Ana Torres said in an interview with Radio North that the dam would hold through the spring floods.",
            "Speaking to Radio North, the mayor Ana Torres warned that the river could rise again before Easter.",
            "Ana Torres told the Daily Post that funds for the levee were late.",
        ]);
        let venue_claim = claims.iter().find(|c| c.status == ClaimStatus::Corroborated && c.support.iter().all(|s| s.text.contains("Radio North")));
        let c = venue_claim.unwrap_or_else(|| panic!("{claims:#?}"));
        assert_eq!(c.independent_sources, 2);
        assert!(!claims.iter().any(|c| c.status == ClaimStatus::Corroborated && c.support.iter().any(|s| s.text.contains("Daily Post"))));
    }

    #[test]
    fn one_event_told_by_three_outlets_is_one_claim() {
        let claims = claims_of(&[
            "A fire destroyed three grain warehouses at the Port of Lindholm on Tuesday night.",
            "Three warehouses at the Port of Lindholm were destroyed by fire on Tuesday night.",
            "Fire destroys three warehouses at Lindholm port as investigators arrive\n\nThe fire broke out on Tuesday night at the Port of Lindholm and destroyed three grain warehouses.",
        ]);
        let fire: Vec<&Claim> = claims.iter().filter(|c| c.status == ClaimStatus::Corroborated && c.support.iter().any(|s| s.text.contains("warehouses"))).collect();
        assert_eq!(fire.len(), 1, "{fire:#?}");
        assert_eq!(fire[0].independent_sources, 3, "{claims:#?}");
    }

    #[test]
    fn capitalised_adjectives_are_no_specifics() {
        // Only the first outlet says who was blamed; "Western" and the
        // lower-case half of "Moscow-directed" name nobody.
        let claims = claims_of(&[
            "Officials said the arson attacks in Lindholm were linked by Western intelligence agencies to Moscow-directed operations.",
            "The arson attacks in Lindholm destroyed two depots, officials said on Friday, as Moscow denied any role.",
        ]);
        for c in claims.iter().filter(|c| c.status == ClaimStatus::SingleSource) {
            let specifics: Vec<String> = c.specifics.iter().map(|s| s.to_lowercase()).collect();
            assert!(!specifics.iter().any(|s| s == "western" || s == "directed"), "{c:#?}");
        }
    }

    #[test]
    fn paraphrases_align_with_embeddings_only() {
        // Too few words in common for word overlap ("resigned" / "quit",
        // "corruption scandal" / "bribery affair"); the embeddings align them.
        let texts = [
            "The minister resigned on Friday after the corruption scandal.",
            "On Friday the minister quit over the bribery affair.",
            "The city council of Lindholm approved a new budget for its public libraries.",
        ];
        let d = docs(&texts);
        let mut g = Vec::new();
        let lexical = align_claims(StoryInput::independent(&d, &mut g));
        let corroborated = |claims: &[Claim]| claims.iter().filter(|c| c.status == ClaimStatus::Corroborated).count();
        assert_eq!(corroborated(&lexical), 0, "{lexical:#?}");
        let Some(model) = crosscheck_testkit::encoder() else { return };
        let mut input = StoryInput::independent(&d, &mut g);
        input.encoder = Some(model.as_ref());
        let semantic = align_claims(input);
        let resignation: Vec<&Claim> = semantic.iter().filter(|c| c.status == ClaimStatus::Corroborated).collect();
        assert_eq!(resignation.len(), 1, "{semantic:#?}");
        assert_eq!(resignation[0].sources, vec!["d0".to_string(), "d1".to_string()]);
    }

    #[test]
    fn a_dependent_clause_stays_with_its_sentence() {
        // Long enough to be cut into clauses; only this outlet prints either figure.
        let claims = claims_of(&[
            "At the same time, the regional council has accelerated plans to raise flood defence spending toward the 2% of budget benchmark, with riverside towns openly discussing 5% targets.",
            "The regional council met on Monday to discuss the flood defences of the river towns.",
        ]);
        let single: Vec<&Claim> = claims.iter().filter(|c| c.status == ClaimStatus::SingleSource && c.sources == vec!["d0".to_string()]).collect();
        assert_eq!(single.len(), 1, "{single:#?}");
        assert!(single[0].support.len() >= 2 || single[0].support[0].text.contains("5%"), "{single:#?}");
    }
}
