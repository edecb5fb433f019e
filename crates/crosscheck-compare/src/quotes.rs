//! Quote groups: one utterance as printed by several outlets.
//!
//! A quotation printed as one run by one outlet may be several separate quotes
//! in another ("We are X," he said. "Y."). Each quotation is therefore cut at
//! its inner sentence ends *where another outlet's quotation starts or ends*,
//! and only there; the resulting segments are grouped when their longest common
//! word subsequence (match form, hyphens split) covers most of the shorter one
//! and their speakers do not clash. Each group gets a reference version (the
//! wording most outlets print, else the longest) and a word-level diff of every
//! other version against it.

use crosscheck_core::Span;
use crosscheck_extract::{Annotated, QuoteKind, Speaker};
use serde::{Deserialize, Serialize};

use crate::lexical::{contains_run, diff_words, lcs_len, lcs_steps, same_words, Step};
use crate::people::People;
use crate::{sorted_sources, tables, Cite, StoryInput};

/// How one printing of a quote differs from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VariantKind {
    /// Same characters in match form.
    Identical,
    /// Same words; only punctuation, case, quote or dash style differ. Never a misquote.
    PunctuationOnly,
    /// A contiguous part of the reference.
    Shortened,
    /// The reference is a contiguous part of this version (words added at the edges).
    Extended,
    /// The reference's words with some dropped inside.
    WordsDropped,
    /// The reference's words with some added inside.
    WordsAdded,
    /// Words replaced, or both added and dropped.
    WordingChanged,
}

impl VariantKind {
    /// Whether a reader should treat the difference as a change of wording.
    pub fn is_wording_change(self) -> bool {
        !matches!(self, VariantKind::Identical | VariantKind::PunctuationOnly)
    }

    pub fn label(self) -> &'static str {
        match self {
            VariantKind::Identical => "identical",
            VariantKind::PunctuationOnly => "punctuation only",
            VariantKind::Shortened => "shortened",
            VariantKind::Extended => "extended",
            VariantKind::WordsDropped => "words dropped inside",
            VariantKind::WordsAdded => "words added inside",
            VariantKind::WordingChanged => "wording changed",
        }
    }
}

/// One step of a word diff: `op` is `equal`, `delete` (in the reference only)
/// or `insert` (in this version only); `text` is the run of match-form words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    pub op: String,
    pub text: String,
}

/// Classify `version` against `reference` (both printed texts) and diff them.
pub fn classify(reference: &str, version: &str) -> (VariantKind, Vec<DiffOp>) {
    let (a, b) = (diff_words(reference), diff_words(version));
    let steps = lcs_steps(&a, &b);
    let mut ops: Vec<DiffOp> = Vec::new();
    for (s, w) in &steps {
        let op = match s {
            Step::Equal => "equal",
            Step::Delete => "delete",
            Step::Insert => "insert",
        };
        match ops.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(w);
            }
            _ => ops.push(DiffOp { op: op.to_string(), text: w.clone() }),
        }
    }
    let kind = if a == b {
        if crosscheck_core::text::match_form(reference) == crosscheck_core::text::match_form(version) {
            VariantKind::Identical
        } else {
            VariantKind::PunctuationOnly
        }
    } else if contains_run(&a, &b) {
        VariantKind::Shortened
    } else if contains_run(&b, &a) {
        VariantKind::Extended
    } else {
        let dels = steps.iter().any(|(s, _)| *s == Step::Delete);
        let ins = steps.iter().any(|(s, _)| *s == Step::Insert);
        match (dels, ins) {
            (true, false) => VariantKind::WordsDropped,
            (false, true) => VariantKind::WordsAdded,
            _ => VariantKind::WordingChanged,
        }
    };
    (kind, ops)
}

/// One printing of a quote in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteMember {
    /// The quoted words (inside the marks).
    pub cite: Cite,
    /// Speaker resolved at story level (person name, role or anonymous description).
    pub speaker: Option<String>,
    /// How the speaker was found ("entity", "role", "role-resolved", "anonymous").
    pub speaker_method: Option<String>,
    /// Index into [`QuoteGroup::versions`].
    pub version: usize,
    pub scare_quote: bool,
}

/// One distinct wording (up to punctuation) of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVersion {
    /// As printed by its first member.
    pub text: String,
    pub sources: Vec<String>,
    /// Members printing this wording differ from each other in punctuation only.
    pub punctuation_differs: bool,
}

/// A version's difference from the group's reference version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVariant {
    pub version: usize,
    pub reference: usize,
    pub kind: VariantKind,
    pub diff: Vec<DiffOp>,
}

/// One utterance across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    pub id: String,
    pub speaker: Option<String>,
    pub members: Vec<QuoteMember>,
    pub versions: Vec<QuoteVersion>,
    /// Index of the reference version.
    pub reference: usize,
    /// Every non-reference version; all are wording changes (punctuation never
    /// makes a version of its own).
    pub variants: Vec<QuoteVariant>,
    pub sources: Vec<String>,
    /// Distinct near-duplicate groups among the members.
    pub independent_sources: usize,
}

#[derive(Debug, Clone)]
struct Raw {
    doc: usize,
    span: Span,
    words: Vec<String>,
    speaker: Option<String>,
    method: Option<String>,
    person: Option<usize>,
    scare: bool,
}

fn resolve_speaker(doc: &Annotated, di: usize, qi: usize, people: &People) -> (Option<String>, Option<String>, Option<usize>) {
    let Some(att) = doc.quotes[qi].attribution.as_ref() else { return (None, None, None) };
    match &att.speaker {
        Speaker::Entity { entity } => {
            if let Some(p) = people.of(di, *entity) {
                (Some(people.people[p].name.clone()), Some("entity".into()), Some(p))
            } else {
                (doc.entities.get(*entity).map(|e| e.name.clone()), Some("entity".into()), None)
            }
        }
        Speaker::Role { role } => match people.of_role_quote(di, qi) {
            Some(p) => (Some(people.people[p].name.clone()), Some("role-resolved".into()), Some(p)),
            None => (Some(role.clone()), Some("role".into()), None),
        },
        Speaker::Anonymous { description } => (Some(description.clone()), Some("anonymous".into()), None),
    }
}

/// Where each inner sentence of a quotation starts, by the article's sentence
/// layer: (byte offset into the quoted text, word offset).
fn piece_starts(doc: &Annotated, quote: Span) -> Vec<(usize, usize)> {
    let text = quote.slice(&doc.article.text);
    let mut out = vec![(0, 0)];
    for start in doc.sentence_starts_inside(quote) {
        let b = start - quote.start;
        out.push((b, diff_words(&text[..b]).len()));
    }
    out
}

/// Group the story's quotations.
pub fn group_quotes(input: StoryInput<'_>, people: &People) -> Vec<QuoteGroup> {
    struct Q {
        doc: usize,
        span: Span,
        words: Vec<String>,
        idx: usize,
        scare: bool,
    }
    let mut qs: Vec<Q> = Vec::new();
    for (di, d) in input.docs.iter().enumerate() {
        for (i, v) in d.quotes.iter().enumerate() {
            // Scare-quoted terms ("pre-emptive strikes") are words, not utterances.
            if v.kind == QuoteKind::ScareQuote {
                continue;
            }
            let words = diff_words(v.span.slice(&d.article.text));
            if words.is_empty() {
                continue;
            }
            qs.push(Q { doc: di, span: v.span, words, idx: i, scare: v.kind == QuoteKind::ScareQuote });
        }
    }
    // Cut quotations where another outlet's quotation starts or ends.
    let e = tables::QUOTE_EDGE_WORDS;
    let mut raws: Vec<Raw> = Vec::new();
    for (qi, q) in qs.iter().enumerate() {
        let d = &input.docs[q.doc];
        let text = q.span.slice(&d.article.text);
        let starts = piece_starts(d, q.span);
        let mut cuts = vec![0usize];
        let piece_words: Vec<(usize, usize)> = starts.iter().zip(starts.iter().skip(1).map(|x| x.1).chain(std::iter::once(q.words.len()))).map(|(a, end)| (a.1, end)).collect();
        for (pi, &(byte, w)) in starts.iter().enumerate().skip(1) {
            let keep = qs.iter().enumerate().any(|(oi, o)| {
                if oi == qi || input.group(o.doc) == input.group(q.doc) {
                    return false;
                }
                // Another outlet's quotation starts or ends at this boundary...
                let k = e.min(o.words.len()).min(q.words.len() - w).min(w);
                if k >= 2 && (o.words[..k] == q.words[w..w + k] || o.words[o.words.len() - k..] == q.words[w - k..w]) {
                    return true;
                }
                // ...or holds one of the two sentences around it and not the other.
                let inside = |(a, b): (usize, usize)| {
                    let p = &q.words[a..b];
                    p.len() >= 2 && same_words(p, &o.words, tables::QUOTE_CUT_MIN_COVER)
                };
                inside(piece_words[pi - 1]) != inside(piece_words[pi])
            });
            if keep {
                cuts.push(byte);
            }
        }
        cuts.push(text.len());
        let (speaker, method, person) = resolve_speaker(d, q.doc, q.idx, people);
        for w in cuts.windows(2) {
            let span = Span::new(q.span.start + w[0], q.span.start + w[1]).trim(&d.article.text);
            let words = diff_words(span.slice(&d.article.text));
            if words.is_empty() {
                continue;
            }
            raws.push(Raw { doc: q.doc, span, words, speaker: speaker.clone(), method: method.clone(), person, scare: q.scare });
        }
    }
    // Union segments of one utterance.
    let n = raws.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&raws[i], &raws[j]);
            if a.doc == b.doc {
                continue;
            }
            if let (Some(pa), Some(pb)) = (a.person, b.person) {
                if pa != pb {
                    continue;
                }
            }
            let l = lcs_len(&a.words, &b.words);
            if l >= tables::QUOTE_GROUP_MIN_WORDS && same_words(&a.words, &b.words, tables::QUOTE_GROUP_MIN_COVER) {
                let (ra, rb) = (find(&mut parent, i), find(&mut parent, j));
                if ra != rb {
                    parent[rb] = ra;
                }
            }
        }
    }
    let mut buckets: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        match buckets.iter_mut().find(|(k, _)| *k == r) {
            Some((_, v)) => v.push(i),
            None => buckets.push((r, vec![i])),
        }
    }
    let mut groups = Vec::new();
    for (_, members) in buckets {
        groups.push(build_group(input, &raws, &members));
    }
    groups.sort_by(|a, b| b.independent_sources.cmp(&a.independent_sources).then(b.members.len().cmp(&a.members.len())));
    for (i, g) in groups.iter_mut().enumerate() {
        g.id = format!("q{}", i + 1);
    }
    groups
}

fn build_group(input: StoryInput<'_>, raws: &[Raw], idx: &[usize]) -> QuoteGroup {
    let mut versions: Vec<(Vec<String>, QuoteVersion, Vec<usize>)> = Vec::new();
    let mut members = Vec::new();
    for &i in idx {
        let r = &raws[i];
        let d = &input.docs[r.doc];
        let cite = Cite::of(d, r.span);
        let vi = match versions.iter().position(|(w, _, _)| *w == r.words) {
            Some(vi) => {
                let v = &mut versions[vi];
                let edge = |t: &str| crosscheck_core::text::match_form(t).trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
                if edge(&v.1.text) != edge(&cite.text) {
                    v.1.punctuation_differs = true;
                }
                if !v.1.sources.contains(&cite.source) {
                    v.1.sources.push(cite.source.clone());
                }
                v.2.push(r.doc);
                vi
            }
            None => {
                versions.push((r.words.clone(), QuoteVersion { text: cite.text.clone(), sources: vec![cite.source.clone()], punctuation_differs: false }, vec![r.doc]));
                versions.len() - 1
            }
        };
        members.push(QuoteMember { cite, speaker: r.speaker.clone(), speaker_method: r.method.clone(), version: vi, scare_quote: r.scare });
    }
    // Reference: the wording most independent outlets print; ties go to the longest.
    let support = |docs: &Vec<usize>| {
        let mut g: Vec<usize> = docs.iter().map(|&d| input.group(d)).collect();
        g.sort();
        g.dedup();
        g.len()
    };
    let best = versions.iter().map(|v| support(&v.2)).max().unwrap_or(0);
    let majority = versions.iter().filter(|v| support(&v.2) == best).count() == 1 && best >= 2;
    let reference = (0..versions.len())
        .max_by_key(|&i| {
            let s = if majority { support(&versions[i].2) } else { 0 };
            (s, versions[i].0.len(), std::cmp::Reverse(i))
        })
        .unwrap_or(0);
    let mut variants = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        if i == reference {
            continue;
        }
        // A version only the reference's own outlets print is an outlet quoting
        // itself at two lengths (a partial quotation and the full sentence), not
        // a difference between outlets.
        let reference_groups: Vec<usize> = versions[reference].2.iter().map(|&d| input.group(d)).collect();
        if v.2.iter().all(|&d| reference_groups.contains(&input.group(d))) {
            continue;
        }
        let (kind, diff) = classify(&versions[reference].1.text, &v.1.text);
        variants.push(QuoteVariant { version: i, reference, kind, diff });
    }
    // The group's speaker: the most frequent resolved name, preferring people.
    let mut counts: Vec<(String, usize, bool)> = Vec::new();
    for &i in idx {
        if let Some(s) = &raws[i].speaker {
            let is_person = raws[i].person.is_some();
            match counts.iter_mut().find(|(n, _, _)| n == s) {
                Some(c) => c.1 += 1,
                None => counts.push((s.clone(), 1, is_person)),
            }
        }
    }
    let speaker = counts.iter().max_by_key(|(_, c, p)| (*p, *c)).map(|(n, _, _)| n.clone());
    let sources = sorted_sources(members.iter().map(|m| m.cite.source.clone()));
    let mut gs: Vec<usize> = idx.iter().map(|&i| input.group(raws[i].doc)).collect();
    gs.sort();
    gs.dedup();
    for v in versions.iter_mut() {
        v.1.sources.sort();
    }
    QuoteGroup {
        id: String::new(),
        speaker,
        members,
        versions: versions.into_iter().map(|v| v.1).collect(),
        reference,
        variants,
        sources,
        independent_sources: gs.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_every_kind() {
        let r = "We are ready to act, and we will act soon.";
        assert_eq!(classify(r, r).0, VariantKind::Identical);
        assert_eq!(classify(r, "we are ready to act \u{2014} and we will act soon").0, VariantKind::PunctuationOnly);
        assert_eq!(classify(r, "ready to act").0, VariantKind::Shortened);
        assert_eq!(classify(r, "Now we are ready to act, and we will act soon.").0, VariantKind::Extended);
        assert_eq!(classify(r, "We are ready, and we will act soon.").0, VariantKind::WordsDropped);
        assert_eq!(classify(r, "We are truly ready to act, and we will act soon.").0, VariantKind::WordsAdded);
        assert_eq!(classify(r, "We are prepared to act, and we will act soon.").0, VariantKind::WordingChanged);
        let (_, diff) = classify(r, "We are truly ready to act, and we will act soon.");
        assert!(diff.iter().any(|d| d.op == "insert" && d.text == "truly"));
    }

    #[test]
    fn hyphenation_is_punctuation() {
        assert_eq!(classify("non-existent plans", "non existent plans").0, VariantKind::PunctuationOnly);
    }
}
