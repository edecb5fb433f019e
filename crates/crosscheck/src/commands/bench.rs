//! `crosscheck bench ...`: benchmarks that print figures (never timed tests).
//! Argument parsing only; the benchmarks are `crosscheck-bench`.

use std::process::ExitCode;

use crate::Context;

pub mod analyze;
pub mod cluster;
pub mod dedup;
pub mod embed;
pub mod extract;
pub mod learn;
pub mod learn_speakers;
pub mod learn_speech;
pub mod serve;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub which: Which,
}

#[derive(Debug, clap::Subcommand)]
pub enum Which {
    /// `analyze` end to end: articles/s without and with the model, time per stage.
    Analyze(analyze::Args),
    /// HTML extraction speed (and accuracy against a ground truth, if given).
    Extract(extract::Args),
    /// Near-duplicate detection speed and recall on a generated corpus.
    Dedup(dedup::Args),
    /// Story clustering quality and throughput.
    Cluster(cluster::Args),
    /// Learn the story clusterer's pair models from an event-labelled corpus (ECB+ layout).
    LearnCluster(learn::Args),
    /// Sentence-embedding speed (model load, sentences/s, articles/s).
    Embed(embed::Args),
    /// Learn the speaker ranker's weights from quote corpora (PolNeAR, SpkAtt), cross-validated.
    LearnSpeakers(learn_speakers::Args),
    /// Learn the speech model (speech, or words in marks nobody said) from quote corpora, cross-validated.
    LearnSpeech(learn_speech::Args),
    /// HTTP API ingest throughput and story read latency (in-process server).
    Serve(serve::Args),
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    match args.which {
        Which::Analyze(a) => analyze::run(ctx, a),
        Which::Extract(a) => extract::run(ctx, a),
        Which::Dedup(a) => dedup::run(ctx, a),
        Which::Cluster(a) => cluster::run(ctx, a),
        Which::Serve(a) => serve::run(ctx, a),
        Which::Embed(a) => embed::run(ctx, a),
        Which::LearnCluster(a) => learn::run(ctx, a),
        Which::LearnSpeakers(a) => learn_speakers::run(ctx, a),
        Which::LearnSpeech(a) => learn_speech::run(ctx, a),
    }
}

/// The note every benchmark prints in a debug build.
fn debug_build_note(ctx: &Context) {
    if cfg!(debug_assertions) && !ctx.quiet {
        eprintln!("crosscheck: note: debug build; figures are only meaningful from a --release build");
    }
}

/// Progress lines on stderr (`... step`), unless quiet or printing JSON.
fn progress(ctx: &Context) -> impl Fn(&str) + '_ {
    move |s: &str| {
        if !ctx.quiet && !ctx.json {
            eprintln!("... {s}")
        }
    }
}

/// Print a report as JSON or as its text rendering.
fn print<R: serde::Serialize>(ctx: &Context, report: &R, text: impl FnOnce(&R) -> String) -> anyhow::Result<ExitCode> {
    if ctx.json {
        println!("{}", serde_json::to_string_pretty(report)?);
    } else {
        print!("{}", text(report));
    }
    Ok(ExitCode::SUCCESS)
}
