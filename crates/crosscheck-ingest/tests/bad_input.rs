//! Bad input: every case is one clear error naming the file (and record) and
//! the reason; nothing panics and the rest of a batch goes on.

mod common;

use common::{articles, fixture, read_all, record, single_error};
use crosscheck_core::SourceFormat;
use crosscheck_ingest::{read_bytes, read_path, read_path_with, tables, ReadOptions, Reader};

#[test]
fn empty_file() {
    let e = single_error("bad/empty.txt");
    assert!(e.path.ends_with("bad/empty.txt"));
    assert_eq!(e.reason, "empty file");
}

#[test]
fn blank_file() {
    let e = single_error("bad/blank.txt");
    assert!(e.reason.contains("blank"), "{e}");
}

#[test]
fn binary_junk_with_unknown_extension() {
    let e = single_error("bad/junk.bin");
    assert!(e.path.ends_with("junk.bin"));
    assert!(e.reason.contains("binary"), "{e}");
}

#[test]
fn binary_junk_named_txt() {
    let e = single_error("bad/junk.txt");
    assert!(e.reason.contains("binary"), "{e}");
}

#[test]
fn binary_junk_named_html() {
    let bytes = std::fs::read(fixture("bad/junk.bin")).unwrap();
    let r: Vec<_> = read_bytes("x/page.html", bytes, ReadOptions::default()).collect();
    assert_eq!(r.len(), 1);
    let e = r[0].as_ref().unwrap_err();
    assert_eq!(e.path, "x/page.html");
    assert!(e.reason.contains("binary"), "{e}");
}

#[test]
fn truncated_gzip_keeps_the_complete_records() {
    let r = read_all("bad/truncated.warc.gz");
    // Members 1-5 are whole (one page among them); member 6 is cut in half.
    let (ok, err): (Vec<_>, Vec<_>) = r.into_iter().partition(|x| x.is_ok());
    assert_eq!(ok.len(), 1);
    assert_eq!(record(&ok[0].as_ref().unwrap().path), "#3");
    assert_eq!(err.len(), 1);
    let e = err[0].as_ref().unwrap_err();
    assert!(e.path.contains("truncated.warc.gz"), "{e}");
    assert!(e.reason.contains("truncated"), "{e}");
}

#[test]
fn truncated_plain_gzip_file() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, "Some words of a report. ".repeat(200).as_bytes()).unwrap();
    let bytes = gz.finish().unwrap();
    let cut = bytes[..bytes.len() / 2].to_vec();
    let r: Vec<_> = read_bytes("x/report.txt.gz", cut, ReadOptions::default()).collect();
    assert_eq!(r.len(), 1);
    let e = r[0].as_ref().unwrap_err();
    assert_eq!(e.path, "x/report.txt.gz");
    assert!(e.reason.contains("truncated gzip"), "{e}");
}

#[test]
fn malformed_warc_records_are_errors_and_reading_goes_on() {
    let r = read_all("bad/malformed.warc");
    let summary: Vec<(String, bool)> = r.iter().map(|x| match x {
        Ok(a) => (record(&a.path).to_string(), true),
        Err(e) => (record(&e.path).to_string(), false),
    }).collect();
    assert_eq!(
        summary,
        vec![("#1".into(), true), ("#2".into(), false), ("#3".into(), false), ("#4".into(), true)],
        "{r:#?}"
    );
    assert!(r[1].as_ref().unwrap_err().reason.contains("version line"));
    assert!(r[2].as_ref().unwrap_err().reason.contains("Content-Length"));
}

#[test]
fn malformed_feed_xml() {
    let e = single_error("bad/malformed.rss");
    assert!(e.path.ends_with("malformed.rss"));
    assert!(e.reason.starts_with("malformed feed"), "{e}");
}

#[test]
fn feed_without_entries() {
    let xml = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>".to_vec();
    let r: Vec<_> = read_bytes("empty.rss", xml, ReadOptions::default()).collect();
    assert_eq!(r.len(), 1);
    assert!(r[0].as_ref().unwrap_err().reason.contains("no entries"));
}

#[test]
fn feed_entry_without_content_is_an_error_for_that_entry_only() {
    let xml = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
<item><title>Only a title</title></item>\
<item><title>Fine</title><description>The council met on Monday and approved the plan.</description></item>\
</channel></rss>".to_vec();
    let r: Vec<_> = read_bytes("f.rss", xml, ReadOptions::default()).collect();
    assert_eq!(r.len(), 2);
    let e = r[0].as_ref().unwrap_err();
    assert_eq!(e.path, "f.rss#1");
    assert!(e.reason.contains("no content"), "{e}");
    assert_eq!(r[1].as_ref().unwrap().path, "f.rss#2");
}

#[test]
fn html_with_no_article() {
    let e = single_error("bad/noarticle.html");
    assert!(e.path.ends_with("noarticle.html"));
    assert!(e.reason.contains("no article"), "{e}");
}

#[test]
fn unknown_declared_encoding_still_reads() {
    let a = articles("bad/unknown_charset.html");
    assert_eq!(a.len(), 1);
    assert!(a[0].text.contains("Work on the north quay"), "{}", a[0].text);
}

#[test]
fn unknown_charset_in_warc_http_header_still_reads() {
    let body = b"<html><body><article><p>The ferry operator said on Monday that two extra crossings will run every day from April onwards.</p></article></body></html>";
    let http = [b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=x-no-such-charset\r\n\r\n".as_slice(), body].concat();
    let warc = [
        format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://f.example/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n", http.len()).into_bytes(),
        http,
        b"\r\n\r\n".to_vec(),
    ]
    .concat();
    let r: Vec<_> = read_bytes("u.warc", warc, ReadOptions::default()).collect();
    assert_eq!(r.len(), 1);
    assert!(r[0].as_ref().unwrap().text.contains("two extra crossings"));
}

#[test]
fn invalid_utf8_is_replaced_not_rejected() {
    let a = articles("bad/invalid_utf8.txt");
    assert_eq!(a.len(), 1);
    let t = &a[0].text;
    assert!(t.contains('\u{fffd}'), "{t}");
    // The valid curly quotes and dash survive (not re-read as Windows-1252).
    assert!(t.contains("\u{201c}the channel is safe\u{201d} \u{2013}"), "{t}");
    assert_eq!(a[0].title.as_deref(), Some("Storm report"));
}

#[test]
fn latin1_text_is_detected() {
    let bytes = b"Rapport\n\nLe caf\xe9 du port a rouvert ses portes mardi apr\xe8s la temp\xeate, a d\xe9clar\xe9 le maire.".to_vec();
    let a = read_bytes("r.txt", bytes, ReadOptions::default()).next().unwrap().unwrap();
    assert!(a.text.contains("caf\u{e9} du port"), "{}", a.text);
    assert!(!a.text.contains('\u{fffd}'));
}

#[test]
fn huge_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    let f = std::fs::File::create(&path).unwrap();
    // Sparse: no 64 MiB are written.
    f.set_len(tables::DEFAULT_MAX_INPUT_BYTES + 1).unwrap();
    let r: Vec<_> = read_path(&path).collect();
    assert_eq!(r.len(), 1);
    let e = r[0].as_ref().unwrap_err();
    assert!(e.path.ends_with("huge.html"));
    assert!(e.reason.contains("exceeds the maximum input size of 64.0 MiB"), "{e}");
}

#[test]
fn size_limit_is_configurable_and_applies_to_decompressed_data() {
    let opts = ReadOptions { max_input_bytes: 1000 };
    let text = "A short report line that repeats. ".repeat(100);
    let r: Vec<_> = read_bytes("big.txt", text.clone().into_bytes(), opts).collect();
    assert!(r[0].as_ref().unwrap_err().reason.contains("exceeds"));
    // A small gzip that inflates past the limit (a "gzip bomb").
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    let bytes = gz.finish().unwrap();
    assert!(bytes.len() < 1000);
    let r: Vec<_> = read_bytes("big.txt.gz", bytes, opts).collect();
    let e = r[0].as_ref().unwrap_err();
    assert!(e.reason.contains("decompressed data exceeds"), "{e}");
    // And to each JSONL line.
    let line = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"short\"}}\n", "x".repeat(2000));
    let r: Vec<_> = read_bytes("l.jsonl", line.into_bytes(), ReadOptions { max_input_bytes: 1500 }).collect();
    assert_eq!(r.len(), 1, "the whole input is over the limit first");
}

#[test]
fn jsonl_long_line_is_an_error_for_that_line() {
    let line = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"short one\"}}\n", "x".repeat(2000));
    let reader = crosscheck_ingest::JsonlReader::new(ReadOptions { max_input_bytes: 1000 });
    let r: Vec<_> = reader.read_owned("l.jsonl".into(), line.into_bytes()).collect();
    assert_eq!(r.len(), 2);
    assert!(r[0].as_ref().unwrap_err().reason.contains("line exceeds"));
    assert_eq!(r[1].as_ref().unwrap().text, "short one");
}

#[test]
fn big_page_within_the_limit_is_read() {
    // ~5 MB of article paragraphs: read, not refused. Timing is measured by
    // `examples/ingest_throughput.rs --page-mb 50`, not here.
    let para = "<p>The harbour authority reopened the main channel on Thursday after the storm, officials said.</p>\n";
    let html = format!("<html><body><article>{}</article></body></html>", para.repeat(5_000_000 / para.len()));
    let opts = ReadOptions::default();
    let r: Vec<_> = read_bytes("big.html", html.into_bytes(), opts).collect();
    assert_eq!(r.len(), 1);
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.format, SourceFormat::Html);
    assert!(a.text.len() > 1_000_000);
}

#[test]
fn a_bad_file_does_not_stop_a_batch() {
    let dir = fixture("bad").display().to_string();
    let ok = fixture("ok").display().to_string();
    let mut good = 0;
    let mut bad = 0;
    for input in crosscheck_ingest::expand_inputs(&[dir, ok]) {
        let path = input.unwrap();
        for r in read_path_with(&path, ReadOptions::default()) {
            match r {
                Ok(_) => good += 1,
                Err(e) => {
                    assert!(!e.reason.is_empty());
                    assert!(e.path.contains("fixtures"), "{e}");
                    bad += 1;
                }
            }
        }
    }
    assert!(good >= 15, "{good}");
    assert!(bad >= 10, "{bad}");
}

/// Fuzzing regressions: inputs that once panicked a reader.
mod fuzz_regressions {
    use super::*;

    /// quick-xml (inside feed-rs) panicked on an XML declaration naming
    /// another encoding after the start of the document.
    #[test]
    fn feed_late_xml_declaration() {
        let bytes = std::fs::read(fixture("fuzz/feed_late_xml_declaration.bin")).unwrap();
        let r: Vec<_> = crosscheck_ingest::FeedReader.read_owned("crash.rss".into(), bytes).collect();
        assert_eq!(r.len(), 1);
        let e = r[0].as_ref().unwrap_err();
        assert!(e.reason.starts_with("malformed feed"), "{e}");
        assert!(!e.reason.contains("parser failed"), "refused before the parser: {e}");
    }
}

/// quick-xml panicked on an unterminated declaration naming an encoding at
/// the start of the document (the declaration ran past its first buffer).
#[test]
fn fuzz_regression_feed_unterminated_xml_declaration() {
    let bytes = std::fs::read(fixture("fuzz/feed_unterminated_xml_declaration.bin")).unwrap();
    let r: Vec<_> = crosscheck_ingest::FeedReader.read_owned("crash.rss".into(), bytes).collect();
    assert_eq!(r.len(), 1);
    assert!(r[0].as_ref().unwrap_err().reason.contains("XML declaration"), "{:?}", r[0]);
}

#[test]
fn json_that_is_not_jsonl_or_a_feed() {
    let pretty = b"{\n  \"title\": \"A\",\n  \"text\": \"Body\"\n}\n".to_vec();
    let r: Vec<_> = read_bytes("export.json", pretty, ReadOptions::default()).collect();
    assert_eq!(r.len(), 1, "one error, not one per line: {r:?}");
    assert!(r[0].as_ref().unwrap_err().reason.contains("neither JSON Lines"));
}

#[test]
fn warc_files_are_streamed_so_the_limit_bounds_records_not_files() {
    let path = fixture("ok/sample.warc.gz");
    let file_len = std::fs::metadata(&path).unwrap().len();
    // Smaller than the file, larger than any record.
    let opts = ReadOptions { max_input_bytes: file_len - 1 };
    let r: Vec<_> = read_path_with(&path, opts).collect();
    assert_eq!(r.iter().filter(|x| x.is_ok()).count(), 2, "{r:?}");
    // A limit below the page records: those records are refused, the rest go on.
    let r: Vec<_> = read_path_with(&fixture("ok/sample.warc"), ReadOptions { max_input_bytes: 300 }).collect();
    assert!(r.iter().all(|x| x.is_err()), "{r:?}");
    assert!(r.iter().any(|x| x.as_ref().unwrap_err().reason.contains("WARC record of")), "{r:?}");
}

#[test]
fn binary_junk_named_warc() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("junk.warc");
    std::fs::copy(fixture("bad/junk.bin"), &p).unwrap();
    let r: Vec<_> = read_path(&p).collect();
    assert_eq!(r.len(), 1, "{r:?}");
    let e = r[0].as_ref().unwrap_err();
    assert!(e.reason.contains("binary"), "{e}");
}

#[test]
fn feed_with_unknown_declared_encoding_still_reads() {
    let xml = "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>\n<rss version=\"2.0\"><channel><title>Quay News</title>\
<item><title>Works</title><description>Work on the north quay starts in May, the authority said on Tuesday \u{2013} caf\u{e9}s stay open.</description></item>\
</channel></rss>";
    let r: Vec<_> = read_bytes("q.rss", xml.as_bytes().to_vec(), ReadOptions::default()).collect();
    assert_eq!(r.len(), 1);
    let a = r[0].as_ref().unwrap();
    assert!(a.text.contains("\u{2013} caf\u{e9}s stay open"), "{}", a.text);
    assert_eq!(a.source, "Quay News");
}

#[test]
fn corrupt_gzip_member_loses_only_its_record() {
    let mut bytes = std::fs::read(fixture("ok/sample.warc.gz")).unwrap();
    // Find the third member (the first page) and damage its compressed data.
    let starts: Vec<usize> = bytes.windows(3).enumerate().filter(|(_, w)| *w == [0x1f, 0x8b, 0x08]).map(|(i, _)| i).collect();
    assert_eq!(starts.len(), 7, "one member per record");
    let middle = (starts[2] + starts[3]) / 2;
    for b in &mut bytes[middle..middle + 8] {
        *b ^= 0x5a;
    }
    let r: Vec<_> = read_bytes("damaged.warc.gz", bytes, ReadOptions::default()).collect();
    let ok: Vec<_> = r.iter().filter_map(|x| x.as_ref().ok()).collect();
    let err: Vec<_> = r.iter().filter_map(|x| x.as_ref().err()).collect();
    assert_eq!(ok.len(), 1, "{r:#?}");
    assert!(ok[0].text.contains("two extra crossings"), "the page after the damage is read");
    assert!(!err.is_empty());
    assert!(err[0].path.starts_with("damaged.warc.gz#3"), "{}", err[0]);
    // The damaged member is reported (its garbage page, then its checksum).
    assert!(err.iter().any(|e| e.reason.contains("gzip")), "{err:#?}");
}

#[test]
fn utf16_text_with_bom_is_text_not_binary() {
    let mut bytes = vec![0xff, 0xfe];
    for u in "Harbour reopens\n\nThe channel reopened on Thursday, officials said.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let a = read_bytes("u16.txt", bytes, ReadOptions::default()).next().unwrap().unwrap();
    assert_eq!(a.title.as_deref(), Some("Harbour reopens"));
    assert!(a.text.ends_with("officials said."));
}
