//! The dossier of one story: its data model and JSON schema. Dossiers are
//! built by `crosscheck-pipeline` (`stages::dossier`); this crate only
//! renders them.
//!
//! ## JSON schema (`"schema": "crosscheck.dossier/1"`)
//!
//! Stable within a major version; fields are only added.
//!
//! * `schema`, `story_id` (`"story-" + first article id`), `generated_by`,
//!   `embedding_model?` (the sentence-embedding model claims were aligned and
//!   the story clustered with; absent: words alone);
//! * `summary`: `headline`, `lines` (a few sentences), `article_count`,
//!   `outlet_count`, `independent_outlets`, `first_date`/`last_date` (ISO, optional);
//! * `articles[]`: `id`, `source`, `path`, `title?`, `published?` (ISO date),
//!   `duplicate_of?` (article id of the text it copies), `dup_group` (index;
//!   equal for copies), `text` (the stored text) and `sentences[]` (byte spans
//!   `{start,end}`); every cite's `span` lies inside one of these texts, and the
//!   HTML anchors `#<article id>-s<sentence index>`;
//! * `people[]`: `name`, `aliases`, `roles[]` (`source`, `article`, `text`, `span`), `sources`;
//! * `quotes[]` (quote groups): `id`, `speaker?`, `members[]` (`cite`, `speaker?`,
//!   `speaker_method?`, `version`, `scare_quote`), `versions[]` (`text`, `sources`,
//!   `punctuation_differs`), `reference`, `variants[]` (`version`, `reference`,
//!   `kind` ∈ identical | punctuation_only | shortened | extended | words_dropped |
//!   words_added | wording_changed, `diff[]` of `{op: equal|delete|insert, text}`),
//!   `sources`, `independent_sources`;
//! * `claims[]`: `id`, `text`, `status` ∈ corroborated | single_source, `support[]`
//!   (cites), `sources`, `independent_sources`, `specifics?`;
//! * `conflicts[]`: `kind` ∈ role | number | date, `subject`, `claim?`, `sides[]`
//! * `developments[]`: `subject`, `steps[]` (`date`, `value`, `sources`, `cites`), in date order
//! * `vague_counts[]`: like `conflicts[]` (kind number): exact against vague counts of one fact
//!   (`value`, `sources`, `cites`);
//! * `framing`: `reference_group?`, `reference_speaker?`, `reference_text?`,
//!   `reference_certainty?`, `rows[]` (`source`, `article`, `lead`, `lead_cites`,
//!   `certainty {score, boosters, hedges}`, `flagged`);
//! * `timeline[]`: `kind`, `date?` (`[start, end]` ISO), `date_text?`, `places`,
//!   `summary`, `sources`, `cites`;
//! * `incidents[]`: the story's incident register rows, as
//!   `crosscheck_incidents::IncidentRow` serialises them (`id`, `kind`,
//!   `multiplicity`, `date?`, `place?`, `places`, `actors`, `counts`,
//!   `independent_sources`, `outlets`, `sources[]` with spans, `conflicts`).
//!
//! * `problems[]` (absent when none): a stage that failed on one article or on
//!   the whole story while the dossier was built, as `stage` (read | annotate |
//!   dedup | compare | incidents | dossier), `article?`, `path?`, `message`. The
//!   dossier is complete except for what that stage would have added: an
//!   article whose annotation failed is listed with its text as one sentence and
//!   takes part in nothing else.
//!
//! A cite is `{article, source, span: {start, end}, text}`.

use chrono::NaiveDate;
use crosscheck_compare::{Claim, Conflict, Development, Framing, Person, QuoteGroup, TimelineEvent};
use crosscheck_core::{ArticleId, Span};
use serde::{Deserialize, Serialize};

/// Schema name and major version of the dossier JSON.
pub const SCHEMA: &str = "crosscheck.dossier/1";

/// The story in a few lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub headline: String,
    pub lines: Vec<String>,
    pub article_count: usize,
    pub outlet_count: usize,
    pub independent_outlets: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_date: Option<NaiveDate>,
    /// Ids of the single-source claims the summary lists: at most
    /// `crosscheck_compare::tables::SUMMARY_SINGLE_SOURCE`, the most worth
    /// checking first; the others are in `claims` ("show all").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub single_source_top: Vec<String>,
}

/// One article of the story, with its text for the appendix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierArticle {
    pub id: ArticleId,
    pub source: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<ArticleId>,
    pub dup_group: usize,
    pub text: String,
    pub sentences: Vec<Span>,
}

impl DossierArticle {
    /// Index of the sentence holding byte `pos`, for anchors.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        self.sentences.iter().position(|s| s.start <= pos && pos < s.end.max(s.start + 1))
    }
}

/// Everything crosscheck tells about one story. See the module docs for the schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    pub schema: String,
    pub story_id: String,
    pub generated_by: String,
    pub summary: Summary,
    pub articles: Vec<DossierArticle>,
    pub people: Vec<Person>,
    pub quotes: Vec<QuoteGroup>,
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
    /// Figures that changed over time, each step dated and cited (a rising
    /// toll is a development, not a conflict).
    #[serde(default)]
    pub developments: Vec<Development>,
    /// Facts some outlets count exactly, others only vaguely (compatible).
    #[serde(default)]
    pub vague_counts: Vec<Conflict>,
    pub framing: Framing,
    pub timeline: Vec<TimelineEvent>,
    /// Incident register rows of this story (from `crosscheck-incidents`).
    #[serde(default)]
    pub incidents: Vec<crosscheck_incidents::IncidentRow>,
    /// The sentence-embedding model claims were aligned with; absent when
    /// they were aligned on words alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedding_model: Option<String>,
    /// Stages that failed while this dossier was built (see the module docs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// A stage that failed on one article (or on the whole story) while a dossier
/// was built; what that stage would have added is missing, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The stage: `annotate`, `dedup`, `compare`, `incidents` or `dossier`.
    pub stage: String,
    /// The article it failed on (`None`: the story as a whole).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleId>,
    /// That article's path (file, `file#record` or URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What went wrong (a panic's message and place, or the error).
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.path, &self.article) {
            (Some(p), _) => write!(f, "{p}: the {} stage failed ({}); ", self.stage, self.message)?,
            (None, Some(a)) => write!(f, "article {a}: the {} stage failed ({}); ", self.stage, self.message)?,
            (None, None) => write!(f, "the {} stage failed ({}); ", self.stage, self.message)?,
        }
        f.write_str(match (self.stage.as_str(), self.article.is_some()) {
            ("annotate", true) => "the article is listed in its story without annotations",
            (_, true) => "the article is left out of that stage's findings",
            _ => "the story's dossier lacks that stage's findings",
        })
    }
}

impl Dossier {
    /// How claims were aligned, for the reader: with which model, or on words alone.
    pub fn alignment_note(&self) -> String {
        match &self.embedding_model {
            Some(m) => format!("claims aligned by word overlap and {m} sentence embeddings"),
            None => "claims aligned by word overlap".to_string(),
        }
    }

    /// The article with id `id`.
    pub fn article(&self, id: &ArticleId) -> Option<&DossierArticle> {
        self.articles.iter().find(|a| &a.id == id)
    }

    /// HTML anchor of the sentence a cite starts in.
    pub fn anchor(&self, article: &ArticleId, span: Span) -> String {
        match self.article(article).and_then(|a| a.sentence_at(span.start)) {
            Some(i) => format!("{article}-s{i}"),
            None => article.to_string(),
        }
    }
}

