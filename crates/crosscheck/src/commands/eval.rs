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
    /// Gold annotation: the crosscheck gold format (see crosscheck-eval's
    /// documentation), or a quote corpus's gold (PolNeAR `gold_<split>.json`,
    /// SpkAtt `gold_train.json`), told apart by shape; a quote corpus is scored
    /// on the quote layer alone with its scorer's rules.
    #[arg(long, required_unless_present = "audit")]
    pub gold: Option<String>,
    /// Precision audit instead of a gold score: verdict files (JSON lines, see
    /// `crosscheck_eval::audit`) to score every finding of the dossiers against;
    /// several files comma-separated or by repeating the option.
    #[arg(long, value_delimiter = ',')]
    pub audit: Vec<std::path::PathBuf>,
    /// Audit: build one dossier per gold event of this labels file (`{file stem:
    /// event}`, e.g. ECB+'s `labels_event.json`) instead of crosscheck's own stories.
    #[arg(long, requires = "audit")]
    pub events: Option<std::path::PathBuf>,
    /// Audit: print every finding without a verdict as one JSON line (its key,
    /// the finding and the cited sentences) for a reader to judge.
    #[arg(long, requires = "audit")]
    pub list_unaudited: bool,
    /// Only these categories (comma-separated), e.g. `quotes,speakers`.
    #[arg(long)]
    pub only: Option<String>,
    /// Quote corpora: score indirect attributions too (the scorer's `--all`).
    #[arg(long)]
    pub all: bool,
    /// Quote corpora: write the predictions (`{stem: [{quote, speaker}]}`, the
    /// reference scorer's input) to this file.
    #[arg(long)]
    pub predictions: Option<std::path::PathBuf>,
    /// Quote corpora: name each speaker by its resolved name only. By default the
    /// speaker is the resolved name together with the words printed next to the
    /// quote ("Barack Obama (the president)"), since the corpora's gold sources are
    /// the printed mention, without coreference.
    #[arg(long)]
    pub resolved_only: bool,
    /// Files or directories to analyse. A leading category word (`quotes`,
    /// `claims`...) is accepted as a shorthand for `--only`.
    #[arg(required = true)]
    pub paths: Vec<String>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let Some(gold_path) = args.gold.clone() else { return audit(ctx, &args) };
    let gold_text = std::fs::read_to_string(&gold_path).with_context(|| format!("reading gold file {gold_path}"))?;
    if crosscheck_eval::is_quote_corpus(&gold_text) {
        return quote_corpus(ctx, &args, &gold_text);
    }
    let gold = crosscheck_eval::parse_gold(&gold_text).with_context(|| format!("parsing gold file {gold_path}"))?;
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

/// Score the quote layer against a quote corpus's gold: every article is
/// annotated (no stories, no dossiers) and its full quotations, keyed by the
/// file stem, are matched by the corpus scorer's rules.
fn quote_corpus(ctx: &Context, args: &Args, gold_text: &str) -> anyhow::Result<ExitCode> {
    use crosscheck_eval::GoldReader as _;
    let gold = crosscheck_eval::QuoteCorpusReader.read(gold_text).with_context(|| format!("parsing gold file {}", args.gold.as_deref().unwrap_or_default()))?;
    let pb = spinner(ctx, false, "annotating");
    let mut predictions: std::collections::BTreeMap<String, Vec<crosscheck_eval::PredictedQuote>> = Default::default();
    super::inputs::visit_inputs(ctx, &args.paths, &pb, |article| {
        let stem = file_stem(&article.path);
        let annotated = crosscheck_pipeline::stages::annotate(&article, None);
        let quotes = predictions.entry(stem).or_default();
        quotes.extend(annotated.quote_records().iter().filter_map(|r| gold.prediction(r, args.resolved_only)));
        Ok(())
    })?;
    pb.finish_and_clear();
    if let Some(p) = &args.predictions {
        std::fs::write(p, serde_json::to_vec(&predictions)?).with_context(|| format!("writing {}", p.display()))?;
    }
    let score = crosscheck_eval::score_quote_corpus(&gold, &predictions, args.all);
    let out = if ctx.json { format!("{}\n", serde_json::to_string_pretty(&score)?) } else { format!("{} gold: {score}", gold.format) };
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// `eval --audit FILE... PATH...`: build the dossiers (one per gold event with
/// `--events`, else crosscheck's own stories), flatten their findings and score
/// them against the verdict files. Exits 1 when a finding judged wrong is
/// reported again.
fn audit(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    let mut verdicts = Vec::new();
    for f in &args.audit {
        let text = std::fs::read_to_string(f).with_context(|| format!("reading audit file {}", f.display()))?;
        verdicts.extend(crosscheck_eval::parse_verdicts(&text).with_context(|| format!("parsing audit file {}", f.display()))?);
    }
    let articles = read_inputs(ctx, &args.paths, &spinner(ctx, false, "reading"))?;
    let encoder = ctx.encoder();
    let dossiers = match &args.events {
        Some(labels) => {
            let text = std::fs::read_to_string(labels).with_context(|| format!("reading event labels {}", labels.display()))?;
            let labels: std::collections::BTreeMap<String, serde_json::Value> =
                serde_json::from_str(&text).with_context(|| format!("parsing event labels {}", labels.display()))?;
            let mut events: std::collections::BTreeMap<String, Vec<crosscheck_core::Article>> = Default::default();
            for a in articles {
                let stem = file_stem(&a.path);
                if let Some(event) = labels.get(&stem) {
                    let event = event.as_str().map(str::to_string).unwrap_or_else(|| event.to_string());
                    events.entry(event).or_default().push(a);
                }
            }
            let pb = super::progress::stage_bar(ctx, "dossiers", "events");
            pb.set_length(events.len() as u64);
            let dossiers: Vec<_> = events
                .iter()
                .map(|(event, arts)| {
                    let d = crosscheck_pipeline::build_dossier_with_id(&format!("event-{event}"), arts, encoder.as_deref());
                    pb.inc(1);
                    d
                })
                .collect();
            pb.finish_and_clear();
            dossiers
        }
        None => crosscheck_pipeline::analyze(&articles, encoder.as_deref()).context("analysing the articles")?,
    };
    let found: Vec<_> = dossiers.iter().flat_map(crosscheck_eval::findings).collect();
    let report = crosscheck_eval::audit(found, &verdicts);
    let mut out = String::new();
    if args.list_unaudited {
        for f in &report.unaudited {
            out.push_str(&serde_json::to_string(f)?);
            out.push('\n');
        }
    } else if ctx.json {
        out.push_str(&serde_json::to_string_pretty(&report)?);
        out.push('\n');
    } else {
        out.push_str(&crosscheck_eval::audit_table(&report));
        for f in &report.wrong_returned {
            out.push_str(&format!("judged wrong, reported again: {} {}\n", f.kind, serde_json::to_string(&f.cites)?));
        }
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(if report.wrong_returned.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The file stem of an article's path: the key corpus gold files use.
fn file_stem(path: &str) -> String {
    std::path::Path::new(path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}
