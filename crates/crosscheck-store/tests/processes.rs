//! Tests with child processes (this test executable re-run with only
//! [`crash_child`]):
//! * crash safety: a child stores batches in a loop and is killed with SIGKILL
//!   mid-way; afterwards the store opens cleanly and holds whole batches only;
//! * several processes writing one store at once lose and duplicate nothing.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{article, Harness};

const BATCH: usize = 40;
/// Batches the parent waits to see committed before it kills the child.
const COMMITS_BEFORE_KILL: usize = 8;
const CHILD_ENV: &str = "CROSSCHECK_CRASH_CHILD_STORE";
/// How many batches the child stores (default: until killed, bounded).
const CHILD_BATCHES_ENV: &str = "CROSSCHECK_CRASH_CHILD_BATCHES";
/// Batches every writer process also stores, to race on the same ids.
const SHARED_BATCH_TAG: &str = "shared-by-all-processes";

/// The child: store batches until killed (bounded, in case nobody kills it),
/// or a given number of them plus one batch shared by all children.
#[test]
#[ignore = "run by the process tests as a child process"]
fn crash_child() {
    let Ok(location) = std::env::var(CHILD_ENV) else { return };
    let batches: Option<usize> = std::env::var(CHILD_BATCHES_ENV).ok().map(|n| n.parse().unwrap());
    let store = crosscheck_store::open(&location).expect("child opens the store");
    // End the test harness's "test crash_child ... " line: one report a line.
    println!();
    for k in 0..batches.unwrap_or(100_000) {
        let batch: Vec<_> = (0..BATCH).map(|i| article(&format!("crash-{}-{k}-{i}", std::process::id()))).collect();
        store.put_articles(&batch).expect("child stores a batch");
        println!("committed {k}");
        if batches.is_some() && k == 1 {
            let shared: Vec<_> = (0..BATCH).map(|i| article(&format!("{SHARED_BATCH_TAG}-{i}"))).collect();
            let out = store.put_articles(&shared).expect("child stores the shared batch");
            println!("shared inserted {}", out.inserted.len());
        }
    }
}

fn spawn_child(location: &str, batches: Option<usize>) -> std::process::Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", "crash_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, location)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(n) = batches {
        cmd.env(CHILD_BATCHES_ENV, n.to_string());
    }
    cmd.spawn().expect("spawn child")
}

/// Run the child on `location`, kill it after some commits, return how many
/// batches it reported committed.
fn run_and_kill(location: &str) -> usize {
    let mut child = spawn_child(location, None);
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

/// Several processes store into one store at once: every article is stored
/// once, the shared batch is reported inserted by exactly one of them.
fn several_writer_processes(location: &str) {
    const PROCESSES: usize = 4;
    const BATCHES: usize = 6;
    let children: Vec<_> = (0..PROCESSES).map(|_| spawn_child(location, Some(BATCHES))).collect();
    let mut shared_inserted = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "writer process failed");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.lines().filter(|l| l.starts_with("committed ")).count(), BATCHES);
        shared_inserted += stdout
            .lines()
            .filter_map(|l| l.strip_prefix("shared inserted "))
            .map(|n| n.parse::<usize>().unwrap())
            .sum::<usize>();
    }
    assert_eq!(shared_inserted, BATCH, "the shared batch was inserted once in all");
    let store = crosscheck_store::open(location).unwrap();
    assert_eq!(store.count_articles().unwrap() as usize, (PROCESSES * BATCHES + 1) * BATCH);
    let seqs: Vec<u64> = store.articles_after(0, u64::MAX).unwrap().iter().map(|(q, _)| *q).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn sqlite_several_writer_processes() {
    let dir = tempfile::tempdir().unwrap();
    several_writer_processes(&dir.path().join("shared.sqlite").display().to_string());
}

#[test]
fn postgres_several_writer_processes() {
    let Some(h) = Harness::postgres("postgres_several_writer_processes") else { return };
    several_writer_processes(&h.location);
}
