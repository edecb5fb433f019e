//! The web UI in a real browser: starts the server in-process (the same router
//! and embedded UI files `crosscheck serve` uses) over an empty temporary
//! SQLite store on a free 127.0.0.1 port, then runs `scripts/browser-test.sh`
//! against it, which drives headless Chromium with playwright-core through the
//! upload form, the story dossier, the source tooltips, search and a hostile
//! article, failing on any console error or CSP violation.
//!
//! Without node/npm/chromium the script exits 77 and this test prints why and
//! passes — unless `CI` is set, where the script (and so this test) fails.
//! `scripts/install-test-deps.sh` installs chromium.

mod common;

use std::path::PathBuf;
use std::process::Command;

/// Exit code the script uses for "a tool is missing, skipped".
const SKIPPED: i32 = 77;

/// This crate's folder: as cargo sets it when running the test (so the scripts
/// of the checkout being tested run), else as it was at compile time.
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn web_ui_in_headless_chromium() {
    let root = manifest_dir().join("../..");
    let script = root.join("scripts/browser-test.sh");
    assert!(script.is_file(), "{} is missing", script.display());

    let store = common::TestStore::sqlite();
    let (_pipeline, server) = common::serve(&store, None, None);

    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let out = Command::new("bash")
        .arg(&script)
        .env("CROSSCHECK_URL", server.url(""))
        .env("SHOT_DIR", target.join("browser-test"))
        .current_dir(&root)
        .output()
        .expect("run scripts/browser-test.sh with bash");
    server.stop().expect("stop the server");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => println!("{stdout}"),
        Some(SKIPPED) => eprintln!("browser test skipped: {}", stderr.trim()),
        code => panic!("browser test failed ({code:?}):\n{stdout}\n{stderr}"),
    }
}

/// The UI files themselves keep to the policy the server sends (`default-src
/// 'self'`): no inline script, handler or style attribute in the page, no
/// HTML parsing of strings in the script. Checked without a browser, so it
/// also guards machines where the browser test is skipped.
#[test]
fn ui_files_need_no_inline_code() {
    let ui = manifest_dir().join("ui");
    let html = std::fs::read_to_string(ui.join("index.html")).expect("ui/index.html");
    let lower = html.to_ascii_lowercase();
    for (at, _) in lower.match_indices("<script") {
        let tag_end = at + lower[at..].find('>').expect("closed <script> tag");
        assert!(lower[at..tag_end].contains(" src="), "inline <script> at byte {at} of index.html");
        assert!(lower[tag_end + 1..].starts_with("</script>"), "<script src> with inline content at byte {at}");
    }
    assert!(!lower.contains("<style"), "inline <style> in index.html");
    assert!(!lower.contains(" style="), "inline style attribute in index.html");
    let handler = lower.match_indices(" on").find(|(i, _)| {
        let rest = &lower[i + 3..];
        let name_len = rest.bytes().take_while(u8::is_ascii_lowercase).count();
        name_len > 0 && rest[name_len..].trim_start().starts_with('=')
    });
    assert!(handler.is_none(), "inline event handler in index.html at byte {:?}", handler.map(|h| h.0));
    let js = std::fs::read_to_string(ui.join("app.js")).expect("ui/app.js");
    for sink in [".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
        assert!(!js.contains(sink), "app.js uses {sink}: build the DOM with createElement/textContent");
    }
}
