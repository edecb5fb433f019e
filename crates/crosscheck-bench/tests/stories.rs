//! Story clustering on the labelled corpus: the fixture stories plus the seed
//! reports as one more story, scored with B-cubed and pairwise F1.

use std::collections::{BTreeMap, BTreeSet};

use crosscheck_bench::corpus::labelled_corpus;
use crosscheck_bench::metrics::{bcubed, pairwise};
use crosscheck_cluster::{cluster, StoryClusterer, StoryConfig};
use crosscheck_core::Article;

/// Fixture stories plus seeds, with gold labels.
fn labelled() -> (Vec<Article>, Vec<String>) {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories.json");
    labelled_corpus(&fixtures, Some(&crosscheck_testkit::fixtures::seeds_dir())).unwrap()
}

fn show(c: &StoryClusterer, gold: &[String]) -> String {
    let mut m: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for (l, g) in c.labels().iter().zip(gold) {
        m.entry(*l).or_default().push(g);
    }
    format!("{m:?}")
}

#[test]
fn unrelated_stories_stay_apart_and_seeds_stay_together() {
    let (arts, gold) = labelled();
    let c = cluster(&arts, &StoryConfig::default(), None).unwrap();
    let pred = c.labels();
    let b = bcubed(&pred, &gold.iter().map(String::as_str).collect::<Vec<_>>());
    let p = pairwise(&pred, &gold.iter().map(String::as_str).collect::<Vec<_>>());
    // No predicted story mixes two gold stories.
    assert_eq!(b.precision, 1.0, "{}", show(&c, &gold));
    assert!(
        b.recall >= 0.9,
        "B-cubed recall {} {}",
        b.recall,
        show(&c, &gold)
    );
    assert!(p.f1 >= 0.9, "pairwise F1 {}", p.f1);
    let seed_labels: BTreeSet<u32> = pred
        .iter()
        .zip(&gold)
        .filter(|(_, g)| *g == "seeds")
        .map(|(l, _)| *l)
        .collect();
    assert_eq!(seed_labels.len(), 1, "seeds split: {}", show(&c, &gold));
}

#[test]
fn batch_equals_one_by_one() {
    let (arts, _) = labelled();
    let mut inc = StoryClusterer::new(StoryConfig::default()).unwrap();
    let mut ids = Vec::new();
    for a in &arts {
        ids.push(inc.add(a).story_id);
    }
    let batch = cluster(&arts, &StoryConfig::default(), None).unwrap();
    assert_eq!(inc.labels(), batch.labels());
    assert_eq!(inc.stories(), batch.stories());
    assert_eq!(
        serde_json::to_value(&inc).unwrap(),
        serde_json::to_value(&batch).unwrap()
    );
    // Ids handed out on arrival still name the article's story (or an alias of it).
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(inc.resolve(id), inc.story_of(i as u32));
    }
}

#[test]
fn serde_round_trip_keeps_story_ids() {
    let (arts, _) = labelled();
    let half = arts.len() / 2;
    let mut first = StoryClusterer::new(StoryConfig::default()).unwrap();
    for a in &arts[..half] {
        first.add(a);
    }
    let before: Vec<String> = (0..half as u32)
        .map(|i| first.story_of(i).unwrap().to_string())
        .collect();
    let json = serde_json::to_string(&first).unwrap();
    let mut restored: StoryClusterer = serde_json::from_str(&json).unwrap();
    let after: Vec<String> = (0..half as u32)
        .map(|i| restored.story_of(i).unwrap().to_string())
        .collect();
    assert_eq!(before, after);
    for a in &arts[half..] {
        restored.add(a);
    }
    let straight = cluster(&arts, &StoryConfig::default(), None).unwrap();
    assert_eq!(
        restored.stories(),
        straight.stories(),
        "a restart changes nothing"
    );
}

#[test]
fn late_article_joins_an_existing_story_and_ids_are_stable() {
    let (arts, gold) = labelled();
    // Hold back the first article of one fixture story and deliver it last.
    let late = gold.iter().position(|g| g == "baltic-cable").unwrap();
    let mut order: Vec<usize> = (0..arts.len()).filter(|&i| i != late).collect();
    order.push(late);
    let mut c = StoryClusterer::new(StoryConfig::default()).unwrap();
    let mut first_ids = Vec::new();
    for &i in &order {
        first_ids.push(c.add(&arts[i]).story_id);
    }
    let last = c.story_of(order.len() as u32 - 1).unwrap().to_string();
    let sibling = order
        .iter()
        .position(|&i| gold[i] == "baltic-cable")
        .unwrap();
    assert_eq!(
        c.story_of(sibling as u32).unwrap(),
        last,
        "the late article joins its story"
    );
    for (k, id) in first_ids.iter().enumerate() {
        assert_eq!(c.resolve(id), c.story_of(k as u32));
    }
}

/// Sentence embeddings as a further signal: on the labelled corpus they keep
/// every story pure and join what word overlap leaves apart; the batch and
/// one-by-one runs still agree. (Skipped without the model, except under CI.)
#[test]
fn embeddings_join_reworded_coverage_and_keep_stories_pure() {
    let Some(model) = crosscheck_testkit::encoder() else { return };
    let encoder: &dyn crosscheck_core::SentenceEncoder = model.as_ref();
    let (arts, gold) = labelled();
    let gold_labels: Vec<&str> = gold.iter().map(String::as_str).collect();
    let lexical = bcubed(&cluster(&arts, &StoryConfig::default(), None).unwrap().labels(), &gold_labels);
    let c = cluster(&arts, &StoryConfig::default(), Some(encoder)).unwrap();
    let with = bcubed(&c.labels(), &gold_labels);
    assert_eq!(with.precision, 1.0, "{}", show(&c, &gold));
    assert!(with.recall > lexical.recall, "recall {} with embeddings, {} without: {}", with.recall, lexical.recall, show(&c, &gold));
    let embeddings = crosscheck_cluster::embed_articles(&arts, encoder);
    let mut one_by_one = StoryClusterer::new(StoryConfig::default()).unwrap();
    for (a, e) in arts.iter().zip(embeddings) {
        let prepared = one_by_one.prepare(a).with_embedding(e);
        one_by_one.add_prepared(a, prepared);
    }
    assert_eq!(one_by_one.labels(), c.labels());
}

/// The model reads English: an article detected as another language goes
/// without an embedding (and clusters on its words), one of unknown language
/// gets one.
#[test]
fn articles_the_model_cannot_read_get_no_embedding() {
    let Some(model) = crosscheck_testkit::encoder() else { return };
    let (mut arts, _) = labelled();
    arts.truncate(3);
    arts[0].language = Some("en".into());
    arts[1].language = Some("pl".into());
    arts[2].language = None;
    let e = crosscheck_cluster::embed_articles(&arts, model.as_ref());
    assert!(e[0].is_some() && e[1].is_none() && e[2].is_some());
}

/// A folder of reports is read as ingest reads it: the story is labelled with
/// the folder's name, and a report carries a date only where its reader found
/// one in it (a dateline), never a date made up for the benchmark.
#[test]
fn a_story_folder_carries_the_dates_ingest_finds() {
    let (arts, gold) = labelled();
    let seeds_dir = crosscheck_testkit::fixtures::seeds_dir();
    let label = crosscheck_bench::corpus::folder_label(&seeds_dir);
    let folder: Vec<&Article> = arts.iter().zip(&gold).filter(|(_, g)| **g == label).map(|(a, _)| a).collect();
    let ingested = crosscheck_testkit::fixtures::ingest(&seeds_dir);
    assert_eq!(folder.len(), ingested.len(), "every report of the folder, as one story");
    for a in &folder {
        let read = ingested.iter().find(|i| i.id == a.id).expect("the same article as ingest reads");
        assert_eq!(a.published, read.published, "{}: the date ingest gave it", a.source);
        if let Some(p) = &a.published {
            assert_ne!(p.method, crosscheck_core::DateMethod::Record, "{}: a folder report has no record date", a.source);
        }
    }
    // The labelled corpus is in feed order: undated first, then by day.
    let days: Vec<_> = arts.iter().map(|a| a.published.as_ref().map(|p| p.date)).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
}
