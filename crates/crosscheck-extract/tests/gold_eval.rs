//! Evaluation against hand-annotated stories: the seeds (tests/fixtures/seeds.gold.json
//! over examples/seeds) and an invented second story (tests/fixtures/story2).
//! Prints precision/recall of quotes, quote+speaker pairs and people, and asserts floors.

use std::path::{Path, PathBuf};

use crosscheck_core::text::match_words;
use crosscheck_core::{ArticleBuilder, SourceFormat};
use crosscheck_extract::{annotate, merge_people, names_compatible, story_speaker_name, Annotated, EntityKind, QuoteKind};
use serde_json::Value;

fn load(dir: &Path, gold: &Value) -> Vec<Annotated> {
    gold["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let name = s.as_str().unwrap();
            let path = dir.join(format!("{name}.txt"));
            let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let a = ArticleBuilder::new(name, path.display().to_string(), SourceFormat::Text, raw.as_bytes(), &raw).build(None, None).unwrap();
            annotate(&a, None)
        })
        .collect()
}

/// Whether `needle`'s words occur contiguously in `hay`'s words.
fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn quote_matches(pred: &str, gold: &str) -> bool {
    let (p, g) = (match_words(pred), match_words(gold));
    contains_words(&p, &g) || (contains_words(&g, &p) && p.len() * 10 >= g.len() * 7)
}

fn speaker_matches(pred: &str, gold: &str) -> bool {
    let strip = |s: &str| match_words(s).into_iter().filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "one")).collect::<Vec<_>>();
    let (p, g) = (strip(pred), strip(gold));
    if names_compatible(pred, gold) {
        return true;
    }
    !g.is_empty() && g.iter().all(|w| p.contains(w))
}

struct Scores {
    quote_p: f64,
    quote_r: f64,
    speaker_p: f64,
    speaker_r: f64,
    people_p: f64,
    people_r: f64,
}

fn evaluate(dir: &Path, gold_path: &Path) -> Scores {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let docs = load(dir, &gold);
    let people = merge_people(&docs);
    let sources: Vec<String> = gold["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()[..3].to_string()).collect();
    // Expected (article, text, speaker).
    let mut expected: Vec<(usize, String, String)> = Vec::new();
    for q in gold["quotes"].as_array().unwrap() {
        let sp = q["speaker"].as_str().unwrap().to_string();
        for s in q["in"].as_array().unwrap() {
            let ai = sources.iter().position(|x| x == s.as_str().unwrap()).unwrap();
            expected.push((ai, q["text"].as_str().unwrap().to_string(), sp.clone()));
        }
        for v in q["variants"].as_array().into_iter().flatten() {
            let ai = sources.iter().position(|x| x == v["in"].as_str().unwrap()).unwrap();
            expected.push((ai, v["printed"].as_str().unwrap().to_string(), sp.clone()));
        }
    }
    // Predicted full quotes.
    let mut n_pred = 0;
    let mut pred_ok = 0;
    let mut n_pred_sp = 0;
    let mut pred_sp_ok = 0;
    for (ai, d) in docs.iter().enumerate() {
        for (qi, q) in d.quotes.iter().enumerate() {
            if q.kind != QuoteKind::Full {
                continue;
            }
            let t = q.span.slice(&d.article.text);
            let hits: Vec<&(usize, String, String)> = expected.iter().filter(|(a, g, _)| *a == ai && quote_matches(t, g)).collect();
            n_pred += 1;
            let name = story_speaker_name(&docs, &people, ai, qi);
            if hits.is_empty() {
                println!("EXTRA   {}: {:?} speaker={:?}", sources[ai], t, name);
            } else {
                pred_ok += 1;
            }
            if let Some(n) = &name {
                n_pred_sp += 1;
                if hits.iter().any(|(_, _, g)| speaker_matches(n, g)) {
                    pred_sp_ok += 1;
                } else if !hits.is_empty() {
                    println!("WRONGSP {}: {:?} -> {:?} (gold {:?})", sources[ai], t, n, hits[0].2);
                }
            }
        }
    }
    let mut found = 0;
    let mut found_sp = 0;
    for (ai, g, sp) in &expected {
        let d = &docs[*ai];
        let hit = d.quotes.iter().enumerate().filter(|(_, q)| q.kind == QuoteKind::Full && quote_matches(q.span.slice(&d.article.text), g)).collect::<Vec<_>>();
        if hit.is_empty() {
            println!("MISS    {}: {:?}", sources[*ai], g);
            continue;
        }
        found += 1;
        let names: Vec<Option<String>> = hit.iter().map(|(qi, _)| story_speaker_name(&docs, &people, *ai, *qi)).collect();
        if names.iter().flatten().any(|n| speaker_matches(n, sp)) {
            found_sp += 1;
        } else {
            println!("MISS-SP {}: {:?} -> {:?} (gold {:?})", sources[*ai], g, names, sp);
        }
    }
    // People: story-level persons vs gold people.
    let gold_people: Vec<String> = gold["people"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_string()).collect();
    let pred_people: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    let people_ok = pred_people.iter().filter(|p| gold_people.iter().any(|g| names_compatible(p, g))).count();
    let people_found = gold_people.iter().filter(|g| pred_people.iter().any(|p| names_compatible(p, g))).count();
    for p in &pred_people {
        if !gold_people.iter().any(|g| names_compatible(p, g)) {
            println!("EXTRA-PERSON {p}");
        }
    }
    for g in &gold_people {
        if !pred_people.iter().any(|p| names_compatible(p, g)) {
            println!("MISS-PERSON {g}");
        }
    }
    let _ = EntityKind::Person;
    let s = Scores {
        quote_p: pred_ok as f64 / n_pred.max(1) as f64,
        quote_r: found as f64 / expected.len().max(1) as f64,
        speaker_p: pred_sp_ok as f64 / n_pred_sp.max(1) as f64,
        speaker_r: found_sp as f64 / expected.len().max(1) as f64,
        people_p: people_ok as f64 / pred_people.len().max(1) as f64,
        people_r: people_found as f64 / gold_people.len().max(1) as f64,
    };
    println!(
        "{}: quotes P={:.2} R={:.2} ({} gold, {} predicted) | quote+speaker P={:.2} R={:.2} | people P={:.2} R={:.2}",
        gold_path.display(), s.quote_p, s.quote_r, expected.len(), n_pred, s.speaker_p, s.speaker_r, s.people_p, s.people_r
    );
    s
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The issue's floors: quote and quote+speaker recall ≥ 0.9 with precision
/// ≥ 0.85, people recall ≥ 0.9.
fn assert_issue_floors(s: &Scores) {
    assert!(s.quote_r >= 0.9 && s.quote_p >= 0.85, "quotes");
    assert!(s.speaker_r >= 0.9 && s.speaker_p >= 0.85, "speakers");
    assert!(s.people_r >= 0.9, "people recall");
}

#[test]
fn seeds_gold_floors() {
    let s = evaluate(&root().join("../../examples/seeds"), &root().join("tests/fixtures/seeds.gold.json"));
    assert_issue_floors(&s);
}

#[test]
fn second_story_floors() {
    let s = evaluate(&root().join("tests/fixtures/story2"), &root().join("tests/fixtures/story2.gold.json"));
    assert_issue_floors(&s);
}

/// The invented story of the dossier tests (crosscheck-report's fixture), which
/// this crate was not tuned on when it was written: same floors.
#[test]
fn dossier_story_floors() {
    let s = evaluate(&root().join("../crosscheck-report/tests/fixtures/story2"), &root().join("../crosscheck-report/tests/fixtures/story2.gold.json"));
    assert_issue_floors(&s);
}

/// Gold roles (per outlet) are found among the printed roles of the matching person,
/// and the envoy/ambassador conflict is visible across outlets.
#[test]
fn seeds_roles_and_role_only_speaker() {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(root().join("tests/fixtures/seeds.gold.json")).unwrap()).unwrap();
    let docs = load(&root().join("../../examples/seeds"), &gold);
    let people = merge_people(&docs);
    let sources: Vec<String> = gold["sources"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()[..3].to_string()).collect();
    let (mut total, mut found) = (0, 0);
    for gp in gold["people"].as_array().unwrap() {
        let name = gp["name"].as_str().unwrap();
        let sp = people.iter().find(|p| names_compatible(&p.name, name)).unwrap_or_else(|| panic!("{name} not found"));
        for (src, role) in gp["roles"].as_object().into_iter().flatten() {
            total += 1;
            let ai = sources.iter().position(|s| s == src).unwrap();
            let g = match_words(role.as_str().unwrap());
            // A role matches when most of its words are printed in one of the person's roles of that outlet.
            let ok = sp.roles.iter().filter(|(a, _)| *a == ai).any(|(_, r)| {
                let w = match_words(&r.text);
                g.iter().filter(|x| w.contains(x)).count() * 3 >= g.len() * 2
            });
            if ok {
                found += 1;
            } else {
                println!("MISS-ROLE {src} {name}: {role} (have {:?})", sp.roles.iter().filter(|(a, _)| *a == ai).map(|(_, r)| &r.text).collect::<Vec<_>>());
            }
        }
    }
    println!("seeds roles: recall {found}/{total} = {:.2}", found as f64 / total as f64);
    assert!(found * 10 >= total * 8, "role recall");
    // Role conflict: one person is "envoy" in one outlet and "ambassador" in others.
    let g = people.iter().find(|p| p.name == "Denis Gonchar").unwrap();
    let printed: Vec<String> = g.roles.iter().map(|(_, r)| r.text.to_lowercase()).collect();
    assert!(printed.iter().any(|r| r.contains("envoy to belgium")) && printed.iter().any(|r| r.contains("ambassador to belgium")), "{printed:?}");
    // 001 names the speaker only by role; the story level resolves it to the name printed by 004.
    let a001 = sources.iter().position(|s| s == "001").unwrap();
    let qi = docs[a001].quotes.iter().position(|q| q.span.slice(&docs[a001].article.text).starts_with("intimidating")).unwrap();
    assert!(matches!(docs[a001].quotes[qi].attribution.as_ref().unwrap().speaker, crosscheck_extract::Speaker::Role { .. }));
    assert_eq!(story_speaker_name(&docs, &people, a001, qi).as_deref(), Some("Denis Gonchar"));
    // Scare quotes are kept and typed.
    assert!(docs[a001].quotes.iter().any(|q| q.kind == QuoteKind::ScareQuote && q.span.slice(&docs[a001].article.text) == "pre-emptive strikes"));
    // Aliases merged within an article.
    let d = &docs[sources.iter().position(|s| s == "003").unwrap()];
    let adm = d.entities.iter().find(|e| e.name == "Giuseppe Cavo Dragone").unwrap();
    assert!(adm.aliases.iter().any(|a| a == "the admiral"), "{:?}", adm.aliases);
}

/// Quantities and dates of the seeds, resolved against the dateline of 001 (2025-12-02).
#[test]
fn seeds_numbers_and_dates() {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(root().join("tests/fixtures/seeds.gold.json")).unwrap()).unwrap();
    let docs = load(&root().join("../../examples/seeds"), &gold);
    let all_q: Vec<String> = docs.iter().flat_map(|d| d.quantities.iter().map(move |q| q.span.slice(&d.article.text).to_string())).collect();
    for want in ["over 110 sabotage incidents", "1.17 million personnel", "approximately 19% of Ukrainian territory", "at least four civilians", "two underwater cables", "Four Russian fighter jets", "half a million"] {
        assert!(all_q.iter().any(|q| q.contains(want)), "{want} not in {all_q:?}");
    }
    let d001 = &docs[1];
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let find = |d: &Annotated, s: &str| d.dates.iter().find(|x| x.span.slice(&d.article.text) == s).map(|x| x.resolved);
    assert_eq!(find(d001, "On December 1"), None, "the preposition is not part of an absolute date");
    assert_eq!(find(d001, "December 1"), Some(Some((day("2025-12-01"), day("2025-12-01")))));
    assert_eq!(find(d001, "On Monday"), Some(Some((day("2025-12-01"), day("2025-12-01")))));
    assert_eq!(find(d001, "this week"), Some(Some((day("2025-12-01"), day("2025-12-07")))));
    assert_eq!(find(d001, "earlier this year"), Some(Some((day("2025-01-01"), day("2025-12-02")))));
    // 002 has no date of its own: relative dates stay unresolved rather than guessed.
    let d002 = &docs[2];
    assert_eq!(find(d002, "Last month"), Some(None));
    // With the story's date as reference they resolve.
    let a = annotate(&d002.article, Some(day("2025-12-02")));
    assert_eq!(find(&a, "Last month"), Some(Some((day("2025-11-01"), day("2025-11-30")))));
    assert_eq!(find(&a, "Sundays"), Some(Some((day("2025-11-30"), day("2025-11-30")))));
}
