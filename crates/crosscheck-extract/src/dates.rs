//! The one date finder and resolver: absolute and relative date mentions of
//! a text, each resolved to an inclusive range against the article's own date
//! (published, else its dateline) or, only when a caller passes one, the
//! story's date. Every mention records what it was resolved against
//! ([`DateAnchor`]); a mention that needs a year or a reference day and has
//! none keeps `resolved: None` (unknown, never the current or a default year).

use chrono::{Datelike, Duration, NaiveDate};
use crosscheck_core::{Article, DateMethod, Span};
use once_cell::sync::Lazy;
use regex::Regex;

use crate::dateline::Dateline;
use crate::sentences::sentence_at;
use crate::tables::YEARLESS_DAY_MAX_AHEAD_DAYS;
use crate::{DateAnchor, DateMention, Sentence};
use crosscheck_lexicon::{english, NumberKind};

/// The day relative dates are resolved against, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub date: NaiveDate,
    pub anchor: DateAnchor,
}

/// The article's own date: its published date (a date ingest read from the
/// dateline counts as the dateline's), else the date printed in its dateline.
pub fn article_reference(article: &Article, dateline: Option<&Dateline>) -> Option<Reference> {
    if let Some(p) = &article.published {
        let anchor = if p.method == DateMethod::Dateline { DateAnchor::Dateline } else { DateAnchor::ArticleDate };
        return Some(Reference { date: p.date, anchor });
    }
    dateline.and_then(|d| d.date).map(|date| Reference { date, anchor: DateAnchor::Dateline })
}

/// The month (1–12) of an English month name or abbreviation as printed (any
/// case, with or without a final dot: "Sept.", "December"), from the lexicon.
fn month_number(token: &str) -> Option<u32> {
    english().month_number(&token.to_lowercase())
}

/// The weekday (0 = Monday) of an English weekday name as printed, any case,
/// from the lexicon (which counts Monday as 1).
fn weekday_number(token: &str) -> Option<u32> {
    english().weekday_number(&token.to_lowercase()).map(|n| n - 1)
}

/// The first and last day of a month.
pub fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
    Some((start, next - Duration::days(1)))
}

/// The number words that count days, weeks or months ("three days ago"): the
/// lexicon's cardinals and approximate plurals from one up.
fn count_words() -> impl Iterator<Item = &'static crosscheck_lexicon::NumberWord> {
    english().number_words_of(&[NumberKind::Cardinal, NumberKind::Approximate]).filter(|n| n.value >= 1.0)
}

/// [`count_words`] as a regex alternation, longest first so "seventeen" is not read as "seven".
static COUNT_WORDS: Lazy<String> = Lazy::new(|| {
    let mut words: Vec<&str> = count_words().map(|n| n.word).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
});

fn count_value(s: &str) -> Option<i64> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let l = s.to_lowercase();
    if l == "a" || l == "an" {
        return Some(1);
    }
    count_words().find(|n| n.word == l).map(|n| n.value as i64)
}

static DATE_RE: Lazy<Regex> = Lazy::new(|| {
    let m = english().month_alternation();
    let full = english().full_month_alternation();
    let d = english().weekday_alternation();
    let n = COUNT_WORDS.as_str();
    Regex::new(&format!(
        r"(?xi)
        (?-u:\b)(?P<md>(?:(?:{d}),?\s+)?(?P<mon>{m})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}}))?)
        |(?-u:\b)(?P<dm>(?:(?:{d}),?\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{m})\.?(?:,?\s+(?P<year2>\d{{4}}))?)(?-u:\b)
        |(?-u:\b)(?P<my>(?P<mon3>{m})\s+(?P<year3>\d{{4}}))(?-u:\b)
        |(?-u:\b)(?P<inmon>(?:(?:in|during|since|until|by|from)\s+(?:(?:early|mid|late)[\s-]+)?|(?:early|mid|late)[\s-]+)(?P<mon4>{full})(?:\s+(?P<year5>\d{{4}}))?)(?-u:\b)
        |(?-u:\b)(?P<wd>(?:(?P<wpre>on|last|next|this\s+past|this|since|by|until)\s+)?(?P<wday>{d})(?:[’']?s)?)(?-u:\b)
        |(?-u:\b)(?P<rel>(?:(?:earlier|later)\s+)?(?:last|this|next|earlier\ this|later\ this)\s+(?P<unit>week|month|year|weekend)|yesterday|today|tomorrow|tonight|overnight|this\s+morning|last\s+night|(?:earlier|later)\ this\ (?:week|month|year))(?-u:\b)
        |(?-u:\b)(?P<ago>(?P<agon>\d{{1,3}}|{n}|a|an)\s+(?P<agou>day|week|month|year)s?\s+ago)(?-u:\b)
        |(?-u:\b)(?P<past>(?:the\s+)?(?:past|previous|last)\s+(?:(?P<pastn>\d{{1,3}}|{n})\s+)?(?P<pastu>day|week|month|year)s?)(?-u:\b)
        |(?-u:\b)(?P<yr>(?:in|during|throughout|since|until|by|from|to|of)\s+(?P<year4>(?:19|20)\d\d))(?-u:\b)
        "
    ))
    .expect("date regex")
});

/// Whether a mention (as matched by [`DATE_RE`]) needs a reference day to be resolved.
fn needs_reference(c: &regex::Captures) -> bool {
    c.name("wd").is_some()
        || c.name("rel").is_some()
        || c.name("ago").is_some()
        || c.name("past").is_some()
        || (c.name("inmon").is_some() && c.name("year5").is_none())
        || (c.name("md").is_some() && c.name("year").is_none())
        || (c.name("dm").is_some() && c.name("year2").is_none())
}

/// Resolve a date expression as printed against a reference day. Past reading
/// is preferred for bare weekdays and months (news reports on what happened),
/// "next"/"later" look forward. Returns `None` when it cannot be resolved,
/// which is always the case for an expression needing a reference without one.
pub fn resolve_date(expr: &str, reference: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    let caps = DATE_RE.captures(expr)?;
    let lower = expr.to_lowercase();
    if caps.name("md").is_some() || caps.name("dm").is_some() {
        let mon = month_number(caps.name("mon").or(caps.name("mon2"))?.as_str())?;
        let day: u32 = caps.name("day").or(caps.name("day2"))?.as_str().parse().ok()?;
        let year = match caps.name("year").or(caps.name("year2")) {
            Some(y) => y.as_str().parse().ok()?,
            None => {
                let r = reference?;
                // The nearest such day: a date far ahead of the reference is last year's.
                let cand = NaiveDate::from_ymd_opt(r.year(), mon, day)?;
                if cand > r + Duration::days(YEARLESS_DAY_MAX_AHEAD_DAYS) { r.year() - 1 } else { r.year() }
            }
        };
        let d = NaiveDate::from_ymd_opt(year, mon, day)?;
        return Some((d, d));
    }
    if caps.name("my").is_some() {
        let mon = month_number(caps.name("mon3")?.as_str())?;
        return month_range(caps.name("year3")?.as_str().parse().ok()?, mon);
    }
    if caps.name("inmon").is_some() {
        let mon = month_number(caps.name("mon4")?.as_str())?;
        if let Some(y) = caps.name("year5") {
            return month_range(y.as_str().parse().ok()?, mon);
        }
        let r = reference?;
        let year = if mon > r.month() { r.year() - 1 } else { r.year() };
        return month_range(year, mon);
    }
    if caps.name("wd").is_some() {
        let r = reference?;
        let wi = weekday_number(caps.name("wday")?.as_str())? as i64;
        let ri = r.weekday().num_days_from_monday() as i64;
        let prefix = caps.name("wpre").map(|p| p.as_str().to_lowercase()).unwrap_or_default();
        let d = if prefix == "next" {
            let mut diff = (wi - ri).rem_euclid(7);
            if diff == 0 {
                diff = 7;
            }
            r + Duration::days(diff)
        } else {
            // "last Monday" said on a Monday is a week ago; "on Monday" is that day.
            let strict = prefix == "last" || prefix == "since" || prefix.starts_with("this") && prefix != "this";
            let mut diff = (ri - wi).rem_euclid(7);
            if diff == 0 && strict {
                diff = 7;
            }
            r - Duration::days(diff)
        };
        return Some((d, d));
    }
    if caps.name("rel").is_some() {
        let r = reference?;
        let squashed: String = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        match squashed.as_str() {
            "yesterday" | "last night" => {
                let d = r - Duration::days(1);
                return Some((d, d));
            }
            "today" | "tonight" | "overnight" | "this morning" => return Some((r, r)),
            "tomorrow" => {
                let d = r + Duration::days(1);
                return Some((d, d));
            }
            _ => {}
        }
        let unit = caps.name("unit").map(|u| u.as_str().to_lowercase()).unwrap_or_default();
        let shift: i32 = if lower.contains("last") { -1 } else if lower.contains("next") { 1 } else { 0 };
        let week_start = r - Duration::days(r.weekday().num_days_from_monday() as i64);
        let (s, e) = match unit.as_str() {
            "week" | "weekend" => {
                let ws = week_start + Duration::weeks(shift as i64);
                if unit == "weekend" { (ws + Duration::days(5), ws + Duration::days(6)) } else { (ws, ws + Duration::days(6)) }
            }
            "month" => {
                let total = r.year() * 12 + r.month() as i32 - 1 + shift;
                month_range(total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)?
            }
            "year" => (NaiveDate::from_ymd_opt(r.year() + shift, 1, 1)?, NaiveDate::from_ymd_opt(r.year() + shift, 12, 31)?),
            _ => return None,
        };
        // "earlier this year" ends at the reference day; "later this week" starts after it.
        if lower.starts_with("earlier") {
            return Some((s, r.min(e)));
        }
        if lower.starts_with("later") {
            return Some(((r + Duration::days(1)).max(s), e));
        }
        return Some((s, e));
    }
    if caps.name("ago").is_some() {
        let r = reference?;
        let n = count_value(caps.name("agon")?.as_str())?;
        return Some(match caps.name("agou")?.as_str().to_lowercase().as_str() {
            "day" => {
                let d = r - Duration::days(n);
                (d, d)
            }
            "week" => {
                let d = r - Duration::days(7 * n);
                (d - Duration::days(3), d + Duration::days(3))
            }
            "month" => {
                let d = r - Duration::days(30 * n);
                (d - Duration::days(15), d + Duration::days(15))
            }
            _ => {
                let y = r.year() - i32::try_from(n).ok()?;
                (NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?)
            }
        });
    }
    if caps.name("past").is_some() {
        // "the past week", "the last three days": a span ending at the reference day.
        let r = reference?;
        let n = caps.name("pastn").map_or(Some(1), |m| count_value(m.as_str()))?;
        let days = match caps.name("pastu")?.as_str().to_lowercase().as_str() {
            "day" => n,
            "week" => 7 * n,
            "month" => 30 * n,
            _ => 365 * n,
        };
        return Some((r - Duration::days(days), r));
    }
    if caps.name("yr").is_some() {
        let y: i32 = caps.name("year4")?.as_str().parse().ok()?;
        return Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?));
    }
    None
}

/// Find and resolve the date mentions of a text against `reference` (see
/// [`article_reference`]; a story's date only when the caller has one).
pub fn find_dates(text: &str, sentences: &[Sentence], reference: Option<Reference>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in DATE_RE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let relative = needs_reference(&c);
        let anchor = match (relative, reference) {
            (false, _) => DateAnchor::Absolute,
            (true, Some(r)) => r.anchor,
            (true, None) => DateAnchor::None,
        };
        let resolved = resolve_date(m.as_str(), reference.map(|r| r.date));
        // Bare "May" and weekday words are weak evidence; explicit days are strong.
        let confidence = match (&resolved, relative) {
            (None, _) => 0.0,
            (Some(_), false) => 0.95,
            (Some(_), true) => 0.75,
        };
        out.push(DateMention {
            span: Span::new(m.start(), m.end()),
            relative,
            resolved,
            anchor,
            sentence: sentence_at(sentences, m.start()),
            confidence,
        });
    }
    merge_ranges(text, out)
}

/// "from January 2022 to July 2023", "between May 1 and May 3": two date
/// mentions joined into one range mention.
fn merge_ranges(text: &str, v: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::with_capacity(v.len());
    let mut i = 0;
    while i < v.len() {
        if let Some(next) = v.get(i + 1) {
            let a = &v[i];
            let gap = text[a.span.end..next.span.start].trim().to_lowercase();
            let head = text[..a.span.start].trim_end().to_lowercase();
            let own = a.span.slice(text).to_lowercase();
            let lead = if own.starts_with("from ") || own.starts_with("between ") {
                Some(0)
            } else if head.ends_with("from") {
                Some("from".len())
            } else if head.ends_with("between") {
                Some("between".len())
            } else {
                None
            };
            let joined = matches!(gap.as_str(), "to" | "until" | "and" | "-" | "–" | "through");
            if let (Some(l), true) = (lead, joined) {
                let start = if l == 0 { a.span.start } else { text[..a.span.start].trim_end().len() - l };
                let resolved = match (a.resolved, next.resolved) {
                    (Some((s, _)), Some((_, e))) if s <= e => Some((s, e)),
                    _ => None,
                };
                let anchor = if a.anchor == DateAnchor::Absolute { next.anchor } else { a.anchor };
                out.push(DateMention {
                    span: Span::new(start, next.span.end),
                    relative: a.relative || next.relative,
                    resolved,
                    anchor,
                    sentence: a.sentence,
                    confidence: a.confidence.min(next.confidence),
                });
                i += 2;
                continue;
            }
        }
        out.push(v[i].clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> Option<Reference> {
        Some(Reference { date: d(s), anchor: DateAnchor::ArticleDate })
    }

    fn found(t: &str, reference: Option<Reference>) -> Vec<DateMention> {
        find_dates(t, &crate::sentences::split_sentences(t), reference)
    }

    #[test]
    fn resolves_against_reference() {
        let r = Some(d("2025-12-02")); // a Tuesday
        assert_eq!(resolve_date("December 1", r), Some((d("2025-12-01"), d("2025-12-01"))));
        assert_eq!(resolve_date("on Monday", r), Some((d("2025-12-01"), d("2025-12-01"))));
        assert_eq!(resolve_date("Sundays", r), Some((d("2025-11-30"), d("2025-11-30"))));
        assert_eq!(resolve_date("last month", r), Some((d("2025-11-01"), d("2025-11-30"))));
        assert_eq!(resolve_date("earlier this year", r), Some((d("2025-01-01"), d("2025-12-02"))));
        assert_eq!(resolve_date("this week", r), Some((d("2025-12-01"), d("2025-12-07"))));
        assert_eq!(resolve_date("later this week", r), Some((d("2025-12-03"), d("2025-12-07"))));
        assert_eq!(resolve_date("in January", r), Some((d("2025-01-01"), d("2025-01-31"))));
        assert_eq!(resolve_date("January 2022", None), Some((d("2022-01-01"), d("2022-01-31"))));
        assert_eq!(resolve_date("on Monday", None), None);
        assert_eq!(resolve_date("December 2, 2025", None), Some((d("2025-12-02"), d("2025-12-02"))));
    }

    #[test]
    fn month_and_weekday_words() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("sep"), Some(9));
        assert_eq!(month_number("December"), Some(12));
        assert_eq!(month_number("de"), None, "shorter than the abbreviation");
        assert_eq!(month_number("marching"), None);
        assert_eq!(weekday_number("Thurs"), Some(3));
        assert_eq!(weekday_number("su"), None);
    }

    #[test]
    fn finds_in_text() {
        let t = "Sundays talks were held. Last month a ship was seen. He met them on Monday, December 1.";
        let v = found(t, at("2025-12-02"));
        let s: Vec<&str> = v.iter().map(|x| x.span.slice(t)).collect();
        assert_eq!(s, vec!["Sundays", "Last month", "on Monday", "December 1"]);
        assert!(v.iter().all(|x| x.resolved.is_some()));
        assert!(v.iter().all(|x| x.anchor == DateAnchor::ArticleDate));
        let t = "It documented 110 incidents from January 2022 to July 2023.";
        let v = found(t, None);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].span.slice(t), "from January 2022 to July 2023");
        assert_eq!(v[0].resolved, Some((d("2022-01-01"), d("2023-07-31"))));
        assert_eq!(v[0].anchor, DateAnchor::Absolute);
    }

    #[test]
    fn ranges() {
        let one = |t: &str| {
            let v = found(t, None);
            assert_eq!(v.len(), 1, "{t}: {v:?}");
            (v[0].span.slice(t).to_string(), v[0].resolved)
        };
        assert_eq!(one("between May 2022 and July 2023 it grew"), ("between May 2022 and July 2023".into(), Some((d("2022-05-01"), d("2023-07-31")))));
        assert_eq!(one("open from 3 March 2024 until 5 March 2024."), ("from 3 March 2024 until 5 March 2024".into(), Some((d("2024-03-03"), d("2024-03-05")))));
        // A range needing a year and none known stays unknown.
        let v = found("between May 1 and May 3", None);
        assert_eq!((v.len(), v[0].resolved, v[0].anchor), (1, None, DateAnchor::None));
        let v = found("between May 1 and May 3", at("2025-06-10"));
        assert_eq!(v[0].resolved, Some((d("2025-05-01"), d("2025-05-03"))));
    }

    // Ported from the incident stage's former finder.
    #[test]
    fn resolves_relative_and_absolute() {
        let r = at("2025-12-02"); // a Tuesday
        let one = |t: &str| found(t, r).into_iter().next().and_then(|m| m.resolved).unwrap();
        assert_eq!(one("On Monday, December 1, a strike").0, d("2025-12-01"));
        assert_eq!(one("Last month a warship"), (d("2025-11-01"), d("2025-11-30")));
        assert_eq!(one("speaking on Monday").0, d("2025-12-01"));
        assert_eq!(one("three days ago"), (d("2025-11-29"), d("2025-11-29")));
        assert_eq!(one("from January 2022 to July 2023"), (d("2022-01-01"), d("2023-07-31")));
        assert_eq!(one("on 14 November"), (d("2025-11-14"), d("2025-11-14")));
        assert_eq!(one("on the 14th of November").0, d("2025-11-14"));
        assert_eq!(one("Monday, 1 December, 2025").0, d("2025-12-01"));
        assert_eq!(one("in early November"), (d("2025-11-01"), d("2025-11-30")));
        assert_eq!(one("during 2024"), (d("2024-01-01"), d("2024-12-31")));
        assert_eq!(one("last night"), (d("2025-12-01"), d("2025-12-01")));
        assert_eq!(one("overnight"), (d("2025-12-02"), d("2025-12-02")));
        assert_eq!(one("last weekend"), (d("2025-11-29"), d("2025-11-30")));
        assert_eq!(one("the past week"), (d("2025-11-25"), d("2025-12-02")));
        assert_eq!(one("over the last three days"), (d("2025-11-29"), d("2025-12-02")));
        assert_eq!(one("two weeks ago"), (d("2025-11-15"), d("2025-11-21")));
        assert_eq!(one("last Tuesday").0, d("2025-11-25"), "a week back, not the reference day");
        assert_eq!(one("this past Sunday").0, d("2025-11-30"));
        // A day printed without a year far ahead of the reference is last year's.
        let v = found("December 20", at("2025-03-02"));
        assert_eq!(v[0].resolved.unwrap().0, d("2024-12-20"));
    }

    #[test]
    fn without_an_anchor_nothing_is_guessed() {
        for t in ["last month", "on Monday", "December 1", "14 November", "three days ago", "the past week", "in November", "yesterday"] {
            let v = found(t, None);
            assert_eq!(v.len(), 1, "{t}: {v:?}");
            assert_eq!((v[0].resolved, v[0].anchor, v[0].relative), (None, DateAnchor::None, true), "{t}");
        }
        let v = found("last month", Some(Reference { date: d("2025-12-02"), anchor: DateAnchor::StoryDate }));
        assert_eq!((v[0].resolved, v[0].anchor), (Some((d("2025-11-01"), d("2025-11-30"))), DateAnchor::StoryDate));
        let v = found("in 2024", None);
        assert_eq!((v[0].anchor, v[0].relative), (DateAnchor::Absolute, false));
    }
}
