//! `crosscheck incidents [--since DATE] [--kind K] [--country CC]
//! [--format table|json|csv|parquet] [PATH...]`: the incident register, one
//! deduplicated, sourced row per real-world incident. With PATHs the files are
//! read through the ingest stage; without, every article in the store (`--db`).
//! The logic is `crosscheck_incidents`.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_incidents::{export, Filter, IncidentKind};
use indicatif::{ProgressBar, ProgressStyle};

use super::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Parquet,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only incidents dated (or, undated, last reported) on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Only this kind: sabotage_arson, explosion, cable_damage, drone_incursion,
    /// airspace_violation, gps_jamming, cyber_attack, espionage_arrest,
    /// naval_shadowing, strike, military_aircraft, other (labels like "arson" work too).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only incidents with a place in this country (ISO code, e.g. PL).
    #[arg(long)]
    pub country: Option<String>,
    /// Output format (`--json` is `--format json`).
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write the output to this file instead of stdout (required for parquet on a terminal).
    #[arg(long, short)]
    pub output: Option<String>,
    /// Also write the timeline of the rows as SVG to this file.
    #[arg(long)]
    pub timeline_svg: Option<String>,
    /// Also write the map of the rows as SVG to this file.
    #[arg(long)]
    pub map_svg: Option<String>,
    /// Score the rows against a gold file's `incidents` list and print the score on stderr.
    #[arg(long)]
    pub gold: Option<String>,
    /// Files or directories to read; without them, the store's articles.
    pub paths: Vec<String>,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let since = args
        .since
        .as_deref()
        .map(|s| crosscheck_incidents::parse_day(s).with_context(|| format!("--since {s:?}")))
        .transpose()?;
    let kind = args
        .kind
        .as_deref()
        .map(|k| IncidentKind::parse_incident(k).with_context(|| format!("--kind {k:?}: not an incident kind")))
        .transpose()?;
    let filter = Filter { since, kind, country: args.country.clone() };
    let format = if ctx.json { Format::Json } else { args.format };

    let machine = ctx.json || format != Format::Table;
    let articles = if args.paths.is_empty() {
        stored_articles(&ctx.db)?
    } else {
        read_inputs(ctx, &args.paths, &spinner(ctx, machine, "reading"))?
    };

    let bar = if ctx.quiet || ctx.json || format != Format::Table {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(articles.len() as u64)
    };
    bar.set_style(ProgressStyle::with_template("{bar:30} {pos}/{len} articles {msg}").unwrap_or_else(|_| ProgressStyle::default_bar()));
    let mut mentions = Vec::new();
    for a in &articles {
        mentions.extend(crosscheck_incidents::mentions_of_article(a));
        bar.inc(1);
    }
    bar.finish_and_clear();
    let register = crosscheck_incidents::build_register(mentions).filtered(&filter);

    if let Some(path) = &args.gold {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading gold file {path}"))?;
        let v: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("parsing gold file {path}"))?;
        let gold = crosscheck_eval::GoldIncident::list_from_json(&v)?;
        let s = crosscheck_eval::score_against_gold(&register.rows, &gold);
        eprintln!(
            "incidents vs gold: {} rows, {} gold, {} matched; precision {:.2} recall {:.2} F1 {:.2}",
            s.rows, s.gold, s.matched, s.precision, s.recall, s.f1
        );
    }
    if let Some(p) = &args.timeline_svg {
        std::fs::write(p, crosscheck_incidents::timeline_svg(&register.rows)).with_context(|| format!("writing {p}"))?;
    }
    if let Some(p) = &args.map_svg {
        std::fs::write(p, crosscheck_incidents::map_svg(&register.rows)).with_context(|| format!("writing {p}"))?;
    }

    let bytes: Vec<u8> = match format {
        Format::Table => export::to_table(&register).into_bytes(),
        Format::Json => export::to_json(&register).into_bytes(),
        Format::Csv => export::to_csv(&register.rows).into_bytes(),
        Format::Parquet => export::to_parquet(&register.rows)?,
    };
    match &args.output {
        Some(p) => std::fs::write(p, &bytes).with_context(|| format!("writing {p}"))?,
        None => {
            anyhow::ensure!(
                format != Format::Parquet || !std::io::IsTerminal::is_terminal(&std::io::stdout()),
                "parquet is binary: give --output FILE or redirect stdout"
            );
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            if format == Format::Json {
                out.write_all(b"\n")?;
            }
        }
    }
    if !ctx.quiet && format == Format::Table && args.output.is_some() {
        eprintln!("{} incident rows written", register.rows.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// Every article in the store, in ingest order.
fn stored_articles(db: &str) -> anyhow::Result<Vec<crosscheck_core::Article>> {
    const PAGE: u64 = 1000;
    let store = crosscheck_store::open(db).with_context(|| format!("opening the store {db}"))?;
    let mut articles = Vec::new();
    let mut after = 0;
    loop {
        let page = store.articles_after(after, PAGE)?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        articles.extend(page.into_iter().map(|(_, a)| a));
    }
    anyhow::ensure!(!articles.is_empty(), "the store {db} holds no article: `crosscheck ingest PATH...` first, or give PATHs");
    Ok(articles)
}
