//! Every cue, threshold and signature the readers judge input by, kept apart
//! from the algorithms so they can be reviewed and tuned in one place.
//!
//! Nothing here names a particular story, person or outlet: these are general
//! facts about file formats and news-writing conventions.

/// Default refusal threshold for one input (a file, stdin, or one decompressed
/// member/record): 64 MiB. A news page is a few hundred KiB; anything this
/// large is a dump, not an article, and reading it whole would only burn
/// memory. Override with [`crate::ReadOptions::max_input_bytes`].
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How many leading bytes the format sniffers look at.
pub const SNIFF_BYTES: usize = 4096;

// ---------------------------------------------------------------------------
// File-name extensions (lower case, without the dot).

pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md"];
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];
/// Extensions that are feeds whatever their first bytes say. `.xml` and
/// `.json` are deliberately absent: they are claimed by content only.
pub const FEED_EXTENSIONS: &[&str] = &["rss", "atom", "rdf", "feed"];
pub const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];
/// Extensions a directory walk picks up besides the ones above (content
/// sniffing decides the reader for them).
pub const SNIFFED_EXTENSIONS: &[&str] = &["xml", "json", "warc", "gz"];

// ---------------------------------------------------------------------------
// Content signatures.

/// Gzip member magic.
pub const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
/// Every WARC record starts with a version line `WARC/1.0` or `WARC/1.1`.
pub const WARC_MAGIC: &[u8] = b"WARC/";
/// Lower-cased openings of an HTML document (after a BOM, white space,
/// an XML prolog or comments).
pub const HTML_OPENINGS: &[&str] = &["<!doctype html", "<html", "<head", "<body"];
/// Lower-cased root elements of XML feeds (RSS 0.9x/2.0, RSS 1.0 RDF, Atom).
pub const FEED_ROOTS: &[&str] = &["<rss", "<feed", "<rdf:rdf", "<rdf "];
/// A JSON Feed names its version URL near the top.
pub const JSON_FEED_MARKER: &str = "jsonfeed.org/version";

// ---------------------------------------------------------------------------
// Text quality.

/// Share (per mille) of U+FFFD replacement characters above which decoded
/// text is junk rather than text with a few broken bytes.
pub const JUNK_REPLACEMENT_PER_MILLE: usize = 100;
/// When bytes are not valid UTF-8, they are still read as UTF-8 (broken
/// sequences replaced) if there are at least this many valid multi-byte
/// UTF-8 characters per broken sequence: a UTF-8 file with a stray byte must
/// not be read as Windows-1252 and have every curly quote turned into
/// mojibake, while legacy-encoded text almost never holds valid multi-byte
/// UTF-8 sequences by accident.
pub const MOSTLY_UTF8_MIN_VALID_PER_BROKEN: usize = 2;

// ---------------------------------------------------------------------------
// Plain-text headlines.

/// A headline line has at most this many words...
pub const HEADLINE_MAX_WORDS: usize = 25;
/// ...at least this many...
pub const HEADLINE_MIN_WORDS: usize = 2;
/// ...and at most this many characters.
pub const HEADLINE_MAX_CHARS: usize = 250;
/// A line ending in one of these is a sentence or a lead-in, not a headline.
pub const HEADLINE_FINAL_PUNCTUATION: &[char] =
    &['.', '!', '?', ',', ';', ':', '"', '\u{201d}', '\u{201c}', '\u{bb}', '\u{2026}'];

// ---------------------------------------------------------------------------
// Datelines ("Brussels/Moscow – December 2, 2025 – ...").

/// Confidence of a date read from a dateline: the writer printed it as the
/// date of the report, but it may be the date of the event.
pub const DATELINE_CONFIDENCE: f32 = 0.8;

/// A date in a text file's name: someone dated the file, but it may be the
/// day it was saved, not published.
pub const FILE_NAME_DATE_CONFIDENCE: f32 = 0.5;

// ---------------------------------------------------------------------------
// Dates from containers.

/// Confidence of a feed entry's `published` field.
pub const FEED_PUBLISHED_CONFIDENCE: f32 = 0.9;
/// Confidence of a feed entry's `updated` field used as the date.
pub const FEED_UPDATED_CONFIDENCE: f32 = 0.6;
/// Confidence of a JSON record's `published` field (a JSONL line or a record
/// posted to the server: `crate::record`). The sender vouches for it, but it
/// may be the crawl or update date.
pub const JSONL_PUBLISHED_CONFIDENCE: f32 = 0.85;
/// Confidence of a WARC-Date: when the page was captured, an upper bound on
/// its publication date only.
pub const WARC_DATE_CONFIDENCE: f32 = 0.3;

// ---------------------------------------------------------------------------
// WARC.

/// Longest header line the WARC and HTTP header parsers accept; a longer one
/// means the stream is not what its framing claims.
pub const MAX_HEADER_LINE_BYTES: usize = 64 * 1024;
/// Most header lines in one WARC or HTTP header block.
pub const MAX_HEADER_LINES: usize = 512;
/// Read errors (corrupt gzip members) skipped while looking for the next
/// WARC record before the file is given up.
pub const MAX_RESYNC_ERRORS: usize = 64;
/// HTTP payload media types that are pages to extract.
pub const HTML_MEDIA_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];

// ---------------------------------------------------------------------------
// Language detection.

/// Detection needs this many characters of text to be worth trusting.
pub const LANGUAGE_MIN_CHARS: usize = 40;
/// Detection looks at most at this many characters: the lead is enough, and
/// detection cost grows with the sample (it was half the text reader's time at 4000).
pub const LANGUAGE_SAMPLE_CHARS: usize = 1000;
/// Minimum `whatlang` confidence to report a detected language.
pub const LANGUAGE_MIN_CONFIDENCE: f64 = 0.5;

/// `whatlang` ISO 639-3 codes → ISO 639-1. Languages without a two-letter
/// code are not reported.
pub const ISO639_3_TO_1: &[(&str, &str)] = &[
    ("afr", "af"), ("aka", "ak"), ("amh", "am"), ("ara", "ar"), ("aze", "az"), ("bel", "be"),
    ("ben", "bn"), ("bul", "bg"), ("cat", "ca"), ("ces", "cs"), ("cmn", "zh"), ("cym", "cy"),
    ("dan", "da"), ("deu", "de"), ("ell", "el"), ("eng", "en"), ("epo", "eo"), ("est", "et"),
    ("fin", "fi"), ("fra", "fr"), ("guj", "gu"), ("heb", "he"), ("hin", "hi"), ("hrv", "hr"),
    ("hun", "hu"), ("hye", "hy"), ("ind", "id"), ("ita", "it"), ("jav", "jv"), ("jpn", "ja"),
    ("kan", "kn"), ("kat", "ka"), ("khm", "km"), ("kor", "ko"), ("lat", "la"), ("lav", "lv"),
    ("lit", "lt"), ("mal", "ml"), ("mar", "mr"), ("mkd", "mk"), ("mya", "my"), ("nep", "ne"),
    ("nld", "nl"), ("nob", "nb"), ("ori", "or"), ("pan", "pa"), ("pes", "fa"), ("pol", "pl"),
    ("por", "pt"), ("ron", "ro"), ("rus", "ru"), ("sin", "si"), ("slk", "sk"), ("slv", "sl"),
    ("sna", "sn"), ("spa", "es"), ("srp", "sr"), ("swe", "sv"), ("tam", "ta"), ("tel", "te"),
    ("tgl", "tl"), ("tha", "th"), ("tuk", "tk"), ("tur", "tr"), ("ukr", "uk"), ("urd", "ur"),
    ("uzb", "uz"), ("vie", "vi"), ("yid", "yi"), ("zul", "zu"),
];

// ---------------------------------------------------------------------------
// Outlet names.

/// Host prefixes that are not part of an outlet's name.
pub const HOST_PREFIXES_TO_DROP: &[&str] = &["www.", "www1.", "www2.", "m.", "amp.", "mobile."];
