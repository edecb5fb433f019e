//! `crosscheck cluster PATH...`: group articles into stories (copies marked
//! with the first publisher they copy).

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_cluster::{StoryClusterer, StoryConfig, StoryView};
use crosscheck_core::ArticleId;

use super::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories, globs, or `-` for JSONL on stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Minimum similarity for an article to join an existing story (with
    /// `--event-signals`: the learned pair model's probability, default 0.5;
    /// with `--two-pass`: the streaming pass's group threshold).
    #[arg(long)]
    pub threshold: Option<f32>,
    /// Read who, where, when and what of each article (extraction layers) and
    /// join with the pair model learned on ECB+ (`bench learn-cluster`).
    #[arg(long)]
    pub event_signals: bool,
    /// Do not detect near-duplicates (every copy counts as its own article).
    #[arg(long)]
    pub no_dedup: bool,
    /// Clustering state to continue from and save to (JSON): story ids persist across runs.
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// One JSON object per line (one story per line).
    #[arg(long)]
    pub jsonl: bool,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let pb = spinner(ctx, args.jsonl, "reading");
    let articles = read_inputs(ctx, &args.inputs, &pb)?;
    let mut c = match &args.state {
        Some(p) if p.exists() => {
            let raw = std::fs::read(p).with_context(|| format!("reading state {}", p.display()))?;
            serde_json::from_slice::<StoryClusterer>(&raw)
                .with_context(|| format!("parsing state {}", p.display()))?
        }
        _ => {
            let mut cfg = StoryConfig {
                event_signals: args.event_signals,
                partition: ctx.two_pass,
                ..Default::default()
            };
            if let Some(t) = args.threshold {
                if ctx.two_pass {
                    cfg.lexical_partitioning.group_threshold = t;
                    cfg.embedding_partitioning.group_threshold = t;
                } else if args.event_signals {
                    cfg.join_probability = t;
                } else {
                    cfg.threshold = t;
                }
            }
            if args.no_dedup {
                cfg.dedup = None;
            }
            StoryClusterer::new(cfg).context("clustering settings")?
        }
    };
    pb.set_message("clustering");
    pb.set_position(0);
    let known: HashSet<ArticleId> = c.article_ids().cloned().collect();
    let fresh: Vec<_> = articles.iter().filter(|a| !known.contains(&a.id)).collect();
    let mut embeddings = match ctx.encoder() {
        Some(encoder) => {
            pb.set_message("embedding");
            crosscheck_cluster::embed_articles(fresh.iter().copied(), encoder.as_ref())
        }
        None => Vec::new(),
    }
    .into_iter();
    pb.set_message("clustering");
    for a in &fresh {
        let prepared = c.prepare(a).with_embedding(embeddings.next().flatten());
        c.add_prepared(a, prepared);
        pb.inc(1);
    }
    pb.finish_and_clear();
    if let Some(p) = &args.state {
        let tmp = p.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_vec(&c)?)
            .with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, p).with_context(|| format!("replacing {}", p.display()))?;
    }
    let stories: Vec<StoryView> = c.stories();
    let out = std::io::stdout();
    let mut out = out.lock();
    if args.jsonl {
        for s in &stories {
            writeln!(out, "{}", serde_json::to_string(s)?)?;
        }
    } else if ctx.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "stories": stories, "storylines": c.storylines() }))?
        )?;
    } else {
        for s in &stories {
            let copies = s
                .articles
                .iter()
                .filter(|a| a.duplicate_of.is_some())
                .count();
            writeln!(
                out,
                "{}  {} articles{}",
                s.id,
                s.articles.len(),
                if copies > 0 {
                    format!(" ({copies} copies)")
                } else {
                    String::new()
                }
            )?;
            for a in &s.articles {
                writeln!(
                    out,
                    "    {:<24} {:<12} {}{}",
                    a.source,
                    a.published
                        .as_deref()
                        .map(|p| p.get(..10).unwrap_or(p))
                        .unwrap_or("undated"),
                    a.title.as_deref().unwrap_or(&a.path),
                    a.duplicate_of
                        .as_ref()
                        .map(|d| format!("  [copy of {d}]"))
                        .unwrap_or_default()
                )?;
            }
        }
        if !ctx.quiet {
            eprintln!(
                "{} articles ({} new), {} stories, {} merges logged",
                c.len(),
                fresh.len(),
                stories.len(),
                c.events().len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
