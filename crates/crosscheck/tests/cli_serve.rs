//! `crosscheck watch` and `crosscheck serve` end to end, as a user runs them.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds")
}

#[test]
fn watch_once_ingests_incoming_files_and_reports_json() {
    let dir = tempfile::tempdir().unwrap();
    let incoming = dir.path().join("incoming");
    std::fs::create_dir(&incoming).unwrap();
    for e in std::fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        let dest = incoming.join(p.file_name().unwrap());
        std::fs::copy(&p, &dest).unwrap();
        let f = std::fs::File::options().write(true).open(&dest).unwrap();
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60)).unwrap();
    }
    std::fs::write(dir.path().join("feeds.txt"), "# no feeds\nmissing-feed.xml\n").unwrap();
    let db = dir.path().join("x.db");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .arg("--db")
            .arg(&db)
            .args(["watch", "--once", "--json", "--incoming"])
            .arg(&incoming)
            .arg(dir.path().join("feeds.txt"))
            .output()
            .unwrap()
    };
    let out = run();
    // The missing feed is reported (exit 2), the files are ingested anyway.
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files_read"], 5);
    assert_eq!(v["inserted"], 5);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].as_str().unwrap().contains("missing-feed.xml"), "{errors:?}");
    // A second run remembers what it read: no file is read again.
    let v: serde_json::Value = serde_json::from_slice(&run().stdout).unwrap();
    assert_eq!((v["files_read"].as_u64(), v["inserted"].as_u64()), (Some(0), Some(0)));
    // A changed file is read again.
    let first = std::fs::read_dir(&incoming).unwrap().next().unwrap().unwrap().path();
    std::fs::write(&first, "A new report.\n\nThe harbour council met on Tuesday and approved the ferry budget.\n").unwrap();
    let f = std::fs::File::options().write(true).open(&first).unwrap();
    f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(30)).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&run().stdout).unwrap();
    assert_eq!((v["files_read"].as_u64(), v["inserted"].as_u64()), (Some(1), Some(1)));
}

#[test]
fn serve_refuses_a_public_address_without_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("--db")
        .arg(dir.path().join("x.db"))
        .args(["serve", "--bind", "0.0.0.0:0"])
        .env_remove("CROSSCHECK_TOKEN")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a write token"), "{err}");
}

#[test]
fn serve_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("--db")
        .arg(dir.path().join("x.db"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).unwrap_or_else(|| panic!("no address in {line:?}")).to_string();
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    write!(s, "GET /health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
    assert!(resp.contains("\"status\":\"ok\""), "{resp}");
    // Graceful stop on SIGTERM.
    let killed = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
