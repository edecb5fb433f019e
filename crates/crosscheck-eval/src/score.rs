//! Scoring dossiers against a gold annotation ([`crate::gold::Gold`]),
//! category by category.
//!
//! Gold outlets are keys ("000") that prefix an article's file stem or source
//! name. Text matching ignores case, curly vs straight quotes, dashes and
//! punctuation (the match form, hyphens split). Matching is one-to-one within
//! a category, best pairs first; what stays unmatched is listed as missed (gold)
//! or extra (predicted).
//!
//! Categories and what counts as one item:
//! * `quotes`: a quotation as printed by one outlet (gold: each outlet of a
//!   quote's `in` and of its variants). A prediction matches when it is in the
//!   same outlet and the longest common word subsequence covers ≥ 60% of the
//!   shorter text. A second prediction inside an already matched gold quote
//!   (a fragment quoted twice) is listed as a duplicate, neither TP nor FP.
//! * `speakers`: the same items, matched only when the speaker agrees too
//!   (person names compatible with the gold name or an alias; other speakers
//!   by their content words). Quotes without a speaker are abstentions (FN only).
//! * `variants`: gold variant printings; a predicted variant is a pair of
//!   versions of one quote group with different wording; it is a TP when one
//!   side's outlet is a gold variant outlet of the matching gold quote.
//! * `people`, `roles` (person, outlet, role text ≥ 60% content-word overlap),
//!   `role_conflicts` (person), `single_source_claims` / `corroborated_claims`
//!   (outlet overlap and ≥ 50% / 40% of the gold claim's content words in a
//!   supporting sentence), `framing` (outlets whose lead is flagged: the gold
//!   item's `flagged` outlets are the positives, its `not_flagged` ones the
//!   negatives; outlets it does not judge are not scored),
//!   `incidents` (timeline events whose type matches the gold kind's type, with
//!   a shared outlet), `stories` (member-set Jaccard ≥ 0.5).

use std::collections::BTreeMap;

use crosscheck_compare::lexical::{content_tokens, diff_words, lcs_len};
use crosscheck_extract::names_compatible;
use crosscheck_compare::{ClaimStatus, ConflictKind};
use crosscheck_report::Dossier;
use serde::{Deserialize, Serialize};

use crate::gold::{Gold, GoldPerson};
use crate::incidents::score_against_gold;

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 }
}

/// Precision/recall/F1 of one category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Gold items not found.
    pub missed: Vec<String>,
    /// Predictions matching no gold item.
    pub extra: Vec<String>,
}

impl Score {
    fn finish(mut self) -> Self {
        self.precision = if self.tp + self.fp == 0 { if self.fn_ == 0 { 1.0 } else { 0.0 } } else { self.tp as f64 / (self.tp + self.fp) as f64 };
        self.recall = if self.tp + self.fn_ == 0 { 1.0 } else { self.tp as f64 / (self.tp + self.fn_) as f64 };
        self.f1 = f1(self.precision, self.recall);
        self
    }
}

/// The evaluation of a run: one score per category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    pub categories: BTreeMap<String, Score>,
}

/// Maps article sources/paths to gold outlet keys.
struct Keys {
    keys: Vec<String>,
}

impl Keys {
    fn new(gold: &Gold) -> Keys {
        let mut keys: Vec<String> = Vec::new();
        let mut add = |k: &str| {
            if !k.is_empty() && !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        };
        for q in &gold.quotes {
            q.outlets.iter().for_each(|o| add(o));
            q.variants.iter().for_each(|v| add(&v.outlet));
        }
        for p in &gold.people {
            p.roles.keys().for_each(|o| add(o));
        }
        for c in gold.single_source_claims.iter().chain(&gold.corroborated_claims) {
            c.outlets.list().iter().for_each(|o| add(o));
        }
        for i in &gold.incidents {
            i.articles.iter().for_each(|o| add(o));
        }
        for s in &gold.sources {
            add(s);
        }
        // Longest keys first, so a full source name beats a prefix.
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        Keys { keys }
    }

    /// The gold key(s) of an article source name, via its path stem too.
    fn key(&self, d: &Dossier, source: &str) -> String {
        let path = d.articles.iter().find(|a| a.source == source).map(|a| a.path.clone()).unwrap_or_default();
        let stem = std::path::Path::new(&path).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let mut best: Option<&String> = None;
        for k in &self.keys {
            if source.starts_with(k.as_str()) || stem.starts_with(k.as_str()) {
                // Prefer the shortest key that still matches: gold lists use short keys.
                if best.is_none_or(|b| k.len() < b.len()) {
                    best = Some(k);
                }
            }
        }
        best.cloned().unwrap_or_else(|| source.to_string())
    }
}

fn words_match(a: &str, b: &str) -> Option<f64> {
    let (wa, wb) = (diff_words(a), diff_words(b));
    let short = wa.len().min(wb.len());
    if short == 0 {
        return None;
    }
    let l = lcs_len(&wa, &wb);
    let cover = l as f64 / short as f64;
    (cover >= 0.6 && (l >= 2 || short == 1)).then_some(cover * (l as f64 / wa.len().max(wb.len()) as f64).sqrt())
}

/// Share of `gold`'s content words found in `text`.
fn recall_overlap(gold: &str, text: &str) -> f64 {
    let g = content_tokens(gold);
    if g.is_empty() {
        return 0.0;
    }
    let t = content_tokens(text);
    g.iter().filter(|w| t.contains(w)).count() as f64 / g.len() as f64
}

fn speaker_ok(gold: &Gold, gold_speaker: &str, predicted: &str) -> bool {
    if let Some(p) = gold.people.iter().find(|p| p.name == gold_speaker) {
        return std::iter::once(&p.name).chain(&p.aliases).any(|n| names_compatible(n, predicted) || crosscheck_core::text::match_form(n) == crosscheck_core::text::match_form(predicted));
    }
    let g = content_tokens(gold_speaker);
    let p = content_tokens(predicted);
    !g.is_empty() && (g.iter().all(|w| p.contains(w)) || !p.is_empty() && p.iter().all(|w| g.contains(w)))
}

/// One-to-one greedy matching: `scores[i][j]` for prediction i and gold j.
fn greedy(scores: &[Vec<Option<f64>>], n_gold: usize) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, row) in scores.iter().enumerate() {
        for (j, s) in row.iter().enumerate() {
            if let Some(s) = s {
                pairs.push((*s, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pred_to = vec![None; scores.len()];
    let mut gold_used = vec![false; n_gold];
    for (_, i, j) in pairs {
        if pred_to[i].is_none() && !gold_used[j] {
            pred_to[i] = Some(j);
            gold_used[j] = true;
        }
    }
    (pred_to, gold_used)
}

/// Score from a greedy matching; `dup[i]` marks predictions not to count as FP.
fn score_of(pred_labels: &[String], gold_labels: &[String], pred_to: &[Option<usize>], gold_used: &[bool], dup: &[bool]) -> Score {
    let mut s = Score::default();
    for (i, m) in pred_to.iter().enumerate() {
        match m {
            Some(_) => s.tp += 1,
            None if dup.get(i).copied().unwrap_or(false) => {}
            None => {
                s.fp += 1;
                s.extra.push(pred_labels[i].clone());
            }
        }
    }
    for (j, u) in gold_used.iter().enumerate() {
        if !u {
            s.fn_ += 1;
            s.missed.push(gold_labels[j].clone());
        }
    }
    s.finish()
}

/// Score dossiers against gold.
pub fn evaluate(gold: &Gold, dossiers: &[Dossier]) -> EvalReport {
    let keys = Keys::new(gold);
    let mut cats = BTreeMap::new();

    // ---- quotes and speakers ----
    struct PQ {
        key: String,
        text: String,
        speaker: Option<String>,
    }
    let mut pq: Vec<PQ> = Vec::new();
    for d in dossiers {
        for g in &d.quotes {
            for m in &g.members {
                if m.scare_quote {
                    continue;
                }
                pq.push(PQ { key: keys.key(d, &m.cite.source), text: m.cite.text.clone(), speaker: m.speaker.clone() });
            }
        }
    }
    // Gold quote items: (quote index, outlet, printed text).
    let mut gq: Vec<(usize, String, String)> = Vec::new();
    for (qi, q) in gold.quotes.iter().enumerate() {
        // An outlet with a variant printing is one item, the variant.
        for o in q.outlets.iter().filter(|o| !q.variants.iter().any(|v| &v.outlet == *o)) {
            gq.push((qi, o.clone(), q.text.clone()));
        }
        for v in &q.variants {
            gq.push((qi, v.outlet.clone(), v.printed.clone()));
        }
    }
    let qscores: Vec<Vec<Option<f64>>> = pq.iter().map(|p| gq.iter().map(|(_, o, t)| if *o == p.key { words_match(&p.text, t) } else { None }).collect()).collect();
    let (pred_to, gold_used) = greedy(&qscores, gq.len());
    let dup: Vec<bool> = qscores.iter().enumerate().map(|(i, row)| pred_to[i].is_none() && row.iter().any(|s| s.is_some())).collect();
    let plabel: Vec<String> = pq.iter().map(|p| format!("{}: \u{201c}{}\u{201d} ({})", p.key, p.text, p.speaker.as_deref().unwrap_or("?"))).collect();
    let glabel: Vec<String> = gq.iter().map(|(qi, o, t)| format!("{o}: \u{201c}{t}\u{201d} ({})", gold.quotes[*qi].speaker)).collect();
    cats.insert("quotes".to_string(), score_of(&plabel, &glabel, &pred_to, &gold_used, &dup));
    // Speakers: a match needs the speaker right; abstentions are misses only.
    let mut sp = Score::default();
    let mut gold_ok = vec![false; gq.len()];
    for (i, p) in pq.iter().enumerate() {
        let Some(spk) = &p.speaker else { continue };
        match pred_to[i] {
            Some(j) if speaker_ok(gold, &gold.quotes[gq[j].0].speaker, spk) => {
                sp.tp += 1;
                gold_ok[j] = true;
            }
            None if dup[i] => {}
            _ => {
                sp.fp += 1;
                sp.extra.push(plabel[i].clone());
            }
        }
    }
    for (j, ok) in gold_ok.iter().enumerate() {
        if !ok {
            sp.fn_ += 1;
            sp.missed.push(glabel[j].clone());
        }
    }
    cats.insert("speakers".to_string(), sp.finish());

    // ---- variants ----
    // Gold variant items and, per gold quote, which outlets print a variant.
    let gv: Vec<(usize, String, String)> = gold.quotes.iter().enumerate().flat_map(|(qi, q)| q.variants.iter().map(move |v| (qi, v.outlet.clone(), v.printed.clone()))).collect();
    let mut vs = Score::default();
    let mut gv_found = vec![false; gv.len()];
    for d in dossiers {
        for g in &d.quotes {
            for v in &g.variants {
                if !v.kind.is_wording_change() {
                    continue;
                }
                let side_keys = |vi: usize| -> Vec<String> { g.versions[vi].sources.iter().map(|s| keys.key(d, s)).collect() };
                let (a, b) = (side_keys(v.version), side_keys(v.reference));
                let texts = (&g.versions[v.version].text, &g.versions[v.reference].text);
                // The gold quote this group is: any gold item matching either side.
                let mut hit = false;
                for (k, (qi, o, printed)) in gv.iter().enumerate() {
                    let q = &gold.quotes[*qi];
                    let same_quote = words_match(texts.0, &q.text).is_some() || words_match(texts.1, &q.text).is_some() || words_match(texts.0, printed).is_some();
                    if same_quote && (a.contains(o) || b.contains(o)) {
                        let side_text = if a.contains(o) { texts.0 } else { texts.1 };
                        if words_match(side_text, printed).is_some() {
                            gv_found[k] = true;
                            hit = true;
                        }
                    }
                }
                let label = format!("{} vs {}: \u{201c}{}\u{201d} / \u{201c}{}\u{201d} ({})", a.join(","), b.join(","), texts.0, texts.1, v.kind.label());
                if hit {
                    vs.tp += 1;
                } else {
                    vs.fp += 1;
                    vs.extra.push(label);
                }
            }
        }
    }
    for (k, f) in gv_found.iter().enumerate() {
        if !f {
            vs.fn_ += 1;
            vs.missed.push(format!("{}: \u{201c}{}\u{201d} ({})", gv[k].1, gv[k].2, gold.quotes[gv[k].0].id));
        }
    }
    cats.insert("variants".to_string(), vs.finish());

    // ---- people ----
    let preds: Vec<(usize, usize)> = dossiers.iter().enumerate().flat_map(|(di, d)| (0..d.people.len()).map(move |pi| (di, pi))).collect();
    let person_matches = |gp: &GoldPerson, name: &str| std::iter::once(&gp.name).chain(&gp.aliases).any(|n| names_compatible(n, name));
    let ps: Vec<Vec<Option<f64>>> = preds
        .iter()
        .map(|&(di, pi)| gold.people.iter().map(|gp| person_matches(gp, &dossiers[di].people[pi].name).then_some(1.0)).collect())
        .collect();
    let (pt, gu) = greedy(&ps, gold.people.len());
    let pl: Vec<String> = preds.iter().map(|&(di, pi)| dossiers[di].people[pi].name.clone()).collect();
    let gl: Vec<String> = gold.people.iter().map(|p| p.name.clone()).collect();
    cats.insert("people".to_string(), score_of(&pl, &gl, &pt, &gu, &[]));

    // ---- roles ----
    let gr: Vec<(usize, String, String)> = gold.people.iter().enumerate().flat_map(|(i, p)| p.roles.iter().map(move |(o, r)| (i, o.clone(), r.clone()))).collect();
    let mut pr: Vec<(String, String, String)> = Vec::new();
    for d in dossiers {
        for p in &d.people {
            for r in &p.roles {
                pr.push((p.name.clone(), keys.key(d, &r.source), r.text.clone()));
            }
        }
    }
    let rs: Vec<Vec<Option<f64>>> = pr
        .iter()
        .map(|(name, o, text)| {
            gr.iter()
                .map(|(gi, go, gt)| {
                    if go != o || !person_matches(&gold.people[*gi], name) {
                        return None;
                    }
                    let (a, b) = (content_tokens(text), content_tokens(gt));
                    let shared = a.iter().filter(|w| b.contains(w)).count();
                    let s = shared as f64 / a.len().min(b.len()).max(1) as f64;
                    (s >= 0.6).then_some(s)
                })
                .collect()
        })
        .collect();
    let (rt, ru) = greedy(&rs, gr.len());
    let rdup: Vec<bool> = rs.iter().enumerate().map(|(i, row)| rt[i].is_none() && row.iter().any(|s| s.is_some())).collect();
    let rpl: Vec<String> = pr.iter().map(|(n, o, t)| format!("{n} @ {o}: {t}")).collect();
    let rgl: Vec<String> = gr.iter().map(|(i, o, t)| format!("{} @ {o}: {t}", gold.people[*i].name)).collect();
    cats.insert("roles".to_string(), score_of(&rpl, &rgl, &rt, &ru, &rdup));

    // ---- role conflicts ----
    let pc: Vec<String> = dossiers.iter().flat_map(|d| d.conflicts.iter().filter(|c| c.kind == ConflictKind::Role).map(|c| c.subject.clone())).collect();
    let cs: Vec<Vec<Option<f64>>> = pc.iter().map(|s| gold.role_conflicts.iter().map(|g| names_compatible(&g.person, s).then_some(1.0)).collect()).collect();
    let (ct, cu) = greedy(&cs, gold.role_conflicts.len());
    let cgl: Vec<String> = gold.role_conflicts.iter().map(|g| g.person.clone()).collect();
    cats.insert("role_conflicts".to_string(), score_of(&pc, &cgl, &ct, &cu, &[]));

    // ---- claims ----
    for (cat, status, gclaims, min) in [
        ("single_source_claims", ClaimStatus::SingleSource, &gold.single_source_claims, 0.5),
        ("corroborated_claims", ClaimStatus::Corroborated, &gold.corroborated_claims, 0.4),
    ] {
        // (outlet keys, supporting (key, sentence) pairs, claim text)
        type PredClaim = (Vec<String>, Vec<(String, String)>, String);
        let mut pcl: Vec<PredClaim> = Vec::new();
        for d in dossiers {
            for c in d.claims.iter().filter(|c| c.status == status) {
                let support: Vec<(String, String)> = c.support.iter().map(|s| (keys.key(d, &s.source), s.text.clone())).collect();
                let mut ks: Vec<String> = support.iter().map(|s| s.0.clone()).collect();
                ks.sort();
                ks.dedup();
                pcl.push((ks, support, c.text.clone()));
            }
        }
        let sc: Vec<Vec<Option<f64>>> = pcl
            .iter()
            .map(|(ks, support, _)| {
                gclaims
                    .iter()
                    .map(|g| {
                        let go = g.outlets.list();
                        let shared = ks.iter().filter(|k| go.contains(k)).count();
                        let need = if status == ClaimStatus::Corroborated { 2 } else { 1 };
                        if shared < need {
                            return None;
                        }
                        let best = support.iter().filter(|(k, _)| go.contains(k)).map(|(_, t)| recall_overlap(&g.claim, t)).fold(0.0, f64::max);
                        (best >= min).then_some(best + shared as f64 * 0.01)
                    })
                    .collect()
            })
            .collect();
        let (t, u) = greedy(&sc, gclaims.len());
        let pl: Vec<String> = pcl.iter().map(|(ks, _, t)| format!("{}: {}", ks.join(","), t)).collect();
        let gl: Vec<String> = gclaims.iter().map(|g| format!("{}: {}", g.outlets.list().join(","), g.claim)).collect();
        cats.insert(cat.to_string(), score_of(&pl, &gl, &t, &u, &[]));
    }

    // ---- framing ----
    let mut pos: Vec<String> = gold.framing.iter().flat_map(|f| f.flagged.iter().cloned()).collect();
    let neg: Vec<String> = gold.framing.iter().flat_map(|f| f.not_flagged.iter().cloned()).collect();
    let mut fs = Score::default();
    for d in dossiers {
        for r in &d.framing.rows {
            let k = keys.key(d, &r.source);
            if r.flagged {
                if pos.contains(&k) {
                    fs.tp += 1;
                    pos.retain(|x| x != &k);
                } else if neg.contains(&k) {
                    fs.fp += 1;
                    fs.extra.push(format!("{k}: {}", r.lead));
                }
            }
        }
    }
    fs.fn_ = pos.len();
    fs.missed = pos;
    cats.insert("framing".to_string(), fs.finish());

    // ---- incidents ----
    // Register rows scored by the incident stage's own matcher (same kind,
    // compatible place, one-to-one); timeline events stand in when a dossier
    // has no register rows.
    let rows: Vec<crosscheck_incidents::IncidentRow> = dossiers.iter().flat_map(|d| d.incidents.clone()).collect();
    if !rows.is_empty() {
        let gs = score_against_gold(&rows, &gold.incidents);
        let mut sc = Score { tp: gs.matched, fp: gs.rows - gs.matched, fn_: gs.gold - gs.matched, ..Default::default() };
        sc.missed = gs.missed.iter().map(|&i| format!("{} @ {} ({})", gold.incidents[i].kind, gold.incidents[i].place, gold.incidents[i].articles.join(","))).collect();
        sc.extra = rows
            .iter()
            .filter(|r| gs.unmatched_rows.contains(&r.id))
            .map(|r| format!("{} @ {} ({})", r.kind.label(), r.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(), r.outlets.join(",")))
            .collect();
        cats.insert("incidents".to_string(), sc.finish());
    } else {
        let mut pe: Vec<(String, Vec<String>, String)> = Vec::new();
        for d in dossiers {
            for e in &d.timeline {
                if crosscheck_extract::EventKind::from_label(&e.kind).is_some_and(|k| !k.is_incident()) {
                    continue;
                }
                pe.push((e.kind.clone(), e.sources.iter().map(|s| keys.key(d, s)).collect(), format!("{} @ {}: {}", e.kind, e.places.join("/"), e.summary)));
            }
        }
        let is: Vec<Vec<Option<f64>>> = pe
            .iter()
            .map(|(kind, outs, label)| {
                gold.incidents
                    .iter()
                    .map(|g| {
                        if crosscheck_incidents::IncidentKind::parse_incident(&g.kind).map(|k| k.label()) != Some(kind.as_str()) {
                            return None;
                        }
                        let shared = outs.iter().filter(|o| g.articles.contains(o)).count();
                        if shared == 0 {
                            return None;
                        }
                        Some(shared as f64 + recall_overlap(&g.place, label))
                    })
                    .collect()
            })
            .collect();
        let (it, iu) = greedy(&is, gold.incidents.len());
        let il: Vec<String> = pe.iter().map(|p| p.2.clone()).collect();
        let igl: Vec<String> = gold.incidents.iter().map(|g| format!("{} @ {} ({})", g.kind, g.place, g.articles.join(","))).collect();
        cats.insert("incidents".to_string(), score_of(&il, &igl, &it, &iu, &[]));
    }

    // ---- stories ----
    let ps: Vec<Vec<String>> = dossiers.iter().map(|d| d.articles.iter().map(|a| keys.key(d, &a.source)).collect()).collect();
    let gs: Vec<Vec<String>> = gold.stories.iter().map(|s| s.iter().map(|x| x.to_string()).collect()).collect();
    let ss: Vec<Vec<Option<f64>>> = ps
        .iter()
        .map(|p| {
            gs.iter()
                .map(|g| {
                    let gk: Vec<bool> = g.iter().map(|x| p.iter().any(|k| x.starts_with(k.as_str()) || k.starts_with(x.as_str()))).collect();
                    let inter = gk.iter().filter(|b| **b).count();
                    let j = inter as f64 / (g.len() + p.len() - inter).max(1) as f64;
                    (j >= 0.5).then_some(j)
                })
                .collect()
        })
        .collect();
    let (st, su) = greedy(&ss, gs.len());
    let spl: Vec<String> = ps.iter().map(|p| p.join(",")).collect();
    let sgl: Vec<String> = gs.iter().map(|g| g.join(",")).collect();
    cats.insert("stories".to_string(), score_of(&spl, &sgl, &st, &su, &[]));

    EvalReport { categories: cats }
}

/// A plain-text table of an evaluation.
pub fn table(r: &EvalReport) -> String {
    let mut s = format!("{:<22} {:>9} {:>7} {:>6} {:>4} {:>4} {:>4}\n", "category", "precision", "recall", "f1", "tp", "fp", "fn");
    for (k, v) in &r.categories {
        s.push_str(&format!("{:<22} {:>9.3} {:>7.3} {:>6.3} {:>4} {:>4} {:>4}\n", k, v.precision, v.recall, v.f1, v.tp, v.fp, v.fn_));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_arithmetic() {
        let s = Score { tp: 8, fp: 2, fn_: 2, ..Default::default() }.finish();
        assert!((s.precision - 0.8).abs() < 1e-9 && (s.recall - 0.8).abs() < 1e-9 && (s.f1 - 0.8).abs() < 1e-9);
    }

    #[test]
    fn matching_ignores_quotes_dashes_case() {
        assert!(words_match("Hybrid warfare is asymmetric \u{2013} it costs them little", "hybrid warfare is asymmetric - it costs them little.").is_some());
        assert!(words_match("totally different words here", "hybrid warfare is asymmetric").is_none());
    }

    #[test]
    fn greedy_is_one_to_one() {
        let (p, g) = greedy(&[vec![Some(0.9), Some(0.5)], vec![Some(0.8), None]], 2);
        assert_eq!(p, vec![Some(0), None]);
        assert_eq!(g, vec![true, false]);
    }
}
