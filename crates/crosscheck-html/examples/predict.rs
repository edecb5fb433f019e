//! Extract the main text of every page in a folder and write it as the
//! benchmarks' prediction JSON (`{id: {"articleBody": text}}`), printing
//! pages/s (one thread): the fast loop for tuning `tables` without building
//! the whole workspace.
//! `cargo run --release -p crosscheck-html --example predict -- DIR OUT.json`
//! (`DIR` holds `*.html` or `*.html.gz`; the id is the file name without them.)
use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: predict DIR OUT.json");
        std::process::exit(2);
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let (id, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id.to_string(), true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id.to_string(), false)
        } else {
            continue;
        };
        let Ok(raw) = std::fs::read(entry.path()) else { continue };
        let bytes = if gz {
            let mut out = Vec::new();
            if flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).is_err() {
                eprintln!("{name}: not gzip");
                continue;
            }
            out
        } else {
            raw
        };
        pages.push((id, bytes));
    }
    pages.sort();
    let start = std::time::Instant::now();
    let mut pred = serde_json::Map::new();
    let mut total_bytes = 0usize;
    for (id, bytes) in &pages {
        total_bytes += bytes.len();
        let text = crosscheck_html::extract(bytes, None, None).map(|e| e.text).unwrap_or_default();
        pred.insert(id.clone(), serde_json::json!({ "articleBody": text }));
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "{} pages in {:.2}s: {:.0} pages/s, {:.1} MB/s",
        pages.len(),
        secs,
        pages.len() as f64 / secs,
        total_bytes as f64 / 1e6 / secs
    );
    if let Err(e) = std::fs::write(&out, serde_json::Value::Object(pred).to_string()) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
}
