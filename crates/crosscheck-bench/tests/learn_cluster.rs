//! The pair-model learner on the ECB+ split in `../shared/bench/stories-ecbplus`
//! (read from the repository's parent; never copied into the repository).

use std::path::PathBuf;

use crosscheck_bench::learn::{run_learn, LearnOptions};

fn ecbplus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/stories-ecbplus");
    if dir.join("labels_event.json").is_file() {
        Some(dir)
    } else {
        crosscheck_testkit::missing("learn_cluster", "../shared/bench/stories-ecbplus", "the shared benchmark data lives beside the repository");
        None
    }
}

#[test]
fn learns_a_model_no_worse_in_sample_than_its_start_and_the_table_is_rust() {
    let Some(dir) = ecbplus() else { return };
    let r = run_learn(&LearnOptions { corpus: dir, folds: 0 }, None, &|_| {}).unwrap();
    assert_eq!(r.articles, 772);
    assert_eq!(r.events, 66);
    assert!(r.lexical.positives > 0 && r.lexical.pairs > r.lexical.positives);
    // The threshold search includes the shipped table's own region, and scores on the same topics.
    assert!(r.lexical.in_sample.event_bcubed.f1 >= 0.8, "{:?}", r.lexical.in_sample);
    let table = r.rust_table("crosscheck bench learn-cluster");
    assert!(table.contains("pub const LEXICAL: PairModel") && table.contains("pub const WITH_EMBEDDING: PairModel"));
    assert!(table.contains("Regenerate: `crosscheck bench learn-cluster`"));
    // The two-pass settings are learned too, and beat the one-pass model on the topics they were learned on.
    assert!(
        r.lexical_partitioning.positives > 0
            && r.lexical_partitioning.pairs > r.lexical_partitioning.positives
    );
    assert!(
        r.lexical_partitioning.in_sample.event_bcubed.f1 > r.lexical.in_sample.event_bcubed.f1,
        "{:?} vs {:?}",
        r.lexical_partitioning.in_sample,
        r.lexical.in_sample
    );
    assert!(
        table.contains("pub const PARTITION_LEXICAL: Partitioning")
            && table.contains("pub const PARTITION_WITH_EMBEDDING: Partitioning")
    );
}

#[test]
fn the_shipped_two_pass_table_tells_similar_events_apart() {
    let Some(dir) = ecbplus() else { return };
    let r = crosscheck_bench::cluster::run_event_corpus(&dir, None, &|_| {}).unwrap();
    let f1 = |setting: &str| {
        r.rows
            .iter()
            .find(|row| row.setting.starts_with(setting) && !row.embeddings)
            .map(|row| row.scores.event_bcubed.f1)
            .unwrap()
    };
    let (one, two) = (f1("one pass, weighted mean"), f1("two passes"));
    // Figures of the shipped tables on this split (README): 0.857 and 0.916.
    assert!(two >= 0.9, "two passes: event B-cubed F1 {two:.3}");
    assert!(two > one + 0.03, "two passes {two:.3} vs one {one:.3}");
}
