//! `crosscheck bench analyze PATH...`: `analyze` end to end on the articles
//! PATH holds (`crosscheck_bench::analyze`): articles/s without and with the
//! sentence-embedding model (unless `--no-embeddings` or none is installed),
//! the model's cost, and the time of each stage.

use std::process::ExitCode;

use crate::commands::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to analyse (files, directories, globs).
    #[arg(required = true)]
    pub paths: Vec<String>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let started = std::time::Instant::now();
    let bar = spinner(ctx, false, "read");
    let articles = read_inputs(ctx, &args.paths, &bar)?;
    bar.finish_and_clear();
    let read_seconds = started.elapsed().as_secs_f64();
    super::progress(ctx)(&format!("analysing {} articles without the model, then with it", articles.len()));
    let report = crosscheck_bench::analyze::run_analyze(&articles, read_seconds, || ctx.encoder())?;
    super::print(ctx, &report, |r| r.render())
}
