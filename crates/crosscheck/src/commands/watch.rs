//! `crosscheck watch FEEDS_FILE [--incoming DIR] [--interval SECS] [--once]`:
//! poll the feeds listed in FEEDS_FILE (one location a line: a file path or an
//! `http://` URL) and the incoming folder, ingest what is new and re-cluster
//! incrementally (the same pipeline as `crosscheck serve`). Prints one line
//! (or one JSON object with `--json`) per poll that found something.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use crosscheck_pipeline::Pipeline;
use crosscheck_server::{PollReport, Watcher};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// File listing the feeds to poll, one a line (`#` comments).
    pub feeds_file: PathBuf,
    /// A folder whose new files are ingested as they appear.
    #[arg(long)]
    pub incoming: Option<PathBuf>,
    /// Seconds between polls.
    #[arg(long, default_value_t = crosscheck_server::tables::DEFAULT_POLL_SECS)]
    pub interval: u64,
    /// Poll once and exit.
    #[arg(long)]
    pub once: bool,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let feeds = crosscheck_server::read_feeds_file(&args.feeds_file)?;
    if let Some(dir) = &args.incoming {
        anyhow::ensure!(dir.is_dir(), "--incoming {} is not a folder", dir.display());
    }
    let store = crosscheck_store::open(&ctx.db).with_context(|| format!("opening the store {}", ctx.db))?;
    let pipeline = Pipeline::open_with_config(Arc::from(store), ctx.encoder(), ctx.story_config()).context("restoring the story clusterer")?;
    let mut watcher = Watcher::new(feeds, args.incoming.clone());
    let mut failed = false;
    loop {
        let report = watcher.poll(&pipeline);
        failed |= !report.errors.is_empty();
        print_report(ctx, &report, args.once)?;
        if args.once {
            // The dossiers of what this poll brought, before exiting.
            pipeline.wait_idle(crosscheck_server::tables::SHUTDOWN_DOSSIER_WAIT * 10);
            break;
        }
        pipeline.persist()?;
        std::thread::sleep(std::time::Duration::from_secs(args.interval.max(1)));
    }
    pipeline.persist()?;
    Ok(if failed && args.once { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn print_report(ctx: &Context, r: &PollReport, always: bool) -> anyhow::Result<()> {
    let eventful = r.feeds_read > 0 || r.files_read > 0 || !r.errors.is_empty();
    if !always && !eventful {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    if ctx.json {
        writeln!(out, "{}", serde_json::to_string(r)?)?;
    } else {
        writeln!(
            out,
            "{} feeds read ({} unchanged), {} files read: {} new articles, {} already stored, {} errors",
            r.feeds_read,
            r.feeds_unchanged,
            r.files_read,
            r.inserted,
            r.existing,
            r.errors.len()
        )?;
        for e in &r.errors {
            writeln!(out, "  error: {e}")?;
        }
    }
    Ok(())
}
