//! Prints throughput figures of the incident stage on a synthetic corpus:
//! `cargo run --release -p crosscheck-incidents --example bench_register -- [ARTICLES]`.
//!
//! Each synthetic article is a short dated report built from templates of the
//! campaign fixture's wording, with places drawn from the gazetteer's cities and
//! dates spread over a year, so many reports describe the same incident.

use std::time::Instant;

use crosscheck_core::{Article, ArticleBuilder, SourceFormat};
use crosscheck_incidents::{build_register, gazetteer, mentions_of_article, PlaceKind};

const TEMPLATES: &[&str] = &[
    "A fire that destroyed a logistics depot in {city} on {day} has been attributed by investigators to saboteurs recruited online.",
    "Drones were spotted over {city} airport on {day}, forcing it to close for three hours.",
    "Police in {city} arrested two men suspected of spying on {day}.",
    "Two undersea cables were damaged on {day} near {city}, the grid operator said.",
    "Officials said a cyber attack hit the city hall of {city} on {day}.",
];

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    let cities: Vec<&str> = gazetteer::entries().iter().filter(|e| e.place.kind == PlaceKind::City).map(|e| e.place.name.as_str()).collect();
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"];
    let mut articles: Vec<Article> = Vec::with_capacity(n);
    for i in 0..n {
        // A small prime stride spreads (template, city, day) so about a third of the reports repeat an incident.
        let k = (i * 7919) % (n / 3).max(1);
        let city = cities[k % cities.len()];
        let month = months[(k / cities.len()) % months.len()];
        let day = 1 + (k % 27);
        let t = TEMPLATES[k % TEMPLATES.len()].replace("{city}", city).replace("{day}", &format!("{month} {day}"));
        let text = format!("{city} – December 1, 2025 – {t} More details were not given.");
        let a = ArticleBuilder::new(format!("outlet{}", i % 40), format!("synthetic/{i}.txt"), SourceFormat::Text, text.as_bytes(), &text)
            .build(None, None)
            .expect("article");
        articles.push(a);
    }
    let t0 = Instant::now();
    let mentions: Vec<_> = articles.iter().flat_map(|a| mentions_of_article(a)).collect();
    let t_mentions = t0.elapsed();
    let n_mentions = mentions.len();
    let t1 = Instant::now();
    let reg = build_register(mentions);
    let t_register = t1.elapsed();
    println!("articles {n}  mentions {n_mentions}  rows {}  aggregates {}  unlocated {}", reg.rows.len(), reg.aggregates.len(), reg.unlocated.len());
    println!(
        "mentions: {:.1} ms ({:.0} articles/s)   register merge: {:.1} ms ({:.0} mentions/s)",
        t_mentions.as_secs_f64() * 1e3,
        n as f64 / t_mentions.as_secs_f64(),
        t_register.as_secs_f64() * 1e3,
        n_mentions as f64 / t_register.as_secs_f64().max(1e-9)
    );
}
