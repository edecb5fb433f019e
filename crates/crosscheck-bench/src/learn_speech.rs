//! `crosscheck bench learn-speech`: learn the speech model
//! ([`crosscheck_extract::speech`]: is a quotation reported speech, or words in
//! marks nobody is reported to have said) from quote corpora with gold direct
//! speech (PolNeAR, SpkAtt: `shared/bench/quotes-*`), report cross-validated
//! precision and recall against the rule classifier's, and write the models
//! (`crates/crosscheck-extract/src/speech_weights.rs`).
//!
//! A corpus fit for this model labels the quoted words themselves: SpkAtt's
//! `Direct` messages are what is between the marks, and a term in marks is
//! not one. PolNeAR is not: its direct unit is an attribution whose content
//! holds marks, a quoted term inside a reported clause as much as a quoted
//! sentence (on its train split 93% of the quotations crosscheck finds lie
//! inside one), so it cannot tell a term from speech; English keeps the rule
//! classifier.
//!
//! Every quotation crosscheck finds is one example. It is speech when a gold
//! direct unit of its document holds it: the quotation as printed, marks
//! included, lies inside the unit's text (white space normalised), or, for a
//! quotation of three words or more, its words do in order. The model is an
//! L2-penalised logistic regression over the dense features and three word
//! tables (a word enters a table when it was seen at least
//! [`MIN_WORD_COUNT`] times in training), fitted by full-batch gradient
//! descent from zero; deterministic. The threshold is the one with the best
//! F1 over the held-out folds' scores.

use std::collections::HashMap;

use crosscheck_eval::quote_corpora::scorer_tokens;
use crosscheck_extract::speech::{SpeechFeatures, FEATURES, N_FEATURES};
use serde::Serialize;

use crate::learn_speakers::{by_language, const_name, read_documents, shown_path, Corpus, TablesHead};
use crate::BenchError;

/// A word enters a word table only when seen this often in training: rarer
/// words would fit single items.
pub const MIN_WORD_COUNT: usize = 5;
const ITERATIONS: usize = 1500;
const RATE: f64 = 0.5;
const L2: f64 = 1e-3;

#[derive(Debug, Clone)]
struct Example {
    document: usize,
    features: SpeechFeatures,
    rule_says_speech: bool,
    speech: bool,
}

/// Precision, recall and F1 of a speech decision against the labels.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(pairs: impl Iterator<Item = (bool, bool)>) -> Prf {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (predicted, gold) in pairs {
        match (predicted, gold) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fneg == 0 { 0.0 } else { tp as f64 / (tp + fneg) as f64 };
    Prf { precision: p, recall: r, f1: if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) } }
}

/// What learning one language printed, and its model.
#[derive(Debug, Clone, Serialize)]
pub struct SpeechReport {
    pub language: String,
    pub corpus: String,
    pub documents: usize,
    pub quotations: usize,
    /// Of those, speech by the gold.
    pub speech: usize,
    pub rule: Prf,
    pub in_sample: Prf,
    pub cross_validated: Prf,
    pub folds: usize,
    pub threshold: f32,
    pub weights: Vec<(String, f32)>,
    pub word_before: Vec<(String, f32)>,
    pub second_word_before: Vec<(String, f32)>,
    pub word_after: Vec<(String, f32)>,
}

/// Learn and cross-validate every corpus's language; `folds` >= 2.
pub fn learn(corpora: &[Corpus], folds: usize, progress: &dyn Fn(&str)) -> Result<Vec<SpeechReport>, BenchError> {
    let mut reports = Vec::new();
    for (language, corpora) in by_language(corpora) {
        let mut examples = Vec::new();
        let mut documents = 0;
        for c in &corpora {
            progress(&format!("reading {} ({language})", c.gold.display()));
            let (n, ex) = read_corpus(c, documents)?;
            documents += n;
            examples.extend(ex);
        }
        progress(&format!("{language}: {} quotations; fitting", examples.len()));
        let mut held_out: Vec<(f64, bool)> = Vec::with_capacity(examples.len());
        for k in 0..folds {
            let train: Vec<&Example> = examples.iter().filter(|e| e.document % folds != k).collect();
            let model = fit(&train);
            held_out.extend(examples.iter().filter(|e| e.document % folds == k).map(|e| (model.score(&e.features), e.speech)));
        }
        let threshold = best_threshold(&held_out);
        let all: Vec<&Example> = examples.iter().collect();
        let model = fit(&all);
        reports.push(SpeechReport {
            language: language.clone(),
            corpus: corpora.iter().map(|c| c.gold.display().to_string()).collect::<Vec<_>>().join(", "),
            documents,
            quotations: examples.len(),
            speech: examples.iter().filter(|e| e.speech).count(),
            rule: prf(examples.iter().map(|e| (e.rule_says_speech, e.speech))),
            in_sample: prf(examples.iter().map(|e| (model.score(&e.features) >= threshold, e.speech))),
            cross_validated: prf(held_out.iter().map(|(s, y)| (*s >= threshold, *y))),
            folds,
            threshold: threshold as f32,
            weights: FEATURES.iter().map(|f| f.to_string()).zip(model.dense.iter().map(|w| *w as f32)).collect(),
            word_before: model.table(0),
            second_word_before: model.table(1),
            word_after: model.table(2),
        });
    }
    Ok(reports)
}

/// The threshold on held-out scores with the best F1 (ties: the higher one).
fn best_threshold(scored: &[(f64, bool)]) -> f64 {
    let mut candidates: Vec<f64> = scored.iter().map(|(s, _)| *s).collect();
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    let mut best = (f64::NEG_INFINITY, 0.0);
    for t in candidates {
        let f = prf(scored.iter().map(|(s, y)| (*s >= t, *y))).f1;
        if f >= best.0 {
            best = (f, t);
        }
    }
    best.1
}

fn read_corpus(c: &Corpus, first_document: usize) -> Result<(usize, Vec<Example>), BenchError> {
    let (_, docs) = read_documents(c)?;
    let mut examples = Vec::new();
    for (k, (article, units)) in docs.iter().enumerate() {
        let document = first_document + k;
        let direct: Vec<(String, Vec<String>)> = units.iter().filter(|u| u.direct).map(|u| (squeeze(&u.content), scorer_tokens(&u.content))).collect();
        let (quotes, features) = crosscheck_extract::speech_candidates(article);
        for (q, f) in quotes.iter().zip(features) {
            let outer = squeeze(q.outer.slice(&article.text));
            let words = scorer_tokens(q.span.slice(&article.text));
            let speech = direct.iter().any(|(content, tokens)| content.contains(&outer) || (words.len() >= 3 && contains_run(tokens, &words)));
            examples.push(Example { document, features: f, rule_says_speech: q.kind == crosscheck_extract::QuoteKind::Full, speech });
        }
    }
    Ok((docs.len(), examples))
}

/// White space runs as one space, trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// A fitted model: dense weights and the three word tables.
struct Fitted {
    dense: [f64; N_FEATURES],
    tables: [HashMap<String, f64>; 3],
}

impl Fitted {
    fn score(&self, f: &SpeechFeatures) -> f64 {
        let dense: f64 = f.dense.iter().zip(&self.dense).map(|(x, w)| *x as f64 * w).sum();
        dense + words_of(f).iter().zip(&self.tables).map(|(w, t)| w.and_then(|w| t.get(w)).copied().unwrap_or(0.0)).sum::<f64>()
    }

    fn table(&self, k: usize) -> Vec<(String, f32)> {
        let mut v: Vec<(String, f32)> = self.tables[k].iter().map(|(w, x)| (w.clone(), *x as f32)).filter(|(_, x)| x.abs() >= 1e-4).collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }
}

fn words_of(f: &SpeechFeatures) -> [Option<&str>; 3] {
    [f.word_before.as_deref(), f.second_word_before.as_deref(), f.word_after.as_deref()]
}

/// Full-batch gradient descent on the L2-penalised log loss (the bias is not penalised).
fn fit(examples: &[&Example]) -> Fitted {
    // The word vocabularies: words seen often enough, each one column.
    let mut counts: [HashMap<&str, usize>; 3] = Default::default();
    for e in examples {
        for (k, w) in words_of(&e.features).into_iter().enumerate() {
            if let Some(w) = w {
                *counts[k].entry(w).or_default() += 1;
            }
        }
    }
    let mut columns: HashMap<(usize, &str), usize> = HashMap::new();
    for (k, c) in counts.iter().enumerate() {
        let mut words: Vec<&&str> = c.iter().filter(|(_, n)| **n >= MIN_WORD_COUNT).map(|(w, _)| w).collect();
        words.sort();
        for w in words {
            let col = N_FEATURES + columns.len();
            columns.insert((k, *w), col);
        }
    }
    let width = N_FEATURES + columns.len();
    let rows: Vec<(Vec<(usize, f64)>, f64)> = examples
        .iter()
        .map(|e| {
            let mut x: Vec<(usize, f64)> = e.features.dense.iter().enumerate().filter(|(_, v)| **v != 0.0).map(|(i, v)| (i, *v as f64)).collect();
            for (k, w) in words_of(&e.features).into_iter().enumerate() {
                if let Some(col) = w.and_then(|w| columns.get(&(k, w))) {
                    x.push((*col, 1.0));
                }
            }
            (x, if e.speech { 1.0 } else { 0.0 })
        })
        .collect();
    let mut w = vec![0f64; width];
    let n = rows.len().max(1) as f64;
    for _ in 0..ITERATIONS {
        let mut g = vec![0f64; width];
        for (x, y) in &rows {
            let z: f64 = x.iter().map(|(i, v)| w[*i] * v).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for (i, v) in x {
                g[*i] += (p - y) * v;
            }
        }
        for (i, (wi, gi)) in w.iter_mut().zip(&g).enumerate() {
            let pen = if i == 0 { 0.0 } else { L2 };
            *wi -= RATE * (gi / n + pen * *wi);
        }
    }
    let mut dense = [0f64; N_FEATURES];
    dense.copy_from_slice(&w[..N_FEATURES]);
    let mut tables: [HashMap<String, f64>; 3] = Default::default();
    for ((k, word), col) in columns {
        tables[k].insert(word.to_string(), w[col]);
    }
    Fitted { dense, tables }
}

/// The Rust source of the models, with the data named in each one's doc comment.
pub fn models_source(reports: &[SpeechReport], command: &str) -> String {
    let head = TablesHead {
        about: "//! Learned speech models ([`crate::speech`]), one per language: dense weights in\n//! the order of [`crate::speech::FEATURES`], word tables sorted by word.\n",
        verb: "learn-speech",
        uses: "use crate::speech::SpeechModel;\n\n",
        lookup_doc: "The model of a language (ISO 639-1), or `None` when none was learned.",
        returns: "Option<SpeechModel>",
    };
    let mut s = head.render(command, reports.iter().map(|r| r.language.as_str()));
    let table = |s: &mut String, name: &str, rows: &[(String, f32)]| {
        s.push_str(&format!("    {name}: &[\n"));
        for (w, x) in rows {
            s.push_str(&format!("        ({w:?}, {x:.4}),\n"));
        }
        s.push_str("    ],\n");
    };
    for r in reports {
        s.push_str(&format!(
            "\n/// Learned from {} ({} documents, {} quotations, {} of them speech);\n/// {}-fold cross-validated over documents: P {:.3} R {:.3} F1 {:.3} (rule classifier: P {:.3} R {:.3} F1 {:.3}).\n",
            shown_path(&r.corpus),
            r.documents,
            r.quotations,
            r.speech,
            r.folds,
            r.cross_validated.precision,
            r.cross_validated.recall,
            r.cross_validated.f1,
            r.rule.precision,
            r.rule.recall,
            r.rule.f1
        ));
        s.push_str(&format!("pub const {}: SpeechModel = SpeechModel {{\n    weights: &[\n", const_name(&r.language)));
        for (name, w) in &r.weights {
            s.push_str(&format!("        {w:.4}, // {name}\n"));
        }
        s.push_str("    ],\n");
        table(&mut s, "word_before", &r.word_before);
        table(&mut s, "second_word_before", &r.second_word_before);
        table(&mut s, "word_after", &r.word_after);
        s.push_str(&format!("    threshold: {:.4},\n}};\n", r.threshold));
    }
    s
}
