//! The comparison reads the extract stage's layers and nothing else: altered
//! layers change what it sees, emptied layers leave it nothing (no splitter,
//! quote finder or people merger of its own stands in).

use crosscheck_compare::{compare, StoryInput};
use crosscheck_core::{ArticleBuilder, SourceFormat, Span};
use crosscheck_extract::{annotate, Annotated, EventKind, Sentence};

fn doc(name: &str, t: &str) -> Annotated {
    let a = ArticleBuilder::new(name, format!("{name}.txt"), SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
    annotate(&a, None)
}

fn story() -> Vec<Annotated> {
    vec![
        doc("a", "A fire destroyed a depot in the northern port of Arlen on Monday. Officials met the mayor later. “We will rebuild the depot soon,” said Mara Velt."),
        doc("b", "A fire destroyed a depot in the northern port of Arlen. The mayor spoke to reporters. “We will rebuild the depot soon,” Mara Velt said."),
    ]
}

fn run(docs: &[Annotated]) -> crosscheck_compare::Comparison {
    let mut groups = Vec::new();
    compare(StoryInput::independent(docs, &mut groups))
}

#[test]
fn cites_follow_the_sentence_layer() {
    let mut docs = story();
    let base = run(&docs);
    assert!(!base.claims.is_empty(), "the story has claims");
    // The layer says the first sentence ends after "depot": no cite may cross that cut.
    let d = &mut docs[0];
    let first = d.sentences[0].span;
    let cut = first.start + d.article.text[first.start..].find(" in the northern").unwrap();
    let rest: Vec<Sentence> = d.sentences[1..].to_vec();
    d.sentences = [Sentence { span: Span::new(first.start, cut), paragraph: 0 }, Sentence { span: Span::new(cut + 1, first.end), paragraph: 0 }].into_iter().chain(rest).collect();
    let cmp = run(&docs);
    let id = docs[0].article.id.clone();
    let cited: Vec<Span> = cmp.claims.iter().flat_map(|c| c.support.iter()).filter(|c| c.article == id).map(|c| c.span).collect();
    assert!(!cited.is_empty());
    assert!(base.claims.iter().flat_map(|c| c.support.iter()).any(|c| c.article == id && c.span.start < cut && c.span.end > cut), "before, a cite crossed the cut");
    for s in &cited {
        assert!(docs[0].sentences.iter().any(|x| x.span.contains(*s)), "cite {s:?} outside the altered sentence layer");
    }
}

#[test]
fn empty_layers_are_not_re_derived() {
    let mut docs = story();
    let base = run(&docs);
    assert!(!base.quote_groups.is_empty() && !base.people.is_empty());
    for d in &mut docs {
        d.sentences.clear();
        d.quotes.clear();
        d.entities.clear();
        d.events.clear();
    }
    let cmp = run(&docs);
    assert!(cmp.claims.is_empty(), "no sentences, no claims");
    assert!(cmp.quote_groups.is_empty(), "no quotes, no quote groups");
    assert!(cmp.people.is_empty(), "no entities, no people");
    assert!(cmp.timeline.is_empty(), "no events, no timeline");
}

#[test]
fn timeline_kinds_come_from_the_event_layer() {
    let mut docs = story();
    let base = run(&docs);
    assert!(base.timeline.iter().any(|e| e.kind == EventKind::SabotageArson.label()), "{:?}", base.timeline);
    // Relabel every event of the layer: the timeline follows.
    for d in &mut docs {
        for e in &mut d.events {
            e.kind = EventKind::Explosion;
        }
    }
    let cmp = run(&docs);
    assert!(!cmp.timeline.is_empty());
    assert!(cmp.timeline.iter().all(|e| e.kind == EventKind::Explosion.label()), "{:?}", cmp.timeline);
}

#[test]
fn timeline_places_come_from_the_place_layers() {
    let mut docs = story();
    let base = run(&docs);
    assert!(base.timeline.iter().any(|e| e.places.iter().any(|p| p.contains("Arlen"))), "{:?}", base.timeline);
    // Without place entities and place names, the timeline finds no place in the text itself.
    for d in &mut docs {
        d.places.clear();
        d.entities.retain(|e| e.kind != crosscheck_extract::EntityKind::Place);
    }
    let cmp = run(&docs);
    assert!(!cmp.timeline.is_empty());
    assert!(cmp.timeline.iter().all(|e| e.places.is_empty()), "{:?}", cmp.timeline);
}
