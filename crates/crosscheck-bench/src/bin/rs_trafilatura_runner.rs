//! `rs-trafilatura-runner DIR PRED.json [--truth FILE]`: the rs-trafilatura
//! crate (a Rust port of trafilatura) over a benchmark folder
//! (`DIR/html/<id>.html[.gz]`), one thread, writing its predictions in the
//! shape `crosscheck bench extract --out` writes (`{id: {articleBody, title,
//! author, date}}`) and printing pages/s as one JSON line. A truth record's
//! `url` is passed as the page's address, as for crosscheck and trafilatura.
//!
//! Built only with the `peers` feature (`cargo build --release -p
//! crosscheck-bench --features peers --bin rs-trafilatura-runner`), so the
//! normal build never compiles the peer crate; `bench/side_by_side.py` runs it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use serde_json::{json, Value};

fn read_page(path: &Path) -> anyhow::Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).with_context(|| format!("gunzipping {}", path.display()))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: rs-trafilatura-runner DIR PRED.json [--truth FILE]";
    let dir = PathBuf::from(args.next().context(usage)?);
    let out = PathBuf::from(args.next().context(usage)?);
    let mut truth_path = Some(dir.join("ground-truth.json")).filter(|p| p.is_file());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--truth" => truth_path = Some(PathBuf::from(args.next().context(usage)?)),
            other => anyhow::bail!("unknown argument {other}; {usage}"),
        }
    }
    let truth: BTreeMap<String, Value> = match &truth_path {
        Some(p) => serde_json::from_str(&std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?)
            .with_context(|| format!("parsing {}", p.display()))?,
        None => BTreeMap::new(),
    };
    let base = if dir.join("html").is_dir() { dir.join("html") } else { dir.clone() };
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&base).with_context(|| format!("listing {}", base.display()))? {
        let p = e?.path();
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Some(id) = name.strip_suffix(".html.gz").or_else(|| name.strip_suffix(".html")) else { continue };
        pages.push((id.to_string(), read_page(&p)?));
    }
    pages.sort();
    anyhow::ensure!(!pages.is_empty(), "no .html or .html.gz pages in {}", base.display());
    let started = Instant::now();
    let mut predictions: BTreeMap<String, Value> = BTreeMap::new();
    for (id, bytes) in &pages {
        let url = truth.get(id).and_then(|t| t.get("url")).and_then(Value::as_str).map(str::to_string);
        let options = rs_trafilatura::Options { url, ..Default::default() };
        let v = match rs_trafilatura::extract_bytes_with_options(bytes, &options) {
            Ok(r) => json!({
                "articleBody": r.content_text,
                "title": r.metadata.title,
                "author": r.metadata.author,
                "date": r.metadata.date.map(|d| d.date_naive().to_string()),
            }),
            Err(_) => json!({ "articleBody": "" }),
        };
        predictions.insert(id.clone(), v);
    }
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    std::fs::write(&out, serde_json::to_string(&predictions)?).with_context(|| format!("writing {}", out.display()))?;
    println!("{}", json!({ "extractor": "rs-trafilatura 0.2.2", "pages": pages.len(), "seconds": seconds, "pages_per_s": pages.len() as f64 / seconds }));
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rs-trafilatura-runner: {e:#}");
            ExitCode::FAILURE
        }
    }
}
