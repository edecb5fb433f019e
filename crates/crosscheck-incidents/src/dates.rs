//! Incident dates: a day or a range with its precision, and a fallback finder
//! for date expressions (absolute and relative) used when the extraction stage
//! has not resolved a sentence's dates.
//!
//! Relative expressions ("last month", "on Monday", "three days ago", "earlier
//! this year") are resolved against a reference day: the article's own date, or
//! the batch's when the article has none. Without a reference they stay unresolved.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// How precise an incident date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Day,
    Week,
    Month,
    Year,
    /// Any other span ("from January 2022 to July 2023", "since 2022").
    Range,
}

/// A date or date range (inclusive) with its precision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentDate {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: When,
    /// Whether it was resolved from a relative expression.
    pub relative: bool,
    /// As printed.
    pub text: String,
}

impl IncidentDate {
    /// A range, with its precision judged from its length.
    pub fn from_range(start: NaiveDate, end: NaiveDate, relative: bool, text: impl Into<String>) -> Self {
        let (start, end) = if start <= end { (start, end) } else { (end, start) };
        let days = (end - start).num_days() + 1;
        let precision = if days <= 1 {
            When::Day
        } else if days <= 7 {
            When::Week
        } else if start.day() == 1 && days <= 31 && start.month() == end.month() {
            When::Month
        } else if start.ordinal() == 1 && start.year() == end.year() && days >= 365 {
            When::Year
        } else {
            When::Range
        };
        IncidentDate { start, end, precision, relative, text: text.into() }
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Whether two dates can describe one incident: the ranges overlap, with a
    /// tolerance of `tolerance` days around day-precise dates.
    pub fn compatible(&self, other: &IncidentDate, tolerance: i64) -> bool {
        let pad = |d: &IncidentDate| if d.precision == When::Day { tolerance } else { 0 };
        let (a0, a1) = (self.start - Duration::days(pad(self)), self.end + Duration::days(pad(self)));
        let (b0, b1) = (other.start - Duration::days(pad(other)), other.end + Duration::days(pad(other)));
        a0 <= b1 && b0 <= a1
    }

    /// Display: "2025-12-01", "2025-11", "2025", or "2022-01-01..2023-07-31".
    pub fn display(&self) -> String {
        match self.precision {
            When::Day => self.start.to_string(),
            When::Month => self.start.format("%Y-%m").to_string(),
            When::Year => self.start.format("%Y").to_string(),
            When::Week | When::Range => format!("{}..{}", self.start, self.end),
        }
    }
}

/// A date expression found in a text (byte offsets relative to it).
#[derive(Debug, Clone)]
pub struct DateHit {
    pub start: usize,
    pub end: usize,
    pub date: IncidentDate,
}

fn month_num(s: &str) -> Option<u32> {
    crosscheck_lexicon::english().month_number(&s.to_lowercase())
}

fn weekday(s: &str) -> Option<Weekday> {
    let n = crosscheck_lexicon::english().weekday_number(&s.to_lowercase())?;
    Weekday::try_from(u8::try_from(n - 1).ok()?).ok()
}

fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
    Some((start, next - Duration::days(1)))
}

fn small_number(s: &str) -> Option<i64> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let words = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    match s.to_lowercase().as_str() {
        "an" => Some(1),
        l => words.iter().position(|w| *w == l).map(|i| i.max(1) as i64),
    }
}

/// The year of a day printed without one: the reference year, or the year
/// before when that would put the day more than a week after the reference.
fn infer_year(m: u32, d: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(reference.year(), m, d)?;
    if this > reference + Duration::days(7) {
        NaiveDate::from_ymd_opt(reference.year() - 1, m, d)
    } else {
        Some(this)
    }
}

/// The most recent `wd` on or before `reference` (strictly before with `strict`).
fn last_weekday(wd: Weekday, reference: NaiveDate, strict: bool) -> NaiveDate {
    let mut d = if strict { reference - Duration::days(1) } else { reference };
    while d.weekday() != wd {
        d -= Duration::days(1);
    }
    d
}

/// Start, end, and whether the expression was relative.
type Resolved = Option<(NaiveDate, NaiveDate, bool)>;

struct Pattern {
    re: Regex,
    resolve: fn(&regex::Captures, Option<NaiveDate>) -> Resolved,
}

static PATTERNS: Lazy<Vec<Pattern>> = Lazy::new(|| {
    let p = |re: String, resolve| Pattern { re: Regex::new(&re).expect("date regex"), resolve };
    let months = crosscheck_lexicon::english().month_alternation();
    let weekdays = crosscheck_lexicon::english().weekday_alternation();
    vec![
        // from January 2022 to July 2023
        p(
            format!(r"(?i)\b(?:from|between)\s+({months})\.?\s+(\d{{4}})\s+(?:to|and|until|through)\s+({months})\.?\s+(\d{{4}})\b"),
            |c, _| {
                let (s, _) = month_range(c[2].parse().ok()?, month_num(&c[1])?)?;
                let (_, e) = month_range(c[4].parse().ok()?, month_num(&c[3])?)?;
                Some((s, e, false))
            },
        ),
        // (Monday,) December 1(, 2025)
        p(
            format!(r"(?i)\b(?:(?:{weekdays}),?\s+)?({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"),
            |c, r| {
                let (m, d) = (month_num(&c[1])?, c[2].parse().ok()?);
                let day = match c.get(3) {
                    Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, m, d)?,
                    None => infer_year(m, d, r?)?,
                };
                Some((day, day, c.get(3).is_none()))
            },
        ),
        // (Monday,) 1 December(, 2025)
        p(
            format!(r"(?i)\b(?:(?:{weekdays}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({months})\b\.?(?:,?\s+(\d{{4}}))?"),
            |c, r| {
                let (d, m) = (c[1].parse().ok()?, month_num(&c[2])?);
                let day = match c.get(3) {
                    Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, m, d)?,
                    None => infer_year(m, d, r?)?,
                };
                Some((day, day, c.get(3).is_none()))
            },
        ),
        // November 2025
        p(format!(r"(?i)\b({months})\.?\s+(\d{{4}})\b"), |c, _| {
            let (s, e) = month_range(c[2].parse().ok()?, month_num(&c[1])?)?;
            Some((s, e, false))
        }),
        // in (early) November
        p(format!(r"(?i)\b(?:in|during|since|by)\s+(?:early\s+|mid-?\s*|late\s+)?({months})\b"), |c, r| {
            let r = r?;
            let m = month_num(&c[1])?;
            let y = if m > r.month() { r.year() - 1 } else { r.year() };
            let (s, e) = month_range(y, m)?;
            Some((s, e, true))
        }),
        // since 2022
        p(r"(?i)\bsince\s+(\d{4})\b".into(), |c, r| {
            let y: i32 = c[1].parse().ok()?;
            let s = NaiveDate::from_ymd_opt(y, 1, 1)?;
            Some((s, r.unwrap_or(NaiveDate::from_ymd_opt(y, 12, 31)?), false))
        }),
        // in 2024
        p(r"(?i)\b(?:in|during|throughout)\s+(\d{4})\b".into(), |c, _| {
            let y: i32 = c[1].parse().ok()?;
            Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?, false))
        }),
        // yesterday / today / overnight
        p(r"(?i)\b(yesterday|today|tonight|overnight|this\s+morning|last\s+night)\b".into(), |c, r| {
            let r = r?;
            let l = c[1].to_lowercase();
            let d = if l == "yesterday" || l == "last night" { r - Duration::days(1) } else { r };
            Some((d, d, true))
        }),
        // on Monday / last Monday
        p(format!(r"(?i)\b(on|last|this\s+past|since)\s+({weekdays})\b"), |c, r| {
            let strict = !c[1].eq_ignore_ascii_case("on");
            let d = last_weekday(weekday(&c[2])?, r?, strict);
            Some((d, d, true))
        }),
        // last weekend
        p(r"(?i)\blast\s+weekend\b".into(), |_, r| {
            let sun = last_weekday(Weekday::Sun, r?, true);
            Some((sun - Duration::days(1), sun, true))
        }),
        // last week / month / year
        p(r"(?i)\blast\s+(week|month|year)\b".into(), |c, r| {
            let r = r?;
            Some(match c[1].to_lowercase().as_str() {
                "week" => {
                    let mon = r - Duration::days(r.weekday().num_days_from_monday() as i64 + 7);
                    (mon, mon + Duration::days(6), true)
                }
                "month" => {
                    let (y, m) = if r.month() == 1 { (r.year() - 1, 12) } else { (r.year(), r.month() - 1) };
                    let (s, e) = month_range(y, m)?;
                    (s, e, true)
                }
                _ => (NaiveDate::from_ymd_opt(r.year() - 1, 1, 1)?, NaiveDate::from_ymd_opt(r.year() - 1, 12, 31)?, true),
            })
        }),
        // (earlier) this week / month / year
        p(r"(?i)\b(?:earlier\s+)?this\s+(week|month|year)\b".into(), |c, r| {
            let r = r?;
            let s = match c[1].to_lowercase().as_str() {
                "week" => r - Duration::days(r.weekday().num_days_from_monday() as i64),
                "month" => NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?,
                _ => NaiveDate::from_ymd_opt(r.year(), 1, 1)?,
            };
            Some((s, r, true))
        }),
        // the past week / in recent days
        p(r"(?i)\b(?:the\s+)?(?:past|last|previous)\s+(\d+|two|three|four|five|six|seven|ten)?\s*(days|weeks|week|months|month)\b".into(), |c, r| {
            let r = r?;
            let n = c.get(1).and_then(|m| small_number(m.as_str())).unwrap_or(1);
            let days = match c[2].to_lowercase().as_str() {
                "days" => n,
                "week" | "weeks" => 7 * n,
                _ => 30 * n,
            };
            Some((r - Duration::days(days), r, true))
        }),
        // three days ago / two weeks ago
        p(r"(?i)\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?|months?)\s+ago\b".into(), |c, r| {
            let r = r?;
            let n = small_number(&c[1])?;
            Some(match c[2].to_lowercase().trim_end_matches('s') {
                "day" => {
                    let d = r - Duration::days(n);
                    (d, d, true)
                }
                "week" => {
                    let d = r - Duration::days(7 * n);
                    (d - Duration::days(3), d + Duration::days(3), true)
                }
                _ => {
                    let d = r - Duration::days(30 * n);
                    (d - Duration::days(15), d + Duration::days(15), true)
                }
            })
        }),
    ]
});

/// Date expressions in `text`, resolved against `reference`. Overlapping finds
/// keep the longer expression ("Monday, December 1" over "on Monday").
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateHit> {
    let mut hits: Vec<DateHit> = Vec::new();
    for p in PATTERNS.iter() {
        for c in p.re.captures_iter(text) {
            let m = c.get(0).unwrap();
            if let Some((s, e, rel)) = (p.resolve)(&c, reference) {
                hits.push(DateHit { start: m.start(), end: m.end(), date: IncidentDate::from_range(s, e, rel, m.as_str()) });
            }
        }
    }
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<DateHit> = Vec::new();
    for h in hits {
        if let Some(last) = kept.last() {
            if h.start < last.end {
                continue;
            }
        }
        kept.push(h);
    }
    kept
}

/// A dateline at the start of a text ("Brussels/Moscow – December 2, 2025 –"):
/// its byte length and the date. Used when an article has no published date.
pub fn find_dateline(text: &str) -> Option<(usize, NaiveDate)> {
    static RE: Lazy<Regex> = Lazy::new(|| {
        let months = crosscheck_lexicon::english().month_alternation();
        Regex::new(&format!(
            r"^[\p{{Lu}}][\p{{L}}/ .,'-]{{0,60}}?\s*[–—-]\s*((?i:{months}))\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\s*[–—:-]?"
        ))
        .unwrap()
    });
    let c = RE.captures(text)?;
    let d = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_num(&c[1])?, c[2].parse().ok()?)?;
    Some((c.get(0)?.end(), d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn resolves_relative_and_absolute() {
        let r = Some(d(2025, 12, 2)); // a Tuesday
        let one = |t: &str| find_dates(t, r).into_iter().next().map(|h| h.date).unwrap();
        assert_eq!(one("On Monday, December 1, a strike").start, d(2025, 12, 1));
        assert_eq!(one("Last month a warship").display(), "2025-11");
        assert_eq!(one("speaking on Monday").start, d(2025, 12, 1));
        assert_eq!(one("three days ago").start, d(2025, 11, 29));
        let range = one("from January 2022 to July 2023");
        assert_eq!((range.start, range.end, range.precision), (d(2022, 1, 1), d(2023, 7, 31), When::Range));
        assert_eq!(one("on 14 November").start, d(2025, 11, 14));
        assert_eq!(one("December 20").start, d(2024, 12, 20), "a day far after the reference is last year's");
        assert!(find_dates("last month", None).is_empty(), "relative dates need a reference");
    }

    #[test]
    fn compatibility_has_a_day_of_tolerance() {
        let a = IncidentDate::from_range(d(2025, 3, 4), d(2025, 3, 4), false, "");
        let b = IncidentDate::from_range(d(2025, 3, 5), d(2025, 3, 5), false, "");
        let c = IncidentDate::from_range(d(2025, 3, 9), d(2025, 3, 9), false, "");
        let m = IncidentDate::from_range(d(2025, 3, 1), d(2025, 3, 31), true, "");
        assert!(a.compatible(&b, 1) && !a.compatible(&c, 1) && m.compatible(&c, 1));
        assert_eq!(m.precision, When::Month);
    }

    #[test]
    fn finds_dateline() {
        let text = "Brussels/Moscow – December 2, 2025 – In a sharp";
        let (len, date) = find_dateline(text).unwrap();
        assert_eq!(date, d(2025, 12, 2));
        assert_eq!(text[len..].trim_start(), "In a sharp");
        assert!(find_dateline("NATO could be forced to act").is_none());
    }
}
