//! `crosscheck extract` and `crosscheck bench extract` through the binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crosscheck-html/tests/fixtures").join(name)
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

#[test]
fn extract_json_has_text_and_metadata() {
    let out = bin()
        .args(["--json", "extract", "--url", "https://www.northern-ledger.example/x"])
        .arg(fixture("news_jsonld.html"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["text"].as_str().unwrap().starts_with("Regional ministers agreed"));
    assert_eq!(v["title"], "Ministers agree new river flood plan");
    assert_eq!(v["authors"], serde_json::json!(["Maria Lindqvist", "Tom Okafor"]));
    assert_eq!(v["published"]["date"], "2025-03-14");
    assert_eq!(v["published"]["method"], "json_ld");
    assert!(v["published"]["confidence"].as_f64().unwrap() > 0.9);
    assert_eq!(v["language"], "en");
    assert_eq!(v["source"], "The Northern Ledger");
    assert_eq!(v["site_name"], "The Northern Ledger");
    assert_eq!(v["encoding"], "UTF-8");
    assert!(v["url"].as_str().unwrap().starts_with("https://www.northern-ledger.example/"));
}

#[test]
fn extract_plain_output_and_errors_name_the_file() {
    let out = bin().arg("extract").arg(fixture("legacy_cp1251.html")).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("encoding   windows-1251"), "{text}");
    assert!(text.contains("Депутаты городского совета"), "{text}");

    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("notes.txt");
    std::fs::write(&txt, "Just a plain text note.\nSecond line.\n").unwrap();
    // Other formats go through the ingest readers.
    let out = bin().arg("extract").arg(&txt).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Just a plain text note."));
    let junk = dir.path().join("junk.dat");
    std::fs::write(&junk, [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0, 0, 0]).unwrap();
    let out = bin().arg("extract").arg(&junk).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("junk.dat") && err.contains("binary"), "{err}");

    let out = bin().arg("extract").arg(fixture("no_article.html")).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no_article.html") && err.contains("no article"), "{err}");

    let out = bin().arg("extract").arg(dir.path().join("missing.html")).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.html"));
}

#[test]
fn bench_extract_scores_against_truth() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("html");
    std::fs::create_dir(&html).unwrap();
    // One page gzipped, one plain.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&std::fs::read(fixture("news_jsonld.html")).unwrap()).unwrap();
    std::fs::write(html.join("news.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::copy(fixture("blog_wordpress.html"), html.join("blog.html")).unwrap();
    let truth = serde_json::json!({
        "news": {"articleBody": "Regional ministers agreed on Friday to a new plan for the river basin, after two days of talks that ran late into the night."},
        "blog": {"articleBody": "Every night around one o'clock the last tram leaves the centre and the city changes."}
    });
    let truth_path = dir.path().join("truth.json");
    std::fs::write(&truth_path, truth.to_string()).unwrap();
    let pred = dir.path().join("pred.json");
    let out = bin()
        .args(["--json", "--quiet", "bench", "extract"])
        .arg(dir.path())
        .arg("--truth")
        .arg(&truth_path)
        .arg("--out")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pages"], 2);
    assert!(v["single_thread_pages_per_s"].as_f64().unwrap() > 0.0);
    // The truths are the first paragraph only: recall 1, precision well below.
    assert_eq!(v["score"]["recall"].as_f64().unwrap(), 1.0);
    let p = v["score"]["precision"].as_f64().unwrap();
    assert!(p > 0.05 && p < 0.5, "{p}");
    let preds: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&pred).unwrap()).unwrap();
    assert!(preds["news"]["articleBody"].as_str().unwrap().contains("Opposition members"));
}
