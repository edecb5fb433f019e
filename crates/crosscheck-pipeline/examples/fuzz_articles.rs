//! A mutation fuzzer over the whole per-article path: bytes → decode and read
//! (ingest's text and HTML readers) → every extract layer → the comparison and
//! dossier of a two-article story → its JSON, Markdown and HTML. Seeded at run
//! time with real articles and pages from `../shared/bench` (never copied into
//! the repository), each round mutates two of them (splices across seeds,
//! multi-byte and odd characters inserted, cuts inside a character, repeated
//! and deleted stretches, flipped bytes).
//!
//! A finding is a panic anywhere (debug builds also assert that every span
//! slices its text on character boundaries), a stage failure caught by the
//! pipeline (a dossier `problems` entry), a layer span that does not fit its
//! text, or a round slower than `--slow` seconds; its two inputs are written
//! to `--findings` (default `/tmp/crosscheck-fuzz`). Not run in CI:
//!
//! ```sh
//! cargo run -p crosscheck-pipeline --example fuzz_articles -- --seconds 600 --seed 1
//! ```

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crosscheck_core::{Article, Span};
use crosscheck_ingest::{read_bytes, ReadOptions};

/// Characters that break byte arithmetic or splitters when inserted anywhere.
const ODD: &[&str] = &[
    "\u{2019}", "\u{201c}", "\u{201d}", "\u{2018}", "\u{ab}", "\u{bb}", "\u{2014}", "\u{2026}", "\u{e9}", "\u{130}", "\u{df}", "\u{301}", "\u{200b}", "\u{feff}",
    "\u{2028}", "\u{1f600}", "\u{4e2d}", "\u{5d0}", "\0", "\r", "\n\n", "\"", "'", ".", " said ", " he said.", "\u{201c}", "Mr. ", "U.S.", "$1.5 billion", "12%",
    "on Monday", "2025-12-01", "<p>", "</p>", "<script>", "&amp;", "&#8217;",
];

/// xorshift64*: deterministic for a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One seed: its bytes and whether it is HTML.
struct Seed {
    bytes: Vec<u8>,
    html: bool,
}

fn seeds(bench: &Path) -> Vec<Seed> {
    let mut out = Vec::new();
    for (folder, html) in [
        ("quotes-polnear/dev/text", false),
        ("quotes-spkatt-de/train", false),
        ("stories-ecbplus/txt", false),
        ("extraction/html", true),
        ("extraction-multilingual/html", true),
    ] {
        let Ok(dir) = std::fs::read_dir(bench.join(folder)) else { continue };
        let mut files: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        // A spread of each folder keeps start-up short.
        for p in files.iter().step_by(files.len().div_ceil(60).max(1)) {
            let Ok(raw) = std::fs::read(p) else { continue };
            let bytes = if p.to_string_lossy().ends_with(".gz") {
                let mut v = Vec::new();
                if flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut v).is_err() {
                    continue;
                }
                v
            } else {
                raw
            };
            out.push(Seed { bytes, html });
        }
    }
    out
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, seeds: &[Seed]) {
    for _ in 0..1 + rng.below(6) {
        let len = bytes.len();
        match rng.below(7) {
            0 => {
                let other = &seeds[rng.below(seeds.len())].bytes;
                let (a, b) = (rng.below(other.len()), rng.below(other.len()));
                let piece = other[a.min(b)..a.max(b).min(a.min(b) + 4000)].to_vec();
                let at = rng.below(len + 1);
                bytes.splice(at..at, piece);
            }
            1 | 2 => {
                for _ in 0..1 + rng.below(20) {
                    let at = rng.below(bytes.len() + 1);
                    let odd = ODD[rng.below(ODD.len())].as_bytes();
                    bytes.splice(at..at, odd.iter().copied());
                }
            }
            3 => bytes.truncate(rng.below(len + 1)),
            4 => {
                let (a, b) = (rng.below(len + 1), rng.below(len + 1));
                let piece = bytes[a.min(b)..a.max(b).min(a.min(b) + 2000)].to_vec();
                for _ in 0..1 + rng.below(5) {
                    let at = rng.below(bytes.len() + 1);
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
            5 => {
                let (a, b) = (rng.below(len + 1), rng.below(len + 1));
                bytes.drain(a.min(b)..a.max(b));
            }
            _ => {
                for _ in 0..1 + rng.below(8) {
                    if !bytes.is_empty() {
                        let at = rng.below(bytes.len());
                        bytes[at] ^= 1 << rng.below(8);
                    }
                }
            }
        }
    }
}

/// Every span a layer stored must slice its article's text.
fn check_spans(d: &crosscheck_extract::Annotated) -> Result<(), String> {
    let text = &d.article.text;
    let spans: Vec<Span> = d
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(d.quotes.iter().flat_map(|q| [q.span, q.outer].into_iter().chain(q.attribution.iter().map(|a| a.evidence))))
        .chain(d.entities.iter().flat_map(|e| e.mentions.iter().copied().chain(e.roles.iter().map(|r| r.span))))
        .chain(d.quantities.iter().flat_map(|q| [q.span, q.number]))
        .chain(d.dates.iter().map(|x| x.span))
        .collect();
    for s in spans {
        s.try_slice(text).map_err(|e| format!("bad span in layers: {e}"))?;
    }
    Ok(())
}

/// One round on two inputs: `Err` is a finding.
fn round(inputs: &[(Vec<u8>, bool)]) -> Result<(), String> {
    let options = ReadOptions { max_input_bytes: 1 << 20 };
    let mut articles: Vec<Article> = Vec::new();
    for (i, (bytes, html)) in inputs.iter().enumerate() {
        let name = if *html { format!("fuzz{i}.html") } else { format!("fuzz{i}.txt") };
        articles.extend(read_bytes(&name, bytes.clone(), options).filter_map(Result::ok));
    }
    for a in &articles {
        check_spans(&crosscheck_pipeline::stages::annotate(a, None))?;
    }
    if articles.is_empty() {
        return Ok(());
    }
    let d = crosscheck_pipeline::build_dossier(&articles, None);
    if let Some(p) = d.problems.first() {
        return Err(format!("stage failure: {p}"));
    }
    let _ = (crosscheck_report::render::json(&d), crosscheck_report::render::markdown(&d), crosscheck_report::render::html(&d));
    Ok(())
}

fn main() {
    let mut seconds = 60u64;
    let mut seed = 1u64;
    let mut slow = 5.0f64;
    let mut findings = PathBuf::from("/tmp/crosscheck-fuzz");
    let mut bench = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--seconds" => seconds = v.parse().expect("--seconds N"),
            "--seed" => seed = v.parse().expect("--seed N"),
            "--slow" => slow = v.parse().expect("--slow SECONDS"),
            "--findings" => findings = v.into(),
            "--bench" => bench = v.into(),
            other => panic!("unknown option {other} (--seconds, --seed, --slow, --findings, --bench)"),
        }
    }
    let seeds = seeds(&bench);
    assert!(!seeds.is_empty(), "no seeds under {}", bench.display());
    std::fs::create_dir_all(&findings).expect("findings folder");
    crosscheck_pipeline::guard::install_panic_hook();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut rounds, mut found) = (0u64, 0u64);
    while Instant::now() < deadline {
        let inputs: Vec<(Vec<u8>, bool)> = (0..2)
            .map(|_| {
                let s = &seeds[rng.below(seeds.len())];
                let mut b = s.bytes.clone();
                mutate(&mut rng, &mut b, &seeds);
                (b, s.html)
            })
            .collect();
        let started = Instant::now();
        let outcome = crosscheck_pipeline::guard::guarded(|| round(&inputs)).unwrap_or_else(|panic| Err(format!("panic: {panic}")));
        let took = started.elapsed().as_secs_f64();
        let outcome = outcome.and_then(|()| if took > slow { Err(format!("slow: {took:.1} s")) } else { Ok(()) });
        rounds += 1;
        if let Err(what) = outcome {
            found += 1;
            for (i, (b, html)) in inputs.iter().enumerate() {
                let ext = if *html { "html" } else { "txt" };
                let _ = std::fs::write(findings.join(format!("finding-{seed}-{rounds}-{i}.{ext}")), b);
            }
            println!("finding {found} (round {rounds}): {what}");
        }
    }
    println!("{rounds} rounds in {seconds} s (seed {seed}, {} seeds): {found} finding(s) in {}", seeds.len(), findings.display());
}
