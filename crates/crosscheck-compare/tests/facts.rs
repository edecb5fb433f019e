//! Conflicts only between values of one fact: a count of one counted noun
//! phrase with one predicate and one subject, read as an interval; values
//! that changed between dated reports are a development; exact against vague
//! is a vague count; titles conflict only for one office. The sentences are
//! made up for the rules they exercise (no benchmark or example text).

use chrono::NaiveDate;
use crosscheck_compare::{compare, Comparison, ConflictKind, StoryInput};
use crosscheck_core::{ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat};
use crosscheck_extract::{annotate, Annotated};

fn doc(outlet: &str, text: &str, day: Option<u32>) -> Annotated {
    let mut a = ArticleBuilder::new(outlet, format!("{outlet}.txt"), SourceFormat::Text, text.as_bytes(), text).build(None, None).unwrap();
    a.published = day.map(|d| PublishedDate {
        date: NaiveDate::from_ymd_opt(2024, 3, d).unwrap(),
        datetime: None,
        precision: DatePrecision::Day,
        method: DateMethod::Record,
        confidence: 1.0,
        evidence: String::new(),
    });
    let reference = a.published.as_ref().map(|p| p.date);
    annotate(&a, reference)
}

fn run(docs: &[Annotated]) -> Comparison {
    let mut groups = Vec::new();
    compare(StoryInput::independent(docs, &mut groups))
}

fn numbers(c: &Comparison) -> Vec<Vec<String>> {
    c.conflicts.iter().filter(|x| x.kind == ConflictKind::Number).map(|x| x.sides.iter().map(|s| s.value.clone()).collect()).collect()
}

const A: &str = "The flooding in Varnholm killed 120 people on Tuesday, the regional governor of Varnholm said at a briefing.";
const B: &str = "The flooding in Varnholm killed 129 people on Tuesday, the regional governor of Varnholm said at a briefing.";

#[test]
fn different_values_of_one_count_conflict_and_hedged_ones_do_not() {
    let c = run(&[doc("north", A, None), doc("south", B, None)]);
    assert_eq!(numbers(&c).len(), 1, "{:?}", c.conflicts);
    let hedged = B.replace("129", "at least 110");
    assert!(numbers(&run(&[doc("north", A, None), doc("south", &hedged, None)])).is_empty(), "at least 110 allows 120");
    let near = B.replace("129", "nearly 125");
    assert!(numbers(&run(&[doc("north", A, None), doc("south", &near, None)])).is_empty(), "nearly 125 allows 120");
}

#[test]
fn one_outlet_and_one_article_never_conflict_with_themselves() {
    assert!(numbers(&run(&[doc("north", A, None), doc("north", B, None)])).is_empty(), "one outlet");
    let both = format!("{A} {}", B.replace("on Tuesday", "by Thursday").replace("killed 129", "had killed 129"));
    let c = run(&[doc("north", &both, None), doc("south", B, None)]);
    assert!(numbers(&c).is_empty(), "an article printing both values knows they differ: {:?}", c.conflicts);
}

#[test]
fn values_of_dated_reports_on_different_days_are_a_development() {
    let c = run(&[doc("north", &A.replace(" on Tuesday", ""), Some(12)), doc("south", &B.replace(" on Tuesday", ""), Some(13))]);
    assert!(numbers(&c).is_empty(), "{:?}", c.conflicts);
    assert_eq!(c.developments.len(), 1, "{:?}", c.developments);
    let steps: Vec<(u32, &str)> = c.developments[0].steps.iter().map(|s| (chrono::Datelike::day(&s.date), s.value.as_str())).collect();
    assert_eq!(steps, vec![(12, "120"), (13, "129")]);
    assert!(c.developments[0].steps.iter().all(|s| !s.cites.is_empty()));
}

#[test]
fn different_counted_things_are_different_facts() {
    let a = "The ferry to Varnholm carried 239 passengers when it sank near the harbour of Varnholm, the coast guard said.";
    let b = "The ferry to Varnholm carried two foreign passengers when it sank near the harbour of Varnholm, the coast guard said.";
    assert!(numbers(&run(&[doc("north", a, None), doc("south", b, None)])).is_empty(), "passengers and foreign passengers");
    let injured = A.replace("killed 120 people", "injured 300 people");
    assert!(numbers(&run(&[doc("north", A, None), doc("south", &injured, None)])).is_empty(), "killed and injured");
    let whole = "The alliance keeps 28,500 U.S. troops in Varnholm, the defence ministry of Varnholm said.";
    let other = "The alliance keeps 28,500 troops in Varnholm, the defence ministry of Varnholm said.";
    assert!(numbers(&run(&[doc("north", whole, None), doc("south", other, None)])).is_empty(), "a number is read whole");
}

#[test]
fn a_vague_count_against_an_exact_one_is_no_conflict() {
    let a = "Rebels in Varnholm fired three missiles at the airport of Varnholm overnight, the army said.";
    let b = "Rebels in Varnholm fired several missiles at the airport of Varnholm overnight, the army said.";
    let c = run(&[doc("north", a, None), doc("south", b, None)]);
    assert!(numbers(&c).is_empty(), "{:?}", c.conflicts);
    assert_eq!(c.vague_counts.len(), 1, "{:?}", c.vague_counts);
}

#[test]
fn titles_conflict_only_for_one_office() {
    let a = "Lena Marsk, the chief executive of Orvane, said the plant would close. Marsk spoke in Varnholm.";
    let b = "Orvane CEO Lena Marsk said the plant would close. Marsk spoke in Varnholm.";
    let roles = |c: &Comparison| c.conflicts.iter().filter(|x| x.kind == ConflictKind::Role).count();
    assert_eq!(roles(&run(&[doc("north", a, None), doc("south", b, None)])), 0, "chief executive and CEO are one title");
    let a = "Piet Anso, the ambassador to Varnholm, said talks would resume. Anso spoke on Monday.";
    let b = "Piet Anso, the envoy to Varnholm, said talks would resume. Anso spoke on Monday.";
    assert_eq!(roles(&run(&[doc("north", a, None), doc("south", b, None)])), 1, "ambassador and envoy to one country");
}

#[test]
fn dates_conflict_only_in_full_with_one_role() {
    let b = "Officials closed the main border crossing at Varnholm on the northern highway to all trucks and buses on June 1, 2024, after the storm damaged the old bridge.";
    let a = b.replace("buses on June 1", "buses until June 1");
    let a = a.as_str();
    let dates = |c: &Comparison| c.conflicts.iter().filter(|x| x.kind == ConflictKind::Date).count();
    assert_eq!(dates(&run(&[doc("north", a, None), doc("south", b, None)])), 0, "a deadline and a day");
    let c = b.replace("June 1", "June 9");
    assert_eq!(dates(&run(&[doc("north", b, None), doc("south", &c, None)])), 1, "two different days of one closure");
}
