//! `crosscheck eval --gold FILE PATH...`: run the whole pipeline (ingest,
//! stories, dossiers) on PATH and score it against a gold annotation, category
//! by category. The gold readers and the scoring are `crosscheck-eval`.

use std::process::ExitCode;

use std::io::Write as _;

use anyhow::Context as _;

use super::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold annotation (the crosscheck gold format: see crosscheck-eval's documentation).
    #[arg(long)]
    pub gold: String,
    /// Only these categories (comma-separated), e.g. `quotes,speakers`.
    #[arg(long)]
    pub only: Option<String>,
    /// Files or directories to analyse. A leading category word (`quotes`,
    /// `claims`...) is accepted as a shorthand for `--only`.
    #[arg(required = true)]
    pub paths: Vec<String>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let gold_text = std::fs::read_to_string(&args.gold).with_context(|| format!("reading gold file {}", args.gold))?;
    let gold = crosscheck_eval::parse_gold(&gold_text).with_context(|| format!("parsing gold file {}", args.gold))?;
    let mut paths = args.paths.clone();
    let mut only: Option<Vec<String>> = args.only.as_ref().map(|o| o.split(',').map(|s| s.trim().to_string()).collect());
    if paths.len() > 1 && !std::path::Path::new(&paths[0]).exists() {
        let word = paths.remove(0);
        let cats: Vec<String> = match word.as_str() {
            "quotes" => vec!["quotes".into(), "speakers".into(), "people".into(), "roles".into()],
            "claims" => vec!["single_source_claims".into(), "corroborated_claims".into()],
            w => vec![w.to_string()],
        };
        only = Some(cats);
    }
    let articles = read_inputs(ctx, &paths, &spinner(ctx, false, "reading"))?;
    let dossiers = crosscheck_pipeline::analyze(&articles, ctx.encoder().as_deref()).context("analysing the articles")?;
    let mut report = crosscheck_eval::evaluate(&gold, &dossiers);
    if let Some(only) = &only {
        report.categories.retain(|k, _| only.contains(k));
    }
    let mut out = String::new();
    if ctx.json {
        let mut v = serde_json::to_value(&report)?;
        if !ctx.verbose {
            if let Some(cats) = v.get_mut("categories").and_then(|c| c.as_object_mut()) {
                for c in cats.values_mut() {
                    if let Some(o) = c.as_object_mut() {
                        o.remove("missed");
                        o.remove("extra");
                    }
                }
            }
        }
        out.push_str(&serde_json::to_string_pretty(&v)?);
        out.push('\n');
    } else {
        out.push_str(&crosscheck_eval::table(&report));
        if ctx.verbose {
            for (k, s) in &report.categories {
                for m in &s.missed {
                    out.push_str(&format!("{k}\tmissed\t{m}\n"));
                }
                for x in &s.extra {
                    out.push_str(&format!("{k}\textra\t{x}\n"));
                }
            }
        }
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
