//! Release-mode driver of the dedup and cluster benchmarks without building the CLI:
//! `cargo run --release -p crosscheck-bench --example bench -- dedup --docs 100000 [--perm 128]
//! [--threshold 0.8] [--corpus FILE] [--json]` or `... -- cluster --fixtures FILE [--seeds DIR]
//! [--docs 100000] [--json]` or `... -- cluster --memory-docs 1000000 [--json]`.
//! Prints the same figures as `crosscheck --no-embeddings bench dedup|cluster`.

use std::path::PathBuf;

use crosscheck_bench::{cluster, dedup};

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
            let mut o = dedup::DedupBenchOptions::default();
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
            let r = dedup::run_dedup(&o, &progress)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print!("{}", r.render());
            }
        }
        Some("cluster") => {
            if let Some(n) = get("--memory-docs") {
                let r = cluster::run_memory(
                    n.parse()?,
                    7,
                    &crosscheck_cluster::StoryConfig::default(),
                    &progress,
                )?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&r)?);
                } else {
                    print!("{}", r.render());
                }
                return Ok(());
            }
            let o = cluster::ClusterBenchOptions {
                fixtures: get("--fixtures").map(PathBuf::from).ok_or("cluster needs --fixtures FILE (or --memory-docs N)")?,
                seeds: get("--seeds").map(PathBuf::from),
                synthetic: get("--docs").map(|v| v.parse()).transpose()?.unwrap_or(100_000),
                seed: 7,
                config: crosscheck_cluster::StoryConfig::default(),
            };
            let r = cluster::run_cluster(&o, None, &progress)?;
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
