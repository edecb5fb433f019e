//! Sentence vectors are kept in the store: a text embedded once, by this
//! process or an earlier one, is not embedded again. Uses the real model
//! (skipped without it, except under CI), counting the texts that reach it.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::{seed_articles, stored_membership, TestStore};
use crosscheck_core::{EncodeError, SentenceEncoder};
use crosscheck_pipeline::StoredVectors;

/// The model, with a count of the texts it was asked to embed; with
/// `memory`, it also offers the model's memory of vectors (else it has none,
/// and every lookup goes to the store).
#[derive(Debug)]
struct Counted {
    model: Arc<crosscheck_embed::SentenceEmbedder>,
    texts: AtomicUsize,
    memory: bool,
}

impl SentenceEncoder for Counted {
    fn model_name(&self) -> &str {
        self.model.model_name()
    }
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncodeError> {
        self.texts.fetch_add(texts.len(), Ordering::SeqCst);
        self.model.encode(texts)
    }
    fn reads_language(&self, language: Option<&str>) -> bool {
        self.model.reads_language(language)
    }
    fn remembered(&self, texts: &[&str]) -> Vec<Option<Vec<f32>>> {
        if self.memory { self.model.remembered(texts) } else { vec![None; texts.len()] }
    }
    fn remember(&self, texts: &[&str], vectors: &[&[f32]]) {
        if self.memory {
            self.model.remember(texts, vectors)
        }
    }
}

fn counted_model() -> Option<Arc<Counted>> {
    Some(Arc::new(Counted { model: crosscheck_testkit::encoder()?, texts: AtomicUsize::new(0), memory: false }))
}

/// Memory comes before the store: a remembered text is neither embedded nor
/// looked up, and a vector read back from the store is remembered again.
#[test]
fn remembered_vectors_come_before_the_store() {
    let Some(model) = crosscheck_testkit::encoder() else { return };
    let model = Arc::new(Counted { model, texts: AtomicUsize::new(0), memory: true });
    // Texts no other test embeds, so the shared model has not seen them.
    let texts = ["Memory first: the ferry left the harbour at dawn.", "Memory first: nine crew members were rescued."];
    let (a, b) = (TestStore::sqlite(), TestStore::sqlite());
    let first = StoredVectors::new(model.clone(), a.open()).encode(&texts).unwrap();
    assert_eq!(model.texts.load(Ordering::SeqCst), 2);
    // Store b has none of them, and memory has both.
    let from_memory = StoredVectors::new(model.clone(), b.open()).encode(&texts).unwrap();
    assert_eq!(model.texts.load(Ordering::SeqCst), 2, "remembered texts are not embedded");
    assert_eq!(from_memory, first);
    assert!(b.open().get_vectors(model.model_name(), &[*blake3::hash(texts[0].as_bytes()).as_bytes()]).unwrap()[0].is_none(), "nothing read or kept in b");
    // Forgotten, then read back from store a: remembered again for store b.
    model.model.clear_cache();
    assert_eq!(StoredVectors::new(model.clone(), a.open()).encode(&texts).unwrap(), first);
    assert_eq!(StoredVectors::new(model.clone(), b.open()).encode(&texts).unwrap(), first);
    assert_eq!(model.texts.load(Ordering::SeqCst), 2, "vectors read from the store are remembered");
}


fn embedded_once_then_read(ts: TestStore) {
    let Some(model) = counted_model() else { return };
    let texts = ["Two undersea cables were cut.", "Prices rose sharply in March.", "Two undersea cables were cut."];
    let first = StoredVectors::new(model.clone(), ts.open()).encode(&texts).unwrap();
    assert_eq!(model.texts.load(Ordering::SeqCst), 3, "nothing stored yet: every text reaches the model");
    assert_eq!(first[0], first[2]);
    assert_eq!(first[0].len(), 384);
    // A new store handle (as a new process would open) finds them all.
    let again = StoredVectors::new(model.clone(), ts.open()).encode(&texts).unwrap();
    assert_eq!(model.texts.load(Ordering::SeqCst), 3, "stored vectors are not embedded again");
    assert_eq!(again, first);
    // Only the new text of a mixed batch is embedded.
    let mixed = StoredVectors::new(model.clone(), ts.open()).encode(&["A third sentence, new.", texts[1]]).unwrap();
    assert_eq!(model.texts.load(Ordering::SeqCst), 4);
    assert_eq!(mixed[1], first[1]);
}

#[test]
fn vectors_are_embedded_once_and_then_read_from_sqlite() {
    embedded_once_then_read(TestStore::sqlite());
}

#[test]
fn vectors_are_embedded_once_and_then_read_from_postgres() {
    if let Some(ts) = TestStore::postgres("vectors_are_embedded_once_and_then_read_from_postgres") {
        embedded_once_then_read(ts);
    }
}

/// Stories rebuilt from the stored articles (the clusterer's state lost)
/// come out the same without a single text embedded again.
#[test]
fn rebuilt_stories_embed_nothing_twice() {
    let Some(model) = counted_model() else { return };
    let articles = seed_articles();
    let ts = TestStore::sqlite();
    let before = {
        let p = ts.pipeline_with(Some(model.clone()));
        p.ingest(&articles).unwrap();
        assert!(p.wait_idle(std::time::Duration::from_secs(120)));
        p.persist().unwrap();
        stored_membership(&p)
    };
    let embedded = model.texts.load(Ordering::SeqCst);
    assert!(embedded > articles.len(), "titles and claim sentences embedded: {embedded}");
    ts.open().put_state(crosscheck_pipeline::tables::CLUSTER_STATE_KEY, b"{ not the state").unwrap();
    let p = ts.pipeline_with(Some(model.clone()));
    assert!(p.wait_idle(std::time::Duration::from_secs(120)));
    assert_eq!(stored_membership(&p), before);
    assert_eq!(model.texts.load(Ordering::SeqCst), embedded, "every vector came from the store");
}
