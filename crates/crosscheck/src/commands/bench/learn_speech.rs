//! `crosscheck bench learn-speech --corpus LANG:GOLD:TEXTS... [--write FILE]`.

use std::process::ExitCode;

use crosscheck_bench::learn_speech::{learn, models_source};

use crate::Context;

/// The same arguments as `learn-speakers`.
pub type Args = super::learn_speakers::Args;

pub fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    super::debug_build_note(ctx);
    let reports = learn(&args.corpora, args.folds(), &super::progress(ctx))?;
    args.write_tables("learn-speech", |command| models_source(&reports, command))?;
    super::print(ctx, &reports, |rs| {
        let mut s = String::new();
        for r in rs {
            s.push_str(&format!(
                "{}: {} documents, {} quotations ({} speech)\n  rule classifier P {:.3} R {:.3} F1 {:.3}; model in sample F1 {:.3}; {}-fold cross-validated P {:.3} R {:.3} F1 {:.3} (threshold {:.3})\n",
                r.language, r.documents, r.quotations, r.speech, r.rule.precision, r.rule.recall, r.rule.f1, r.in_sample.f1, r.folds,
                r.cross_validated.precision, r.cross_validated.recall, r.cross_validated.f1, r.threshold
            ));
            for (name, w) in &r.weights {
                s.push_str(&format!("    {name:<24} {w:>8.3}\n"));
            }
            for (label, table) in [("word before", &r.word_before), ("second word before", &r.second_word_before), ("word after", &r.word_after)] {
                let mut top: Vec<&(String, f32)> = table.iter().collect();
                top.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
                let shown: Vec<String> = top.iter().take(12).map(|(w, x)| format!("{w} {x:+.2}")).collect();
                s.push_str(&format!("  {label} ({} words): {}\n", table.len(), shown.join(", ")));
            }
        }
        s
    })
}
