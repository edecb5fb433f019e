//! The register over the five seed reports (the score against the hand-made
//! gold list is `crosscheck-eval`'s test `incidents.rs`).

use std::path::PathBuf;

use crosscheck_core::Article;
use crosscheck_incidents::{register_of_articles, IncidentKind, Register};
use crosscheck_testkit::fixtures::{seeds_dir, text_articles};

fn seeds() -> Vec<Article> {
    text_articles(&seeds_dir())
}

fn register() -> Register {
    register_of_articles(&seeds())
}

#[test]
fn baltic_cable_incident_is_one_row_with_five_sources() {
    let reg = register();
    let cable: Vec<_> = reg.rows.iter().filter(|r| r.kind == IncidentKind::CableDamage).collect();
    assert_eq!(cable.len(), 1, "{cable:#?}");
    let row = cable[0];
    assert_eq!(row.place.as_ref().unwrap().id, "sea/baltic-sea");
    assert_eq!(row.independent_sources, 5, "{:?}", row.outlets);
    // "two underwater cables" against "multiple severed … cables" is kept as a conflict.
    let count = row.conflicts.iter().find(|c| c.field == "count").expect("count conflict");
    assert!(count.values.iter().any(|v| v.value.starts_with("2 ")), "{count:?}");
    assert!(count.values.iter().any(|v| v.value.starts_with("multiple")), "{count:?}");
}

#[test]
fn seeds_details_dates_actors_and_aggregates() {
    let reg = register();
    // The aggregate claim is one aggregate, not 110 rows.
    let agg = reg.aggregates.iter().find(|a| a.count.as_ref().is_some_and(|c| c.value == Some(110.0))).expect("110 aggregate");
    assert_eq!(agg.kind, IncidentKind::SabotageArson);
    // The naval shadowing of "last month" is in an undated report: another
    // report's date does not lend it a month or a year, so its date stays unknown.
    let naval = reg.rows.iter().find(|r| r.kind == IncidentKind::NavalShadowing).expect("naval row");
    assert!(naval.date.is_none(), "{:?}", naval.date);
    // The strikes of December 1 are one row from two outlets.
    let strike = reg.rows.iter().find(|r| r.kind == IncidentKind::Strike).expect("strike row");
    assert_eq!(strike.date.as_ref().unwrap().display(), "2025-12-01");
    assert_eq!(strike.independent_sources, 2);
    // The London fire keeps the attribution wording of the outlet that gives one.
    let fire = reg.rows.iter().find(|r| r.kind == IncidentKind::SabotageArson).expect("arson row");
    assert_eq!(fire.place.as_ref().unwrap().name, "London");
    assert!(fire.actors.iter().any(|a| a.wording.contains("linked by Western intelligence agencies to")), "{:?}", fire.actors);
}

#[test]
fn two_stories_in_one_batch_do_not_mix() {
    // The seeds are undated but one; the invented campaign is dated. Read together,
    // the rows add up, and the campaign's dates lend nothing to the undated seeds.
    let campaign = text_articles(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/campaign"));
    let alone = register_of_articles(&campaign).rows.len() + register().rows.len();
    let mut all = seeds();
    all.extend(campaign);
    let together = register_of_articles(&all);
    assert_eq!(together.rows.len(), alone);
    let naval = together.rows.iter().find(|r| r.kind == IncidentKind::NavalShadowing).unwrap();
    assert!(naval.date.is_none(), "dated from another story: {:?}", naval.date);
}
