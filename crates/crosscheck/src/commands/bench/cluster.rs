//! `crosscheck bench cluster`: story clustering quality (B-cubed and pairwise
//! F1) on the labelled fixtures plus the seeds, and throughput and peak memory
//! on generated articles.

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_cluster::bench::{
    default_fixtures, default_seeds, run_cluster, run_memory, ClusterBenchOptions,
};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Synthetic articles for throughput and memory.
    #[arg(long, default_value_t = 100_000)]
    pub docs: usize,
    /// Labelled fixture stories (JSON array of {story, source, title, published, text}).
    #[arg(long)]
    pub fixtures: Option<PathBuf>,
    /// Directory of seed reports forming one more gold story.
    #[arg(long)]
    pub seeds: Option<PathBuf>,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Instead: stream this many generated articles through one clusterer and
    /// report its memory (the 1M-articles-in-2-GB check).
    #[arg(long)]
    pub memory_docs: Option<usize>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if cfg!(debug_assertions) && !ctx.quiet {
        eprintln!(
            "crosscheck: note: debug build; figures are only meaningful from a --release build"
        );
    }
    let seeds = args.seeds.unwrap_or_else(default_seeds);
    let opts = ClusterBenchOptions {
        fixtures: args.fixtures.unwrap_or_else(default_fixtures),
        seeds: seeds.exists().then_some(seeds),
        synthetic: args.docs,
        seed: args.seed,
    };
    let quiet = ctx.quiet || ctx.json;
    if let Some(n) = args.memory_docs {
        let r = run_memory(n, args.seed, &|s| {
            if !quiet {
                eprintln!("... {s}")
            }
        })?;
        if ctx.json {
            println!("{}", serde_json::to_string_pretty(&r)?);
        } else {
            print!("{}", r.render());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let encoder = ctx.encoder();
    let report = run_cluster(&opts, encoder.as_deref(), &|s| {
        if !quiet {
            eprintln!("... {s}")
        }
    })?;
    if ctx.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.render());
    }
    Ok(ExitCode::SUCCESS)
}
