//! WARC files (ISO 28500, versions 1.0 and 1.1), plain or gzip-compressed
//! (one gzip member per record, or the whole file as one member).
//!
//! Each `response` record holding an HTTP 2xx response with an HTML payload
//! becomes an article `path#N`, N counting every record of the file from 1.
//! The HTTP `Content-Type` charset is passed to the extractor as the declared
//! charset, `WARC-Target-URI` is the article URL and `WARC-Date` the date of
//! last resort (`DateMethod::Record`, low confidence: a capture date only
//! bounds the publication date). `resource` records whose own content type is
//! HTML are read the same way.
//!
//! Records that are not pages (`warcinfo`, `request`, `metadata`, `revisit`,
//! non-HTML or non-2xx responses) are skipped silently and counted
//! ([`WarcArticles::skipped`]). A malformed record is an error for that record
//! and reading goes on with the next one; a file that ends inside a record or
//! a gzip member ends the stream with an error, after every complete record.
//!
//! The parser is ours (about 300 lines): it streams records from a
//! [`BufRead`], so a multi-member gzip file is never decompressed whole, and
//! [`crate::read_path`] streams WARC files from disk: a crawl larger than
//! [`ReadOptions::max_input_bytes`] is read, each record bounded by it.

use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

use chrono::DateTime;
use crosscheck_core::{Article, DateMethod, DatePrecision, PublishedDate, SourceFormat};

use crate::html::{looks_like_html, page_article, Overrides};
use crate::{gzip_reason, has_extension, human_bytes, skip_bom_and_space, tables, ArticleStream, IngestError, ReadOptions, Reader};

/// Reads `.warc`, `.warc.gz` and anything that starts like a WARC record.
#[derive(Debug, Clone, Copy, Default)]
pub struct WarcReader {
    options: ReadOptions,
}

impl WarcReader {
    pub fn new(options: ReadOptions) -> Self {
        WarcReader { options }
    }
}

impl Reader for WarcReader {
    fn name(&self) -> &'static str {
        "warc"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        let name = path.to_string_lossy().to_ascii_lowercase();
        has_extension(path, &["warc"])
            || name.ends_with(".warc.gz")
            || skip_bom_and_space(head).starts_with(tables::WARC_MAGIC)
            || sniff_gzip_warc(head)
    }

    fn read_owned(&self, path: String, bytes: Vec<u8>) -> ArticleStream<'static> {
        if is_binary_junk(&bytes[..bytes.len().min(tables::SNIFF_BYTES)]) {
            return Box::new(std::iter::once(Err(IngestError::new(path, "binary data, not a WARC file (no WARC/ version line, not gzip)"))));
        }
        Box::new(WarcArticles::new(path, bytes, self.options))
    }
}

/// Binary data that neither opens with a WARC version line nor is gzip.
/// (A WARC file itself may hold binary payloads, so only its opening counts.)
pub fn is_binary_junk(head: &[u8]) -> bool {
    !skip_bom_and_space(head).starts_with(tables::WARC_MAGIC)
        && !head.starts_with(tables::GZIP_MAGIC)
        && crosscheck_core::decode::looks_binary(head)
}

/// Whether `head` is the start of a gzip member whose content starts with `WARC/`.
pub fn sniff_gzip_warc(head: &[u8]) -> bool {
    if !head.starts_with(tables::GZIP_MAGIC) {
        return false;
    }
    let mut first = [0u8; 5];
    let mut decoder = flate2::read::GzDecoder::new(head);
    let mut got = 0;
    while got < first.len() {
        match decoder.read(&mut first[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    got == first.len() && first == *tables::WARC_MAGIC
}

/// The articles of one WARC file, streamed record by record.
pub struct WarcArticles {
    path: String,
    input: Box<dyn BufRead + Send>,
    options: ReadOptions,
    /// Ordinal of the last record read (1-based).
    record_no: usize,
    /// A version line found while resynchronising after a malformed record.
    pending_version: Option<Vec<u8>>,
    done: bool,
    skipped: usize,
}

/// One step of the record parser.
enum Step {
    Record(RawRecord),
    /// This record is bad; the next one may be fine.
    BadRecord(String),
    /// The stream cannot go on (truncated file, corrupt compression).
    Fatal(String),
    End,
}

struct RawRecord {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl RawRecord {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What one record is.
enum Content {
    Page { body: Vec<u8>, charset: Option<String> },
    /// Not a page (counted, not reported).
    Skip,
}

impl WarcArticles {
    /// Stream the articles of a WARC file's bytes (plain or gzip).
    pub fn new(path: String, bytes: Vec<u8>, options: ReadOptions) -> Self {
        let input: Box<dyn BufRead + Send> = if bytes.starts_with(tables::GZIP_MAGIC) {
            Box::new(BufReader::new(GzipMembers::new(Box::new(Cursor::new(bytes)))))
        } else {
            Box::new(Cursor::new(bytes))
        };
        WarcArticles { path, input, options, record_no: 0, pending_version: None, done: false, skipped: 0 }
    }

    /// Stream the articles of a WARC read from `input` (e.g. a file) without
    /// holding the whole of it in memory; `gzip` says whether it is
    /// compressed. Only each record is bounded by
    /// [`ReadOptions::max_input_bytes`].
    pub fn from_reader(path: String, input: impl Read + Send + 'static, gzip: bool, options: ReadOptions) -> Self {
        let input: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::new(GzipMembers::new(Box::new(BufReader::new(input)))))
        } else {
            Box::new(BufReader::new(input))
        };
        WarcArticles { path, input, options, record_no: 0, pending_version: None, done: false, skipped: 0 }
    }

    /// How many records so far were skipped as not being HTML pages.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// How many records so far were read (pages, skipped and bad ones).
    pub fn records(&self) -> usize {
        self.record_no
    }

    fn record_path(&self) -> String {
        format!("{}#{}", self.path, self.record_no)
    }

    /// One line, at most [`tables::MAX_HEADER_LINE_BYTES`] long (a longer one
    /// comes back cut, without its newline).
    fn read_line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let n = (&mut self.input).take(tables::MAX_HEADER_LINE_BYTES as u64).read_until(b'\n', &mut line)?;
        Ok((n > 0).then_some(line))
    }

    /// Skip lines up to the next `WARC/` version line, keeping it for the next
    /// record. Read errors on the way (further corrupt gzip members) are
    /// skipped too, up to a bound, so a failing device cannot loop forever.
    fn resync(&mut self) -> Result<(), String> {
        let mut errors = 0;
        loop {
            match self.read_line() {
                Ok(None) => return Ok(()),
                Ok(Some(line)) if line.starts_with(tables::WARC_MAGIC) => {
                    self.pending_version = Some(line);
                    return Ok(());
                }
                Ok(Some(_)) => {}
                Err(e) => {
                    errors += 1;
                    if errors > tables::MAX_RESYNC_ERRORS {
                        return Err(gzip_reason(&e));
                    }
                }
            }
        }
    }

    fn next_raw(&mut self) -> Step {
        match self.try_next_raw() {
            Ok(step) => step,
            // A corrupt gzip member: GzipMembers has moved on to the next
            // member; find the next record there.
            Err(e) => match self.resync() {
                Ok(()) => Step::BadRecord(gzip_reason(&e)),
                Err(later) => Step::Fatal(later),
            },
        }
    }

    fn try_next_raw(&mut self) -> std::io::Result<Step> {
        let version = match self.pending_version.take() {
            Some(v) => v,
            None => loop {
                match self.read_line()? {
                    None => return Ok(Step::End),
                    Some(l) if l.iter().all(u8::is_ascii_whitespace) => continue,
                    Some(l) => break l,
                }
            },
        };
        self.record_no += 1;
        if !version.starts_with(tables::WARC_MAGIC) {
            let preview = preview(&version);
            return Ok(match self.resync() {
                Ok(()) => Step::BadRecord(format!("malformed WARC record: expected a WARC/1.x version line, found {preview:?}")),
                Err(e) => Step::Fatal(e),
            });
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            let Some(line) = self.read_line()? else {
                return Ok(Step::Fatal("truncated WARC file: it ends inside a record header".into()));
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
            if !line.ends_with(b"\n") || headers.len() >= tables::MAX_HEADER_LINES {
                return Ok(self.bad_and_resync("malformed WARC record: header too long"));
            }
            let line = String::from_utf8_lossy(&line);
            if line.starts_with([' ', '\t']) {
                // A folded continuation of the previous header.
                match headers.last_mut() {
                    Some((_, v)) => v.push_str(line.trim()),
                    None => return Ok(self.bad_and_resync("malformed WARC record: header starts with a continuation line")),
                }
                continue;
            }
            match line.split_once(':') {
                Some((name, value)) if !name.trim().is_empty() => headers.push((name.trim().to_string(), value.trim().to_string())),
                _ => return Ok(self.bad_and_resync(&format!("malformed WARC record: header line {:?} has no name", preview(line.as_bytes())))),
            }
        }
        let length = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .and_then(|(_, v)| v.parse::<u64>().ok());
        let Some(length) = length else {
            return Ok(self.bad_and_resync("malformed WARC record: missing or invalid Content-Length"));
        };
        if length > self.options.max_input_bytes {
            let skipped = std::io::copy(&mut (&mut self.input).take(length), &mut std::io::sink())?;
            if skipped < length {
                return Ok(Step::Fatal(truncated(length, skipped)));
            }
            return Ok(Step::BadRecord(format!(
                "WARC record of {} exceeds the maximum input size of {}",
                human_bytes(length),
                human_bytes(self.options.max_input_bytes)
            )));
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        (&mut self.input).take(length).read_to_end(&mut block)?;
        if (block.len() as u64) < length {
            return Ok(Step::Fatal(truncated(length, block.len() as u64)));
        }
        Ok(Step::Record(RawRecord { headers, block }))
    }

    fn bad_and_resync(&mut self, reason: &str) -> Step {
        match self.resync() {
            Ok(()) => Step::BadRecord(reason.to_string()),
            Err(e) => Step::Fatal(e),
        }
    }

    fn article(&mut self, record: RawRecord) -> Option<Result<Article, IngestError>> {
        let path = self.record_path();
        let content = match classify(&record) {
            Ok(c) => c,
            Err(reason) => return Some(Err(IngestError::new(path, reason))),
        };
        let Content::Page { body, charset } = content else {
            self.skipped += 1;
            return None;
        };
        if body.len() as u64 > self.options.max_input_bytes {
            return Some(Err(IngestError::new(path, "decoded HTTP payload exceeds the maximum input size")));
        }
        let url = record.header("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string()).filter(|u| !u.is_empty());
        let overrides = Overrides { fallback_published: record.header("WARC-Date").and_then(capture_date), ..Overrides::default() };
        Some(page_article(&path, &body, charset.as_deref(), url.as_deref(), SourceFormat::Warc, overrides))
    }
}

impl Iterator for WarcArticles {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_raw() {
                Step::End => {
                    self.done = true;
                    tracing::debug!(path = %self.path, records = self.record_no, skipped = self.skipped, "WARC read");
                }
                Step::Fatal(reason) => {
                    self.done = true;
                    let at = if self.record_no == 0 { self.path.clone() } else { self.record_path() };
                    return Some(Err(IngestError::new(at, reason)));
                }
                Step::BadRecord(reason) => return Some(Err(IngestError::new(self.record_path(), reason))),
                Step::Record(record) => {
                    if let Some(result) = self.article(record) {
                        return Some(result);
                    }
                }
            }
        }
        None
    }
}

/// Gzip members read one after another, like `MultiGzDecoder`, except that
/// a corrupt member is reported once (as the read error) and reading resumes
/// at the next member header, so one damaged record of a `.warc.gz` does not
/// lose the records after it.
struct GzipMembers {
    decoder: Option<flate2::bufread::GzDecoder<Box<dyn BufRead + Send>>>,
    /// The compressed input between members.
    between: Option<Box<dyn BufRead + Send>>,
}

impl GzipMembers {
    fn new(input: Box<dyn BufRead + Send>) -> Self {
        GzipMembers { decoder: None, between: Some(input) }
    }

    /// Move the input to the next gzip member header (`1f 8b 08`), or its end.
    fn skip_to_next_member(mut input: Box<dyn BufRead + Send>) -> std::io::Result<Box<dyn BufRead + Send>> {
        const MEMBER: [u8; 3] = [0x1f, 0x8b, 0x08];
        let mut matched = 0usize;
        loop {
            let buf = input.fill_buf()?;
            if buf.is_empty() {
                return Ok(input);
            }
            let mut used = 0;
            for &b in buf {
                used += 1;
                matched = if b == MEMBER[matched] { matched + 1 } else if b == MEMBER[0] { 1 } else { 0 };
                if matched == MEMBER.len() {
                    break;
                }
            }
            input.consume(used);
            if matched == MEMBER.len() {
                // The header bytes were consumed: put them back in front.
                return Ok(Box::new(Cursor::new(MEMBER).chain(input)));
            }
        }
    }
}

impl Read for GzipMembers {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(decoder) = self.decoder.as_mut() {
                match decoder.read(buf) {
                    Ok(0) => {
                        // End of this member.
                        self.between = self.decoder.take().map(|d| d.into_inner());
                    }
                    Ok(n) => return Ok(n),
                    Err(e) => {
                        let rest = self.decoder.take().map(|d| d.into_inner());
                        if let Some(rest) = rest {
                            self.between = Some(Self::skip_to_next_member(rest)?);
                        }
                        return Err(e);
                    }
                }
            }
            let Some(mut input) = self.between.take() else { return Ok(0) };
            if input.fill_buf()?.is_empty() {
                self.between = Some(input);
                return Ok(0);
            }
            self.decoder = Some(flate2::bufread::GzDecoder::new(input));
        }
    }
}

/// Decide what a record holds, decoding its HTTP payload if it is a page.
fn classify(record: &RawRecord) -> Result<Content, String> {
    let warc_type = record.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let record_type = media_type(record.header("Content-Type").unwrap_or(""));
    match warc_type.as_str() {
        "response" if record_type == "application/http" || record.block.starts_with(b"HTTP/") => http_page(&record.block),
        "resource" if tables::HTML_MEDIA_TYPES.contains(&record_type.as_str()) => {
            Ok(Content::Page { body: record.block.clone(), charset: charset_of(record.header("Content-Type").unwrap_or("")) })
        }
        "" => Err("malformed WARC record: no WARC-Type".into()),
        _ => Ok(Content::Skip),
    }
}

/// The HTML payload of an HTTP response, or `Skip` for non-2xx and non-HTML responses.
fn http_page(block: &[u8]) -> Result<Content, String> {
    let (head, body) = split_http(block).ok_or("malformed HTTP response in WARC record: no end of headers")?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .strip_prefix("HTTP/")
        .and_then(|s| s.split_whitespace().nth(1))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("malformed HTTP response in WARC record: status line {:?}", preview(status_line.as_bytes())))?;
    if !(200..300).contains(&status) {
        return Ok(Content::Skip);
    }
    let headers: Vec<(&str, &str)> = lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim(), v.trim())).collect();
    let header = |name: &str| headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| *v);
    let content_type = header("Content-Type").unwrap_or("");
    let mut body = body.to_vec();
    if header("Transfer-Encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body).ok_or("malformed chunked HTTP body in WARC record")?;
    }
    match header("Content-Encoding").map(|e| e.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") | Some("identity") => {}
        Some("gzip") | Some("x-gzip") => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), "gzip")?,
        Some("deflate") => body = inflate(flate2::read::ZlibDecoder::new(&body[..]), "deflate")?,
        Some(other) => return Err(format!("unsupported HTTP Content-Encoding {other:?} in WARC record")),
    }
    let is_html = if content_type.is_empty() {
        looks_like_html(&body[..body.len().min(tables::SNIFF_BYTES)])
    } else {
        tables::HTML_MEDIA_TYPES.contains(&media_type(content_type).as_str())
    };
    if !is_html {
        return Ok(Content::Skip);
    }
    Ok(Content::Page { body, charset: charset_of(content_type) })
}

/// Split an HTTP message at the blank line ending its headers (CRLF or LF).
fn split_http(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = block.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = block.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => if a.0 <= b.0 { a } else { b },
        (a, b) => a.or(b)?,
    };
    Some((&block[..end], &block[body..]))
}

/// Undo HTTP/1.1 chunked transfer coding.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body.iter().position(|&b| b == b'\n')?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = body.get(..size)?;
        out.extend_from_slice(chunk);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    }
}

fn inflate(mut decoder: impl Read, coding: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder
        .read_to_end(&mut out)
        .map_err(|e| format!("corrupt {coding}-encoded HTTP body in WARC record: {e}"))?;
    Ok(out)
}

/// `text/html; charset=utf-8` → `text/html`.
fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// The `charset` parameter of a Content-Type header.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// A WARC-Date as a low-confidence publication date.
fn capture_date(value: &str) -> Option<PublishedDate> {
    let dt = DateTime::parse_from_rfc3339(value.trim()).ok()?;
    Some(PublishedDate {
        date: dt.date_naive(),
        datetime: Some(dt),
        precision: DatePrecision::DateTime,
        method: DateMethod::Record,
        confidence: tables::WARC_DATE_CONFIDENCE,
        evidence: format!("WARC-Date: {}", value.trim()),
    })
}

fn truncated(expected: u64, got: u64) -> String {
    format!("truncated WARC record: Content-Length is {expected} bytes but the file ends after {got}")
}

/// The start of a line, for error messages.
fn preview(line: &[u8]) -> String {
    let s = String::from_utf8_lossy(&line[..line.len().min(60)]);
    s.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked() {
        assert_eq!(dechunk(b"5\r\nHello\r\n6;x=y\r\n world\r\n0\r\n\r\n").unwrap(), b"Hello world");
        assert!(dechunk(b"zz\r\nHello").is_none());
        assert!(dechunk(b"50\r\nshort").is_none());
    }

    #[test]
    fn content_type_parts() {
        assert_eq!(media_type("Text/HTML; charset=\"ISO-8859-1\""), "text/html");
        assert_eq!(charset_of("text/html; Charset=\"ISO-8859-1\"").as_deref(), Some("ISO-8859-1"));
        assert_eq!(charset_of("text/html"), None);
    }

    #[test]
    fn http_split_lf_and_crlf() {
        assert_eq!(split_http(b"HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody").unwrap().1, b"body");
        assert_eq!(split_http(b"HTTP/1.1 200 OK\nA: b\n\nbody").unwrap().1, b"body");
    }
}
