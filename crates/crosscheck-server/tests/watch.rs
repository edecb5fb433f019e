//! The feed/folder watcher feeds the pipeline the stories the batch analysis
//! gives. (The pipeline's own tests are in `crosscheck-pipeline`.)

mod common;

use std::path::Path;

use common::{batch_membership, pipeline_membership, seed_paths, stored_membership, TestStore};
use crosscheck_server::Watcher;

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
