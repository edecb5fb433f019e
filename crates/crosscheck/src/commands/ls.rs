//! `crosscheck ls`: the stored articles, most recently stored first, one line
//! each (id, source, publication day, words, title); `--json` gives the rows.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_store::Page;

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many articles to list.
    #[arg(long, default_value_t = 100)]
    pub limit: u64,
    /// Skip this many (the most recent) first.
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let store = crosscheck_store::open(&ctx.db).with_context(|| format!("opening the store {}", ctx.db))?;
    let rows = store.list_articles(Page { offset: args.offset, limit: args.limit })?;
    let mut out = String::new();
    if ctx.json {
        out.push_str(&serde_json::to_string_pretty(&rows)?);
        out.push('\n');
    } else {
        let source_width = rows.iter().map(|r| r.source.chars().count()).max().unwrap_or(6).clamp(6, 28);
        out.push_str(&format!("{:<16}  {:<source_width$}  {:<10}  {:>6}  TITLE\n", "ID", "SOURCE", "DATE", "WORDS"));
        for r in &rows {
            let source: String = r.source.chars().take(source_width).collect();
            out.push_str(&format!(
                "{:<16}  {:<source_width$}  {:<10}  {:>6}  {}\n",
                r.id.as_str(),
                source,
                r.published.as_deref().unwrap_or("-"),
                r.words,
                r.title.as_deref().unwrap_or("(no title)")
            ));
        }
        if !ctx.quiet {
            let total = store.count_articles()?;
            out.push_str(&format!("{} of {} article(s) in {}\n", rows.len(), total, ctx.db));
        }
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
