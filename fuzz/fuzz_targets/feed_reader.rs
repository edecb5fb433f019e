//! The feed reader (feed-rs + per-entry extraction) on arbitrary bytes.
#![no_main]

use crosscheck_ingest::{FeedReader, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for result in FeedReader.read_owned("fuzz.xml".to_string(), data.to_vec()) {
        if let Ok(article) = result {
            for p in &article.paragraphs {
                let _ = article.slice(*p);
            }
        }
    }
});
