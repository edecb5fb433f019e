//! The incremental pipeline and the watcher give the stories the batch
//! analysis gives, across restarts, crashes and lost state.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::TestStore;
use crosscheck_core::{Article, ArticleId};
use crosscheck_server::{Pipeline, Watcher};

fn seed_paths() -> Vec<PathBuf> {
    let mut p: Vec<PathBuf> = std::fs::read_dir("../../examples/seeds").unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    p.sort();
    assert_eq!(p.len(), 5, "five seed reports");
    p
}

type Membership = BTreeSet<BTreeSet<ArticleId>>;

fn batch_membership(articles: &[Article]) -> Membership {
    crosscheck_report::analyze(articles, None).unwrap().iter().map(|d| d.articles.iter().map(|a| a.id.clone()).collect()).collect()
}

fn pipeline_membership(p: &Pipeline) -> Membership {
    p.memberships().into_iter().map(|(_, m)| m.into_iter().collect()).collect()
}

/// The stories as stored: one record per live story, with its members.
fn stored_membership(p: &Pipeline) -> Membership {
    assert!(p.wait_idle(std::time::Duration::from_secs(300)), "dossiers built");
    let store = p.store();
    let rows = store.list_stories(crosscheck_store::Page { offset: 0, limit: 1000 }).unwrap();
    rows.iter()
        .map(|r| {
            let rec = store.get_story(&r.id).unwrap().expect("listed story readable");
            assert!(rec.dossier_json.is_some(), "story {} has its dossier", r.id);
            rec.article_ids.into_iter().collect()
        })
        .collect()
}

fn seeds() -> Vec<Article> {
    seed_paths().iter().map(|p| crosscheck_ingest::read_path(p).next().expect("one article").unwrap()).collect()
}

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
    let dossiers = crosscheck_report::analyze(&articles, None).unwrap();
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
    let batch: Membership = crosscheck_report::analyze(&articles, Some(encoder.as_ref()))
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
    ts.open().put_state(crosscheck_server::tables::CLUSTER_STATE_KEY, b"{ not the state").unwrap();
    let p = ts.pipeline();
    assert_eq!(p.memberships(), before, "same order, same story ids");
    assert_eq!(stored_membership(&p), batch_membership(&articles));
}

/// Set a file's modification time in the past, so the watcher takes it at once.
fn settle(path: &Path) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60)).unwrap();
}

#[test]
fn watcher_ingests_seeds_arriving_one_by_one() {
    let ts = TestStore::sqlite();
    let incoming = tempfile::tempdir().unwrap();
    let pipeline = ts.pipeline();
    let mut watcher = Watcher::new(Vec::new(), Some(incoming.path().to_path_buf()));
    let mut read = Vec::new();
    for p in seed_paths() {
        let dest = incoming.path().join(p.file_name().unwrap());
        std::fs::copy(&p, &dest).unwrap();
        // A partial download is never read.
        std::fs::write(incoming.path().join("next.txt.part"), b"half a file").unwrap();
        settle(&dest);
        let r = watcher.poll(&pipeline);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!((r.files_read, r.inserted), (1, 1), "{}", p.display());
        // Nothing new: nothing read.
        assert_eq!(watcher.poll(&pipeline).files_read, 0);
        read.extend(crosscheck_ingest::read_path(&dest).map(|a| a.unwrap()));
    }
    assert_eq!(read.len(), 5);
    let batch = batch_membership(&read);
    assert_eq!(pipeline_membership(&pipeline), batch);
    assert_eq!(stored_membership(&pipeline), batch);
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>http://wire.example/</link>
<item><title>Harbour budget approved</title><link>http://wire.example/1</link><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate>
<description>The harbour council approved the budget for the new ferry terminal on Tuesday. The vote was seven to two after a long debate about costs.</description></item>
<item><title>Railway tunnel reopens</title><link>http://wire.example/2</link><pubDate>Tue, 02 Dec 2025 11:00:00 GMT</pubDate>
<description>The railway tunnel under the glacier reopened after three months of repairs, the operator said. Trains will run every hour.</description></item>
</channel></rss>"#;

/// A one-route HTTP server on 127.0.0.1 serving `body`, for `polls` requests.
fn feed_server(body: &'static str, polls: usize) -> (String, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/feed.xml", listener.local_addr().unwrap());
    let t = std::thread::spawn(move || {
        for stream in listener.incoming().take(polls) {
            let mut s = stream.unwrap();
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}", body.len(), body);
        }
    });
    (url, t)
}

#[test]
fn watcher_polls_file_and_http_feeds() {
    let ts = TestStore::sqlite();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("local.xml"), RSS.replace("wire.example", "local.example").replace("approved", "passed")).unwrap();
    let (url, server) = feed_server(RSS, 2);
    let feeds_file = dir.path().join("feeds.txt");
    std::fs::write(&feeds_file, format!("# test feeds\nlocal.xml\n{url}\n\nhttps://tls.example/feed.xml  # not supported\n")).unwrap();
    let feeds = crosscheck_server::read_feeds_file(&feeds_file).unwrap();
    assert_eq!(feeds.len(), 3);
    let pipeline = ts.pipeline();
    let mut watcher = Watcher::new(feeds, None);
    let r = watcher.poll(&pipeline);
    assert_eq!(r.feeds_read, 2, "{r:?}");
    assert_eq!(r.errors.len(), 1, "{r:?}");
    assert!(r.errors[0].starts_with("https://tls.example/feed.xml: "), "{r:?}");
    // The railway entry is the same text in both feeds: stored once.
    assert_eq!((r.inserted, r.existing), (3, 1), "{r:?}");
    let r = watcher.poll(&pipeline);
    assert_eq!((r.feeds_read, r.feeds_unchanged, r.inserted), (0, 2, 0), "{r:?}");
    server.join().unwrap();
    // Stored with the feed as their location, clustered into stories.
    let rows = pipeline.store().list_articles(crosscheck_store::Page { offset: 0, limit: 10 }).unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().any(|r| r.path.starts_with(&url)), "{rows:?}");
    assert_eq!(pipeline.clustered(), 3);
}
