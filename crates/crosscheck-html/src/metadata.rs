//! Page metadata: title, authors, publication date, language, site name,
//! canonical URL and description, each from the strongest source the page has
//! (JSON-LD, then `<meta>`, then the document itself, then the URL).

use chrono::Datelike;
use crosscheck_core::{DatePrecision, DateMethod, PublishedDate};
use serde_json::Value;

use crate::dates;
use crate::page::{collapse, Item, Page};
use crate::tables;

/// The page's article object in JSON-LD, flattened to the fields we read.
#[derive(Debug, Default)]
pub struct JsonLdArticle {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_created: Option<String>,
    pub language: Option<String>,
    pub publisher: Option<String>,
    pub body: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
}

fn type_names(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
        _ => Vec::new(),
    }
}

fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| string_of(Some(x))),
        Value::Object(o) => string_of(o.get("name").or_else(|| o.get("@value")).or_else(|| o.get("alternateName"))),
        _ => None,
    }
}

fn names_of(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => out.push(collapse(s)),
        Some(Value::Array(a)) => a.iter().for_each(|x| names_of(Some(x), out)),
        Some(Value::Object(o)) => {
            if let Some(n) = string_of(o.get("name")) {
                out.push(n);
            } else if let (Some(g), Some(f)) = (string_of(o.get("givenName")), string_of(o.get("familyName"))) {
                out.push(format!("{g} {f}"));
            }
        }
        _ => {}
    }
}

/// Find the article object among the page's JSON-LD blocks (top level,
/// arrays, `@graph`); an article type beats a plain `WebPage`.
pub fn json_ld_article(page: &Page) -> Option<JsonLdArticle> {
    let mut candidates: Vec<(usize, &Value)> = Vec::new();
    let mut stack: Vec<&Value> = page.json_ld.iter().collect();
    let mut visited = 0;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > 10_000 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => {
                let types = type_names(v);
                if let Some(rank) = types.iter().filter_map(|t| tables::ARTICLE_TYPES.iter().position(|a| a == t)).min() {
                    // WebPage (last in the table) ranks below any article type.
                    let rank = usize::from(rank + 1 == tables::ARTICLE_TYPES.len());
                    candidates.push((rank, v));
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(m) = o.get("mainEntity") {
                    stack.push(m);
                }
            }
            _ => {}
        }
    }
    // Stack order reversed the document order; the first article-type wins.
    candidates.reverse();
    let (_, v) = candidates.iter().min_by_key(|(rank, _)| *rank)?;
    // An article object without its date (a `@graph` that dates the WebPage
    // node instead) takes the first `datePublished` of the other candidates.
    let date_of = |key: &str| {
        string_of(v.get(key)).or_else(|| candidates.iter().find_map(|(_, c)| string_of(c.get(key))))
    };
    let mut authors = Vec::new();
    names_of(v.get("author").or_else(|| v.get("creator")), &mut authors);
    Some(JsonLdArticle {
        headline: string_of(v.get("headline")).or_else(|| string_of(v.get("name"))),
        authors,
        date_published: date_of("datePublished"),
        date_created: date_of("dateCreated"),
        language: string_of(v.get("inLanguage")),
        publisher: string_of(v.get("publisher")).or_else(|| string_of(v.get("sourceOrganization"))),
        body: match v.get("articleBody") {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        },
        url: string_of(v.get("url")).or_else(|| match v.get("mainEntityOfPage") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => string_of(o.get("@id")),
            _ => None,
        }),
        description: string_of(v.get("description")),
    })
}

fn key_of(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Drop a " | Site" / " - Site" suffix (or "Site | " prefix) from a title.
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    // "Example News", or a domain's telling label ("news.example.org" → "example").
    let site_keys: Vec<String> = site
        .map(|s| {
            let mut keys = vec![key_of(s)];
            if !s.contains(' ') {
                keys.extend(s.split('.').filter(|l| l.len() >= 4).map(key_of));
            }
            keys.retain(|k| !k.is_empty());
            keys
        })
        .unwrap_or_default();
    for sep in tables::TITLE_SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).collect();
        // A part naming the site goes wherever it stands.
        if !site_keys.is_empty() {
            let kept: Vec<&str> = parts.iter().copied().filter(|p| !site_keys.contains(&key_of(p))).collect();
            if !kept.is_empty() && kept.len() < parts.len() {
                return kept.join(sep);
            }
        }
        // Otherwise a short last part is the site ("Headline | Site"); a
        // short first part is a section or site only when a site name or
        // domain confirms it (handled above).
        if parts.len() >= 2 {
            let last = parts[parts.len() - 1];
            let rest = parts[..parts.len() - 1].join(sep);
            if last.split_whitespace().count() <= 4 && last.chars().count() < rest.chars().count() && rest.split_whitespace().count() >= 2 {
                return rest.trim().to_string();
            }
        }
    }
    title
}

/// Domain of a URL without `www.`.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// `en-US`, `en_US`, `English`?, → `en` (two or three ASCII letters only).
pub fn language_code(raw: &str) -> Option<String> {
    let code = raw.trim().split(['-', '_', ' ', ',', ';']).next()?.to_ascii_lowercase();
    (matches!(code.len(), 2 | 3) && code.chars().all(|c| c.is_ascii_alphabetic())).then_some(code)
}

/// Clean author names: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
pub fn split_authors(raw: &str) -> Vec<String> {
    let mut s = collapse(raw);
    loop {
        let lower = s.to_lowercase();
        let Some(prefix) = tables::BYLINE_PREFIXES.iter().chain(tables::AUTHOR_LABELS).find(|p| {
            lower.starts_with(*p) && lower[p.len()..].starts_with([' ', ':', '\u{a0}'])
        }) else {
            break;
        };
        s = s[prefix.len()..].trim_start_matches([' ', ':', '\u{a0}']).to_string();
    }
    // Cut what follows the names: "Jane Doe | Reuters", "Jane Doe, Published 2 Dec".
    let s = s.split(['|', '\n', '•', '·']).next().unwrap_or("").to_string();
    let mut out = Vec::new();
    for part in s.split([',', '&', ';']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" und ")).flat_map(|p| p.split(" et ")).flat_map(|p| p.split(" и ")) {
        let name = part.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.').trim();
        let lower = name.to_lowercase();
        let words = name.split_whitespace().count();
        if name.is_empty()
            || words > 5
            || name.contains("://")
            || name.contains('@')
            || name.chars().any(|c| c.is_ascii_digit())
            || tables::BYLINE_NON_NAMES.contains(&lower.as_str())
            || is_known_organisation(&lower)
            || !name.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        if !out.iter().any(|o: &String| o.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
    }
    out
}

/// Title: og:title (site suffix dropped), JSON-LD headline, `<title>` minus
/// its site part, the first `<h1>`.
pub fn title(page: &Page, ld: Option<&JsonLdArticle>, site: Option<&str>) -> Option<String> {
    page.meta_first(tables::TITLE_META)
        .map(str::to_string)
        .or_else(|| ld.and_then(|l| l.headline.clone()))
        .or_else(|| page.title.clone())
        .or_else(|| first_heading(page))
        .map(|t| strip_site_suffix(&t, site))
        .filter(|t| !t.is_empty())
}

/// The headline the page shows its reader: the first `<h1>` when it reads
/// as a headline (a few words, not a logo) and shares a word with the
/// metadata `title` (so it is this page's, not a site banner's); else `title`.
/// Metadata titles are often written for search engines and feeds
/// ("Best X of 2025 | Top 19 Companies") while the `<h1>` is the headline.
pub fn shown_headline(page: &Page, title: Option<&str>) -> Option<String> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase).collect()
    };
    let h1 = first_heading(page).filter(|h| {
        let n = h.split_whitespace().count();
        (tables::HEADLINE_WORDS).contains(&n)
    });
    match (h1, title) {
        (Some(h), Some(t)) => {
            let tw = words(t);
            if words(&h).iter().any(|w| tw.contains(w)) { Some(h) } else { Some(t.to_string()) }
        }
        (h, t) => t.map(str::to_string).or(h),
    }
}

fn first_heading(page: &Page) -> Option<String> {
    page.nodes.iter().enumerate().find_map(|(i, n)| match &n.item {
        Item::Element(info) if info.heading == 1 => Some(page.subtree_text(i, 1000)).filter(|t| !t.is_empty()),
        _ => None,
    })
}

/// Authors: JSON-LD, author meta tags, `rel=author`/`itemprop=author`, byline elements.
pub fn authors(page: &Page, ld: Option<&JsonLdArticle>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    fn add(out: &mut Vec<String>, names: Vec<String>) {
        for n in names {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
                out.push(n);
            }
        }
    }
    if let Some(l) = ld {
        add(&mut out, l.authors.iter().flat_map(|a| split_authors(a)).collect());
    }
    if out.is_empty() {
        if let Some(m) = page.meta_first(tables::AUTHOR_META) {
            add(&mut out, split_authors(m));
        }
    }
    let mut found = !out.is_empty();
    if !found {
        for a in &page.author_links {
            add(&mut out, split_authors(a));
        }
        found = !out.is_empty();
    }
    if !found {
        for (i, n) in page.nodes.iter().enumerate() {
            if let Item::Element(info) = &n.item {
                if info.byline {
                    let t = page.subtree_text(i, 400);
                    if !t.is_empty() && t.chars().count() <= 120 {
                        let names = split_authors(&t);
                        if !names.is_empty() {
                            add(&mut out, names);
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}

/// Publication date, strongest evidence first. `body_head` holds the lines of
/// the article that may carry a written date (date lines, bylines, the first
/// paragraphs), in that order.
///
/// A day in the URL wins over a metadata value that disagrees with it; a URL
/// that dates only the month (`/2025/12/`) takes the day the page prints,
/// when that day is in the same month.
///
/// A machine value keeps the day of the offset it was written with: on the
/// WCXB dev and multilingual sets, moving a UTC value to the day of a printed
/// date one day off made more pages wrong (10) than right (7).
pub fn published(
    page: &Page,
    ld: Option<&JsonLdArticle>,
    url: Option<&str>,
    body_head: &[String],
) -> Option<PublishedDate> {
    let Some(machine) = machine_date(page, ld, url) else {
        return printed_date(page, body_head);
    };
    // A day in the URL (`/2025/12/02/`) is set once, when the article is
    // first published, in the publisher's own time zone: a metadata value
    // that disagrees was rewritten later or shifted to UTC.
    if machine.method != DateMethod::Url {
        if let Some((from_url, ev)) = url.and_then(dates::from_url).filter(|(p, _)| p.precision == DatePrecision::Day) {
            if from_url.date != machine.date {
                return Some(from_url.with(DateMethod::Url, tables::CONFIDENCE_URL, &ev));
            }
        }
    }
    if machine.method == DateMethod::Url && machine.precision == DatePrecision::Month {
        let same_month = printed_date(page, body_head)
            .filter(|p| (p.date.year(), p.date.month()) == (machine.date.year(), machine.date.month()));
        return same_month.or(Some(machine));
    }
    Some(machine)
}

/// The date of the page's machine-readable metadata: JSON-LD, meta tags,
/// `<time>`, the URL.
fn machine_date(page: &Page, ld: Option<&JsonLdArticle>, url: Option<&str>) -> Option<PublishedDate> {
    if let Some(l) = ld {
        for (v, conf) in [(&l.date_published, tables::CONFIDENCE_JSON_LD), (&l.date_created, tables::CONFIDENCE_JSON_LD - 0.1)] {
            if let Some(p) = v.as_deref().and_then(dates::parse_value) {
                return Some(p.with(DateMethod::JsonLd, conf, v.as_deref().unwrap_or("")));
            }
        }
    }
    for key in tables::DATE_META {
        if let Some(v) = page.meta_first(&[key]) {
            if let Some(p) = dates::parse_value(v) {
                return Some(p.with(DateMethod::Meta, tables::CONFIDENCE_META, &format!("{key}={v}")));
            }
        }
    }
    // Any other meta tag whose name says it holds the publication date
    // (`x-published-date`, `page:date`), not a modification or expiry date.
    if let Some((p, name, v)) = named_date_meta(page).next() {
        return Some(p.with(DateMethod::Meta, tables::CONFIDENCE_META - 0.1, &format!("{name}={v}")));
    }
    // The first `<time>` marked as the publication time, else the first one:
    // later ones date comments and related teasers.
    fn parsed(t: &crate::page::TimeElement) -> Option<(dates::ParsedDate, &String)> {
        dates::parse_value(&t.value).map(|p| (p, &t.value))
    }
    let unmodified = || page.times.iter().filter(|t| !t.marked_modified);
    let time = unmodified().filter(|t| t.marked_published).find_map(parsed).or_else(|| unmodified().find_map(parsed));
    if let Some((p, ev)) = time {
        return Some(p.with(DateMethod::TimeElement, tables::CONFIDENCE_TIME_ELEMENT, ev));
    }
    url.and_then(dates::from_url).map(|(p, ev)| p.with(DateMethod::Url, tables::CONFIDENCE_URL, &ev))
}

/// Meta tags outside [`tables::DATE_META`] whose name says they hold a
/// publication date, parsed, in document order.
fn named_date_meta(page: &Page) -> impl Iterator<Item = (dates::ParsedDate, &String, &String)> + '_ {
    page.meta.iter().filter_map(|(name, v)| {
        let dated = tables::DATE_META_NAME_PARTS.iter().any(|p| name.contains(p))
            && !tables::DATE_META_NAME_EXCLUDED.iter().any(|p| name.contains(p));
        dated.then(|| dates::parse_value(v).map(|p| (p, name, v))).flatten()
    })
}

/// The date the page prints: in a byline, the first lines of the body
/// ("Brussels, December 2, 2025 –"), else near the headline.
fn printed_date(page: &Page, body_head: &[String]) -> Option<PublishedDate> {
    let mut texts: Vec<String> = Vec::new();
    for (i, n) in page.nodes.iter().enumerate() {
        if let Item::Element(info) = &n.item {
            if info.byline {
                let t = page.subtree_text(i, 400);
                if t.chars().count() <= 200 {
                    texts.push(t);
                }
            }
        }
        if texts.len() >= 5 {
            break;
        }
    }
    texts.extend(body_head.iter().map(|b| b.chars().take(200).collect::<String>()));
    texts
        .iter()
        .find_map(|t| dates::parse_text(t).map(|p| p.with(DateMethod::Text, tables::CONFIDENCE_TEXT, t)))
        .or_else(|| headline_date(page))
        .or_else(|| labelled_date(page))
        .or_else(|| first_date_line(page))
}

/// Last resort: the first text in the page that is a date and little else
/// ("21.11.2022", "Nov 21, 2022 · 4 min"), with the lowest confidence: a
/// page that dates nothing else most often prints its own date first.
fn first_date_line(page: &Page) -> Option<PublishedDate> {
    page.nodes.iter().find_map(|n| {
        let Item::Text(raw) = &n.item else { return None };
        let t = collapse(raw);
        if t.is_empty() || t.chars().count() > tables::MAX_DATE_ONLY_TEXT_CHARS {
            return None;
        }
        dates::parse_date_line(&t).map(|p| p.with(DateMethod::Text, tables::CONFIDENCE_FIRST_DATE_LINE, &t))
    })
}

/// A date anywhere in the page under a label that says it dates the page
/// ("Last updated: November 13, 2025", a "Published" heading over the date),
/// in a short text of its own.
fn labelled_date(page: &Page) -> Option<PublishedDate> {
    let mut after_label = false;
    for n in &page.nodes {
        let Item::Text(raw) = &n.item else { continue };
        let t = collapse(raw);
        if t.is_empty() {
            continue;
        }
        let short = t.chars().count() <= tables::MAX_HEADLINE_DATE_CHARS;
        let lower = t.to_lowercase();
        let label = tables::DATE_LABELS.iter().find(|l| lower.starts_with(*l));
        if short && (after_label || label.is_some()) {
            if let Some(p) = dates::parse_date_line(&t) {
                return Some(p.with(DateMethod::Text, tables::CONFIDENCE_TEXT, &t));
            }
        }
        // A label alone ("Published", "Stand:") dates the text that follows it.
        after_label = label.is_some_and(|l| lower.trim_end_matches([':', ' ']).chars().count() <= l.chars().count() + 4);
    }
    None
}

/// A date printed near the headline: the nearest short text (a line of its
/// own, "Published on 2 December 2025", "Dec 2, 2025") among the text nodes
/// just after the first `<h1>`, else just before it. Such a line often sits
/// in an element the extractor counts as furniture (a meta bar beside the
/// headline), so the main text does not hold it.
fn headline_date(page: &Page) -> Option<PublishedDate> {
    // The headline: the first `<h1>`, else the first heading of any level.
    let heading = |level: fn(u8) -> bool| page.nodes.iter().position(|n| matches!(&n.item, Item::Element(info) if level(info.heading)));
    let h1 = heading(|h| h == 1).or_else(|| heading(|h| h > 0))?;
    let texts: Vec<(usize, &str)> = page
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match &n.item {
            Item::Text(t) if !t.trim().is_empty() => Some((i, t.as_str())),
            _ => None,
        })
        .collect();
    let at = texts.partition_point(|(i, _)| *i < h1);
    let after = texts[at..].iter().take(tables::HEADLINE_DATE_TEXTS_AFTER);
    let before = texts[..at].iter().rev().take(tables::HEADLINE_DATE_TEXTS_BEFORE);
    after.chain(before).find_map(|(_, t)| {
        let t = collapse(t);
        if t.chars().count() > tables::MAX_HEADLINE_DATE_CHARS {
            return None;
        }
        dates::parse_date_line(&t).map(|p| p.with(DateMethod::Text, tables::CONFIDENCE_TEXT, &t))
    })
}

/// Language: `<html lang>`, `og:locale`/`content-language` meta, JSON-LD `inLanguage`.
pub fn language(page: &Page, ld: Option<&JsonLdArticle>) -> Option<String> {
    page.html_lang
        .as_deref()
        .and_then(language_code)
        .or_else(|| page.meta_first(tables::LANGUAGE_META).and_then(language_code))
        .or_else(|| ld.and_then(|l| l.language.as_deref()).and_then(language_code))
}

/// Site name: og:site_name, JSON-LD publisher, else the URL's domain.
pub fn site_name(page: &Page, ld: Option<&JsonLdArticle>, url: Option<&str>) -> Option<String> {
    page.meta_first(&tables::SITE_NAME_META[..1])
        .map(collapse)
        .or_else(|| ld.and_then(|l| l.publisher.clone()))
        .or_else(|| page.meta_first(&tables::SITE_NAME_META[1..]).map(collapse).filter(|s| !s.starts_with('@')))
        .or_else(|| url.and_then(domain_of))
}

/// Canonical URL: `<link rel=canonical>`, og:url, JSON-LD url, else the given URL;
/// a relative one is resolved against the given URL's origin.
pub fn canonical(page: &Page, ld: Option<&JsonLdArticle>, url: Option<&str>) -> Option<String> {
    let found = page
        .canonical
        .clone()
        .or_else(|| page.meta_first(&["og:url"]).map(str::to_string))
        .or_else(|| ld.and_then(|l| l.url.clone()))
        .filter(|u| !u.trim().is_empty());
    match (found, url) {
        (Some(f), _) if f.contains("://") => Some(f),
        (Some(f), Some(base)) if f.starts_with('/') && !f.starts_with("//") => {
            let origin_end = base.find("://").and_then(|s| base[s + 3..].find('/').map(|e| s + 3 + e)).unwrap_or(base.len());
            Some(format!("{}{}", &base[..origin_end], f))
        }
        (Some(f), Some(base)) if f.starts_with("//") => {
            let scheme = base.split("://").next().unwrap_or("https");
            Some(format!("{scheme}:{f}"))
        }
        (_, Some(u)) => Some(u.to_string()),
        (Some(f), None) => Some(f),
        (None, None) => None,
    }
}

/// Description: description meta tags, JSON-LD description.
pub fn description(page: &Page, ld: Option<&JsonLdArticle>) -> Option<String> {
    page.meta_first(tables::DESCRIPTION_META).map(collapse).or_else(|| ld.and_then(|l| l.description.clone()))
}



/// Whether a lower-case byline part is an organisation the lexicon knows
/// ("Reuters", "the Associated Press"): an agency credit, not an author.
fn is_known_organisation(lower: &str) -> bool {
    let bare = lower.strip_prefix("the ").unwrap_or(lower);
    crosscheck_lexicon::english().known_organisations.iter().any(|o| o.to_lowercase() == bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_suffixes() {
        assert_eq!(strip_site_suffix("Talks end without deal | The Daily Example", Some("The Daily Example")), "Talks end without deal");
        assert_eq!(strip_site_suffix("Talks end without a deal in Geneva - Example News", None), "Talks end without a deal in Geneva");
        assert_eq!(strip_site_suffix("Example News | Talks end without a deal in Geneva", Some("Example News")), "Talks end without a deal in Geneva");
        assert_eq!(strip_site_suffix("Example | Talks end without a deal in Geneva", Some("www.example.org")), "Talks end without a deal in Geneva");
        assert_eq!(strip_site_suffix("Patient records - the long march into digital health care", None), "Patient records - the long march into digital health care");
        assert_eq!(strip_site_suffix("A title - with a dash in the middle of it and more", None), "A title - with a dash in the middle of it and more");
    }

    #[test]
    fn author_lists() {
        assert_eq!(split_authors("By Jane Doe and John Roe"), vec!["Jane Doe", "John Roe"]);
        assert_eq!(split_authors("BY JANE DOE, Staff Writer"), vec!["JANE DOE"]);
        assert_eq!(split_authors("https://facebook.com/someone"), Vec::<String>::new());
        assert_eq!(split_authors("Von Anna Schmidt und Jan Berg | Berlin"), vec!["Anna Schmidt", "Jan Berg"]);
        assert_eq!(split_authors("Written by Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(split_authors("Author: Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(split_authors("The Author"), Vec::<String>::new());
    }

    fn date_of(html: &str, url: Option<&str>) -> Option<String> {
        let page = crate::page::build(html);
        let ld = json_ld_article(&page);
        published(&page, ld.as_ref(), url, &[]).map(|p| p.date.to_string())
    }

    #[test]
    fn json_ld_date_on_another_node_of_the_graph() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"Article","headline":"Talks end"},
            {"@type":"WebPage","datePublished":"2025-12-02T10:00:00+01:00","dateModified":"2025-12-05T10:00:00+01:00"}]}</script>
            </head><body><p>Text.</p></body></html>"#;
        assert_eq!(date_of(html, None).as_deref(), Some("2025-12-02"));
    }

    #[test]
    fn meta_names_that_say_published_and_not_modified() {
        let html = r#"<html><head><meta name="x-last-modified-date" content="2025-12-09">
            <meta name="x-published-date" content="2025-12-02T06:03:43Z"></head><body><p>Text.</p></body></html>"#;
        assert_eq!(date_of(html, None).as_deref(), Some("2025-12-02"));
    }

    #[test]
    fn first_time_element_not_the_last() {
        let html = r#"<html><body><h1>Talks end</h1><time datetime="2025-12-02">2 Dec</time><p>Text.</p>
            <section class="comments"><time datetime="2025-12-08">8 Dec</time></section></body></html>"#;
        assert_eq!(date_of(html, None).as_deref(), Some("2025-12-02"));
    }

    #[test]
    fn printed_dates_near_the_headline_or_under_a_label() {
        let near = r#"<html><body><div><span>Last updated:</span><span>Dec 2, 2025</span></div><h1>Talks end without a deal</h1>
            <p>Long text of the article that mentions 5 January 2026 as the date of the next round.</p></body></html>"#;
        assert_eq!(date_of(near, None).as_deref(), Some("2025-12-02"));
        let short_year = r#"<html><body><h1>Talks end</h1><div>Von: Jana Beispiel <span>|</span> <span>02.12.25</span></div></body></html>"#;
        assert_eq!(date_of(short_year, None).as_deref(), Some("2025-12-02"));
        let mut far = String::from("<html><body><h1>Talks end</h1>");
        for i in 0..40 {
            far.push_str(&format!("<p>Paragraph {i} of the article, long enough to be prose of its own.</p>"));
        }
        far.push_str("<aside><h4>Published</h4><div>December 2, 2025</div></aside></body></html>");
        assert_eq!(date_of(&far, None).as_deref(), Some("2025-12-02"));
    }

    #[test]
    fn a_lone_date_line_is_the_last_resort() {
        let html = r#"<html><body><div class="top"><span>21.11.2022</span></div><p>A paragraph that talks about 3 March 2021 at length, which is not the page's date.</p></body></html>"#;
        let page = crate::page::build(html);
        let p = published(&page, None, None, &[]).unwrap();
        assert_eq!(p.date.to_string(), "2022-11-21");
        assert!(p.confidence < tables::CONFIDENCE_TEXT);
        // Long texts that mention a date are not date lines.
        let prose = crate::page::build("<html><body><p>The meeting on 3 March 2021 was the first of many in the long process.</p></body></html>");
        assert_eq!(published(&prose, None, None, &[]), None);
    }

    #[test]
    fn url_day_wins_and_month_urls_take_the_printed_day() {
        // Published late in the evening local time, stored in UTC on the next day.
        let utc = r#"<html><head><meta property="article:published_time" content="2025-12-03T02:41:00+00:00"></head><body><p>Text.</p></body></html>"#;
        assert_eq!(date_of(utc, Some("https://example.org/2025/12/02/talks-end/")).as_deref(), Some("2025-12-02"));
        assert_eq!(date_of(utc, None).as_deref(), Some("2025-12-03"));
        let month = r#"<html><body><h1>Talks end</h1><p class="date">December 9, 2025</p><p>Text.</p></body></html>"#;
        assert_eq!(date_of(month, Some("https://example.org/2025/12/talks-end.html")).as_deref(), Some("2025-12-09"));
        let other_month = r#"<html><body><h1>Talks end</h1><p class="date">January 9, 2026</p><p>Text.</p></body></html>"#;
        assert_eq!(date_of(other_month, Some("https://example.org/2025/12/talks-end.html")).as_deref(), Some("2025-12-01"));
    }

    #[test]
    fn the_shown_headline_beats_a_search_title_of_the_same_page() {
        let page = crate::page::build("<html><body><div><h1>Ten tips for a first allotment</h1></div><p>Text.</p></body></html>");
        assert_eq!(shown_headline(&page, Some("Allotment tips 2025 | Top 10 ideas")).as_deref(), Some("Ten tips for a first allotment"));
        // An <h1> that shares no word with the title is a banner, not this page's headline.
        let banner = crate::page::build("<html><body><h1>The Example Courier</h1><p>Text.</p></body></html>");
        assert_eq!(shown_headline(&banner, Some("Talks end without a deal")).as_deref(), Some("Talks end without a deal"));
        assert_eq!(shown_headline(&banner, None).as_deref(), Some("The Example Courier"));
    }

    #[test]
    fn codes_and_domains() {
        assert_eq!(language_code("en-US").as_deref(), Some("en"));
        assert_eq!(language_code("ru_RU").as_deref(), Some("ru"));
        assert_eq!(language_code("English"), None);
        assert_eq!(domain_of("https://www.example.org/a/b?c").as_deref(), Some("example.org"));
        assert_eq!(domain_of("not a url"), None);
    }
}
