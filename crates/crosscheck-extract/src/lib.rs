//! # crosscheck-extract
//!
//! Per-article annotation: sentences, direct quotes with their speakers, people
//! and organisations with their roles, quantities and dates. Every finding is a
//! [`Span`] into the article's text plus a typed payload and the evidence and
//! confidence it rests on. Where evidence is weak the answer is "unknown".
//!
//! Pipeline of [`annotate`]: [`split_sentences`] (cutting off the dateline,
//! [`dateline`], also recorded as its own layer) → quotations
//! ([`quotes`]) → entities and roles ([`entities`], German: [`entities_de`]; [`roles`]) → speaker
//! attribution ([`attribution`]) → quantities ([`numbers`]) → dates
//! ([`dates`]: the one finder and resolver, against the article's own date)
//! → reported happenings ([`events`]) → place names resolved through the
//! bundled [`gazetteer`] ([`places`]). Story-level merging of people lives in [`story`]. All
//! cue words and thresholds are in [`tables`]; no rule names a person, outlet
//! or phrase of any particular story.

pub mod attribution;
pub mod dateline;
pub mod dates;
pub mod entities;
pub mod entities_de;
pub mod events;
pub mod gazetteer;
pub mod given_names;
pub mod numbers;
pub mod places;
pub mod quotes;
pub mod roles;
pub mod sentences;
pub mod speaker_weights;
pub mod speakers;
pub mod speech;
pub mod speech_weights;
pub mod story;
pub mod tables;
mod tokens;

use chrono::NaiveDate;
use crosscheck_core::{Article, Span};
use serde::{Deserialize, Serialize};

pub use dateline::{article_dateline, find_dateline, Dateline};
pub use dates::{article_reference, find_dates, resolve_date, Reference};
pub use events::EventMention;
pub use places::{PlaceName, PlaceOrigin};
pub use sentences::split_sentences;
pub use story::{merge_people, names_compatible, roles_match, story_speaker_name, StoryPerson};
/// A sentence of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Article::paragraphs`.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A quotation of what someone said or wrote.
    Full,
    /// A short phrase in quotation marks ("pre-emptive strikes"): a term, not an utterance.
    ScareQuote,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Speaker {
    /// A named entity of this article (index into `Annotated::entities`).
    Entity { entity: usize },
    /// Named only by role ("Russia's ambassador to Belgium"); the story level may resolve it.
    Role { role: String },
    /// An anonymous source ("a senior diplomat").
    Anonymous { description: String },
}

/// Why a quote is attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub speaker: Speaker,
    /// The pattern that matched (e.g. "quote-said-name", "name-said-colon", "pronoun").
    pub method: String,
    /// The reporting verb as printed ("said", "warned", "claimed").
    pub cue: Option<String>,
    /// The text the attribution rests on (the speaker mention or the clause).
    pub evidence: Span,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, inside the quotation marks.
    pub span: Span,
    /// Including the quotation marks.
    pub outer: Span,
    pub kind: QuoteKind,
    /// Index of the sentence the quote starts in.
    pub sentence: usize,
    /// `None` when the evidence is too weak: unknown, not guessed.
    pub attribution: Option<Attribution>,
    /// The earlier quotation this one continues as one statement: a quotation
    /// interrupted by its attribution (“…,” she said. “…”), or resumed right
    /// after it. The unit's speaker is its first part's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<usize>,
    /// The reported clause a partial quotation sits in (“He said the plan was
    /// “dead on arrival” in the Senate”): from after the reporting verb to the
    /// end of the sentence. `None` when the quotation is the whole statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// A role or title phrase given to a person, as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleMention {
    pub text: String,
    pub span: Span,
    pub confidence: f32,
}

/// One entity of the article, its aliases merged (full name, surname, "the admiral").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest name printed.
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub roles: Vec<RoleMention>,
}

/// A number with what it counts ("over 110 sabotage incidents").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    pub value: f64,
    /// "over", "at least", "approximately"...
    pub qualifier: Option<String>,
    /// Unit or counted noun ("%", "million personnel", "sabotage incidents").
    pub unit: Option<String>,
    pub sentence: usize,
    /// The number as printed, without qualifier or unit ("110", "four",
    /// "multiple", "dozens of").
    pub number: Span,
    /// The counted noun phrase as printed ("sabotage incidents",
    /// "underwater cables"), when a noun follows the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<Span>,
    /// A vague count ("multiple cables", "dozens of drones",
    /// [`tables::VAGUE_COUNTS`]): `value` is then only the rough magnitude a
    /// number word gives ("dozens" 24), else 0. Years, days of month and
    /// clock times are never quantities.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// The upper end of a range printed as one quantity ("10-12 people",
    /// "between 10 and 12 people", "10 to 12 people"); `value` is the lower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// What happened to the counted thing, when the sentence says it next to
    /// the count: the participle after the noun phrase ("people were killed",
    /// "people dead") or the verb before the number ("killing 12 people").
    /// Counts of one noun with different predicates are different facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Span>,
}

/// The kinds of happening the event layer ([`events`]) recognises: the
/// incidents of hybrid-warfare reporting, then happenings that are not
/// incidents but belong on a story's timeline, then `Other`, an incident a
/// caller classifies by hand (the layer never produces it). This is also the
/// incident register's taxonomy (`crosscheck_incidents::IncidentKind` is this
/// type, restricted to [`EventKind::is_incident`]); the serialised names
/// ([`EventKind::as_str`]) are the register's export names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    SabotageArson,
    Explosion,
    CableDamage,
    DroneIncursion,
    AirspaceViolation,
    GpsJamming,
    CyberAttack,
    EspionageArrest,
    NavalShadowing,
    Strike,
    MilitaryAircraft,
    DiplomaticMeeting,
    Interview,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 14] = [
        EventKind::SabotageArson,
        EventKind::Explosion,
        EventKind::CableDamage,
        EventKind::DroneIncursion,
        EventKind::AirspaceViolation,
        EventKind::GpsJamming,
        EventKind::CyberAttack,
        EventKind::EspionageArrest,
        EventKind::NavalShadowing,
        EventKind::Strike,
        EventKind::MilitaryAircraft,
        EventKind::DiplomaticMeeting,
        EventKind::Interview,
        EventKind::Other,
    ];

    /// Machine name (as serialised).
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::SabotageArson => "sabotage_arson",
            EventKind::Explosion => "explosion",
            EventKind::CableDamage => "cable_damage",
            EventKind::DroneIncursion => "drone_incursion",
            EventKind::AirspaceViolation => "airspace_violation",
            EventKind::GpsJamming => "gps_jamming",
            EventKind::CyberAttack => "cyber_attack",
            EventKind::EspionageArrest => "espionage_arrest",
            EventKind::NavalShadowing => "naval_shadowing",
            EventKind::Strike => "strike",
            EventKind::MilitaryAircraft => "military_aircraft",
            EventKind::DiplomaticMeeting => "diplomatic_meeting",
            EventKind::Interview => "interview",
            EventKind::Other => "other",
        }
    }

    /// Human label (the timeline and the incident register print these).
    pub fn label(&self) -> &'static str {
        match self {
            EventKind::SabotageArson => "sabotage / arson",
            EventKind::Explosion => "explosion",
            EventKind::CableDamage => "cable or pipeline damage",
            EventKind::DroneIncursion => "drone incursion",
            EventKind::AirspaceViolation => "airspace violation",
            EventKind::GpsJamming => "GPS jamming",
            EventKind::CyberAttack => "cyber attack",
            EventKind::EspionageArrest => "espionage / arrest",
            EventKind::NavalShadowing => "naval shadowing",
            EventKind::Strike => "missile / drone strike",
            EventKind::MilitaryAircraft => "military aircraft near border",
            EventKind::DiplomaticMeeting => "diplomatic meeting",
            EventKind::Interview => "interview",
            EventKind::Other => "other",
        }
    }

    /// The kind a label of [`EventKind::label`] names.
    pub fn from_label(label: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.label() == label)
    }

    /// Whether the happening is an incident (a register row), not a meeting or an interview.
    pub fn is_incident(&self) -> bool {
        !matches!(self, EventKind::DiplomaticMeeting | EventKind::Interview)
    }

    /// Parse an incident kind from a machine name, a label, or free wording
    /// ("cable sabotage", "arson"): names and labels first, then short words,
    /// then the event layer's cue patterns ([`events::classify`]). `None` for
    /// wording that names no incident (meetings, interviews included).
    pub fn parse_incident(s: &str) -> Option<EventKind> {
        let t = s.trim().to_lowercase().replace(['-', ' ', '/'], "_");
        for k in EventKind::ALL.into_iter().filter(EventKind::is_incident) {
            let label = k.label().to_lowercase().replace(['-', ' ', '/'], "_");
            if t == k.as_str() || t == label || t.replace("__", "_") == label.replace("___", "_") {
                return Some(k);
            }
        }
        let short = match t.as_str() {
            "sabotage" | "arson" => Some(EventKind::SabotageArson),
            "cable" | "pipeline" => Some(EventKind::CableDamage),
            "drone" | "drones" => Some(EventKind::DroneIncursion),
            "airspace" => Some(EventKind::AirspaceViolation),
            "gps" | "jamming" => Some(EventKind::GpsJamming),
            "cyber" => Some(EventKind::CyberAttack),
            "espionage" | "arrest" => Some(EventKind::EspionageArrest),
            "naval" | "shadowing" => Some(EventKind::NavalShadowing),
            "aircraft" => Some(EventKind::MilitaryAircraft),
            _ => None,
        };
        short.or_else(|| events::classify(s).filter(EventKind::is_incident))
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a date mention was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateAnchor {
    /// Nothing: the full date (or month and year, or year) is printed.
    Absolute,
    /// The article's published date.
    ArticleDate,
    /// The story's date, passed explicitly by a caller that knows the story.
    StoryDate,
    /// The date printed in the article's dateline.
    Dateline,
    /// The mention needs a year or a reference day and none is known: it stays unresolved.
    #[default]
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    /// Relative to a reference day ("on Monday", "last month", "December 1") or absolute.
    pub relative: bool,
    /// Resolved range (start, end inclusive); `None` when it cannot be resolved.
    pub resolved: Option<(NaiveDate, NaiveDate)>,
    /// What it was resolved against; [`DateAnchor::None`] when it needs a reference and has none.
    #[serde(default)]
    pub anchor: DateAnchor,
    pub sentence: usize,
    pub confidence: f32,
}

/// An article with every annotation layer of this stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotated {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    /// The article's dateline, when it has one ([`dateline::article_dateline`]).
    #[serde(default)]
    pub dateline: Option<Dateline>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    /// Reported happenings, per sentence ([`events`]).
    #[serde(default)]
    pub events: Vec<EventMention>,
    /// Place names, per sentence, resolved through the gazetteer where known ([`places`]).
    #[serde(default)]
    pub places: Vec<PlaceName>,
}

impl Annotated {
    /// The spans of the sentence layer, in text order.
    pub fn sentence_spans(&self) -> Vec<Span> {
        self.sentences.iter().map(|s| s.span).collect()
    }

    /// Indices of the sentences starting strictly inside `span`: where an inner
    /// sentence of a quotation (or any stretch) begins.
    pub fn sentence_starts_inside(&self, span: Span) -> Vec<usize> {
        self.sentences.iter().map(|s| s.span.start).filter(|&st| st > span.start && st < span.end).collect()
    }

    /// The printed name of a quote speaker: the entity name, the role phrase or
    /// the anonymous description.
    pub fn speaker_name(&self, speaker: &Speaker) -> Option<String> {
        match speaker {
            Speaker::Entity { entity } => self.entities.get(*entity).map(|e| e.name.clone()),
            Speaker::Role { role } => Some(role.clone()),
            Speaker::Anonymous { description } => Some(description.clone()),
        }
    }
}

/// Annotate one article. Relative dates are resolved against the article's own
/// date (published, else its dateline); `story_date`, when a caller that knows
/// the article's story passes one, is used only when the article has neither,
/// and is recorded as [`DateAnchor::StoryDate`]. Failing all, they stay unresolved.
pub fn annotate(article: &Article, story_date: Option<NaiveDate>) -> Annotated {
    annotate_with(article, story_date, true).0
}

/// The article's language as the quote layer reads it: the detected language,
/// else English.
fn article_language(article: &Article) -> &str {
    article.language.as_deref().unwrap_or("en")
}

/// What the speaker ranker is learned from: the article annotated with the rule
/// pass's attributions only (no ranking), and every statement's candidates with
/// their features (`crosscheck bench learn-speakers`).
pub fn speaker_candidates(article: &Article) -> (Annotated, Vec<speakers::StatementCandidates>) {
    let (annotated, candidates) = annotate_with(article, None, false);
    (annotated, candidates.unwrap_or_default())
}

/// What the speech model is learned from: every quotation of the article with
/// the rule classifier's kind, and its features (`crosscheck bench learn-speech`).
pub fn speech_candidates(article: &Article) -> (Vec<Quote>, Vec<speech::SpeechFeatures>) {
    let text = &article.text;
    let sentences = split_sentences(text);
    let lexicon = crosscheck_lexicon::for_language(article_language(article));
    let quotes = quotes::find_quotes(text, &sentences, lexicon);
    let index = entities::find_entities_in(text, &sentences, lexicon);
    let headline = speech::headline_end(text);
    let features = (0..quotes.len()).map(|qi| speech::features(text, &sentences, &quotes, qi, &index, lexicon, headline)).collect();
    (quotes, features)
}

fn annotate_with(article: &Article, story_date: Option<NaiveDate>, rank: bool) -> (Annotated, Option<Vec<speakers::StatementCandidates>>) {
    let text = &article.text;
    let sentences = split_sentences(text);
    let dateline = dateline::article_dateline(article);
    let language = article_language(article);
    let lexicon = crosscheck_lexicon::for_language(language);
    let mut quotes = quotes::find_quotes(text, &sentences, lexicon);
    let index = entities::find_entities_in(text, &sentences, lexicon);
    let speech_model = speech_weights::for_language(language);
    if let Some(model) = &speech_model {
        speech::classify_quotes(text, &sentences, &mut quotes, &index, lexicon, model);
    }
    attribution::attribute(text, &sentences, &mut quotes, &index, speech_model.is_some());
    let mut learning = None;
    if rank {
        if let Some(weights) = speaker_weights::for_language(language) {
            speakers::rank(text, &sentences, &mut quotes, &index, lexicon, weights);
        }
    } else {
        learning = Some(speakers::candidates(text, &sentences, &quotes, &index, lexicon));
    }
    let reference = dates::article_reference(article, dateline.as_ref())
        .or(story_date.map(|date| Reference { date, anchor: DateAnchor::StoryDate }));
    let quantities = numbers::find_quantities(text, &sentences);
    let dates = dates::find_dates(text, &sentences, reference);
    let events = events::find_events(text, &sentences);
    let places = places::find_places(text, &sentences);
    (Annotated { article: article.clone(), sentences, dateline, quotes, entities: index.entities, quantities, dates, events, places }, learning)
}

/// One quotation as a flat record: what `crosscheck quotes` prints and what the
/// quote scorers read. Spans are byte offsets into the article text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// The quoted words; the parts of a statement interrupted by its
    /// attribution are joined with " … ".
    pub quote: String,
    /// The first part's span.
    pub quote_span: Span,
    /// Every part's span, in text order (one for an uninterrupted quotation).
    pub parts: Vec<Span>,
    /// What the speaker is reported to have said: the quote itself, or for a
    /// partial quotation the reported clause around it (`Quote::content`).
    pub content: String,
    pub content_span: Span,
    /// A word or two in quotation marks used as a term, not reported speech.
    pub scare_quote: bool,
    /// The quotation sits in a clause a reporting or naming verb governs
    /// (`content` is that clause): a partial quotation, or a term quoted inside
    /// a reported statement.
    pub in_reported_clause: bool,
    /// The speaker's full name as resolved in the article (the entity's name, or
    /// the role or anonymous description); `None` when the quote is unattributed.
    pub speaker: Option<String>,
    /// The speaker as printed next to the quote ("he", "Mr. Clarke", "the minister").
    pub speaker_as_printed: Option<String>,
    pub speaker_span: Option<Span>,
    /// The speaker's role as the article gives it ("the interior minister").
    pub role: Option<String>,
    /// The reporting verb ("said", "sagte").
    pub cue: Option<String>,
    /// How the speaker was found (the attribution method).
    pub method: Option<String>,
    pub confidence: f32,
    /// Why no speaker is given, when none is.
    pub abstained: Option<String>,
}

impl Annotated {
    /// Every quotation of the article as a flat record, in text order.
    pub fn quote_records(&self) -> Vec<QuoteRecord> {
        let text = &self.article.text;
        self.quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.continues.is_none())
            .map(|(qi, q)| {
                // In text order: a clause's full quotation heads the terms before it.
                let mut parts: Vec<Span> = std::iter::once(q.span)
                    .chain(self.quotes.iter().filter(|p| p.continues == Some(qi)).map(|p| p.span))
                    .collect();
                parts.sort_by_key(|p| p.start);
                let a = q.attribution.as_ref();
                let role = a.and_then(|a| match &a.speaker {
                    Speaker::Entity { entity } => self.entities.get(*entity).and_then(|e| e.roles.first()).map(|r| r.text.clone()),
                    Speaker::Role { role } => Some(role.clone()),
                    Speaker::Anonymous { .. } => None,
                });
                QuoteRecord {
                    content: match q.content {
                        Some(c) => c.slice(text).to_string(),
                        None => parts.iter().map(|p| p.slice(text)).collect::<Vec<_>>().join(" … "),
                    },
                    content_span: q.content.unwrap_or(q.span),
                    quote: parts.iter().map(|p| p.slice(text)).collect::<Vec<_>>().join(" … "),
                    quote_span: parts[0],
                    parts,
                    scare_quote: q.kind == QuoteKind::ScareQuote,
                    in_reported_clause: q.content.is_some(),
                    speaker: a.and_then(|a| self.speaker_name(&a.speaker)),
                    speaker_as_printed: a.and_then(|a| text.get(a.evidence.start..a.evidence.end)).map(str::to_string),
                    speaker_span: a.map(|a| a.evidence),
                    role,
                    cue: a.and_then(|a| a.cue.clone()),
                    method: a.map(|a| a.method.clone()),
                    confidence: a.map(|a| a.confidence).unwrap_or(0.0),
                    abstained: match (a, q.kind) {
                        (Some(_), _) => None,
                        (None, QuoteKind::ScareQuote) => Some("scare quote: no speech to attribute".into()),
                        (None, QuoteKind::Full) => Some("no candidate speaker near the quotation".into()),
                    },
                }
            })
            .collect()
    }
}
