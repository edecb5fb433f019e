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
    /// Time only the first N sentences (all of them by default).
    #[arg(long)]
    pub max_sentences: Option<usize>,
    /// Write the timed sentences to FILE, one JSON string per line, so that
    /// another encoder can be timed on exactly them (`bench/embed_vs_torch.py`).
    #[arg(long, value_name = "FILE")]
    pub sentences_out: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let articles = read_inputs(ctx, &args.paths, &spinner(ctx, false, "reading"))?;
    let options = crosscheck_bench::embed::EmbedOptions {
        rounds: args.rounds,
        max_sentences: args.max_sentences,
        sentences_out: args.sentences_out,
    };
    let report = crosscheck_bench::embed::run_embed(&articles, &options)?;
    super::print(ctx, &report, |r| r.render())
}
