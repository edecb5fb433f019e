//! `crosscheck bench extract DIR [--truth FILE] [--out PRED.json] [--score PRED.json]`:
//! main-text extraction speed and, with a ground truth, body and metadata
//! accuracy (`crosscheck_bench::extract`); `--score` scores another
//! extractor's predictions the same way.

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_bench::extract::{run_extract, ExtractBenchOptions};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory of pages: `html/<id>.html.gz` (or `.html`), or the files directly.
    pub dir: PathBuf,
    /// Ground truth JSON: `{id: {"articleBody": text}}` (default: `DIR/ground-truth.json` if present).
    #[arg(long)]
    pub truth: Option<PathBuf>,
    /// Write predictions as `{id: {"articleBody", "title", "author", "date", "kind"}}`.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Score this prediction file (same shape as `--out`; any extractor's)
    /// against the truth instead of running crosscheck.
    #[arg(long, value_name = "PRED.json")]
    pub score: Option<PathBuf>,
    /// Threads for the parallel run (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Print the F1 of each page (worst first) and each wrong date with --truth.
    #[arg(long)]
    pub per_page: bool,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let opts = ExtractBenchOptions { dir: args.dir, truth: args.truth, out: args.out, threads: args.threads, score: args.score };
    let report = run_extract(&opts)?;
    super::print(ctx, &report, |r| r.render(args.per_page))
}
