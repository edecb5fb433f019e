//! `crosscheck bench embed [PATH...]`: sentence-embedding speed
//! (`crosscheck_bench::embed`) over the articles PATH holds.

use std::process::ExitCode;

use crate::commands::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to embed (default: the bundled seeds).
    #[arg(default_values_t = vec!["examples/seeds".to_string()])]
    pub paths: Vec<String>,
    /// Passes over the inputs (figures are over all of them).
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let articles = read_inputs(ctx, &args.paths, &spinner(ctx, false, "reading"))?;
    let report = crosscheck_bench::embed::run_embed(&articles, args.rounds)?;
    super::print(ctx, &report, |r| r.render())
}
