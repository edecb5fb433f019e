//! Publication dates: parsing the forms pages print them in (ISO 8601 and its
//! loose variants, RFC 2822, "December 2, 2025", "2 décembre 2025",
//! "02.12.2025", URL paths like `/2025/12/02/`) into a [`PublishedDate`].

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use crosscheck_core::{DateMethod, DatePrecision, PublishedDate};
use once_cell::sync::Lazy;
use regex::Regex;


/// Years a news page can plausibly be dated in.
const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

fn plausible(d: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&d.year())
}

/// A date parsed from one value, before its provenance is attached.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDate {
    pub date: NaiveDate,
    pub datetime: Option<DateTime<FixedOffset>>,
    pub precision: DatePrecision,
}

impl ParsedDate {
    /// Attach the provenance.
    pub fn with(self, method: DateMethod, confidence: f32, evidence: &str) -> PublishedDate {
        PublishedDate {
            date: self.date,
            datetime: self.datetime,
            precision: self.precision,
            method,
            confidence,
            evidence: evidence.chars().take(200).collect(),
        }
    }
}

/// Parse a machine-readable date value (meta content, JSON-LD, `datetime=`),
/// falling back to a written-out date.
pub fn parse_value(raw: &str) -> Option<ParsedDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return full(dt);
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return full(dt);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return full(dt);
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            let date = dt.date();
            return plausible(date).then_some(ParsedDate { date, datetime: None, precision: DatePrecision::Day });
        }
    }
    // A date at the start ("2025-12-02", "2025/12/02", "20251202", "2025-12-02T..." of odd shape).
    if let Some(p) = iso_prefix(s) {
        return Some(p);
    }
    parse_text(s)
}

fn full(dt: DateTime<FixedOffset>) -> Option<ParsedDate> {
    let date = dt.date_naive();
    plausible(date).then_some(ParsedDate { date, datetime: Some(dt), precision: DatePrecision::DateTime })
}

static ISO_PREFIX_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[^\d])").expect("iso prefix"));

fn iso_prefix(s: &str) -> Option<ParsedDate> {
    let c = ISO_PREFIX_RE.captures(s)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    plausible(date).then_some(ParsedDate { date, datetime: None, precision: DatePrecision::Day })
}

static MONTH_FIRST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").expect("month first")
});
static DAY_FIRST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b").expect("day first")
});
static NUMERIC_DMY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").expect("numeric dmy"));
static NUMERIC_SLASH_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").expect("numeric slash"));
static SHORT_YEAR_DMY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\D{0,20}\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b(?:\D{0,5}\d{1,2}:\d{2})?\D{0,20}$").expect("short year dmy"));
static ISO_IN_TEXT_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b").expect("iso in text"));

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    crosscheck_lexicon::calendar::month_number_any(&w)
}

/// A written-out date anywhere in `s`: "December 2, 2025", "2 December 2025",
/// "2. Dezember 2025", "2 de diciembre de 2025", "02.12.2025", "2025-12-02".
pub fn parse_text(s: &str) -> Option<ParsedDate> {
    let day = |y: &str, m: u32, d: &str| -> Option<ParsedDate> {
        let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)?;
        plausible(date).then_some(ParsedDate { date, datetime: None, precision: DatePrecision::Day })
    };
    let mut found: Vec<(usize, ParsedDate)> = Vec::new();
    for c in MONTH_FIRST_RE.captures_iter(s) {
        if let Some(p) = month_number(&c[1]).and_then(|m| day(&c[3], m, &c[2])) {
            found.push((c.get(0).map_or(0, |m| m.start()), p));
            break;
        }
    }
    for c in DAY_FIRST_RE.captures_iter(s) {
        if let Some(p) = month_number(&c[2]).and_then(|m| day(&c[3], m, &c[1])) {
            found.push((c.get(0).map_or(0, |m| m.start()), p));
            break;
        }
    }
    if let Some(c) = ISO_IN_TEXT_RE.captures(s) {
        if let Some(p) = c[2].parse().ok().and_then(|m| day(&c[1], m, &c[3])) {
            found.push((c.get(0).map_or(0, |m| m.start()), p));
        }
    }
    if let Some(c) = NUMERIC_DMY_RE.captures(s) {
        if let Some(p) = c[2].parse().ok().and_then(|m| day(&c[3], m, &c[1])) {
            found.push((c.get(0).map_or(0, |m| m.start()), p));
        }
    }
    // "26/10/2018" is day first and "10/26/2018" month first; "05/06/2018"
    // could be either and dates nothing.
    if let Some(c) = NUMERIC_SLASH_RE.captures(s) {
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        let (month, dom) = match (a > 12, b > 12) {
            (true, false) => (Some(b), c[1].to_string()),
            (false, true) => (Some(a), c[2].to_string()),
            _ => (None, String::new()),
        };
        if let Some(p) = month.and_then(|m| day(&c[3], m, &dom)) {
            found.push((c.get(0).map_or(0, |m| m.start()), p));
        }
    }
    found.into_iter().min_by_key(|(at, _)| *at).map(|(_, p)| p)
}

/// [`parse_text`], and for a short line that is little more than a date, a
/// two-digit year too ("31.10.23", "Von X | 28.01.22"): read as 20YY.
pub fn parse_date_line(s: &str) -> Option<ParsedDate> {
    parse_text(s).or_else(|| {
        let c = SHORT_YEAR_DMY_RE.captures(s)?;
        let year = 2000 + c[3].parse::<i32>().ok()?;
        let date = NaiveDate::from_ymd_opt(year, c[2].parse().ok()?, c[1].parse().ok()?)?;
        plausible(date).then_some(ParsedDate { date, datetime: None, precision: DatePrecision::Day })
    })
}

static URL_DAY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|_|\.|$)").expect("url day"));
static URL_MONTH_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"/((?:19|20)\d{2})/(\d{1,2})/").expect("url month"));

static FILE_NAME_DAY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|[_\-. ])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:[_\-. ]|$)").expect("file name day"));

/// A full date (year-month-day) in a file's name, not its folders
/// (`nyt_2016-10-02_slug.txt`): the date and the matched text.
pub fn from_file_name(path: &str) -> Option<(ParsedDate, String)> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let c = FILE_NAME_DAY_RE.captures(name)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    plausible(date).then(|| (ParsedDate { date, datetime: None, precision: DatePrecision::Day }, format!("{}-{}-{}", &c[1], &c[2], &c[3])))
}

/// A date in a URL path: `/2025/12/02/` or `/2025-12-02-slug` (day), `/2025/12/` (month).
pub fn from_url(url: &str) -> Option<(ParsedDate, String)> {
    if let Some(c) = URL_DAY_RE.captures(url) {
        let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(date) = date.filter(|d| plausible(*d)) {
            return Some((ParsedDate { date, datetime: None, precision: DatePrecision::Day }, c[0].to_string()));
        }
    }
    let c = URL_MONTH_RE.captures(url)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, 1)?;
    plausible(date).then(|| (ParsedDate { date, datetime: None, precision: DatePrecision::Month }, c[0].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(p: Option<ParsedDate>) -> Option<String> {
        p.map(|p| p.date.to_string())
    }

    #[test]
    fn file_names() {
        assert_eq!(ymd(from_file_name("corpus/nyt_2016-10-02_a-curious-plan.txt").map(|x| x.0)), Some("2016-10-02".into()));
        assert_eq!(ymd(from_file_name("2024-03-01.txt").map(|x| x.0)), Some("2024-03-01".into()));
        // Folders are not the file's name; digits inside a word are no date.
        assert_eq!(from_file_name("2016-10-02/report.txt"), None);
        assert_eq!(from_file_name("id12016-10-02x.txt"), None);
        assert_eq!(from_file_name("nyt_2016-13-45_x.txt"), None);
    }

    #[test]
    fn machine_values() {
        let p = parse_value("2025-12-02T10:15:00+01:00").unwrap();
        assert_eq!(p.precision, DatePrecision::DateTime);
        assert_eq!(p.date.to_string(), "2025-12-02");
        assert_eq!(ymd(parse_value("2025-12-02T10:15:00.123+0100")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_value("2025-12-02")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_value("2025-12-02 10:15:00")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_value("Tue, 02 Dec 2025 10:15:00 GMT")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_value("20251202")), Some("2025-12-02".into()));
        assert_eq!(parse_value("yesterday"), None);
        assert_eq!(parse_value("0001-01-01"), None);
    }

    #[test]
    fn written_dates() {
        assert_eq!(ymd(parse_text("Updated December 2, 2025 at 5pm")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_text("Dec. 2, 2025")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_text("le 2 décembre 2025")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_text("2 декабря 2025 г.")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_text("2 de diciembre de 2025")), Some("2025-12-02".into()));
        assert_eq!(ymd(parse_text("Stand: 02.12.2025")), Some("2025-12-02".into()));
        assert_eq!(parse_text("no date here 12345"), None);
        // Day/month order of slashed dates: only an unambiguous one is read.
        assert_eq!(ymd(parse_text("Posted 26/10/2018")), Some("2018-10-26".into()));
        assert_eq!(ymd(parse_text("Posted 10/26/2018")), Some("2018-10-26".into()));
        assert_eq!(parse_text("05/06/2018"), None);
    }

    #[test]
    fn short_date_lines() {
        assert_eq!(ymd(parse_date_line("31.10.23")), Some("2023-10-31".into()));
        assert_eq!(ymd(parse_date_line("Stand: 28.01.22, 14:05")), Some("2022-01-28".into()));
        assert_eq!(ymd(parse_date_line("Freitag, 21. Januar 2022")), Some("2022-01-21".into()));
        // Two-digit years only in a line that is little else: not in prose or version numbers.
        assert_eq!(parse_date_line("Version 1.2.23 of the library fixes the crash reported by many users last week"), None);
        assert_eq!(parse_date_line("31.13.23"), None);
    }

    #[test]
    fn url_dates() {
        let (p, ev) = from_url("https://example.org/world/2025/12/02/talks-end/").unwrap();
        assert_eq!(p.date.to_string(), "2025-12-02");
        assert_eq!(ev, "/2025/12/02/");
        let (p, _) = from_url("https://example.org/2025/12/talks").unwrap();
        assert_eq!(p.precision, DatePrecision::Month);
        assert!(from_url("https://example.org/story/123456").is_none());
    }
}
