//! The HTML reader (crosscheck-html extraction + article building) on arbitrary bytes.
#![no_main]

use crosscheck_ingest::{HtmlReader, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for result in HtmlReader.read_owned("fuzz.html".to_string(), data.to_vec()) {
        if let Ok(article) = result {
            // Spans must fit the text (the builder checks; slicing would panic otherwise).
            for p in &article.paragraphs {
                let _ = article.slice(*p);
            }
        }
    }
    let _ = crosscheck_ingest::extract_html("fuzz.html", data, Some("https://fuzz.example/2024/01/02/a"));
});
