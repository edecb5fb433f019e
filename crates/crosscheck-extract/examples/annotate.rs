//! Print the annotation of text files as JSON: `cargo run -p crosscheck-extract --example annotate -- FILE...`
//! (with `--speed N`: annotate the files N times and print articles per second).

use std::time::Instant;

use crosscheck_core::{ArticleBuilder, SourceFormat};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut speed = None;
    if let Some(i) = args.iter().position(|a| a == "--speed") {
        speed = args.get(i + 1).and_then(|n| n.parse::<usize>().ok());
        args.drain(i..(i + 2).min(args.len()));
    }
    let arts: Vec<_> = args
        .iter()
        .map(|p| {
            let raw = std::fs::read_to_string(p).expect("read");
            ArticleBuilder::new(p.as_str(), p.as_str(), SourceFormat::Text, raw.as_bytes(), &raw).build(None, None).expect("article")
        })
        .collect();
    if let Some(n) = speed {
        let t = Instant::now();
        let mut quotes = 0;
        for _ in 0..n {
            for a in &arts {
                quotes += crosscheck_extract::annotate(a, None).quotes.len();
            }
        }
        let dt = t.elapsed().as_secs_f64();
        let total = n * arts.len();
        println!("{total} articles in {dt:.3}s = {:.0} articles/s on one core ({quotes} quotes)", total as f64 / dt);
        return;
    }
    for a in &arts {
        let d = crosscheck_extract::annotate(a, None);
        for q in &d.quotes {
            let who = q.attribution.as_ref().map(|at| (d.speaker_name(&at.speaker), at.method.clone(), at.cue.clone(), at.confidence));
            println!("{:?} {:?} -> {:?}", q.kind, q.span.slice(&a.text), who);
        }
        for e in &d.entities {
            println!("  {:?} {} aliases={:?} roles={:?}", e.kind, e.name, e.aliases, e.roles.iter().map(|r| &r.text).collect::<Vec<_>>());
        }
    }
}
