//! Crash safety: a child process stores batches in a loop and is killed with
//! SIGKILL mid-way; afterwards the store opens cleanly and holds whole batches
//! only. The child is this test executable re-run with only [`crash_child`].

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{article, Harness};

const BATCH: usize = 40;
/// Batches the parent waits to see committed before it kills the child.
const COMMITS_BEFORE_KILL: usize = 8;
const CHILD_ENV: &str = "CROSSCHECK_CRASH_CHILD_STORE";

/// The child: store batches until killed (bounded, in case nobody kills it).
#[test]
#[ignore = "run by the crash tests as a child process"]
fn crash_child() {
    let Ok(location) = std::env::var(CHILD_ENV) else { return };
    let store = crosscheck_store::open(&location).expect("child opens the store");
    for k in 0..100_000 {
        let batch: Vec<_> = (0..BATCH).map(|i| article(&format!("crash-{}-{k}-{i}", std::process::id()))).collect();
        store.put_articles(&batch).expect("child stores a batch");
        println!("committed {k}");
    }
}

/// Run the child on `location`, kill it after some commits, return how many
/// batches it reported committed.
fn run_and_kill(location: &str) -> usize {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, location)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn child");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut committed = 0;
    while committed < COMMITS_BEFORE_KILL {
        let line = lines.next().expect("child ended before committing enough").unwrap();
        if line.starts_with("committed ") {
            committed += 1;
        }
    }
    // Land the kill inside a later batch's transaction, not between batches.
    std::thread::sleep(Duration::from_millis(7));
    child.kill().expect("SIGKILL the child");
    child.wait().unwrap();
    committed
}

fn check_after_crash(location: &str, committed: usize) {
    let store = crosscheck_store::open(location).expect("store opens after a crash");
    let n = store.count_articles().unwrap() as usize;
    assert_eq!(n % BATCH, 0, "a torn batch survived: {n} articles, batch size {BATCH}");
    assert!(n >= committed * BATCH, "lost committed batches: {n} < {}", committed * BATCH);
    // Every stored article decodes whole, in ingest order.
    let all = store.articles_after(0, u64::MAX).unwrap();
    assert_eq!(all.len(), n);
    assert!(all.windows(2).all(|w| w[0].0 < w[1].0));
    // The store still takes writes and searches.
    store.put_articles(&[article("after-crash")]).unwrap();
    assert_eq!(store.count_articles().unwrap() as usize, n + 1);
    assert_eq!(store.search("paragraph", 1).unwrap().len(), 1);
}

#[test]
fn sqlite_survives_sigkill_mid_batch() {
    // No store open in this process: the reopen below must recover the WAL itself.
    let dir = tempfile::tempdir().unwrap();
    let location = dir.path().join("crash.sqlite").display().to_string();
    let committed = run_and_kill(&location);
    let c = rusqlite::Connection::open(&location).unwrap();
    let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    c.execute_batch("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").expect("FTS index consistent");
    drop(c);
    check_after_crash(&location, committed);
}

#[test]
fn postgres_survives_client_sigkill_mid_batch() {
    let Some(h) = Harness::postgres("postgres_survives_client_sigkill_mid_batch") else { return };
    let committed = run_and_kill(&h.location);
    check_after_crash(&h.location, committed);
}
