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

fn with_event_signals() -> StoryConfig {
    StoryConfig { event_signals: true, ..StoryConfig::default() }
}

#[test]
fn with_event_signals_the_seeds_stay_one_story_and_one_storyline() {
    let seeds = seeds();
    let c = cluster(&seeds, &with_event_signals(), None).unwrap();
    let stories = c.stories();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    let lines = c.storylines();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0].id, format!("storyline-{}", stories[0].id));
    assert_eq!(lines[0].stories, vec![stories[0].id.clone()]);
}

#[test]
fn with_event_signals_one_by_one_equals_batch() {
    let seeds = seeds();
    let batch = cluster(&seeds, &with_event_signals(), None).unwrap();
    let mut inc = crosscheck_cluster::StoryClusterer::new(with_event_signals()).unwrap();
    for a in &seeds {
        inc.add(a);
    }
    assert_eq!(inc.labels(), batch.labels());
    assert_eq!(inc.storylines(), batch.storylines());
}

#[test]
fn every_story_is_in_one_storyline() {
    let seeds = seeds();
    let c = cluster(&seeds, &StoryConfig::default(), None).unwrap();
    let ids: Vec<String> = c.storylines().into_iter().flat_map(|l| l.stories).collect();
    let stories: Vec<String> = c.stories().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, stories);
}

fn two_pass() -> StoryConfig {
    StoryConfig {
        partition: true,
        ..StoryConfig::default()
    }
}

#[test]
fn two_pass_the_seeds_stay_one_story_and_one_storyline() {
    let seeds = seeds();
    let c = cluster(&seeds, &two_pass(), None).unwrap();
    let stories = c.stories();
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(stories[0].articles.len(), 5);
    assert_eq!(stories[0].id, format!("story-{}", seeds[0].id));
    let lines = c.storylines();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0].stories, vec![stories[0].id.clone()]);
}

#[test]
fn two_pass_one_by_one_equals_batch_and_a_saved_state_goes_on_alike() {
    // The seeds twice over, the second time re-worded enough not to be copies, so
    // the coverage group is re-partitioned many times.
    let mut arts = seeds();
    for a in seeds() {
        let text = a.text.replace(". ", ". Meanwhile, ");
        arts.push(article(
            &format!("{}-2", a.source),
            &format!("{}-2", a.path),
            &text,
            a.published.clone(),
        ));
    }
    let batch = cluster(&arts, &two_pass(), None).unwrap();
    let mut inc = crosscheck_cluster::StoryClusterer::new(two_pass()).unwrap();
    let half = arts.len() / 2;
    for a in &arts[..half] {
        inc.add(a);
    }
    let saved = serde_json::to_string(&inc).unwrap();
    let mut inc: crosscheck_cluster::StoryClusterer = serde_json::from_str(&saved).unwrap();
    for a in &arts[half..] {
        inc.add(a);
    }
    assert_eq!(inc.labels(), batch.labels());
    assert_eq!(inc.stories(), batch.stories());
    assert_eq!(inc.events(), batch.events());
    // Every article is in exactly one story, the one `story_of` names.
    let mut seen = 0;
    for s in batch.stories() {
        for a in &s.articles {
            assert_eq!(batch.story_of(a.index), Some(s.id.as_str()));
            seen += 1;
        }
    }
    assert_eq!(seen, arts.len());
}
