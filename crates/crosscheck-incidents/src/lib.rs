//! # crosscheck-incidents
//!
//! The incident register: one deduplicated, sourced row per real-world incident
//! (a cut cable, a drone over an airport, a warehouse fire) across every article
//! crosscheck has read.
//!
//! Pipeline:
//! 1. [`mentions()`] reads, in one annotated article, the incidents of the
//!    extraction stage's event layer and turns each into a [`Mention`]: its
//!    [`IncidentKind`], places resolved through the bundled [`gazetteer`], date or
//!    range (relative dates resolved against the article date), actors with the
//!    attribution wording kept as printed, counts, and [`Multiplicity`] (one,
//!    several, or an aggregate claim such as "over 110 incidents", which never
//!    becomes 110 rows). A sentence listing several incidents yields several mentions.
//! 2. [`build_register`] merges mentions of the same incident (same kind,
//!    compatible place, compatible date; description overlap breaks ties) into one
//!    [`IncidentRow`] listing every source sentence; details the sources disagree
//!    on are kept as [`Conflict`]s. Vague mentions (no place, no date) only join a
//!    row when exactly one row can take them.
//! 3. [`export`] writes the register as a table, JSON, CSV or Parquet; [`svg`] draws
//!    the timeline and map for the dossier. Scoring rows against a gold list is
//!    `crosscheck-eval`.
//!
//! Heuristics live in [`tables`], apart from the algorithms.

pub mod dates;
/// The gazetteer lives with the extraction stage's place layer; re-exported
/// for the register, the gold reader and the map.
pub use crosscheck_extract::gazetteer;
pub mod export;
pub mod mentions;
pub mod register;
pub mod svg;
pub mod tables;

use chrono::NaiveDate;
use crosscheck_core::{ArticleId, Span};
use crosscheck_extract::EventKind;
use serde::{Deserialize, Serialize};

pub use dates::{IncidentDate, When};
pub use gazetteer::{Place, PlaceKind};
pub use mentions::{article_date, mentions, mentions_of_article};
pub use register::{build_register, register_of_articles, Filter, Register};
pub use svg::{map_svg, timeline_svg, LAND as MAP_LAND, WATER as MAP_WATER};

/// Errors of the incident stage (exports and arguments; extraction itself cannot fail).
#[derive(Debug, thiserror::Error)]
pub enum IncidentsError {
    #[error("parquet export: {0}")]
    Parquet(String),
    #[error("parquet export is not compiled in (feature `parquet`)")]
    ParquetDisabled,
    #[error("unknown incident kind {0:?}")]
    UnknownKind(String),
    #[error("not a day (YYYY-MM-DD): {0:?}")]
    BadDay(String),
}

/// Parse a `YYYY-MM-DD` day (for `--since`).
pub fn parse_day(s: &str) -> Result<NaiveDate, IncidentsError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| IncidentsError::BadDay(s.to_string()))
}

/// The incident taxonomy: the incident kinds of the extraction stage's event
/// layer ([`EventKind`], recognised by the cue patterns of
/// `crosscheck_extract::tables::EVENT_CUES`) plus `Other`.
///
/// * `sabotage_arson` — sabotage, arson, fires set at depots/warehouses;
/// * `explosion` — explosions, blasts, bombs (not air strikes);
/// * `cable_damage` — undersea/land cables, pipelines, interconnectors cut or damaged;
/// * `drone_incursion` — drones over territory, airports, bases;
/// * `airspace_violation` — aircraft or objects entering airspace (not drones);
/// * `gps_jamming` — GPS/GNSS jamming or spoofing;
/// * `cyber_attack` — cyber attacks, breaches, intrusions, hacking, DDoS;
/// * `espionage_arrest` — espionage, spy rings, arrests for spying or sabotage;
/// * `naval_shadowing` — warships shadowing, tracking or escorting vessels;
/// * `strike` — missile, drone, air or artillery strikes and bombardment;
/// * `military_aircraft` — fighter jets, bombers and military aircraft near a border;
/// * `other` — anything else a caller classifies by hand.
///
/// One enum with the event layer: `IncidentKind` is [`EventKind`], of which
/// the register holds only the kinds for which [`EventKind::is_incident`]
/// holds; names ([`EventKind::as_str`]), labels and parsing
/// ([`EventKind::parse_incident`]) live there.
pub type IncidentKind = EventKind;

/// How many incidents one mention reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Multiplicity {
    /// One incident ("a fire that destroyed a warehouse", "the cutting of two cables").
    Single,
    /// Several incidents of the kind at that place, uncounted ("drone violations over Poland").
    Several,
    /// A counted or campaign-level claim ("over 110 sabotage incidents", "a wave of
    /// sabotage"): kept apart from the rows, never expanded into rows.
    Aggregate,
}

/// A place named in a mention, with where it was printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub place: Place,
    /// As printed.
    pub text: String,
    pub span: Span,
}

/// A perpetrator as the outlet states it, with the attribution wording kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The attributed actor as printed ("Moscow-directed operations", "Russian vessels").
    pub name: String,
    /// The attribution wording as printed ("have all been linked by Western
    /// intelligence agencies to", "attributed to", "suspected of"), or
    /// "named as perpetrator" when the sentence names the actor as the agent.
    pub wording: String,
    /// Who makes the attribution, when the sentence says ("Western intelligence agencies").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_by: Option<String>,
    pub span: Span,
}

/// A count printed with the incident ("two underwater cables", "multiple … cables").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// The number, when one is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// A vague quantity word ("multiple", "repeated") when no number is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vague: Option<String>,
    /// "over", "at least"…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// What is counted, as printed ("underwater cables").
    pub noun: String,
    pub span: Span,
}

impl Count {
    /// Short display form: "2", "over 110", "multiple".
    pub fn display(&self) -> String {
        let core = match (self.value, &self.vague) {
            (Some(v), _) => {
                if v.fract() == 0.0 {
                    format!("{}", v as i64)
                } else {
                    format!("{v}")
                }
            }
            (None, Some(w)) => w.clone(),
            (None, None) => "?".into(),
        };
        match &self.qualifier {
            Some(q) => format!("{q} {core}"),
            None => core,
        }
    }
}

/// One sentence's report of one incident (or of several, or an aggregate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub article: ArticleId,
    /// The outlet.
    pub source: String,
    /// The article's date (published, dateline, or the batch reference), used for
    /// first/last seen and to resolve relative dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_date: Option<NaiveDate>,
    /// The sentence.
    pub sentence: Span,
    pub sentence_text: String,
    /// The cue that matched, as printed ("the cutting of two underwater cables").
    pub cue: String,
    pub cue_span: Span,
    pub kind: IncidentKind,
    pub multiplicity: Multiplicity,
    /// Places, most specific first.
    pub places: Vec<PlaceMention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IncidentDate>,
    pub actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    /// The sentence marks this as another incident than the article's own
    /// ("a similar blaze hit … in 2019"): it never joins a row on vague grounds.
    #[serde(default)]
    pub distinct: bool,
}

impl Mention {
    /// Whether the mention names a place more specific than a continent.
    pub fn is_located(&self) -> bool {
        self.places.iter().any(|p| p.place.kind != PlaceKind::Continent)
    }
}

/// A source sentence of a register row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub article: ArticleId,
    pub source: String,
    pub span: Span,
    pub text: String,
    pub cue: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IncidentDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    /// Place names this source gives.
    pub places: Vec<String>,
    /// True when this source joined the row without a place or date of its own
    /// (it was the only row it could belong to).
    pub attached: bool,
}

/// One value of a disputed detail and the outlets giving it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    pub value: String,
    pub sources: Vec<String>,
}

/// A detail on which the sources of one row disagree, with every version kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// "count", "date", "place".
    pub field: String,
    pub values: Vec<ConflictValue>,
}

/// One register row: one real-world incident (or one place's several incidents
/// of a kind), with every sentence that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentRow {
    /// Stable id: hash of kind + place + date.
    pub id: String,
    pub kind: IncidentKind,
    pub multiplicity: Multiplicity,
    /// The most precise date the sources agree on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IncidentDate>,
    /// The most specific place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Every place the sources give (most specific first).
    pub places: Vec<Place>,
    /// Actors with attribution wording, one entry per distinct (actor, wording).
    pub actors: Vec<Actor>,
    /// The counts printed, per source order.
    pub counts: Vec<Count>,
    /// Distinct outlets.
    pub independent_sources: usize,
    pub outlets: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<NaiveDate>,
    pub sources: Vec<SourceRef>,
    pub conflicts: Vec<Conflict>,
}
