//! Sentence vectors kept in the store, so that no text is embedded twice: not
//! when a story's dossier is rebuilt after a restart, not when `analyze` runs
//! again over articles it has seen, not when another process on the same
//! database embedded it first.

use std::sync::Arc;

use crosscheck_core::{EncodeError, SentenceEncoder};
use crosscheck_store::{Store, VectorKey};

/// An encoder that looks each text up in the store (by its model's name and
/// the BLAKE3 hash of the text) and embeds only the texts not found there,
/// keeping their vectors for next time. The encoder's own memory comes first
/// ([`SentenceEncoder::remembered`]): a server rebuilding a story's dossier
/// reads from the store only what memory has forgotten, and what it reads
/// there is remembered again.
///
/// The store is a cache here, never a source of failure: a lookup or a write
/// that fails is logged and the texts are embedded (or their vectors used)
/// as if no store were there.
#[derive(Clone)]
pub struct StoredVectors {
    encoder: Arc<dyn SentenceEncoder>,
    store: Arc<dyn Store>,
}

impl std::fmt::Debug for StoredVectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredVectors").field("encoder", &self.encoder).finish_non_exhaustive()
    }
}

impl StoredVectors {
    /// `encoder`'s vectors, kept in `store`.
    pub fn new(encoder: Arc<dyn SentenceEncoder>, store: Arc<dyn Store>) -> StoredVectors {
        StoredVectors { encoder, store }
    }
}

impl SentenceEncoder for StoredVectors {
    fn model_name(&self) -> &str {
        self.encoder.model_name()
    }

    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncodeError> {
        let model = self.encoder.model_name();
        let mut vectors = self.encoder.remembered(texts);
        vectors.resize(texts.len(), None);
        let unremembered: Vec<usize> = (0..texts.len()).filter(|&i| vectors[i].is_none()).collect();
        if unremembered.is_empty() {
            return Ok(vectors.into_iter().map(Option::unwrap_or_default).collect());
        }
        let keys: Vec<VectorKey> = texts.iter().map(|t| *blake3::hash(t.as_bytes()).as_bytes()).collect();
        let wanted: Vec<VectorKey> = unremembered.iter().map(|&i| keys[i]).collect();
        let mut stored = self.store.get_vectors(model, &wanted).unwrap_or_else(|e| {
            tracing::warn!("stored sentence vectors not read ({e}); embedding the texts");
            vec![None; wanted.len()]
        });
        stored.resize(wanted.len(), None);
        for (&i, v) in unremembered.iter().zip(stored) {
            vectors[i] = v;
        }
        let (read_texts, read_vectors): (Vec<&str>, Vec<&[f32]>) =
            unremembered.iter().filter_map(|&i| Some((texts[i], vectors[i].as_deref()?))).unzip();
        self.encoder.remember(&read_texts, &read_vectors);
        let missing: Vec<usize> = (0..texts.len()).filter(|&i| vectors[i].is_none()).collect();
        if !missing.is_empty() {
            let fresh = self.encoder.encode(&missing.iter().map(|&i| texts[i]).collect::<Vec<_>>())?;
            let keep: Vec<(VectorKey, &[f32])> =
                missing.iter().zip(&fresh).filter(|(_, v)| !v.is_empty()).map(|(&i, v)| (keys[i], v.as_slice())).collect();
            if let Err(e) = self.store.put_vectors(model, &keep) {
                tracing::warn!("sentence vectors not kept in the store ({e}); they will be embedded again next time");
            }
            for (i, v) in missing.into_iter().zip(fresh) {
                vectors[i] = Some(v);
            }
        }
        Ok(vectors.into_iter().map(Option::unwrap_or_default).collect())
    }

    fn reads_language(&self, language: Option<&str>) -> bool {
        self.encoder.reads_language(language)
    }

    fn remembered(&self, texts: &[&str]) -> Vec<Option<Vec<f32>>> {
        self.encoder.remembered(texts)
    }

    fn remember(&self, texts: &[&str], vectors: &[&[f32]]) {
        self.encoder.remember(texts, vectors)
    }
}
