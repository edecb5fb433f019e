//! Word-level views of text used by every comparison: tokens in match form with
//! hyphenated compounds split (so "non-existent" and "non existent" compare
//! equal), content tokens with a light stem, and the LCS word alignment.

use std::collections::HashSet;

use crosscheck_core::text::match_words;
use once_cell::sync::Lazy;

use crosscheck_lexicon::{english, NumberKind};

/// Words ignored when aligning claims and quotes lexically: the lexicon's
/// stopwords and abbreviated titles ("mr", "dr").
static STOP: Lazy<HashSet<&'static str>> =
    Lazy::new(|| english().stopwords.iter().chain(english().title_abbreviations).copied().collect());

/// Match-form words with hyphenated compounds split and possessive `'s` kept
/// attached; punctuation-only differences vanish.
pub fn diff_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in match_words(s) {
        if w.contains('-') {
            out.extend(w.split('-').filter(|p| !p.is_empty()).map(str::to_string));
        } else {
            out.push(w);
        }
    }
    out
}

/// A light stem: drops a possessive, then a plural or verbal ending, so
/// "cables"/"cable" and "severed"/"severing" meet.
pub fn stem(w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let w = w.trim_end_matches('\'');
    let n = w.chars().count();
    if n > 5 {
        for suf in ["ing", "ed"] {
            if let Some(s) = w.strip_suffix(suf) {
                return s.to_string();
            }
        }
    }
    if n > 4 {
        if let Some(s) = w.strip_suffix("ies") {
            return format!("{s}y");
        }
        if let Some(s) = w.strip_suffix("es") {
            if s.ends_with('s') || s.ends_with('x') || s.ends_with("ch") || s.ends_with("sh") {
                return s.to_string();
            }
        }
    }
    let w = if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") { &w[..w.len() - 1] } else { w };
    // "capture"/"captured", "damage"/"damaged" meet on the bare stem.
    if w.chars().count() > 4 && w.ends_with('e') && !w.ends_with("ee") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Whether a match-form word is a function word.
pub fn is_stop(w: &str) -> bool {
    STOP.contains(w)
}

/// Content tokens of a text: match-form words minus stop words, stemmed.
pub fn content_tokens(s: &str) -> Vec<String> {
    diff_words(s).into_iter().filter(|w| !is_stop(w)).map(|w| stem(&w)).collect()
}

/// The value of a number word: any spelled number of the lexicon, scales
/// included ("million"); abbreviated scales ("m", "bn") are no words of their own.
pub fn spelled_number(w: &str) -> Option<f64> {
    english().number_word(w).filter(|n| n.kind != NumberKind::ScaleAbbreviation).map(|n| n.value)
}

/// Whether a token is a number (digits or a number word).
pub fn is_number_token(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || spelled_number(w).is_some()
}

/// Capitalised words of the printed text that are not sentence-initial: a cheap
/// proxy for names, places and organisations, in match form.
pub fn name_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    // A kicker or label before a colon in the first words ("BREAKING NEWS:") is not a name.
    let s = match s.find(':') {
        Some(c) if crosscheck_core::text::word_count(&s[..c]) <= 3 && s[..c].chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) => &s[c + 1..],
        _ => s,
    };
    for raw in s.split_whitespace() {
        let word: String = raw.chars().filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '\u{2019}' || *c == '-').collect();
        let first = word.chars().next();
        if let Some(c) = first {
            if c.is_uppercase() && !sentence_start {
                for w in diff_words(&word) {
                    if !is_stop(&w) {
                        out.push(stem(&w));
                    }
                }
            }
        }
        sentence_start = raw.ends_with('.') || raw.ends_with(':') || raw.ends_with('?') || raw.ends_with('!')
            || raw.ends_with('"') && raw.len() == 1 || raw.starts_with('\u{201c}') && first.is_none();
    }
    out
}

/// One step of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Equal,
    /// In the first sequence only.
    Delete,
    /// In the second sequence only.
    Insert,
}

/// Longest-common-subsequence alignment of two word sequences, as steps.
pub fn lcs_steps(a: &[String], b: &[String]) -> Vec<(Step, String)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n + m);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((Step::Equal, a[i].clone()));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            out.push((Step::Delete, a[i].clone()));
            i += 1;
        } else {
            out.push((Step::Insert, b[j].clone()));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|w| (Step::Delete, w.clone())));
    out.extend(b[j..].iter().map(|w| (Step::Insert, w.clone())));
    out
}

/// Length of the longest common subsequence.
pub fn lcs_len(a: &[String], b: &[String]) -> usize {
    lcs_steps(a, b).iter().filter(|(s, _)| *s == Step::Equal).count()
}

/// Whether two word sequences say the same words: the longest common
/// subsequence covers `min_cover` of the shorter, at least half of the
/// shorter's word pairs recur in the other, and they share a run of three
/// words (or the whole shorter one), so scattered function words of a long
/// text never make a match.
pub fn same_words(a: &[String], b: &[String], min_cover: f64) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return false;
    }
    let l = lcs_len(short, long);
    if (l as f64) < min_cover * short.len() as f64 || l < short.len().min(2) {
        return false;
    }
    if short.len() <= 2 {
        return contains_run(long, short);
    }
    let pairs: std::collections::HashSet<(&String, &String)> = long.windows(2).map(|w| (&w[0], &w[1])).collect();
    let shared = short.windows(2).filter(|w| pairs.contains(&(&w[0], &w[1]))).count();
    let run = short.windows(3).any(|w| contains_run(long, w));
    run && shared as f64 >= 0.5 * (short.len() - 1) as f64
}

/// Whether `needle` occurs as a contiguous run inside `hay`.
pub fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_and_space_compare_equal() {
        assert_eq!(diff_words("non-existent plans"), diff_words("non existent plans"));
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("cables"), stem("cable"));
        assert_eq!(stem("severed"), stem("severing"));
        assert_eq!(stem("kremlin's"), "kremlin");
    }

    #[test]
    fn lcs_alignment_marks_insertions() {
        let a = diff_words("its population with");
        let b = diff_words("its own population with");
        let steps = lcs_steps(&a, &b);
        assert_eq!(steps.iter().filter(|(s, _)| *s == Step::Insert).count(), 1);
        assert_eq!(lcs_len(&a, &b), 3);
        assert!(contains_run(&b, &diff_words("own population")));
        assert!(!contains_run(&b, &diff_words("its population")));
    }

    #[test]
    fn capitalised_words_are_names() {
        let n = name_tokens("Recent incidents hit the Baltic Sea and Poland.");
        assert!(n.contains(&"baltic".to_string()) && n.contains(&"poland".to_string()));
        assert!(!n.contains(&"recent".to_string()));
    }
}
