//! # crosscheck-eval
//!
//! Scoring crosscheck's output against gold annotations: the `crosscheck eval`
//! verb's per-category scores of [`crosscheck_report::Dossier`]s
//! ([`score::evaluate`], [`score::table`]), the incident register's score
//! ([`incidents::score_against_gold`]) and the readers of the gold formats.
//!
//! Precision audits ([`audit`]): a careful reader's verdicts on findings (conflicts,
//! developments, framing flags, claims, incidents), kept as article id + byte span,
//! scored against the findings of fresh dossiers.
//!
//! ## Gold readers
//!
//! Each gold format is one module with a reader implementing [`GoldReader`]:
//! text in, the format's gold value out. Today there is one, the crosscheck
//! format ([`gold::CrosscheckGold`]), and the quote-attribution corpora (PolNeAR,
//! SpkAtt; `shared/bench/quotes-polnear/README.md`) with their scorer's rules
//! ([`quote_corpora::QuoteCorpusReader`], [`quote_corpora::score_quote_corpus`]).
//!
//! ## The crosscheck gold format
//!
//! One JSON object per story set (`shared/gold/seeds.gold.json`,
//! `crates/crosscheck-report/tests/fixtures/*.gold.json`); unknown fields are
//! ignored. Outlets are keys (`"000"`) that prefix an article's file stem or
//! source name.
//!
//! | field | shape |
//! |---|---|
//! | `sources` | outlet keys, or full file stems |
//! | `stories` | lists of outlet keys, one list per story |
//! | `people` | `{"name", "aliases": [...], "roles": {outlet: role text}}` |
//! | `quotes` | `{"id", "speaker", "text", "in": [outlets], "variants": [{"in": outlet, "printed", "kind"}]}` |
//! | `role_conflicts` | `{"person", "values": {outlet: role}}` |
//! | `single_source_claims`, `corroborated_claims` | `{"in": outlet or [outlets], "claim"}` |
//! | `framing` | `{"what the source said", "as reported": {outlet: lead}, "flagged": [outlets], "not_flagged": [outlets], "note"}` |
//! | `incidents` | `{"kind", "where", "in": [outlets], "when"}` |
//!
//! `framing.flagged` lists the outlets whose lead states more certainty than
//! the source's words (a framing flag is expected there), `not_flagged` those
//! whose lead stays with them (a flag is a false positive); outlets in neither
//! are not judged. `note` is a comment for people and is not read for scoring
//! — except in gold files of the old form, whose framing items have no
//! `flagged` / `not_flagged` and judged the outlets in the note's prose: the
//! reader still derives the two lists from such a note
//! ([`gold::GoldFraming::from_note`]).

pub mod audit;
pub mod gold;
pub mod incidents;
pub mod quote_corpora;
pub mod score;

pub use audit::{audit, audit_table, findings, parse_verdicts, AuditReport, Finding, FindingKind, Judgement, KindAudit, Verdict};
pub use gold::{parse_gold, CrosscheckGold, Gold};
pub use incidents::{score_against_gold, GoldIncident, GoldScore};
pub use quote_corpora::{is_quote_corpus, score_quote_corpus, PredictedQuote, QuoteCorpusGold, QuoteCorpusReader, QuoteCorpusScore};
pub use score::{evaluate, table, EvalReport, Score};

/// Errors of reading gold files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A gold file that its format's reader cannot read.
    #[error("bad {0} gold file: {1}")]
    Gold(&'static str, String),
}

/// A reader of one gold annotation format.
pub trait GoldReader {
    /// What the format's scorer compares predictions with.
    type Gold;
    /// The format's name (in errors).
    fn format(&self) -> &'static str;
    /// Read a gold file's text.
    fn read(&self, text: &str) -> Result<Self::Gold, EvalError>;
}
