//! The page's own charset declaration, found as browsers find it: a byte-level
//! scan of the first kilobytes for `<meta charset=...>` or
//! `<meta http-equiv="Content-Type" content="...; charset=...">` (the WHATWG
//! "prescan a byte stream"), before anything is decoded.

/// How many leading bytes are scanned (WHATWG says 1024; real pages put long
/// `<script>`s and comments before the meta, so look further).
const PRESCAN_BYTES: usize = 4096;

/// The charset label the page declares in its first bytes, if any.
pub fn prescan(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < head.len() {
        if head[i..].starts_with(b"<!--") {
            i = find(head, i + 4, b"-->").map_or(head.len(), |e| e + 3);
            continue;
        }
        if head[i] == b'<' && head.len() > i + 5 && head[i + 1..i + 5].eq_ignore_ascii_case(b"meta") {
            let after = head[i + 5];
            if after.is_ascii_whitespace() || after == b'/' {
                let end = find(head, i, b">").unwrap_or(head.len());
                if let Some(label) = charset_of_meta(&head[i + 5..end]) {
                    return Some(label);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    None
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// The charset of one `<meta ...>` tag's attribute bytes.
fn charset_of_meta(attrs: &[u8]) -> Option<String> {
    let mut charset = None;
    let mut content = None;
    let mut http_equiv_content_type = false;
    for (name, value) in attributes(attrs) {
        match name.as_str() {
            "charset" if charset.is_none() => charset = Some(value),
            "content" if content.is_none() => content = Some(value),
            "http-equiv" => http_equiv_content_type = value.eq_ignore_ascii_case("content-type"),
            _ => {}
        }
    }
    if let Some(c) = charset.filter(|c| !c.trim().is_empty()) {
        return Some(c.trim().to_string());
    }
    if http_equiv_content_type {
        return content.as_deref().and_then(charset_from_content_type);
    }
    None
}

/// `text/html; charset=windows-1251` → `windows-1251`.
pub fn charset_from_content_type(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest.chars().take_while(|c| !matches!(c, ';' | '"' | '\'' | ' ' | '\t')).collect();
    (!label.is_empty()).then_some(label)
}

/// Name/value pairs of a tag's attribute bytes (lower-cased names, values
/// decoded as Latin-1, which is enough for ASCII charset labels).
fn attributes(bytes: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        while i < n && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < n && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' && bytes[i] != b'/' {
            i += 1;
        }
        if start == i {
            i += 1;
            continue;
        }
        let name: String = bytes[start..i].iter().map(|&b| b.to_ascii_lowercase() as char).collect();
        while i < n && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < n && bytes[i] == b'=' {
            i += 1;
            while i < n && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < n && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                i += 1;
                let vstart = i;
                while i < n && bytes[i] != quote {
                    i += 1;
                }
                value = bytes[vstart..i].iter().map(|&b| b as char).collect();
                i += 1;
            } else {
                let vstart = i;
                while i < n && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = bytes[vstart..i].iter().map(|&b| b as char).collect();
            }
        }
        out.push((name, value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset() {
        assert_eq!(prescan(b"<html><head><meta charset=\"windows-1251\"><title>x</title>").as_deref(), Some("windows-1251"));
        assert_eq!(prescan(b"<META CHARSET=iso-8859-1>").as_deref(), Some("iso-8859-1"));
    }

    #[test]
    fn http_equiv() {
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>";
        assert_eq!(prescan(page).as_deref(), Some("koi8-r"));
        let reversed = b"<meta content=\"text/html;charset=ISO-8859-2\" http-equiv=\"content-type\" />";
        assert_eq!(prescan(reversed).as_deref(), Some("ISO-8859-2"));
    }

    #[test]
    fn commented_out_and_missing() {
        assert_eq!(prescan(b"<!-- <meta charset=koi8-r> --><p>hi</p>"), None);
        assert_eq!(prescan(b"<meta name=viewport content=width=device-width>"), None);
        assert_eq!(prescan(b""), None);
        assert_eq!(prescan(b"<meta"), None);
    }
}
