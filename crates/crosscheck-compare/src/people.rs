//! People of a story as the dossier shows them: the extract stage's
//! story-level merge ([`crosscheck_extract::merge_people`], the one merger of
//! person entities across articles) with every role tagged by the outlet and
//! article that printed it. Nothing is merged or resolved here.

use crosscheck_core::Span;
use crosscheck_extract::{merge_people, Annotated, StoryPerson};
use serde::{Deserialize, Serialize};

/// A role or title as one outlet printed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRole {
    pub source: String,
    pub article: crosscheck_core::ArticleId,
    pub text: String,
    pub span: Span,
}

/// One person across the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest name printed.
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<PersonRole>,
    /// Outlets that mention the person.
    pub sources: Vec<String>,
}

/// Story-level people, with the extract stage's merge they were read from.
#[derive(Debug, Clone, Default)]
pub struct People {
    pub people: Vec<Person>,
    /// Index-parallel to `people`.
    pub merged: Vec<StoryPerson>,
}

impl People {
    /// The people of a story's articles.
    pub fn of_story(docs: &[Annotated]) -> People {
        let merged = merge_people(docs);
        let people = merged.iter().map(|sp| person(docs, sp)).collect();
        People { people, merged }
    }

    /// The person of entity `entity` of document `doc`.
    pub fn of(&self, doc: usize, entity: usize) -> Option<usize> {
        self.merged.iter().position(|p| p.members.contains(&(doc, entity)))
    }

    /// The person a role-only speaker of quote `quote` of document `doc` was resolved to.
    pub fn of_role_quote(&self, doc: usize, quote: usize) -> Option<usize> {
        self.merged.iter().position(|p| p.resolved_role_quotes.contains(&(doc, quote)))
    }
}

fn person(docs: &[Annotated], sp: &StoryPerson) -> Person {
    let roles = sp
        .roles
        .iter()
        .map(|(ai, r)| {
            let d = &docs[*ai];
            PersonRole { source: d.article.source.clone(), article: d.article.id.clone(), text: r.text.clone(), span: r.span }
        })
        .collect();
    let sources = crate::sorted_sources(sp.articles().into_iter().map(|ai| docs[ai].article.source.clone()));
    Person { name: sp.name.clone(), aliases: sp.aliases.clone(), roles, sources }
}
