//! # crosscheck-report
//!
//! The story **dossier**: what a careful reader of every outlet's report would
//! tell a colleague — who said what (quote cards with the wording each outlet
//! printed), which claims several outlets corroborate and which rest on one,
//! where outlets contradict each other, which leads overstate their source, and
//! a timeline — every line citing the exact sentence it rests on.
//!
//! * [`build_dossier`] runs extract + dedup + compare over one story's articles;
//! * [`analyze`] clusters any set of articles into stories and builds a dossier each;
//! * [`render`]: JSON ([`render::json`]), Markdown ([`render::markdown`]) and one
//!   self-contained HTML page ([`render::html`]; inline CSS, no script, no
//!   external resource, all article text escaped);
//!
//! Scoring dossiers against a gold annotation is `crosscheck-eval`.

pub mod dossier;
pub mod render;

pub use dossier::{analyze, build_dossier, build_dossier_with_id, Dossier, DossierArticle, Summary, SCHEMA};

/// Errors of the report stage.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("story clustering failed: {0}")]
    Cluster(String),
}
