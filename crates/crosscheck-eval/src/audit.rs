//! Precision audits of findings: a careful reader's verdicts on what crosscheck
//! reports, kept as article id + byte span (never the article's text), scored
//! against the findings of fresh dossiers.
//!
//! A *finding* is one thing a dossier tells a reader: a conflict, a development
//! (a figure that changed over time), a vague count (exact against vague), a framing flag, a corroborated or
//! single-source claim, an incident row. Its *key* is its kind and the sorted set
//! of every span it cites (`[article id, start, end]`); a verdict matches a
//! finding when kind and key are equal. The key is read from the dossier's JSON
//! form: every object inside the finding that has an `article` and a `span`
//! (`{start, end}`) is one cited span, whatever the finding's own shape, so a
//! stage may add fields without touching this module.
//!
//! Verdict files are JSON lines:
//! `{"kind": "conflict_number", "cites": [["<id>", 10, 95], ...], "verdict": "right" | "wrong", "reason": "..."}`
//! where `reason` is a short category ("different counted things"), not text of
//! the article.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crosscheck_report::Dossier;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::EvalError;

/// What a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    ConflictRole,
    ConflictNumber,
    ConflictDate,
    Development,
    VagueCount,
    Framing,
    Corroborated,
    SingleSource,
    Incident,
}

impl FindingKind {
    pub const ALL: [FindingKind; 9] = [
        FindingKind::ConflictRole,
        FindingKind::ConflictNumber,
        FindingKind::ConflictDate,
        FindingKind::Development,
        FindingKind::VagueCount,
        FindingKind::Framing,
        FindingKind::Corroborated,
        FindingKind::SingleSource,
        FindingKind::Incident,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FindingKind::ConflictRole => "conflict_role",
            FindingKind::ConflictNumber => "conflict_number",
            FindingKind::ConflictDate => "conflict_date",
            FindingKind::Development => "development",
            FindingKind::VagueCount => "vague_count",
            FindingKind::Framing => "framing",
            FindingKind::Corroborated => "corroborated",
            FindingKind::SingleSource => "single_source",
            FindingKind::Incident => "incident",
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One cited span: article id, byte start, byte end.
pub type CitedSpan = (String, usize, usize);

/// One finding of one dossier.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub story: String,
    /// Sorted, de-duplicated cited spans: the verdict key.
    pub cites: Vec<CitedSpan>,
    /// The finding as the dossier states it, without its cites.
    pub finding: Value,
    /// The text of each cited span (read from the dossier's articles), for the
    /// reader who judges it.
    pub cited_text: Vec<String>,
}

/// A careful reader's verdict on one finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub kind: FindingKind,
    pub cites: Vec<CitedSpan>,
    pub verdict: Judgement,
    /// A short category of why (no article text).
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    Right,
    Wrong,
}

/// Read verdict lines (blank lines and lines starting with `//` are skipped).
pub fn parse_verdicts(text: &str) -> Result<Vec<Verdict>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let mut v: Verdict = serde_json::from_str(line).map_err(|e| EvalError::Gold("audit verdict", format!("line {}: {e}", n + 1)))?;
        v.cites.sort();
        v.cites.dedup();
        out.push(v);
    }
    Ok(out)
}

/// Every finding of a dossier.
pub fn findings(dossier: &Dossier) -> Vec<Finding> {
    let Ok(value) = serde_json::to_value(dossier) else { return Vec::new() };
    let texts: BTreeMap<&str, &str> = dossier.articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let mut out = Vec::new();
    let mut push = |kind: FindingKind, item: &Value| {
        let mut cites = Vec::new();
        collect_cites(item, &mut cites);
        cites.sort();
        cites.dedup();
        if cites.is_empty() {
            return;
        }
        let cited_text = cites
            .iter()
            .map(|(a, s, e)| texts.get(a.as_str()).and_then(|t| t.get(*s..*e)).unwrap_or("").to_string())
            .collect();
        out.push(Finding { kind, story: dossier.story_id.clone(), cites, finding: without_cites(item), cited_text });
    };
    for c in array(&value, "conflicts") {
        let kind = match c.get("kind").and_then(Value::as_str) {
            Some("role") => FindingKind::ConflictRole,
            Some("number") => FindingKind::ConflictNumber,
            Some("date") => FindingKind::ConflictDate,
            _ => continue,
        };
        push(kind, c);
    }
    for d in array(&value, "developments") {
        push(FindingKind::Development, d);
    }
    for c in array(&value, "vague_counts") {
        push(FindingKind::VagueCount, c);
    }
    if let Some(rows) = value.get("framing").and_then(|f| f.get("rows")).and_then(Value::as_array) {
        for r in rows.iter().filter(|r| r.get("flagged").and_then(Value::as_bool) == Some(true)) {
            push(FindingKind::Framing, r);
        }
    }
    for c in array(&value, "claims") {
        match c.get("status").and_then(Value::as_str) {
            Some("corroborated") => push(FindingKind::Corroborated, c),
            Some("single_source") => push(FindingKind::SingleSource, c),
            _ => {}
        }
    }
    for i in array(&value, "incidents") {
        push(FindingKind::Incident, i);
    }
    out
}

fn array<'v>(v: &'v Value, field: &str) -> &'v [Value] {
    v.get(field).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// Every `{article, span: {start, end}}` object inside `v`.
fn collect_cites(v: &Value, out: &mut Vec<CitedSpan>) {
    match v {
        Value::Object(o) => {
            let article = o.get("article").and_then(Value::as_str);
            let span = o.get("span").and_then(|s| Some((s.get("start")?.as_u64()?, s.get("end")?.as_u64()?)));
            if let (Some(a), Some((s, e))) = (article, span) {
                out.push((a.to_string(), s as usize, e as usize));
            }
            for x in o.values() {
                collect_cites(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_cites(x, out)),
        _ => {}
    }
}

/// The finding without its cited spans and their copied text (a reader gets
/// those from `cited_text`).
fn without_cites(v: &Value) -> Value {
    match v {
        Value::Object(o) => {
            let is_cite = o.contains_key("article") && o.contains_key("span");
            Value::Object(
                o.iter()
                    .filter(|(k, _)| !(is_cite && matches!(k.as_str(), "text" | "span" | "article")))
                    .filter(|(_, x)| !matches!(x, Value::Array(a) if !a.is_empty() && a.iter().all(is_cite_object)))
                    .map(|(k, x)| (k.clone(), without_cites(x)))
                    .collect(),
            )
        }
        Value::Array(a) => Value::Array(a.iter().map(without_cites).collect()),
        x => x.clone(),
    }
}

fn is_cite_object(v: &Value) -> bool {
    v.get("article").is_some() && v.get("span").is_some() && v.as_object().is_some_and(|o| o.len() <= 4)
}

/// The audit of one finding kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KindAudit {
    /// Findings of this kind in the dossiers.
    pub found: usize,
    /// Of those, with a verdict.
    pub audited: usize,
    pub right: usize,
    pub wrong: usize,
    /// right / audited (None when nothing is audited).
    pub precision: Option<f64>,
    /// Verdicts of this kind whose finding is no longer reported.
    pub gone: usize,
    /// Of those, verdicts "right": findings judged right that were lost.
    pub gone_right: usize,
}

/// Findings scored against verdicts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AuditReport {
    pub kinds: BTreeMap<FindingKind, KindAudit>,
    /// Findings a verdict judged wrong that are reported again.
    pub wrong_returned: Vec<Finding>,
    /// Findings without a verdict.
    #[serde(skip)]
    pub unaudited: Vec<Finding>,
}

/// Score `found` against `verdicts`.
pub fn audit(found: Vec<Finding>, verdicts: &[Verdict]) -> AuditReport {
    let by_key: BTreeMap<(FindingKind, &[CitedSpan]), &Verdict> = verdicts.iter().map(|v| ((v.kind, v.cites.as_slice()), v)).collect();
    let mut report = AuditReport::default();
    for k in FindingKind::ALL {
        report.kinds.insert(k, KindAudit::default());
    }
    let mut seen: BTreeSet<(FindingKind, Vec<CitedSpan>)> = BTreeSet::new();
    for f in found {
        let entry = report.kinds.entry(f.kind).or_default();
        entry.found += 1;
        match by_key.get(&(f.kind, f.cites.as_slice())) {
            Some(v) => {
                seen.insert((f.kind, f.cites.clone()));
                entry.audited += 1;
                match v.verdict {
                    Judgement::Right => entry.right += 1,
                    Judgement::Wrong => {
                        entry.wrong += 1;
                        report.wrong_returned.push(f);
                    }
                }
            }
            None => report.unaudited.push(f),
        }
    }
    for v in verdicts {
        if !seen.contains(&(v.kind, v.cites.clone())) {
            let entry = report.kinds.entry(v.kind).or_default();
            entry.gone += 1;
            if v.verdict == Judgement::Right {
                entry.gone_right += 1;
            }
        }
    }
    for a in report.kinds.values_mut() {
        a.precision = (a.audited > 0).then(|| a.right as f64 / a.audited as f64);
    }
    report
}

/// The audit as a table: one row per finding kind.
pub fn audit_table(report: &AuditReport) -> String {
    let mut out = format!("{:<16} {:>6} {:>8} {:>6} {:>6} {:>9} {:>6}\n", "finding", "found", "audited", "right", "wrong", "precision", "gone");
    for (k, a) in &report.kinds {
        let p = a.precision.map(|p| format!("{p:.3}")).unwrap_or_else(|| "-".into());
        out.push_str(&format!("{:<16} {:>6} {:>8} {:>6} {:>6} {:>9} {:>6}\n", k.name(), a.found, a.audited, a.right, a.wrong, p, a.gone));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: FindingKind, cites: Vec<CitedSpan>) -> Finding {
        Finding { kind, story: "s".into(), cites, finding: Value::Null, cited_text: vec![] }
    }

    #[test]
    fn verdicts_match_by_kind_and_cite_set() {
        let verdicts = parse_verdicts(
            "// a comment\n{\"kind\":\"conflict_number\",\"cites\":[[\"b\",5,9],[\"a\",0,4]],\"verdict\":\"wrong\",\"reason\":\"parts of one number\"}\n\
             {\"kind\":\"framing\",\"cites\":[[\"a\",0,4]],\"verdict\":\"right\"}\n\
             {\"kind\":\"incident\",\"cites\":[[\"c\",1,2]],\"verdict\":\"right\"}\n",
        )
        .unwrap();
        let found = vec![
            finding(FindingKind::ConflictNumber, vec![("a".into(), 0, 4), ("b".into(), 5, 9)]),
            finding(FindingKind::ConflictNumber, vec![("a".into(), 0, 4)]),
            finding(FindingKind::Framing, vec![("a".into(), 0, 4)]),
        ];
        let r = audit(found, &verdicts);
        let n = &r.kinds[&FindingKind::ConflictNumber];
        assert_eq!((n.found, n.audited, n.wrong, n.precision), (2, 1, 1, Some(0.0)));
        assert_eq!(r.wrong_returned.len(), 1);
        assert_eq!(r.unaudited.len(), 1);
        assert_eq!(r.kinds[&FindingKind::Framing].precision, Some(1.0));
        let i = &r.kinds[&FindingKind::Incident];
        assert_eq!((i.found, i.gone, i.gone_right), (0, 1, 1));
    }

    #[test]
    fn cites_are_found_at_any_depth_and_stripped_from_the_finding() {
        let v: Value = serde_json::json!({
            "kind": "number", "subject": "killed",
            "sides": [{"value": "120", "cites": [{"article": "x", "source": "o", "span": {"start": 3, "end": 9}, "text": "t"}]},
                      {"value": "130", "cites": [{"article": "y", "source": "p", "span": {"start": 0, "end": 2}, "text": "u"}]}]
        });
        let mut cites = Vec::new();
        collect_cites(&v, &mut cites);
        cites.sort();
        assert_eq!(cites, vec![("x".to_string(), 3, 9), ("y".to_string(), 0, 2)]);
        let stripped = without_cites(&v).to_string();
        assert!(!stripped.contains("\"t\"") && stripped.contains("130"), "{stripped}");
    }
}
