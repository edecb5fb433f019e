//! Framing: does an outlet's lead state more certainty than its source said?
//!
//! Certainty is scored from cue phrases (tables: boosters add, hedges
//! subtract, from a neutral base). The source's words are the most widely
//! reported quote group carrying a hedge or booster;
//! a lead is flagged when its certainty exceeds that by a margin.

use crosscheck_core::Span;
use serde::{Deserialize, Serialize};

use crate::lexical::diff_words;
use crate::quotes::QuoteGroup;
use crate::{tables, Cite, StoryInput};

/// A certainty score with the cues it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Certainty {
    /// 0 (pure speculation) .. 1 (stated as fact, urgently).
    pub score: f64,
    pub boosters: Vec<String>,
    pub hedges: Vec<String>,
}

fn find_cues(words: &[String], cues: &[(&str, f64)]) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for (cue, w) in cues {
        let cw: Vec<String> = diff_words(cue);
        if cw.is_empty() || cw.len() > words.len() {
            continue;
        }
        let hits = words.windows(cw.len()).filter(|win| *win == cw.as_slice()).count();
        for _ in 0..hits {
            out.push((cue.to_string(), *w));
        }
    }
    // A longer cue hides the shorter ones inside it ("not out of the question").
    let longs: Vec<String> = out.iter().map(|(c, _)| c.clone()).collect();
    out.retain(|(c, _)| !longs.iter().any(|l| l != c && l.contains(c.as_str()) && l.len() > c.len()));
    out
}

/// Score the certainty of a statement.
pub fn certainty(text: &str) -> Certainty {
    let words = diff_words(text);
    let b = find_cues(&words, tables::BOOSTERS);
    let h = find_cues(&words, tables::HEDGES);
    let score = (tables::CERTAINTY_BASE + b.iter().map(|x| x.1).sum::<f64>() - h.iter().map(|x| x.1).sum::<f64>()).clamp(0.0, 1.0);
    Certainty { score, boosters: b.into_iter().map(|x| x.0).collect(), hedges: h.into_iter().map(|x| x.0).collect() }
}

/// One outlet's lead against the source's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingRow {
    pub source: String,
    pub article: crosscheck_core::ArticleId,
    /// Title (when printed apart from the text) and first sentence(s).
    pub lead: String,
    pub lead_cites: Vec<Cite>,
    pub certainty: Certainty,
    /// The lead states more certainty than the source's words.
    pub flagged: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Framing {
    /// Quote group the leads are compared with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_certainty: Option<Certainty>,
    pub rows: Vec<FramingRow>,
}

fn is_headline(text: &str) -> bool {
    let t = text.trim_end();
    !t.ends_with(['.', '!', '?', '"', '\u{201d}']) && crosscheck_core::text::word_count(t) <= 20
}

/// The lead of an article: title, first sentence, and a headline line's
/// following sentence. Dateline text is skipped.
pub fn lead(doc: &crosscheck_extract::Annotated) -> (String, Vec<Cite>) {
    let a = &doc.article;
    let mut parts = Vec::new();
    let mut cites = Vec::new();
    if let (Some(t), None) = (&a.title, a.title_span) {
        parts.push(t.clone());
    }
    let sents = doc.sentence_spans();
    let mut i = 0;
    while i < sents.len() && cites.len() < 2 {
        let mut s = sents[i];
        if let Some(dl) = a.dateline_span {
            if s.contains(dl) && dl.end < s.end {
                s = Span::new(dl.end, s.end).trim(&a.text);
            }
        }
        let txt = s.slice(&a.text);
        cites.push(Cite::of(doc, s));
        parts.push(txt.to_string());
        let headline = a.title_span.is_some_and(|t| t.overlaps(s)) || is_headline(txt) && i == 0;
        if !headline {
            break;
        }
        i += 1;
    }
    (parts.join(" "), cites)
}

/// Compare each outlet's lead with the main source's hedged words.
pub fn framing(input: StoryInput<'_>, groups: &[QuoteGroup]) -> Framing {
    // The source's words: the most widely printed quote group carrying a
    // certainty cue; ties go to the more hedged one.
    let reference = groups
        .iter()
        .filter_map(|g| {
            let text = &g.versions[g.reference].text;
            let c = certainty(text);
            (!c.hedges.is_empty() || !c.boosters.is_empty()).then_some((g, c))
        })
        .max_by(|a, b| a.0.independent_sources.cmp(&b.0.independent_sources).then(b.1.score.total_cmp(&a.1.score)));
    let mut rows = Vec::new();
    for d in input.docs {
        let (lead, lead_cites) = lead(d);
        let c = certainty(&lead);
        let flagged = reference.as_ref().is_some_and(|(_, rc)| c.score >= rc.score + tables::FRAMING_MARGIN);
        rows.push(FramingRow { source: d.article.source.clone(), article: d.article.id.clone(), lead, lead_cites, certainty: c, flagged });
    }
    Framing {
        reference_group: reference.as_ref().map(|(g, _)| g.id.clone()),
        reference_speaker: reference.as_ref().and_then(|(g, _)| g.speaker.clone()),
        reference_text: reference.as_ref().map(|(g, _)| g.versions[g.reference].text.clone()),
        reference_certainty: reference.map(|(_, c)| c),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boosters_raise_hedges_lower() {
        let sure = certainty("BREAKING: the army is actively preparing an offensive");
        let hedged = certainty("the army may consider whether an offensive is possible");
        assert!(sure.score > 0.8, "{sure:?}");
        assert!(hedged.score < 0.2, "{hedged:?}");
        assert!(sure.boosters.contains(&"breaking".to_string()));
    }

    #[test]
    fn longer_cue_hides_inner_ones() {
        let c = certainty("it is not out of the question");
        assert_eq!(c.hedges, vec!["not out of the question".to_string()]);
    }
}
