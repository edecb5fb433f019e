//! `crosscheck bench serve [--articles N]`: HTTP ingest throughput and
//! `GET /stories/{id}` latency of an in-process server (`crosscheck_bench::serve`).

use std::process::ExitCode;

use crosscheck_bench::serve::{run_serve, ServeBenchOptions};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Generated articles posted as JSONL batches.
    #[arg(long, default_value_t = 10_000)]
    pub articles: usize,
    /// Articles per JSONL batch.
    #[arg(long, default_value_t = 100)]
    pub batch: usize,
    /// Further articles posted one per request.
    #[arg(long, default_value_t = 500)]
    pub singles: usize,
    /// Concurrent HTTP clients.
    #[arg(long, default_value_t = 4)]
    pub clients: usize,
    /// `GET /stories/{id}` requests timed.
    #[arg(long, default_value_t = 2000)]
    pub gets: usize,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let opts = ServeBenchOptions {
        articles: args.articles,
        batch: args.batch,
        singles: args.singles,
        clients: args.clients,
        gets: args.gets,
        seed: args.seed,
    };
    let report = run_serve(&opts, ctx.encoder(), &super::progress(ctx))?;
    super::print(ctx, &report, |r| r.render())
}
