//! `crosscheck bench learn-cluster`: learn the story clusterer's pair models
//! from an event-labelled corpus (`crosscheck_bench::learn`) and optionally
//! write them as the Rust table `crates/crosscheck-cluster/src/learned.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_bench::learn::{run_learn, LearnOptions};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpus folder: `txt/`, `labels_event.json`, `labels_topic.json` (the ECB+ layout).
    #[arg(long, default_value = "../shared/bench/stories-ecbplus")]
    pub corpus: PathBuf,
    /// Folds of the topic-grouped cross-validation (held-out figures); 0 for none.
    #[arg(long, default_value_t = 3)]
    pub folds: usize,
    /// Write the learned table to this Rust source file.
    #[arg(long)]
    pub write: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let progress = super::progress(ctx);
    let encoder = ctx.encoder();
    let report = run_learn(&LearnOptions { corpus: args.corpus.clone(), folds: args.folds }, encoder.as_deref(), &progress)?;
    if let Some(path) = &args.write {
        let command = format!(
            "crosscheck bench learn-cluster --corpus {} --folds {} --write {}",
            args.corpus.display(),
            args.folds,
            path.display()
        );
        std::fs::write(path, report.rust_table(&command)).with_context(|| format!("writing {}", path.display()))?;
    }
    super::print(ctx, &report, |r| r.render())
}
