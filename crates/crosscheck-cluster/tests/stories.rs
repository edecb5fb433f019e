//! Story clustering on the seed reports (the labelled-corpus tests are
//! `crosscheck-bench`'s `tests/stories.rs`).

mod common;

use common::{article, day, paragraphs, seeds};
use crosscheck_cluster::{cluster, StoryConfig};

#[test]
fn the_five_seeds_form_one_story() {
    let seeds = seeds();
    let c = cluster(&seeds, &StoryConfig::default(), None).unwrap();
    let stories = c.stories();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(stories[0].articles.len(), 5);
    assert_eq!(stories[0].id, format!("story-{}", seeds[0].id));
    assert!(stories[0].articles.iter().all(|a| a.duplicate_of.is_none()));
}

#[test]
fn copies_join_their_original_story_as_one_source() {
    let seeds = seeds();
    let wire = seeds.iter().max_by_key(|a| a.word_count()).unwrap().clone();
    let paras = paragraphs(&wire);
    let trimmed = article(
        "trimmer",
        "trimmed.txt",
        &paras[..paras.len() / 2].join("\n\n"),
        Some(day(2025, 12, 3)),
    );
    // Dated articles rank before undated ones as first publishers, so date the seeds.
    let mut arts: Vec<_> = seeds
        .iter()
        .cloned()
        .map(|mut a| {
            a.published = Some(day(2025, 12, 2));
            a
        })
        .collect();
    arts.push(trimmed.clone());
    let c = cluster(&arts, &StoryConfig::default(), None).unwrap();
    let stories = c.stories();
    assert_eq!(stories.len(), 1);
    let t = stories[0]
        .articles
        .iter()
        .find(|a| a.id == trimmed.id)
        .unwrap();
    assert_eq!(t.duplicate_of.as_ref(), Some(&wire.id));
}
