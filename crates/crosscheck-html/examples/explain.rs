//! Print the block scoring of one page (for tuning `tables`):
//! `cargo run --release -p crosscheck-html --example explain -- PAGE.html[.gz] [SNIPPET]`
//! (with SNIPPET: the furniture chain of the block holding it)
use std::io::Read;

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain PAGE.html[.gz]");
    let raw = std::fs::read(&path).expect("read");
    let bytes = if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).expect("gunzip");
        out
    } else {
        raw
    };
    let text = crosscheck_core::decode::decode(&bytes, None).text;
    let page = crosscheck_html::page::build(&text);
    let snippet = std::env::args().nth(2);
    print!("{}", crosscheck_html::content::explain_with(&page, snippet.as_deref()));
}
