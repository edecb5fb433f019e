use serde::{Deserialize, Serialize};

use crate::CoreError;

/// A half-open byte range `start..end` into an [`Article`](crate::Article)'s text.
///
/// Spans are the currency between stages: a sentence, a quote, an entity
/// mention or a number is stored as a span plus its typed payload, never as a
/// copied string alone, so output can always be traced back to the source.
///
/// Byte offsets computed by arithmetic ("40 bytes back", "the next 200
/// bytes") can land inside a multi-byte character, and `&text[a..b]` then
/// panics. So a stage moves such an offset with [`floor_char_boundary`] /
/// [`ceil_char_boundary`] or builds the span with [`Span::within`], and
/// slices with [`Span::slice`], which never panics in a release build (a
/// span that does not fit is a bug: debug builds, tests and the fuzz targets
/// assert on it; release builds widen it to the characters it touches and
/// clamp it to the text, so one bad span costs a few wrong characters, not
/// the batch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span `start..end` of `text` moved out to character boundaries and
    /// clamped to the text: for offsets found by byte arithmetic.
    pub fn within(text: &str, start: usize, end: usize) -> Span {
        let start = floor_char_boundary(text, start.min(end));
        Span { start, end: ceil_char_boundary(text, end).max(start) }
    }

    /// This span widened to the characters it touches and clamped to `text`
    /// (itself when it already fits).
    pub fn fit(&self, text: &str) -> Span {
        Span::within(text, self.start, self.end)
    }

    /// The text this span covers. A span that does not fit `text` (past its
    /// end, or inside a character) is a bug: debug builds panic on it, release
    /// builds slice [`Span::fit`] instead. Use [`Span::try_slice`] for spans
    /// from untrusted storage.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        match text.get(self.start..self.end) {
            Some(s) => s,
            None => {
                debug_assert!(false, "span {}..{} does not fit a text of {} bytes at character boundaries", self.start, self.end, text.len());
                let f = self.fit(text);
                &text[f.start..f.end]
            }
        }
    }

    /// Checked version of [`Span::slice`].
    pub fn try_slice<'t>(&self, text: &'t str) -> Result<&'t str, CoreError> {
        text.get(self.start..self.end).ok_or(CoreError::BadSpan {
            start: self.start,
            end: self.end,
            len: text.len(),
        })
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shift a span found in a slice that starts at `offset` of the full text.
    pub fn offset(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// Shrink the span so it neither starts nor ends with white space.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// The largest character boundary of `text` at or before byte `i` (the text's
/// length when `i` is past it). Stable-Rust form of `str::floor_char_boundary`.
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `text` at or after byte `i` (the text's
/// length when `i` is past it).
pub fn ceil_char_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_and_fitting() {
        let t = "a\u{2019}b"; // the apostrophe is three bytes: 1..4
        assert_eq!(floor_char_boundary(t, 2), 1);
        assert_eq!(ceil_char_boundary(t, 2), 4);
        assert_eq!(floor_char_boundary(t, 99), t.len());
        assert_eq!(Span::within(t, 2, 3), Span::new(1, 4));
        assert_eq!(Span::within(t, 3, 99), Span::new(1, 5));
        assert_eq!(Span::new(0, 1).fit(t), Span::new(0, 1));
        assert_eq!(Span::within(t, 4, 2), Span::new(1, 4), "a reversed range is never reversed");
    }

    #[test]
    #[cfg(not(debug_assertions))]
    fn slice_never_panics_in_release() {
        let t = "a\u{2019}b";
        assert_eq!(Span::new(2, 3).slice(t), "\u{2019}");
        assert_eq!(Span::new(3, 99).slice(t), "\u{2019}b");
    }

    #[test]
    fn slice_and_trim() {
        let t = "  héllo wörld  ";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.slice(t), "héllo wörld");
        assert!(Span::new(0, 4).try_slice(t).is_err(), "inside a multi-byte char");
        assert!(Span::new(0, 99).try_slice(t).is_err());
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(a.cover(b).contains(b));
    }
}
