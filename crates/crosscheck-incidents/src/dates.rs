//! Incident dates: a day or a range with its precision. They are made from the
//! extraction stage's date layer (`Annotated::dates`, resolved there against the
//! article's own date or an explicitly passed story date); this crate finds and
//! resolves no date of its own.

use chrono::{Datelike, Duration, NaiveDate};
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
}
