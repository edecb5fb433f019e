//! `crosscheck bench learn-speakers`: learn the speaker ranker's weights
//! ([`crosscheck_extract::speakers`]) from quote corpora with gold speakers
//! (PolNeAR, SpkAtt: `shared/bench/quotes-*`), report cross-validated accuracy,
//! and write the weight tables (`crates/crosscheck-extract/src/speaker_weights.rs`).
//!
//! Each article is annotated with the rule pass only; its statements are
//! matched to the gold direct quotes by the corpus scorer's rule; a candidate is
//! right when its words (as printed and as resolved) share a content word with
//! the gold source, the scorer's speaker rule. Statements whose gold source is
//! a bare pronoun (not scorable) or that no candidate gets right teach nothing
//! and are left out of learning, but count (as wrong) in the accuracy. The model
//! is a softmax over each statement's candidates (conditional logit), fitted by
//! full-batch gradient descent with an L2 penalty; deterministic.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck_eval::quote_corpora::{match_quotes, speaker_matches, speaker_words, GoldAttribution, PredictedQuote, QuoteCorpusGold, QuoteCorpusReader};
use crosscheck_eval::GoldReader;
use crosscheck_extract::speakers::{score, FEATURES, N_FEATURES};
use serde::Serialize;

use crate::BenchError;

/// One corpus to learn from.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// ISO 639-1 code the table is for; articles are annotated as this language.
    pub language: String,
    pub gold: PathBuf,
    /// Folder of `<stem>.txt`.
    pub texts: PathBuf,
}

/// One statement's candidates (features) and which are right.
#[derive(Debug, Clone)]
struct Example {
    document: usize,
    features: Vec<[f32; N_FEATURES]>,
    right: Vec<bool>,
}

/// What learning one language printed.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageReport {
    pub language: String,
    pub corpus: String,
    pub documents: usize,
    /// Matched statements with a scorable gold source.
    pub statements: usize,
    /// Of those, with at least one right candidate (the ceiling of the ranker).
    pub learnable: usize,
    /// Of the statements, those without any candidate (the ranker abstains).
    pub without_candidate: usize,
    /// Of the statements, those with candidates of which none is right.
    pub without_right_candidate: usize,
    /// Speaker accuracy, learned on all documents and scored on them.
    pub in_sample_accuracy: f64,
    /// Speaker accuracy over held-out folds (documents split into `folds`).
    pub cross_validated_accuracy: f64,
    pub folds: usize,
    /// The rule pass's accuracy on the same statements (its pick, else none).
    pub rule_accuracy: f64,
    pub weights: Vec<(String, f32)>,
}

/// Learn and cross-validate every corpus's language; `folds` >= 2.
pub fn learn(corpora: &[Corpus], folds: usize, progress: &dyn Fn(&str)) -> Result<Vec<LanguageReport>, BenchError> {
    let mut reports = Vec::new();
    for (language, corpora) in by_language(corpora) {
        let mut examples = Vec::new();
        let (mut documents, mut statements, mut rule_right, mut without_candidate) = (0usize, 0usize, 0usize, 0usize);
        for c in &corpora {
            progress(&format!("reading {} ({language})", c.gold.display()));
            let read = read_corpus(c, documents)?;
            documents += read.documents;
            statements += read.statements;
            rule_right += read.rule_right;
            without_candidate += read.without_candidate;
            examples.extend(read.examples);
        }
        let learnable = examples.len();
        progress(&format!("{language}: {statements} statements, {learnable} with a right candidate; fitting"));
        let weights = fit(&examples);
        let in_sample = accuracy(&examples, &weights, statements);
        let mut cv_right = 0usize;
        for k in 0..folds {
            let train: Vec<Example> = examples.iter().filter(|e| e.document % folds != k).cloned().collect();
            let w = fit(&train);
            cv_right += examples.iter().filter(|e| e.document % folds == k).filter(|e| chosen_right(e, &w)).count();
        }
        let ratio = |a: usize| if statements == 0 { 0.0 } else { a as f64 / statements as f64 };
        reports.push(LanguageReport {
            language: language.clone(),
            corpus: corpora.iter().map(|c| c.gold.display().to_string()).collect::<Vec<_>>().join(", "),
            documents,
            statements,
            learnable,
            without_candidate,
            without_right_candidate: statements - learnable - without_candidate,
            in_sample_accuracy: in_sample,
            cross_validated_accuracy: ratio(cv_right),
            folds,
            rule_accuracy: ratio(rule_right),
            weights: FEATURES.iter().map(|f| f.to_string()).zip(weights).collect(),
        });
    }
    Ok(reports)
}

/// The corpora grouped by the language their table is for.
pub fn by_language(corpora: &[Corpus]) -> BTreeMap<String, Vec<&Corpus>> {
    let mut out: BTreeMap<String, Vec<&Corpus>> = BTreeMap::new();
    for c in corpora {
        out.entry(c.language.clone()).or_default().push(c);
    }
    out
}

/// A corpus's documents as articles, each with its gold units.
pub type Documents = Vec<(crosscheck_core::Article, Vec<GoldAttribution>)>;

/// A corpus's gold, and each of its documents that reads, as an article of
/// the corpus's language with its gold units; unreadable ones are left out
/// with a warning.
pub fn read_documents(c: &Corpus) -> Result<(QuoteCorpusGold, Documents), BenchError> {
    let text = std::fs::read_to_string(&c.gold).map_err(|e| BenchError::Io(c.gold.display().to_string(), e))?;
    let gold = QuoteCorpusReader.read(&text).map_err(|e| BenchError::Io(c.gold.display().to_string(), std::io::Error::other(e.to_string())))?;
    let mut docs = Vec::new();
    for (stem, units) in &gold.documents {
        let path = c.texts.join(format!("{stem}.txt"));
        let Some(Ok(mut article)) = crosscheck_ingest::read_path(&path).next() else {
            tracing::warn!(path = %path.display(), "quote corpus document unreadable: left out");
            continue;
        };
        article.language = Some(c.language.clone());
        docs.push((article, units.clone()));
    }
    Ok((gold, docs))
}

/// What one corpus gives the learner.
struct CorpusRead {
    documents: usize,
    /// Matched statements with a scorable gold source.
    statements: usize,
    /// Of those, the rule pass's speaker right.
    rule_right: usize,
    /// Of those, no candidate at all.
    without_candidate: usize,
    /// The statements with a right candidate.
    examples: Vec<Example>,
}

fn read_corpus(c: &Corpus, first_document: usize) -> Result<CorpusRead, BenchError> {
    let (gold, docs) = read_documents(c)?;
    let mut examples = Vec::new();
    let (mut documents, mut statements, mut rule_right, mut without_candidate) = (0, 0, 0, 0);
    for (article, units) in &docs {
        let document = first_document + documents;
        documents += 1;
        let (annotated, candidates) = crosscheck_extract::speaker_candidates(article);
        let direct: Vec<_> = units.iter().filter(|u| u.direct).collect();
        let heads: Vec<usize> = (0..annotated.quotes.len()).filter(|&i| annotated.quotes[i].continues.is_none()).collect();
        let records = annotated.quote_records();
        // The statements the scorer sees, in its unit, with their head quote.
        let scored: Vec<(usize, PredictedQuote)> = heads.iter().zip(records).filter_map(|(h, r)| gold.prediction(&r, true).map(|p| (*h, p))).collect();
        let preds: Vec<PredictedQuote> = scored.iter().map(|(_, p)| p.clone()).collect();
        for ((head, rule_pred), m) in scored.iter().zip(match_quotes(&direct, &preds)) {
            let Some(gi) = m else { continue };
            let source = &direct[gi].source;
            if speaker_words(source).is_empty() {
                continue;
            }
            statements += 1;
            rule_right += speaker_matches(rule_pred.speaker.as_deref(), source) as usize;
            let Some(sc) = candidates.iter().find(|s| s.quote == *head && !s.candidates.is_empty()) else {
                without_candidate += 1;
                continue;
            };
            let text = &annotated.article.text;
            let right: Vec<bool> = sc
                .candidates
                .iter()
                .map(|cand| {
                    let printed = text.get(cand.evidence.start..cand.evidence.end).unwrap_or("");
                    let resolved = annotated.speaker_name(&cand.speaker).unwrap_or_default();
                    speaker_matches(Some(&format!("{printed} {resolved}")), source)
                })
                .collect();
            if !right.iter().any(|r| *r) {
                // What the ranker could not get right, for whoever improves the candidates (CROSSCHECK_LOG=crosscheck_bench=debug).
                let offered: Vec<String> = sc.candidates.iter().map(|c| format!("{} [{}]", text.get(c.evidence.start..c.evidence.end).unwrap_or(""), c.origin)).collect();
                tracing::debug!(article = %article.id, quote = ?annotated.quotes[*head].span, source = %source, candidates = ?offered, "no right speaker candidate");
            } else {
                examples.push(Example { document, features: sc.candidates.iter().map(|c| c.features).collect(), right });
            }
        }
    }
    Ok(CorpusRead { documents, statements, rule_right, without_candidate, examples })
}

/// Whether the top-scoring candidate is a right one.
fn chosen_right(e: &Example, w: &[f32]) -> bool {
    e.features
        .iter()
        .zip(&e.right)
        .map(|(f, r)| (score(f, w), *r))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .is_some_and(|(_, r)| r)
}

fn accuracy(examples: &[Example], w: &[f32], statements: usize) -> f64 {
    if statements == 0 {
        return 0.0;
    }
    examples.iter().filter(|e| chosen_right(e, w)).count() as f64 / statements as f64
}

/// Conditional-logit fit: maximise the log of the probability mass of the right
/// candidates, with an L2 penalty; plain gradient descent from zero.
fn fit(examples: &[Example]) -> Vec<f32> {
    const ITERATIONS: usize = 1500;
    const RATE: f64 = 1.0;
    const L2: f64 = 1e-3;
    let mut w = vec![0f64; N_FEATURES];
    if examples.is_empty() {
        return vec![0.0; N_FEATURES];
    }
    let n = examples.len() as f64;
    for _ in 0..ITERATIONS {
        let mut grad = vec![0f64; N_FEATURES];
        for e in examples {
            let scores: Vec<f64> = e.features.iter().map(|f| f.iter().zip(&w).map(|(x, wi)| *x as f64 * wi).sum()).collect();
            let max = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
            let total: f64 = exp.iter().sum();
            let right_total: f64 = exp.iter().zip(&e.right).filter(|(_, r)| **r).map(|(x, _)| x).sum();
            for ((f, x), r) in e.features.iter().zip(&exp).zip(&e.right) {
                let p = x / total;
                let q = if *r { x / right_total } else { 0.0 };
                for (g, fi) in grad.iter_mut().zip(f) {
                    *g += (p - q) * *fi as f64;
                }
            }
        }
        for (wi, g) in w.iter_mut().zip(&grad) {
            *wi -= RATE * (g / n + L2 * *wi);
        }
    }
    w.into_iter().map(|x| x as f32).collect()
}

/// The Rust source of the weight tables, with the data named in each table's doc comment.
pub fn weights_source(reports: &[LanguageReport], command: &str) -> String {
    let head = TablesHead {
        about: "//! Learned weights of the speaker ranker ([`crate::speakers`]), one table per\n//! language, in the order of [`crate::speakers::FEATURES`].\n",
        verb: "learn-speakers",
        uses: "",
        lookup_doc: "Weights for a language (ISO 639-1), or `None` when none were learned.",
        returns: "Option<&'static [f32]>",
    };
    let mut s = head.render(command, reports.iter().map(|r| r.language.as_str()));
    for r in reports {
        s.push_str(&format!(
            "\n/// Learned from {} ({} documents, {} statements with a scorable gold speaker);\n/// speaker accuracy {:.3} in sample, {:.3} by {}-fold cross-validation over documents\n/// (rule pass alone: {:.3}).\n",
            shown_path(&r.corpus),
            r.documents,
            r.statements,
            r.in_sample_accuracy,
            r.cross_validated_accuracy,
            r.folds,
            r.rule_accuracy
        ));
        s.push_str(&format!("pub const {}: &[f32] = &[\n", const_name(&r.language)));
        for (name, w) in &r.weights {
            s.push_str(&format!("    {w:.4}, // {name}\n"));
        }
        s.push_str("];\n");
    }
    s
}

/// The head every generated table file of the quote learners shares: the
/// module doc (what the tables are, the verb that writes them, the command
/// that regenerates them), the `use` lines, and `for_language`, which maps each
/// learned language to its constant.
pub struct TablesHead {
    /// The first lines of the module doc, each starting `//! `.
    pub about: &'static str,
    /// The `crosscheck bench` verb that writes the file.
    pub verb: &'static str,
    /// `use` lines (with their blank line after), or empty.
    pub uses: &'static str,
    /// The doc line of `for_language`.
    pub lookup_doc: &'static str,
    /// Its return type.
    pub returns: &'static str,
}

impl TablesHead {
    pub fn render<'a>(&self, command: &str, languages: impl IntoIterator<Item = &'a str>) -> String {
        let mut s = String::new();
        s.push_str(self.about);
        s.push_str(&format!("//!\n//! Generated by `crosscheck bench {}`; do not edit by hand. Regenerate with:\n//!\n", self.verb));
        s.push_str(&format!("//! ```sh\n//! {command}\n//! ```\n\n{}", self.uses));
        s.push_str(&format!("/// {}\npub fn for_language(code: &str) -> {} {{\n", self.lookup_doc, self.returns));
        s.push_str("    match code.split(['-', '_']).next().unwrap_or(\"\").to_ascii_lowercase().as_str() {\n");
        for language in languages {
            s.push_str(&format!("        \"{language}\" => Some({}),\n", const_name(language)));
        }
        s.push_str("        _ => None,\n    }\n}\n");
        s
    }
}

/// A corpus path as the doc comment shows it: relative to the working directory.
pub fn shown_path(corpus: &str) -> String {
    corpus.replace(&*std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default(), ".")
}

/// The Rust constant a language's learned table is named by.
pub fn const_name(language: &str) -> String {
    match language {
        "en" => "ENGLISH".into(),
        "de" => "GERMAN".into(),
        "fr" => "FRENCH".into(),
        "es" => "SPANISH".into(),
        other => other.to_ascii_uppercase(),
    }
}

/// Parse `LANG:GOLD:TEXTS`.
pub fn parse_corpus(spec: &str) -> Result<Corpus, String> {
    let mut parts = spec.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(l), Some(g), Some(t)) if !l.is_empty() => Ok(Corpus { language: l.to_string(), gold: Path::new(g).to_path_buf(), texts: Path::new(t).to_path_buf() }),
        _ => Err(format!("expected LANG:GOLD.json:TEXT_DIR, got {spec}")),
    }
}
