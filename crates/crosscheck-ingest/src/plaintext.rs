//! Plain-text reports: one file, one article.
//!
//! The outlet is the file stem (a text file does not say who published it).
//! A short first line without final punctuation is the headline
//! (`title` + `title_span`); a dateline opening the first paragraph (or the
//! one after the headline), found by the extraction stage's one dateline
//! detector (`crosscheck_extract::dateline`), gives `dateline_span` and, when it
//! prints one, the date (`DateMethod::Dateline`); without one, a full date in
//! the file's name (`nyt_2016-10-02_slug.txt`, `DateMethod::FileName`).

use std::path::Path;

use crosscheck_core::{Article, ArticleBuilder, DateMethod, DatePrecision, PublishedDate, SourceFormat, Span};

use crosscheck_extract::dateline::find_dateline;
use crosscheck_extract::tables::DATELINE_DASHES;
use crate::{decoding, has_extension, language, outlet, tables, ArticleStream, IngestError, Reader};

/// Reads `.txt` files and any other non-binary input no other reader claims.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextReader;

impl Reader for TextReader {
    fn name(&self) -> &'static str {
        "text"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        has_extension(path, tables::TEXT_EXTENSIONS) || !crosscheck_core::decode::looks_binary(head)
    }

    fn read_owned(&self, path: String, bytes: Vec<u8>) -> ArticleStream<'static> {
        Box::new(std::iter::once(read_text(&path, &bytes)))
    }
}

/// One plain-text article from the bytes of a file.
pub fn read_text(path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let fail = |reason: String| IngestError::new(path, reason);
    if bytes.is_empty() {
        return Err(fail("empty file".into()));
    }
    let decoded = decoding::decode_text(bytes, None).map_err(fail)?;
    if decoded.malformed {
        tracing::warn!(path, encoding = decoded.encoding, "invalid byte sequences replaced with U+FFFD");
    }
    let mut b = ArticleBuilder::new(outlet::file_stem(path), path, SourceFormat::Text, bytes, &decoded.text);
    if b.text().trim().is_empty() {
        return Err(fail("no text (the file is blank)".into()));
    }
    let text = b.text().to_string();
    let (title_span, dateline_span) = annotate_lead(&mut b, &text);
    if b.published.is_none() {
        b.published = crosscheck_html::dates::from_file_name(path).map(|(p, evidence)| PublishedDate {
            date: p.date,
            datetime: None,
            precision: DatePrecision::Day,
            method: DateMethod::FileName,
            confidence: tables::FILE_NAME_DATE_CONFIDENCE,
            evidence,
        });
    }
    b.language = language::detect(&text);
    b.build(title_span, dateline_span).map_err(|e| fail(format!("internal error building the article: {e}")))
}

/// Find the headline and dateline of a normalised plain text, set the title
/// and date on the builder and return their spans.
pub fn annotate_lead(b: &mut ArticleBuilder, text: &str) -> (Option<Span>, Option<Span>) {
    let first_end = text.find('\n').unwrap_or(text.len());
    let mut dateline = find_dateline(text, 0);
    let mut title_span = None;
    if dateline.is_none() && is_headline(&text[..first_end], text.len() > first_end) {
        title_span = Some(Span::new(0, first_end));
        b.title = Some(text[..first_end].to_string());
        let next = text[first_end..].find(|c: char| c != '\n').map(|i| first_end + i);
        dateline = next.and_then(|start| find_dateline(text, start));
    }
    let dateline_span = dateline.map(|d| {
        if let Some(date) = d.date {
            b.published = Some(PublishedDate {
                date,
                datetime: None,
                precision: DatePrecision::Day,
                method: DateMethod::Dateline,
                confidence: tables::DATELINE_CONFIDENCE,
                evidence: d.span.slice(text).to_string(),
            });
        }
        d.span
    });
    (title_span, dateline_span)
}

/// A headline: a short line, more than one word, not ending like a sentence,
/// followed by more text.
fn is_headline(line: &str, more_follows: bool) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    more_follows
        && (tables::HEADLINE_MIN_WORDS..=tables::HEADLINE_MAX_WORDS).contains(&words)
        && line.chars().count() <= tables::HEADLINE_MAX_CHARS
        && !line.ends_with(tables::HEADLINE_FINAL_PUNCTUATION)
        && !line.ends_with(DATELINE_DASHES)
        && !line.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_dateline_below_it() {
        let raw = "Ministers meet again in Geneva\n\nGENEVA, 3 March 2024 \u{2013} Talks resumed on Monday.\nMore text.";
        let a = read_text("dir/outlet.txt", raw.as_bytes()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Ministers meet again in Geneva"));
        assert_eq!(a.slice(a.title_span.unwrap()), "Ministers meet again in Geneva");
        assert_eq!(a.slice(a.dateline_span.unwrap()), "GENEVA, 3 March 2024 \u{2013}");
        let p = a.published.unwrap();
        assert_eq!(p.date.to_string(), "2024-03-03");
        assert_eq!(p.method, DateMethod::Dateline);
        assert_eq!(a.source, "outlet");
    }

    #[test]
    fn a_file_name_dates_a_text_that_prints_no_date() {
        let a = read_text("corpus/nyt_2016-10-02_a-plan.txt", "A Plan for the Coal Fields\n\nThe company said on Sunday it would close.".as_bytes()).unwrap();
        let p = a.published.unwrap();
        assert_eq!((p.date.to_string(), p.method), ("2016-10-02".to_string(), DateMethod::FileName));
        // A printed dateline wins over the name.
        let a = read_text("corpus/nyt_2016-10-02_a-plan.txt", "GENEVA, 3 March 2024 \u{2013} The talks ended.".as_bytes()).unwrap();
        assert_eq!(a.published.unwrap().method, DateMethod::Dateline);
    }

    #[test]
    fn sentence_first_line_is_not_a_headline() {
        let a = read_text("x.txt", b"The talks resumed on Monday.\nMore text follows here.").unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.title_span, None);
        assert_eq!(a.published, None);
    }

    #[test]
    fn single_line_is_not_a_headline() {
        let a = read_text("x.txt", b"Just one line without a full stop").unwrap();
        assert_eq!(a.title, None);
    }
}
