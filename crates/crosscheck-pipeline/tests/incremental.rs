//! The incremental pipeline gives the stories the batch analysis gives,
//! across restarts, crashes and lost state.

mod common;

use common::{batch_membership, pipeline_membership, seed_articles as seeds, stored_membership, Membership, TestStore};

#[test]
fn seeds_one_by_one_match_the_batch_analysis_across_a_restart() {
    seeds_one_by_one(TestStore::sqlite());
}

#[test]
fn seeds_one_by_one_match_the_batch_analysis_on_postgres() {
    if let Some(ts) = TestStore::postgres("seeds_one_by_one_match_the_batch_analysis_on_postgres") {
        seeds_one_by_one(ts);
    }
}

fn seeds_one_by_one(ts: TestStore) {
    let articles = seeds();
    let batch = batch_membership(&articles);
    let mut pipeline = ts.pipeline();
    for (i, a) in articles.iter().enumerate() {
        let r = pipeline.ingest(std::slice::from_ref(a)).unwrap();
        assert_eq!(r.inserted, vec![a.id.clone()]);
        assert!(r.stories.contains_key(&a.id));
        if i == 2 {
            // Restart: the state is saved and restored, story ids survive.
            let before = pipeline.memberships();
            pipeline.persist().unwrap();
            drop(pipeline);
            pipeline = ts.pipeline();
            assert_eq!(pipeline.memberships(), before);
        }
    }
    assert_eq!(pipeline_membership(&pipeline), batch);
    assert_eq!(stored_membership(&pipeline), batch);
    assert!(pipeline.wait_idle(std::time::Duration::from_secs(300)));
    // The stored dossier of each story matches the batch dossier's summary.
    let dossiers = crosscheck_pipeline::analyze(&articles, None).unwrap();
    for d in &dossiers {
        let rec = pipeline.store().get_story(&d.story_id).unwrap().expect("batch story id is stored");
        let json: serde_json::Value = serde_json::from_str(rec.dossier_json.as_deref().unwrap()).unwrap();
        assert_eq!(json["summary"]["article_count"], d.summary.article_count);
        assert_eq!(rec.outlets as usize, d.summary.outlet_count);
    }
}

/// With sentence embeddings, articles fed one at a time still give the batch
/// analysis's stories, and the stored dossiers name the model. (Skipped
/// without the model, except under CI.)
#[test]
fn seeds_one_by_one_with_embeddings_match_the_batch_analysis() {
    let Some(model) = crosscheck_testkit::encoder() else { return };
    let encoder: std::sync::Arc<dyn crosscheck_core::SentenceEncoder> = model;
    let articles = seeds();
    let batch: Membership = crosscheck_pipeline::analyze(&articles, Some(encoder.as_ref()))
        .unwrap()
        .iter()
        .map(|d| d.articles.iter().map(|a| a.id.clone()).collect())
        .collect();
    let ts = TestStore::sqlite();
    let pipeline = ts.pipeline_with(Some(encoder.clone()));
    for a in &articles {
        pipeline.ingest(std::slice::from_ref(a)).unwrap();
    }
    assert_eq!(pipeline_membership(&pipeline), batch);
    assert_eq!(stored_membership(&pipeline), batch);
    for (id, _) in pipeline.memberships() {
        let rec = pipeline.store().get_story(&id).unwrap().expect("stored");
        let json: serde_json::Value = serde_json::from_str(rec.dossier_json.as_deref().unwrap()).unwrap();
        assert_eq!(json["embedding_model"], encoder.model_name());
    }
}

#[test]
fn a_crash_after_storing_loses_no_story() {
    let articles = seeds();
    let ts = TestStore::sqlite();
    {
        let p = ts.pipeline();
        p.ingest(&articles[..2]).unwrap();
        p.persist().unwrap();
        // Stored and clustered, but the state is not saved again: a crash here.
        p.ingest(&articles[2..]).unwrap();
    }
    let p = ts.pipeline();
    assert_eq!(p.clustered(), articles.len());
    assert_eq!(pipeline_membership(&p), batch_membership(&articles));
    assert_eq!(stored_membership(&p), batch_membership(&articles));
}

#[test]
fn unreadable_state_rebuilds_the_stories_from_the_store() {
    let articles = seeds();
    let ts = TestStore::sqlite();
    let before = {
        let p = ts.pipeline();
        p.ingest(&articles).unwrap();
        p.persist().unwrap();
        p.memberships()
    };
    ts.open().put_state(crosscheck_pipeline::tables::CLUSTER_STATE_KEY, b"{ not the state").unwrap();
    let p = ts.pipeline();
    assert_eq!(p.memberships(), before, "same order, same story ids");
    assert_eq!(stored_membership(&p), batch_membership(&articles));
}

/// Two-pass clustering moves articles between stories as coverage arrives
/// (re-partitions logged as splits and merges): the stored stories follow, none
/// is left empty or stale, and they are the batch clustering's. Reads the two
/// largest ECB+ topics from `../shared/bench` (fails under CI when missing).
#[test]
fn two_pass_splits_and_merges_reach_the_store() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/bench/stories-ecbplus/txt");
    if !dir.is_dir() {
        crosscheck_testkit::missing(
            "two-pass pipeline",
            "../shared/bench/stories-ecbplus/txt",
            "put the shared bench data beside the checkout",
        );
        return;
    }
    let mut topics: std::collections::BTreeMap<String, Vec<std::path::PathBuf>> =
        Default::default();
    for p in crosscheck_testkit::fixtures::files(&dir, true) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        topics
            .entry(name.split('_').next().unwrap().to_string())
            .or_default()
            .push(p);
    }
    let mut by_size: Vec<(String, Vec<std::path::PathBuf>)> = topics.into_iter().collect();
    by_size.sort_by_key(|(t, ps)| (std::cmp::Reverse(ps.len()), t.clone()));
    let mut paths: Vec<std::path::PathBuf> =
        by_size.into_iter().take(2).flat_map(|(_, ps)| ps).collect();
    paths.sort();
    let articles = crosscheck_ingest::read_all(
        &paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let config = crosscheck_cluster::StoryConfig {
        partition: true,
        ..Default::default()
    };
    let batch = crosscheck_cluster::cluster(&articles, &config, None).unwrap();
    assert!(
        batch
            .events()
            .iter()
            .any(|e| matches!(e, crosscheck_cluster::StoryEvent::Split { .. })),
        "the test needs coverage that is re-partitioned"
    );
    let expected: Membership = batch
        .stories()
        .into_iter()
        .map(|s| s.articles.into_iter().map(|a| a.id).collect())
        .collect();
    let ts = TestStore::sqlite();
    let pipeline = ts.pipeline_configured(config);
    for chunk in articles.chunks(7) {
        pipeline.ingest(chunk).unwrap();
    }
    assert_eq!(pipeline_membership(&pipeline), expected);
    assert_eq!(stored_membership(&pipeline), expected);
}
