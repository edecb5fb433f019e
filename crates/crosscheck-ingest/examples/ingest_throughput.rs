//! Measure ingestion: read every input (files, directories, globs) through
//! the sniffing readers and print counts and throughput; or time one
//! synthetic HTML page of a given size.
//!
//! ```text
//! cargo run --release -p crosscheck-ingest --example ingest_throughput -- examples/seeds crates/crosscheck-ingest/tests/fixtures/ok
//! cargo run --release -p crosscheck-ingest --example ingest_throughput -- --page-mb 50
//! ```

use std::time::Instant;

use crosscheck_ingest::{expand_inputs, read_bytes, read_path, ReadOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(pos) = args.iter().position(|a| a == "--page-mb") {
        let mb: usize = args.get(pos + 1).and_then(|s| s.parse().ok()).unwrap_or(50);
        return synthetic_page(mb);
    }
    let started = Instant::now();
    let (mut files, mut articles, mut errors, mut bytes) = (0usize, 0usize, 0usize, 0u64);
    for input in expand_inputs(&args) {
        let path = match input {
            Ok(p) => p,
            Err(e) => {
                errors += 1;
                eprintln!("error: {e}");
                continue;
            }
        };
        files += 1;
        bytes += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        for r in read_path(&path) {
            match r {
                Ok(_) => articles += 1,
                Err(e) => {
                    errors += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "files {files}  articles {articles}  errors {errors}  bytes {bytes}  time {secs:.3}s  {:.1} articles/s  {:.2} MB/s",
        articles as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}

/// Time one HTML page of about `mb` megabytes of article paragraphs.
fn synthetic_page(mb: usize) {
    let para = "<p>The harbour authority reopened the main channel on Thursday after the storm, officials said at a briefing.</p>\n";
    let body = para.repeat(mb * 1_000_000 / para.len());
    let html = format!("<!DOCTYPE html><html><head><title>Big page</title></head><body><nav><a href=\"/\">Home</a></nav><article>{body}</article></body></html>");
    let size = html.len();
    let started = Instant::now();
    let results: Vec<_> = read_bytes("synthetic.html", html.into_bytes(), ReadOptions::default()).collect();
    let secs = started.elapsed().as_secs_f64();
    match &results[0] {
        Ok(a) => println!("page {:.1} MB  read in {secs:.2}s  text {:.1} MB  ({:.1} MB/s)", size as f64 / 1e6, a.text.len() as f64 / 1e6, size as f64 / 1e6 / secs),
        Err(e) => println!("page {:.1} MB  refused in {secs:.2}s: {e}", size as f64 / 1e6),
    }
}
