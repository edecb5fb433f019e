//! One record reader: the same JSON records, read from a JSONL file by the
//! ingest reader and posted to `POST /articles` (as JSONL, on 127.0.0.1),
//! give the same `Article`s field by field (except `path`, which names where
//! each came from) and the same error codes.

mod common;

use common::{post, serve, TestStore};
use crosscheck_core::Article;

/// Good and bad records, covering the rules of `crosscheck_ingest::record`.
fn records() -> Vec<String> {
    let text = "The harbour authority reopened the main shipping channel on Thursday after a storm closed it for three days.\n\nAbout 40 vessels had waited at anchor, the authority said.";
    let dated = "Harbour reopens after the storm\nPortwick \u{2013} 14 March 2024 \u{2013} The harbour authority reopened the channel on Thursday, officials said.";
    let page = "<html lang=\"en\"><head><title>Bridge repairs finish early</title></head><body><article><p>Repairs to the old river bridge finished two weeks early, the council said on Monday, and traffic will return to both lanes from Wednesday morning.</p><p>The work had been planned for the whole summer.</p></article></body></html>";
    let v = [
        serde_json::json!({"url": "https://www.courier.example/a/1", "title": "Harbour reopens", "text": text, "source": "The Courier", "published": "2024-03-14T09:30:00+01:00", "authors": "A. Writer", "language": "en-GB"}),
        // No `published`: the dateline gives the date; the headline line the title.
        serde_json::json!({"text": dated, "source": "Wire"}),
        // A written date, a list of authors, the outlet from the URL, language detected.
        serde_json::json!({"url": "http://news.example/x", "text": format!("{text} Second edition."), "published": "14 March 2024", "authors": ["B. One", " ", "C. Two"]}),
        // An HTML page.
        serde_json::json!({"url": "https://valley.example/bridge", "html": page, "published": "Mon, 11 Mar 2024 08:00:00 GMT"}),
        // Control characters in metadata are dropped.
        serde_json::json!({"text": format!("{text} Third edition."), "title": "A\u{0}title\n", "source": " Coast\u{1}Post "}),
        // Bad records.
        serde_json::json!({"text": "both", "html": "<p>both</p>", "source": "x"}),
        serde_json::json!({"title": "no body", "source": "x"}),
        serde_json::json!({"text": format!("{text} Fourth."), "published": "soon", "source": "x"}),
        serde_json::json!({"text": 5}),
    ];
    let mut lines: Vec<String> = v.iter().map(|r| r.to_string()).collect();
    lines.push("{\"text\": \"unterminated".to_string());
    lines
}

/// An article without where it was read from.
fn comparable(a: &Article) -> serde_json::Value {
    let mut v = serde_json::to_value(a).unwrap();
    v.as_object_mut().unwrap().remove("path");
    v
}

#[test]
fn jsonl_file_and_post_give_the_same_articles_and_errors() {
    let lines = records();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let from_file: Vec<Result<Article, crosscheck_ingest::IngestError>> = crosscheck_ingest::read_path(&file).collect();
    assert_eq!(from_file.len(), lines.len());

    let store = TestStore::sqlite();
    let (pipeline, server) = serve(&store, None, None);
    let r = post(&server.url("/articles"), "application/x-ndjson", (lines.join("\n") + "\n").as_bytes(), None);
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let api_errors: Vec<(usize, String)> = v["errors"].as_array().unwrap().iter().map(|e| (e["record"].as_u64().unwrap() as usize, e["code"].as_str().unwrap().to_string())).collect();

    let file_errors: Vec<(usize, String)> = from_file
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.as_ref().err().map(|e| (i + 1, e.code.unwrap_or_else(|| panic!("record error without a code: {e}")).to_string())))
        .collect();
    assert_eq!(file_errors, api_errors);
    let codes: Vec<&str> = file_errors.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(codes, ["ambiguous_body", "missing_text", "bad_date", "invalid_record", "malformed_json"]);

    let good: Vec<&Article> = from_file.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(good.len(), 5);
    let inserted: Vec<String> = v["inserted"].as_array().unwrap().iter().map(|i| i.as_str().unwrap().to_string()).collect();
    assert_eq!(inserted, good.iter().map(|a| a.id.to_string()).collect::<Vec<_>>(), "same ids, same order");
    for a in &good {
        let stored = pipeline.store().get_article(&a.id).unwrap().expect("posted article stored");
        assert_eq!(comparable(&stored), comparable(a), "{}", a.path);
    }
    // The rules, on the file side (the API side is equal to it).
    assert_eq!(good[0].language.as_deref(), Some("en"));
    assert_eq!(good[0].source, "The Courier");
    assert_eq!(good[1].title.as_deref(), Some("Harbour reopens after the storm"));
    assert_eq!(good[1].published.as_ref().unwrap().date.to_string(), "2024-03-14");
    assert!(good[1].dateline_span.is_some());
    assert_eq!(good[2].source, "news.example");
    assert_eq!(good[2].authors, vec!["B. One".to_string(), "C. Two".to_string()]);
    assert_eq!(good[2].published.as_ref().unwrap().date.to_string(), "2024-03-14");
    assert_eq!(good[3].format, crosscheck_core::SourceFormat::Jsonl);
    assert!(good[3].text.contains("Repairs to the old river bridge"));
    assert_eq!(good[4].title.as_deref(), Some("Atitle"));
    assert_eq!(good[4].source, "CoastPost");
}
