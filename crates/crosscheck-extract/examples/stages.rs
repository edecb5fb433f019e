//! Time each annotation stage over the given files, as `annotate` runs them:
//! `cargo run --release --example stages -- N LANG FILE...` (LANG: `en`, `de`).
//! The quote layer is quotes + speech + attribution + ranking (it reads the
//! entity index).

use std::time::Instant;

use crosscheck_core::{ArticleBuilder, SourceFormat};
use crosscheck_extract::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args[0].parse().unwrap();
    let language = args[1].as_str();
    let lexicon = crosscheck_lexicon::for_language(language);
    let speech_model = speech_weights::for_language(language);
    let speaker_weights = speaker_weights::for_language(language);
    let arts: Vec<_> = args[2..]
        .iter()
        .map(|p| {
            let raw = std::fs::read_to_string(p).unwrap();
            ArticleBuilder::new(p.as_str(), p.as_str(), SourceFormat::Text, raw.as_bytes(), &raw).build(None, None).unwrap()
        })
        .collect();
    let mut t = [0f64; 8];
    for _ in 0..n {
        for a in &arts {
            let text = &a.text;
            let c = Instant::now();
            let s = split_sentences(text);
            t[0] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let mut q = quotes::find_quotes(text, &s, lexicon);
            t[1] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let idx = entities::find_entities_in(text, &s, lexicon);
            t[2] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            if let Some(m) = &speech_model {
                speech::classify_quotes(text, &s, &mut q, &idx, lexicon, m);
            }
            t[3] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            attribution::attribute(text, &s, &mut q, &idx, speech_model.is_some());
            t[4] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            if let Some(w) = speaker_weights {
                speakers::rank(text, &s, &mut q, &idx, lexicon, w);
            }
            t[5] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let _ = numbers::find_quantities(text, &s);
            t[6] += c.elapsed().as_secs_f64();
            let c = Instant::now();
            let _ = dates::find_dates(text, &s, None);
            t[7] += c.elapsed().as_secs_f64();
        }
    }
    let total = (n * arts.len()) as f64;
    for (name, v) in ["sentences", "quotes", "entities", "speech", "attribution", "ranking", "numbers", "dates"].iter().zip(t) {
        println!("{name:12} {:8.1} µs/article", v / total * 1e6);
    }
    let layer = t[1] + t[3] + t[4] + t[5];
    println!("quote layer  {:8.1} µs/article = {:.0} articles/s (with entities: {:.0} articles/s)", layer / total * 1e6, total / layer, total / (layer + t[2]));
    println!("total        {:8.1} µs/article = {:.0} articles/s", t.iter().sum::<f64>() / total * 1e6, total / t.iter().sum::<f64>());
}
