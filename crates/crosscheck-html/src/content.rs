//! Main text: which blocks of the page are the article.
//!
//! 1. The arena is cut into *blocks*: the text between two block-level
//!    boundaries (a paragraph, a heading, a list item, a table row, the text of
//!    a `<div>` between its child blocks, a line after `<br>`), whitespace
//!    collapsed, with the share of it that is link text.
//! 2. Each block gets a weight: prose (long, or sentence-like, few links)
//!    counts its characters; furniture (inside a boilerplate element, or mostly
//!    links) counts against; short labels count slightly against.
//! 3. Every element's score is the sum of the weights of the blocks under it,
//!    so the best-scoring element is the tightest container that holds the
//!    prose while paying for any furniture it drags in. One reverse pass over
//!    the pre-order arena computes all of them: linear in the page size.
//! 4. The chosen container's blocks are emitted in document order, dropping
//!    furniture, link lists, stock lines ("Advertisement") and headings left
//!    with nothing after them.
//!
//! A boilerplate class word on a container that holds most of the page's prose
//! (`<div class="layout-with-sidebar">` around everything) is overruled.

use crate::page::{Item, Page};
use crate::tables;

/// What kind of block a line of output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    ListItem,
    Text,
}

/// One block of text.
#[derive(Debug, Clone)]
pub struct Block {
    /// Arena index of the innermost block element that holds it.
    pub owner: usize,
    pub text: String,
    pub chars: usize,
    pub link_chars: usize,
    /// Link characters before the first character of plain text (a teaser's
    /// linked headline in front of its summary).
    pub leading_link_chars: usize,
    /// Byte length of that leading link text in `text`.
    pub leading_link_bytes: usize,
    pub kind: BlockKind,
}

impl Block {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }

    /// Reads like article prose: long enough or a full sentence, not a link list.
    fn is_prose(&self) -> bool {
        if self.link_density() > 0.33 || matches!(self.kind, BlockKind::Heading(_)) || self.is_teaser() {
            return false;
        }
        self.chars >= tables::PROSE_MIN_CHARS
            || (self.chars >= tables::SENTENCE_MIN_CHARS && ends_like_sentence(&self.text))
    }
}

impl Block {
    /// A list item that opens with a linked headline and goes on with its
    /// summary: a teaser of another page, not a point of the article.
    fn is_teaser(&self) -> bool {
        // The summary starts a sentence of its own after the headline ("...
        // settlements UNITED NATIONS: The Secretary..."), where a linked
        // phrase inside a sentence runs on in lower case.
        let summary_starts_sentence = || {
            self.text
                .get(self.leading_link_bytes..)
                .and_then(|rest| rest.chars().find(|c| c.is_alphabetic()))
                .is_some_and(char::is_uppercase)
        };
        // A headline ends without a full stop; a linked first sentence of a
        // digest's item ends with one.
        let headline_like = || {
            let (Some(head), Some(rest)) = (self.text.get(..self.leading_link_bytes), self.text.get(self.leading_link_bytes..))
            else {
                return false;
            };
            // "Term: explanation" and "Product – what it does" are the
            // article's own list, the link punctuated into the item's text.
            !head.trim_end().ends_with(['.', ':'])
                && !rest.trim_start().starts_with(['.', ':', '\u{2013}', '\u{2014}', '-', ',', ';', '(', '|'])
        };
        self.kind == BlockKind::ListItem
            && self.leading_link_chars >= tables::TEASER_MIN_HEADLINE_CHARS
            && headline_like()
            && self.leading_link_chars as f64 >= tables::TEASER_MIN_HEADLINE_SHARE * self.chars as f64
            && summary_starts_sentence()
    }
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2026}', ':', ')', '\u{bb}', '\u{3002}'])
}

/// An element open while cutting blocks.
struct OpenElement {
    end: usize,
    block: bool,
    link: bool,
    cell: bool,
    /// Inline furniture whose text is cut out.
    dropped: bool,
}

/// Cut the arena into blocks, in document order.
pub fn blocks(page: &Page) -> Vec<Block> {
    let mut builder = BlockBuilder::default();
    let mut open: Vec<OpenElement> = Vec::new();
    // Arena indices of the open block elements (the owner of new text is the last).
    let mut open_blocks: Vec<usize> = Vec::new();
    let small_inline = small_inline_elements(page);
    for (i, node) in page.nodes.iter().enumerate() {
        while open.last().is_some_and(|o| o.end <= i) {
            let Some(o) = open.pop() else { break };
            if o.block {
                open_blocks.pop();
            }
            builder.close(o.block, o.link, o.cell, o.dropped);
        }
        match &node.item {
            Item::Element(info) => {
                if info.block {
                    builder.flush();
                    open_blocks.push(i);
                }
                if info.link {
                    builder.link_depth += 1;
                }
                // Furniture inside a line (a caption or share count in a
                // <span>) is cut out of the line itself.
                let dropped = info.boilerplate && small_inline[i];
                if dropped {
                    builder.drop_depth += 1;
                }
                open.push(OpenElement { end: node.end, block: info.block, link: info.link, cell: info.cell, dropped });
            }
            Item::Text(t) => builder.push_text(t, open_blocks.last().copied().unwrap_or(0)),
            Item::Break => builder.flush(),
        }
    }
    while let Some(o) = open.pop() {
        builder.close(o.block, o.link, o.cell, o.dropped);
    }
    builder.flush();
    builder.blocks
}

/// Per arena node: an inline element with no block inside and little text (a
/// `<span>` caption, not a `<span>` wrapped around the whole article).
fn small_inline_elements(page: &Page) -> Vec<bool> {
    let n = page.nodes.len();
    let mut has_block = vec![false; n];
    let mut chars = vec![0usize; n];
    for i in (0..n).rev() {
        match &page.nodes[i].item {
            Item::Text(t) => chars[i] += t.len(),
            Item::Element(info) if info.block => has_block[i] = true,
            _ => {}
        }
        let p = page.nodes[i].parent;
        if p != usize::MAX {
            chars[p] += chars[i];
            has_block[p] |= has_block[i];
        }
    }
    (0..n).map(|i| !has_block[i] && chars[i] <= tables::MAX_INLINE_FURNITURE_BYTES).collect()
}

#[derive(Default)]
struct BlockBuilder {
    blocks: Vec<Block>,
    buf: String,
    chars: usize,
    link_chars: usize,
    leading_link_chars: usize,
    leading_link_bytes: usize,
    /// Plain (not link) text has come in the current block.
    plain_seen: bool,
    pending_space: bool,
    link_depth: usize,
    /// Depth of inline furniture elements whose text is skipped.
    drop_depth: usize,
    /// Owner of the current buffer (set when its first text arrives).
    owner: Option<usize>,
}

impl BlockBuilder {
    fn push_text(&mut self, t: &str, owner: usize) {
        if self.drop_depth > 0 {
            return;
        }
        for c in t.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.buf.is_empty() {
                self.buf.push(' ');
                self.chars += 1;
            }
            self.pending_space = false;
            self.owner.get_or_insert(owner);
            self.buf.push(c);
            self.chars += 1;
            if self.link_depth > 0 {
                self.link_chars += 1;
                if !self.plain_seen {
                    self.leading_link_chars = self.chars;
                    self.leading_link_bytes = self.buf.len();
                }
            } else {
                self.plain_seen = true;
            }
        }
    }

    fn close(&mut self, block: bool, link: bool, cell: bool, dropped: bool) {
        if dropped {
            self.drop_depth = self.drop_depth.saturating_sub(1);
        }
        if link {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
        if cell {
            self.pending_space = true;
        }
        if block {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if let (false, Some(owner)) = (self.buf.is_empty(), self.owner) {
            let text = std::mem::take(&mut self.buf);
            self.blocks.push(Block {
                owner,
                text,
                chars: self.chars,
                link_chars: self.link_chars,
                leading_link_chars: self.leading_link_chars,
                leading_link_bytes: self.leading_link_bytes,
                kind: BlockKind::Text,
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.leading_link_chars = 0;
        self.leading_link_bytes = 0;
        self.plain_seen = false;
        self.pending_space = false;
        self.owner = None;
    }
}

/// The article's blocks, in order, and whether any of them is prose.
pub struct MainText {
    pub blocks: Vec<String>,
    pub has_prose: bool,
    /// Byline lines found at the head of the container ("By Jane Doe"), taken
    /// out of the text and left for the metadata.
    pub bylines: Vec<String>,
    /// Lines that are only a date ("2 December 2025, 14:05"), likewise.
    pub date_lines: Vec<String>,
}

/// The scoring of one page: its blocks, their weights, which elements are
/// furniture, and the chosen container.
pub struct Analysis {
    pub blocks: Vec<Block>,
    /// Weight of each block (parallel to `blocks`).
    pub weights: Vec<f64>,
    /// Per arena node: inside page furniture.
    pub furniture: Vec<bool>,
    /// Per arena node: inside furniture only by wrapper tags (`<header>`),
    /// whose prose blocks are article.
    pub prose_keeps: Vec<bool>,
    /// Per arena node: summed block weights of its subtree.
    pub score: Vec<f64>,
    /// Arena index of the chosen container.
    pub best: usize,
    /// Per arena node: prose characters under it (boilerplate or not).
    pub prose: Vec<usize>,
}

/// Cut, weigh and score the page's blocks and choose the container.
pub fn analyze(page: &Page, hint: Option<&BodyHint>) -> Analysis {
    let mut blocks = blocks(page);
    let n = page.nodes.len();
    // Kinds of blocks from their owner element.
    for b in &mut blocks {
        if let Item::Element(info) = &page.nodes[b.owner].item {
            b.kind = if info.heading > 0 {
                BlockKind::Heading(info.heading)
            } else if info.list_item {
                BlockKind::ListItem
            } else {
                BlockKind::Text
            };
        }
    }

    // Prose characters under each element (ignoring boilerplate), for the guard
    // against boilerplate words on whole-page wrappers.
    let mut prose = vec![0usize; n];
    let mut text_chars = vec![0usize; n];
    for b in &blocks {
        text_chars[b.owner] += b.chars;
        if b.is_prose() {
            prose[b.owner] += b.chars;
        }
    }
    let total_prose: usize = blocks.iter().filter(|b| b.is_prose()).map(|b| b.chars).sum();
    // Which furniture marks the prose under an element overrules, decided
    // bottom-up: each element's sums are complete when its turn comes.
    // `free_prose` is the prose outside furniture that stays furniture below
    // it: a comment thread holds most of a page's prose, but inside its own
    // marked posts; a layout wrapper's prose is in the article's paragraphs.
    // Inside an element named as the article body (inherited down the tree).
    let mut in_content = vec![false; n];
    for i in 0..n {
        let p = page.nodes[i].parent;
        let own = matches!(&page.nodes[i].item, Item::Element(info) if info.content_name);
        in_content[i] = own || (p != usize::MAX && in_content[p]);
    }
    let mut free_prose = prose.clone();
    for i in (0..n).rev() {
        let p = page.nodes[i].parent;
        if p != usize::MAX {
            prose[p] += prose[i];
            text_chars[p] += text_chars[i];
        }
    }
    // Prose in hidden children of `<body>`: a page streamed in parts (`<div
    // hidden id="S:1">` appended to the body, moved into place by its
    // script) hides its article in several of them, none holding nearly all
    // of it alone.
    let (mut hidden_prose, mut hidden_parts) = (0usize, 0usize);
    let streamed_part = |i: usize| {
        let p = page.nodes[i].parent;
        matches!(&page.nodes[i].item, Item::Element(info) if info.hidden_only)
            && p != usize::MAX
            && matches!(&page.nodes[p].item, Item::Element(parent) if parent.tag == "body")
    };
    for i in (0..n).filter(|&i| streamed_part(i) && prose[i] > 0) {
        hidden_prose += prose[i];
        hidden_parts += 1;
    }
    let hidden_article = hidden_parts > 1
        && hidden_prose as f64 >= tables::OVERRULE_TAG_MIN_PROSE_SHARE * total_prose as f64
        && hidden_prose >= tables::OVERRULE_MIN_PROSE_CHARS;
    // Prose under the weakly marked elements of each class: a page builder
    // that wraps every paragraph in its own `widget` gives that class most
    // of the page's prose; a sidebar's or author box's class holds little.
    let mut class_prose: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    for (i, node) in page.nodes.iter().enumerate() {
        if let Item::Element(info) = &node.item {
            if info.boilerplate_weak && info.class_key != 0 {
                *class_prose.entry(info.class_key).or_insert(0) += prose[i];
            }
        }
    }
    let mut overruled = vec![false; n];
    for i in (0..n).rev() {
        if let Item::Element(info) = &page.nodes[i].item {
            if info.boilerplate {
                // Mostly prose, by share of its text; and with enough of it.
                let prose_share_dense =
                    prose[i] > 0 && prose[i] as f64 >= tables::OVERRULE_MIN_PROSE_SHARE * text_chars[i] as f64;
                let prose_dense = prose_share_dense && prose[i] >= tables::OVERRULE_MIN_PROSE_CHARS;
                // A class word on a container that holds most of the page's
                // prose (outside furniture below it) is a layout name.
                let holds_most_prose =
                    free_prose[i] * 2 > total_prose && free_prose[i] >= tables::OVERRULE_MIN_PROSE_CHARS;
                // Furniture by tag, role or hidden state that holds nearly all the
                // page's prose wraps the article: an unclosed `<aside>`, a tab panel,
                // a `hidden` block that the page's script moves into view.
                let holds_nearly_all = prose[i] as f64 >= tables::OVERRULE_TAG_MIN_PROSE_SHARE * total_prose as f64
                    && prose[i] >= tables::OVERRULE_MIN_PROSE_CHARS;
                // A weak furniture mark on an element that is mostly prose is a page
                // builder's name for a block of the article (`elementor-widget`);
                // so is any prose element of a builder's block class (`class_prose`).
                let builder_block = class_prose.get(&info.class_key).is_some_and(|&c| {
                    c as f64 >= tables::BUILDER_CLASS_MIN_PROSE_SHARE * total_prose as f64
                        && c >= tables::OVERRULE_MIN_PROSE_CHARS
                });
                let by_tag = info.boilerplate_by_tag;
                overruled[i] = (!by_tag && holds_most_prose)
                    || (by_tag && holds_nearly_all && prose_dense)
                    || (hidden_article && streamed_part(i) && prose_share_dense)
                    || (info.boilerplate_weak && (prose_dense || (builder_block && prose_share_dense)));
            }
        }
        let p = page.nodes[i].parent;
        if p != usize::MAX {
            let stays_furniture = matches!(&page.nodes[i].item, Item::Element(info)
                if info.boilerplate && !info.boilerplate_weak && !info.boilerplate_by_tag && !overruled[i]);
            if !stays_furniture {
                free_prose[p] += free_prose[i];
            }
        }
    }

    // Effective boilerplate and content-name flags, inherited down the tree.
    let mut furniture = vec![false; n];
    let mut hard_furniture = vec![false; n];
    // Furniture only by weak class words (a layout grid named
    // `toc-content-sidebar`): an article body named as such inside it is article.
    let mut weak_furniture = vec![false; n];
    for i in 0..n {
        let p = page.nodes[i].parent;
        let (pf, ph, pw) =
            if p == usize::MAX { (false, false, false) } else { (furniture[p], hard_furniture[p], weak_furniture[p]) };
        let (own, wrapper, weak, content) = match &page.nodes[i].item {
            Item::Element(info) => (info.boilerplate, info.wrapper_tag, info.boilerplate_weak, info.content_name),
            _ => (false, false, false, false),
        };
        let marked = own && !overruled[i];
        let rescued = content
            && pf
            && pw
            && prose[i] >= tables::CONTENT_IN_LAYOUT_MIN_PROSE_CHARS
            && prose[i] as f64 >= tables::OVERRULE_MIN_PROSE_SHARE * text_chars[i] as f64;
        if rescued && !marked {
            continue;
        }
        furniture[i] = pf || marked;
        hard_furniture[i] = ph || (marked && !wrapper);
        weak_furniture[i] = (!pf || pw) && (!marked || weak) && furniture[i];
    }

    let prose_keeps: Vec<bool> = (0..n).map(|i| furniture[i] && !hard_furniture[i]).collect();
    // The outermost furniture element around each node (`usize::MAX` outside
    // furniture): one box of furniture costs its container a bounded amount.
    let mut furniture_root = vec![usize::MAX; n];
    for i in 0..n {
        let p = page.nodes[i].parent;
        furniture_root[i] = if p != usize::MAX && furniture[p] {
            furniture_root[p]
        } else if furniture[i] {
            i
        } else {
            usize::MAX
        };
    }
    let mut root_penalty: std::collections::HashMap<usize, f64> = std::collections::HashMap::new();
    // Block weights summed up the tree.
    let mut score = vec![0f64; n];
    let mut weights = Vec::with_capacity(blocks.len());
    let (short_w, furn_pen, bonus_w) = (tables::SHORT_TEXT_WEIGHT, tables::FURNITURE_PENALTY, tables::CONTENT_NAME_BONUS);
    for b in &blocks {
        let chars = b.chars as f64;
        let w = if block_is_furniture(b, &furniture, &prose_keeps) {
            // One long link block (a navigation box under the article) costs
            // no more than a sidebar's worth: it is dropped from the output anyway.
            let own = chars.min(tables::MAX_PENALIZED_BLOCK_CHARS) * furn_pen;
            match furniture_root[b.owner] {
                usize::MAX => -own,
                root => {
                    // ...and one furniture box (a comment thread, a hidden
                    // data table inside the article) no more than this.
                    let spent = root_penalty.entry(root).or_insert(0.0);
                    let w = own.min(tables::MAX_PENALIZED_BOX_CHARS * furn_pen - *spent).max(0.0);
                    *spent += w;
                    -w
                }
            }
        } else if let Some(h) = hint {
            // The page's own account of its body decides what is article.
            if h.share(&b.text) >= tables::HINT_MIN_SHARE {
                chars * (1.0 + bonus_w)
            } else if b.is_prose() {
                -chars * tables::HINT_MISS_PENALTY
            } else {
                chars * short_w
            }
        } else if b.is_prose() {
            let bonus = if in_content[b.owner] { bonus_w } else { 0.0 };
            chars * (1.0 + bonus) - b.link_chars as f64 * furn_pen
        } else {
            chars * short_w
        };
        weights.push(w);
        score[b.owner] += w;
    }
    for i in (0..n).rev() {
        let p = page.nodes[i].parent;
        if p != usize::MAX {
            score[p] += score[i];
        }
    }
    let mut best = 0;
    for i in 0..n {
        if matches!(page.nodes[i].item, Item::Element(_)) && score[i] >= score[best] {
            best = i;
        }
    }
    Analysis { blocks, weights, furniture, prose_keeps, score, best, prose }
}

/// Whether a block is page furniture: inside a furniture element (but a
/// paragraph under a wrapper like `<header>`, an article's lead, is article)
/// or mostly links.
fn block_is_furniture(b: &Block, furniture: &[bool], prose_keeps: &[bool]) -> bool {
    let kept_prose = prose_keeps[b.owner] && b.is_prose() && b.chars >= tables::WRAPPER_MIN_PROSE_CHARS;
    (furniture[b.owner] && !kept_prose) || b.link_density() > tables::MAX_LINK_DENSITY || b.is_teaser()
}

/// Word trigrams of the page's own article body (JSON-LD `articleBody`), to
/// check which blocks of the markup belong to the article.
pub struct BodyHint {
    grams: std::collections::HashSet<u64>,
    /// The body is cut short ("…"): an excerpt, so a container may rightly hold more.
    excerpt: bool,
    /// Its number of words.
    words: usize,
}

/// Text without `<tags>` and `&entities;`.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            // Only what reads as a tag: a body that holds code ("i < n; i++")
            // keeps its `<`, else everything up to the next `>` would go.
            '<' if tag_len(&text[i..]).is_some() => {
                let len = tag_len(&text[i..]).unwrap_or(1);
                while chars.peek().is_some_and(|(j, _)| *j < i + len) {
                    chars.next();
                }
                out.push(' ');
            }
            '&' => {
                let rest = &text[i + 1..];
                let len = rest.chars().take(10).take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
                if len > 0 && rest[len..].starts_with(';') {
                    for _ in 0..=len {
                        chars.next();
                    }
                    out.push(' ');
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Byte length of the tag `text` starts with (`<p>`, `</a>`, `<br/>`,
/// `<!-- … -->` up to its `>`), or `None` when the `<` opens no tag: a tag
/// name follows it at once and its `>` comes before any other `<` or line end.
fn tag_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('<')?;
    let name = rest.strip_prefix('/').unwrap_or(rest);
    if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!') {
        return None;
    }
    let end = rest.find(['>', '<', '\n'])?;
    (rest.as_bytes()[end] == b'>').then_some(end + 2)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn grams(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let w = words(text);
    let n = if w.len() < 3 { usize::from(!w.is_empty()) } else { w.len() - 2 };
    (0..n)
        .map(|i| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w[i..(i + 3).min(w.len())].hash(&mut h);
            h.finish()
        })
        .collect()
}

impl BodyHint {
    /// A hint from a body text (markup and entities, which some pages leave
    /// in it, are dropped); `None` when it is too short to judge by.
    pub fn new(body: &str) -> Option<Self> {
        let trimmed = body.trim_end();
        let excerpt = ["\u{2026}", "...", "&hellip;", "[…]"].iter().any(|e| trimmed.ends_with(e));
        let body = strip_markup(body);
        let count = words(&body).len();
        if count < tables::HINT_MIN_WORDS {
            return None;
        }
        Some(BodyHint { grams: grams(&body).into_iter().collect(), excerpt, words: count })
    }

    /// Share of `text`'s word trigrams that the body has.
    pub fn share(&self, text: &str) -> f64 {
        let g = grams(text);
        if g.is_empty() {
            return 0.0;
        }
        g.iter().filter(|x| self.grams.contains(x)).count() as f64 / g.len() as f64
    }
}

/// How well the chosen container matches the hinted body: the share of the
/// hint's word trigrams it holds, and (for a full body, not an excerpt) the
/// share of its own text the hint confirms; the lower of the two.
fn agreement(page: &Page, a: &Analysis, hint: &BodyHint) -> f64 {
    let range = page.subtree(a.best);
    let mut held = std::collections::HashSet::new();
    let (mut total, mut confirmed, mut total_words) = (0usize, 0usize, 0usize);
    let mut confirmed_home: Option<usize> = None;
    for b in a.blocks.iter().filter(|b| range.contains(&b.owner) && !block_is_furniture(b, &a.furniture, &a.prose_keeps)) {
        let g = grams(&b.text);
        total_words += words(&b.text).len();
        let inside = g.iter().filter(|x| hint.grams.contains(x)).count();
        held.extend(g.iter().copied().filter(|x| hint.grams.contains(x)));
        total += b.chars;
        if !g.is_empty() && inside as f64 / g.len() as f64 >= tables::HINT_MIN_SHARE {
            confirmed += b.chars;
            // The element that holds every confirmed block's parent.
            let parent = page.nodes[b.owner].parent;
            let at = if parent == usize::MAX { b.owner } else { parent };
            let mut lca = confirmed_home.unwrap_or(at);
            while lca != usize::MAX && !page.subtree(lca).contains(&at) {
                lca = page.nodes[lca].parent;
            }
            confirmed_home = Some(lca);
        }
    }
    let recall = if hint.grams.is_empty() { 1.0 } else { held.len() as f64 / hint.grams.len() as f64 };
    // A body far shorter than the container, which it shares with the
    // container's other paragraphs, is a summary of the article (a
    // "highlights" box, a dek): like an excerpt, it confirms only its own
    // part. A body that stands apart in an element of its own is the
    // article, and the container's other text is not.
    let summary = (hint.words as f64) < tables::HINT_SUMMARY_MAX_SHARE * total_words as f64
        && confirmed_home.is_some_and(|home| home == a.best);
    let precision = if hint.excerpt || summary || total == 0 { 1.0 } else { confirmed as f64 / total as f64 };
    recall.min(precision)
}

/// The container chosen from the markup alone, or with `hint` deciding when
/// the markup's choice agrees too little with it; and that agreement.
fn choose(page: &Page, hint: Option<&BodyHint>) -> (Analysis, Option<f64>) {
    let analysis = analyze(page, None);
    let Some(h) = hint else { return (analysis, None) };
    let agreed = agreement(page, &analysis, h);
    if agreed < tables::HINT_MIN_AGREEMENT {
        (analyze(page, Some(h)), Some(agreed))
    } else {
        (analysis, Some(agreed))
    }
}

/// A line per block (weight, owner, in container?, text) for tuning the tables.
#[doc(hidden)]
pub fn explain(page: &Page) -> String {
    explain_with(page, None)
}

/// [`explain`], with the furniture chain of the block holding `snippet`
/// (else of the three longest blocks).
#[doc(hidden)]
pub fn explain_with(page: &Page, snippet: Option<&str>) -> String {
    if page.nodes.is_empty() {
        return String::new();
    }
    // The same choice as `main_text`, with the page's JSON-LD body as its hint.
    let ld = crate::metadata::json_ld_article(page);
    let hint = ld.as_ref().and_then(|l| l.body.as_deref()).and_then(BodyHint::new);
    let (a, agreed) = choose(page, hint.as_ref());
    let container = page.subtree(a.best);
    let mut out = format!("best container: node {} score {:.0}\n", a.best, a.score[a.best]);
    if let Some(agreed) = agreed {
        let how = if agreed >= tables::HINT_MIN_AGREEMENT { "markup's choice stands" } else { "re-chosen with the hint" };
        out.push_str(&format!("JSON-LD body hint: agreement {agreed:.2} ({how})\n"));
    }
    // Which ancestors of the longest block are furniture, and by what.
    let mut by_length: Vec<&Block> = a.blocks.iter().collect();
    by_length.sort_by_key(|b| std::cmp::Reverse(b.chars));
    if let Some(snippet) = snippet {
        by_length.retain(|b| b.text.contains(snippet));
    }
    for longest in by_length.into_iter().take(3) {
        let mut at = longest.owner;
        let mut chain = Vec::new();
        while at != usize::MAX {
            if let Item::Element(info) = &page.nodes[at].item {
                chain.push(format!(
                    "{}n{at} score {:.0} prose {}/{}{}{}{}{}",
                    info.tag,
                    a.score[at],
                    a.prose[at],
                    a.prose[0],
                    if a.furniture[at] { " F" } else { "" },
                    if info.boilerplate { " boilerplate" } else { "" },
                    if info.boilerplate_by_tag { "(tag)" } else { "" },
                    if info.content_name { " content" } else { "" }
                ));
            }
            at = page.nodes[at].parent;
        }
        chain.reverse();
        out.push_str(&format!("longest block's ancestors: {}\n", chain.join(" > ")));
    }
    for (b, w) in a.blocks.iter().zip(&a.weights) {
        let inside = container.contains(&b.owner);
        let text: String = b.text.chars().take(if snippet.is_some() { usize::MAX } else { 100 }).collect();
        out.push_str(&format!(
            "{}{} {:>8.0} n{:<6} p{:<6} ld{:.2} {:?} {}\n",
            if inside { '*' } else { ' ' },
            if a.furniture[b.owner] { 'F' } else { ' ' },
            w,
            b.owner,
            page.nodes[b.owner].parent,
            b.link_density(),
            b.kind,
            text
        ));
    }
    out
}

/// Choose the article container and emit its blocks. `title` (when known) is
/// dropped from the body when a block repeats it.
/// `hint` is the page's JSON-LD `articleBody`, if it has one: when the
/// container chosen from the markup alone holds mostly text the hint does not
/// have, the choice is made again with the hint deciding which blocks are
/// article.
pub fn main_text(page: &Page, title: Option<&str>, hint: Option<&BodyHint>) -> MainText {
    if page.nodes.is_empty() {
        return MainText { blocks: Vec::new(), has_prose: false, bylines: Vec::new(), date_lines: Vec::new() };
    }
    let (analysis, _) = choose(page, hint);
    let Analysis { blocks, furniture, prose_keeps, best, .. } = analysis;
    let range = page.subtree(best);

    let title_key = title.map(key_of);
    let mut out: Vec<(String, BlockKind)> = Vec::new();
    let mut has_prose = false;
    let (mut bylines, mut date_lines) = (Vec::new(), Vec::new());
    let inside: Vec<&Block> = blocks.iter().filter(|b| range.contains(&b.owner)).collect();
    let is_furniture = |b: &Block| block_is_furniture(b, &furniture, &prose_keeps);
    for (i, b) in inside.iter().enumerate() {
        if is_furniture(b) {
            continue;
        }
        // A short label right before furniture introduces it ("Related Tags",
        // "Don't miss", "More:").
        let label = b.chars <= tables::MAX_LABEL_CHARS && !b.is_prose() && !ends_like_sentence(&b.text);
        if label && inside.get(i + 1).is_some_and(|next| is_furniture(next)) {
            continue;
        }
        if is_stock_line(&b.text) {
            continue;
        }
        if title_key.as_deref().is_some_and(|t| !t.is_empty() && key_of(&b.text) == t) {
            continue;
        }
        if is_byline_line(&b.text) {
            bylines.push(b.text.clone());
            continue;
        }
        if is_date_line(&b.text) {
            date_lines.push(b.text.clone());
            continue;
        }
        has_prose |= b.is_prose();
        out.push((b.text.clone(), b.kind));
    }
    // Headings with no text after them before the next heading are section
    // labels of furniture ("Related", "Comments"), not article structure.
    let mut kept = Vec::with_capacity(out.len());
    for (i, (text, kind)) in out.iter().enumerate() {
        if let BlockKind::Heading(level) = *kind {
            let followed = out[i + 1..]
                .iter()
                .take_while(|(_, k)| !matches!(k, BlockKind::Heading(l) if *l <= level))
                .any(|(_, k)| !matches!(k, BlockKind::Heading(_)));
            if !followed {
                continue;
            }
        }
        kept.push(text.clone());
    }
    MainText { blocks: kept, has_prose, bylines, date_lines }
}

/// Every block of the page outside furniture, for fragments whose few short
/// paragraphs no container scoring can judge.
pub fn all_text(page: &Page) -> Vec<String> {
    let n = page.nodes.len();
    let mut furniture = vec![false; n];
    for i in 0..n {
        let p = page.nodes[i].parent;
        let own = matches!(&page.nodes[i].item, Item::Element(info) if info.boilerplate_by_tag);
        furniture[i] = own || (p != usize::MAX && furniture[p]);
    }
    blocks(page).into_iter().filter(|b| !furniture[b.owner] && !is_stock_line(&b.text)).map(|b| b.text).collect()
}

/// A short line that introduces author names ("By Jane Doe and John Roe",
/// "Par Élodie Marchand").
fn is_byline_line(text: &str) -> bool {
    if text.chars().count() > tables::MAX_BYLINE_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    tables::BYLINE_PREFIXES.iter().any(|p| lower.starts_with(p) && lower[p.len()..].starts_with([' ', ':', '\u{a0}']))
        && !crate::metadata::split_authors(text).is_empty()
}

/// A short line that is only a date (and maybe a time).
fn is_date_line(text: &str) -> bool {
    text.chars().count() <= tables::MAX_DATE_LINE_CHARS
        && !ends_like_sentence(text.trim_end_matches(['.', ' ']).trim_end())
        && crate::dates::parse_text(text).is_some()
        && text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .filter(|w| {
                let w = w.to_lowercase();
                crosscheck_lexicon::calendar::month_number_any(&w).is_none()
                    && crosscheck_lexicon::english().weekday_number(&w).is_none()
                    && !tables::DATE_LINE_WORDS.contains(&w.as_str())
            })
            .count()
            <= 1
}

fn key_of(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A short stock line of page furniture ("Advertisement", "Share this").
fn is_stock_line(text: &str) -> bool {
    if text.chars().count() > 60 {
        return false;
    }
    let t = text.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    t.is_empty() || tables::BOILERPLATE_LINES.contains(&t.as_str())
}
