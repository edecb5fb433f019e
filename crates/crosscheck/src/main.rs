//! The `crosscheck` command line: a thin layer over the stage crates.
//!
//! Contract (scripts depend on it): `crosscheck [--db PATH] <verb> ... [--json]`.
//! Every verb lives in its own module under `commands/`, owns its clap `Args`, and
//! prints JSON instead of a table when `--json` is given.

mod commands;


use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Options every verb sees.
#[derive(Debug, Clone)]
pub struct Context {
    /// SQLite file (or, for the verbs that support it, a `postgres://` URL).
    pub db: String,
    /// Machine-readable output instead of tables.
    pub json: bool,
    /// No progress bars, no summaries on stderr.
    pub quiet: bool,
    /// Sentence embeddings turned off by `--no-embeddings`.
    pub no_embeddings: bool,
    /// `-v`: per-stage timings at the end (and, for `eval`, the missed and extra items).
    pub verbose: bool,
    /// `--two-pass`: cluster stories in two passes (a new database; a saved state keeps its settings).
    pub two_pass: bool,
}

impl Context {
    /// The sentence encoder for clustering and claim alignment: the installed
    /// all-MiniLM-L6-v2 (loaded once), unless `--no-embeddings` was given or no
    /// model is installed (then the stages run on their lexical signals).
    pub fn encoder(&self) -> Option<std::sync::Arc<dyn crosscheck_core::SentenceEncoder>> {
        if self.no_embeddings {
            return None;
        }
        crosscheck_embed::shared_encoder()
    }

    /// The clustering settings of a fresh clusterer: the defaults, in two passes with `--two-pass`.
    pub fn story_config(&self) -> crosscheck_cluster::StoryConfig {
        crosscheck_cluster::StoryConfig { partition: self.two_pass, ..Default::default() }
    }
}

#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about = "Follow one news story across many outlets: who said what, what is corroborated, what was changed.")]
struct Cli {
    /// Database: a SQLite file path (created if missing).
    #[arg(long, global = true, env = "CROSSCHECK_DB", default_value = "crosscheck.db")]
    db: String,
    /// Print JSON instead of a table.
    #[arg(long, global = true)]
    json: bool,
    /// No progress bars or summaries on stderr.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Do not use sentence embeddings (all-MiniLM-L6-v2) even when the model is installed.
    #[arg(long, global = true)]
    no_embeddings: bool,
    /// Per-stage timings at the end (analyze); missed and extra items (eval).
    #[arg(long, short, global = true)]
    verbose: bool,
    /// Cluster in two passes: coverage groups re-partitioned into events, which
    /// tells similar events apart (learned on ECB+; `bench cluster --ecbplus`).
    /// Applies to a new database or clustering state; a saved one keeps its settings.
    #[arg(long, global = true)]
    two_pass: bool,
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Read files, directories, globs or `-` (JSONL on stdin) into the store.
    Ingest(commands::ingest::Args),
    /// List stored articles.
    Ls(commands::ls::Args),
    /// Show one stored article with its metadata.
    Show(commands::show::Args),
    /// Extract main text and metadata from one file (HTML, text...).
    Extract(commands::extract::Args),
    /// Find near-duplicate and syndicated copies.
    Dedup(commands::dedup::Args),
    /// Group articles into stories.
    Cluster(commands::cluster::Args),
    /// Every quotation of every article with its speaker, role, cue and spans.
    Quotes(commands::quotes::Args),
    /// Ingest, group and cross-check; write the story dossiers.
    Analyze(commands::analyze::Args),
    /// Score the analysis against a gold annotation.
    Eval(commands::eval::Args),
    /// The incident register across all stories.
    Incidents(commands::incidents::Args),
    /// Serve the HTTP API and web UI.
    Serve(commands::serve::Args),
    /// Watch feeds and an incoming folder; ingest and re-cluster as articles arrive.
    Watch(commands::watch::Args),
    /// Benchmarks that print figures.
    Bench(commands::bench::Args),
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    // A panic caught at a stage boundary is reported with its article and
    // stage by the pipeline; any other is one line saying it is a bug.
    crosscheck_pipeline::guard::install_panic_hook();
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CROSSCHECK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,html5ever=error")),
        )
        .with_writer(commands::progress::LogWriter::default)
        // Colour codes only for a terminal: logs redirected to a file stay plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let ctx = Context { db: cli.db, json: cli.json, quiet: cli.quiet, no_embeddings: cli.no_embeddings, verbose: cli.verbose, two_pass: cli.two_pass };
    let result = match cli.verb {
        Verb::Ingest(a) => commands::ingest::run(&ctx, a),
        Verb::Ls(a) => commands::ls::run(&ctx, a),
        Verb::Show(a) => commands::show::run(&ctx, a),
        Verb::Extract(a) => commands::extract::run(&ctx, a),
        Verb::Dedup(a) => commands::dedup::run(&ctx, a),
        Verb::Cluster(a) => commands::cluster::run(&ctx, a),
        Verb::Quotes(a) => commands::quotes::run(&ctx, a),
        Verb::Analyze(a) => commands::analyze::run(&ctx, a),
        Verb::Eval(a) => commands::eval::run(&ctx, a),
        Verb::Incidents(a) => commands::incidents::run(&ctx, a),
        Verb::Serve(a) => commands::serve::run(&ctx, a),
        Verb::Watch(a) => commands::watch::run(&ctx, a),
        Verb::Bench(a) => commands::bench::run(&ctx, a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}


/// Rust ignores SIGPIPE, so `crosscheck ls | head` would make every later
/// print fail (and `println!` panic). A command-line tool should end quietly
/// when its reader goes away, as `cat` does.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; resetting a
    // signal's disposition to its default has no other effect on this process.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
