//! `crosscheck bench dedup`: near-duplicate detection speed, recall and
//! precision on a generated corpus with planted copies (`crosscheck_bench::dedup`).
//! Compare with datasketch through `bench/dedup_vs_datasketch.py` (it runs this command).

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_bench::dedup::{run_dedup, DedupBenchOptions};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to generate.
    #[arg(long, default_value_t = 20_000)]
    pub docs: usize,
    /// MinHash permutations.
    #[arg(long, default_value_t = 128)]
    pub perm: usize,
    /// Jaccard threshold.
    #[arg(long, default_value_t = 0.8)]
    pub threshold: f64,
    /// Share of documents that are planted copies.
    #[arg(long, default_value_t = 0.25)]
    pub copy_share: f64,
    /// Write the corpus here (JSONL) and its truth to `FILE.truth.jsonl`.
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let opts = DedupBenchOptions {
        docs: args.docs,
        num_perm: args.perm,
        threshold: args.threshold,
        copy_share: args.copy_share,
        seed: args.seed,
        corpus_out: args.corpus,
    };
    let report = run_dedup(&opts, &super::progress(ctx))?;
    super::print(ctx, &report, |r| r.render())
}
