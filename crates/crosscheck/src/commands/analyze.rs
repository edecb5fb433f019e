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
//!
//! Progress: one bar per stage (read, cluster, annotate, compare, write) with
//! counts, rate and ETA; `-v` prints each stage's time at the end. A stage
//! that failed on one article or story is a warning naming the article's path
//! and the stage, and a `problems` entry of that story's dossier; the article
//! is still in its dossier and the batch goes on.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use crosscheck_pipeline::Stage;

use super::inputs::{read_inputs, spinner};
use super::progress::{stage_bar, Timings};
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
    let mut timings = Timings::default();
    let read_bar = spinner(ctx, false, "read");
    let articles = timings.time("read", || read_inputs(ctx, &args.paths, &read_bar))?;
    read_bar.finish();
    let encoder = timings.time("model load", || ctx.encoder());
    let (dossiers, stage_times) = analyze_in_store(ctx, &articles, encoder, &mut timings)?;
    let problems: Vec<&crosscheck_report::Problem> = dossiers.iter().flat_map(|d| &d.problems).collect();
    if !ctx.quiet && !ctx.json {
        for p in &problems {
            super::progress::suspend(|| eprintln!("crosscheck: warning: {p}"));
        }
    }
    let mut written = Vec::new();
    if let Some(dir) = &args.out {
        let write_bar = stage_bar(ctx, "write", "dossiers");
        write_bar.set_length(dossiers.len() as u64);
        let started = std::time::Instant::now();
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for d in &dossiers {
            let html = crosscheck_pipeline::guard::guarded(|| crosscheck_report::render::html(d)).unwrap_or_else(|e| {
                tracing::warn!(story = %d.story_id, "rendering the HTML page failed ({e}); writing the Markdown as its body");
                format!("<!DOCTYPE html><meta charset=\"utf-8\"><pre>{}</pre>", crosscheck_report::render::escape(&crosscheck_report::render::markdown(d)))
            });
            for (ext, body) in [("json", crosscheck_report::render::json(d)), ("md", crosscheck_report::render::markdown(d)), ("html", html)] {
                let p = dir.join(format!("{}.{ext}", d.story_id));
                std::fs::write(&p, body).with_context(|| format!("writing {}", p.display()))?;
                written.push(p);
            }
            write_bar.inc(1);
        }
        if dossiers.len() > 1 {
            let p = dir.join("index.html");
            std::fs::write(&p, crosscheck_report::render::index_html(&dossiers)).with_context(|| format!("writing {}", p.display()))?;
            written.push(p);
        }
        write_bar.finish();
        timings.add("write", started.elapsed(), "");
    }
    if ctx.verbose {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(crosscheck_pipeline::tables::DOSSIER_THREADS_MAX);
        for (stage, d) in stage_times {
            let note = match stage {
                Stage::Store | Stage::Cluster => "(part of store+cluster)".to_string(),
                Stage::Embed => "(part of cluster and compare)".to_string(),
                _ => format!("(summed over up to {threads} threads)"),
            };
            timings.add(&format!("  {}", stage.name()), d, &note);
        }
        super::progress::suspend(|| eprint!("{}", timings.render()));
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

/// The pipeline's time per stage.
type StageTimes = Vec<(Stage, std::time::Duration)>;

/// Store the articles in `ctx.db` through the pipeline and return the stored
/// dossiers of their stories (each built once, by the pipeline's worker) and
/// the pipeline's time per stage. Draws the cluster, annotate and compare bars
/// from the pipeline's counters while it works.
fn analyze_in_store(
    ctx: &Context,
    articles: &[crosscheck_core::Article],
    encoder: Option<std::sync::Arc<dyn crosscheck_core::SentenceEncoder>>,
    timings: &mut Timings,
) -> anyhow::Result<(Vec<crosscheck_report::Dossier>, StageTimes)> {
    let db = &ctx.db;
    let store = crosscheck_store::open(db).with_context(|| format!("opening the store {db}"))?;
    let pipeline = timings
        .time("open store", || crosscheck_pipeline::Pipeline::open_with_config(std::sync::Arc::from(store), encoder, ctx.story_config()))
        .with_context(|| format!("opening the story pipeline on {db}"))?;
    let base = pipeline.progress();
    let cluster_bar = stage_bar(ctx, "cluster", "articles");
    cluster_bar.set_length(articles.len() as u64);
    cluster_bar.set_message("storing");
    let annotate_bar = stage_bar(ctx, "annotate", "articles");
    let compare_bar = stage_bar(ctx, "compare", "stories");
    let started = std::time::Instant::now();
    let (dossiers, cluster_time) = std::thread::scope(|scope| {
        let work = scope.spawn(|| pipeline.analyze(articles, crosscheck_pipeline::tables::ANALYZE_WAIT));
        let mut cluster_time = None;
        loop {
            let p = pipeline.progress();
            if cluster_time.is_none() {
                let clustered = p.clustered - base.clustered;
                if clustered > 0 {
                    cluster_bar.set_message("");
                }
                cluster_bar.set_position(clustered);
            }
            if p.expected_built > base.built {
                // Set once analyze knows which stories its inputs touched.
                if cluster_time.is_none() {
                    cluster_time = Some(started.elapsed());
                    cluster_bar.finish();
                }
                annotate_bar.set_length(p.expected_annotated - base.annotated);
                compare_bar.set_length(p.expected_built - base.built);
            }
            annotate_bar.set_position(p.annotated - base.annotated);
            compare_bar.set_position(p.built - base.built);
            if p.problems > base.problems {
                compare_bar.set_message(format!("{} stage failure(s)", p.problems - base.problems));
            }
            if work.is_finished() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        (work.join().unwrap_or_else(|_| Err(crosscheck_pipeline::PipelineError::Cluster("the analysis thread panicked".into()))), cluster_time)
    });
    let total = started.elapsed();
    annotate_bar.finish();
    compare_bar.finish();
    cluster_bar.finish();
    let dossiers = dossiers.with_context(|| format!("analysing the articles in {db}"))?;
    let cluster_time = cluster_time.unwrap_or(total);
    timings.add("store+cluster", cluster_time, "");
    timings.add("dossiers", total.saturating_sub(cluster_time), "(annotate, compare, ... on the worker)");
    timings.time("save state", || pipeline.persist()).with_context(|| format!("saving the story state in {db}"))?;
    Ok((dossiers, pipeline.timings()))
}
