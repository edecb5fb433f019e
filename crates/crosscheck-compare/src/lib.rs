//! # crosscheck-compare
//!
//! Cross-outlet comparison of one story (a cluster of articles from several
//! outlets), on top of the extract stage's annotations:
//!
//! 1. [`claims`]: claim units (sentences, or clauses of long sentences) aligned
//!    across outlets by IDF-weighted token overlap in match form, where shared
//!    numbers and names weigh more, and by sentence-embedding cosine when an
//!    encoder is given; each aligned group is a [`Claim`] with its
//!    supporting sentences.
//! 2. Corroboration: a claim's independent outlets are its distinct
//!    near-duplicate groups (copies of one text count once). Single-source
//!    claims are units no other outlet aligns with that rest on a specific
//!    detail (a name or number) no other outlet prints.
//! 3. [`quotes`]: quotation segments grouped into utterances (same speaker,
//!    same words) with a word-level LCS diff against a reference version,
//!    classified by [`VariantKind`]; punctuation never makes a variant.
//! 4. [`conflicts`]: one person given titles that cannot both hold, values of
//!    one fact that cannot both be true (a count of one counted noun phrase with
//!    one predicate, qualifiers and ranges read as intervals), different dates
//!    for one claim; values that changed between dated reports are a
//!    [`Development`], exact against vague counts a vague count.
//! 5. [`framing`]: certainty of each outlet's lead against the hedged words of
//!    the story's main quoted source.
//! 6. [`timeline`]: typed, dated events with places and sources.
//!
//! Entry point: [`compare`]. Every output line carries [`Cite`]s (article,
//! outlet, byte span) back to the sentence it rests on.

use chrono::NaiveDate;
use crosscheck_core::{ArticleId, SentenceEncoder, Span};
use crosscheck_extract::Annotated;
use serde::{Deserialize, Serialize};

pub mod claims;
pub mod conflicts;
pub mod framing;
pub mod lexical;
pub mod people;
pub mod quotes;
pub mod segment;
pub mod tables;
pub mod timeline;

pub use claims::{Claim, ClaimStatus};
pub use conflicts::{Conflict, ConflictKind, ConflictSide, Development, DevelopmentStep};
pub use framing::{certainty, Certainty, Framing, FramingRow};
pub use people::Person;
pub use quotes::{classify, DiffOp, QuoteGroup, QuoteMember, QuoteVariant, QuoteVersion, VariantKind};
pub use timeline::TimelineEvent;

/// A pointer to the exact text a finding rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cite {
    pub article: ArticleId,
    /// Outlet name ([`crosscheck_core::Article::source`]).
    pub source: String,
    /// Byte span into the article's text.
    pub span: Span,
    /// The text the span covers (a copy for readers; the span is authoritative).
    pub text: String,
}

impl Cite {
    /// Cite `span` of document `doc`.
    pub fn of(doc: &Annotated, span: Span) -> Cite {
        Cite {
            article: doc.article.id.clone(),
            source: doc.article.source.clone(),
            span,
            text: span.slice(&doc.article.text).to_string(),
        }
    }
}

/// Everything the comparison found in one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub people: Vec<Person>,
    pub claims: Vec<Claim>,
    pub quote_groups: Vec<QuoteGroup>,
    pub conflicts: Vec<Conflict>,
    /// Figures that changed over time (a rising toll), each step dated and cited.
    pub developments: Vec<Development>,
    /// Facts some outlets count exactly and others only vaguely.
    pub vague_counts: Vec<Conflict>,
    pub framing: Framing,
    pub timeline: Vec<TimelineEvent>,
}

/// The input of [`compare`]: annotated articles of one story and, for each, the
/// index of its near-duplicate group (articles sharing an index count as one
/// outlet's evidence).
#[derive(Debug, Clone, Copy)]
pub struct StoryInput<'a> {
    pub docs: &'a [Annotated],
    pub dup_groups: &'a [usize],
    /// The story's date, for events no outlet dates.
    pub story_date: Option<NaiveDate>,
    /// Sentence embeddings for claim alignment, when a model is loaded;
    /// without one, claims align on lexical overlap alone.
    pub encoder: Option<&'a dyn SentenceEncoder>,
}

impl<'a> StoryInput<'a> {
    /// Each article its own group (no dedup information).
    pub fn independent(docs: &'a [Annotated], groups: &'a mut Vec<usize>) -> StoryInput<'a> {
        groups.clear();
        groups.extend(0..docs.len());
        StoryInput { docs, dup_groups: groups, story_date: None, encoder: None }
    }

    /// The near-duplicate group of document `i`.
    pub fn group(&self, i: usize) -> usize {
        self.dup_groups.get(i).copied().unwrap_or(usize::MAX - i)
    }
}

/// Run every comparison over one story.
pub fn compare(input: StoryInput<'_>) -> Comparison {
    let people = people::People::of_story(input.docs);
    let quote_groups = quotes::group_quotes(input, &people);
    let claims = claims::align_claims(input);
    let mut conflicts = conflicts::role_conflicts(&people);
    let numbers = conflicts::number_findings(input);
    conflicts.extend(numbers.conflicts);
    conflicts.extend(conflicts::date_conflicts(input, &claims));
    let framing = framing::framing(input, &quote_groups);
    let timeline = timeline::timeline(input, &claims);
    Comparison { people: people.people, claims, quote_groups, conflicts, developments: numbers.developments, vague_counts: numbers.vague_counts, framing, timeline }
}

/// Sorted, de-duplicated outlet names.
pub(crate) fn sorted_sources<I: IntoIterator<Item = String>>(it: I) -> Vec<String> {
    let mut v: Vec<String> = it.into_iter().collect();
    v.sort();
    v.dedup();
    v
}
