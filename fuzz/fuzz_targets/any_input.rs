//! Sniffing and every reader behind it (text headline/dateline, JSONL, gzip) on arbitrary bytes.
#![no_main]

use crosscheck_ingest::{read_bytes, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { max_input_bytes: 1 << 20 };
    for name in ["fuzz.txt", "fuzz.jsonl"] {
        for result in read_bytes(name, data.to_vec(), options) {
            if let Ok(article) = result {
                for span in article.title_span.iter().chain(article.dateline_span.iter()) {
                    let _ = article.slice(*span);
                }
            }
        }
    }
});
