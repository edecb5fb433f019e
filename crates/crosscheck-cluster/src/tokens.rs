//! Streaming word tokens and fast hashes.
//!
//! [`scan`] yields the same words as [`crosscheck_core::text::match_words`]
//! (case-folded, quotes and dashes folded, word-internal `'`/`-` kept) without
//! allocating a `String` per word, plus sentence boundaries and whether each
//! word was capitalised as printed. Dedup hashes 100k documents a second through
//! it, so it works on one reused buffer. Stored texts are already NFC (the core
//! invariant), so no normalisation pass is needed here.

use crosscheck_core::text::fold_char;

/// One event of [`scan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// A word in match form; `capitalised` when its first printed letter is upper case.
    Word { word: &'a str, capitalised: bool },
    /// The end of a sentence (terminal punctuation followed by space, or a line break).
    SentenceEnd,
}

/// Tokenise `text` into words and sentence ends (see the module doc).
pub fn scan(text: &str, mut f: impl FnMut(Event<'_>)) {
    let mut cur = String::with_capacity(32);
    let mut cur_cap = false;
    // A `'` or `-` after a word joins only when a letter or digit follows.
    let mut pending_join: Option<char> = None;
    // Terminal punctuation seen; a following space confirms the sentence end.
    let mut pending_end = false;
    let mut words_in_sentence = 0usize;
    // Length of the word just ended: a full stop after a single letter is an
    // initial or an abbreviation ("U.S."), not a sentence end.
    let mut last_len = 0usize;

    macro_rules! flush_word {
        () => {
            if !cur.is_empty() {
                f(Event::Word {
                    word: &cur,
                    capitalised: cur_cap,
                });
                words_in_sentence += 1;
                last_len = cur.len();
                cur.clear();
            }
        };
    }
    macro_rules! end_sentence {
        () => {
            if words_in_sentence > 0 {
                f(Event::SentenceEnd);
                words_in_sentence = 0;
            }
        };
    }

    macro_rules! handle {
        ($c:expr, $raw:expr) => {{
            let c: char = $c;
            let raw: char = $raw;
            if c.is_alphanumeric() {
                if let Some(j) = pending_join.take() {
                    cur.push(j);
                }
                if pending_end {
                    // "U.S" or "3.5": the dot was inside a token, not a sentence end.
                    pending_end = false;
                }
                if cur.is_empty() {
                    cur_cap = raw.is_uppercase();
                }
                cur.push(c);
                continue;
            }
            if pending_join.take().is_some() {
                // `'`/`-` not followed by a letter: the word ended before it.
                flush_word!();
            }
            if (c == '\'' || c == '-') && !cur.is_empty() {
                pending_join = Some(c);
                continue;
            }
            let had_word = !cur.is_empty();
            flush_word!();
            if c == '.' && had_word && last_len == 1 {
                // An initial: keep the sentence open.
            } else if c == '.' || c == '!' || c == '?' {
                pending_end = true;
            } else if c == ' ' {
                if pending_end {
                    end_sentence!();
                    pending_end = false;
                }
            } else if c != '"' && c != '\'' && c != ')' {
                // Closing quotes and brackets may sit between the full stop and the space.
                pending_end = false;
            }
        }};
    }

    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b == b'\n' {
            pos += 1;
            pending_join = None;
            flush_word!();
            end_sentence!();
            pending_end = false;
            continue;
        }
        // A run of ASCII letters and digits: copy it in one go (most of the text).
        if b.is_ascii_alphanumeric() {
            let end = bytes[pos..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .map_or(bytes.len(), |k| pos + k);
            if let Some(j) = pending_join.take() {
                cur.push(j);
            }
            // "U.S" or "3.5": a dot inside a token is not a sentence end.
            pending_end = false;
            if cur.is_empty() {
                cur_cap = b.is_ascii_uppercase();
            }
            let from = cur.len();
            cur.push_str(&text[pos..end]);
            cur[from..].make_ascii_lowercase();
            pos = end;
            continue;
        }
        // Other ASCII needs no decoding and no folding table.
        if b.is_ascii() && !b.is_ascii_control() {
            pos += 1;
            let raw = b as char;
            let c = if b == b'`' {
                '\''
            } else {
                b.to_ascii_lowercase() as char
            };
            handle!(c, raw);
        } else {
            let raw = text[pos..].chars().next().expect("char boundary");
            pos += raw.len_utf8();
            let Some(folded) = fold_char(raw) else {
                continue;
            };
            for c in folded.to_lowercase() {
                handle!(c, raw);
            }
        }
    }

    // A trailing `'`/`-` is dropped, as in `match_words`.
    if !cur.is_empty() {
        f(Event::Word {
            word: &cur,
            capitalised: cur_cap,
        });
        words_in_sentence += 1;
    }
    if words_in_sentence > 0 {
        f(Event::SentenceEnd);
    }
}

/// Words of `text` in match form (allocating; for tests and small inputs).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    scan(text, |e| {
        if let Event::Word { word, .. } = e {
            out.push(word.to_string());
        }
    });
    out
}

/// Final avalanche of MurmurHash3 (fmix64): every input bit flips every output
/// bit with probability ~1/2.
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// A fast, stable 64-bit hash of bytes (word-at-a-time multiply-rotate, then
/// [`mix64`]). Stable across runs and platforms, so hashes can be persisted.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (bytes.len() as u64).wrapping_mul(K) ^ 0x243f_6a88_85a3_08d3;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("chunk of 8"));
        h = (h ^ v).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(buf))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    mix64(h)
}

/// Order-sensitive combination of a running hash with the next element.
#[inline]
pub fn combine(h: u64, next: u64) -> u64 {
    (h.rotate_left(23) ^ next).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A `HashMap` hasher for keys that are already uniform hashes (band keys,
/// fingerprints, term ids): it passes them through, after one multiply for
/// narrower keys. Deterministic, unlike the default `RandomState`.
#[derive(Debug, Default, Clone, Copy)]
pub struct PrehashedBuild;

/// See [`PrehashedBuild`].
#[derive(Debug, Default, Clone, Copy)]
pub struct Prehashed(u64);

impl std::hash::BuildHasher for PrehashedBuild {
    type Hasher = Prehashed;
    fn build_hasher(&self) -> Prehashed {
        Prehashed(0)
    }
}

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = combine(self.0, hash_bytes(bytes));
    }
    fn write_u64(&mut self, v: u64) {
        self.0 ^= v;
    }
    fn write_u32(&mut self, v: u32) {
        self.0 ^= (v as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(mix64(v as u64));
    }
}

/// `HashMap` with [`PrehashedBuild`].
pub type PreMap<K, V> = std::collections::HashMap<K, V, PrehashedBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_core::text::match_words;

    #[test]
    fn same_words_as_match_words() {
        for s in [
            "Hybrid warfare is asymmetric \u{2014} it costs them little, and us a lot.",
            "non-existent Kremlin\u{2019}s  O'Neil -- x- y'  'quoted' e.g. U.S. 3.5% \u{201c}Being proactive\u{201d}",
            "İstanbul ÉCOLE straße a\u{1}b",
        ] {
            assert_eq!(words(s), match_words(s), "{s}");
        }
        for entry in
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds")).unwrap()
        {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let text = crosscheck_core::text::normalize_document(&text);
            assert_eq!(words(&text), match_words(&text));
        }
    }

    #[test]
    fn sentences_and_capitals() {
        let mut sents = 0;
        let mut caps = Vec::new();
        scan(
            "NATO said \u{201c}no.\u{201d} Then U.S. officials met.\nNew line here",
            |e| match e {
                Event::SentenceEnd => sents += 1,
                Event::Word { word, capitalised } => {
                    if capitalised {
                        caps.push(word.to_string())
                    }
                }
            },
        );
        assert_eq!(sents, 3);
        assert_eq!(caps, vec!["nato", "then", "u", "s", "new"]);
    }

    #[test]
    fn hashes_are_stable_and_spread() {
        assert_eq!(hash_bytes(b"abc"), hash_bytes(b"abc"));
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"abd"));
        assert_ne!(hash_bytes(b""), hash_bytes(b"\0"));
        assert_ne!(combine(combine(0, 1), 2), combine(combine(0, 2), 1));
    }
}
