//! What kind of page this is: an article, or a page that only lists articles
//! (a section front, a tag or topic page, search results), or a page with no
//! article at all. Ingest and analyze keep only articles: a section front's
//! teasers are not a report of a story.
//!
//! Signals, each general web-page knowledge (their words and thresholds are
//! `tables::KIND_*`):
//! * markup: `og:type` and JSON-LD `@type`. An article type (`NewsArticle`,
//!   `og:type=article`) keeps the page an article whatever else it shows; a
//!   collection type (`CollectionPage`, `SearchResultsPage`) makes it a listing.
//! * the URL path: `/tag/x`, `/topic/x`, `/category/x`, `/search?q=` near its end.
//! * the page's shape: many teaser headlines (links that are headings,
//!   outside menus and other furniture) and no long block of prose in the
//!   main text.
//!
//! The URL and the shape decide only without article markup, and the shape
//! only when the main text has no long prose block, so a real article with a
//! long list of related links stays an article.

use serde::Serialize;
use serde_json::Value;

use crate::page::{Item, Page};
use crate::tables;

/// The kind of a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// A page that is one article (report, post, column).
    #[default]
    Article,
    /// A section or home front: teasers of many articles.
    SectionFront,
    /// A tag, topic, category or author page: teasers under one label.
    TagListing,
    /// Search results.
    SearchResults,
    /// No article prose at all (an index of links, an error page, a page rendered by script).
    NoArticle,
}

impl PageKind {
    /// The name `extract --json` and the bench's predictions print.
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Article => "article",
            PageKind::SectionFront => "section-front",
            PageKind::TagListing => "tag-listing",
            PageKind::SearchResults => "search-results",
            PageKind::NoArticle => "no-article",
        }
    }

    /// Whether the page is one article (the only kind ingest keeps).
    pub fn is_article(self) -> bool {
        self == PageKind::Article
    }
}

impl std::fmt::Display for PageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the classifier reads of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KindSignals {
    /// `og:type` or JSON-LD names an article type.
    pub article_markup: bool,
    /// JSON-LD or `og:type` names a collection of the given kind.
    pub listing_markup: Option<PageKind>,
    /// The URL names a listing of the given kind.
    pub listing_url: Option<PageKind>,
    /// Links with headline-sized text (teasers).
    pub teaser_links: usize,
    /// Characters of the longest block of the main text.
    pub longest_block: usize,
    /// Characters of the whole main text.
    pub text_chars: usize,
}

/// The kind of `page`, whose main text is `blocks`. A fragment (a feed
/// entry's content, no document around it) is what its container says it
/// is: an article.
pub fn page_kind(page: &Page, url: Option<&str>, blocks: &[String]) -> PageKind {
    if !page.is_document {
        return PageKind::Article;
    }
    classify(&signals(page, url, blocks))
}

/// Read the signals of `page` whose main text is `blocks`.
pub fn signals(page: &Page, url: Option<&str>, blocks: &[String]) -> KindSignals {
    let mut s = KindSignals::default();
    if let Some(og) = page.meta_first(&["og:type"]) {
        let og = og.to_ascii_lowercase();
        s.article_markup |= tables::KIND_ARTICLE_OG_TYPES.contains(&og.as_str());
    }
    for t in json_ld_types(page) {
        if tables::KIND_ARTICLE_LD_TYPES.contains(&t.as_str()) {
            s.article_markup = true;
        } else if let Some((_, kind)) = tables::KIND_LISTING_LD_TYPES.iter().find(|(name, _)| *name == t) {
            s.listing_markup.get_or_insert(*kind);
        }
    }
    s.listing_url = url.and_then(listing_url);
    s.teaser_links = teaser_links(page);
    s.longest_block = blocks.iter().map(|b| b.chars().count()).max().unwrap_or(0);
    s.text_chars = blocks.iter().map(|b| b.chars().count()).sum();
    s
}

/// The kind a page's signals say.
pub fn classify(s: &KindSignals) -> PageKind {
    if s.article_markup {
        return PageKind::Article;
    }
    let no_long_prose = s.longest_block < tables::KIND_MIN_ARTICLE_BLOCK_CHARS;
    // Markup or URL says listing; a long prose block says otherwise. A tag or
    // section address also needs a few teasers (a blog may serve one post
    // there); a search address is never an article's.
    if no_long_prose {
        let teasers = s.teaser_links >= tables::KIND_MIN_TEASERS_AT_LISTING_URL;
        match (s.listing_url, s.listing_markup) {
            (Some(PageKind::SearchResults), _) => return PageKind::SearchResults,
            (Some(kind), Some(_)) => return kind,
            (Some(kind), None) if teasers => return kind,
            (None, Some(kind)) => return kind,
            _ => {}
        }
    }
    // Teasers carry little text each: a long text of short paragraphs
    // (a listicle) among many headline links is still an article.
    let little_text_per_teaser = s.text_chars < s.teaser_links * tables::KIND_MAX_TEXT_CHARS_PER_TEASER;
    if no_long_prose && little_text_per_teaser && s.teaser_links >= tables::KIND_MIN_TEASER_LINKS {
        return PageKind::SectionFront;
    }
    PageKind::Article
}

/// The kind a URL names: a search (`/search`, `?q=`), a tag, topic or author
/// page (`/tag/x`), a category or section (`/category/x`). The site root
/// names nothing: many one-article sites serve their post there.
pub fn listing_url(url: &str) -> Option<PageKind> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host_and_path, query) = rest.split_once('?').map_or((rest, ""), |(a, q)| (a, q));
    let path = host_and_path.split('#').next().unwrap_or("");
    let segments: Vec<String> =
        path.split('/').skip(1).filter(|s| !s.is_empty()).map(str::to_ascii_lowercase).collect();
    let query_keys: Vec<&str> = query.split('&').filter_map(|kv| kv.split('=').next()).collect();
    if segments.iter().any(|s| tables::KIND_SEARCH_SEGMENTS.contains(&s.as_str()))
        || query_keys.iter().any(|k| tables::KIND_SEARCH_QUERY_KEYS.contains(k))
    {
        return Some(PageKind::SearchResults);
    }
    // The listing word must stand near the end: `/tag/elections/` or
    // `/tag/elections/page/2/`, not `/tag/elections/2025/12/02/some-story`.
    let paged = |after: &[String]| {
        after.len() <= 1 || (after.len() <= 3 && after.iter().any(|s| s == "page") && after.last().is_some_and(|s| s.chars().all(|c| c.is_ascii_digit())))
    };
    for (i, seg) in segments.iter().enumerate() {
        let after = &segments[i + 1..];
        if !paged(after) {
            continue;
        }
        if tables::KIND_TAG_SEGMENTS.contains(&seg.as_str()) {
            return Some(PageKind::TagListing);
        }
        if tables::KIND_SECTION_SEGMENTS.contains(&seg.as_str()) {
            return Some(PageKind::SectionFront);
        }
    }
    None
}

/// JSON-LD `@type`s anywhere at the top of the page's blocks (top level,
/// arrays, `@graph`), lower case.
fn json_ld_types(page: &Page) -> Vec<String> {
    let mut out = Vec::new();
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
                match o.get("@type") {
                    Some(Value::String(t)) => out.push(t.to_ascii_lowercase()),
                    Some(Value::Array(a)) => out.extend(a.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase)),
                    _ => {}
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    out
}

/// Teaser headlines: links with headline-sized text
/// ([`tables::KIND_TEASER_WORDS`]) that are a heading or hold one
/// (`<h3><a>…</a></h3>`, `<a><h2>…</h2></a>`), outside page furniture
/// (menus and "related" boxes of an article are furniture).
fn teaser_links(page: &Page) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < page.nodes.len() {
        let node = &page.nodes[i];
        if let Item::Element(info) = &node.item {
            if info.link {
                let end = page.subtree(i).end;
                let holds_heading = page.nodes[i + 1..end]
                    .iter()
                    .any(|n| matches!(&n.item, Item::Element(e) if e.heading > 0));
                if (holds_heading || in_heading(page, i)) && !in_furniture(page, i) {
                    let words = page.subtree_text(i, 400).split_whitespace().count();
                    if tables::KIND_TEASER_WORDS.contains(&words) {
                        count += 1;
                    }
                }
                // Nested links are the same teaser.
                i = end;
                continue;
            }
        }
        i += 1;
    }
    count
}

/// The ancestors of node `index`, nearest first (bounded: deep pages are flattened before).
fn ancestors(page: &Page, index: usize) -> impl Iterator<Item = &crate::page::ElementInfo> + '_ {
    let mut at = page.nodes.get(index).map_or(usize::MAX, |n| n.parent);
    std::iter::from_fn(move || {
        let node = page.nodes.get(at)?;
        at = node.parent;
        match &node.item {
            Item::Element(info) => Some(Some(info)),
            _ => Some(None),
        }
    })
    .flatten()
    .take(tables::MAX_NESTING_DEPTH)
}

fn in_heading(page: &Page, index: usize) -> bool {
    ancestors(page, index).take(3).any(|a| a.heading > 0)
}

fn in_furniture(page: &Page, index: usize) -> bool {
    ancestors(page, index).any(|a| a.boilerplate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(listing_url("https://example.org/tag/elections/"), Some(PageKind::TagListing));
        assert_eq!(listing_url("https://example.org/tag/elections/page/2"), Some(PageKind::TagListing));
        assert_eq!(listing_url("https://example.org/search?q=floods"), Some(PageKind::SearchResults));
        assert_eq!(listing_url("https://example.org/news/?s=floods"), Some(PageKind::SearchResults));
        assert_eq!(listing_url("https://example.org/category/world"), Some(PageKind::SectionFront));
        assert_eq!(listing_url("https://example.org/"), None);
        assert_eq!(listing_url("https://example.org/world/2025/12/02/talks-end-without-deal"), None);
        assert_eq!(listing_url("https://example.org/tag/elections/2025/12/02/talks-end-without-a-deal"), None);
        assert_eq!(listing_url("https://example.org/blog/the-tag-line-of-a-campaign"), None);
    }

    #[test]
    fn article_markup_wins_and_prose_overrules_the_url() {
        let listing = KindSignals { teaser_links: 40, longest_block: 120, text_chars: 2000, ..Default::default() };
        assert_eq!(classify(&listing), PageKind::SectionFront);
        assert_eq!(classify(&KindSignals { article_markup: true, ..listing.clone() }), PageKind::Article);
        let tag_url = KindSignals { listing_url: Some(PageKind::TagListing), longest_block: 150, teaser_links: 8, ..Default::default() };
        assert_eq!(classify(&tag_url), PageKind::TagListing);
        // One post served at a tag address: no teasers, an article.
        assert_eq!(classify(&KindSignals { teaser_links: 0, ..tag_url.clone() }), PageKind::Article);
        let search = KindSignals { listing_url: Some(PageKind::SearchResults), longest_block: 150, ..Default::default() };
        assert_eq!(classify(&search), PageKind::SearchResults);
        let tag_url_with_post = KindSignals { longest_block: 900, ..tag_url };
        assert_eq!(classify(&tag_url_with_post), PageKind::Article);
        let article_with_related_links = KindSignals { teaser_links: 60, longest_block: 700, text_chars: 2000, ..Default::default() };
        assert_eq!(classify(&article_with_related_links), PageKind::Article);
        let listicle = KindSignals { teaser_links: 40, longest_block: 300, text_chars: 9000, ..Default::default() };
        assert_eq!(classify(&listicle), PageKind::Article);
    }
}
