//! `crosscheck bench embed [PATH...]`: sentence-embedding speed — model load
//! time, sentences per second (claim units) and articles per second (title
//! and lead, as clustering reads them).

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use crosscheck_core::SentenceEncoder;

use crate::commands::inputs::{read_inputs, spinner};
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to embed (default: the bundled seeds).
    #[arg(default_values_t = vec!["examples/seeds".to_string()])]
    pub paths: Vec<String>,
    /// Passes over the inputs (figures are over all of them).
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
}

#[derive(Debug, serde::Serialize)]
struct Report {
    model: String,
    load_seconds: f64,
    sentences: usize,
    sentences_per_sec: f64,
    articles: usize,
    articles_per_sec: f64,
    threads: usize,
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let dir = crosscheck_embed::locate_model()?.context("no embedding model installed (scripts/install-model.sh, or set CROSSCHECK_EMBEDDING_MODEL)")?;
    let start = Instant::now();
    let model = crosscheck_embed::SentenceEmbedder::load(&dir)?;
    let load_seconds = start.elapsed().as_secs_f64();
    let articles = read_inputs(ctx, &args.paths, &spinner(ctx, false, "reading"))?;
    let sentences: Vec<String> = articles
        .iter()
        .flat_map(|a| crosscheck_extract::split_sentences(&a.text).into_iter().map(|s| s.span.slice(&a.text).to_string()).collect::<Vec<_>>())
        .collect();
    let sentence_refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let start = Instant::now();
    for _ in 0..args.rounds {
        model.clear_cache();
        model.encode(&sentence_refs)?;
    }
    let sentence_secs = start.elapsed().as_secs_f64();
    let article_refs: Vec<&crosscheck_core::Article> = articles.iter().collect();
    let start = Instant::now();
    for _ in 0..args.rounds {
        model.clear_cache();
        crosscheck_cluster::embed_articles(article_refs.iter().copied(), &model);
    }
    let article_secs = start.elapsed().as_secs_f64();
    let report = Report {
        model: model.model_name().to_string(),
        load_seconds,
        sentences: sentences.len(),
        sentences_per_sec: (sentences.len() * args.rounds) as f64 / sentence_secs,
        articles: articles.len(),
        articles_per_sec: (articles.len() * args.rounds) as f64 / article_secs,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    if ctx.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "{} ({} threads): loaded in {:.2} s\n{} sentences: {:.0} sentences/s\n{} articles (title and lead, as clustering reads them): {:.1} articles/s",
            report.model, report.threads, report.load_seconds, report.sentences, report.sentences_per_sec, report.articles, report.articles_per_sec
        );
    }
    Ok(ExitCode::SUCCESS)
}
