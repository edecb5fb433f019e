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

#[test]
fn extract_json_reports_the_page_kind() {
    let kind_of = |name: &str, url: Option<&str>| {
        let mut cmd = bin();
        cmd.args(["--json", "extract"]);
        if let Some(u) = url {
            cmd.args(["--url", u]);
        }
        let out = cmd.arg(fixture(name)).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["kind"].as_str().unwrap().to_string()
    };
    assert_eq!(kind_of("news_jsonld.html", None), "article");
    assert_eq!(kind_of("listing_section_front.html", None), "section-front");
    assert_eq!(kind_of("listing_tag.html", Some("https://example.org/tag/flooding/")), "tag-listing");
    assert_eq!(kind_of("listing_search.html", Some("https://example.org/search?q=bridge")), "search-results");
    // A page without article text is reported, not an error, under --json.
    assert_eq!(kind_of("no_article.html", None), "no-article");
}

#[test]
fn bench_extract_scores_metadata_and_prediction_files() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("html");
    std::fs::create_dir(&html).unwrap();
    std::fs::copy(fixture("news_jsonld.html"), html.join("news.html")).unwrap();
    // Title and date right, one author of two wrong.
    let truth = serde_json::json!({
        "news": {"title": "Ministers agree new river flood plan", "author": "Maria Lindqvist; Someone Else", "publish_date": "2025-03-14"},
    });
    let truth_path = dir.path().join("truth.json");
    std::fs::write(&truth_path, truth.to_string()).unwrap();
    let pred = dir.path().join("pred.json");
    let run = |extra: &[&std::ffi::OsStr]| {
        let out = bin().args(["--json", "--quiet", "bench", "extract"]).arg(dir.path()).arg("--truth").arg(&truth_path).args(extra).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let v = run(&["--out".as_ref(), pred.as_os_str()]);
    let m = &v["metadata"];
    assert_eq!(m["date"], serde_json::json!({"truth": 1, "found": 1, "right": 1}));
    assert_eq!(m["title_exact"]["right"], 1);
    assert_eq!(m["author_set"]["right"], 0);
    assert_eq!(m["author_any"]["right"], 1);
    assert_eq!(v["kinds"]["article"], 1);
    // Another extractor's file, scored the same way: a wrong date is counted wrong.
    let other = dir.path().join("other.json");
    std::fs::write(&other, serde_json::json!({"news": {"articleBody": "x", "title": "Ministers agree new river flood plan", "date": "2025-03-15"}}).to_string()).unwrap();
    let v = run(&["--score".as_ref(), other.as_os_str()]);
    assert_eq!(v["metadata"]["date"], serde_json::json!({"truth": 1, "found": 1, "right": 0}));
    assert_eq!(v["metadata"]["author_any"]["found"], 0);
}
