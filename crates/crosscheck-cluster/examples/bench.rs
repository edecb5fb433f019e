//! Release-mode driver of the benchmarks without building the whole workspace:
//! `cargo run --release -p crosscheck-cluster --example bench -- dedup --docs 100000 [--perm 128]
//! [--threshold 0.8] [--corpus FILE] [--json]` or `... -- cluster [--docs 100000] [--memory-docs 1000000] [--json]`.
//! Prints the same figures as `crosscheck bench dedup|cluster`.

use std::path::PathBuf;

use crosscheck_cluster::bench;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let json = args.iter().any(|a| a == "--json");
    let progress = |s: &str| {
        if !json {
            eprintln!("... {s}")
        }
    };
    match args.first().map(String::as_str) {
        Some("dedup") => {
            let mut o = bench::DedupBenchOptions::default();
            if let Some(v) = get("--docs") {
                o.docs = v.parse()?;
            }
            if let Some(v) = get("--perm") {
                o.num_perm = v.parse()?;
            }
            if let Some(v) = get("--threshold") {
                o.threshold = v.parse()?;
            }
            o.corpus_out = get("--corpus").map(PathBuf::from);
            let r = bench::run_dedup(&o, &progress)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print!("{}", r.render());
            }
        }
        Some("cluster") => {
            let o = bench::ClusterBenchOptions {
                fixtures: get("--fixtures")
                    .map(PathBuf::from)
                    .unwrap_or_else(bench::default_fixtures),
                seeds: Some(
                    get("--seeds")
                        .map(PathBuf::from)
                        .unwrap_or_else(bench::default_seeds),
                ),
                synthetic: get("--docs")
                    .map(|v| v.parse())
                    .transpose()?
                    .unwrap_or(100_000),
                seed: 7,
            };
            if let Some(n) = get("--memory-docs") {
                let r = bench::run_memory(n.parse()?, 7, &progress)?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&r)?);
                } else {
                    print!("{}", r.render());
                }
                return Ok(());
            }
            let r = bench::run_cluster(&o, None, &progress)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print!("{}", r.render());
            }
        }
        _ => eprintln!("usage: bench dedup|cluster [options]"),
    }
    Ok(())
}
