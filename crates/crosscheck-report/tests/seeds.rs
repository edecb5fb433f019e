//! The whole pipeline on the five seed reports, scored against their gold.

use std::path::PathBuf;

use crosscheck_report::eval::{evaluate, parse_gold, table};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds")
}

fn gold() -> crosscheck_report::eval::Gold {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds.gold.json");
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
