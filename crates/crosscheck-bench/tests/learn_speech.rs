//! The speech-model learner on the SpkAtt train split in
//! `../shared/bench/quotes-spkatt-de` (read from the repository's parent; never
//! copied into the repository).

use std::path::PathBuf;

use crosscheck_bench::learn_speakers::Corpus;
use crosscheck_bench::learn_speech::{learn, models_source};

fn spkatt() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/quotes-spkatt-de");
    if dir.join("gold_train.json").is_file() {
        Some(dir)
    } else {
        crosscheck_testkit::missing("learn_speech", "../shared/bench/quotes-spkatt-de", "the shared benchmark data lives beside the repository");
        None
    }
}

#[test]
fn learned_model_beats_the_rule_classifier_held_out_and_writes_rust() {
    let Some(dir) = spkatt() else { return };
    let corpus = Corpus { language: "de".into(), gold: dir.join("gold_train.json"), texts: dir.join("train") };
    let reports = learn(&[corpus], 3, &|_| {}).unwrap();
    let r = &reports[0];
    assert_eq!(r.documents, 700);
    assert!(r.speech > 0 && r.quotations > r.speech);
    // Held out by document, the model is better than the rules it starts from.
    assert!(r.cross_validated.f1 > r.rule.f1, "model {:?} vs rules {:?}", r.cross_validated, r.rule);
    assert!(r.word_before.iter().all(|(w, _)| w.chars().next().is_some_and(char::is_lowercase)));
    let src = models_source(&reports, "crosscheck bench learn-speech --corpus de:G:T");
    assert!(src.contains("pub const GERMAN: SpeechModel") && src.contains("\"de\" => Some(GERMAN)"));
    assert!(src.contains("Regenerate with") && src.contains("gold_train.json"));
}
