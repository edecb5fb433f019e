//! # crosscheck-core
//!
//! The one document model every stage of crosscheck annotates.
//!
//! An [`Article`] owns its normalised text (Unicode NFC, paragraphs separated by
//! a blank line). Everything a later stage finds in it — sentences, quotes,
//! entities, numbers, dates, incidents — is a typed value carrying a [`Span`]:
//! byte offsets into [`Article::text`]. Because spans always point into the one
//! text the article owns, any line of any report can cite the exact sentence of
//! the exact outlet it came from.
//!
//! This crate has no I/O and no heuristics: readers live in `crosscheck-ingest`,
//! storage in `crosscheck-store`, analysis in the stage crates.

mod article;
mod span;
pub mod decode;
pub mod embedding;
pub mod text;

pub use article::{
    paragraph_spans, Article, ArticleBuilder, ArticleId, DateMethod, DatePrecision, PublishedDate, SourceFormat,
};
pub use embedding::{EncodeError, SentenceEncoder};
pub use span::{ceil_char_boundary, floor_char_boundary, Span};

/// Errors of the document model itself (a span outside its text, a malformed id).
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("span {start}..{end} is outside a text of {len} bytes or not on a char boundary")]
    BadSpan { start: usize, end: usize, len: usize },
    #[error("malformed article id {0:?}")]
    BadId(String),
}
