//! # crosscheck-report
//!
//! The story **dossier**: what a careful reader of every outlet's report would
//! tell a colleague — who said what (quote cards with the wording each outlet
//! printed), which claims several outlets corroborate and which rest on one,
//! where outlets contradict each other, which leads overstate their source, and
//! a timeline — every line citing the exact sentence it rests on.
//!
//! This crate is rendering only: the dossier's data model ([`model`]: the
//! structs and the JSON schema) and its renderers. Dossiers are built by
//! `crosscheck-pipeline` (stages over plain data, batch and incremental);
//! nothing here runs a stage.
//!
//! * [`model`]: [`Dossier`] and its parts, the schema of the JSON form;
//! * [`render`]: JSON ([`render::json`]), Markdown ([`render::markdown`]) and one
//!   self-contained HTML page ([`render::html`]; inline CSS, no script, no
//!   external resource, all article text escaped);
//!
//! Scoring dossiers against a gold annotation is `crosscheck-eval`.

pub mod model;
pub mod render;

pub use model::{Dossier, DossierArticle, Problem, Summary, SCHEMA};

