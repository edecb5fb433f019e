//! `crosscheck serve [--bind ADDR] [--token T] [--feeds FILE] [--incoming DIR]`:
//! the HTTP API and web UI over the store named by `--db` (SQLite file or
//! `postgres://` URL), optionally watching feeds and an incoming folder.
//!
//! Binds 127.0.0.1:8080 by default. A non-loopback address is refused unless a
//! write token is given (`--token` or `CROSSCHECK_TOKEN`); with a token, every
//! POST needs `Authorization: Bearer <token>`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Context as _;
use crosscheck_pipeline::Pipeline;
use crosscheck_server::{ServerConfig, Watcher};

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Bearer token required on writes (required for a non-loopback --bind).
    #[arg(long, env = "CROSSCHECK_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest request body in bytes (413 beyond).
    #[arg(long, default_value_t = crosscheck_server::tables::DEFAULT_MAX_BODY_BYTES)]
    pub max_body: usize,
    /// A feeds file (one feed location a line) to poll.
    #[arg(long)]
    pub feeds: Option<PathBuf>,
    /// A folder whose new files are ingested as they appear.
    #[arg(long)]
    pub incoming: Option<PathBuf>,
    /// Seconds between polls of the feeds and the incoming folder.
    #[arg(long, default_value_t = crosscheck_server::tables::DEFAULT_POLL_SECS)]
    pub interval: u64,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let config = ServerConfig { bind: args.bind, token: args.token.filter(|t| !t.trim().is_empty()), max_body_bytes: args.max_body };
    crosscheck_server::check_bind(config.bind, config.token.as_deref())?;
    let store = crosscheck_store::open(&ctx.db).with_context(|| format!("opening the store {}", ctx.db))?;
    let pipeline = Arc::new(Pipeline::open_with_config(Arc::from(store), ctx.encoder(), ctx.story_config()).context("restoring the story clusterer")?);
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = if args.feeds.is_some() || args.incoming.is_some() {
        let feeds = match &args.feeds {
            Some(f) => crosscheck_server::read_feeds_file(f)?,
            None => Vec::new(),
        };
        if let Some(dir) = &args.incoming {
            anyhow::ensure!(dir.is_dir(), "--incoming {} is not a folder", dir.display());
        }
        let w = Watcher::new(feeds, args.incoming.clone());
        let (p, s) = (pipeline.clone(), stop.clone());
        let interval = std::time::Duration::from_secs(args.interval.max(1));
        Some(std::thread::Builder::new().name("crosscheck-watch".into()).spawn(move || w.run_until(&p, interval, &s))?)
    } else {
        None
    };
    let quiet = ctx.quiet;
    let result = crosscheck_server::serve_until_signal(pipeline, config, |addr| {
        if !quiet {
            eprintln!("crosscheck: serving http://{addr}/ (Ctrl-C to stop)");
        }
    });
    stop.store(true, Ordering::Relaxed);
    if let Some(t) = watcher {
        let _ = t.join();
    }
    result?;
    Ok(ExitCode::SUCCESS)
}
