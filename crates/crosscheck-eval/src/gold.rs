//! The crosscheck gold format (`tests/fixtures/seeds.gold.json`,
//! `shared/gold/seeds.gold.json`) and its reader, [`CrosscheckGold`].
//! The format is described in the crate documentation.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::incidents::GoldIncident;
use crate::{EvalError, GoldReader};

/// The gold file, read leniently (unknown fields ignored).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub stories: Vec<Vec<String>>,
    #[serde(default)]
    pub people: Vec<GoldPerson>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub role_conflicts: Vec<GoldRoleConflict>,
    #[serde(default)]
    pub single_source_claims: Vec<GoldClaim>,
    #[serde(default)]
    pub corroborated_claims: Vec<GoldClaim>,
    #[serde(default)]
    pub framing: Vec<GoldFraming>,
    #[serde(default)]
    pub incidents: Vec<GoldIncident>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldPerson {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub roles: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldVariant {
    #[serde(rename = "in")]
    pub outlet: String,
    pub printed: String,
    #[serde(default)]
    pub kind: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldQuote {
    #[serde(default)]
    pub id: String,
    pub speaker: String,
    pub text: String,
    #[serde(rename = "in", default)]
    pub outlets: Vec<String>,
    #[serde(default)]
    pub variants: Vec<GoldVariant>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldRoleConflict {
    pub person: String,
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

/// A claim in one outlet (`in` a string) or several (`in` a list).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    #[serde(rename = "in")]
    pub outlets: OneOrMany,
    pub claim: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn list(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}


/// One framing item: what the source said, how each outlet reported it,
/// and which outlets' leads state more certainty than the source did.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GoldFraming {
    /// The quoted words the leads are compared with.
    #[serde(rename = "what the source said", default)]
    pub said: String,
    /// Each outlet's wording of it.
    #[serde(rename = "as reported", default)]
    pub as_reported: BTreeMap<String, String>,
    /// Outlets whose lead overstates the source: a framing flag is expected.
    #[serde(default)]
    pub flagged: Vec<String>,
    /// Outlets whose lead stays with the source: a flag there is a false positive.
    #[serde(default)]
    pub not_flagged: Vec<String>,
    /// A free-text comment for people; never read for scoring, except by
    /// [`GoldFraming::from_note`] for gold files of the old form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl GoldFraming {
    /// Whether the item has the structured `flagged` / `not_flagged` fields.
    pub fn is_structured(&self) -> bool {
        !self.flagged.is_empty() || !self.not_flagged.is_empty()
    }

    /// The old form, which judged the outlets only in its prose `note`: the
    /// note's `;`-separated clauses that say "more certain(ty)" name the
    /// flagged outlets, its other clauses the outlets that are not; outlets of
    /// `as reported` a clause does not name are not judged.
    pub fn from_note(&mut self) {
        let Some(note) = self.note.clone() else { return };
        for clause in note.split(';') {
            let positive = clause.contains(OLD_FORM_FLAGGED_CUE);
            for o in self.as_reported.keys() {
                if clause.split(|c: char| !c.is_alphanumeric()).any(|w| w == o) {
                    if positive { self.flagged.push(o.clone()) } else { self.not_flagged.push(o.clone()) }
                }
            }
        }
    }
}

/// The words by which an old-form framing note marks the outlets that state
/// more certainty than the source (the wording of the first gold files).
const OLD_FORM_FLAGGED_CUE: &str = "more certain";

/// The reader of the crosscheck gold format (JSON; unknown fields ignored).
/// A framing item without `flagged` / `not_flagged` is read from its note
/// (the old form, see [`GoldFraming::from_note`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct CrosscheckGold;

impl GoldReader for CrosscheckGold {
    type Gold = Gold;

    fn format(&self) -> &'static str {
        "crosscheck"
    }

    fn read(&self, text: &str) -> Result<Gold, EvalError> {
        let mut gold: Gold = serde_json::from_str(text).map_err(|e| EvalError::Gold(self.format(), e.to_string()))?;
        for f in &mut gold.framing {
            if !f.is_structured() {
                tracing::debug!("gold framing item without flagged/not_flagged: read from its note (old form)");
                f.from_note();
            }
        }
        Ok(gold)
    }
}

/// Read a gold file of the crosscheck format.
pub fn parse_gold(text: &str) -> Result<Gold, EvalError> {
    CrosscheckGold.read(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AS_REPORTED: &str = r#""as reported": {"a1": "x", "a2": "y", "a3": "z", "a4": "w"}"#;

    #[test]
    fn structured_framing_is_read_as_given() {
        let g = parse_gold(&format!(r#"{{"framing": [{{{AS_REPORTED}, "flagged": ["a2"], "not_flagged": ["a1", "a4"], "note": "a1 and a3 state more certainty"}}]}}"#)).unwrap();
        assert_eq!(g.framing[0].flagged, vec!["a2"]);
        assert_eq!(g.framing[0].not_flagged, vec!["a1", "a4"]);
    }

    #[test]
    fn old_form_reads_the_note() {
        let g = parse_gold(&format!(r#"{{"framing": [{{{AS_REPORTED}, "note": "a1 and a3 state more certainty than the words; a4 is closest"}}]}}"#)).unwrap();
        assert_eq!(g.framing[0].flagged, vec!["a1", "a3"]);
        assert_eq!(g.framing[0].not_flagged, vec!["a4"]);
    }

    #[test]
    fn bad_json_is_an_error_naming_the_format() {
        let e = parse_gold("{").unwrap_err();
        assert!(e.to_string().contains("crosscheck"), "{e}");
    }
}
