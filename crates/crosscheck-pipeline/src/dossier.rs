//! Building the dossier of one story from its stages' outputs: the summary,
//! the timeline (comparison events merged with the incident register), the
//! story date, and the batch [`analyze`] over the same stage entry points the
//! incremental pipeline uses. The dossier's model and schema are
//! `crosscheck_report::model`.

use std::collections::HashMap;

use chrono::NaiveDate;
use crosscheck_compare::{Claim, ClaimStatus, Comparison, TimelineEvent};
use crosscheck_core::{Article, SentenceEncoder};
use crosscheck_extract::Annotated;
use crosscheck_report::{Dossier, DossierArticle, Problem, Summary, SCHEMA};

use crate::guard::guarded;
use crate::stages::{self, DupGroups};
use crate::{PipelineError, Stage, Work};

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
pub fn story_date(articles: &[Article]) -> Option<NaiveDate> {
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
    build(story_id, articles, encoder, &Work::default())
}

/// [`stages::dossier`]: annotate each article once, group copies, compare,
/// build the incident register, and assemble the dossier. Each stage runs
/// [`guarded`]: one that fails on an article or on the story is listed in the
/// dossier's `problems` (stage, article, path) and the dossier is built
/// without what it would have added. An article whose annotation failed stays
/// in the dossier (its text as one sentence) and takes part in nothing else.
pub(crate) fn build(story_id: &str, articles: &[Article], encoder: Option<&dyn SentenceEncoder>, work: &Work) -> Dossier {
    let timed = encoder.map(|inner| TimedEncoder { inner, work });
    let encoder = timed.as_ref().map(|t| t as &dyn SentenceEncoder);
    let mut problems: Vec<Problem> = Vec::new();
    let mut fail = |stage: Stage, article: Option<&Article>, message: String| {
        tracing::warn!(story = story_id, stage = stage.name(), path = article.map(|a| a.path.as_str()), article = article.map(|a| a.id.as_str()), "{message}; going on without it");
        work.problem();
        problems.push(Problem { stage: stage.name().to_string(), article: article.map(|a| a.id.clone()), path: article.map(|a| a.path.clone()), message });
    };
    let sdate = story_date(articles);
    let mut unannotated = vec![false; articles.len()];
    let docs: Vec<Annotated> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            work.annotated(story_id);
            // The story's date resolves relative dates only of an article without a date of its own.
            match work.time(Stage::Annotate, || guarded(|| stages::annotate(a, sdate))) {
                Ok(d) => d,
                Err(e) => {
                    fail(Stage::Annotate, Some(a), e);
                    unannotated[i] = true;
                    without_layers(a)
                }
            }
        })
        .collect();
    let groups: DupGroups = work.time(Stage::Dedup, || guarded(|| stages::dedup_groups(articles))).unwrap_or_else(|e| {
        fail(Stage::Dedup, None, e);
        DupGroups { group_of: (0..articles.len()).collect(), copy_of: vec![None; articles.len()] }
    });
    let cmp: Comparison = work.time(Stage::Compare, || guarded(|| stages::compare(&docs, &groups, sdate, encoder))).unwrap_or_else(|e| {
        fail(Stage::Compare, None, e);
        empty_comparison()
    });
    let incidents = work.time(Stage::Incidents, || guarded(|| stages::incidents(&docs))).unwrap_or_else(|e| {
        fail(Stage::Incidents, None, e);
        Vec::new()
    });
    let assembled = work.time(Stage::Dossier, || {
        guarded(|| {
            let summary = summarize(articles, &groups.group_of, &cmp);
            let timeline = merge_timeline(cmp.timeline.clone(), &incidents);
            (summary, timeline)
        })
    });
    let (summary, timeline) = assembled.unwrap_or_else(|e| {
        fail(Stage::Dossier, None, e);
        (bare_summary(articles), Vec::new())
    });
    let dossier_articles: Vec<DossierArticle> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| DossierArticle {
            id: d.article.id.clone(),
            source: d.article.source.clone(),
            path: d.article.path.clone(),
            title: d.article.title.clone(),
            published: d.article.published.as_ref().map(|p| p.date),
            duplicate_of: groups.copy_of[i].clone(),
            dup_group: groups.group_of[i],
            text: d.article.text.clone(),
            sentences: if unannotated[i] { whole_text(&d.article) } else { d.sentence_spans() },
        })
        .collect();
    work.built(story_id);
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
        developments: cmp.developments,
        vague_counts: cmp.vague_counts,
        framing: cmp.framing,
        timeline,
        incidents,
        embedding_model: encoder.map(|e| e.model_name().to_string()),
        problems,
    }
}

/// The dossier of a story whose dossier could not be assembled at all: its
/// articles (each as one sentence) and the problem, nothing found. So no
/// article of a story is ever missing from the stored dossiers.
pub fn bare_dossier(story_id: &str, articles: &[Article], problem: Problem) -> Dossier {
    Dossier {
        schema: SCHEMA.to_string(),
        story_id: story_id.to_string(),
        generated_by: format!("crosscheck-report {}", env!("CARGO_PKG_VERSION")),
        summary: bare_summary(articles),
        articles: articles
            .iter()
            .enumerate()
            .map(|(i, a)| DossierArticle {
                id: a.id.clone(),
                source: a.source.clone(),
                path: a.path.clone(),
                title: a.title.clone(),
                published: a.published.as_ref().map(|p| p.date),
                duplicate_of: None,
                dup_group: i,
                text: a.text.clone(),
                sentences: whole_text(a),
            })
            .collect(),
        people: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
        conflicts: Vec::new(),
        developments: Vec::new(),
        vague_counts: Vec::new(),
        framing: Default::default(),
        timeline: Vec::new(),
        incidents: Vec::new(),
        embedding_model: None,
        problems: vec![problem],
    }
}

/// An article with no annotation layer (its annotation failed): later stages
/// simply find nothing in it.
fn without_layers(a: &Article) -> Annotated {
    Annotated { article: a.clone(), sentences: Vec::new(), dateline: None, quotes: Vec::new(), entities: Vec::new(), quantities: Vec::new(), dates: Vec::new(), events: Vec::new(), places: Vec::new() }
}

/// The sentence layer of an unannotated article in the dossier: its whole text.
fn whole_text(a: &Article) -> Vec<crosscheck_core::Span> {
    vec![crosscheck_core::Span::new(0, a.text.len())]
}

fn empty_comparison() -> Comparison {
    Comparison { people: Vec::new(), claims: Vec::new(), quote_groups: Vec::new(), conflicts: Vec::new(), developments: Vec::new(), vague_counts: Vec::new(), framing: Default::default(), timeline: Vec::new() }
}

/// A summary from counts alone.
fn bare_summary(articles: &[Article]) -> Summary {
    let mut outlets: Vec<&str> = articles.iter().map(|a| a.source.as_str()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let dates: Vec<NaiveDate> = articles.iter().filter_map(|a| a.published.as_ref().map(|p| p.date)).collect();
    Summary {
        headline: articles.first().map(|a| a.lead().to_string()).unwrap_or_default(),
        lines: vec![format!("{} reports from {} outlets; not cross-checked (see problems).", articles.len(), outlets.len())],
        article_count: articles.len(),
        outlet_count: outlets.len(),
        independent_outlets: articles.len(),
        first_date: dates.iter().min().copied(),
        last_date: dates.iter().max().copied(),
        single_source_top: Vec::new(),
    }
}

/// The encoder the stages of one dossier see: the real one, timed as [`Stage::Embed`].
#[derive(Debug)]
struct TimedEncoder<'a> {
    inner: &'a dyn SentenceEncoder,
    work: &'a Work,
}

impl SentenceEncoder for TimedEncoder<'_> {
    fn model_name(&self) -> &str {
        self.inner.model_name()
    }
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, crosscheck_core::EncodeError> {
        self.work.time(Stage::Embed, || self.inner.encode(texts))
    }
    fn reads_language(&self, language: Option<&str>) -> bool {
        self.inner.reads_language(language)
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
    let single_source_top: Vec<String> = cmp
        .claims
        .iter()
        .filter(|c| c.status == ClaimStatus::SingleSource)
        .take(crosscheck_compare::tables::SUMMARY_SINGLE_SOURCE)
        .map(|c| c.id.clone())
        .collect();
    if single > single_source_top.len() {
        lines.push(format!(
            "{} corroborated claims, {} resting on a single outlet (the {} most worth checking first are listed).",
            corroborated.len(),
            single,
            single_source_top.len()
        ));
    } else {
        lines.push(format!("{} corroborated claims, {} resting on a single outlet.", corroborated.len(), single));
    }
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
                    crosscheck_compare::ConflictKind::Number => format!("count of {}", c.subject),
                    crosscheck_compare::ConflictKind::Date => "date of one event".to_string(),
                };
                format!("{what}: {}", values.join(" vs "))
            })
            .collect();
        lines.push(format!("{} conflict(s) between outlets: {}.", cmp.conflicts.len(), subj.join("; ")));
    }
    for dv in cmp.developments.iter().take(4) {
        let steps: Vec<String> = dv.steps.iter().map(|s| format!("{} on {}", s.value, s.date)).collect();
        lines.push(format!("Changed over time, {}: {}.", dv.subject, steps.join(" -> ")));
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
        single_source_top,
    }
}

/// Cluster `articles` into stories and build each story's dossier, largest
/// story first; `encoder`, when given, is used by clustering and claim
/// alignment. The batch form of [`crate::Pipeline`], without a store, on the
/// same stage entry points ([`stages::stories`], [`stages::dossier`]).
pub fn analyze(articles: &[Article], encoder: Option<&dyn SentenceEncoder>) -> Result<Vec<Dossier>, PipelineError> {
    analyze_counted(articles, encoder, &Work::default())
}

/// [`analyze`], counting the work in `work`.
pub fn analyze_counted(articles: &[Article], encoder: Option<&dyn SentenceEncoder>, work: &Work) -> Result<Vec<Dossier>, PipelineError> {
    let mut out = Vec::new();
    for (id, members) in stages::stories(articles, encoder)? {
        let members: Vec<Article> = members.into_iter().filter_map(|i| articles.get(i).cloned()).collect();
        if members.is_empty() {
            continue;
        }
        out.push(stages::dossier(&id, &members, encoder, work));
    }
    sort_largest_first(&mut out);
    Ok(out)
}

/// The order dossiers are listed in: largest story first, then by id.
pub fn sort_largest_first(dossiers: &mut [Dossier]) {
    dossiers.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.story_id.cmp(&b.story_id)));
}
