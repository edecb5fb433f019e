//! Who published an article, when the input does not say outright: the
//! site name, else the URL's domain, else the file's stem.

use crate::tables;

/// The host of a URL without `www.`-style prefixes ("https://www.example.org/a" →
/// "example.org"), or `None` if it is not an absolute URL with a host.
pub fn domain_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = parsed.host_str()?.trim_end_matches('.').to_ascii_lowercase();
    let host = tables::HOST_PREFIXES_TO_DROP
        .iter()
        .find_map(|p| host.strip_prefix(p).filter(|rest| rest.contains('.')))
        .unwrap_or(&host)
        .to_string();
    (!host.is_empty()).then_some(host)
}

/// The file stem of a record path (`dir/feed.xml#3` → `feed`, `a.warc.gz#2` → `a`).
/// Standard input (`-`) is `stdin`.
pub fn file_stem(record_path: &str) -> String {
    let file = record_path.split_once('#').map_or(record_path, |(f, _)| f);
    if file == "-" || file.is_empty() {
        return "stdin".to_string();
    }
    let name = std::path::Path::new(file).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    // Drop every extension that is a known format or compression suffix, so
    // `crawl.warc.gz` is `crawl` while `reuters.com.txt` keeps `reuters.com`.
    let mut stem = name.as_str();
    while let Some((head, ext)) = stem.rsplit_once('.') {
        let ext = ext.to_ascii_lowercase();
        let known = [tables::TEXT_EXTENSIONS, tables::HTML_EXTENSIONS, tables::FEED_EXTENSIONS, tables::JSONL_EXTENSIONS, tables::SNIFFED_EXTENSIONS]
            .iter()
            .any(|list| list.contains(&ext.as_str()));
        if !known || head.is_empty() {
            break;
        }
        stem = head;
    }
    if stem.is_empty() { name } else { stem.to_string() }
}

/// The first non-blank of the candidates, trimmed.
pub fn first_named<'a>(candidates: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    candidates.into_iter().flatten().map(str::trim).find(|s| !s.is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert_eq!(domain_of("https://www.example.org/2025/12/02/a.html").as_deref(), Some("example.org"));
        assert_eq!(domain_of("http://news.example.co.uk").as_deref(), Some("news.example.co.uk"));
        assert_eq!(domain_of("not a url"), None);
        assert_eq!(domain_of("/relative/path"), None);
    }

    #[test]
    fn stems() {
        assert_eq!(file_stem("dir/feed.xml#3"), "feed");
        assert_eq!(file_stem("crawl.warc.gz#12"), "crawl");
        assert_eq!(file_stem("seeds/001_abc.txt"), "001_abc");
        assert_eq!(file_stem("reuters.com.txt"), "reuters.com");
        assert_eq!(file_stem("-#line2"), "stdin");
        assert_eq!(file_stem(".txt"), ".txt");
    }
}
