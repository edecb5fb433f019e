//! The whole pipeline on the five seed reports, scored against their gold.

use std::path::PathBuf;

use crosscheck_eval::{evaluate, parse_gold, table, Gold};
use crosscheck_testkit::fixtures::{repo_root, seeds_dir};

fn gold() -> Gold {
    let p = repo_root().join("crates/crosscheck-report/tests/fixtures/seeds.gold.json");
    parse_gold(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn seeds_eval_prints() {
    let dir = std::env::var("DOSSIER_DIR").map(PathBuf::from).unwrap_or_else(|_| seeds_dir());
    let articles = crosscheck_ingest::read_all(&[dir].map(|p| p.display().to_string())).unwrap();
    assert!(articles.len() >= 2);
    let d = crosscheck_pipeline::build_dossier(&articles, None);
    let r = evaluate(&gold(), std::slice::from_ref(&d));
    println!("{}", table(&r));
    if let Ok(p) = std::env::var("DOSSIER_OUT") {
        std::fs::write(&p, crosscheck_report::render::json(&d)).unwrap();
        std::fs::write(format!("{p}.md"), crosscheck_report::render::markdown(&d)).unwrap();
        std::fs::write(format!("{p}.html"), crosscheck_report::render::html(&d)).unwrap();
    }
    if std::env::var("VERBOSE").is_ok() {
        for (k, s) in &r.categories {
            for m in &s.missed {
                println!("{k}\tMISSED\t{m}");
            }
            for x in &s.extra {
                println!("{k}\tEXTRA\t{x}");
            }
        }
    }
}

/// The fixture's structured framing fields say what its prose note says: the
/// old-form reader (the note only, as in `shared/gold/seeds.gold.json`) and
/// the structured fields give the same outlets.
#[test]
fn structured_framing_agrees_with_the_old_note_form() {
    for name in ["seeds.gold.json", "story2.gold.json"] {
        let p = repo_root().join("crates/crosscheck-report/tests/fixtures").join(name);
        let gold = parse_gold(&std::fs::read_to_string(&p).unwrap()).unwrap();
        assert!(!gold.framing.is_empty(), "{name}: framing items");
        for f in &gold.framing {
            assert!(f.is_structured(), "{name}: framing has flagged/not_flagged");
            let mut old = f.clone();
            old.flagged.clear();
            old.not_flagged.clear();
            old.from_note();
            assert_eq!((&old.flagged, &old.not_flagged), (&f.flagged, &f.not_flagged), "{name}");
        }
    }
}
