//! Text normal forms.
//!
//! Two forms exist and they must not be confused:
//! * the **stored form** ([`normalize_document`]): what [`Article::text`](crate::Article)
//!   holds. Unicode NFC, `\n` line ends, no control characters, paragraphs
//!   separated by one blank line. Quotes and dashes are kept *as printed*,
//!   because a changed quotation mark can be the very thing a reader checks.
//! * the **match form** ([`match_form`]): for comparing wording across outlets.
//!   Case-folded, curly quotes and apostrophes made straight, every dash and
//!   hyphen variant made `-`, white space collapsed. Never stored as the text,
//!   never used for offsets.

use unicode_normalization::UnicodeNormalization;

/// Normalise raw decoded text into the stored form.
///
/// * NFC; `\r\n` and `\r` become `\n`; a leading BOM is dropped;
/// * control characters (other than `\n` and `\t`) and zero-width characters are removed,
///   no-break spaces become plain spaces;
/// * trailing white space on each line is dropped, runs of spaces and tabs inside a line
///   are kept as printed except that tabs become spaces;
/// * three or more consecutive line breaks collapse to one blank line;
/// * leading and trailing blank lines are dropped.
pub fn normalize_document(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut cleaned = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    cleaned.push('\n');
                }
            }
            '\n' => cleaned.push('\n'),
            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' => cleaned.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_control() => {}
            c => cleaned.push(c),
        }
    }
    let nfc: String = cleaned.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut blank_run = 0usize;
    for line in nfc.split('\n') {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Fold one character to its match form, or `None` when it should be dropped.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}'
        | '\u{2039}' | '\u{203a}' | '\u{300c}' | '\u{300d}' | '\u{300e}' | '\u{300f}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        '\u{2026}' => '.',
        c if c.is_whitespace() => ' ',
        c if c.is_control() => return None,
        c => c,
    })
}

/// The match form of `s`: NFC, case-folded, quotes/dashes folded, white space collapsed
/// and trimmed.
pub fn match_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.nfc() {
        let Some(f) = fold_char(c) else { continue };
        if f == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        for l in f.to_lowercase() {
            out.push(l);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Word tokens of the match form (letters, digits, and word-internal `'`/`-`), for
/// lexical comparison. Punctuation is dropped, so two printings that differ only in
/// punctuation give the same tokens.
pub fn match_words(s: &str) -> Vec<String> {
    let folded = match_form(s);
    let mut words = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = folded.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = (c == '\'' || c == '-')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            cur.push(c);
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Number of words as a reader counts them (white-space separated runs holding a
/// letter or digit).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_form_keeps_quotes_and_dashes() {
        let raw = "\u{feff}Line one \u{201c}quoted\u{201d} \u{2013} dash\r\n\r\n\r\n\tLine\u{a0}two\u{0}\n";
        let t = normalize_document(raw);
        assert_eq!(t, "Line one \u{201c}quoted\u{201d} \u{2013} dash\n\n Line two");
    }

    #[test]
    fn nfc_composes() {
        let decomposed = "e\u{301}";
        assert_eq!(normalize_document(decomposed), "\u{e9}");
    }

    #[test]
    fn match_form_folds() {
        assert_eq!(
            match_form("  \u{201c}Hybrid warfare is asymmetric \u{2014} it\u{2019}s  OK\u{201d} "),
            "\"hybrid warfare is asymmetric - it's ok\""
        );
    }

    #[test]
    fn match_words_ignore_punctuation() {
        let a = match_words("Hybrid warfare is asymmetric \u{2014} it costs them little, and us a lot.");
        let b = match_words("Hybrid warfare is asymmetric. It costs them little and us a lot");
        assert_eq!(a, b);
        assert_eq!(match_words("non-existent Kremlin\u{2019}s"), vec!["non-existent", "kremlin's"]);
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Brussels/Moscow \u{2013} December 2, 2025 \u{2013} In"), 5);
    }
}
