//! `crosscheck ingest`, `ls`, `show`, `extract` and `analyze` through the binary:
//! a batch mixing good and bad inputs stores the good ones and names each bad
//! one; ingesting twice adds nothing; a batch with nothing readable fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn ingest_fixtures() -> PathBuf {
    root().join("crates/crosscheck-ingest/tests/fixtures")
}

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck")).arg("--db").arg(db).args(args).output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn mixed_batch_keeps_the_good_names_the_bad_and_is_idempotent() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("t.db");
    let ok = ingest_fixtures().join("ok");
    let bad = ingest_fixtures().join("bad");
    let seeds = root().join("examples/seeds");
    let args = ["--json", "ingest", ok.to_str().unwrap(), bad.to_str().unwrap(), seeds.to_str().unwrap()];

    let first = json(&run(&db, &args));
    let inserted = first["inserted"].as_array().unwrap().len();
    assert!(inserted >= 5 + 9, "seeds plus one article per good fixture at least, got {inserted}");
    let errors = first["errors"].as_array().unwrap();
    let bad_files = std::fs::read_dir(&bad).unwrap().count();
    // Every bad file is named in an error (a file may yield several, one per record).
    for entry in std::fs::read_dir(&bad).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        match name.as_str() {
            // Decoded (replacement characters; charset detection): stored, not refused.
            "invalid_utf8.txt" | "unknown_charset.html" => continue,
            // Directory walks take known extensions only; named on the command
            // line it is refused (see `nothing_readable_fails_and_stores_nothing`).
            "junk.bin" => continue,
            _ => {}
        }
        assert!(
            errors.iter().any(|e| e["path"].as_str().unwrap().contains(&name) && !e["reason"].as_str().unwrap().is_empty()),
            "no error names {name}: {errors:?}"
        );
    }
    assert!(errors.len() >= bad_files - 3);
    assert_eq!(first["total_in_store"], inserted);

    let second = json(&run(&db, &args));
    assert_eq!(second["inserted"].as_array().unwrap().len(), 0, "second ingest must add nothing");
    // Fixtures that share a text were already "existing" within the first batch.
    let repeats = first["existing"].as_array().unwrap().len();
    assert_eq!(second["existing"].as_array().unwrap().len(), inserted + repeats);
    assert_eq!(second["total_in_store"], inserted);

    let rows = json(&run(&db, &["--json", "ls", "--limit", "1000"]));
    assert_eq!(rows.as_array().unwrap().len(), inserted);
    let dated = rows.as_array().unwrap().iter().find(|r| r["source"] == "001_02c79b21a8477926").expect("seed 001 listed");
    assert_eq!(dated["published"], "2025-12-02");

    // `show` takes a short id and prints the whole article.
    let id = dated["id"].as_str().unwrap();
    let shown = json(&run(&db, &["--json", "show", &id[..6]]));
    assert_eq!(shown["id"], id);
    assert!(shown["text"].as_str().unwrap().starts_with("Brussels/Moscow"));
    let missing = run(&db, &["show", "ffffffffffffffff"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article"));
}

#[test]
fn nothing_readable_fails_and_stores_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("t.db");
    let junk = ingest_fixtures().join("bad/junk.bin");
    let out = run(&db, &["ingest", junk.to_str().unwrap(), "no/such/path.txt"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("junk.bin") && stderr.contains("no/such/path.txt"), "{stderr}");
    let rows = json(&run(&db, &["--json", "ls"]));
    assert_eq!(rows.as_array().unwrap().len(), 0);
}

#[test]
fn extract_reads_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("unused.db");
    let seed = root().join("examples/seeds/001_02c79b21a8477926.txt");
    let one = json(&run(&db, &["--json", "extract", seed.to_str().unwrap()]));
    assert!(one["text"].as_str().unwrap().contains("pre-emptive"));
    assert_eq!(one["published"]["date"], "2025-12-02");
    // A feed: one JSON object per entry, each with its text.
    let feed = ingest_fixtures().join("ok/atom.xml");
    let out = run(&db, &["--json", "extract", feed.to_str().unwrap()]);
    assert!(out.status.success());
    let entries: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(entries.len() >= 2);
    assert!(entries.iter().all(|e| !e["text"].as_str().unwrap().is_empty()));
    assert!(!db.exists(), "extract must not create a store");
}

#[test]
fn analyze_keeps_the_story_in_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("t.db");
    let out_dir = tmp.path().join("out");
    let seeds = root().join("examples/seeds");
    let summary = json(&run(&db, &["--json", "analyze", seeds.to_str().unwrap(), "--out", out_dir.to_str().unwrap()]));
    let story = summary["stories"][0]["story_id"].as_str().unwrap().to_string();
    for ext in ["json", "md", "html"] {
        assert!(out_dir.join(format!("{story}.{ext}")).exists());
    }
    let rows = json(&run(&db, &["--json", "ls"]));
    assert_eq!(rows.as_array().unwrap().len(), 5);
    // The register reads the store when no path is given.
    let register = json(&run(&db, &["--json", "incidents"]));
    let rows = register["incidents"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["kind"] == "cable_damage"), "{rows:?}");
    // A second analyze of the same files adds no article and no second story.
    json(&run(&db, &["--json", "analyze", seeds.to_str().unwrap()]));
    assert_eq!(json(&run(&db, &["--json", "ls"])).as_array().unwrap().len(), 5);
}

#[test]
fn listing_pages_are_skipped_not_ingested_and_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("t.db");
    let pages = tmp.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    let html_fixtures = root().join("crates/crosscheck-html/tests/fixtures");
    std::fs::copy(html_fixtures.join("news_jsonld.html"), pages.join("report.html")).unwrap();
    std::fs::copy(html_fixtures.join("listing_section_front.html"), pages.join("front.html")).unwrap();
    let v = json(&run(&db, &["--json", "ingest", pages.to_str().unwrap()]));
    assert_eq!(v["inserted"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["not_articles"], 1, "{v}");
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{v}");
    assert!(errors[0]["path"].as_str().unwrap().ends_with("front.html"), "{v}");
    assert!(errors[0]["reason"].as_str().unwrap().contains("section-front"), "{v}");
    assert_eq!(errors[0]["code"], "not_an_article");
    // The text summary names the file and counts it apart from errors.
    let out = run(&db, &["ingest", pages.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stderr.contains("front.html") && stderr.contains("section-front"), "{stderr}");
    assert!(stdout.contains("1 not an article (skipped), 0 error(s)"), "{stdout}");
}
