//! Page metadata against a ground truth: title, authors and publication date,
//! scored the same way for every extractor (crosscheck's `bench extract` and
//! any prediction file given to `bench extract --score`, such as the
//! trafilatura and rs-trafilatura runs of `bench/side_by_side.py`).
//!
//! Truth fields: `title`, `author` and `publish_date` (WCXB) or `date`
//! (trafilatura's evaluation set); a page counts for a field only when its
//! truth value is non-empty. Prediction fields: `title`, `author` (names
//! separated by `;`, as trafilatura prints them, or a JSON list) and `date`.
//!
//! Normalisation (one for everyone):
//! * **date**: the first `YYYY-MM-DD` (separators `-`, `/`, `.`; one- or
//!   two-digit month and day) of the value; right when the calendar day is equal.
//!   A truth value without a day (`2025-09`) is not counted.
//! * **title**: lower case, every run of characters that are not letters or
//!   digits one space, trimmed. *Exact*: the normalised strings are equal.
//!   *Token F1*: bag-of-words F1 of the normalised words (0 without a prediction),
//!   averaged over the pages with a truth title.
//! * **author**: a value is cut into names at `;`, `,`, `&`, `|`, `/`, and the
//!   words "and", "und", "et", "y", "e"; a leading "by"/"von"/"par"/"por" is
//!   dropped; each name is normalised like a title; pieces without a letter
//!   and credentials (one word of at most four letters, "MS", "PhD") are
//!   dropped. *Set match*: the predicted names equal the true names as sets.
//!   *Any match*: at least one predicted name is a true name.
//!
//! Every accuracy is over the pages with a truth value: a page the extractor
//! gave nothing for counts as wrong. `found` counts those pages with a
//! prediction at all.

use std::collections::BTreeMap;

use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;
use serde_json::Value;

static DAY_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})").expect("day pattern"));
static NAME_SPLIT_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)[;,&|/]|\s(?:and|und|et|y|e)\s").expect("name split pattern"));

/// Pages with a truth value, with a prediction, and right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct FieldCount {
    pub truth: usize,
    pub found: usize,
    pub right: usize,
}

impl FieldCount {
    /// `right / truth`, 0 without truth values.
    pub fn accuracy(&self) -> f64 {
        if self.truth == 0 { 0.0 } else { self.right as f64 / self.truth as f64 }
    }
    fn add(&mut self, found: bool, right: bool) {
        self.truth += 1;
        self.found += usize::from(found);
        self.right += usize::from(right);
    }
}

/// Metadata scores over a set of pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MetadataScore {
    /// Publication date, exact calendar day.
    pub date: FieldCount,
    /// Title, normalised exact match.
    pub title_exact: FieldCount,
    /// Title, mean token F1 over the pages with a truth title.
    pub title_token_f1: f64,
    /// Authors, normalised set match.
    pub author_set: FieldCount,
    /// Authors, at least one right name.
    pub author_any: FieldCount,
    /// Page ids whose date was wrong or missing (for `--per-page`).
    #[serde(skip)]
    pub wrong_dates: Vec<(String, String, Option<String>)>,
}

/// Lower case, non-alphanumeric runs as one space, trimmed.
pub fn normalise_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// The calendar day of a value (`YYYY-MM-DD...`), as `YYYY-MM-DD`.
pub fn normalise_day(s: &str) -> Option<String> {
    let c = DAY_RE.captures(s)?;
    let (y, m, d): (i32, u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.to_string())
}

/// The normalised author names of a value (see the module doc).
pub fn normalise_authors(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in NAME_SPLIT_RE.split(raw) {
        let mut name = normalise_text(piece);
        for prefix in ["by ", "von ", "par ", "por "] {
            if let Some(rest) = name.strip_prefix(prefix) {
                name = rest.to_string();
            }
        }
        let credential = !name.contains(' ') && name.chars().count() <= 4;
        if name.chars().any(char::is_alphabetic) && !credential && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn token_f1(truth: &str, predicted: &str) -> f64 {
    let count = |s: &str| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for w in normalise_text(s).split(' ').filter(|w| !w.is_empty()) {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
        m
    };
    let (t, p) = (count(truth), count(predicted));
    let overlap: usize = t.iter().map(|(w, n)| (*n).min(p.get(w).copied().unwrap_or(0))).sum();
    let (nt, np) = (t.values().sum::<usize>(), p.values().sum::<usize>());
    if overlap == 0 || nt == 0 || np == 0 {
        return 0.0;
    }
    let (pr, rc) = (overlap as f64 / np as f64, overlap as f64 / nt as f64);
    2.0 * pr * rc / (pr + rc)
}

fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()).filter(|s| !s.trim().is_empty()),
        Value::Array(a) => {
            let parts: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        _ => None,
    }
}

/// Whether a truth record carries any metadata field this scorer reads.
pub fn has_metadata(truth: &BTreeMap<String, Value>) -> bool {
    truth.values().any(|v| ["title", "author", "publish_date", "date"].iter().any(|f| text_of(v.get(*f)).is_some()))
}

/// Score predictions (`{id: {title, author, date}}`) against a truth
/// (`{id: {title, author, publish_date | date}}`); pages missing from the
/// predictions count as found nothing.
pub fn score(truth: &BTreeMap<String, Value>, predicted: &BTreeMap<String, Value>) -> MetadataScore {
    let mut s = MetadataScore::default();
    let mut title_f1_sum = 0.0;
    for (id, t) in truth {
        let p = predicted.get(id);
        let field = |name: &str| p.and_then(|p| text_of(p.get(name)));
        if let Some(true_day) = text_of(t.get("publish_date")).or_else(|| text_of(t.get("date"))).as_deref().and_then(normalise_day) {
            let got = field("date").as_deref().and_then(normalise_day);
            let right = got.as_deref() == Some(true_day.as_str());
            if !right {
                s.wrong_dates.push((id.clone(), true_day.clone(), got.clone()));
            }
            s.date.add(got.is_some(), right);
        }
        if let Some(true_title) = text_of(t.get("title")).map(|x| normalise_text(&x)).filter(|x| !x.is_empty()) {
            let got = field("title").map(|x| normalise_text(&x)).filter(|x| !x.is_empty());
            s.title_exact.add(got.is_some(), got.as_deref() == Some(true_title.as_str()));
            title_f1_sum += got.as_deref().map_or(0.0, |g| token_f1(&true_title, g));
        }
        let true_names = text_of(t.get("author")).map(|x| normalise_authors(&x)).unwrap_or_default();
        if !true_names.is_empty() {
            let got = field("author").map(|x| normalise_authors(&x)).unwrap_or_default();
            let found = !got.is_empty();
            let mut sorted_true = true_names.clone();
            sorted_true.sort();
            let mut sorted_got = got.clone();
            sorted_got.sort();
            s.author_set.add(found, found && sorted_true == sorted_got);
            s.author_any.add(found, got.iter().any(|g| true_names.contains(g)));
        }
    }
    if s.title_exact.truth > 0 {
        s.title_token_f1 = title_f1_sum / s.title_exact.truth as f64;
    }
    s
}

impl MetadataScore {
    /// One line per field: accuracy and counts.
    pub fn render(&self) -> String {
        let line = |name: &str, c: &FieldCount| {
            format!("{name:<12} acc {:.3}  (truth {}, found {}, right {})\n", c.accuracy(), c.truth, c.found, c.right)
        };
        let mut s = line("date (day)", &self.date);
        s += &line("title exact", &self.title_exact);
        s += &format!("{:<12} F1  {:.3}\n", "title tokens", self.title_token_f1);
        s += &line("author set", &self.author_set);
        s += &line("author any", &self.author_any);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn normalisations() {
        assert_eq!(normalise_text("  “Talks End” — Without a Deal!"), "talks end without a deal");
        assert_eq!(normalise_day("2025-9-4T23:10:00+02:00").as_deref(), Some("2025-09-04"));
        assert_eq!(normalise_day("2025-09"), None);
        assert_eq!(normalise_authors("By Jane Doe, MS, RD and John Roe"), vec!["jane doe", "john roe"]);
        assert_eq!(normalise_authors("Anna Schmidt; Jan Berg"), vec!["anna schmidt", "jan berg"]);
        assert_eq!(normalise_authors(""), Vec::<String>::new());
    }

    #[test]
    fn counts_and_accuracies() {
        let truth = map(json!({
            "a": {"title": "Talks end", "author": "Jane Doe and John Roe", "publish_date": "2025-12-02"},
            "b": {"title": "Second page here", "author": null, "publish_date": null},
            "c": {"title": "Third", "author": "", "date": "2025-12-03"},
        }));
        let pred = map(json!({
            "a": {"title": "talks END", "author": "John Roe", "date": "2025-12-02T23:00:00-05:00"},
            "b": {"title": "Second page", "date": "2025-01-01"},
        }));
        let s = score(&truth, &pred);
        assert_eq!(s.date, FieldCount { truth: 2, found: 1, right: 1 });
        assert_eq!(s.title_exact, FieldCount { truth: 3, found: 2, right: 1 });
        assert_eq!(s.author_set, FieldCount { truth: 1, found: 1, right: 0 });
        assert_eq!(s.author_any, FieldCount { truth: 1, found: 1, right: 1 });
        // Titles: 1.0 (a), 0.8 (b: P 1, R 2/3), 0 (c missing).
        assert!((s.title_token_f1 - (1.0 + 0.8) / 3.0).abs() < 1e-9, "{}", s.title_token_f1);
        assert_eq!(s.wrong_dates, vec![("c".to_string(), "2025-12-03".to_string(), None)]);
    }
}
