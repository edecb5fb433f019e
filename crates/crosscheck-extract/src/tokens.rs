//! Word tokens with byte offsets, shared by the extractors.

use crosscheck_core::Span;

/// A word of the text: letters/digits with word-internal apostrophes, hyphens
/// and dots ("Russia’s", "pre-emptive", "U.S").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn text<'t>(&self, t: &'t str) -> &'t str {
        &t[self.start..self.end]
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&')
}

/// Tokens of `text[range]`, offsets into `text`. A range found by byte
/// arithmetic is first widened to the characters it touches.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let span = span.fit(text);
    let s = span.slice(text);
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut cur: Option<usize> = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() || c == '%' {
            if cur.is_none() {
                cur = Some(i);
            }
            if c == '%' {
                out.push(Tok { start: span.start + cur.take().unwrap(), end: span.start + i + 1 });
            }
            continue;
        }
        let next_alnum = it.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if cur.is_some() && joiner(c) && next_alnum {
            // word-internal joiner: keep going
        } else if let Some(st) = cur.take() {
            out.push(Tok { start: span.start + st, end: span.start + i });
        }
    }
    if let Some(st) = cur {
        out.push(Tok { start: span.start + st, end: span.end });
    }
    out
}

/// Whether a word starts with an upper-case letter.
pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether a word is a single capital letter, as a name's initial is printed
/// before its dot ("F" of "John F. Kennedy").
pub fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
}

/// Strip a possessive ending ("Russia’s" -> "Russia"); returns the base and whether one was removed.
pub fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["\u{2019}s", "'s", "\u{2019}", "'"] {
        if let Some(b) = w.strip_suffix(suf) {
            if !b.is_empty() {
                return (b, true);
            }
        }
    }
    (w, false)
}

/// Lower-case form of a word for table look-ups.
pub fn lower(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    }
}

/// Whether the text between two tokens is only spaces (no punctuation, no line break).
pub fn adjacent(text: &str, a: &Tok, b: &Tok) -> bool {
    text[a.end..b.start].chars().all(|c| c == ' ')
}
