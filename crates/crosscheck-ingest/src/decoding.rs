//! Bytes to text for the readers that decode themselves (plain text, JSONL):
//! refuse binary junk, read mostly-UTF-8 as UTF-8, otherwise defer to
//! [`crosscheck_core::decode::decode`].

use crosscheck_core::decode::{decode, looks_binary, Decoded, EncodingEvidence};

use crate::tables;

/// Decode the bytes of one text input, or say why they are not text.
///
/// * binary data (NUL bytes, many control bytes) is refused;
/// * UTF-8 with a few broken sequences stays UTF-8 (broken bytes become
///   U+FFFD) instead of being re-read as a legacy encoding;
/// * a declared label `encoding_rs` does not know is ignored (the bytes
///   speak for themselves), not an error;
/// * text that comes out mostly U+FFFD is refused as junk.
pub fn decode_text(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, String> {
    if looks_binary(bytes) {
        return Err("binary data, not text (NUL or control bytes)".to_string());
    }
    let decoded = match mostly_utf8(bytes) {
        Some(text) if std::str::from_utf8(bytes).is_err() && !has_bom(bytes) => Decoded {
            text,
            encoding: "UTF-8",
            evidence: EncodingEvidence::ValidUtf8,
            malformed: true,
        },
        _ => decode(bytes, declared),
    };
    if is_junk(&decoded.text) {
        return Err(format!(
            "undecodable bytes: most of the text is not valid in any encoding (read as {})",
            decoded.encoding
        ));
    }
    Ok(decoded)
}

fn has_bom(bytes: &[u8]) -> bool {
    encoding_rs::Encoding::for_bom(bytes).is_some()
}

/// The bytes as UTF-8 with replacements, if they are UTF-8 with only a few
/// broken sequences: some multi-byte sequences decode and the broken ones are
/// a small share of the non-ASCII ones.
fn mostly_utf8(bytes: &[u8]) -> Option<String> {
    let mut valid_multibyte = 0usize;
    let mut broken = 0usize;
    let mut previous_invalid = false;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        // A run of adjacent broken sequences counts once: one damaged spot.
        let joins_run = previous_invalid && chunk.valid().is_empty();
        if !chunk.invalid().is_empty() && !joins_run {
            broken += 1;
        }
        previous_invalid = !chunk.invalid().is_empty();
    }
    (valid_multibyte > 0 && valid_multibyte >= broken * tables::MOSTLY_UTF8_MIN_VALID_PER_BROKEN).then(|| String::from_utf8_lossy(bytes).into_owned())
}

/// Whether decoded text is mostly replacement characters.
pub fn is_junk(text: &str) -> bool {
    let mut total = 0usize;
    let mut replaced = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c == '\u{fffd}' {
            replaced += 1;
        }
    }
    total > 0 && replaced * 1000 > total * tables::JUNK_REPLACEMENT_PER_MILLE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_stray_byte_keeps_utf8() {
        let mut b = "Caf\u{e9} \u{201c}quoted\u{201d} \u{2013} fine".as_bytes().to_vec();
        b.push(0xff);
        b.extend_from_slice(" more".as_bytes());
        let d = decode_text(&b, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.malformed);
        assert!(d.text.contains("\u{201c}quoted\u{201d}"), "{}", d.text);
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn latin1_is_not_taken_for_utf8() {
        let d = decode_text(b"caf\xe9 cr\xe8me br\xfbl\xe9e et g\xe2teau", None).unwrap();
        assert!(d.text.contains("caf\u{e9}"), "{}", d.text);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode_text(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13], None).is_err());
    }

    #[test]
    fn unknown_declared_label_is_ignored() {
        let d = decode_text(b"plain words", Some("x-no-such-charset")).unwrap();
        assert_eq!(d.text, "plain words");
    }
}
