//! Time each annotation stage over the given files: `cargo run --release --example stages -- N FILE...`.

use std::time::Instant;

use crosscheck_core::{ArticleBuilder, SourceFormat};
use crosscheck_extract::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args[0].parse().unwrap();
    let arts: Vec<_> = args[1..]
        .iter()
        .map(|p| {
            let raw = std::fs::read_to_string(p).unwrap();
            ArticleBuilder::new(p.as_str(), p.as_str(), SourceFormat::Text, raw.as_bytes(), &raw).build(None, None).unwrap()
        })
        .collect();
    let mut t = [0f64; 6];
    for _ in 0..n {
        for a in &arts {
            let text = &a.text;
            let c = Instant::now();
            let s = split_sentences(text);
            t[0] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let mut q = quotes::find_quotes(text, &s, crosscheck_lexicon::english());
            t[1] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let idx = entities::find_entities(text, &s);
            t[2] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            attribution::attribute(text, &s, &mut q, &idx, false);
            t[3] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let _ = numbers::find_quantities(text, &s);
            t[4] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let _ = dates::find_dates(text, &s, None);
            t[5] += c.elapsed().as_secs_f64();
        }
    }
    let total = (n * arts.len()) as f64;
    for (name, v) in ["sentences", "quotes", "entities", "attribution", "numbers", "dates"].iter().zip(t) {
        println!("{name:12} {:8.1} µs/article", v / total * 1e6);
    }
    println!("total        {:8.1} µs/article = {:.0} articles/s", t.iter().sum::<f64>() / total * 1e6, total / t.iter().sum::<f64>());
}
