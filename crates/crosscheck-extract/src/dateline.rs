//! The one dateline detector ("Brussels/Moscow – December 2, 2025 – In a sharp …"):
//! ingest reads an article's date from it, the sentence splitter cuts it off as
//! its own sentence, and [`crate::annotate`] records it as the `dateline` layer.
//!
//! A dateline opens a paragraph and ends with a dash. Four shapes are read:
//!
//! * `Place – Date – …`   ("Brussels/Moscow – December 2, 2025 – …")
//! * `Place, Date – …`    ("WASHINGTON, Dec. 2, 2025 — …")
//! * `Date – …`           ("2 December 2025 — …")
//! * `PLACE – …`          ("GENEVA — …": a place in capitals, no date printed)
//!
//! Dashes are any of [`tables::DATELINE_DASHES`], or a hyphen with spaces on
//! both sides. Dates are written month-first, day-first, ISO (`2025-12-02`) or
//! dotted day-first (`02.12.2025`), optionally after a weekday.

use chrono::NaiveDate;
use crosscheck_core::{Article, Span};
use serde::{Deserialize, Serialize};

use crate::tables;
use crosscheck_lexicon::{calendar, english};

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline up to and including its closing dash, in the text searched.
    pub span: Span,
    /// The date, when the dateline prints one.
    pub date: Option<NaiveDate>,
    /// The place, when the dateline names one.
    pub place: Option<String>,
}

/// The dateline of an article: where ingest recorded one, else at the start of
/// the text, else at the start of the paragraph after the title line.
pub fn article_dateline(article: &Article) -> Option<Dateline> {
    let text = &article.text;
    if let Some(s) = article.dateline_span {
        if let Some(d) = find_dateline(text, s.start) {
            return Some(d);
        }
    }
    if let Some(d) = find_dateline(text, 0) {
        return Some(d);
    }
    let title = article.title_span.filter(|t| t.start == 0)?;
    let next = text[title.end..].find(|c: char| !c.is_whitespace()).map(|i| title.end + i)?;
    find_dateline(text, next)
}

/// The dateline opening the paragraph that starts at byte `start` of `text`, if any.
pub fn find_dateline(text: &str, start: usize) -> Option<Dateline> {
    let rest = text.get(start..)?;
    let line = rest.split('\n').next().unwrap_or("");
    let head_end = line.char_indices().nth(tables::DATELINE_MAX_CHARS).map_or(line.len(), |(i, _)| i);
    let head = &line[..head_end];
    let seps = separators(head);
    let (s1_start, s1_end) = *seps.first()?;
    let first = head[..s1_start].trim();
    let found = |end: usize, date: Option<NaiveDate>, place: Option<&str>| Dateline {
        span: Span::new(start, start + end),
        date,
        place: place.map(|p| p.trim().to_string()),
    };
    // `Date – …`
    if let Some(date) = parse_date(first) {
        return Some(found(s1_end, Some(date), None));
    }
    // `Place, Date – …`: try each comma as the end of the place.
    for (i, _) in first.match_indices(',') {
        let (place, date) = (&first[..i], &first[i + 1..]);
        if is_place(place) {
            if let Some(date) = parse_date(date) {
                return Some(found(s1_end, Some(date), Some(place)));
            }
        }
    }
    // `Place – Date – …`
    if is_place(first) {
        if let Some(&(s2_start, s2_end)) = seps.get(1) {
            if let Some(date) = parse_date(&head[s1_end..s2_start]) {
                return Some(found(s2_end, Some(date), Some(first)));
            }
        }
    }
    // `PLACE – …`: without a date only a place in capitals (the wire style)
    // opening a sentence is a dateline; "Tensions – already high – rose" is prose.
    let sentence_follows = line[s1_end..].trim_start().chars().next().is_some_and(char::is_uppercase);
    if is_place(first) && is_capitalised_place(first) && sentence_follows {
        return Some(found(s1_end, None, Some(first)));
    }
    None
}

/// Whether every letter of `s` is upper case and it has at least three ("GENEVA", "NEW YORK").
fn is_capitalised_place(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && s.chars().filter(|c| c.is_alphabetic()).count() >= 3 && letters.all(char::is_uppercase)
}

/// Byte ranges of dateline separators in `head`: dash characters, or a hyphen
/// (or double hyphen) with white space on both sides.
fn separators(head: &str) -> Vec<(usize, usize)> {
    let mut seps = Vec::new();
    let bytes = head.as_bytes();
    let mut i = 0;
    while i < head.len() {
        let c = head[i..].chars().next().unwrap_or(' ');
        if tables::DATELINE_DASHES.contains(&c) {
            seps.push((i, i + c.len_utf8()));
        } else if c == '-' {
            let run = bytes[i..].iter().take_while(|&&b| b == b'-').count();
            let before = i == 0 || bytes[i - 1].is_ascii_whitespace();
            let after = bytes.get(i + run).copied().unwrap_or(b' ').is_ascii_whitespace();
            if before && after && run <= 2 {
                seps.push((i, i + run));
            }
            i += run;
            continue;
        }
        i += c.len_utf8();
    }
    seps
}

/// Whether `s` can be a dateline place: a few words, capitalised, no sentence
/// punctuation or quotation marks.
fn is_place(s: &str) -> bool {
    let s = s.trim();
    let words = s.split_whitespace().count();
    (1..=tables::DATELINE_PLACE_MAX_WORDS).contains(&words)
        && s.chars().next().is_some_and(|c| c.is_uppercase())
        && !s.contains(['!', '?', ';', '"', '\u{201c}', '\u{201d}', ':'])
        && !s.ends_with(',')
}

/// A written calendar date: "December 2, 2025", "Dec. 2 2025", "2 December 2025",
/// "2nd of December, 2025", "2. Dezember 2025", "2 de diciembre de 2025",
/// "Tuesday, December 2, 2025", "2025-12-02" (optionally with a time after it),
/// "02.12.2025". The whole string must be the date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches([',', '.', ' ']);
    if s.is_empty() || s.len() > 60 {
        return None;
    }
    if let Some(d) = parse_numeric(s) {
        return Some(d);
    }
    let mut tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.first().is_some_and(|t| english().weekday_number(t).is_some()) {
        tokens.remove(0);
    }
    tokens.retain(|t| !tables::DATE_FILLER_WORDS.contains(&t.as_str()));
    let [a, b, c] = tokens.as_slice() else { return None };
    let year = parse_year(c)?;
    let (month, day) = match (month_number(a), month_number(b)) {
        (Some(m), None) => (m, parse_day(b)?),
        (None, Some(m)) => (m, parse_day(a)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// ISO `YYYY-MM-DD` (optionally followed by a time) or dotted `DD.MM.YYYY`.
fn parse_numeric(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        let tail = &s[10..];
        if tail.is_empty() || tail.starts_with(['T', ' ']) {
            return NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").ok();
        }
        return None;
    }
    let parts: Vec<&str> = s.split('.').collect();
    if let [d, m, y] = parts.as_slice() {
        if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && y.len() == 4 {
            return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        }
    }
    None
}

/// A month name of English (in full or abbreviated) or of another language the
/// lexicon's calendar knows ("dec", "dezember", "diciembre").
fn month_number(token: &str) -> Option<u32> {
    calendar::month_number_any(token)
}

fn parse_day(token: &str) -> Option<u32> {
    let digits = tables::ORDINAL_SUFFIXES.iter().find_map(|s| token.strip_suffix(s)).unwrap_or(token);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn parse_year(token: &str) -> Option<i32> {
    (token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit())).then(|| token.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn date_formats() {
        let d = ymd(2025, 12, 2);
        for s in [
            "December 2, 2025",
            "Dec. 2, 2025",
            "Dec 2 2025",
            "2 December 2025",
            "2nd December 2025",
            "December 2nd, 2025",
            "2nd of December, 2025",
            "Tuesday, December 2, 2025",
            "2025-12-02",
            "2025-12-02T10:00:00Z",
            "02.12.2025",
            "2. Dezember 2025",
            "2 de diciembre de 2025",
            "2 décembre 2025",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        for s in ["December 32, 2025", "Smith 2, 2025", "2025", "2 December", "2025-12-02x", "May be 2025"] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn place_dash_date_dash() {
        let t = "Brussels/Moscow \u{2013} December 2, 2025 \u{2013} In a sharp turn";
        let d = find_dateline(t, 0).unwrap();
        assert_eq!(d.date, Some(ymd(2025, 12, 2)));
        assert_eq!(d.span.slice(t), "Brussels/Moscow \u{2013} December 2, 2025 \u{2013}");
        assert_eq!(d.place.as_deref(), Some("Brussels/Moscow"));
    }

    #[test]
    fn place_comma_date_dash() {
        let t = "WASHINGTON, Dec. 2, 2025 \u{2014} Officials said";
        let d = find_dateline(t, 0).unwrap();
        assert_eq!(d.date, Some(ymd(2025, 12, 2)));
        assert_eq!(d.place.as_deref(), Some("WASHINGTON"));
        assert!(d.span.slice(t).ends_with('\u{2014}'));
    }

    #[test]
    fn date_dash_with_spaced_hyphen_and_iso() {
        let t = "Headline\n2025-12-02 - Officials said";
        let d = find_dateline(t, 9).unwrap();
        assert_eq!(d.date, Some(ymd(2025, 12, 2)));
        assert_eq!(d.span.slice(t), "2025-12-02 -");
    }

    #[test]
    fn capitalised_place_without_a_date() {
        let t = "GENEVA \u{2014} Talks resumed on Monday.";
        let d = find_dateline(t, 0).unwrap();
        assert_eq!(d.date, None);
        assert_eq!(d.place.as_deref(), Some("GENEVA"));
        assert_eq!(d.span.slice(t), "GENEVA \u{2014}");
        assert!(find_dateline("Tensions \u{2013} already high \u{2013} rose", 0).is_none());
        assert!(find_dateline("GENEVA \u{2014}", 0).is_none(), "a dateline opens text");
    }

    #[test]
    fn article_dateline_after_the_title_line() {
        let text = "Talks resume\nGENEVA, 3 March 2024 \u{2013} Talks resumed.";
        let a = crosscheck_core::ArticleBuilder::new("s", "p", crosscheck_core::SourceFormat::Text, text.as_bytes(), text)
            .build(Some(Span::new(0, 12)), None)
            .unwrap();
        let d = article_dateline(&a).unwrap();
        assert_eq!(d.date, Some(ymd(2024, 3, 3)));
        assert_eq!(d.span.slice(&a.text), "GENEVA, 3 March 2024 \u{2013}");
        let untitled = crosscheck_core::ArticleBuilder::new("s", "p", crosscheck_core::SourceFormat::Text, text.as_bytes(), text).build(None, None).unwrap();
        assert_eq!(article_dateline(&untitled), None);
    }

    #[test]
    fn no_dateline_in_prose() {
        assert!(find_dateline("A fire destroyed - many - things", 0).is_none());
        assert!(find_dateline("The pre-emptive strike \u{2013} discussed on December 2, 2025 \u{2013} was", 0).is_none());
        assert!(find_dateline("No dashes here at all, December 2, 2025.", 0).is_none());
        assert!(find_dateline("", 0).is_none());
    }
}
