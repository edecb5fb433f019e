//! The interface stages use to compare meaning: a sentence encoder.
//!
//! Story clustering and claim alignment can use sentence embeddings as one
//! signal among others. They depend on this trait, not on a model: the model
//! (`crosscheck-embed`, all-MiniLM-L6-v2 on its own BERT) is chosen by the program on
//! top, and a stage given no encoder works on its lexical signals alone.

/// Turns sentences into unit-length vectors whose dot product is their
/// similarity of meaning (cosine).
pub trait SentenceEncoder: Send + Sync + std::fmt::Debug {
    /// A name for logs and reports, e.g. `all-MiniLM-L6-v2`.
    fn model_name(&self) -> &str;
    /// One unit vector per text, in order.
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncodeError>;
    /// Whether the model reads text of this language (ISO 639-1; `None`:
    /// not detected). Texts it does not read get no vector: a model's vectors
    /// of a language it was not trained on are alike whatever they say.
    fn reads_language(&self, language: Option<&str>) -> bool {
        let _ = language;
        true
    }
    /// The vectors of `texts` this encoder still holds in memory, `None`
    /// where it holds none, without running the model: a caller that also
    /// keeps vectors elsewhere (a store) asks here first, so memory stays in
    /// front of the slower copy. An encoder without a memory holds none.
    fn remembered(&self, texts: &[&str]) -> Vec<Option<Vec<f32>>> {
        vec![None; texts.len()]
    }
    /// Hold vectors of `texts` that were read back from elsewhere, as if they
    /// had just been encoded. An encoder without a memory ignores them.
    fn remember(&self, texts: &[&str], vectors: &[&[f32]]) {
        let _ = (texts, vectors);
    }
}

/// An encoder failed on a batch (the model could not run).
#[derive(Debug, thiserror::Error)]
#[error("sentence encoder {model}: {reason}")]
pub struct EncodeError {
    pub model: String,
    pub reason: String,
}

/// Cosine of two unit vectors (their dot product); 0 for vectors of different length.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
