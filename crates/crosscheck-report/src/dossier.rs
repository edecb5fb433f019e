//! The dossier of one story and how it is built.
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
//! A cite is `{article, source, span: {start, end}, text}`.

use std::collections::HashMap;

use chrono::NaiveDate;
use crosscheck_cluster::{DedupConfig, StoryConfig};
use crosscheck_compare::{compare, Claim, ClaimStatus, Comparison, Conflict, Framing, Person, QuoteGroup, StoryInput, TimelineEvent};
use crosscheck_core::{Article, ArticleId, SentenceEncoder, Span};
use crosscheck_extract::{annotate, Annotated};
use serde::{Deserialize, Serialize};

use crate::ReportError;

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
    pub framing: Framing,
    pub timeline: Vec<TimelineEvent>,
    /// Incident register rows of this story (from `crosscheck-incidents`).
    #[serde(default)]
    pub incidents: Vec<crosscheck_incidents::IncidentRow>,
    /// The sentence-embedding model claims were aligned with; absent when
    /// they were aligned on words alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedding_model: Option<String>,
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

/// The story's timeline: the incident register's rows (merged, placed, dated
/// by the incident stage) plus the comparison's other events (meetings,
/// interviews); the comparison's own incident events only when the register
/// found none.
fn merge_timeline(events: Vec<TimelineEvent>, rows: &[crosscheck_incidents::IncidentRow]) -> Vec<TimelineEvent> {
    if rows.is_empty() {
        return events;
    }
    let mut out: Vec<TimelineEvent> = events.into_iter().filter(|e| crosscheck_extract::EventKind::from_label(&e.kind).is_some_and(|k| !k.is_incident())).collect();
    for r in rows {
        let cites: Vec<crosscheck_compare::Cite> = r
            .sources
            .iter()
            .map(|s| crosscheck_compare::Cite { article: s.article.clone(), source: s.source.clone(), span: s.span, text: s.text.clone() })
            .collect();
        out.push(TimelineEvent {
            kind: r.kind.label().to_string(),
            date: r.date.as_ref().map(|d| (d.start, d.end)),
            date_text: r.date.as_ref().map(|d| d.text.clone()),
            places: r.places.iter().map(|p| p.name.clone()).collect(),
            summary: cites.first().map(|c| c.text.clone()).unwrap_or_default(),
            sources: r.outlets.clone(),
            cites,
        });
    }
    out.sort_by(|a, b| a.date.map(|d| d.0).cmp(&b.date.map(|d| d.0)).then(b.sources.len().cmp(&a.sources.len())));
    out
}

/// The story's date: the most common publication date of its articles.
fn story_date(articles: &[Article]) -> Option<NaiveDate> {
    let mut counts: HashMap<NaiveDate, usize> = HashMap::new();
    for a in articles {
        if let Some(p) = &a.published {
            *counts.entry(p.date).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|(d, c)| (*c, *d)).map(|(d, _)| d)
}

/// Build the dossier of one story with id `"story-" + first article id`.
pub fn build_dossier(articles: &[Article], encoder: Option<&dyn SentenceEncoder>) -> Dossier {
    let id = articles.first().map(|a| format!("story-{}", a.id)).unwrap_or_else(|| "story-empty".into());
    build_dossier_with_id(&id, articles, encoder)
}

/// Build the dossier of one story (its articles in any order). `encoder`, when
/// given, adds sentence embeddings to claim alignment.
pub fn build_dossier_with_id(story_id: &str, articles: &[Article], encoder: Option<&dyn SentenceEncoder>) -> Dossier {
    let sdate = story_date(articles);
    let docs: Vec<Annotated> = articles
        .iter()
        .map(|a| {
            // The story's date resolves relative dates of an article without a date of its own.
            annotate(a, sdate)
        })
        .collect();
    // Near-duplicate groups: copies of one text count as one outlet's evidence.
    let mut group_of: Vec<usize> = (0..articles.len()).collect();
    let mut copy_of: Vec<Option<ArticleId>> = vec![None; articles.len()];
    match crosscheck_cluster::dedup(articles, &DedupConfig::default()) {
        Ok(groups) => {
            for g in groups {
                let c = g.canonical.index as usize;
                for cp in g.copies {
                    let i = cp.member.index as usize;
                    if i < group_of.len() && c < group_of.len() {
                        group_of[i] = group_of[c];
                        copy_of[i] = Some(cp.copy_of.clone());
                    }
                }
            }
        }
        Err(e) => tracing::warn!("dedup failed, counting every article as independent: {e}"),
    }
    let cmp: Comparison = compare(StoryInput { docs: &docs, dup_groups: &group_of, story_date: sdate, encoder });
    let dossier_articles: Vec<DossierArticle> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| DossierArticle {
            id: d.article.id.clone(),
            source: d.article.source.clone(),
            path: d.article.path.clone(),
            title: d.article.title.clone(),
            published: d.article.published.as_ref().map(|p| p.date),
            duplicate_of: copy_of[i].clone(),
            dup_group: group_of[i],
            text: d.article.text.clone(),
            sentences: d.sentence_spans(),
        })
        .collect();
    let summary = summarize(articles, &group_of, &cmp);
    let mentions = docs.iter().flat_map(|d| crosscheck_incidents::mentions(d, d.article.published.as_ref().map(|p| p.date).or(sdate))).collect();
    let incidents = crosscheck_incidents::build_register(mentions).rows;
    let timeline = merge_timeline(cmp.timeline.clone(), &incidents);
    Dossier {
        schema: SCHEMA.to_string(),
        story_id: story_id.to_string(),
        generated_by: format!("crosscheck-report {}", env!("CARGO_PKG_VERSION")),
        summary,
        articles: dossier_articles,
        people: cmp.people,
        quotes: cmp.quote_groups,
        claims: cmp.claims,
        conflicts: cmp.conflicts,
        framing: cmp.framing,
        timeline,
        incidents,
        embedding_model: encoder.map(|e| e.model_name().to_string()),
    }
}

fn summarize(articles: &[Article], groups: &[usize], cmp: &Comparison) -> Summary {
    let mut outlets: Vec<&str> = articles.iter().map(|a| a.source.as_str()).collect();
    outlets.sort();
    outlets.dedup();
    let mut g = groups.to_vec();
    g.sort();
    g.dedup();
    let dates: Vec<NaiveDate> = articles.iter().filter_map(|a| a.published.as_ref().map(|p| p.date)).collect();
    let corroborated: Vec<&Claim> = cmp.claims.iter().filter(|c| c.status == ClaimStatus::Corroborated).collect();
    let single = cmp.claims.len() - corroborated.len();
    // The headline is the most faithful lead: the unflagged lead whose
    // certainty is closest to the source's own words.
    let reference = cmp.framing.reference_certainty.as_ref().map_or(crosscheck_compare::tables::CERTAINTY_BASE, |c| c.score);
    let headline = cmp
        .framing
        .rows
        .iter()
        .filter(|r| !r.flagged && cmp.framing.reference_certainty.is_some())
        .min_by(|a, b| (a.certainty.score - reference).abs().total_cmp(&(b.certainty.score - reference).abs()))
        .and_then(|r| r.lead_cites.iter().find(|c| crosscheck_core::text::word_count(&c.text) > 8).map(|c| c.text.clone()))
        .or_else(|| corroborated.first().map(|c| c.text.clone()))
        .or_else(|| articles.first().map(|a| a.lead().to_string()))
        .unwrap_or_default();
    let mut lines = vec![format!(
        "{} reports from {} outlets ({} independent texts).",
        articles.len(),
        outlets.len(),
        g.len()
    )];
    if let Some(q) = cmp.quote_groups.first() {
        lines.push(format!(
            "Most widely quoted: {} — \u{201c}{}\u{201d} ({} outlets).",
            q.speaker.as_deref().unwrap_or("unattributed"),
            q.versions[q.reference].text,
            q.independent_sources
        ));
    }
    lines.push(format!("{} corroborated claims, {} resting on a single outlet.", corroborated.len(), single));
    let changed: usize = cmp.quote_groups.iter().map(|q| q.variants.iter().filter(|v| v.kind.is_wording_change()).count()).sum();
    if changed > 0 {
        lines.push(format!("{changed} quotation(s) printed with different wording by different outlets (punctuation differences ignored)."));
    }
    if !cmp.conflicts.is_empty() {
        let subj: Vec<String> = cmp
            .conflicts
            .iter()
            .take(4)
            .map(|c| {
                let values: Vec<String> = c.sides.iter().map(|s| format!("\u{201c}{}\u{201d} ({})", s.value, s.sources.join(", "))).collect();
                let what = match c.kind {
                    crosscheck_compare::ConflictKind::Role => format!("title of {}", c.subject),
                    crosscheck_compare::ConflictKind::Number => format!("number of {}", c.subject),
                    crosscheck_compare::ConflictKind::Date => "date of one event".to_string(),
                };
                format!("{what}: {}", values.join(" vs "))
            })
            .collect();
        lines.push(format!("{} conflict(s) between outlets: {}.", cmp.conflicts.len(), subj.join("; ")));
    }
    let flagged: Vec<&str> = cmp.framing.rows.iter().filter(|r| r.flagged).map(|r| r.source.as_str()).collect();
    if !flagged.is_empty() {
        lines.push(format!("Leads more certain than the quoted source: {}.", flagged.join(", ")));
    }
    Summary {
        headline,
        lines,
        article_count: articles.len(),
        outlet_count: outlets.len(),
        independent_outlets: g.len(),
        first_date: dates.iter().min().copied(),
        last_date: dates.iter().max().copied(),
    }
}

/// Cluster `articles` into stories and build each story's dossier, largest
/// story first; `encoder`, when given, is used by clustering and claim alignment.
pub fn analyze(articles: &[Article], encoder: Option<&dyn SentenceEncoder>) -> Result<Vec<Dossier>, ReportError> {
    let clusterer = crosscheck_cluster::cluster(articles, &StoryConfig::default(), encoder).map_err(|e| ReportError::Cluster(e.to_string()))?;
    let mut out = Vec::new();
    for s in clusterer.stories() {
        let members: Vec<Article> = s.articles.iter().filter_map(|m| articles.get(m.index as usize).cloned()).collect();
        if members.is_empty() {
            continue;
        }
        out.push(build_dossier_with_id(&s.id, &members, encoder));
    }
    out.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.story_id.cmp(&b.story_id)));
    Ok(out)
}
