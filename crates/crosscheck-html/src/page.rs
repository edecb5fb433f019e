//! One pass over the parsed HTML5 tree: a flat, pre-order arena of the nodes
//! that can hold readable text (scripts, styles, media and form controls
//! dropped), each element tagged with what the extractor needs to know about
//! it, plus the raw metadata the page carries (`<meta>`, JSON-LD, `<title>`,
//! `<html lang>`, canonical link, `<time>` elements).
//!
//! The walk is iterative (`traverse` yields open/close edges), so a page nested
//! ten thousand levels deep costs no stack.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::tables;

/// What one arena entry is.
#[derive(Debug, Clone)]
pub enum Item {
    Element(ElementInfo),
    /// A text node's content, as in the source (not yet whitespace-collapsed).
    Text(String),
    /// `<br>`: a line break inside a block.
    Break,
}

/// What the extractor needs to know about one element.
#[derive(Debug, Clone, Default)]
pub struct ElementInfo {
    /// Starts a new block of text.
    pub block: bool,
    /// A table cell: a space between cells of a row.
    pub cell: bool,
    /// `<a href>`: its text is link text.
    pub link: bool,
    /// Page furniture by its own tag, role, class, id or hidden state.
    pub boilerplate: bool,
    /// Whether `boilerplate` comes from the tag or role (strong) rather than a class/id word.
    pub boilerplate_by_tag: bool,
    /// Whether `boilerplate` comes only from a weak class/id word or a
    /// wrapper tag (see [`tables::is_prose_furniture_name`]): an element so
    /// marked that holds mostly prose is article after all.
    pub boilerplate_weak: bool,
    /// A [`tables::WRAPPER_BOILERPLATE_TAGS`] element (`<header>`): furniture
    /// for its labels and links, not for the prose in it (an article's lead).
    pub wrapper_tag: bool,
    /// Named as the article body (`<article>`, `itemprop=articleBody`, `class="entry-content"`).
    pub content_name: bool,
    /// Furniture only because hidden (`hidden`, `aria-hidden`, a hiding
    /// class or style): no furniture tag, role or class word besides.
    pub hidden_only: bool,
    /// `h1`..`h6` as 1..6, else 0.
    pub heading: u8,
    /// `<li>`, `<dt>`, `<dd>`.
    pub list_item: bool,
    /// A byline element (class/id word, `rel=author`, `itemprop=author`).
    pub byline: bool,
    /// The tag name when it is a block or furniture tag (for `explain`), else "".
    pub tag: &'static str,
    /// Hash of the `class` attribute's words that hold no digit (0 without
    /// one): elements a page builder made alike share it.
    pub class_key: u64,
}

/// One arena entry.
#[derive(Debug, Clone)]
pub struct PageNode {
    /// Index of the parent element (`usize::MAX` for the top).
    pub parent: usize,
    /// One past the last descendant: the subtree is `index..end`.
    pub end: usize,
    pub item: Item,
}

/// A `<time>` element.
#[derive(Debug, Clone)]
pub struct TimeElement {
    /// Arena index of the nearest kept ancestor element.
    pub at: usize,
    /// `datetime` attribute, else the element's text.
    pub value: String,
    /// Marked as the publication time (`pubdate`, `itemprop=datePublished`, class word "published").
    pub marked_published: bool,
    /// Marked as a modification time (`itemprop=dateModified`, class "updated").
    pub marked_modified: bool,
}

/// The flattened page.
#[derive(Debug, Default)]
pub struct Page {
    pub nodes: Vec<PageNode>,
    /// `<meta>` name/property/itemprop (lower case) and content, in document order.
    pub meta: Vec<(String, String)>,
    /// Parsed `application/ld+json` blocks.
    pub json_ld: Vec<serde_json::Value>,
    /// `<title>` of the head.
    pub title: Option<String>,
    /// `<html lang>`.
    pub html_lang: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<a rel=author>` / `<link rel=author>` / `itemprop=author` texts (names).
    pub author_links: Vec<String>,
    pub times: Vec<TimeElement>,
    /// Whether the source has document structure (`<html>`, `<body>`,
    /// `<head>` or a doctype) rather than being a fragment.
    pub is_document: bool,
    /// Whether a `<noscript>` element holds markup (a fallback that
    /// [`build_with_noscript`] reads).
    pub has_noscript: bool,
}

impl Page {
    /// Arena range of the subtree at `index` (the node and its descendants),
    /// always within the arena and never empty for a node that exists: a
    /// `Page` built by hand (or a future change to [`build`]) with an end
    /// before its start must not make a slice panic. Empty for an index out of
    /// the arena.
    pub fn subtree(&self, index: usize) -> std::ops::Range<usize> {
        let len = self.nodes.len();
        if index >= len {
            return len..len;
        }
        index..self.nodes[index].end.clamp(index + 1, len)
    }

    /// First `<meta>` value for any of `keys`, in the order of `keys`.
    pub fn meta_first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.meta.iter().find(|(name, v)| name == k && !v.trim().is_empty()).map(|(_, v)| v.trim())
        })
    }

    /// All `<meta>` values for any of `keys`.
    pub fn meta_all<'a>(&'a self, keys: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        self.meta.iter().filter(|(n, v)| keys.contains(&n.as_str()) && !v.trim().is_empty()).map(|(_, v)| v.trim())
    }

    /// Text of the subtree at `index`, whitespace-collapsed, stopping once it
    /// passes `max_bytes` (metadata elements are small; reading all of a huge
    /// one would make nested ones quadratic).
    pub fn subtree_text(&self, index: usize, max_bytes: usize) -> String {
        let mut out = String::new();
        for node in &self.nodes[self.subtree(index)] {
            if let Item::Text(t) = &node.item {
                push_collapsed(&mut out, t);
                out.push(' ');
                if out.len() > max_bytes {
                    break;
                }
            }
        }
        collapse(&out)
    }
}

/// Whitespace collapsed to single spaces, trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s);
    out.trim_end().to_string()
}

fn push_collapsed(out: &mut String, s: &str) {
    let mut space = !out.is_empty() && !out.ends_with(' ');
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
}

/// See [`ElementInfo::class_key`]: words with digits are per-element ids
/// (`elementor-element-6e11b77`), the rest names the kind of block.
fn class_key(el: &scraper::node::Element) -> u64 {
    use std::hash::{Hash, Hasher};
    let Some(class) = el.attr("class") else { return 0 };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut any = false;
    for word in class.split_ascii_whitespace().filter(|w| !w.bytes().any(|b| b.is_ascii_digit())) {
        word.to_ascii_lowercase().hash(&mut h);
        any = true;
    }
    if any {
        h.finish() | 1
    } else {
        0
    }
}

fn lower_words(el: &scraper::node::Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = el.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s.to_ascii_lowercase()
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    if el.classes().any(|c| tables::HIDDEN_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h))) {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether a `<noscript>` holds elements (as parsed, or as the raw text the
/// parser keeps when it runs with scripting on) beyond a tracking pixel.
fn noscript_holds_markup(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.children().any(|c| match c.value() {
        Node::Element(el) => el.name() != "img",
        Node::Text(t) => {
            let t = t.to_ascii_lowercase();
            ["<p", "<div", "<article", "<h1", "<h2", "<li"].iter().any(|m| t.contains(m))
        }
        _ => false,
    })
}

/// Collect the text children of a node (for `<title>` and JSON-LD scripts,
/// which are dropped from the arena).
fn direct_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for child in node.children() {
        if let Node::Text(t) = child.value() {
            s.push_str(t);
        }
    }
    s
}

/// The tag name of a tag starting at `bytes[0] == b'<'`: (is end tag, lower-case name).
fn tag_at(bytes: &[u8]) -> Option<(bool, String)> {
    let (end, rest) = match bytes.get(1)? {
        b'/' => (true, &bytes[2..]),
        _ => (false, &bytes[1..]),
    };
    let len = rest.iter().take(10).take_while(|b| b.is_ascii_alphanumeric()).count();
    if len == 0 || len == 10 {
        return None;
    }
    let after = rest.get(len).copied().unwrap_or(b'>');
    if !(after == b'>' || after == b'/' || after.is_ascii_whitespace()) {
        return None;
    }
    Some((end, rest[..len].iter().map(|b| b.to_ascii_lowercase() as char).collect()))
}

/// HTML5's "active formatting elements" make the parser re-open every
/// unclosed `<b>`, `<font>`... (with distinct attributes) at each new element:
/// thousands of them turn parsing quadratic (minutes for one megabyte). When
/// a page leaves more than [`tables::MAX_UNCLOSED_FORMATTING`] of them open, the
/// formatting tags, which carry no text, are removed before parsing.
pub fn defuse_formatting_pileup(source: &str) -> std::borrow::Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut open = 0usize;
    let mut worst = 0usize;
    for at in memchr_iter(bytes) {
        if let Some((end, name)) = tag_at(&bytes[at..]) {
            if tables::FORMATTING_TAGS.contains(&name.as_str()) {
                if end {
                    open = open.saturating_sub(1);
                } else {
                    open += 1;
                    worst = worst.max(open);
                }
            }
        }
    }
    if worst <= tables::MAX_UNCLOSED_FORMATTING {
        return std::borrow::Cow::Borrowed(source);
    }
    tracing::warn!(unclosed = worst, "page leaves many formatting tags open; removing them before parsing");
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for at in memchr_iter(bytes) {
        if at < copied {
            continue;
        }
        if let Some((_, name)) = tag_at(&bytes[at..]) {
            if tables::FORMATTING_TAGS.contains(&name.as_str()) {
                if let Some(close) = source[at..].find('>') {
                    out.push_str(&source[copied..at]);
                    copied = at + close + 1;
                }
            }
        }
    }
    out.push_str(&source[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Many HTML5 tree-builder steps ("is there a `<p>` in button scope?") walk
/// the stack of open elements, so a page that nests tens of thousands of
/// `<div>`s (unclosed, by a broken template) parses in quadratic time. Start
/// tags past [`tables::MAX_NESTING_DEPTH`] levels of [`tables::NESTING_TAGS`]
/// are dropped, with as many of their end tags; the outer levels stay.
pub fn flatten_deep_nesting(source: &str) -> std::borrow::Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut too_deep = false;
    for at in memchr_iter(bytes) {
        if let Some((end, name)) = tag_at(&bytes[at..]) {
            if tables::NESTING_TAGS.contains(&name.as_str()) {
                if end {
                    depth = depth.saturating_sub(1);
                } else {
                    depth += 1;
                    if depth > tables::MAX_NESTING_DEPTH {
                        too_deep = true;
                        break;
                    }
                }
            }
        }
    }
    if !too_deep {
        return std::borrow::Cow::Borrowed(source);
    }
    tracing::warn!(limit = tables::MAX_NESTING_DEPTH, "page nests elements too deeply; flattening the inner levels before parsing");
    let mut out = String::with_capacity(source.len());
    let (mut copied, mut depth, mut excess) = (0usize, 0usize, 0usize);
    for at in memchr_iter(bytes) {
        if at < copied {
            continue;
        }
        let Some((end, name)) = tag_at(&bytes[at..]) else { continue };
        if !tables::NESTING_TAGS.contains(&name.as_str()) {
            continue;
        }
        let drop = if end {
            if excess > 0 {
                excess -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= tables::MAX_NESTING_DEPTH {
            excess += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            if let Some(close) = source[at..].find('>') {
                out.push_str(&source[copied..at]);
                copied = at + close + 1;
            }
        }
    }
    out.push_str(&source[copied..]);
    std::borrow::Cow::Owned(out)
}

fn memchr_iter(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'<').map(|(i, _)| i)
}

/// Parse `source` and flatten it.
pub fn build(source: &str) -> Page {
    build_parsed(source, looks_like_document(source))
}

/// Whether the source's start shows document structure (see [`Page::is_document`]).
fn looks_like_document(source: &str) -> bool {
    let head = &source[..floor_char_boundary(source, 2048)].to_ascii_lowercase();
    ["<html", "<body", "<head", "<!doctype"].iter().any(|t| head.contains(t))
}

/// [`build`], with what `<noscript>` elements hold read as part of the page:
/// the page a reader without script sees, for pages that render their
/// article by script and give its text as a `<noscript>` fallback (read only
/// when [`build`]'s page has no prose). The parser keeps a `<noscript>`'s
/// content as raw text, so the tags themselves are taken out first.
pub fn build_with_noscript(source: &str) -> Page {
    let unwrapped = remove_tag(&remove_tag(source, "<noscript"), "</noscript");
    build_parsed(&unwrapped, looks_like_document(source))
}

/// `source` without the tags that start with `open` (`<noscript`, matched
/// in any case, up to their `>`).
fn remove_tag(source: &str, open: &str) -> String {
    let lower = source.to_ascii_lowercase();
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find(open) {
        let start = at + found;
        let after = lower.as_bytes().get(start + open.len()).copied();
        if !matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            out.push_str(&source[at..start + open.len()]);
            at = start + open.len();
            continue;
        }
        out.push_str(&source[at..start]);
        at = lower[start..].find('>').map_or(source.len(), |e| start + e + 1);
    }
    out.push_str(&source[at..]);
    out
}

fn build_parsed(source: &str, is_document: bool) -> Page {
    let source = defuse_formatting_pileup(source);
    let source = flatten_deep_nesting(&source);
    let html = Html::parse_document(&source);
    let mut page = Page { is_document, ..Page::default() };
    // Each open element of the tree and what it is to the arena, and the
    // arena indices of the open elements that are in it (the last is the
    // parent of new nodes).
    let mut open: Vec<(ego_tree::NodeId, OpenEdge)> = Vec::new();
    let mut parents: Vec<usize> = Vec::new();
    let mut skip_depth = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    let parent = parents.last().copied().unwrap_or(usize::MAX);
                    collect_metadata(&mut page, node, el, name, parents.last().copied());
                    if name == "noscript" && noscript_holds_markup(node) {
                        page.has_noscript = true;
                    }
                    if skip_depth > 0 || tables::SKIP_TAGS.contains(&name) {
                        skip_depth += 1;
                        open.push((node.id(), OpenEdge::Skipped));
                        continue;
                    }
                    let at = page.nodes.len();
                    if name == "br" {
                        page.nodes.push(PageNode { parent, end: at + 1, item: Item::Break });
                        open.push((node.id(), OpenEdge::NotKept));
                        continue;
                    }
                    let info = element_info(el, name);
                    open.push((node.id(), OpenEdge::Kept));
                    parents.push(at);
                    // Until its close edge: an element holds at least itself.
                    page.nodes.push(PageNode { parent, end: at + 1, item: Item::Element(info) });
                }
                Node::Text(t) if skip_depth == 0 => {
                    let parent = parents.last().copied().unwrap_or(usize::MAX);
                    let at = page.nodes.len();
                    page.nodes.push(PageNode { parent, end: at + 1, item: Item::Text(t.to_string()) });
                }
                _ => {}
            },
            Edge::Close(node) => {
                // The close edge is matched to its open edge by node, not by
                // order: the parser's tree can come out of error recovery
                // (a misnested `<a>` re-parented by the adoption agency, which
                // ego-tree 0.10 links up only partly) with an element whose
                // close edge the walk never yields. Such an
                // element, still open above this one, ends here, where its
                // parent does; a close edge with no open one is ignored.
                if let Some(at) = open.iter().rposition(|(id, _)| *id == node.id()) {
                    for (_, was) in open.drain(at..).rev() {
                        close_edge(&mut page, &mut parents, &mut skip_depth, was);
                    }
                }
            }
        }
    }
    // Elements the walk left open end where the input ends: their subtree is
    // everything after them.
    for (_, was) in open.into_iter().rev() {
        close_edge(&mut page, &mut parents, &mut skip_depth, was);
    }
    page
}

/// Close one open element: a kept one's subtree ends at the current end of the arena.
fn close_edge(page: &mut Page, parents: &mut Vec<usize>, skip_depth: &mut usize, was: OpenEdge) {
    match was {
        OpenEdge::Skipped => *skip_depth = skip_depth.saturating_sub(1),
        OpenEdge::Kept => {
            if let Some(at) = parents.pop() {
                page.nodes[at].end = page.nodes.len();
            }
        }
        OpenEdge::NotKept => {}
    }
}

/// What an open element of the parsed tree is to the arena.
enum OpenEdge {
    /// In the arena, its index on the stack of parents.
    Kept,
    /// Dropped with its subtree (a [`tables::SKIP_TAGS`] element or inside one).
    Skipped,
    /// In the arena as a leaf of its own kind (`<br>`).
    NotKept,
}

/// Largest char boundary ≤ `at`.
pub fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn element_info(el: &scraper::node::Element, name: &str) -> ElementInfo {
    let words = lower_words(el);
    let role = el.attr("role").unwrap_or("").to_ascii_lowercase();
    let itemprop = el.attr("itemprop").unwrap_or("").to_ascii_lowercase();
    let wrapper_tag = tables::WRAPPER_BOILERPLATE_TAGS.contains(&name);
    let by_tag = (tables::BOILERPLATE_TAGS.contains(&name) && !wrapper_tag)
        || tables::BOILERPLATE_ROLES.contains(&role.as_str());
    let structural = matches!(name, "html" | "body" | "article" | "main");
    let content_name = name == "article"
        || itemprop == "articlebody"
        || itemprop == "text"
        || tables::is_content_name(&words);
    let by_name = !structural && !content_name && (tables::is_boilerplate_name(&words) || tables::has_boilerplate_part(&words));
    let weak_name = by_name && !tables::is_prose_furniture_name(&words);
    let hidden = is_hidden(el);
    let heading = match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => d - b'0',
        _ => 0,
    };
    ElementInfo {
        block: tables::BLOCK_TAGS.contains(&name),
        cell: tables::CELL_TAGS.contains(&name),
        link: name == "a" && el.attr("href").is_some(),
        boilerplate: by_tag || by_name || wrapper_tag || hidden,
        boilerplate_by_tag: by_tag || hidden,
        wrapper_tag,
        boilerplate_weak: !by_tag && !hidden && (wrapper_tag || weak_name) && !(by_name && !weak_name),
        content_name,
        hidden_only: hidden && !by_tag && !by_name && !wrapper_tag,
        heading,
        list_item: matches!(name, "li" | "dt" | "dd"),
        tag: tables::BLOCK_TAGS.iter().chain(tables::BOILERPLATE_TAGS).find(|t| **t == name).copied().unwrap_or(""),
        class_key: class_key(el),
        byline: tables::is_byline_name(&words)
            || el.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || itemprop == "author",
    }
}

fn collect_metadata(
    page: &mut Page,
    node: ego_tree::NodeRef<'_, Node>,
    el: &scraper::node::Element,
    name: &str,
    at: Option<usize>,
) {
    match name {
        "html" if page.html_lang.is_none() => {
            page.html_lang = el.attr("lang").or_else(|| el.attr("xml:lang")).map(str::to_string);
        }
        "meta" => {
            let content = el.attr("content").unwrap_or("");
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = el.attr(key) {
                    page.meta.push((k.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
        }
        "title" if page.title.is_none() => {
            let in_head = node.parent().and_then(|p| p.value().as_element().map(|e| e.name() == "head")).unwrap_or(false);
            if in_head {
                let t = collapse(&direct_text(node));
                if !t.is_empty() {
                    page.title = Some(t);
                }
            }
        }
        "link" => {
            let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
            if rel.split_whitespace().any(|r| r == "canonical") && page.canonical.is_none() {
                page.canonical = el.attr("href").map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
            }
        }
        "script" => {
            let ty = el.attr("type").unwrap_or("").to_ascii_lowercase();
            if ty.contains("ld+json") {
                let raw = direct_text(node);
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim().trim_end_matches(';')) {
                    page.json_ld.push(v);
                }
            }
        }
        "time" => {
            let value = el.attr("datetime").map(str::to_string).unwrap_or_else(|| collapse(&node_text(node)));
            let words = lower_words(el);
            let itemprop = el.attr("itemprop").unwrap_or("").to_ascii_lowercase();
            page.times.push(TimeElement {
                at: at.unwrap_or(0),
                value,
                marked_published: el.attr("pubdate").is_some()
                    || itemprop == "datepublished"
                    || words.contains("publish")
                    || words.contains("posted"),
                marked_modified: itemprop == "datemodified" || words.contains("updated") || words.contains("modified"),
            });
        }
        _ => {}
    }
    let itemprop = el.attr("itemprop").unwrap_or("");
    if (name == "a" || name == "link") && el.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || itemprop.eq_ignore_ascii_case("author")
    {
        // itemprop=author on a Person container: the name is in a child itemprop=name.
        let t = collapse(&node_text(node));
        if !t.is_empty() && t.chars().count() <= 80 {
            page.author_links.push(t);
        }
    }
}

/// All text under a node (bounded: metadata elements are small; a huge one is
/// not a name or a date).
fn node_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
            s.push(' ');
            if s.len() > 400 {
                break;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests_support {
    use super::*;

    /// Every element's subtree lies within the arena, after the element, and
    /// inside its parent's subtree.
    pub(super) fn assert_spans_nest(page: &Page) {
        let len = page.nodes.len();
        for (i, node) in page.nodes.iter().enumerate() {
            assert!(node.end > i && node.end <= len, "node {i}: end {} outside {}..={len}", node.end, i + 1);
            if node.parent != usize::MAX {
                assert!(node.parent < i, "node {i}: parent {} after it", node.parent);
                assert!(node.end <= page.nodes[node.parent].end, "node {i} ends after its parent");
            }
        }
    }

}

#[cfg(test)]
mod tests {
    use super::tests_support::assert_spans_nest;
    use super::*;

    const ARTICLE: &str = "<!doctype html><html><head><title>T</title></head><body><div class=\"page\">\
        <article><h1>Headline here</h1><p>First paragraph of the story, <a href=\"/x\">a link</a> \
        and <b>bold text<br>after a break</b>.</p><ul><li>one<li>two</ul><table><tr><td>cell<td>cell 2\
        </table><script>var x = '<div>';</script><p>Last words.</p></article></div></body></html>";

    #[test]
    fn input_cut_anywhere_leaves_no_element_without_an_end() {
        for cut in (0..=ARTICLE.len()).filter(|&c| ARTICLE.is_char_boundary(c)) {
            let page = build(&ARTICLE[..cut]);
            assert_spans_nest(&page);
            for i in 0..page.nodes.len() {
                let _ = page.subtree_text(i, 1000);
            }
        }
    }

    #[test]
    fn unclosed_elements_end_where_the_input_ends() {
        let page = build("<div><section><p>Open paragraph with <a href=\"/y\">an open link");
        assert_spans_nest(&page);
        let p = page
            .nodes
            .iter()
            .position(|n| matches!(&n.item, Item::Element(e) if e.tag == "p"))
            .expect("the paragraph is in the arena");
        assert_eq!(page.nodes[p].end, page.nodes.len());
        assert_eq!(page.subtree_text(p, 1000), "Open paragraph with an open link");
    }

    /// A page whose elements were left with `end == 0` (what `build` used to
    /// record for an element it never saw close) reads without a panic: the
    /// element then holds only itself.
    #[test]
    fn subtree_of_an_element_with_no_recorded_end_is_just_itself() {
        let element = |parent: usize| PageNode { parent, end: 0, item: Item::Element(ElementInfo::default()) };
        let text = |parent: usize, at: usize| PageNode { parent, end: at + 1, item: Item::Text("words".into()) };
        let page = Page { nodes: vec![element(usize::MAX), element(0), text(1, 2)], ..Page::default() };
        assert_eq!(page.subtree(1), 1..2);
        assert_eq!(page.subtree_text(1, 100), "");
        assert_eq!(page.subtree_text(2, 100), "words");
        assert_eq!(page.subtree(7), 3..3);
        assert_eq!(page.subtree_text(7, 100), "");
    }
}

#[cfg(test)]
mod misnested_tests {
    use super::*;

    /// An unclosed `<a name>` anchor before a block holding paragraphs with
    /// a link: html5ever's error recovery (the adoption agency) re-parents
    /// the misnested `<a>`'s children, and ego-tree 0.10 updates the parent
    /// link of only the first and last of them, so the walk never yields
    /// some close edges. Closes paired by order then gave `<body>` and
    /// `<html>` an end of 0 (the article container cut to one node); paired
    /// by node, every element gets its span and the body holds the page.
    #[test]
    fn misnested_anchor_keeps_every_span_inside_its_parent() {
        let html = "<html><body><a name=\"top\">Contents<blockquote>\n<p>The first paragraph.<p>A second \
            paragraph with <a href=\"/x\">a link</a> in it.</blockquote><p>Last paragraph here.</body></html>";
        let page = build(html);
        super::tests_support::assert_spans_nest(&page);
        let body = page
            .nodes
            .iter()
            .position(|n| matches!(&n.item, Item::Element(e) if e.tag == "body"))
            .expect("body in the arena");
        assert_eq!(page.nodes[body].end, page.nodes.len());
        let text = page.subtree_text(body, 10_000);
        assert!(text.starts_with("Contents The first paragraph.") && text.ends_with("Last paragraph here."), "{text}");
    }
}
