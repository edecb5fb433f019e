//! One entry point per stage, over plain data: each takes what the stage
//! reads (one article, or one story's rows) and returns what it produces,
//! with no store, lock or queue in between, so a stage can run on another
//! executor (a Spark job, a NATS worker) as well as here. The batch
//! [`crate::analyze`] and the incremental [`crate::Pipeline`] both call
//! these and nothing else.

use chrono::NaiveDate;
use crosscheck_cluster::{DedupConfig, StoryConfig};
use crosscheck_compare::{Comparison, StoryInput};
use crosscheck_core::{Article, ArticleId, SentenceEncoder};
use crosscheck_extract::Annotated;
use crosscheck_incidents::IncidentRow;
use crosscheck_report::Dossier;

use crate::{PipelineError, Work};

pub use crate::dossier::story_date;

/// One article's layers (the extract stage). Relative dates are resolved
/// against the article's own date (published, else its dateline); only an
/// article with neither falls back to `story_date`, and each date mention
/// records which anchor it used (none: unresolved, never guessed).
pub fn annotate(article: &Article, story_date: Option<NaiveDate>) -> Annotated {
    crosscheck_extract::annotate(article, story_date)
}

/// Near-duplicate groups of one story's articles (by index into them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DupGroups {
    /// Group of each article: copies of one text share a group (the index of
    /// the group's canonical article).
    pub group_of: Vec<usize>,
    /// The article id each copy copies (`None` for originals).
    pub copy_of: Vec<Option<ArticleId>>,
}

/// Near-duplicate groups of `articles`: copies of one text count as one
/// outlet's evidence. When deduplication fails every article is its own group.
pub fn dedup_groups(articles: &[Article]) -> DupGroups {
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
    DupGroups { group_of, copy_of }
}

/// The cross-outlet comparison of one story's annotated articles.
pub fn compare(docs: &[Annotated], groups: &DupGroups, story_date: Option<NaiveDate>, encoder: Option<&dyn SentenceEncoder>) -> Comparison {
    crosscheck_compare::compare(StoryInput { docs, dup_groups: &groups.group_of, story_date, encoder })
}

/// The incident register rows of one story's annotated articles (each dated
/// only from its own text and date, never from the story's).
pub fn incidents(docs: &[Annotated]) -> Vec<IncidentRow> {
    let mentions = docs.iter().flat_map(crosscheck_incidents::mentions).collect();
    crosscheck_incidents::build_register(mentions).rows
}

/// The dossier of one story (its articles in any order), counting the work
/// in `work`. `encoder`, when given, adds sentence embeddings to claim alignment.
pub fn dossier(story_id: &str, articles: &[Article], encoder: Option<&dyn SentenceEncoder>, work: &Work) -> Dossier {
    crate::dossier::build(story_id, articles, encoder, work)
}

/// Batch story clustering: each story's id and its members (indices into
/// `articles`), in the clusterer's order.
pub fn stories(articles: &[Article], encoder: Option<&dyn SentenceEncoder>) -> Result<Vec<(String, Vec<usize>)>, PipelineError> {
    let clusterer = crosscheck_cluster::cluster(articles, &StoryConfig::default(), encoder).map_err(|e| PipelineError::Cluster(e.to_string()))?;
    Ok(clusterer.stories().into_iter().map(|s| (s.id, s.articles.iter().map(|m| m.index as usize).collect())).collect())
}
