//! `crosscheck analyze` over every corpus of `../shared/bench` (issue 17): in
//! text, HTML and JSONL form it exits 0, no stage fails on any article (no
//! panic, caught or not), and every distinct article it stored appears in one
//! of the dossiers it wrote.
//!
//! To keep CI short (2 cores, a debug build) each corpus is subsampled
//! deterministically: every k-th file of its sorted listing, at most
//! `CROSSCHECK_CORPUS_SAMPLE` files (default 40; `0` takes them all, which is
//! how the full corpora are checked by hand with a release build). The JSONL
//! form is written at run time into a temporary folder from sampled text and
//! HTML files (the data is never copied into the repository).

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bench() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench")
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

/// The corpus folders, as (name, folder, file ending).
const CORPORA: [(&str, &str, &str); 7] = [
    ("extraction", "extraction/html", ".html.gz"),
    ("extraction-wcxb", "extraction-wcxb/dev/html", ".html.gz"),
    ("extraction-multilingual", "extraction-multilingual/html", ".html.gz"),
    ("quotes-polnear dev", "quotes-polnear/dev/text", ".txt"),
    ("quotes-polnear train", "quotes-polnear/train/text", ".txt"),
    ("quotes-spkatt-de", "quotes-spkatt-de/train", ".txt"),
    ("stories-ecbplus", "stories-ecbplus/txt", ".txt"),
];

fn sample_size() -> usize {
    std::env::var("CROSSCHECK_CORPUS_SAMPLE").ok().and_then(|v| v.parse().ok()).unwrap_or(40)
}

/// Every k-th file (sorted by name) ending in `ending` under `dir`, at most `n` (`0`: all).
fn sample(dir: &Path, ending: &str, n: usize) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(dir).into_iter().filter(|p| p.to_string_lossy().ends_with(ending)).collect();
    files.sort();
    if n == 0 || files.len() <= n {
        return files;
    }
    let stride = files.len().div_ceil(n);
    files.into_iter().step_by(stride).collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())) {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Analyse `inputs` into a fresh store and check the three promises.
fn analyze_and_check(name: &str, inputs: &[PathBuf]) {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("t.db");
    let out_dir = tmp.path().join("out");
    let out = bin().arg("--db").arg(&db).args(["--no-embeddings", "analyze", "--out"]).arg(&out_dir).args(inputs).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name}: analyze failed: {stderr}");
    for bad in ["panicked", "internal error", "stage failed"] {
        assert!(!stderr.contains(bad), "{name}: {bad}: {stderr}");
    }
    let ls = bin().arg("--db").arg(&db).args(["--json", "ls", "--limit", "1000000"]).output().unwrap();
    assert!(ls.status.success(), "{name}: ls: {}", String::from_utf8_lossy(&ls.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&ls.stdout).unwrap();
    let stored: BTreeSet<String> = rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert!(!stored.is_empty(), "{name}: nothing stored");
    let mut in_dossiers = BTreeSet::new();
    for e in std::fs::read_dir(&out_dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let d: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            assert_eq!(d["problems"].as_array().map_or(0, Vec::len), 0, "{name}: {} lists problems", p.display());
            for a in d["articles"].as_array().unwrap() {
                in_dossiers.insert(a["id"].as_str().unwrap().to_string());
            }
        }
    }
    let lost: Vec<&String> = stored.difference(&in_dossiers).collect();
    assert!(lost.is_empty(), "{name}: {} of {} stored articles are in no dossier: {lost:?}", lost.len(), stored.len());
}

/// One JSONL file of records made from `texts` (plain text) and `pages` (gzipped HTML).
fn jsonl_of(dir: &Path, texts: &[PathBuf], pages: &[PathBuf]) -> PathBuf {
    let mut lines = String::new();
    for (i, p) in texts.iter().enumerate() {
        let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).to_string();
        lines.push_str(&serde_json::json!({"text": text, "source": format!("outlet-{}", i % 5)}).to_string());
        lines.push('\n');
    }
    for p in pages {
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(p).unwrap()).read_to_end(&mut html).unwrap();
        lines.push_str(&serde_json::json!({"html": String::from_utf8_lossy(&html)}).to_string());
        lines.push('\n');
    }
    let path = dir.join("records.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
fn analyze_every_bench_corpus_in_every_form_loses_nothing() {
    if !bench().is_dir() {
        crosscheck_testkit::missing("analyze_every_bench_corpus", "../shared/bench", "check out the shared data beside the repository");
        return;
    }
    let n = sample_size();
    let mut texts = Vec::new();
    let mut pages = Vec::new();
    for (name, folder, ending) in CORPORA {
        let files = sample(&bench().join(folder), ending, n);
        assert!(!files.is_empty(), "{name}: no {ending} files under {folder}");
        analyze_and_check(name, &files);
        // A few of each form for the JSONL run.
        let few = files.iter().take(5).cloned();
        if ending == ".txt" {
            texts.extend(few);
        } else {
            pages.extend(few);
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    analyze_and_check("JSONL records", &[jsonl_of(tmp.path(), &texts, &pages)]);
}
