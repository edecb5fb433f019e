//! `crosscheck dedup PATH...`: near-duplicate groups (syndicated, trimmed and
//! re-led copies) with their first publisher.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use crosscheck_cluster::{DedupConfig, Deduper, DupGroup};
use crosscheck_core::Article;

use super::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories, globs, or `-` for JSONL on stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Jaccard threshold of the word-shingle sets.
    #[arg(long, default_value_t = crosscheck_cluster::tables::DEFAULT_JACCARD)]
    pub threshold: f64,
    /// MinHash permutations.
    #[arg(long, default_value_t = crosscheck_cluster::tables::DEFAULT_NUM_PERM)]
    pub perm: usize,
    /// Minimum share of the smaller text's sentences found in the other (trimmed copies).
    #[arg(long, default_value_t = crosscheck_cluster::tables::DEFAULT_CONTAINMENT)]
    pub containment: f64,
    /// MinHash-LSH only: no sentence-containment verification.
    #[arg(long)]
    pub no_verify: bool,
    /// One JSON object per line (one group per line).
    #[arg(long)]
    pub jsonl: bool,
}

/// Publication date as printed in output (RFC 3339 or the bare day).
pub(crate) fn published(a: &Article) -> Option<String> {
    a.published.as_ref().map(|d| match d.datetime {
        Some(dt) => dt.to_rfc3339(),
        None => d.date.to_string(),
    })
}

fn group_json(g: &DupGroup, articles: &[Article]) -> serde_json::Value {
    let member = |i: u32| {
        let a = &articles[i as usize];
        serde_json::json!({
            "id": a.id, "path": a.path, "source": a.source, "title": a.title, "published": published(a),
        })
    };
    let copies: Vec<serde_json::Value> = g
        .copies
        .iter()
        .map(|c| {
            let mut v = member(c.member.index);
            let o = v.as_object_mut().expect("object");
            o.insert("copy_of".into(), serde_json::json!(c.copy_of));
            o.insert("jaccard".into(), serde_json::json!(round3(c.jaccard)));
            o.insert(
                "containment".into(),
                serde_json::json!(round3(c.containment)),
            );
            o.insert("kind".into(), serde_json::json!(c.kind));
            v
        })
        .collect();
    serde_json::json!({ "canonical": member(g.canonical.index), "copies": copies })
}

fn round3(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let pb = spinner(ctx, args.jsonl, "reading");
    let articles = read_inputs(ctx, &args.inputs, &pb)?;
    pb.set_message("deduplicating");
    let cfg = DedupConfig {
        threshold: args.threshold,
        num_perm: args.perm,
        containment: args.containment,
        verify: !args.no_verify,
        ..Default::default()
    };
    let mut d = Deduper::new(cfg).context("dedup settings")?;
    for a in &articles {
        d.add(a);
    }
    pb.finish_and_clear();
    let groups = d.groups();
    let out = std::io::stdout();
    let mut out = out.lock();
    if args.jsonl {
        for g in &groups {
            writeln!(out, "{}", serde_json::to_string(&group_json(g, &articles))?)?;
        }
    } else if ctx.json {
        let v: Vec<serde_json::Value> = groups.iter().map(|g| group_json(g, &articles)).collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "groups": v }))?
        )?;
    } else {
        for (n, g) in groups.iter().enumerate() {
            let c = &articles[g.canonical.index as usize];
            writeln!(
                out,
                "group {} ({} members): first published by {}  {}  {}",
                n + 1,
                g.len(),
                c.source,
                published(c).unwrap_or_else(|| "undated".into()),
                c.path
            )?;
            for cp in &g.copies {
                let a = &articles[cp.member.index as usize];
                writeln!(
                    out,
                    "    copy: {:<24} {:<12} jaccard {:.2}  containment {:.2}  {:?}  {}",
                    a.source,
                    published(a).unwrap_or_else(|| "undated".into()),
                    cp.jaccard,
                    cp.containment,
                    cp.kind,
                    a.path
                )?;
            }
        }
        if !ctx.quiet {
            let copies: usize = groups.iter().map(|g| g.copies.len()).sum();
            eprintln!(
                "{} articles, {} duplicate groups, {} copies ({} distinct sources of text)",
                articles.len(),
                groups.len(),
                copies,
                articles.len() - copies
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
