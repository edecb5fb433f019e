//! Bytes to text: every reader decodes through here, so one file's encoding is
//! judged the same way whatever its container.
//!
//! Order of evidence, strongest first: a byte-order mark; the encoding the
//! container declares (HTTP/WARC `Content-Type`, HTML `<meta charset>`, XML
//! prolog), if it names one `encoding_rs` knows; valid UTF-8; otherwise
//! `chardetng`'s guess from the bytes. Text is never silently mangled:
//! [`Decoded::malformed`] says when bytes had to be replaced, and
//! [`looks_binary`] lets a reader refuse junk before decoding it at all.

use encoding_rs::{Encoding, UTF_8};

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding used ("UTF-8", "windows-1252", "Shift_JIS"...).
    pub encoding: &'static str,
    /// How the encoding was chosen.
    pub evidence: EncodingEvidence,
    /// Whether some bytes were not valid in that encoding (replaced by U+FFFD).
    pub malformed: bool,
}

/// How [`decode`] chose an encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingEvidence {
    ByteOrderMark,
    Declared,
    ValidUtf8,
    Detected,
}

/// Look up an encoding label as browsers do ("utf8", "latin1", "x-sjis"...).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())
}

/// Decode `bytes`. `declared` is the charset label the container gives, if any.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, malformed) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded { text: text.into_owned(), encoding: enc.name(), evidence: EncodingEvidence::ByteOrderMark, malformed };
    }
    // Valid UTF-8 beats a legacy declaration: a page declared Latin-1 that is in
    // fact UTF-8 is common, while Latin-1 text with non-ASCII bytes is almost
    // never valid UTF-8 by accident.
    let declared = declared.and_then(encoding_for_label).map(|e| e.output_encoding());
    if let Ok(s) = std::str::from_utf8(bytes) {
        let evidence = if declared == Some(UTF_8) { EncodingEvidence::Declared } else { EncodingEvidence::ValidUtf8 };
        return Decoded { text: s.to_string(), encoding: UTF_8.name(), evidence, malformed: false };
    }
    if let Some(enc) = declared {
        let (text, malformed) = enc.decode_without_bom_handling(bytes);
        return Decoded { text: text.into_owned(), encoding: enc.name(), evidence: EncodingEvidence::Declared, malformed };
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, true);
    let (text, malformed) = enc.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: enc.name(), evidence: EncodingEvidence::Detected, malformed }
}

/// Whether `bytes` look like binary data rather than text in any encoding:
/// NUL bytes or a high share of control bytes in the first 8 KiB. UTF-16 with a
/// BOM is text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    head.contains(&0) || control * 100 > head.len() * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_declaration() {
        let d = decode("Zakazy \u{201c}ok\u{201d}".as_bytes(), None);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.evidence, EncodingEvidence::ValidUtf8);
        assert!(!d.malformed);
    }

    #[test]
    fn declared_latin1() {
        let d = decode(b"caf\xe9 cr\xe8me", Some("iso-8859-1"));
        assert_eq!(d.text, "caf\u{e9} cr\u{e8}me");
        assert_eq!(d.evidence, EncodingEvidence::Declared);
    }

    #[test]
    fn utf8_bytes_under_a_legacy_declaration_stay_utf8() {
        let d = decode("caf\u{e9} \u{201c}x\u{201d}".as_bytes(), Some("iso-8859-1"));
        assert_eq!(d.text, "caf\u{e9} \u{201c}x\u{201d}");
        assert_eq!(d.evidence, EncodingEvidence::ValidUtf8);
    }

    #[test]
    fn invalid_bytes_in_declared_utf8_are_flagged() {
        let d = decode(b"ok \xff\xfe broken", Some("utf-8"));
        assert!(d.malformed);
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn undeclared_legacy_encoding_is_detected() {
        let bytes = encoding_rs::WINDOWS_1251.encode("Министерство иностранных дел России заявило сегодня").0;
        let d = decode(&bytes, None);
        assert_eq!(d.evidence, EncodingEvidence::Detected);
        assert!(d.text.contains("Министерство"), "{}", d.text);
    }

    #[test]
    fn bom_wins() {
        let mut b = vec![0xff, 0xfe];
        for u in "Hi".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b, Some("utf-8"));
        assert_eq!(d.text, "Hi");
        assert_eq!(d.evidence, EncodingEvidence::ByteOrderMark);
        assert!(!looks_binary(&b));
    }

    #[test]
    fn binary_junk() {
        assert!(looks_binary(&[0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
        assert!(!looks_binary(b"plain text\nwith lines\n"));
        assert!(!looks_binary(b""));
    }
}
