//! `crosscheck bench embed [PATH...]`: sentence-embedding speed — model load
//! time, sentences per second (the sentences of extract's splitter) and
//! articles per second (title and lead, as clustering reads them).

use std::time::Instant;

use anyhow::Context as _;
use crosscheck_core::{Article, SentenceEncoder};
use serde::Serialize;

/// Figures of the embedding benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct EmbedBenchReport {
    pub model: String,
    pub load_seconds: f64,
    pub sentences: usize,
    pub sentences_per_sec: f64,
    pub articles: usize,
    pub articles_per_sec: f64,
    pub threads: usize,
}

/// What to time.
#[derive(Debug, Clone, Default)]
pub struct EmbedOptions {
    /// Passes over the inputs.
    pub rounds: usize,
    /// Only the first N sentences.
    pub max_sentences: Option<usize>,
    /// Where to write the timed sentences (one JSON string per line).
    pub sentences_out: Option<std::path::PathBuf>,
}

/// Load the installed model and embed `articles` `rounds` times, as sentences
/// and as clustering reads them (the model's cache cleared before each pass).
pub fn run_embed(articles: &[Article], options: &EmbedOptions) -> anyhow::Result<EmbedBenchReport> {
    let rounds = options.rounds.max(1);
    let dir = crosscheck_embed::locate_model()?
        .context("no embedding model installed (scripts/install-model.sh, or set CROSSCHECK_EMBEDDING_MODEL)")?;
    let start = Instant::now();
    let model = crosscheck_embed::SentenceEmbedder::load(&dir)?;
    let load_seconds = start.elapsed().as_secs_f64();
    let sentences: Vec<String> = articles
        .iter()
        .flat_map(|a| crosscheck_extract::split_sentences(&a.text).into_iter().map(|s| s.span.slice(&a.text).to_string()).collect::<Vec<_>>())
        .take(options.max_sentences.unwrap_or(usize::MAX))
        .collect();
    if let Some(path) = &options.sentences_out {
        let mut lines = String::new();
        for sentence in &sentences {
            lines.push_str(&serde_json::to_string(sentence)?);
            lines.push('\n');
        }
        std::fs::write(path, lines).with_context(|| format!("writing the sentences to {}", path.display()))?;
    }
    let sentence_refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let start = Instant::now();
    for _ in 0..rounds {
        model.clear_cache();
        model.encode(&sentence_refs)?;
    }
    let sentence_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    for _ in 0..rounds {
        model.clear_cache();
        crosscheck_cluster::embed_articles(articles.iter(), &model);
    }
    let article_secs = start.elapsed().as_secs_f64();
    Ok(EmbedBenchReport {
        model: model.model_name().to_string(),
        load_seconds,
        sentences: sentences.len(),
        sentences_per_sec: (sentences.len() * rounds) as f64 / sentence_secs,
        articles: articles.len(),
        articles_per_sec: (articles.len() * rounds) as f64 / article_secs,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
    })
}

impl EmbedBenchReport {
    /// Human-readable figures.
    pub fn render(&self) -> String {
        format!(
            "{} ({} threads): loaded in {:.2} s\n{} sentences: {:.0} sentences/s\n{} articles (title and lead, as clustering reads them): {:.1} articles/s\n",
            self.model, self.threads, self.load_seconds, self.sentences, self.sentences_per_sec, self.articles, self.articles_per_sec
        )
    }
}
