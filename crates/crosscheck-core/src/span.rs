use serde::{Deserialize, Serialize};

use crate::CoreError;

/// A half-open byte range `start..end` into an [`Article`](crate::Article)'s text.
///
/// Spans are the currency between stages: a sentence, a quote, an entity
/// mention or a number is stored as a span plus its typed payload, never as a
/// copied string alone, so output can always be traced back to the source.
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

    /// The text this span covers. Panics on a span that does not fit `text`;
    /// use [`Span::try_slice`] for spans from untrusted storage.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
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

#[cfg(test)]
mod tests {
    use super::*;

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
