//! `crosscheck bench analyze PATH...`: what `crosscheck analyze` costs on a
//! corpus, end to end through the pipeline (a fresh SQLite store in a
//! temporary folder: store, cluster, then every story's dossier built once by
//! the dossier worker), without and with the sentence-embedding model:
//! articles/s of each run, the model's cost as a ratio, and the time of each
//! stage (the worker's stages summed over its threads).

use std::sync::Arc;
use std::time::Instant;

use crosscheck_core::{Article, SentenceEncoder};
use crosscheck_pipeline::{tables, Pipeline, Stage};
use serde::Serialize;

/// Time of one stage in one run.
#[derive(Debug, Clone, Serialize)]
pub struct StageTime {
    pub stage: Stage,
    pub seconds: f64,
}

/// One `analyze` of the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct AnalyzeRun {
    /// The model the run used (`None`: lexical signals only).
    pub embedding_model: Option<String>,
    pub articles: usize,
    pub stories: usize,
    /// Wall time from storing the first article to the last dossier read back.
    pub seconds: f64,
    pub articles_per_second: f64,
    /// Stage failures caught (dossier `problems`).
    pub problems: u64,
    pub stages: Vec<StageTime>,
}

/// Both runs and what the model costs.
#[derive(Debug, Clone, Serialize)]
pub struct AnalyzeBenchReport {
    pub articles: usize,
    /// Reading the inputs (once, before both runs).
    pub read_seconds: f64,
    /// Loading the model (`None`: no model installed, or `--no-embeddings`).
    pub model_load_seconds: Option<f64>,
    pub runs: Vec<AnalyzeRun>,
    /// Seconds with the model over seconds without it.
    pub model_cost: Option<f64>,
    /// The process's peak resident memory after both runs.
    pub peak_rss_bytes: Option<u64>,
    /// Threads the dossier worker builds stories on.
    pub dossier_threads: usize,
}

/// One analyze of `articles` into a fresh temporary store.
pub fn analyze_once(articles: &[Article], encoder: Option<Arc<dyn SentenceEncoder>>) -> anyhow::Result<AnalyzeRun> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("bench.db");
    let store = crosscheck_store::open(db.to_str().unwrap_or("bench.db"))?;
    let model = encoder.as_ref().map(|e| e.model_name().to_string());
    let pipeline = Pipeline::open(Arc::from(store), encoder)?;
    let started = Instant::now();
    let dossiers = pipeline.analyze(articles, tables::ANALYZE_WAIT)?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(AnalyzeRun {
        embedding_model: model,
        articles: articles.len(),
        stories: dossiers.len(),
        seconds,
        articles_per_second: articles.len() as f64 / seconds.max(1e-9),
        problems: pipeline.progress().problems,
        stages: pipeline.timings().into_iter().map(|(stage, d)| StageTime { stage, seconds: d.as_secs_f64() }).collect(),
    })
}

/// Analyse `articles` without the model, then with `encoder` (loaded by
/// `load_encoder`, timed) when there is one.
pub fn run_analyze(articles: &[Article], read_seconds: f64, load_encoder: impl FnOnce() -> Option<Arc<dyn SentenceEncoder>>) -> anyhow::Result<AnalyzeBenchReport> {
    let mut runs = vec![analyze_once(articles, None)?];
    let started = Instant::now();
    let encoder = load_encoder();
    let model_load_seconds = encoder.as_ref().map(|_| started.elapsed().as_secs_f64());
    if let Some(e) = encoder {
        runs.push(analyze_once(articles, Some(e))?);
    }
    let model_cost = (runs.len() == 2).then(|| runs[1].seconds / runs[0].seconds.max(1e-9));
    Ok(AnalyzeBenchReport {
        articles: articles.len(),
        read_seconds,
        model_load_seconds,
        runs,
        model_cost,
        peak_rss_bytes: crate::sys::peak_rss_bytes(),
        dossier_threads: std::thread::available_parallelism().map_or(1, |n| n.get()).min(tables::DOSSIER_THREADS_MAX),
    })
}

impl AnalyzeBenchReport {
    /// The report as text.
    pub fn render(&self) -> String {
        let mut s = format!("analyze of {} articles (read in {:.2} s)\n", self.articles, self.read_seconds);
        for r in &self.runs {
            s.push_str(&format!(
                "  {:<28} {:>8.2} s  {:>8.1} articles/s  {} stories  {} stage failures\n",
                r.embedding_model.as_deref().map_or("without the model".to_string(), |m| format!("with {m}")),
                r.seconds,
                r.articles_per_second,
                r.stories,
                r.problems
            ));
        }
        if let Some(l) = self.model_load_seconds {
            s.push_str(&format!("  model load {l:.2} s (not counted above)\n"));
        }
        if let Some(c) = self.model_cost {
            s.push_str(&format!("  the model costs {c:.2}x the lexical run\n"));
        }
        s.push_str(&format!("per stage, seconds (annotate..dossier summed over {} worker thread(s); embed is part of cluster and compare):\n", self.dossier_threads));
        s.push_str(&format!("  {:<10}", "stage"));
        for r in &self.runs {
            s.push_str(&format!(" {:>12}", if r.embedding_model.is_some() { "with model" } else { "lexical" }));
        }
        s.push('\n');
        for (i, stage) in Stage::ALL.iter().enumerate() {
            s.push_str(&format!("  {:<10}", stage.name()));
            for r in &self.runs {
                s.push_str(&format!(" {:>12.3}", r.stages.get(i).map_or(0.0, |t| t.seconds)));
            }
            s.push('\n');
        }
        if let Some(b) = self.peak_rss_bytes {
            s.push_str(&format!("peak memory {:.0} MB\n", b as f64 / 1e6));
        }
        s
    }
}
