//! `crosscheck ingest PATH...`: read files, directories, globs or `-` (JSONL on
//! stdin) into the store.
//!
//! Articles are stored in batches, each batch one transaction: a crash or a kill
//! keeps every batch committed before it. Storing is idempotent (an article is
//! its content hash), so running the same ingest twice adds nothing. A file that
//! cannot be read is reported with its path and reason and the rest go on; the
//! exit status is non-zero only when nothing at all could be read.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_core::Article;
use crosscheck_store::PutOutcome;

use super::inputs::{spinner, visit_inputs};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (recursively), glob patterns, or `-` for JSONL on stdin.
    #[arg(required = true, allow_hyphen_values = true)]
    pub inputs: Vec<String>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let store = crosscheck_store::open(&ctx.db).with_context(|| format!("opening the store {}", ctx.db))?;
    let pb = spinner(ctx, false, "ingesting");
    let mut pending: Vec<Article> = Vec::new();
    let mut stored = PutOutcome::default();
    let flush = |pending: &mut Vec<Article>, stored: &mut PutOutcome| -> anyhow::Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let out = store.put_articles(pending).with_context(|| format!("storing a batch of {} articles in {}", pending.len(), ctx.db))?;
        stored.inserted.extend(out.inserted);
        stored.existing.extend(out.existing);
        pending.clear();
        Ok(())
    };
    let tally = visit_inputs(ctx, &args.inputs, &pb, |a| {
        pending.push(a);
        if pending.len() as u64 >= args.batch {
            flush(&mut pending, &mut stored)?;
        }
        Ok(())
    })?;
    flush(&mut pending, &mut stored)?;
    pb.finish_and_clear();

    let mut out = String::new();
    if ctx.json {
        let errors: Vec<serde_json::Value> =
            tally.errors.iter().map(|e| serde_json::json!({"path": e.path, "reason": e.reason, "code": e.code})).collect();
        let v = serde_json::json!({
            "files": tally.files,
            "articles": tally.articles,
            "inserted": stored.inserted,
            "existing": stored.existing,
            "errors": errors,
            "not_articles": tally.not_articles(),
            "total_in_store": store.count_articles()?,
        });
        out.push_str(&serde_json::to_string_pretty(&v)?);
        out.push('\n');
    } else if !ctx.quiet {
        out.push_str(&format!(
            "{} file(s), {} article(s): {} new, {} already stored, {} not an article (skipped), {} error(s); {} in {}\n",
            tally.files,
            tally.articles,
            stored.inserted.len(),
            stored.existing.len(),
            tally.not_articles(),
            tally.unreadable(),
            store.count_articles()?,
            ctx.db
        ));
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(if tally.articles == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
