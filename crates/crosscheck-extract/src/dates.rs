//! Absolute and relative date mentions, resolved against the article date
//! to an inclusive range; unresolvable mentions keep `resolved: None`.

use chrono::{Datelike, Duration, NaiveDate};
use crosscheck_core::Span;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::sentences::sentence_at;
use crosscheck_lexicon::english;

use crate::{DateMention, Sentence};

static DATE_RE: Lazy<Regex> = Lazy::new(|| {
    let m = english().month_alternation();
    let full = english().full_month_alternation();
    let d = english().weekday_alternation();
    Regex::new(&format!(
        r"(?xi)
        (?-u:\b)(?P<md>(?:(?:{d}),?\s+)?(?P<mon>{m})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}}))?)
        |(?-u:\b)(?P<dm>(?P<day2>\d{{1,2}})\s+(?P<mon2>{m})\.?(?:\s+(?P<year2>\d{{4}}))?)(?-u:\b)
        |(?-u:\b)(?P<my>(?P<mon3>{m})\s+(?P<year3>\d{{4}}))(?-u:\b)
        |(?-u:\b)(?P<inmon>(?:in|since|until|by|from|early|late|mid-?)\s+(?P<mon4>{full})(?:\s+(?P<year5>\d{{4}}))?)(?-u:\b)
        |(?-u:\b)(?P<wd>(?:(?:on|last|next|this|since|by|until)\s+)?(?P<wday>{d})(?:[’']?s)?)(?-u:\b)
        |(?-u:\b)(?P<rel>(?:(?:earlier|later)\s+)?(?:last|this|next|earlier\ this|later\ this)\s+(?P<unit>week|month|year|weekend)|yesterday|today|tomorrow|(?:earlier|later)\ this\ (?:week|month|year))(?-u:\b)
        |(?-u:\b)(?P<yr>(?:in|since|until|by|from|to|of)\s+(?P<year4>(?:19|20)\d\d))(?-u:\b)
        "
    ))
    .unwrap()
});

fn month_index(m: &str) -> Option<u32> {
    let l = m.to_lowercase();
    let l = l.trim_end_matches('.');
    let lex = english();
    lex.month_full(l).or_else(|| lex.month_abbreviations.iter().find(|(a, _)| l.starts_with(a)).map(|(_, n)| *n))
}

fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
    Some((start, next - Duration::days(1)))
}

/// Resolve a date expression as printed against a reference day. Past reading
/// is preferred for bare weekdays and months (news reports on what happened),
/// "next"/"later" look forward. Returns `None` when it cannot be resolved.
pub fn resolve_date(expr: &str, reference: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    let caps = DATE_RE.captures(expr)?;
    let lower = expr.to_lowercase();
    if caps.name("md").is_some() || caps.name("dm").is_some() {
        let mon = month_index(caps.name("mon").or(caps.name("mon2"))?.as_str())?;
        let day: u32 = caps.name("day").or(caps.name("day2"))?.as_str().parse().ok()?;
        let year = match caps.name("year").or(caps.name("year2")) {
            Some(y) => y.as_str().parse().ok()?,
            None => {
                let r = reference?;
                // The nearest such day: a date months ahead of the reference is last year's.
                let cand = NaiveDate::from_ymd_opt(r.year(), mon, day)?;
                if cand > r + Duration::days(60) { r.year() - 1 } else { r.year() }
            }
        };
        let d = NaiveDate::from_ymd_opt(year, mon, day)?;
        return Some((d, d));
    }
    if caps.name("my").is_some() {
        let mon = month_index(caps.name("mon3")?.as_str())?;
        return month_range(caps.name("year3")?.as_str().parse().ok()?, mon);
    }
    if caps.name("inmon").is_some() {
        let r = reference;
        let mon = month_index(caps.name("mon4")?.as_str())?;
        if let Some(y) = caps.name("year5") {
            return month_range(y.as_str().parse().ok()?, mon);
        }
        let r = r?;
        let year = if mon > r.month() { r.year() - 1 } else { r.year() };
        return month_range(year, mon);
    }
    if caps.name("wd").is_some() {
        let r = reference?;
        let wname = caps.name("wday")?.as_str().to_lowercase();
        let wi = english().weekday_full(&wname)? as i64 - 1;
        let ri = r.weekday().num_days_from_monday() as i64;
        let d = if lower.starts_with("next") {
            let mut diff = (wi - ri).rem_euclid(7);
            if diff == 0 {
                diff = 7;
            }
            r + Duration::days(diff)
        } else {
            let diff = (ri - wi).rem_euclid(7);
            r - Duration::days(diff)
        };
        return Some((d, d));
    }
    if caps.name("rel").is_some() {
        let r = reference?;
        if lower == "yesterday" {
            let d = r - Duration::days(1);
            return Some((d, d));
        }
        if lower == "today" {
            return Some((r, r));
        }
        if lower == "tomorrow" {
            let d = r + Duration::days(1);
            return Some((d, d));
        }
        let unit = caps.name("unit").map(|u| u.as_str()).unwrap_or("");
        let shift: i32 = if lower.contains("last") { -1 } else if lower.contains("next") { 1 } else { 0 };
        let week_start = r - Duration::days(r.weekday().num_days_from_monday() as i64);
        let (s, e) = match unit {
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
    if caps.name("yr").is_some() {
        let y: i32 = caps.name("year4")?.as_str().parse().ok()?;
        return Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?));
    }
    None
}

/// Find and resolve the date mentions of a text.
pub fn find_dates(text: &str, sentences: &[Sentence], reference: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for m in DATE_RE.find_iter(text) {
        let expr = m.as_str();
        let relative = DATE_RE.captures(expr).is_some_and(|c| c.name("wd").is_some() || c.name("rel").is_some() || (c.name("inmon").is_some() && c.name("year5").is_none()))
            || (DATE_RE.captures(expr).is_some_and(|c| c.name("md").is_some() && c.name("year").is_none()));
        let resolved = resolve_date(expr, reference);
        // Bare "May" and weekday words are weak evidence; explicit days are strong.
        let confidence = match (&resolved, relative) {
            (None, _) => 0.0,
            (Some(_), false) => 0.95,
            (Some(_), true) => 0.75,
        };
        out.push(DateMention { span: Span::new(m.start(), m.end()), relative, resolved, sentence: sentence_at(sentences, m.start()), confidence });
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
                out.push(DateMention {
                    span: Span::new(start, next.span.end),
                    relative: a.relative || next.relative,
                    resolved,
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

/// The first absolute full date (with a year) in a dateline-like opening of the text.
pub fn dateline_date(text: &str) -> Option<NaiveDate> {
    let head: String = text.chars().take(120).collect();
    let c = DATE_RE.captures(&head)?;
    c.name("year")?;
    resolve_date(c.get(0)?.as_str(), None).map(|r| r.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
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
    fn finds_in_text() {
        let t = "Sundays talks were held. Last month a ship was seen. He met them on Monday, December 1.";
        let v = find_dates(t, &crate::sentences::split_sentences(t), Some(d("2025-12-02")));
        let s: Vec<&str> = v.iter().map(|x| x.span.slice(t)).collect();
        assert_eq!(s, vec!["Sundays", "Last month", "on Monday", "December 1"]);
        assert!(v.iter().all(|x| x.resolved.is_some()));
        let t = "It documented 110 incidents from January 2022 to July 2023.";
        let v = find_dates(t, &crate::sentences::split_sentences(t), None);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].span.slice(t), "from January 2022 to July 2023");
        assert_eq!(v[0].resolved, Some((d("2022-01-01"), d("2023-07-31"))));
    }
}
