//! The reference story: five plain-text reports in `examples/seeds/`.

mod common;

use common::seeds_dir;
use crosscheck_core::{DateMethod, SourceFormat};
use crosscheck_ingest::{expand_inputs, read_path};

#[test]
fn five_seed_articles_with_stem_sources_and_word_counts() {
    let dir = seeds_dir().display().to_string();
    let files: Vec<_> = expand_inputs(&[dir]).into_iter().map(|r| r.unwrap()).collect();
    assert_eq!(files.len(), 5);
    let mut articles = Vec::new();
    for f in &files {
        let got: Vec<_> = read_path(f).collect();
        assert_eq!(got.len(), 1, "{}", f.display());
        let a = got.into_iter().next().unwrap().unwrap();
        let raw = std::fs::read_to_string(f).unwrap();
        let raw_words = raw.split_whitespace().count();
        assert_eq!(a.format, SourceFormat::Text);
        assert_eq!(a.source, f.file_stem().unwrap().to_string_lossy());
        // The word count follows the file's (within 10%: core counts words, not tokens).
        let wc = a.word_count();
        assert!(wc > 300 && wc.abs_diff(raw_words) * 10 <= raw_words, "{}: {wc} vs {raw_words}", a.source);
        assert_eq!(a.language.as_deref(), Some("en"), "{}", a.source);
        articles.push(a);
    }
    let ids: std::collections::HashSet<_> = articles.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids.len(), 5, "five distinct texts");

    let by_prefix = |p: &str| articles.iter().find(|a| a.source.starts_with(p)).unwrap();
    let a001 = by_prefix("001");
    let date = a001.published.as_ref().expect("001 has a dateline");
    assert_eq!(date.date.to_string(), "2025-12-02");
    assert_eq!(date.method, DateMethod::Dateline);
    let dl = a001.slice(a001.dateline_span.unwrap());
    assert!(dl.starts_with("Brussels/Moscow") && dl.ends_with('\u{2013}'), "{dl}");
    // 003 opens with a headline line; 000, 002 and 004 open with a sentence.
    let a003 = by_prefix("003");
    assert!(a003.title.is_some() && a003.title_span.is_some());
    assert_eq!(a003.slice(a003.title_span.unwrap()), a003.title.as_deref().unwrap());
    for p in ["000", "002", "004"] {
        assert_eq!(by_prefix(p).title, None, "{p}");
        assert_eq!(by_prefix(p).published, None, "{p}");
    }
}
