//! `crosscheck bench learn-speakers --corpus LANG:GOLD:TEXTS... [--write FILE]`.

use std::process::ExitCode;

use crosscheck_bench::learn_speakers::{learn, parse_corpus, weights_source, Corpus};

use crate::Context;

/// The arguments of the learners that read quote corpora (`learn-speakers`, `learn-speech`).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A corpus as LANG:GOLD.json:TEXT_DIR (PolNeAR or SpkAtt gold), e.g.
    /// `en:../shared/bench/quotes-polnear/gold_train.json:../shared/bench/quotes-polnear/train/text`.
    #[arg(long = "corpus", required = true, value_parser = parse_corpus)]
    pub corpora: Vec<Corpus>,
    /// Folds of the cross-validation over documents.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Write the learned tables (Rust source) here, e.g.
    /// `crates/crosscheck-extract/src/speaker_weights.rs`.
    #[arg(long)]
    pub write: Option<std::path::PathBuf>,
}

impl Args {
    /// The folds used (at least 2).
    pub fn folds(&self) -> usize {
        self.folds.max(2)
    }

    /// Write `source(command)` to `--write`, if given; `command` is the
    /// `verb`'s command line that regenerates it.
    pub fn write_tables(&self, verb: &str, source: impl FnOnce(&str) -> String) -> anyhow::Result<()> {
        if let Some(path) = &self.write {
            let specs: Vec<String> = self.corpora.iter().map(|c| format!("--corpus {}:{}:{}", c.language, c.gold.display(), c.texts.display())).collect();
            let command = format!("crosscheck bench {verb} {} --folds {} --write {}", specs.join(" "), self.folds(), path.display());
            std::fs::write(path, source(&command)).map_err(|e| anyhow::anyhow!("writing {}: {e}", path.display()))?;
        }
        Ok(())
    }
}

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let reports = learn(&args.corpora, args.folds(), &super::progress(ctx))?;
    args.write_tables("learn-speakers", |command| weights_source(&reports, command))?;
    super::print(ctx, &reports, |rs| {
        let mut s = String::new();
        for r in rs {
            s.push_str(&format!(
                "{}: {} documents, {} statements ({} with a right candidate, {} with candidates none of them right, {} without a candidate)\n  speaker accuracy: rule pass {:.3}, ranker in sample {:.3}, {}-fold cross-validated {:.3}\n",
                r.language,
                r.documents,
                r.statements,
                r.learnable,
                r.without_right_candidate,
                r.without_candidate,
                r.rule_accuracy,
                r.in_sample_accuracy,
                r.folds,
                r.cross_validated_accuracy
            ));
            for (name, w) in &r.weights {
                s.push_str(&format!("    {name:<24} {w:>8.3}\n"));
            }
        }
        s
    })
}
