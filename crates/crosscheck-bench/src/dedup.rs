//! `crosscheck bench dedup`: near-duplicate detection speed, recall and
//! precision on a generated corpus with planted copies — MinHash-LSH alone
//! (datasketch's task) and with sentence-containment verification. Compare with
//! datasketch through `bench/dedup_vs_datasketch.py` (it runs this command).

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crosscheck_cluster::dedup::{DedupConfig, Deduper};
use serde::Serialize;

use crate::metrics::Prf;
use crate::sys::{peak_rss_bytes, thread_cpu_secs};
use crate::{corpus, synth, BenchError};

/// Options of the dedup benchmark.
#[derive(Debug, Clone)]
pub struct DedupBenchOptions {
    pub docs: usize,
    pub num_perm: usize,
    pub threshold: f64,
    pub copy_share: f64,
    pub seed: u64,
    /// Write the corpus (`PATH`) and its truth (`PATH.truth.jsonl`) for other tools.
    pub corpus_out: Option<PathBuf>,
}

impl Default for DedupBenchOptions {
    fn default() -> Self {
        DedupBenchOptions {
            docs: 20_000,
            num_perm: 128,
            threshold: 0.8,
            copy_share: 0.25,
            seed: 42,
            corpus_out: None,
        }
    }
}

/// Figures of one dedup mode.
#[derive(Debug, Clone, Serialize)]
pub struct DedupModeReport {
    pub mode: String,
    /// Wall time, median of three runs.
    pub seconds: f64,
    /// CPU time of the (single) working thread, median of three runs; `None`
    /// for the multi-threaded batch mode.
    pub cpu_seconds: Option<f64>,
    pub docs_per_sec: f64,
    pub pairs_found: usize,
    /// Against pairs with exact Jaccard ≥ threshold (the MinHash task).
    pub jaccard_task: Prf,
    /// Against all planted copy pairs (near, trimmed, re-led, siblings).
    pub copy_task: Prf,
    /// Recall per pair kind ("near@0.90", "trimmed", ...).
    pub recall_by_kind: BTreeMap<String, (usize, usize)>,
    pub approx_heap_bytes: usize,
}

/// The dedup benchmark's figures.
#[derive(Debug, Clone, Serialize)]
pub struct DedupBenchReport {
    pub docs: usize,
    pub words: usize,
    pub planted_copies: usize,
    pub truth_pairs: usize,
    pub positive_pairs: usize,
    pub num_perm: usize,
    pub threshold: f64,
    pub bands: usize,
    pub rows: usize,
    pub modes: Vec<DedupModeReport>,
    pub peak_rss_bytes: Option<u64>,
    pub corpus: Option<String>,
}

fn kind_key(p: &synth::TruthPair, docs: &[synth::SynthDoc]) -> String {
    match (p.kind.as_str(), docs[p.b as usize].target) {
        ("near", Some(t)) => format!("near@{t:.2}"),
        (k, _) => k.to_string(),
    }
}

/// Score found pairs against the truth (shared by both modes and, in the same
/// definitions, by bench/dedup_vs_datasketch.py).
fn score_pairs(
    found: &HashSet<(u32, u32)>,
    corpus: &synth::DedupCorpus,
    threshold: f64,
) -> (Prf, Prf, BTreeMap<String, (usize, usize)>) {
    let truth: HashSet<(u32, u32)> = corpus.truth.iter().map(|p| (p.a, p.b)).collect();
    let pos: HashSet<(u32, u32)> = corpus
        .truth
        .iter()
        .filter(|p| p.jaccard >= threshold)
        .map(|p| (p.a, p.b))
        .collect();
    let f = found.len().max(1) as f64;
    let tp_j = found.intersection(&pos).count() as f64;
    let tp_c = found.intersection(&truth).count() as f64;
    let jt = Prf::new(
        if found.is_empty() { 1.0 } else { tp_j / f },
        tp_j / pos.len().max(1) as f64,
    );
    let ct = Prf::new(
        if found.is_empty() { 1.0 } else { tp_c / f },
        tp_c / truth.len().max(1) as f64,
    );
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for p in &corpus.truth {
        let e = by_kind.entry(kind_key(p, &corpus.docs)).or_default();
        e.1 += 1;
        if found.contains(&(p.a, p.b)) {
            e.0 += 1;
        }
    }
    (jt, ct, by_kind)
}

/// Write the corpus as JSONL (`{"id","text","family","kind"}`) and the truth
/// pairs as `PATH.truth.jsonl`.
pub fn write_dedup_corpus(corpus: &synth::DedupCorpus, path: &Path) -> Result<(), BenchError> {
    let io = |e| BenchError::Io(path.display().to_string(), e);
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
    for d in &corpus.docs {
        serde_json::to_writer(&mut w, d)
            .map_err(|e| BenchError::Json(path.display().to_string(), e))?;
        w.write_all(b"\n").map_err(io)?;
    }
    w.flush().map_err(io)?;
    let tpath = PathBuf::from(format!("{}.truth.jsonl", path.display()));
    let io2 = |e| BenchError::Io(tpath.display().to_string(), e);
    let mut w = std::io::BufWriter::new(std::fs::File::create(&tpath).map_err(io2)?);
    for p in &corpus.truth {
        serde_json::to_writer(&mut w, p)
            .map_err(|e| BenchError::Json(tpath.display().to_string(), e))?;
        w.write_all(b"\n").map_err(io2)?;
    }
    w.flush().map_err(io2)?;
    Ok(())
}

/// Run the dedup benchmark: MinHash-LSH alone (datasketch's task) and with the
/// sentence-containment verification, both single-threaded and streaming (query
/// then insert, like `MinHashLSH.query` + `insert`), plus the 2-core batch mode.
pub fn run_dedup(
    opts: &DedupBenchOptions,
    progress: &dyn Fn(&str),
) -> Result<DedupBenchReport, BenchError> {
    progress("generating corpus");
    let corpus = synth::dedup_corpus(
        opts.docs,
        opts.copy_share,
        crosscheck_cluster::tables::SHINGLE_WORDS,
        opts.seed,
    );
    if let Some(p) = &opts.corpus_out {
        progress("writing corpus");
        write_dedup_corpus(&corpus, p)?;
    }
    let articles = corpus::dedup_articles(&corpus);
    let words: usize = corpus.docs.iter().map(|d| d.text.split(' ').count()).sum();
    let mut modes = Vec::new();
    let mut bands_rows = (0, 0);
    for (mode, verify, batch) in [
        ("minhash-lsh", false, false),
        ("minhash-lsh+containment", true, false),
        ("minhash-lsh+containment batch (all cores)", true, true),
    ] {
        progress(mode);
        let cfg = DedupConfig {
            threshold: opts.threshold,
            num_perm: opts.num_perm,
            verify,
            ..Default::default()
        };
        // Median of three runs: the machine is shared, and one short run can
        // be hit by someone else's compile.
        let mut times = Vec::new();
        let mut cpu = Vec::new();
        let mut last = None;
        for _ in 0..3 {
            // Free the previous run's index first, so every run after the first
            // reuses memory instead of faulting in fresh pages.
            drop(last.take());
            let start = Instant::now();
            let cpu0 = thread_cpu_secs();
            let d = if batch {
                crosscheck_cluster::dedup::dedup_index(&articles, &cfg)?
            } else {
                let mut d = Deduper::new(cfg.clone())?;
                for a in &articles {
                    d.add(a);
                }
                d
            };
            times.push(start.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (cpu0, thread_cpu_secs()) {
                cpu.push(b - a);
            }
            last = Some(d);
        }
        times.sort_by(f64::total_cmp);
        let secs = times[1];
        cpu.sort_by(f64::total_cmp);
        let cpu_secs = if batch || cpu.len() < 3 {
            None
        } else {
            Some(cpu[1])
        };
        let d = last.expect("three runs");
        bands_rows = d.bands_rows();
        let found: HashSet<(u32, u32)> = d
            .pairs()
            .iter()
            .map(|p| (p.a.min(p.b), p.a.max(p.b)))
            .collect();
        let (jt, ct, by_kind) = score_pairs(&found, &corpus, opts.threshold);
        modes.push(DedupModeReport {
            mode: mode.into(),
            seconds: secs,
            cpu_seconds: cpu_secs,
            docs_per_sec: articles.len() as f64 / secs,
            pairs_found: found.len(),
            jaccard_task: jt,
            copy_task: ct,
            recall_by_kind: by_kind,
            approx_heap_bytes: d.approx_heap_bytes(),
        });
    }
    Ok(DedupBenchReport {
        docs: corpus.docs.len(),
        words,
        planted_copies: corpus.docs.iter().filter(|d| d.kind != "base").count(),
        truth_pairs: corpus.truth.len(),
        positive_pairs: corpus
            .truth
            .iter()
            .filter(|p| p.jaccard >= opts.threshold)
            .count(),
        num_perm: opts.num_perm,
        threshold: opts.threshold,
        bands: bands_rows.0,
        rows: bands_rows.1,
        modes,
        peak_rss_bytes: peak_rss_bytes(),
        corpus: opts.corpus_out.as_ref().map(|p| p.display().to_string()),
    })
}

impl DedupBenchReport {
    /// Human-readable figures.
    pub fn render(&self) -> String {
        let mut s = format!(
            "dedup benchmark: {} docs ({} words), {} planted copies, {} truth pairs ({} with Jaccard >= {})\n\
             num_perm {}, threshold {}, LSH {} bands x {} rows\n\n",
            self.docs, self.words, self.planted_copies, self.truth_pairs, self.positive_pairs, self.threshold,
            self.num_perm, self.threshold, self.bands, self.rows
        );
        s += &format!(
            "{:<44} {:>8} {:>8} {:>10} {:>7} {:>8} {:>8} {:>8} {:>8} {:>9}\n",
            "mode",
            "seconds",
            "cpu s",
            "docs/s",
            "pairs",
            "J-prec",
            "J-rec",
            "copy-P",
            "copy-R",
            "heap MB"
        );
        for m in &self.modes {
            s += &format!(
                "{:<44} {:>8.2} {:>8} {:>10.0} {:>7} {:>8.4} {:>8.4} {:>8.4} {:>8.4} {:>9.1}\n",
                m.mode,
                m.seconds,
                m.cpu_seconds.map_or("-".to_string(), |c| format!("{c:.2}")),
                m.docs_per_sec,
                m.pairs_found,
                m.jaccard_task.precision,
                m.jaccard_task.recall,
                m.copy_task.precision,
                m.copy_task.recall,
                m.approx_heap_bytes as f64 / 1e6
            );
        }
        s += "\nrecall by planted kind (found/total):\n";
        let kinds: Vec<&String> = self.modes[0].recall_by_kind.keys().collect();
        s += &format!("{:<14}", "kind");
        for m in &self.modes[..2.min(self.modes.len())] {
            s += &format!(" {:>26}", m.mode);
        }
        s += "\n";
        for k in kinds {
            s += &format!("{k:<14}");
            for m in &self.modes[..2.min(self.modes.len())] {
                let (f, t) = m.recall_by_kind[k];
                s += &format!(" {:>17}/{:<5} {:.2}", f, t, f as f64 / t.max(1) as f64);
            }
            s += "\n";
        }
        if let Some(p) = self.peak_rss_bytes {
            s += &format!(
                "\npeak RSS (VmHWM, whole process incl. corpus): {:.1} MB\n",
                p as f64 / 1e6
            );
        }
        if let Some(c) = &self.corpus {
            s += &format!("corpus written to {c} (+ .truth.jsonl)\n");
        }
        s
    }
}

