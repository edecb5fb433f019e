//! `crosscheck analyze PATH... [--out DIR]`: read the inputs, group them into
//! stories, cross-check each story and (with `--out`) write its dossier as
//! `DIR/<story-id>.json`, `.md` and `.html` (plus `index.html` when there are
//! several stories). Prints a short summary, or the dossier summaries as JSON
//! with `--json`.
//!
//! The inputs go into the store (`--db`) through the same pipeline
//! `crosscheck serve` and `watch` use (`crosscheck_pipeline::Pipeline`): it
//! clusters them with the stories already stored and builds each touched
//! story's dossier once; this command then renders the stored dossiers of the
//! stories its inputs belong to. A later `serve`, `ls` or `incidents` on that
//! store sees the same articles, stories and dossiers.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory to write the dossiers into (created if missing).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Files or directories to read.
    #[arg(required = true)]
    pub paths: Vec<String>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let articles = read_inputs(ctx, &args.paths, &spinner(ctx, false, "reading"))?;
    let bar = if ctx.quiet || ctx.json {
        indicatif::ProgressBar::hidden()
    } else {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_message(format!("cross-checking {} articles", articles.len()));
        b.enable_steady_tick(std::time::Duration::from_millis(120));
        b
    };
    let dossiers = analyze_in_store(&ctx.db, &articles, ctx.encoder())?;
    bar.finish_and_clear();
    let mut written = Vec::new();
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for d in &dossiers {
            for (ext, body) in [
                ("json", crosscheck_report::render::json(d)),
                ("md", crosscheck_report::render::markdown(d)),
                ("html", crosscheck_report::render::html(d)),
            ] {
                let p = dir.join(format!("{}.{ext}", d.story_id));
                std::fs::write(&p, body).with_context(|| format!("writing {}", p.display()))?;
                written.push(p);
            }
        }
        if dossiers.len() > 1 {
            let p = dir.join("index.html");
            std::fs::write(&p, crosscheck_report::render::index_html(&dossiers)).with_context(|| format!("writing {}", p.display()))?;
            written.push(p);
        }
    }
    let mut out = String::new();
    if ctx.json {
        let summaries: Vec<serde_json::Value> = dossiers
            .iter()
            .map(|d| {
                serde_json::json!({
                    "story_id": d.story_id,
                    "schema": d.schema,
                    "summary": d.summary,
                    "quote_groups": d.quotes.len(),
                    "quote_variants": d.quotes.iter().map(|q| q.variants.len()).sum::<usize>(),
                    "claims": d.claims.len(),
                    "conflicts": d.conflicts.len(),
                    "flagged_leads": d.framing.rows.iter().filter(|r| r.flagged).map(|r| r.source.clone()).collect::<Vec<_>>(),
                    "incidents": d.incidents.len(),
                })
            })
            .collect();
        let v = serde_json::json!({"stories": summaries, "files": written});
        out.push_str(&serde_json::to_string_pretty(&v)?);
        out.push('\n');
    } else {
        for d in &dossiers {
            out.push_str(&format!("{} — {}\n", d.story_id, d.summary.headline));
            for l in &d.summary.lines {
                out.push_str(&format!("  {l}\n"));
            }
        }
        if !ctx.quiet {
            for p in &written {
                out.push_str(&format!("wrote {}\n", p.display()));
            }
        }
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// Store the articles in `db` through the pipeline and return the stored
/// dossiers of their stories (each built once, by the pipeline's worker).
fn analyze_in_store(db: &str, articles: &[crosscheck_core::Article], encoder: Option<std::sync::Arc<dyn crosscheck_core::SentenceEncoder>>) -> anyhow::Result<Vec<crosscheck_report::Dossier>> {
    let store = crosscheck_store::open(db).with_context(|| format!("opening the store {db}"))?;
    let pipeline = crosscheck_pipeline::Pipeline::open(std::sync::Arc::from(store), encoder).with_context(|| format!("opening the story pipeline on {db}"))?;
    let dossiers = pipeline.analyze(articles, crosscheck_pipeline::tables::ANALYZE_WAIT).with_context(|| format!("analysing the articles in {db}"))?;
    pipeline.persist().with_context(|| format!("saving the story state in {db}"))?;
    Ok(dossiers)
}
