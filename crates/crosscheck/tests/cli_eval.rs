//! `crosscheck eval` and `crosscheck analyze --out` end to end, through the binary.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

#[test]
fn eval_json_has_every_category_with_scores() {
    let gold = root().join("crates/crosscheck-report/tests/fixtures/seeds.gold.json");
    let out = bin().args(["--json", "eval", "--gold"]).arg(&gold).arg(root().join("examples/seeds")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cats = v["categories"].as_object().unwrap();
    for c in ["quotes", "speakers", "variants", "people", "roles", "role_conflicts", "single_source_claims", "corroborated_claims", "framing", "incidents", "stories"] {
        let s = &cats[c];
        for k in ["precision", "recall", "f1", "tp", "fp", "fn"] {
            assert!(s[k].is_number(), "{c}.{k} missing");
        }
    }
    // What this stage decides meets the bar on the seeds.
    for c in ["quotes", "variants", "framing", "stories"] {
        let (p, r) = (cats[c]["precision"].as_f64().unwrap(), cats[c]["recall"].as_f64().unwrap());
        assert!(p >= 0.7 && r >= 0.8, "{c}: precision {p}, recall {r}");
    }
}

#[test]
fn analyze_writes_the_three_dossier_files() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = bin().args(["--quiet", "analyze", "--out"]).arg(out_dir.path()).arg(root().join("examples/seeds")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(out_dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    for ext in ["html", "json", "md"] {
        assert!(names.iter().any(|n| n.starts_with("story-") && n.ends_with(ext)), "{names:?}");
    }
    let json = names.iter().find(|n| n.ends_with(".json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out_dir.path().join(json)).unwrap()).unwrap();
    assert_eq!(v["schema"], "crosscheck.dossier/1");
    assert_eq!(v["articles"].as_array().unwrap().len(), 5);
    // --json prints the summary.
    let out = bin().args(["--json", "analyze"]).arg(root().join("examples/seeds")).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stories"].as_array().unwrap().len(), 1);
}
