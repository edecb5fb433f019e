//! Learned weights of the speaker ranker ([`crate::speakers`]), one table per
//! language, in the order of [`crate::speakers::FEATURES`].
//!
//! Written by `crosscheck bench learn-speakers` (see that verb for the data each
//! table was learned from); do not edit by hand, regenerate.

/// Weights for a language (ISO 639-1), or `None` when none were learned.
pub fn for_language(code: &str) -> Option<&'static [f32]> {
    match code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str() {
        "en" => Some(ENGLISH),
        _ => None,
    }
}

/// Placeholder until learned: the rule pass's pick wins.
pub const ENGLISH: &[f32] = &[0.0, 10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.5, 0.5, 0.0, 0.0, 0.0, 0.0, -0.5, 0.0, 0.0, 0.2, 0.0, -0.5, 0.3, 0.0, 0.0];
