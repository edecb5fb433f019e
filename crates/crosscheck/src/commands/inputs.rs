//! Reading command-line inputs: the one way every verb turns `PATH...` (files,
//! directories, globs, `-` for JSONL on stdin) into articles, with progress and
//! per-input warnings. A bad input is reported with its path and reason and the
//! batch goes on; so is a reader that fails on one file (a bug meeting a
//! pathological file: the panic is caught at the file, stage `read`).

use std::collections::HashSet;

use crosscheck_core::Article;
use crosscheck_ingest::IngestError;
use indicatif::{ProgressBar, ProgressStyle};

use crate::Context;

/// Batches of more files than this get a progress bar (smaller ones finish
/// before a bar would be read).
const PROGRESS_MIN_FILES: usize = 50;

/// A progress spinner counting articles (the `read` stage's bar), hidden with
/// `--quiet`, `--json`, on a non-terminal stderr, or when `machine` output
/// (e.g. `--jsonl`) goes to stdout.
pub(crate) fn spinner(ctx: &Context, machine: bool, what: &str) -> ProgressBar {
    if machine {
        return ProgressBar::hidden();
    }
    super::progress::stage_spinner(ctx, what, "articles")
}

/// What a walk over the inputs met.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Files (and stdin) opened.
    pub files: usize,
    /// Articles read (before any de-duplication).
    pub articles: usize,
    /// One per unreadable input or record, in the order met (pages skipped
    /// for not being articles included: see [`Tally::not_articles`]).
    pub errors: Vec<IngestError>,
}

impl Tally {
    /// Pages skipped because they are no article (section fronts, tag or
    /// search listings, pages without article text).
    pub fn not_articles(&self) -> usize {
        self.errors.iter().filter(|e| e.is_not_an_article()).count()
    }

    /// Inputs that could not be read at all.
    pub fn unreadable(&self) -> usize {
        self.errors.len() - self.not_articles()
    }
}

/// Stream every article of `inputs` to `sink`, in input order. Files are
/// counted on a bar when there are many of them, else articles on `pb`.
/// Each error is printed as a warning (unless quiet or JSON) and kept in the tally.
pub(crate) fn visit_inputs(
    ctx: &Context,
    inputs: &[String],
    pb: &ProgressBar,
    mut sink: impl FnMut(Article) -> anyhow::Result<()>,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    let warn = |tally: &mut Tally, e: IngestError| {
        if !ctx.quiet && !ctx.json {
            super::progress::suspend(|| eprintln!("crosscheck: warning: {e}"));
        }
        tracing::warn!(path = %e.path, reason = %e.reason, "input skipped");
        tally.errors.push(e);
    };
    let files: Vec<String> = inputs.iter().filter(|i| i.as_str() != "-").cloned().collect();
    if inputs.iter().any(|i| i == "-") {
        tally.files += 1;
        let stdin = std::io::BufReader::new(std::io::stdin());
        for r in crosscheck_ingest::read_jsonl("stdin", stdin) {
            match r {
                Ok(a) => {
                    tally.articles += 1;
                    pb.inc(1);
                    sink(a)?;
                }
                Err(e) => warn(&mut tally, e),
            }
        }
    }
    let expanded = crosscheck_ingest::expand_inputs(&files);
    let per_file = expanded.len() > PROGRESS_MIN_FILES && !pb.is_hidden();
    if per_file {
        pb.set_length(expanded.len() as u64);
        pb.set_style(
            ProgressStyle::with_template("{prefix:>9} [{bar:30}] {pos}/{len} files ({per_sec}, eta {eta}) {msg}")
                .expect("template")
                .progress_chars("=> "),
        );
    }
    for p in expanded {
        let path = match p {
            Ok(p) => p,
            Err(e) => {
                warn(&mut tally, e);
                continue;
            }
        };
        tally.files += 1;
        let records = match crosscheck_pipeline::guard::guarded(|| crosscheck_ingest::read_path(&path).collect::<Vec<_>>()) {
            Ok(records) => records,
            Err(panic) => vec![Err(IngestError { path: path.display().to_string(), reason: format!("the reader failed on this file ({panic}); skipped"), code: None })],
        };
        for r in records {
            match r {
                Ok(a) => {
                    tally.articles += 1;
                    if !per_file {
                        pb.inc(1);
                    }
                    sink(a)?;
                }
                Err(e) => warn(&mut tally, e),
            }
        }
        if per_file {
            pb.inc(1);
        }
    }
    Ok(tally)
}

/// Read every article of `inputs` into memory, exact duplicates (same content
/// id) kept once. `Err` only when nothing at all could be read.
pub(crate) fn read_inputs(ctx: &Context, inputs: &[String], pb: &ProgressBar) -> anyhow::Result<Vec<Article>> {
    let mut seen = HashSet::new();
    let mut articles = Vec::new();
    let tally = visit_inputs(ctx, inputs, pb, |a| {
        if seen.insert(a.id.clone()) {
            articles.push(a);
        }
        Ok(())
    })?;
    let skipped = tally.not_articles();
    if skipped > 0 && !ctx.quiet && !ctx.json {
        super::progress::suspend(|| {
            eprintln!("crosscheck: {skipped} page(s) skipped as not articles (section fronts, tag or search listings, pages without article text)")
        });
    }
    if articles.is_empty() {
        anyhow::bail!(
            "no article could be read from {} ({} error(s){})",
            inputs.join(" "),
            tally.errors.len(),
            tally.errors.first().map(|e| format!("; first: {e}")).unwrap_or_default()
        );
    }
    Ok(articles)
}
