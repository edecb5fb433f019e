//! Near-duplicate detection on the seed reports and copies made from them.

mod common;

use common::{article, day, paragraphs, seeds};
use crosscheck_cluster::{dedup, DedupConfig, Deduper, MatchKind};

/// The longest seed, and three copies of it: a trimmed one (first half of the
/// paragraphs), a re-led one (new lead paragraph, last third cut) and a
/// verbatim repost with one word changed.
fn wire_and_copies() -> Vec<crosscheck_core::Article> {
    let seeds = seeds();
    let wire = seeds.iter().max_by_key(|a| a.word_count()).unwrap().clone();
    let paras = paragraphs(&wire);
    assert!(paras.len() >= 8, "the longest seed has many paragraphs");
    let trimmed = paras[..paras.len() / 2].join("\n\n");
    let mut reled = vec!["Our correspondent reports on reactions in the capital after the interview was published on Monday evening.".to_string()];
    reled.extend_from_slice(&paras[1..paras.len() * 2 / 3]);
    let reled = reled.join("\n\n");
    let repost = wire.text.replacen("sharp", "serious", 1);
    let mut wire = wire;
    wire.published = Some(day(2025, 12, 2));
    vec![
        wire,
        article("trimmer", "trimmed.txt", &trimmed, Some(day(2025, 12, 3))),
        article("releader", "reled.txt", &reled, Some(day(2025, 12, 4))),
        article("reposter", "repost.txt", &repost, None),
    ]
}

#[test]
fn trimmed_and_reled_copies_group_with_the_first_publisher() {
    let arts = wire_and_copies();
    let groups = dedup(&arts, &DedupConfig::default()).unwrap();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(
        g.canonical.id, arts[0].id,
        "earliest date is the first publisher"
    );
    assert_eq!(g.copies.len(), 3);
    for c in &g.copies {
        assert_eq!(c.copy_of, arts[0].id);
    }
    let by_source = |s: &str| g.copies.iter().find(|c| c.member.source == s).unwrap();
    assert_eq!(by_source("trimmer").kind, MatchKind::Contained);
    assert!(
        by_source("trimmer").containment > 0.95,
        "every sentence of the trimmed copy is in the wire"
    );
    assert!(
        by_source("trimmer").jaccard < 0.8,
        "a trimmed copy is not a Jaccard near-duplicate"
    );
    assert_eq!(by_source("releader").kind, MatchKind::Contained);
    assert!(
        by_source("releader").jaccard < 0.8,
        "an edited lead and a cut tail defeat the Jaccard test"
    );
    assert_eq!(by_source("reposter").kind, MatchKind::NearDuplicate);
    assert!(by_source("reposter").jaccard > 0.9);
}

#[test]
fn verification_is_what_finds_trimmed_copies() {
    let arts = wire_and_copies();
    let plain = dedup(
        &arts,
        &DedupConfig {
            verify: false,
            ..Default::default()
        },
    )
    .unwrap();
    // MinHash alone only finds the verbatim repost.
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].copies.len(), 1);
    assert_eq!(plain[0].copies[0].member.source, "reposter");
}

#[test]
fn an_earlier_copy_becomes_canonical() {
    let mut arts = wire_and_copies();
    // The trimmed version turns out to have been published first.
    arts[1].published = Some(day(2025, 12, 1));
    let groups = dedup(&arts, &DedupConfig::default()).unwrap();
    assert_eq!(groups[0].canonical.source, "trimmer");
    // Undated articles never win over dated ones; ties go to input order.
    let mut d = Deduper::new(DedupConfig::default()).unwrap();
    let undated: Vec<_> = arts
        .iter()
        .cloned()
        .map(|mut a| {
            a.published = None;
            a
        })
        .collect();
    for a in &undated {
        d.add(a);
    }
    assert_eq!(d.groups()[0].canonical.index, 0);
}

#[test]
fn different_reports_of_one_story_are_not_duplicates() {
    // The seeds share quotations but are separate reports.
    let groups = dedup(&seeds(), &DedupConfig::default()).unwrap();
    assert!(groups.is_empty(), "{groups:#?}");
}

#[test]
fn incremental_equals_batch_and_survives_serde() {
    let arts = wire_and_copies();
    let mut inc = Deduper::new(DedupConfig::default()).unwrap();
    for a in &arts[..2] {
        inc.add(a);
    }
    let json = serde_json::to_string(&inc).unwrap();
    let mut restored: Deduper = serde_json::from_str(&json).unwrap();
    for a in &arts[2..] {
        let out = restored.add(a);
        assert!(
            !out.matches.is_empty(),
            "the restored index still finds copies"
        );
    }
    let batch = dedup(&arts, &DedupConfig::default()).unwrap();
    assert_eq!(restored.groups(), batch);
}

#[test]
fn bad_config_is_an_error() {
    assert!(Deduper::new(DedupConfig {
        threshold: 1.5,
        ..Default::default()
    })
    .is_err());
    assert!(Deduper::new(DedupConfig {
        bands: Some((20, 20)),
        ..Default::default()
    })
    .is_err());
}
