//! Full-text search figures: indexing rate and query latency of a store over
//! generated articles. Prints figures; asserts nothing about speed.
//!
//! ```text
//! cargo run --release -p crosscheck-store --example search_bench -- [ARTICLES] [postgres://URL]
//! ```
//!
//! SQLite is measured twice: as the store is (FTS5 index kept by triggers in the
//! insert transaction) and with the index triggers dropped, so the difference
//! is the cost of indexing. With a PostgreSQL URL the same load runs there too
//! (into a fresh database created and dropped on that server).

use std::time::{Duration, Instant};

use crosscheck_core::{Article, ArticleBuilder, SourceFormat};
use crosscheck_store::Store;

const BATCH: usize = 100;
const WORDS_PER_ARTICLE: usize = 400;
const VOCABULARY: usize = 20_000;
const QUERIES: usize = 300;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A word rank with a roughly Zipfian distribution (rank ~ 1/u).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64).powf(u)) as usize).saturating_sub(1).min(n - 1)
    }
}

/// A pronounceable made-up word for each rank.
fn word(rank: usize) -> String {
    const C: &[u8] = b"bcdfghklmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut w = String::new();
    let mut r = rank + 1;
    while r > 0 {
        w.push(C[r % C.len()] as char);
        r /= C.len();
        w.push(V[r % V.len()] as char);
        r /= V.len();
    }
    w
}

fn articles(n: usize, rng: &mut Rng) -> Vec<Article> {
    let vocab: Vec<String> = (0..VOCABULARY).map(word).collect();
    (0..n)
        .map(|i| {
            let mut text = String::new();
            for p in 0..8 {
                for w in 0..WORDS_PER_ARTICLE / 8 {
                    if w > 0 {
                        text.push(' ');
                    }
                    text.push_str(&vocab[rng.zipf(VOCABULARY)]);
                }
                text.push_str(if p == 0 { "" } else { "." });
                text.push_str(&format!(" ({i}-{p})\n\n"));
            }
            let mut b = ArticleBuilder::new(format!("outlet{}", i % 50), format!("gen/{i}.txt"), SourceFormat::Text, text.as_bytes(), &text);
            b.title = Some((0..8).map(|_| vocab[rng.zipf(VOCABULARY)].as_str()).collect::<Vec<_>>().join(" "));
            b.build(None, None).expect("generated article")
        })
        .collect()
}

fn queries(rng: &mut Rng) -> Vec<String> {
    (0..QUERIES)
        .map(|i| {
            let words = 1 + i % 3;
            // Mix common and rarer words: skip the very top ranks half the time.
            (0..words).map(|_| word(rng.zipf(VOCABULARY) + if i % 2 == 0 { 0 } else { 50 })).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn measure(name: &str, store: &dyn Store, docs: &[Article], qs: &[String]) {
    let words: usize = docs.iter().map(|a| a.word_count()).sum();
    let t = Instant::now();
    for chunk in docs.chunks(BATCH) {
        store.put_articles(chunk).expect("store batch");
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{name}: stored {} articles ({} words) in {:.2} s: {:.0} articles/s, {:.2} M words/s",
        docs.len(),
        words,
        secs,
        docs.len() as f64 / secs,
        words as f64 / secs / 1e6
    );
    let mut times = Vec::with_capacity(qs.len());
    let mut hits = 0;
    for q in qs {
        let t = Instant::now();
        hits += store.search(q, 20).expect("search").len();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "{name}: {} queries (1-3 words, limit 20, {:.1} hits avg): p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        qs.len(),
        hits as f64 / qs.len() as f64,
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.9).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|s| s.parse().expect("ARTICLES is a number")).unwrap_or(10_000);
    let pg = args.next();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let docs = articles(n, &mut rng);
    let qs = queries(&mut rng);
    let dir = tempfile::tempdir().expect("temp dir");

    let with_fts = dir.path().join("fts.sqlite");
    let store = crosscheck_store::open(with_fts.to_str().unwrap()).unwrap();
    measure("sqlite+fts5", &*store, &docs, &qs);
    drop(store);
    let size = std::fs::metadata(&with_fts).map(|m| m.len()).unwrap_or(0);
    println!("sqlite+fts5: file {:.1} MB after close", size as f64 / 1e6);

    let no_fts = dir.path().join("plain.sqlite");
    drop(crosscheck_store::open(no_fts.to_str().unwrap()).unwrap());
    rusqlite::Connection::open(&no_fts)
        .unwrap()
        .execute_batch("DROP TRIGGER articles_fts_insert")
        .unwrap();
    let store = crosscheck_store::open(no_fts.to_str().unwrap()).unwrap();
    let t = Instant::now();
    for chunk in docs.chunks(BATCH) {
        store.put_articles(chunk).unwrap();
    }
    let secs = t.elapsed().as_secs_f64();
    println!("sqlite without index: stored {} articles in {secs:.2} s: {:.0} articles/s", docs.len(), docs.len() as f64 / secs);

    if let Some(url) = pg {
        let db = format!("cc_bench_{}", std::process::id());
        let mut admin = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        admin.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
        let (head, _) = url.rsplit_once('/').expect("URL with a database name");
        let store = crosscheck_store::open(&format!("{head}/{db}")).unwrap();
        measure("postgres+tsvector", &*store, &docs, &qs);
        drop(store);
        admin.batch_execute(&format!("DROP DATABASE {db} WITH (FORCE)")).unwrap();
    }
}
