//! # crosscheck-ingest
//!
//! Readers that turn files into [`Article`]s: plain text, HTML (main-text
//! extraction by `crosscheck-html`), RSS/Atom/JSON Feed, WARC(.gz), JSONL.
//! Each format is a [`Reader`]; [`read_path`] sniffs the format and streams
//! articles, one `Result` per article, so one bad record never stops a batch.
//!
//! ## Formats and how they are recognised
//!
//! | reader  | extensions                         | first bytes                                   |
//! |---------|------------------------------------|-----------------------------------------------|
//! | `warc`  | `.warc`, `.warc.gz`                | `WARC/`, or gzip whose first member is WARC   |
//! | `feed`  | `.rss`, `.atom`, `.rdf`, `.feed`   | `<rss`, `<feed`, `<rdf:RDF`; JSON Feed marker |
//! | `jsonl` | `.jsonl`, `.ndjson`                | `{"` or `[{` (JSON that is not a JSON Feed)   |
//! | `html`  | `.html`, `.htm`, `.xhtml`, `.shtml`| `<!doctype html`, `<html`, `<head`, `<body`   |
//! | `text`  | `.txt`, `.text`, `.md`             | anything else that is not binary              |
//!
//! Readers are tried in that order and the first whose [`Reader::sniff`]
//! accepts a file reads it, so a content signature of an earlier reader wins
//! over the extension of a later one (an RSS document saved as `.html` is read
//! as a feed). Other gzip files are decompressed and sniffed again.
//!
//! ## Paths of records
//!
//! An article read from a container carries the container's path plus the
//! record: `feed.xml#3` (third entry), `crawl.warc.gz#12` (twelfth WARC
//! record), `dump.jsonl#line7`. Errors name records the same way.
//!
//! ## Bad input
//!
//! Every failure is an [`IngestError`] naming the file (and record) and the
//! reason; nothing panics and nothing stops the rest of a batch. Inputs larger
//! than [`ReadOptions::max_input_bytes`] (default
//! [`tables::DEFAULT_MAX_INPUT_BYTES`], 64 MiB) are refused unread; WARC
//! files are streamed from disk record by record, so there the limit bounds
//! each record rather than the file.

use std::io::Read;
use std::path::Path;

use crosscheck_core::Article;

mod decoding;
mod feed;
mod html;
mod inputs;
mod jsonl;
mod language;
mod outlet;
mod plaintext;
pub mod record;
pub mod tables;
pub mod warc;

pub use feed::FeedReader;
pub use html::HtmlReader;
pub use inputs::{expand_inputs, read_all};
pub use jsonl::JsonlReader;
pub use outlet::domain_of;
pub use plaintext::{annotate_lead, read_text, TextReader};
pub use warc::WarcReader;

/// Why one input (a file, or one record inside a file) could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct IngestError {
    /// The file, with `#N` for the N-th record of a container (feed entry, WARC record),
    /// `#lineN` for a JSONL line.
    pub path: String,
    pub reason: String,
    /// A stable code when the reason has one (a JSON record's
    /// [`record::RecordError::code`]).
    pub code: Option<&'static str>,
}

impl IngestError {
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        IngestError { path: path.into(), reason: reason.into(), code: None }
    }

    /// The error of the record at `path`.
    pub fn from_record(path: impl Into<String>, e: record::RecordError) -> Self {
        IngestError { path: path.into(), reason: e.message, code: Some(e.code) }
    }
}

/// [`IngestError::code`] of a page that is not an article: a section front, a
/// tag or search listing, or a page with no article text
/// (`crosscheck_html::PageKind`). Such a page is skipped, not stored.
pub const NOT_AN_ARTICLE: &str = "not_an_article";

impl IngestError {
    /// Whether this is a page skipped for not being an article ([`NOT_AN_ARTICLE`]).
    pub fn is_not_an_article(&self) -> bool {
        self.code == Some(NOT_AN_ARTICLE)
    }
}

/// Articles (or per-record errors) from one input.
pub type ArticleStream<'a> = Box<dyn Iterator<Item = Result<Article, IngestError>> + 'a>;

/// Limits that apply to every input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest input read, in bytes: a file, stdin, a decompressed gzip file,
    /// one WARC record or one JSONL line. Larger inputs are refused with an
    /// error saying so (they are not truncated). Default 64 MiB.
    pub max_input_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_input_bytes: tables::DEFAULT_MAX_INPUT_BYTES }
    }
}

/// One input format.
pub trait Reader: Send + Sync {
    /// Short name ("text", "html", "feed", "warc", "jsonl").
    fn name(&self) -> &'static str;
    /// Whether this reader takes a file, judged from its name and first bytes.
    fn sniff(&self, path: &Path, head: &[u8]) -> bool;
    /// Stream the articles of one input; `bytes` is the whole file. The
    /// stream owns what it needs, so it may outlive `path`.
    fn read_owned(&self, path: String, bytes: Vec<u8>) -> ArticleStream<'static>;
    /// Stream the articles of one input; `bytes` is the whole file.
    fn read<'a>(&'a self, path: &'a str, bytes: Vec<u8>) -> ArticleStream<'a> {
        self.read_owned(path.to_string(), bytes)
    }
}

/// Every reader, in sniffing order (most specific signature first).
pub fn readers(options: ReadOptions) -> Vec<Box<dyn Reader>> {
    vec![
        Box::new(WarcReader::new(options)),
        Box::new(FeedReader),
        Box::new(JsonlReader::new(options)),
        Box::new(HtmlReader),
        Box::new(TextReader),
    ]
}

/// The reader that takes a file, judged from its name and first bytes, or
/// `None` when none does (binary data of no known format).
pub fn reader_for(readers: &[Box<dyn Reader>], path: &Path, head: &[u8]) -> Option<usize> {
    readers.iter().position(|r| r.sniff(path, head))
}

/// Read one file of any supported format with the default [`ReadOptions`].
/// `-` reads standard input.
pub fn read_path(path: &Path) -> ArticleStream<'static> {
    read_path_with(path, ReadOptions::default())
}

/// Read one file of any supported format. `-` reads standard input.
pub fn read_path_with(path: &Path, options: ReadOptions) -> ArticleStream<'static> {
    let label = path.display().to_string();
    if label != "-" {
        match open_warc(path, &label, options) {
            Ok(Some(stream)) => return stream,
            Ok(None) => {}
            Err(e) => return Box::new(std::iter::once(Err(e))),
        }
    }
    let bytes = if label == "-" {
        read_limited(std::io::stdin().lock(), &label, options.max_input_bytes)
    } else {
        read_file(path, &label, options.max_input_bytes)
    };
    match bytes {
        Ok(bytes) => read_bytes(&label, bytes, options),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

/// Read the bytes of one input already in memory; `label` is its path (its
/// extension helps sniffing) and names it in errors.
pub fn read_bytes(label: &str, bytes: Vec<u8>, options: ReadOptions) -> ArticleStream<'static> {
    let fail = |reason: String| -> ArticleStream<'static> { Box::new(std::iter::once(Err(IngestError::new(label, reason)))) };
    if bytes.is_empty() {
        return fail("empty file".to_string());
    }
    if bytes.len() as u64 > options.max_input_bytes {
        return fail(too_large(bytes.len() as u64, options.max_input_bytes));
    }
    let path = Path::new(label);
    let all = readers(options);
    let head = &bytes[..bytes.len().min(tables::SNIFF_BYTES)];
    // Gzip that is not a WARC: decompress and sniff the content under the name
    // without `.gz`.
    if head.starts_with(tables::GZIP_MAGIC) && !warc::sniff_gzip_warc(head) {
        let inner = match gunzip_limited(&bytes, options.max_input_bytes) {
            Ok(inner) => inner,
            Err(reason) => return fail(reason),
        };
        let inner_name = label.strip_suffix(".gz").or_else(|| label.strip_suffix(".GZ")).unwrap_or(label);
        let inner_head = &inner[..inner.len().min(tables::SNIFF_BYTES)];
        if inner.is_empty() {
            return fail("empty file (after gzip decompression)".to_string());
        }
        if inner_head.starts_with(tables::GZIP_MAGIC) {
            return fail("gzip inside gzip is not read".to_string());
        }
        return match reader_for(&all, Path::new(inner_name), inner_head) {
            Some(i) => all[i].read_owned(label.to_string(), inner),
            None => fail("binary data of no supported format (inside gzip)".to_string()),
        };
    }
    match reader_for(&all, path, head) {
        Some(i) => all[i].read_owned(label.to_string(), bytes),
        None => fail("binary data of no supported format".to_string()),
    }
}

/// Read JSONL records from any reader (e.g. stdin); `label` names the stream in errors.
pub fn read_jsonl<R: std::io::BufRead + 'static>(label: &str, input: R) -> ArticleStream<'static> {
    jsonl::read_lines(label.to_string(), input, ReadOptions::default())
}

/// Main text and metadata of one HTML page (`crosscheck extract`).
pub fn extract_html(path: &str, bytes: &[u8], url: Option<&str>) -> Result<Article, IngestError> {
    html::page_article(path, bytes, None, url, crosscheck_core::SourceFormat::Html, html::Overrides::default())
}

fn too_large(len: u64, max: u64) -> String {
    format!(
        "input of {} exceeds the maximum input size of {} (ReadOptions::max_input_bytes)",
        human_bytes(len),
        human_bytes(max)
    )
}

/// Bytes in binary units, for error messages.
fn human_bytes(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB {
        format!("{:.1} MiB ({n} bytes)", n as f64 / MIB as f64)
    } else {
        format!("{n} bytes")
    }
}

/// A WARC file streamed from disk (not read whole, so not bounded by the
/// input size limit as a whole), or `None` if the file is not a WARC.
fn open_warc(path: &Path, label: &str, options: ReadOptions) -> Result<Option<ArticleStream<'static>>, IngestError> {
    let meta = std::fs::metadata(path).map_err(|e| IngestError::new(label, io_reason(&e)))?;
    if !meta.is_file() || meta.len() == 0 {
        return Ok(None);
    }
    let mut file = std::fs::File::open(path).map_err(|e| IngestError::new(label, io_reason(&e)))?;
    let mut head = Vec::with_capacity(tables::SNIFF_BYTES);
    (&mut file)
        .take(tables::SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| IngestError::new(label, io_reason(&e)))?;
    if !WarcReader::new(options).sniff(path, &head) || warc::is_binary_junk(&head) {
        // Junk named `.warc` is refused by `read_bytes` like any other junk.
        return Ok(None);
    }
    let gzip = head.starts_with(tables::GZIP_MAGIC);
    let input = std::io::Cursor::new(head).chain(file);
    Ok(Some(Box::new(warc::WarcArticles::from_reader(label.to_string(), input, gzip, options))))
}

fn read_file(path: &Path, label: &str, max: u64) -> Result<Vec<u8>, IngestError> {
    let meta = std::fs::metadata(path).map_err(|e| IngestError::new(label, io_reason(&e)))?;
    if meta.is_dir() {
        return Err(IngestError::new(label, "is a directory (give it to expand_inputs)"));
    }
    if meta.len() > max {
        return Err(IngestError::new(label, too_large(meta.len(), max)));
    }
    let file = std::fs::File::open(path).map_err(|e| IngestError::new(label, io_reason(&e)))?;
    // The size may change under us (a growing file): read at most max + 1.
    read_limited(file, label, max)
}

fn read_limited(input: impl Read, label: &str, max: u64) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    input
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new(label, io_reason(&e)))?;
    if bytes.len() as u64 > max {
        return Err(IngestError::new(label, format!("input exceeds the maximum input size of {}", human_bytes(max))));
    }
    Ok(bytes)
}

fn gunzip_limited(bytes: &[u8], max: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(max.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| gzip_reason(&e))?;
    if out.len() as u64 > max {
        return Err(format!("decompressed data exceeds the maximum input size of {}", human_bytes(max)));
    }
    Ok(out)
}

/// A gzip decoding failure in words.
fn gzip_reason(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        "truncated gzip data (the file ends inside a compressed member)".to_string()
    } else {
        format!("corrupt gzip data: {e}")
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

/// The lower-cased extension of a path, treating `.warc.gz`-style double
/// extensions by their last part.
fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Whether `path` ends in one of `exts` (ignoring case).
fn has_extension(path: &Path, exts: &[&str]) -> bool {
    extension(path).is_some_and(|e| exts.contains(&e.as_str()))
}

/// The first bytes after a UTF-8 BOM and leading white space.
fn skip_bom_and_space(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    &head[start..]
}
