//! `crosscheck bench cluster`: story clustering quality (B-cubed and pairwise
//! F1) on labelled fixture stories plus a folder of reports, and throughput and
//! peak memory on generated articles (`crosscheck_bench::cluster`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_bench::cluster::{run_cluster, run_event_corpus, run_memory, ClusterBenchOptions};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Synthetic articles for throughput and memory.
    #[arg(long, default_value_t = 100_000)]
    pub docs: usize,
    /// Labelled fixture stories (JSON array of {story, source, title, published, text}),
    /// e.g. crates/crosscheck-bench/tests/fixtures/stories.json.
    #[arg(long)]
    pub fixtures: Option<PathBuf>,
    /// Folder of reports forming one more gold story (read as `ingest` reads it),
    /// e.g. examples/seeds.
    #[arg(long)]
    pub seeds: Option<PathBuf>,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Instead: stream this many generated articles through one clusterer and
    /// report its memory (the 1M-articles-in-2-GB check).
    #[arg(long)]
    pub memory_docs: Option<usize>,
    /// Instead: score every clustering setting, with and without embeddings, on
    /// an event-labelled corpus in the ECB+ layout (`txt/`, `labels_event.json`,
    /// `labels_topic.json`), e.g. ../shared/bench/stories-ecbplus.
    #[arg(long)]
    pub ecbplus: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let progress = super::progress(ctx);
    let config = ctx.story_config();
    if let Some(dir) = &args.ecbplus {
        let encoder = ctx.encoder();
        let r = run_event_corpus(dir, encoder.as_deref(), &progress)?;
        return super::print(ctx, &r, |r| r.render());
    }
    if let Some(n) = args.memory_docs {
        let r = run_memory(n, args.seed, &config, &progress)?;
        return super::print(ctx, &r, |r| r.render());
    }
    let opts = ClusterBenchOptions {
        fixtures: args.fixtures.context("--fixtures FILE is needed for the labelled corpus (or give --memory-docs N)")?,
        seeds: args.seeds,
        synthetic: args.docs,
        seed: args.seed,
        config,
    };
    let encoder = ctx.encoder();
    let report = run_cluster(&opts, encoder.as_deref(), &progress)?;
    super::print(ctx, &report, |r| r.render())
}
