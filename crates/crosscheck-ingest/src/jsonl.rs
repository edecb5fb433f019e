//! JSON Lines: one article record per line, read by [`crate::record`] (the
//! reader the server's `POST /articles` uses too; the rules are there). The
//! outlet of a record naming none is the file stem. A bad line is an error
//! for `path#lineN` (with the record's error code) and the other lines go on.

use std::io::{BufRead, Cursor, Read};
use std::path::Path;

use crosscheck_core::Article;

use crate::{has_extension, human_bytes, outlet, record, skip_bom_and_space, tables, ArticleStream, IngestError, ReadOptions, Reader};

/// Reads `.jsonl`/`.ndjson` files and anything whose first line is a JSON object.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonlReader {
    options: ReadOptions,
}

impl JsonlReader {
    pub fn new(options: ReadOptions) -> Self {
        JsonlReader { options }
    }
}

impl Reader for JsonlReader {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        has_extension(path, tables::JSONL_EXTENSIONS) || looks_like_jsonl(head)
    }

    fn read_owned(&self, path: String, bytes: Vec<u8>) -> ArticleStream<'static> {
        if is_single_json_document(&bytes) {
            let reason = "JSON document that is neither JSON Lines (one object per line) nor a JSON Feed";
            return Box::new(std::iter::once(Err(IngestError::new(path, reason))));
        }
        read_lines(path, Cursor::new(bytes), self.options)
    }
}

/// Whether the input starts like JSON (an object or an array) and is not a
/// JSON Feed. JSON that is not one object per line is refused by the reader
/// with a clear reason rather than read as text.
fn looks_like_jsonl(head: &[u8]) -> bool {
    let rest = skip_bom_and_space(head);
    // `{` then a key or `}`; `[` then an object or `]`. Text opening with
    // "[Update] ..." or "{sic}" stays text.
    let opens_json = match rest.split_first() {
        Some((b'{', after)) => matches!(skip_bom_and_space(after).first(), Some(b'"' | b'}')),
        Some((b'[', after)) => matches!(skip_bom_and_space(after).first(), Some(b'{' | b']')),
        _ => false,
    };
    opens_json && !String::from_utf8_lossy(rest).contains(tables::JSON_FEED_MARKER)
}

/// Whether the first non-blank line fails to parse as JSON while the whole
/// input is one JSON document (a pretty-printed object, an array).
fn is_single_json_document(bytes: &[u8]) -> bool {
    let first_line = bytes.split(|&b| b == b'\n').find(|l| !l.iter().all(u8::is_ascii_whitespace));
    let first_line_is_object = first_line
        .is_some_and(|l| serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(l).is_ok());
    !first_line_is_object && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// Stream the articles of JSONL `input`; `label` names it in paths and errors.
pub fn read_lines<R: BufRead + 'static>(label: String, input: R, options: ReadOptions) -> ArticleStream<'static> {
    Box::new(JsonlLines { label, input, options, line_no: 0, done: false, articles: 0 })
}

struct JsonlLines<R> {
    label: String,
    input: R,
    options: ReadOptions,
    line_no: usize,
    done: bool,
    articles: usize,
}

impl<R: BufRead> JsonlLines<R> {
    /// The next line (without its newline), or an error for a line longer than the limit.
    fn next_line(&mut self) -> Option<Result<Vec<u8>, String>> {
        let max = self.options.max_input_bytes;
        let mut line = Vec::new();
        match (&mut self.input).take(max + 1).read_until(b'\n', &mut line) {
            Ok(0) => None,
            Ok(_) if line.len() as u64 > max && !line.ends_with(b"\n") => {
                // Drop the rest of the over-long line.
                loop {
                    let mut rest = Vec::new();
                    match (&mut self.input).take(1 << 20).read_until(b'\n', &mut rest) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if rest.ends_with(b"\n") => break,
                        Ok(_) => {}
                    }
                }
                Some(Err(format!("line exceeds the maximum input size of {}", human_bytes(max))))
            }
            Ok(_) => {
                while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    line.pop();
                }
                Some(Ok(line))
            }
            Err(e) => Some(Err(format!("cannot read: {e}"))),
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let Some(line) = self.next_line() else {
                self.done = true;
                if self.line_no == 0 {
                    return Some(Err(IngestError::new(&self.label, "empty input")));
                }
                if self.articles == 0 && self.line_no > 0 {
                    tracing::debug!(label = %self.label, "JSONL input without articles");
                }
                return None;
            };
            self.line_no += 1;
            let path = format!("{}#line{}", self.label, self.line_no);
            let line = match line {
                Ok(l) => l,
                Err(reason) => return Some(Err(IngestError::new(path, reason))),
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let result = record_article(&path, &line);
            if result.is_ok() {
                self.articles += 1;
            }
            return Some(result);
        }
        None
    }
}

fn record_article(path: &str, line: &[u8]) -> Result<Article, IngestError> {
    record::parse_record(line, path, &outlet::file_stem(path)).map_err(|e| IngestError::from_record(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert!(looks_like_jsonl(b"{\"url\": \"u\", \"text\": \"t\"}\n{\"x\":1}"));
        assert!(looks_like_jsonl(b"[{\"text\": \"t\"}]"));
        assert!(looks_like_jsonl(b"{ \"text\": \"t\" }"));
        assert!(!looks_like_jsonl(b"[Update] Talks resume"));
        assert!(!looks_like_jsonl(b"{sic} the minister said"));
        assert!(is_single_json_document(b"{\n  \"text\": \"t\"\n}\n"));
        assert!(is_single_json_document(b"[{\"text\": \"t\"}]"));
        assert!(!is_single_json_document(b"{\"text\": \"t\"}\n{\"text\": \"u\"}\n"));
        assert!(!is_single_json_document(b"{ broken\n"));
        assert!(!looks_like_jsonl(b"{\"version\":\"https://jsonfeed.org/version/1\"}"));
        assert!(!looks_like_jsonl(b"plain"));
    }
}
