//! Round trips: each supported format read from a fixture, checking text,
//! title, source, date, URL and record path.

mod common;

use common::{articles, fixture, read_all, record};
use crosscheck_core::{DateMethod, SourceFormat};
use crosscheck_ingest::{read_bytes, read_jsonl, ReadOptions};

#[test]
fn plain_text_headline_dateline_and_stem_source() {
    let a = articles("ok/harbour_report.txt");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.format, SourceFormat::Text);
    assert_eq!(a.source, "harbour_report");
    assert_eq!(a.title.as_deref(), Some("Harbour reopens after three-day storm closure"));
    assert_eq!(a.slice(a.title_span.unwrap()), "Harbour reopens after three-day storm closure");
    assert_eq!(a.slice(a.dateline_span.unwrap()), "Port Halden \u{2013} 14 March 2024 \u{2013}");
    let p = a.published.as_ref().unwrap();
    assert_eq!(p.date.to_string(), "2024-03-14");
    assert_eq!(p.method, DateMethod::Dateline);
    assert!(a.text.contains("About 40 vessels had waited at anchor"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(a.path.ends_with("harbour_report.txt"));
}

#[test]
fn html_page_main_text_and_metadata() {
    let a = articles("ok/article.html");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.format, SourceFormat::Html);
    assert_eq!(a.source, "Coastal Courier");
    assert!(a.title.as_deref().unwrap().starts_with("Harbour reopens after three-day storm closure"), "{:?}", a.title);
    assert!(a.text.contains("Divers inspected the breakwater overnight"), "{}", a.text);
    assert!(a.text.contains("\u{201c}") || a.text.contains("\"We are confident"));
    assert!(!a.text.contains("We use cookies"), "cookie banner leaked: {}", a.text);
    assert!(!a.text.contains("All rights reserved"), "footer leaked: {}", a.text);
    assert_eq!(a.published.as_ref().unwrap().date.to_string(), "2024-03-14");
    assert_eq!(a.url.as_deref(), Some("https://www.coastal-courier.example/2024/03/14/harbour-reopens"));
    assert_eq!(a.authors, vec!["Mara Lindqvist".to_string()]);
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn html_source_falls_back_to_domain_then_stem() {
    let with_url = b"<html><head><link rel=canonical href=\"https://www.river-news.example/a\"></head><body><article><p>The river rose by two metres overnight and the town closed the lower road, the mayor said on Sunday.</p></article></body></html>".to_vec();
    let a = read_bytes("pages/page.html", with_url, ReadOptions::default()).next().unwrap().unwrap();
    assert_eq!(a.source, "river-news.example");
    let bare = b"<html><body><article><p>The river rose by two metres overnight and the town closed the lower road, the mayor said on Sunday.</p></article></body></html>".to_vec();
    let a = read_bytes("pages/river_page.html", bare, ReadOptions::default()).next().unwrap().unwrap();
    assert_eq!(a.source, "river_page");
}

#[test]
fn rss2_entries() {
    let a = articles("ok/rss2.xml");
    assert_eq!(a.len(), 2);
    assert_eq!(record(&a[0].path), "#1");
    assert_eq!(record(&a[1].path), "#2");
    for x in &a {
        assert_eq!(x.format, SourceFormat::Rss);
        assert_eq!(x.source, "Coastal Courier");
        assert_eq!(x.language.as_deref(), Some("en"));
    }
    assert_eq!(a[0].title.as_deref(), Some("Harbour reopens after three-day storm closure"));
    // content:encoded wins over the short description.
    assert!(a[0].text.contains("reopened the main shipping channel"), "{}", a[0].text);
    assert!(!a[0].text.contains("<p>"));
    assert_eq!(a[0].url.as_deref(), Some("https://www.coastal-courier.example/2024/03/14/harbour-reopens"));
    assert_eq!(a[0].authors, vec!["Mara Lindqvist".to_string()]);
    let p = a[0].published.as_ref().unwrap();
    assert_eq!(p.method, DateMethod::Feed);
    assert_eq!(p.date.to_string(), "2024-03-14");
    // An escaped-HTML description is extracted, not kept as markup.
    assert!(a[1].text.starts_with("The island ferry will run two extra crossings"), "{}", a[1].text);
    assert!(!a[1].text.contains("<p>"));
    assert_eq!(a[1].published.as_ref().unwrap().date.to_string(), "2024-03-15");
}

#[test]
fn rss091_latin1() {
    let a = articles("ok/rss091.xml");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.format, SourceFormat::Rss);
    assert_eq!(record(&a.path), "#1");
    assert_eq!(a.source, "Valley Gazette");
    assert_eq!(a.title.as_deref(), Some("Bridge repairs finish early"));
    assert!(a.text.contains("the caf\u{e9} on the east bank"), "{}", a.text);
    assert_eq!(a.url.as_deref(), Some("http://valley-gazette.example/news/bridge-repairs.html"));
    assert_eq!(a.published, None, "RSS 0.91 items carry no date here");
}

#[test]
fn atom_entries() {
    let a = articles("ok/atom.xml");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].format, SourceFormat::Atom);
    assert_eq!(a[0].source, "Nordwind Nachrichten");
    assert_eq!(a[0].title.as_deref(), Some("Hafen nach Sturm wieder offen"));
    assert!(a[0].text.contains("Die Hafenbehörde hat die Hauptfahrrinne"), "{}", a[0].text);
    assert_eq!(a[0].url.as_deref(), Some("https://nordwind.example/2024/03/14/hafen"));
    assert_eq!(a[0].authors, vec!["Jonas Keller".to_string()]);
    let p = a[0].published.as_ref().unwrap();
    assert_eq!(p.method, DateMethod::Feed);
    assert_eq!(p.datetime.unwrap().to_rfc3339(), "2024-03-14T09:15:00+00:00");
    assert_eq!(a[0].language.as_deref(), Some("de"));
    // Second entry: plain-text summary, only an `updated` date (lower confidence).
    assert_eq!(record(&a[1].path), "#2");
    assert!(a[1].text.starts_with("Die Inselfähre fährt ab April"));
    let p1 = a[1].published.as_ref().unwrap();
    assert_eq!(p1.date.to_string(), "2024-03-15");
    assert!(p1.confidence < p.confidence);
}

#[test]
fn json_feed_entries() {
    let a = articles("ok/feed.json");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].format, SourceFormat::JsonFeed);
    assert_eq!(a[0].source, "Harbour Weekly");
    assert_eq!(a[0].title.as_deref(), Some("Storm closes channel for three days"));
    assert!(a[0].text.contains("closed for three days as the storm passed"));
    assert_eq!(a[0].url.as_deref(), Some("https://harbour-weekly.example/posts/storm"));
    assert_eq!(a[0].published.as_ref().unwrap().date.to_string(), "2024-03-14");
    assert_eq!(a[0].authors, vec!["Ola Berg".to_string()]);
    assert_eq!(a[1].text, "The island ferry adds two crossings a day from April.");
    assert_eq!(record(&a[1].path), "#2");
}

fn check_warc(rel: &str) {
    let a = articles(rel);
    assert_eq!(a.len(), 2, "two HTML 2xx responses: {a:#?}");
    // Record numbers count every record: warcinfo #1, request #2, page #3,
    // PNG #4, 404 #5, chunked+gzip page #6, metadata #7.
    assert_eq!(record(&a[0].path), "#3");
    assert_eq!(record(&a[1].path), "#6");
    assert!(a.iter().all(|x| x.format == SourceFormat::Warc));
    // windows-1252 declared in the HTTP header.
    assert!(a[0].text.contains("at the caf\u{e9} on the quay"), "{}", a[0].text);
    assert_eq!(a[0].url.as_deref(), Some("https://www.coastal-courier.example/2024/03/14/harbour-reopens"));
    assert_eq!(a[0].source, "Coastal Courier");
    // The page has no date but its URL does; the capture date is only a fallback.
    let p0 = a[0].published.as_ref().unwrap();
    assert_eq!(p0.date.to_string(), "2024-03-14");
    assert_ne!(p0.method, DateMethod::Record);
    // Chunked, gzip-encoded page with no date anywhere: WARC-Date, low confidence.
    assert!(a[1].text.contains("two extra crossings a day from April"), "{}", a[1].text);
    assert_eq!(a[1].source, "ferries.example");
    let p1 = a[1].published.as_ref().unwrap();
    assert_eq!(p1.method, DateMethod::Record);
    assert_eq!(p1.date.to_string(), "2024-03-16");
    assert!(p1.confidence < 0.5);
}

#[test]
fn warc_round_trip() {
    check_warc("ok/sample.warc");
}

#[test]
fn warc_gz_round_trip() {
    check_warc("ok/sample.warc.gz");
}

#[test]
fn warc_counts_skipped_records() {
    let bytes = std::fs::read(fixture("ok/sample.warc.gz")).unwrap();
    let mut it = crosscheck_ingest::warc::WarcArticles::new("s.warc.gz".into(), bytes, ReadOptions::default());
    let got: Vec<_> = it.by_ref().collect();
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|r| r.is_ok()));
    assert_eq!(it.records(), 7);
    assert_eq!(it.skipped(), 5, "warcinfo, request, PNG, 404, metadata");
}

#[test]
fn warc_same_articles_compressed_or_not() {
    let plain = articles("ok/sample.warc");
    let gz = articles("ok/sample.warc.gz");
    let ids = |v: &[crosscheck_core::Article]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&plain), ids(&gz));
}

#[test]
fn jsonl_lines_bad_line_does_not_stop_the_rest() {
    let r = read_all("ok/records.jsonl");
    // Line 2 is blank (skipped); 4 is broken JSON; 5 has no body.
    assert_eq!(r.len(), 5, "{r:#?}");
    let a1 = r[0].as_ref().unwrap();
    assert_eq!(record(&a1.path), "#line1");
    assert_eq!(a1.format, SourceFormat::Jsonl);
    assert_eq!(a1.source, "Coastal Courier");
    assert_eq!(a1.title.as_deref(), Some("Harbour reopens"));
    assert_eq!(a1.text, "The harbour authority reopened the main shipping channel on Thursday after a storm closed it for three days.\n\nAbout 40 vessels had waited at anchor.");
    assert_eq!(a1.url.as_deref(), Some("https://www.coastal-courier.example/2024/03/14/harbour-reopens"));
    assert_eq!(a1.published.as_ref().unwrap().method, DateMethod::Record);
    assert_eq!(a1.published.as_ref().unwrap().date.to_string(), "2024-03-14");
    assert_eq!(a1.authors, vec!["Mara Lindqvist".to_string()]);
    assert_eq!(a1.language.as_deref(), Some("en"));

    let a3 = r[1].as_ref().unwrap();
    assert_eq!(record(&a3.path), "#line3");
    assert!(a3.text.contains("Repairs to the old river bridge"), "{}", a3.text);
    assert_eq!(a3.source, "valley-gazette.example");
    assert_eq!(a3.authors, vec!["Ida Sandell".to_string()]);
    assert_eq!(a3.published.as_ref().unwrap().date.to_string(), "2024-03-11");

    let e4 = r[2].as_ref().unwrap_err();
    assert!(e4.path.ends_with("records.jsonl#line4"), "{e4}");
    assert!(e4.reason.contains("malformed JSON"), "{e4}");
    let e5 = r[3].as_ref().unwrap_err();
    assert!(e5.path.ends_with("#line5"));
    assert!(e5.reason.contains("neither"), "{e5}");

    // No `published`: the dateline in the text gives the date; no url/source: the stem.
    let a6 = r[4].as_ref().unwrap();
    assert_eq!(record(&a6.path), "#line6");
    assert_eq!(a6.source, "records");
    assert_eq!(a6.published.as_ref().unwrap().method, DateMethod::Dateline);
    assert_eq!(a6.published.as_ref().unwrap().date.to_string(), "2024-03-15");
    assert_eq!(a6.slice(a6.dateline_span.unwrap()), "Oslo \u{2013} 15 March 2024 \u{2013}");
}

#[test]
fn jsonl_from_a_stream() {
    let input = "{\"text\": \"First report of the day.\", \"source\": \"Wire\"}\nnot json\n{\"text\": \"Second report.\"}\n";
    let r: Vec<_> = read_jsonl("-", std::io::Cursor::new(input.as_bytes().to_vec())).collect();
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].as_ref().unwrap().source, "Wire");
    assert_eq!(r[0].as_ref().unwrap().path, "-#line1");
    assert_eq!(r[1].as_ref().unwrap_err().path, "-#line2");
    assert_eq!(r[2].as_ref().unwrap().source, "stdin");
}

#[test]
fn sniffing_by_content_beats_a_misleading_extension() {
    // An RSS document saved as .html is read as a feed.
    let bytes = std::fs::read(fixture("ok/rss2.xml")).unwrap();
    let a: Vec<_> = read_bytes("saved/page.html", bytes, ReadOptions::default()).collect();
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].as_ref().unwrap().format, SourceFormat::Rss);
    // An HTML page without extension is read as HTML.
    let bytes = std::fs::read(fixture("ok/article.html")).unwrap();
    let a = read_bytes("saved/page", bytes, ReadOptions::default()).next().unwrap().unwrap();
    assert_eq!(a.format, SourceFormat::Html);
    // A gzip-compressed feed is decompressed and sniffed.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &std::fs::read(fixture("ok/atom.xml")).unwrap()).unwrap();
    let a: Vec<_> = read_bytes("feeds/nordwind.xml.gz", gz.finish().unwrap(), ReadOptions::default()).collect();
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].as_ref().unwrap().format, SourceFormat::Atom);
    assert!(a[0].as_ref().unwrap().path.ends_with("nordwind.xml.gz#1"));
}

#[test]
fn extract_html_uses_the_given_url() {
    let bytes = std::fs::read(fixture("ok/article.html")).unwrap();
    let a = crosscheck_ingest::extract_html("cli", &bytes, Some("https://mirror.example/x")).unwrap();
    assert_eq!(a.url.as_deref(), Some("https://mirror.example/x"));
    assert_eq!(a.source, "Coastal Courier");
    assert!(crosscheck_ingest::extract_html("cli", b"<html><body><nav><a href=/>Home</a></nav></body></html>", None).is_err());
}

#[test]
fn text_opening_with_a_bracket_stays_text() {
    let bytes = b"[Update] Talks resume in Geneva\n\nDelegations met again on Monday, officials said.".to_vec();
    let a = read_bytes("notes/update.txt", bytes, ReadOptions::default()).next().unwrap().unwrap();
    assert_eq!(a.format, SourceFormat::Text);
    assert_eq!(a.title.as_deref(), Some("[Update] Talks resume in Geneva"));
}
