//! The WARC reader (record framing, HTTP parsing, chunked/gzip bodies) on arbitrary bytes.
#![no_main]

use crosscheck_ingest::{ReadOptions, Reader, WarcReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = WarcReader::new(ReadOptions { max_input_bytes: 1 << 20 });
    for _ in reader.read_owned("fuzz.warc".to_string(), data.to_vec()) {}
});
