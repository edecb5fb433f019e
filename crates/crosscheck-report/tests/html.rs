//! The HTML dossiers (one story's page and the index of several) open in
//! headless Chromium with no console message, no content-security-policy
//! violation and no blocked load; they carry their sections and render to a
//! non-blank screenshot.
//!
//! Needs Debian's `chromium` (scripts/install-test-deps.sh). Without it the
//! test fails when `CI` is set and is skipped with a notice otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"].iter().find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success())).map(|b| b.to_string())
}

/// Runs headless Chromium on `file` with `mode` (`--dump-dom` or
/// `--screenshot=…`); returns stdout, after asserting that it exited cleanly
/// and logged no console message or policy violation.
fn open_in_chromium(browser: &str, file: &Path, mode: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2400",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(mode)
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("run chromium");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed on {}: {stderr}", file.display());
    // Chromium logs page console messages (errors, uncaught exceptions, CSP
    // and mixed-content reports) as "CONSOLE" lines at --v=0.
    let problems: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Content Security Policy") || l.contains("Refused to") || l.contains("Uncaught") || l.contains("net::ERR_"))
        .collect();
    assert!(problems.is_empty(), "console errors on {}: {problems:#?}", file.display());
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn fixture(dir: &str) -> Vec<crosscheck_core::Article> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let p = if dir == "seeds" { crosscheck_testkit::fixtures::seeds_dir() } else { root.join("tests/fixtures").join(dir) };
    crosscheck_ingest::read_all(&[p].map(|p| p.display().to_string())).unwrap()
}

#[test]
fn html_dossier_opens_cleanly_in_chromium() {
    let Some(browser) = chromium() else {
        crosscheck_testkit::missing("the headless HTML check", "chromium", "run scripts/install-test-deps.sh (apt-get install -y chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Each story's page: the seeds and the invented second story.
    for name in ["seeds", "story2"] {
        let d = crosscheck_pipeline::build_dossier(&fixture(name), None);
        let file = dir.path().join(format!("{name}.html"));
        std::fs::write(&file, crosscheck_report::render::html(&d)).unwrap();
        let dom = open_in_chromium(&browser, &file, "--dump-dom");
        // The DOM was parsed and rendered whole.
        for section in ["quotes", "claims", "conflicts", "framing", "timeline", "articles"] {
            assert!(dom.contains(&format!("id=\"{section}\"")), "{name}: section {section} missing from the dumped DOM");
        }
        assert!(dom.contains("<del>") || dom.contains("<ins>"), "{name}: no variant diff in the page");
        let shot = dir.path().join(format!("{name}.png"));
        open_in_chromium(&browser, &file, &format!("--screenshot={}", shot.display()));
        let png = std::fs::read(&shot).expect("screenshot written");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
        // A blank 1280x2400 page compresses to a few kB; a rendered dossier does not.
        assert!(png.len() > 40_000, "{name}: screenshot looks blank ({} bytes)", png.len());
    }
    // The index page written when the input holds several stories.
    let mut both = fixture("seeds");
    both.extend(fixture("story2"));
    let dossiers = crosscheck_pipeline::analyze(&both, None).unwrap();
    assert_eq!(dossiers.len(), 2);
    let file = dir.path().join("index.html");
    std::fs::write(&file, crosscheck_report::render::index_html(&dossiers)).unwrap();
    let dom = open_in_chromium(&browser, &file, "--dump-dom");
    assert!(dom.matches("<a ").count() >= 2, "index links to both stories");
}

#[test]
fn html_escapes_article_text() {
    use crosscheck_core::{ArticleBuilder, SourceFormat};
    let a = ArticleBuilder::new("evil<script>", "x.txt", SourceFormat::Text, b"", "He said \"<script>alert(1)</script> is here & now.\" Then <b>left</b>.")
        .build(None, None)
        .unwrap();
    let d = crosscheck_pipeline::build_dossier(&[a], None);
    let html = crosscheck_report::render::html(&d);
    assert!(!html.contains("<script>"), "raw markup leaked into the page");
    assert!(!html.contains("<b>left"), "raw markup leaked into the page");
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("http://") && !html.contains("https://"), "external resource referenced");
}
