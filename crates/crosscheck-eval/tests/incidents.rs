//! The incident register over the five seed reports, scored against the
//! hand-made gold list (`tests/fixtures/seeds.incidents.gold.json`).

use std::path::PathBuf;

use crosscheck_eval::{score_against_gold, GoldIncident};
use crosscheck_incidents::register_of_articles;
use crosscheck_testkit::fixtures::{seeds_dir, text_articles};

fn gold() -> Vec<GoldIncident> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds.incidents.gold.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    GoldIncident::list_from_json(&v).unwrap()
}

#[test]
fn seeds_meet_recall_and_precision_on_gold() {
    let reg = register_of_articles(&text_articles(&seeds_dir()));
    let g = gold();
    let score = score_against_gold(&reg.rows, &g);
    eprintln!("{}", crosscheck_incidents::export::to_table(&reg));
    eprintln!("score: {score:?}");
    assert_eq!(score.gold, 9);
    assert!(score.recall >= 0.8, "recall {:.2}; missed {:?}", score.recall, score.missed);
    assert!(score.precision >= 0.7, "precision {:.2}; unmatched {:?}", score.precision, score.unmatched_rows);
}

#[test]
fn a_gold_list_that_is_not_one_is_an_error() {
    let v: serde_json::Value = serde_json::from_str(r#"{"incidents": [{"where": "nowhere"}]}"#).unwrap();
    assert!(GoldIncident::list_from_json(&v).is_err(), "an incident without a kind is refused");
}
