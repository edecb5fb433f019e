//! `crosscheck bench learn-cluster`: learn the story clusterer's pair models
//! ([`crosscheck_cluster::model`]) from a corpus of documents labelled by
//! real-world event, the ECB+ layout of `../shared/bench/stories-ecbplus`
//! (`txt/<topic>_<n>*.txt`, `labels_event.json`: stem -> event,
//! `labels_topic.json`: stem -> topic).
//!
//! 1. **Pairs**: the articles are streamed through a clusterer that is made to
//!    put each one into its gold event's story (teacher forcing, the same
//!    candidate search as in use); every candidate story it was compared with
//!    gives one pair, positive when it is the gold story.
//! 2. **Weights**: logistic regression on those pairs (Newton's method, a small
//!    L2 penalty on all weights but the bias).
//! 3. **Threshold**: the join probability maximising B-cubed F1 of real
//!    (not forced) clustering on the same training topics, searched on a grid;
//!    the bias is shifted so that this threshold sits at
//!    [`crosscheck_cluster::tables::JOIN_PROBABILITY`].
//!
//! Done twice: without sentence embeddings (the lexical model) and, given an
//! encoder, with them. To show what the figures are worth on unseen events,
//! the same is done in k folds grouped by topic (learn on the other topics,
//! cluster the held-out ones) and the pooled held-out scores are reported
//! beside the in-sample ones.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crosscheck_cluster::model::{PairModel, FEATURE_NAMES, PAIR_FEATURES};
use crosscheck_cluster::partition::{
    pair_vectors, Contrast, Member, PartModel, PART_FEATURES, PART_FEATURE_NAMES,
};
use crosscheck_cluster::story::{Partitioning, Prepared, StoryClusterer, StoryConfig};
use crosscheck_cluster::tables::JOIN_PROBABILITY;
use crosscheck_core::{Article, SentenceEncoder};
use serde::Serialize;

use crate::metrics::{bcubed, pairwise, Prf};
use crate::{corpus, BenchError};

/// Options of the learner.
#[derive(Debug, Clone)]
pub struct LearnOptions {
    /// The corpus folder (`txt/`, `labels_event.json`, `labels_topic.json`).
    pub corpus: PathBuf,
    /// Folds of the topic-grouped cross-validation (0 or 1: none).
    pub folds: usize,
}

/// The labelled corpus: articles in file-name order (as `crosscheck cluster DIR` reads them),
/// each with its event and topic label.
pub struct EventCorpus {
    pub articles: Vec<Article>,
    pub events: Vec<String>,
    pub topics: Vec<String>,
}

fn read_labels(path: &Path) -> Result<HashMap<String, String>, BenchError> {
    let label = path.display().to_string();
    let raw = std::fs::read(path).map_err(|e| BenchError::Io(label.clone(), e))?;
    serde_json::from_slice(&raw).map_err(|e| BenchError::Json(label, e))
}

/// Read an ECB+-layout corpus; articles without both labels are left out.
pub fn event_corpus(dir: &Path) -> Result<EventCorpus, BenchError> {
    let events = read_labels(&dir.join("labels_event.json"))?;
    let topics = read_labels(&dir.join("labels_topic.json"))?;
    let mut out = EventCorpus { articles: Vec::new(), events: Vec::new(), topics: Vec::new() };
    let mut articles = corpus::story_folder(&dir.join("txt"))?;
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    for a in articles {
        let stem = Path::new(&a.path).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        if let (Some(e), Some(t)) = (events.get(&stem), topics.get(&stem)) {
            out.events.push(e.clone());
            out.topics.push(t.clone());
            out.articles.push(a);
        }
    }
    if out.articles.is_empty() {
        return Err(BenchError::Fixture(format!("{}: no labelled article", dir.display())));
    }
    Ok(out)
}

/// Scores of one clustering against the event and topic labels.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Scores {
    pub event_bcubed: Prf,
    pub event_pairwise: Prf,
    pub topic_bcubed: Prf,
    pub stories: usize,
}

impl Scores {
    /// One line: event B-cubed and pairwise, topic B-cubed, stories.
    pub fn line(&self) -> String {
        format!(
            "event B-cubed P {:.3} R {:.3} F1 {:.3} | pairwise P {:.3} R {:.3} F1 {:.3} | topic B-cubed P {:.3} R {:.3} F1 {:.3} | {} stories",
            self.event_bcubed.precision,
            self.event_bcubed.recall,
            self.event_bcubed.f1,
            self.event_pairwise.precision,
            self.event_pairwise.recall,
            self.event_pairwise.f1,
            self.topic_bcubed.precision,
            self.topic_bcubed.recall,
            self.topic_bcubed.f1,
            self.stories
        )
    }
}

/// One learned model and what it scores.
#[derive(Debug, Clone, Serialize)]
pub struct Learned {
    pub model: PairModel,
    /// The learned threshold before the bias shift.
    pub threshold: f32,
    pub pairs: usize,
    pub positives: usize,
    pub in_sample: Scores,
    /// Pooled over the held-out folds (each fold clustered on its own).
    pub held_out: Option<Scores>,
    /// The shipped table (event signals on) on the whole corpus.
    pub defaults: Scores,
    /// The default weighted-mean scorer ([`StoryConfig::default`]) on the whole corpus.
    pub mean: Scores,
}

/// What the learner reports.
#[derive(Debug, Clone, Serialize)]
pub struct LearnReport {
    pub corpus: String,
    pub articles: usize,
    pub events: usize,
    pub topics: usize,
    pub folds: usize,
    pub lexical: Learned,
    pub with_embedding: Option<Learned>,
    /// The two-pass settings ([`crosscheck_cluster::partition`]), without and with embeddings.
    pub lexical_partitioning: LearnedPartitioning,
    pub embedding_partitioning: Option<LearnedPartitioning>,
}

/// Learned two-pass settings and what they score.
#[derive(Debug, Clone, Serialize)]
pub struct LearnedPartitioning {
    pub partitioning: Partitioning,
    /// The member-pair threshold before the bias shift.
    pub threshold: f32,
    pub pairs: usize,
    pub positives: usize,
    pub in_sample: Scores,
    pub held_out: Option<Scores>,
}

/// The prepared articles of a corpus, once (embedding is the slow part).
struct Prep {
    plain: Vec<Prepared>,
    embedded: Option<Vec<Prepared>>,
}

/// Learn the lexical model and, with an encoder, the embedding model.
pub fn run_learn(opts: &LearnOptions, encoder: Option<&dyn SentenceEncoder>, progress: &dyn Fn(&str)) -> Result<LearnReport, BenchError> {
    progress("reading the corpus");
    let c = event_corpus(&opts.corpus)?;
    progress("event signals");
    let preparer = StoryClusterer::new(learned_config())?;
    let plain: Vec<Prepared> = c.articles.iter().map(|a| preparer.prepare(a)).collect();
    let embedded = encoder.map(|e| {
        progress("embedding");
        let v = crosscheck_cluster::embed_articles(&c.articles, e);
        plain.iter().cloned().zip(v).map(|(p, e)| p.with_embedding(e)).collect::<Vec<_>>()
    });
    let prep = Prep { plain, embedded };
    let mut topic_order: Vec<&String> = c.topics.iter().collect();
    topic_order.sort_by_key(|t| (t.parse::<u64>().unwrap_or(u64::MAX), t.to_string()));
    topic_order.dedup();
    let fold_of: HashMap<&String, usize> = topic_order.iter().enumerate().map(|(i, t)| (*t, i % opts.folds.max(1))).collect();
    progress("lexical model");
    let lexical = learn_mode(&c, &prep.plain, opts.folds, &fold_of, false)?;
    let with_embedding = match &prep.embedded {
        Some(e) => {
            progress("embedding model");
            Some(learn_mode(&c, e, opts.folds, &fold_of, true)?)
        }
        None => None,
    };
    // Two passes prepare articles as the one-pass learner does (features and event signals).
    progress("two-pass, lexical");
    let lexical_partitioning = learn_partitioning_mode(&c, &prep.plain, opts.folds, &fold_of, false)?;
    let embedding_partitioning = match &prep.embedded {
        Some(e) => {
            progress("two-pass, with embeddings");
            Some(learn_partitioning_mode(&c, e, opts.folds, &fold_of, true)?)
        }
        None => None,
    };
    let mut events: Vec<&String> = c.events.iter().collect();
    events.sort();
    events.dedup();
    Ok(LearnReport {
        corpus: opts.corpus.display().to_string(),
        articles: c.articles.len(),
        events: events.len(),
        topics: topic_order.len(),
        folds: opts.folds,
        lexical,
        with_embedding,
        lexical_partitioning,
        embedding_partitioning,
    })
}

/// Group thresholds the learner tries for the streaming pass of the two-pass clustering.
const GROUP_THRESHOLDS: [f32; 5] = [0.04, 0.06, 0.08, 0.11, 0.14];

fn two_pass_config(p: Partitioning, embedding: bool) -> StoryConfig {
    let mut cfg = StoryConfig {
        partition: true,
        ..StoryConfig::default()
    };
    if embedding {
        cfg.embedding_partitioning = p;
    } else {
        cfg.lexical_partitioning = p;
    }
    cfg
}

fn learn_partitioning_mode(
    c: &EventCorpus,
    prep: &[Prepared],
    folds: usize,
    fold_of: &HashMap<&String, usize>,
    embedding: bool,
) -> Result<LearnedPartitioning, BenchError> {
    let all: Vec<usize> = (0..c.articles.len()).collect();
    let (partitioning, threshold, pairs, positives) =
        learn_partitioning_on(c, prep, &all, embedding)?;
    let in_sample = score_on(c, prep, &all, &two_pass_config(partitioning, embedding))?;
    let held_out = held_out(c, folds, fold_of, |train, test| {
        let (p, _, _, _) = learn_partitioning_on(c, prep, train, embedding)?;
        cluster_on(c, prep, test, &two_pass_config(p, embedding))
    })?;
    Ok(LearnedPartitioning {
        partitioning,
        threshold,
        pairs,
        positives,
        in_sample,
        held_out,
    })
}

/// Learn the two-pass settings on `subset`: for each group threshold, the
/// member pairs of the coverage groups the streaming pass makes (the windows
/// the clusterer re-partitions), labelled by gold event, give the pair model
/// (logistic regression); its threshold and the group threshold are the pair
/// with the best B-cubed F1 of real clustering on the same articles (ties:
/// the higher thresholds, precision first).
fn learn_partitioning_on(
    c: &EventCorpus,
    prep: &[Prepared],
    subset: &[usize],
    embedding: bool,
) -> Result<(Partitioning, f32, usize, usize), BenchError> {
    let gold: Vec<&str> = subset.iter().map(|&i| c.events[i].as_str()).collect();
    let mut best: Option<(f64, Partitioning, f32, usize, usize)> = None;
    for &group_threshold in &GROUP_THRESHOLDS {
        let start = Partitioning {
            group_threshold,
            model: StoryConfig::default().lexical_partitioning.model,
        };
        let mut s = StoryClusterer::new(two_pass_config(start, embedding))?;
        for &i in subset {
            s.add_prepared(&c.articles[i], prep[i].clone());
        }
        let mut xs: Vec<[f64; PART_FEATURES]> = Vec::new();
        let mut ys: Vec<f64> = Vec::new();
        for g in s.groups() {
            let window = &g[g
                .len()
                .saturating_sub(crosscheck_cluster::tables::PARTITION_WINDOW)..];
            let members: Vec<&Member> = window.iter().filter_map(|&m| s.member(m)).collect();
            if members.len() != window.len() {
                continue;
            }
            let vectors = pair_vectors(&members, |t| s.term_idf(t), &Contrast::of(&members));
            let mut k = 0;
            for a in 0..window.len() {
                for b in a + 1..window.len() {
                    let same = c.events[subset[window[a] as usize]]
                        == c.events[subset[window[b] as usize]];
                    xs.push(vectors[k].map(f64::from));
                    ys.push(if same { 1.0 } else { 0.0 });
                    k += 1;
                }
            }
        }
        if xs.is_empty() {
            continue;
        }
        let positives = ys.iter().filter(|&&y| y > 0.5).count();
        let w = logistic_regression(&xs, &ys, 1e-4, 50);
        let raw = PartModel {
            weights: w.map(|v| v as f32),
        };
        for step in 4..=16 {
            let t = step as f32 * 0.05;
            let p = Partitioning {
                group_threshold,
                model: shifted_part(raw, t),
            };
            let labels = cluster_on(c, prep, subset, &two_pass_config(p, embedding))?;
            let f1 = bcubed(&labels, &gold).f1;
            if best.as_ref().is_none_or(|b| f1 >= b.0) {
                best = Some((f1, p, t, xs.len(), positives));
            }
        }
    }
    let (_, p, t, pairs, positives) = best.ok_or_else(|| {
        BenchError::Fixture("no coverage group with two members to learn from".into())
    })?;
    Ok((p, t, pairs, positives))
}

/// The member-pair model with its bias moved so that probability `t` becomes one half.
fn shifted_part(m: PartModel, t: f32) -> PartModel {
    PartModel { weights: bias_shifted(m.weights, t, 0.5) }
}

/// Weights whose bias (feature 0) is moved so that probability `from` becomes probability `to`.
fn bias_shifted<const N: usize>(mut w: [f32; N], from: f32, to: f32) -> [f32; N] {
    let logit = |p: f32| (p / (1.0 - p)).ln();
    w[0] += logit(to) - logit(from);
    w
}

/// The clusterer's settings with event signals and the learned pair models on
/// (one pass: the pair models decide the stories).
fn learned_config() -> StoryConfig {
    StoryConfig { event_signals: true, partition: false, ..StoryConfig::default() }
}

fn config_with(model: PairModel, embedding: bool) -> StoryConfig {
    let mut cfg = learned_config();
    if embedding {
        cfg.embedding_model = model;
    } else {
        cfg.lexical_model = model;
    }
    cfg
}

fn learn_mode(c: &EventCorpus, prep: &[Prepared], folds: usize, fold_of: &HashMap<&String, usize>, embedding: bool) -> Result<Learned, BenchError> {
    let all: Vec<usize> = (0..c.articles.len()).collect();
    let (model, threshold, pairs, positives) = learn_on(c, prep, &all, embedding)?;
    let in_sample = score_on(c, prep, &all, &config_with(model, embedding))?;
    let defaults = score_on(c, prep, &all, &learned_config())?;
    let mean = score_on(c, prep, &all, &StoryConfig::default())?;
    let held_out = held_out(c, folds, fold_of, |train, test| {
        let (m, _, _, _) = learn_on(c, prep, train, embedding)?;
        cluster_on(c, prep, test, &config_with(m, embedding))
    })?;
    Ok(Learned { model, threshold, pairs, positives, in_sample, held_out, defaults, mean })
}

/// Pooled held-out scores of `folds`-fold cross-validation grouped by topic
/// (`None` below two folds): `fit_and_cluster(train, test)` learns on the
/// training articles and returns the test articles' labels; each fold is
/// clustered on its own.
fn held_out(
    c: &EventCorpus,
    folds: usize,
    fold_of: &HashMap<&String, usize>,
    fit_and_cluster: impl Fn(&[usize], &[usize]) -> Result<Vec<u32>, BenchError>,
) -> Result<Option<Scores>, BenchError> {
    if folds < 2 {
        return Ok(None);
    }
    let mut pred: Vec<(usize, u32)> = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    for k in 0..folds {
        let (train, test): (Vec<usize>, Vec<usize>) = (0..c.articles.len()).partition(|&i| fold_of[&c.topics[i]] != k);
        let labels = fit_and_cluster(&train, &test)?;
        pred.extend(labels.into_iter().map(|l| (k, l)));
        order.extend(test);
    }
    Ok(Some(scores(c, &order, &pred)))
}

/// Learn a model on the articles `subset` (indices, in corpus order).
fn learn_on(c: &EventCorpus, prep: &[Prepared], subset: &[usize], embedding: bool) -> Result<(PairModel, f32, usize, usize), BenchError> {
    // 1. Teacher-forced pairs.
    let mut forced = StoryClusterer::new(learned_config())?;
    let mut story_of: HashMap<&str, u32> = HashMap::new();
    let mut xs: Vec<[f64; PAIR_FEATURES]> = Vec::new();
    let mut ys: Vec<f64> = Vec::new();
    for &i in subset {
        let gold = c.events[i].as_str();
        let target = story_of.get(gold).copied();
        let (pairs, s) = forced.add_forced(&c.articles[i], prep[i].clone(), target);
        for (story, x) in pairs {
            // With embeddings, learn only from pairs that have one (the other model covers the rest).
            if embedding && x[4] == 0.0 {
                continue;
            }
            xs.push(x.map(f64::from));
            ys.push(if Some(forced.live_index(story)) == target.map(|t| forced.live_index(t)) { 1.0 } else { 0.0 });
        }
        story_of.insert(gold, s);
    }
    let positives = ys.iter().filter(|&&y| y > 0.5).count();
    // 2. Logistic regression.
    let w = logistic_regression(&xs, &ys, 1e-4, 50);
    let raw = PairModel { weights: w.map(|v| v as f32) };
    // 3. Threshold by B-cubed F1 of real clustering on the training topics;
    // ties go to the higher threshold (precision first).
    let mut best = (f64::MIN, 0.5f32);
    for step in 1..40 {
        let t = step as f32 * 0.025;
        let m = shifted(raw, t);
        let labels = cluster_on(c, prep, subset, &config_with(m, embedding))?;
        let gold: Vec<&str> = subset.iter().map(|&i| c.events[i].as_str()).collect();
        let f1 = bcubed(&labels, &gold).f1;
        if f1 >= best.0 {
            best = (f1, t);
        }
    }
    Ok((shifted(raw, best.1), best.1, ys.len(), positives))
}

/// The model with its bias moved so that probability `t` becomes [`JOIN_PROBABILITY`].
fn shifted(m: PairModel, t: f32) -> PairModel {
    PairModel { weights: bias_shifted(m.weights, t, JOIN_PROBABILITY) }
}

fn cluster_on(c: &EventCorpus, prep: &[Prepared], subset: &[usize], cfg: &StoryConfig) -> Result<Vec<u32>, BenchError> {
    let mut s = StoryClusterer::new(cfg.clone())?;
    for &i in subset {
        s.add_prepared(&c.articles[i], prep[i].clone());
    }
    Ok(s.labels())
}

fn score_on(c: &EventCorpus, prep: &[Prepared], subset: &[usize], cfg: &StoryConfig) -> Result<Scores, BenchError> {
    let labels: Vec<(usize, u32)> = cluster_on(c, prep, subset, cfg)?.into_iter().map(|l| (0, l)).collect();
    Ok(scores(c, subset, &labels))
}

pub(crate) fn scores<P: std::hash::Hash + Eq + Copy>(c: &EventCorpus, order: &[usize], pred: &[P]) -> Scores {
    let events: Vec<&str> = order.iter().map(|&i| c.events[i].as_str()).collect();
    let topics: Vec<&str> = order.iter().map(|&i| c.topics[i].as_str()).collect();
    let distinct: std::collections::HashSet<&P> = pred.iter().collect();
    Scores {
        event_bcubed: bcubed(pred, &events),
        event_pairwise: pairwise(pred, &events),
        topic_bcubed: bcubed(pred, &topics),
        stories: distinct.len(),
    }
}

/// L2-penalised logistic regression by Newton's method (the bias, feature 0,
/// is not penalised). Features are few, so each step solves the full system.
#[allow(clippy::needless_range_loop)] // matrix arithmetic reads clearest with indices
pub fn logistic_regression<const N: usize>(
    xs: &[[f64; N]],
    ys: &[f64],
    l2: f64,
    steps: usize,
) -> [f64; N] {
    let mut w = [0.0f64; N];
    for _ in 0..steps {
        let mut g = [0.0f64; N];
        let mut h = [[0.0f64; N]; N];
        for (x, &y) in xs.iter().zip(ys) {
            let z: f64 = w.iter().zip(x).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let r = p * (1.0 - p);
            for i in 0..N {
                g[i] += (p - y) * x[i];
                for j in 0..N {
                    h[i][j] += r * x[i] * x[j];
                }
            }
        }
        let n = xs.len().max(1) as f64;
        for i in 0..N {
            g[i] /= n;
            for j in 0..N {
                h[i][j] /= n;
            }
            // The penalty keeps features that never vary (a signal never known) at 0
            // and the system solvable.
            let pen = if i == 0 { 1e-9 } else { l2 };
            g[i] += pen * w[i];
            h[i][i] += pen;
        }
        let Some(step) = solve(h, g) else { break };
        let mut moved = 0.0;
        for i in 0..N {
            w[i] -= step[i];
            moved += step[i].abs();
        }
        if moved < 1e-9 {
            break;
        }
    }
    w
}

/// Solve `a · x = b` by Gaussian elimination with partial pivoting.
#[allow(clippy::needless_range_loop)] // matrix arithmetic reads clearest with indices
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> Option<[f64; N]> {
    for col in 0..N {
        let piv = (col..N).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[piv][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        for row in col + 1..N {
            let f = a[row][col] / a[col][col];
            for k in col..N {
                a[row][k] -= f * a[col][k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; N];
    for i in (0..N).rev() {
        let s: f64 = (i + 1..N).map(|k| a[i][k] * x[k]).sum();
        x[i] = (b[i] - s) / a[i][i];
    }
    Some(x)
}

impl LearnReport {
    /// The weights table as Rust source (`crates/crosscheck-cluster/src/learned.rs`).
    pub fn rust_table(&self, command: &str) -> String {
        let mut out = String::new();
        out.push_str("//! The story clusterer's pair models ([`crate::model`]), learned, not hand-set.\n//!\n");
        out.push_str(&format!(
            "//! Data: ECB+ (Cybulska & Vossen 2014) as in `../shared/bench/stories-ecbplus`: {} documents, {} events, {} topics\n//! (every topic holds two different events of one kind; the standard test topics 36-45 are not in it).\n",
            self.articles, self.events, self.topics
        ));
        out.push_str("//! Learned by logistic regression on teacher-forced (article, candidate story) pairs, the join threshold by\n//! B-cubed F1 of clustering the same topics; the bias is shifted so the threshold is `tables::JOIN_PROBABILITY`.\n");
        out.push_str("//! The two-pass settings (`PARTITION_*`, [`crate::partition`]): logistic regression on the member pairs of the\n//! coverage groups the streaming pass makes on the same documents, labelled by gold event; group threshold and\n//! pair threshold by B-cubed F1 of clustering them (grid), the pair model's bias shifted to put its threshold at 0.5.\n");
        out.push_str(&format!("//! Regenerate: `{command}`.\n//!\n"));
        let line = |name: &str, l: &Learned| {
            let mut s = format!(
                "//! {name}: in-sample event B-cubed F1 {:.3} (P {:.3} R {:.3})",
                l.in_sample.event_bcubed.f1, l.in_sample.event_bcubed.precision, l.in_sample.event_bcubed.recall
            );
            if let Some(h) = &l.held_out {
                s.push_str(&format!(
                    "; {}-fold by topic, held out: F1 {:.3} (P {:.3} R {:.3})",
                    self.folds, h.event_bcubed.f1, h.event_bcubed.precision, h.event_bcubed.recall
                ));
            }
            s.push_str(&format!("; threshold {:.3}.\n", l.threshold));
            s
        };
        out.push_str(&line("lexical", &self.lexical));
        if let Some(e) = &self.with_embedding {
            out.push_str(&line("with embeddings (all-MiniLM-L6-v2)", e));
        }
        out.push_str("\nuse crate::model::PairModel;\n\n");
        let table = |doc: &str, name: &str, m: &PairModel| {
            let mut s = format!("/// {doc}\n/// Features: {}.\npub const {name}: PairModel = PairModel {{\n    weights: [\n", FEATURE_NAMES.join(", "));
            for (w, n) in m.weights.iter().zip(FEATURE_NAMES) {
                s.push_str(&format!("        {w:.4}, // {n}\n"));
            }
            s.push_str("    ],\n};\n");
            s
        };
        out.push_str(&table("Articles without a sentence embedding.", "LEXICAL", &self.lexical.model));
        out.push('\n');
        let fallback = crosscheck_cluster::learned::WITH_EMBEDDING;
        let (doc, m) = match &self.with_embedding {
            Some(e) => ("Articles with a sentence embedding.", e.model),
            None => ("Articles with a sentence embedding (kept: this run had no model).", fallback),
        };
        out.push_str(&table(doc, "WITH_EMBEDDING", &m));
        out.push_str("\n// ---------------------------------------------------------------- two-pass clustering\n\n");
        out.push_str("use crate::partition::PartModel;\nuse crate::story::Partitioning;\n\n");
        let part_line = |name: &str, l: &LearnedPartitioning| {
            let mut s = format!(
                "/// {name}: in-sample event B-cubed F1 {:.3} (P {:.3} R {:.3})",
                l.in_sample.event_bcubed.f1,
                l.in_sample.event_bcubed.precision,
                l.in_sample.event_bcubed.recall
            );
            if let Some(h) = &l.held_out {
                s.push_str(&format!(
                    "; {}-fold by topic, held out: F1 {:.3} (P {:.3} R {:.3})",
                    self.folds, h.event_bcubed.f1, h.event_bcubed.precision, h.event_bcubed.recall
                ));
            }
            s.push_str(&format!(";\n/// {} member pairs ({} same event), pair threshold {:.3} before the bias shift.\n", l.pairs, l.positives, l.threshold));
            s
        };
        let part_table = |doc: &str,
                          name: &str,
                          l: Option<&LearnedPartitioning>,
                          fallback: Partitioning| {
            let mut s = format!("/// {doc}\n");
            match l {
                Some(l) => s.push_str(&part_line("Learned", l)),
                None => s.push_str("/// (kept: this run had no model)\n"),
            }
            let p = l.map_or(fallback, |l| l.partitioning);
            s.push_str(&format!(
                "/// Pair features: {}.\n",
                PART_FEATURE_NAMES.join(", ")
            ));
            s.push_str(&format!("pub const {name}: Partitioning = Partitioning {{\n    group_threshold: {:.3},\n    model: PartModel {{\n        weights: [\n", p.group_threshold));
            for (w, n) in p.model.weights.iter().zip(PART_FEATURE_NAMES) {
                s.push_str(&format!("            {w:.4}, // {n}\n"));
            }
            s.push_str("        ],\n    },\n};\n");
            s
        };
        out.push_str(&part_table(
            "Two-pass clustering of articles without a sentence embedding: the streaming pass's group threshold and the member-pair model.",
            "PARTITION_LEXICAL",
            Some(&self.lexical_partitioning),
            crosscheck_cluster::learned::PARTITION_LEXICAL,
        ));
        out.push('\n');
        out.push_str(&part_table(
            "The same for articles with a sentence embedding.",
            "PARTITION_WITH_EMBEDDING",
            self.embedding_partitioning.as_ref(),
            crosscheck_cluster::learned::PARTITION_WITH_EMBEDDING,
        ));
        out
    }

    /// Text rendering.
    pub fn render(&self) -> String {
        let mut out = format!(
            "learn-cluster: {} ({} articles, {} events, {} topics, {}-fold by topic)\n",
            self.corpus, self.articles, self.events, self.topics, self.folds
        );
        let sc = |s: &Scores| s.line();
        let mut block = |name: &str, l: &Learned| {
            out.push_str(&format!("{name}: {} pairs ({} positive), threshold {:.3}\n", l.pairs, l.positives, l.threshold));
            out.push_str(&format!("  weighted mean: {}\n", sc(&l.mean)));
            out.push_str(&format!("  shipped table: {}\n", sc(&l.defaults)));
            out.push_str(&format!("  in sample:     {}\n", sc(&l.in_sample)));
            if let Some(h) = &l.held_out {
                out.push_str(&format!("  held out:      {}\n", sc(h)));
            }
            let w: BTreeMap<usize, String> = l.model.weights.iter().enumerate().map(|(i, w)| (i, format!("{}={w:.2}", FEATURE_NAMES[i]))).collect();
            out.push_str(&format!("  weights: {}\n", w.into_values().collect::<Vec<_>>().join(" ")));
        };
        block("lexical", &self.lexical);
        if let Some(e) = &self.with_embedding {
            block("with embeddings", e);
        }
        let mut two_pass = |name: &str, l: &LearnedPartitioning| {
            out.push_str(&format!(
                "two-pass, {name}: {} member pairs ({} same event), group threshold {:.3}, pair threshold {:.3}\n",
                l.pairs, l.positives, l.partitioning.group_threshold, l.threshold
            ));
            out.push_str(&format!("  in sample:     {}\n", sc(&l.in_sample)));
            if let Some(h) = &l.held_out {
                out.push_str(&format!("  held out:      {}\n", sc(h)));
            }
            let w: Vec<String> = l
                .partitioning
                .model
                .weights
                .iter()
                .zip(PART_FEATURE_NAMES)
                .map(|(w, n)| format!("{n}={w:.2}"))
                .collect();
            out.push_str(&format!("  weights: {}\n", w.join(" ")));
        };
        two_pass("lexical", &self.lexical_partitioning);
        if let Some(e) = &self.embedding_partitioning {
            two_pass("with embeddings", e);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logistic_regression_separates() {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..200 {
            let v = i as f64 / 200.0;
            let mut x = [0.0; PAIR_FEATURES];
            x[0] = 1.0;
            x[1] = v;
            xs.push(x);
            ys.push(if v > 0.5 { 1.0 } else { 0.0 });
        }
        let w = logistic_regression(&xs, &ys, 1e-3, 50);
        assert!(w[1] > 5.0, "{w:?}");
        let at = |v: f64| w[0] + w[1] * v;
        assert!(at(0.3) < 0.0 && at(0.7) > 0.0);
    }
}
