//! `crosscheck incidents` end to end on the seed reports.

use std::path::PathBuf;
use std::process::Command;

fn seeds() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds").display().to_string()
}

fn run(args: &[&str]) -> (bool, String, String) {
    let db = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("--db")
        .arg(db.path().join("x.db"))
        .args(args)
        .output()
        .expect("run crosscheck");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string())
}

#[test]
fn register_of_the_seeds_as_json_csv_and_filtered() {
    let (ok, out, err) = run(&["incidents", "--json", &seeds()]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["incidents"].as_array().unwrap();
    assert!(rows.len() >= 7, "{}", rows.len());
    let cable: Vec<_> = rows.iter().filter(|r| r["kind"] == "cable_damage").collect();
    assert_eq!(cable.len(), 1);
    assert_eq!(cable[0]["independent_sources"], 5);

    let (ok, csv, err) = run(&["incidents", "--format", "csv", "--kind", "cable", &seeds()]);
    assert!(ok, "{err}");
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.lines().nth(1).unwrap().contains("Baltic Sea"));

    let (ok, table, err) = run(&["incidents", "--country", "GB", &seeds()]);
    assert!(ok, "{err}");
    assert!(table.contains("London"), "{table}");
    assert!(!table.contains("Baltic Sea  "), "{table}");

    let (ok, _, err) = run(&["incidents", "--since", "yesterday", &seeds()]);
    assert!(!ok && err.contains("--since"), "{err}");
}
