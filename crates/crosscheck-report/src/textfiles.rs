//! Plain-text reports as articles: one file, one article, the file stem as the
//! outlet. For tests and for the CLI when the ingest stage cannot read a path.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat, Span};

use crate::ReportError;

/// Read one `.txt` file. A short first line without final punctuation is taken
/// as the headline (its span becomes `title_span`).
pub fn read_text_file(path: &Path) -> Result<Article, ReportError> {
    let raw = std::fs::read(path).map_err(|e| ReportError::Io { path: path.display().to_string(), source: e })?;
    let text = String::from_utf8_lossy(&raw);
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let b = ArticleBuilder::new(stem, path.display().to_string(), SourceFormat::Text, &raw, &text);
    let norm = b.text().to_string();
    let first = norm.split('\n').next().unwrap_or("");
    let headline = !first.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', ':']) && crosscheck_core::text::word_count(first) <= 20 && norm.contains('\n');
    let title_span = headline.then(|| Span::new(0, first.len()));
    let mut b = b;
    if headline {
        b.title = Some(first.to_string());
    }
    let dateline = dateline(&norm);
    if let Some((span, date)) = &dateline {
        b.published = Some(PublishedDate {
            date: *date,
            datetime: None,
            precision: DatePrecision::Day,
            method: DateMethod::Dateline,
            confidence: 0.8,
            evidence: span.slice(&norm).to_string(),
        });
    }
    b.build(title_span, dateline.map(|d| d.0)).map_err(|e| ReportError::Io { path: path.display().to_string(), source: std::io::Error::other(e.to_string()) })
}

/// Every `.txt` file under the given paths (files or directories), sorted.
pub fn text_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                let mut sub: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                sub.sort();
                out.extend(text_files(&sub));
            }
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p.clone());
        }
    }
    out.sort();
    out
}

/// Read every `.txt` file under `paths`.
pub fn read_text_paths(paths: &[PathBuf]) -> Result<Vec<Article>, ReportError> {
    text_files(paths).iter().map(|p| read_text_file(p)).collect()
}

/// Read command-line inputs through the ingest stage; a `.txt` file the ingest
/// stage cannot read (e.g. while it is unavailable) is read as plain text here.
/// Returns the articles (exact duplicates by id dropped) and one message per
/// input that failed.
pub fn load_inputs(inputs: &[String]) -> (Vec<Article>, Vec<String>) {
    let mut articles: Vec<Article> = Vec::new();
    let mut errors = Vec::new();
    let push = |a: Article, articles: &mut Vec<Article>| {
        if !articles.iter().any(|x| x.id == a.id) {
            articles.push(a);
        }
    };
    let expanded = crosscheck_ingest::expand_inputs(inputs);
    let ingest_works = expanded.iter().any(|r| r.is_ok());
    if !ingest_works {
        // Ingest cannot expand the inputs: walk them here.
        let paths: Vec<PathBuf> = inputs.iter().map(PathBuf::from).collect();
        for p in text_files(&paths) {
            match read_text_file(&p) {
                Ok(a) => push(a, &mut articles),
                Err(e) => errors.push(e.to_string()),
            }
        }
        if articles.is_empty() {
            errors.extend(expanded.into_iter().filter_map(|r| r.err().map(|e| e.to_string())));
        }
        return (articles, errors);
    }
    for r in expanded {
        match r {
            Err(e) => errors.push(e.to_string()),
            Ok(path) => {
                let mut got = false;
                let mut errs = Vec::new();
                for a in crosscheck_ingest::read_path(&path) {
                    match a {
                        Ok(a) => {
                            got = true;
                            push(a, &mut articles);
                        }
                        Err(e) => errs.push(e.to_string()),
                    }
                }
                if !got && path.extension().is_some_and(|e| e == "txt") {
                    match read_text_file(&path) {
                        Ok(a) => push(a, &mut articles),
                        Err(e) => errors.push(e.to_string()),
                    }
                } else {
                    errors.extend(errs);
                }
            }
        }
    }
    (articles, errors)
}

/// A dateline opening the text: "Place – Month D, YYYY –" (any dash), with its date.
pub fn dateline(text: &str) -> Option<(Span, NaiveDate)> {
    let head: String = text.chars().take(80).collect();
    let mut parts = head.splitn(3, ['\u{2013}', '\u{2014}', '-']);
    let place = parts.next()?.trim();
    let date = parts.next()?.trim();
    parts.next()?;
    if place.is_empty() || place.split_whitespace().count() > 4 || !place.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let d = NaiveDate::parse_from_str(date, "%B %d, %Y").ok()?;
    // End of the dateline: just after the second dash.
    let dashes: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| matches!(c, '\u{2013}' | '\u{2014}' | '-')).take(2).collect();
    let (pos, ch) = *dashes.get(1)?;
    let end = pos + ch.len_utf8();
    Some((Span::new(0, end), d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dateline() {
        let t = "Brussels/Moscow \u{2013} December 2, 2025 \u{2013} In a sharp turn";
        let (sp, d) = dateline(t).unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(2025, 12, 2).unwrap());
        assert!(sp.slice(t).ends_with('\u{2013}'));
        assert!(dateline("A fire destroyed - many - things").is_none());
    }
}
