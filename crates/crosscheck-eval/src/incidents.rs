//! Scoring register rows against a hand-made gold list of incidents.
//!
//! The gold format is the `incidents` array of crosscheck's gold files:
//! `{"kind": "cable sabotage", "where": "Baltic Sea", "in": ["000", ...], "when": "..."}`.
//! Kinds are free wording, read with [`IncidentKind::parse`]; places are free
//! text, read with [`gazetteer::resolve_loose`]. A row matches a gold incident
//! when the kinds are equal and some place of each is compatible (same place,
//! same country, or one containing the other); matching is one-to-one, best
//! place agreement first.

use serde::{Deserialize, Serialize};

use crosscheck_incidents::gazetteer::{self, Place};
use crosscheck_incidents::{IncidentKind, IncidentRow};

use crate::EvalError;

/// One gold incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldIncident {
    pub kind: String,
    #[serde(rename = "where", default)]
    pub place: String,
    /// Article labels (file-name prefixes) that report it.
    #[serde(rename = "in", default)]
    pub articles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

impl GoldIncident {
    /// The `incidents` array of a gold JSON document (or the array itself).
    pub fn list_from_json(v: &serde_json::Value) -> Result<Vec<GoldIncident>, EvalError> {
        let arr = v.get("incidents").unwrap_or(v);
        serde_json::from_value(arr.clone()).map_err(|e| EvalError::Gold("crosscheck incidents", e.to_string()))
    }

    pub fn parsed_kind(&self) -> Option<IncidentKind> {
        IncidentKind::parse_incident(&self.kind)
    }

    pub fn places(&self) -> Vec<Place> {
        gazetteer::resolve_loose(&self.place)
    }
}

/// One matched pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldMatch {
    pub gold: usize,
    pub row: String,
    /// Place agreement: 3 same place, 2 same country, 1 containment.
    pub place_agreement: u8,
}

/// Precision and recall of the rows against the gold list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldScore {
    pub gold: usize,
    pub rows: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub matches: Vec<GoldMatch>,
    /// Gold incidents no row matched (indices).
    pub missed: Vec<usize>,
    /// Rows that match no gold incident (ids).
    pub unmatched_rows: Vec<String>,
}

/// Score `rows` against `gold` (see the module doc).
pub fn score_against_gold(rows: &[IncidentRow], gold: &[GoldIncident]) -> GoldScore {
    let mut pairs: Vec<(u8, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let Some(kind) = g.parsed_kind() else {
            tracing::warn!(kind = %g.kind, "gold incident kind not understood");
            continue;
        };
        let gp = g.places();
        for (ri, r) in rows.iter().enumerate() {
            if r.kind != kind {
                continue;
            }
            if let Some(c) = gazetteer::best_compatibility(&r.places, &gp) {
                if c > 0 {
                    pairs.push((c, gi, ri));
                }
            }
        }
    }
    pairs.sort_by_key(|(c, gi, ri)| (std::cmp::Reverse(*c), *gi, *ri));
    let mut used_g = vec![false; gold.len()];
    let mut used_r = vec![false; rows.len()];
    let mut matches = Vec::new();
    for (c, gi, ri) in pairs {
        if used_g[gi] || used_r[ri] {
            continue;
        }
        used_g[gi] = true;
        used_r[ri] = true;
        matches.push(GoldMatch { gold: gi, row: rows[ri].id.clone(), place_agreement: c });
    }
    let matched = matches.len();
    let precision = if rows.is_empty() { 0.0 } else { matched as f64 / rows.len() as f64 };
    let recall = if gold.is_empty() { 0.0 } else { matched as f64 / gold.len() as f64 };
    let f1 = crate::score::f1(precision, recall);
    GoldScore {
        gold: gold.len(),
        rows: rows.len(),
        matched,
        precision,
        recall,
        f1,
        matches,
        missed: (0..gold.len()).filter(|i| !used_g[*i]).collect(),
        unmatched_rows: rows.iter().enumerate().filter(|(i, _)| !used_r[*i]).map(|(_, r)| r.id.clone()).collect(),
    }
}
