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
