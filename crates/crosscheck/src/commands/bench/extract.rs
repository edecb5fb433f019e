//! `crosscheck bench extract DIR [--truth FILE] [--out PRED.json]`: main-text
//! extraction speed over a directory of pages (`DIR/html/*.html[.gz]` or
//! `DIR/*.html[.gz]`), single-threaded and on all cores, and with a ground
//! truth (`{id: {"articleBody": ...}}`) the benchmark's precision, recall, F1
//! and accuracy. `--out` writes the predictions in the same shape, so
//! `score.py TRUTH PRED` can check the figures.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use crosscheck_html::benchmark::{aggregate, score_page, BodyScore};
use serde::Serialize;

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory of pages: `html/<id>.html.gz` (or `.html`), or the files directly.
    pub dir: PathBuf,
    /// Ground truth JSON: `{id: {"articleBody": text}}` (default: `DIR/ground-truth.json` if present).
    #[arg(long)]
    pub truth: Option<PathBuf>,
    /// Write predictions as `{id: {"articleBody": text}}`.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Threads for the parallel run (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Print the F1 of each page (worst first) with --truth.
    #[arg(long)]
    pub per_page: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    pages: usize,
    megabytes: f64,
    failed: usize,
    single_thread_pages_per_s: f64,
    single_thread_mb_per_s: f64,
    threads: usize,
    total_pages_per_s: f64,
    total_mb_per_s: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<BodyScore>,
}

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

fn page_id(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.trim_end_matches(".gz").trim_end_matches(".html").trim_end_matches(".htm").to_string()
}

fn list_pages(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let sub = dir.join("html");
    let base = if sub.is_dir() { sub } else { dir.to_path_buf() };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&base)
        .with_context(|| format!("listing {}", base.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".html") || n.ends_with(".htm") || n.ends_with(".html.gz") || n.ends_with(".htm.gz")
        })
        .collect();
    pages.sort();
    anyhow::ensure!(!pages.is_empty(), "no .html or .html.gz pages in {}", base.display());
    Ok(pages)
}

fn extract_text(bytes: &[u8]) -> Option<String> {
    crosscheck_html::extract(bytes, None, None).ok().map(|e| e.text)
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if cfg!(debug_assertions) && !ctx.quiet {
        eprintln!("crosscheck: note: debug build; figures are only meaningful from a --release build");
    }
    let paths = list_pages(&args.dir)?;
    let mut pages = Vec::with_capacity(paths.len());
    for p in &paths {
        pages.push((page_id(p), read_page(p)?));
    }
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let mb = bytes as f64 / 1e6;

    let start = Instant::now();
    let predictions: Vec<Option<String>> = pages.iter().map(|(_, b)| extract_text(b)).collect();
    let single = start.elapsed().as_secs_f64().max(1e-9);

    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let start = Instant::now();
    std::thread::scope(|s| {
        let chunk = pages.len().div_ceil(threads);
        for part in pages.chunks(chunk.max(1)) {
            s.spawn(move || part.iter().map(|(_, b)| extract_text(b).map_or(0, |t| t.len())).sum::<usize>());
        }
    });
    let total = start.elapsed().as_secs_f64().max(1e-9);

    let failed = predictions.iter().filter(|p| p.is_none()).count();
    let by_id: BTreeMap<&str, &str> =
        pages.iter().zip(&predictions).map(|((id, _), p)| (id.as_str(), p.as_deref().unwrap_or(""))).collect();

    if let Some(out) = &args.out {
        let json: BTreeMap<&str, serde_json::Value> =
            by_id.iter().map(|(k, v)| (*k, serde_json::json!({ "articleBody": v }))).collect();
        std::fs::write(out, serde_json::to_string(&json)?).with_context(|| format!("writing {}", out.display()))?;
    }

    let truth_path = args.truth.clone().or_else(|| Some(args.dir.join("ground-truth.json")).filter(|p| p.is_file()));
    let mut score = None;
    let mut per_page = Vec::new();
    if let Some(tp) = &truth_path {
        let raw = std::fs::read_to_string(tp).with_context(|| format!("reading {}", tp.display()))?;
        let truth: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&raw).with_context(|| format!("parsing {}", tp.display()))?;
        let mut scores = Vec::with_capacity(truth.len());
        for (id, v) in &truth {
            let t = v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
            let s = score_page(t, by_id.get(id.as_str()).copied().unwrap_or(""));
            per_page.push((id.clone(), s));
            scores.push(s);
        }
        score = Some(aggregate(&scores));
    }

    let report = Report {
        pages: pages.len(),
        megabytes: mb,
        failed,
        single_thread_pages_per_s: pages.len() as f64 / single,
        single_thread_mb_per_s: mb / single,
        threads,
        total_pages_per_s: pages.len() as f64 / total,
        total_mb_per_s: mb / total,
        score,
    };
    if ctx.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("pages {}  ({:.1} MB, {} without article)", report.pages, report.megabytes, report.failed);
    println!(
        "single thread: {:.1} pages/s  {:.2} MB/s",
        report.single_thread_pages_per_s, report.single_thread_mb_per_s
    );
    println!("{} threads:    {:.1} pages/s  {:.2} MB/s", report.threads, report.total_pages_per_s, report.total_mb_per_s);
    if let Some(s) = &report.score {
        println!(
            "F1 {:.3}  P {:.3}  R {:.3}  acc {:.3}  pages {}",
            s.f1, s.precision, s.recall, s.accuracy, s.pages
        );
    }
    if args.per_page {
        per_page.sort_by(|a, b| {
            let f = |s: &crosscheck_html::benchmark::PageScore| if s.tp > 0.0 { 2.0 * s.tp / (2.0 * s.tp + s.fp + s.fn_) } else { 0.0 };
            f(&a.1).total_cmp(&f(&b.1))
        });
        for (id, s) in &per_page {
            let p = if s.tp + s.fp > 0.0 { s.tp / (s.tp + s.fp) } else { 0.0 };
            let r = if s.tp + s.fn_ > 0.0 { s.tp / (s.tp + s.fn_) } else { 0.0 };
            println!("{id}  P {p:.3}  R {r:.3}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
