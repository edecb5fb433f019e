//! `crosscheck analyze` computes each dossier once: the pipeline stores the
//! inputs, builds each touched story's dossier once on its worker, and the
//! command renders the stored dossiers. The pipeline's work counters show it.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::TestStore;

fn inputs() -> Vec<crosscheck_core::Article> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let paths = [root.join("../../examples/seeds"), root.join("../crosscheck-report/tests/fixtures/story2")].map(|p| p.display().to_string());
    let articles = crosscheck_ingest::read_all(&paths).unwrap();
    assert_eq!(articles.len(), 9, "five seed reports and four of the second story");
    articles
}

#[test]
fn analyze_builds_each_dossier_once_and_annotates_each_article_once_per_build() {
    let articles = inputs();
    let ts = TestStore::sqlite();
    let pipeline = ts.pipeline();
    let dossiers = pipeline.analyze(&articles, Duration::from_secs(600)).unwrap();
    assert_eq!(dossiers.iter().map(|d| d.articles.len()).collect::<Vec<_>>(), vec![5, 4], "largest story first");
    let work = pipeline.work();
    assert_eq!(work.len(), dossiers.len(), "no other story was built: {work:?}");
    for d in &dossiers {
        let w = work.get(&d.story_id).unwrap_or_else(|| panic!("{} was built", d.story_id));
        assert_eq!(w.dossiers_built, 1, "{}: {w:?}", d.story_id);
        assert_eq!(w.articles_annotated, d.articles.len() as u64, "{}: each article annotated once", d.story_id);
    }

    // The stored dossiers are the ones the batch analysis (same stage entry
    // points, no store) gives, byte for byte.
    let batch = crosscheck_pipeline::analyze(&articles, None).unwrap();
    let json = |ds: &[crosscheck_report::Dossier]| ds.iter().map(crosscheck_report::render::json).collect::<Vec<_>>();
    assert_eq!(json(&dossiers), json(&batch));

    // Analysing the same inputs again stores nothing new and builds nothing.
    let again = pipeline.analyze(&articles, Duration::from_secs(600)).unwrap();
    assert_eq!(json(&again), json(&dossiers));
    assert_eq!(pipeline.work(), work, "nothing rebuilt");

    // A pipeline reopened on the same store (a second `crosscheck analyze`)
    // reads the stored dossiers without building any.
    pipeline.persist().unwrap();
    drop(pipeline);
    let reopened = ts.pipeline();
    let third = reopened.analyze(&articles, Duration::from_secs(600)).unwrap();
    assert_eq!(json(&third), json(&dossiers));
    assert!(reopened.work().is_empty(), "{:?}", reopened.work());
}

#[test]
fn batch_analyze_counts_one_build_per_story() {
    let articles = inputs();
    let work = crosscheck_pipeline::Work::default();
    let dossiers = crosscheck_pipeline::dossier::analyze_counted(&articles, None, &work).unwrap();
    let total = work.total();
    assert_eq!(total.dossiers_built, dossiers.len() as u64);
    assert_eq!(total.articles_annotated, articles.len() as u64);
}
