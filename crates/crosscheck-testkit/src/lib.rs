//! # crosscheck-testkit
//!
//! What crosscheck's test suites share, kept out of the library crates' public
//! API. It is a **dev-dependency only**: no library or binary of the workspace
//! depends on it.
//!
//! * [`missing`]: the one rule for a test whose tool, model or data set is not
//!   there — under CI (`CI` set) it fails, elsewhere it prints a note and the
//!   test returns early. A test never skips silently.
//! * [`pg::ScratchDatabase`]: a throw-away PostgreSQL database on the server
//!   `CROSSCHECK_TEST_PG` names, dropped with the value.
//! * [`store::ScratchStore`]: a fresh store location of either backend (a
//!   SQLite file in a temporary folder, or a scratch PostgreSQL database).
//! * [`encoder`]: the sentence-embedding model for tests, or `None` locally
//!   when it is not installed.
//! * [`fixtures`]: the repository's example story folder and plain-text
//!   fixture folders read as articles.

pub mod fixtures;
pub mod pg;
pub mod store;

use std::sync::Arc;

/// Whether the test suite runs under CI (`CI` set), where nothing may be skipped.
pub fn under_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// A test cannot run because `what` is missing (`how` says how to get it).
/// Under CI this panics — CI installs everything the tests need, and a skip
/// there would hide a broken install step; elsewhere it prints a note naming
/// `test`, and the caller returns early.
pub fn missing(test: &str, what: &str, how: &str) {
    assert!(!under_ci(), "CI is set but {what} is missing, so {test} would be skipped: {how}");
    eprintln!("note: {what} missing, skipping {test} (set CI to make this a failure): {how}");
}

/// The sentence-embedding model for tests (loaded once per process), or `None`
/// with a note on stderr when none is installed, so a developer without it can
/// still run the rest. Under CI a missing model fails the test
/// (`scripts/install-model.sh` installs it).
pub fn encoder() -> Option<Arc<crosscheck_embed::SentenceEmbedder>> {
    let found = crosscheck_embed::shared();
    if found.is_none() {
        let located = crosscheck_embed::locate_model().map_err(|e| e.to_string());
        missing(
            "the embedding half of this test",
            "the embedding model",
            &format!("run scripts/install-model.sh (locate_model: {located:?})"),
        );
    }
    found
}

/// [`encoder`] as the trait object the stages take.
pub fn encoder_dyn() -> Option<Arc<dyn crosscheck_core::SentenceEncoder>> {
    encoder().map(|m| m as Arc<dyn crosscheck_core::SentenceEncoder>)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fails_exactly_under_ci() {
        let r = std::panic::catch_unwind(|| missing("a test", "a tool", "install it"));
        assert_eq!(r.is_err(), under_ci(), "missing() must panic if and only if CI is set");
    }
}
