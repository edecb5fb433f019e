//! Heuristics of the extractor, kept apart from the algorithms that use them:
//! which tags hold no article text, which class/id names mark boilerplate,
//! which meta tags carry which metadata, and the thresholds of the scoring.
//!
//! Everything here is general web-page knowledge; nothing names a site.

use once_cell::sync::Lazy;
use regex::Regex;

/// Elements whose content is never text to read: scripts, styles, embedded
/// media and form controls. Their subtrees are dropped before scoring.
pub const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed",
    "canvas", "select", "option", "optgroup", "button", "input", "textarea", "audio", "video",
    "source", "track", "map", "area", "link", "meta", "title", "base", "img", "picture", "datalist",
];

/// Elements that, by their tag alone, hold page furniture rather than the
/// article: navigation, side boxes, page/section headers and footers (which
/// carry the headline and byline, kept as metadata, not as body), figures
/// with their captions and credits.
pub const BOILERPLATE_TAGS: &[&str] = &["nav", "aside", "footer", "header", "menu", "dialog", "figure", "figcaption"];

/// ARIA roles of page furniture.
pub const BOILERPLATE_ROLES: &[&str] = &[
    "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
    "menu", "menubar", "toolbar", "tablist",
];

/// Elements that start a new block of text (a line of the output).
pub const BLOCK_TAGS: &[&str] = &[
    "html", "body", "main", "article", "section", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot",
    "tr", "caption", "figure", "figcaption", "header", "footer", "nav", "aside", "address", "hr",
    "form", "fieldset", "details", "summary", "center", "menu", "dialog", "legend", "hgroup",
];

/// Table cells: inline within their row, but separated by a space.
pub const CELL_TAGS: &[&str] = &["td", "th"];

/// Class/id words of boilerplate containers (matched as whole words of the
/// lower-cased `class` and `id`, words split at anything not a letter).
static BOILERPLATE_WORDS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?:^|[^a-z])(?:",
        r"comments?|commentlist|comment-list|disqus|respond|replies|",
        r"share|shares|sharing|sharebar|share-bar|social|socials|sociallinks|",
        r"related|relatedposts|related-posts|more-stories|morestories|read-more|readmore|read-next|",
        r"recirc|recirculation|recommended|recommendations|outbrain|taboola|",
        r"trending|most-popular|mostpopular|popular|most-read|mostread|",
        r"newsletter|newsletters|subscribe|subscription|signup|sign-up|paywall|",
        r"cookie|cookies|consent|gdpr|",
        r"ad|ads|adv|advert|adverts|advertisement|advertising|ad-slot|adslot|dfp|sponsor|sponsored|promo|promos|promoted|",
        r"sidebar|side-bar|rail|right-rail|widget|widgets|",
        r"footer|nav|navbar|navigation|menu|breadcrumb|breadcrumbs|masthead|topbar|toolbar|",
        r"pagination|pager|skip|skiplink|print|tags|tag-list|taglist|keywords|categories|",
        r"modal|popup|overlay|banner|lightbox|",
        r"author-bio|authorbio|bio|about-author|author-box|byline|bylines|dateline|timestamp|meta|post-meta|entry-meta|article-meta|",
        r"caption|credit|credits|photo-credit|wp-caption-text|",
        r"visually-hidden|sr-only|screen-reader-text|offscreen",
        r")(?:$|[^a-z])"
    ))
    .expect("boilerplate class pattern")
});

/// Whole class names (not parts: `overflow-hidden` is layout) that hide an element.
pub const HIDDEN_CLASSES: &[&str] = &["hidden", "hide", "d-none", "invisible", "is-hidden", "u-hidden", "display-none"];

/// Class/id words that mark the article body itself. A container that matches
/// both lists ("article-body-share") is not boilerplate.
static CONTENT_WORDS_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?:^|[^a-z])(?:",
        r"article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|story-?text|",
        r"entry-?content|post-?content|post-?body|post-?entry|main-?content|content-?body|body-?text|",
        r"text-?body|article__body|article__content|story__body|rich-?text|page-?content|blog-?post",
        r")(?:$|[^a-z])"
    ))
    .expect("content class pattern")
});

/// Whether a `class`/`id` string names boilerplate (and not article content).
pub fn is_boilerplate_name(class_and_id: &str) -> bool {
    !class_and_id.is_empty()
        && BOILERPLATE_WORDS_RE.is_match(class_and_id)
        && !CONTENT_WORDS_RE.is_match(class_and_id)
}

/// Parts of class/id names that mark furniture even inside a longer word
/// (`imageEmbedCaption`, `articleComments`, `newsletterSignup`).
pub const BOILERPLATE_PARTS: &[&str] = &[
    "caption", "comment", "newsletter", "cookie", "sidebar", "related", "advert", "sponsor", "promo",
    "breadcrumb", "subscri", "taboola", "outbrain", "disqus", "recommend", "social", "share",
];

/// Whether a lower-cased `class`/`id` string contains a [`BOILERPLATE_PARTS`] part
/// (and no article-body name).
pub fn has_boilerplate_part(class_and_id: &str) -> bool {
    BOILERPLATE_PARTS.iter().any(|p| class_and_id.contains(p)) && !CONTENT_WORDS_RE.is_match(class_and_id)
}

/// Whether a `class`/`id` string names the article body.
pub fn is_content_name(class_and_id: &str) -> bool {
    !class_and_id.is_empty() && CONTENT_WORDS_RE.is_match(class_and_id)
}

/// Short lines that are page furniture wherever they stand (compared in lower
/// case, trimmed of punctuation).
pub const BOILERPLATE_LINES: &[&str] = &[
    "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "story continues below advertisement",
    "continue reading below", "scroll to continue with content", "article continues below",
    "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
    "tweet", "email", "print", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit",
    "read more", "read more here", "continue reading", "click here", "see more", "show more", "load more",
    "related", "related articles", "related stories", "related posts", "related content", "more on this story",
    "you may also like", "recommended", "most read", "most popular", "trending",
    "subscribe", "sign up", "subscribe now", "sign up for our newsletter", "skip to content", "skip to main content",
    "follow us", "comments", "leave a comment", "leave a reply", "loading", "loading...", "close", "menu",
    "back to top", "top", "image", "photo", "video", "listen", "listen to this article", "watch",
];

/// A link-heavy block is a list of links (menus, tag lists, "read also"): drop
/// it when links hold more than this share of its characters.
pub const MAX_LINK_DENSITY: f64 = 0.5;

/// An inline element named as furniture (a caption `<span>`) is cut out of
/// its line only up to this much text: a bigger one wraps content.
pub const MAX_INLINE_FURNITURE_BYTES: usize = 400;

/// A short line right before furniture is its label when it has at most this many characters.
pub const MAX_LABEL_CHARS: usize = 40;

/// A block counts as article prose when it has at least this many characters...
pub const PROSE_MIN_CHARS: usize = 80;
/// ...or at least this many and ends like a sentence.
pub const SENTENCE_MIN_CHARS: usize = 25;

/// Weight of a boilerplate or link character against a prose character when
/// choosing the article container: furniture inside a candidate costs more
/// than prose earns, so the tightest container that holds the prose wins.
pub const FURNITURE_PENALTY: f64 = 1.5;
/// Weight of short text that is neither prose nor links (table rows, list
/// items, labels): slightly for, so data tables and short-item lists of an
/// article hold their container together, but far below prose.
pub const SHORT_TEXT_WEIGHT: f64 = 0.1;
/// Bonus factor for prose inside a container named as article body
/// (`itemprop=articleBody`, `class="entry-content"`, `<article>`).
pub const CONTENT_NAME_BONUS: f64 = 0.25;

/// A JSON-LD `articleBody` guides the choice of container only with at least this many words.
pub const HINT_MIN_WORDS: usize = 30;
/// A block belongs to the hinted body when this share of its word trigrams is in it.
pub const HINT_MIN_SHARE: f64 = 0.5;
/// The markup's choice stands when at least this share of its text is in the hinted body.
pub const HINT_MIN_AGREEMENT: f64 = 0.5;
/// A JSON-LD body with fewer words than this share of the chosen container's
/// is a summary (a dek, a product box), not the article: it confirms only its
/// own part of the container.
pub const HINT_SUMMARY_MAX_SHARE: f64 = 0.33;
/// Weight against prose that the hinted body lacks, when the hint decides.
pub const HINT_MISS_PENALTY: f64 = 0.5;

/// Below this many characters a full page has no article (a fragment's text is
/// returned whatever its length).
pub const MIN_ARTICLE_CHARS: usize = 100;

/// JSON-LD `@type`s that describe the page's article.
pub const ARTICLE_TYPES: &[&str] = &[
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
    "liveblogposting", "techarticle", "scholarlyarticle", "report", "posting", "webpage",
];

/// Meta tags (name/property/itemprop, lower case) with the publication date,
/// strongest first.
pub const DATE_META: &[&str] = &[
    "article:published_time", "og:article:published_time", "datepublished", "og:published_time",
    "published_time", "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date", "sailthru.date",
    "parsely-pub-date", "article_date_original", "cxenseparse:recs:publishtime", "original-publish-date",
    "datecreated", "citation_publication_date",
];

// Publication-date fallbacks (`metadata::published`): the meta-name parts, the
// headline window and the date labels were chosen on the WCXB dev split and the
// multilingual set (`shared/bench/extraction-wcxb/dev`, `extraction-multilingual`),
// looking at why dates were missing or wrong, not at single pages; re-measure
// with `crosscheck bench extract DIR [--truth T] --per-page` ("date (day)" line,
// and one "date ID truth got" line per miss).

/// Parts of other meta tag names that hold a publication date
/// (`x-published-date`, `page:date`), read after [`DATE_META`]...
pub const DATE_META_NAME_PARTS: &[&str] = &["publish", "date", "created"];
/// ...unless the name says the date is another one.
pub const DATE_META_NAME_EXCLUDED: &[&str] = &["modif", "updat", "expir", "revis", "valid", "review", "event", "start", "end", "birth", "last"];

/// A printed date near the headline: the text nodes looked at after the first `<h1>`...
pub const HEADLINE_DATE_TEXTS_AFTER: usize = 25;
/// ...and before it (a meta bar above the headline).
pub const HEADLINE_DATE_TEXTS_BEFORE: usize = 8;
/// Such a text is at most this long (a date line, not a paragraph that mentions a date).
pub const MAX_HEADLINE_DATE_CHARS: usize = 80;

/// The last-resort date is a text of at most this many characters (a date
/// with a weekday or a time, nothing more)...
pub const MAX_DATE_ONLY_TEXT_CHARS: usize = 40;
/// ...and is trusted least of all sources.
pub const CONFIDENCE_FIRST_DATE_LINE: f32 = 0.25;

/// Words that label a page's own date ("Published: 2 December 2025",
/// "Stand: 02.12.2025"), lower case, matched at the start of a short text.
pub const DATE_LABELS: &[&str] = &[
    "published", "posted", "last updated", "updated", "date", "veröffentlicht", "erstellt", "aktualisiert", "stand",
    "datum", "publié", "mis à jour", "publicado", "actualizado", "pubblicato", "gepubliceerd",
];

/// Meta tags with author names.
pub const AUTHOR_META: &[&str] = &[
    "author", "article:author", "og:article:author", "dc.creator", "sailthru.author", "parsely-author",
    "byl", "citation_author", "twitter:creator:name",
];

/// Meta tags with the title, strongest first.
pub const TITLE_META: &[&str] = &["og:title", "twitter:title", "dc.title", "headline", "sailthru.title", "parsely-title"];

/// Word counts of an `<h1>` that reads as a headline (not a logo, not a paragraph).
pub const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=40;

/// Meta tags with the description.
pub const DESCRIPTION_META: &[&str] = &["description", "og:description", "twitter:description", "dc.description"];

/// Meta tags with the site name.
pub const SITE_NAME_META: &[&str] = &["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"];

/// Meta tags with the language.
pub const LANGUAGE_META: &[&str] = &["og:locale", "content-language", "language", "dc.language", "inlanguage"];

/// Class/id words of byline elements (author names near the headline).
static BYLINE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|[^a-z])(?:byline|bylines|by-line|author|authors|author-name|authorname|writer|contributor|posted-by|postedby)(?:$|[^a-z])")
        .expect("byline pattern")
});

/// Whether a `class`/`id` string names a byline element.
pub fn is_byline_name(class_and_id: &str) -> bool {
    !class_and_id.is_empty() && BYLINE_RE.is_match(class_and_id)
}

/// A byline line inside the article ("By Jane Doe, staff reporter") is at most this long.
pub const MAX_BYLINE_CHARS: usize = 100;
/// A line that is only a date ("2 December 2025, 14:05") is at most this long.
pub const MAX_DATE_LINE_CHARS: usize = 50;

/// Words that may stand beside a date in a line that is only a date
/// ("Updated: Monday, 2 December 2025 at 14:05 GMT"), besides month names and
/// English weekdays (`crosscheck_lexicon`).
pub const DATE_LINE_WORDS: &[&str] = &[
    "updated", "published", "posted", "last", "on", "at", "am", "pm", "gmt", "utc", "est", "edt", "cet", "cest",
    "th", "st", "nd", "rd", "de", "le", "el", "um", "uhr",
    "г", "года", "в", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "publié", "mis", "jour",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "stand", "aktualisiert",
];

/// Words that introduce author names in a byline ("By", "Von", "Par", "Por"...).
pub const BYLINE_PREFIXES: &[&str] = &["by", "von", "par", "por", "di", "door", "av", "przez", "автор", "авторы"];

/// Labels before author names in author fields and bylines ("Written by
/// Jane Doe", "Author: Jane Doe"), read by the author finder only (the
/// main-text byline test keeps to [`BYLINE_PREFIXES`]).
pub const AUTHOR_LABELS: &[&str] = &["written by", "posted by", "authored by", "author", "authors", "autor", "autorin", "auteur", "auteurs", "text", "texte"];

/// Words of a byline that are not names ("Staff", "Reporter", "and"); news
/// agencies credited in a byline are the lexicon's known organisations.
pub const BYLINE_NON_NAMES: &[&str] = &[
    "staff", "staff writer", "reporter", "correspondent", "editor", "contributor", "updated", "published",
    "posted", "name", "author", "the author", "guest", "news desk", "admin", "administrator",
];

/// Separators of "Site name" suffixes in `<title>`: "Headline | Site", "Headline - Site".
pub const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / "];

/// Confidence of each date source (see `DateMethod`).
pub const CONFIDENCE_JSON_LD: f32 = 0.95;
pub const CONFIDENCE_META: f32 = 0.9;
pub const CONFIDENCE_TIME_ELEMENT: f32 = 0.75;
pub const CONFIDENCE_URL: f32 = 0.6;
pub const CONFIDENCE_TEXT: f32 = 0.4;

/// HTML5 "formatting elements": the parser re-opens unclosed ones.
pub const FORMATTING_TAGS: &[&str] = &["b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];
/// More unclosed formatting elements than this at once and they are stripped before parsing.
pub const MAX_UNCLOSED_FORMATTING: usize = 300;

/// Container elements that nest without closing each other implicitly.
pub const NESTING_TAGS: &[&str] = &[
    "div", "section", "article", "main", "aside", "nav", "header", "footer", "span", "blockquote", "ul", "ol",
    "dl", "table", "center", "form", "fieldset", "figure", "details",
];
/// Deeper nesting of [`NESTING_TAGS`] than this is flattened before parsing
/// (real pages stay far below it).
pub const MAX_NESTING_DEPTH: usize = 1000;

/// Pages larger than this are cut (at a tag boundary) before parsing: a bigger
/// "page" is a dump, not an article, and the parser's memory grows with it.
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

// ------------------------------------------------------------------ page kind
//
// The page-kind classifier (`kind.rs`). Words are general web conventions;
// the thresholds were set on the WCXB dev split (`shared/bench/extraction-wcxb/dev`,
// all 711 pages articles: none may become a listing; with these values none
// does) and checked on the extraction and multilingual sets; re-measure with
// `crosscheck bench extract DIR`, whose "page kinds" line counts the pages
// given each kind (a `no-article` page is one the extractor found no text in).

/// `og:type` values of an article.
pub const KIND_ARTICLE_OG_TYPES: &[&str] = &["article", "news", "blog", "newsarticle", "blogposting"];

/// JSON-LD `@type`s (lower case) of one article: any of them keeps a page an article.
pub const KIND_ARTICLE_LD_TYPES: &[&str] = &[
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "techarticle", "scholarlyarticle", "report",
];

/// JSON-LD `@type`s (lower case) of a page that lists other pages.
pub const KIND_LISTING_LD_TYPES: &[(&str, crate::kind::PageKind)] = &[
    ("collectionpage", crate::kind::PageKind::SectionFront),
    ("searchresultspage", crate::kind::PageKind::SearchResults),
    ("profilepage", crate::kind::PageKind::TagListing),
];

/// URL path segments of search pages.
pub const KIND_SEARCH_SEGMENTS: &[&str] = &["search", "suche", "recherche", "buscar", "busca", "zoeken", "cerca", "poisk"];
/// URL query keys of search pages.
pub const KIND_SEARCH_QUERY_KEYS: &[&str] = &["q", "s", "query", "search", "keyword", "keywords"];
/// URL path segments that introduce a tag, topic or author label (`/tag/elections`).
pub const KIND_TAG_SEGMENTS: &[&str] = &[
    "tag", "tags", "topic", "topics", "keyword", "keywords", "author", "authors", "schlagwort", "schlagworte",
    "stichwort", "thema", "themen", "mot-cle", "mots-cles", "sujet", "etiqueta", "tema", "temas", "label", "labels",
];
/// URL path segments that introduce a category or section (`/category/world`).
pub const KIND_SECTION_SEGMENTS: &[&str] =
    &["category", "categories", "section", "sections", "rubrik", "rubrique", "ressort", "categoria", "archive", "archives"];

/// A main text whose longest block has at least this many characters has an
/// article: a listing's teaser summaries stay shorter.
pub const KIND_MIN_ARTICLE_BLOCK_CHARS: usize = 400;
/// Word counts of a link's text that make it a teaser headline.
pub const KIND_TEASER_WORDS: std::ops::RangeInclusive<usize> = 4..=20;
/// A tag or section address (`/tag/x`) without collection markup makes a
/// listing only with at least this many teasers.
pub const KIND_MIN_TEASERS_AT_LISTING_URL: usize = 5;
/// Without article markup and long prose, a page with at least this many
/// teaser links is a section front.
pub const KIND_MIN_TEASER_LINKS: usize = 20;
/// ...and at most this many characters of main text per teaser.
pub const KIND_MAX_TEXT_CHARS_PER_TEASER: usize = 100;
// ---------------------------------------------------------------------------
// Main-text recall: when page furniture is overruled by the prose it holds.
// Tuned on the development splits of the three extraction sets in
// `../shared/bench` (`extraction`, `extraction-wcxb/dev`,
// `extraction-multilingual`); re-measure with the commands of README's bench
// section (`cargo run --release -p crosscheck-html --example predict -- DIR
// OUT.json`, then each set's `score.py`).
// ---------------------------------------------------------------------------

/// Tags of furniture that page builders also wrap around a whole article
/// (`<header class="post-content">` holding every paragraph): they are judged
/// like a class word, so prose can overrule them, rather than like `<nav>`.
pub const WRAPPER_BOILERPLATE_TAGS: &[&str] = &["header"];

/// Class/id words of furniture that holds prose of its own (comments, teaser
/// summaries, author boxes, captions): prose density never overrules them.
/// Every other class word (`widget`, `sidebar`, `banner`, `ad`, `meta`...) is
/// also used by page builders on the blocks of the article itself, so an
/// element so named that holds mostly prose is article.
static PROSE_FURNITURE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"comment|disqus|respond|repl(?:y|ies)|related|more-stories|morestories|read-?more|read-?next|",
        r"recirc|recommend|outbrain|taboola|trending|popular|most-?read|newsletter|subscri|signup|sign-up|",
        r"paywall|cookie|consent|gdpr|share|sharing|social|bio|about-author|author-box|caption|credit|",
        r"teaser|teasers|promo|sponsor|forum|modal|popup|overlay|lightbox|donat|(?:^|[^a-z])cta(?:$|[^a-z])"
    ))
    .expect("prose furniture pattern")
});

/// Whether a lower-cased `class`/`id` string names furniture that holds prose of its own.
pub fn is_prose_furniture_name(class_and_id: &str) -> bool {
    PROSE_FURNITURE_RE.is_match(class_and_id)
}

/// A furniture element named by a weak class word is article when its prose
/// (characters of prose blocks) is at least this many characters...
pub const OVERRULE_MIN_PROSE_CHARS: usize = 400;
/// ...and at least this share of all its text.
pub const OVERRULE_MIN_PROSE_SHARE: f64 = 0.6;
/// A class marked only by a weak word (`elementor-widget-container`) whose
/// elements together hold at least this share of the page's prose is a page
/// builder's block around each paragraph: its prose elements are article.
pub const BUILDER_CLASS_MIN_PROSE_SHARE: f64 = 0.5;
/// An element named as the article body inside furniture named only by weak
/// words (a layout grid `content-sidebar`) is article from this much prose
/// (and mostly prose, by the share above): a short post is still a post.
pub const CONTENT_IN_LAYOUT_MIN_PROSE_CHARS: usize = 150;
/// Furniture by tag, role or hidden state is article when it holds at least
/// this share of the page's prose (and is mostly prose itself).
pub const OVERRULE_TAG_MIN_PROSE_SHARE: f64 = 0.85;
/// A furniture block costs its container at most this many characters' worth
/// of [`FURNITURE_PENALTY`]: one long link block (a navigation box of a wiki,
/// a tag cloud) under the article must not push the choice down to a part of
/// it, while many small furniture blocks (a sidebar) still add up.
pub const MAX_PENALIZED_BLOCK_CHARS: f64 = 100.0;
/// All blocks of one furniture element together (a comment thread of two
/// hundred posts inside the post's container, a hidden data table between
/// the article's paragraphs) cost at most this many characters' worth.
pub const MAX_PENALIZED_BOX_CHARS: f64 = 1000.0;
/// A prose block under a wrapper tag (`<header>`) is the article's lead, kept,
/// from this many characters; shorter ones are a headline's dek or a tagline.
pub const WRAPPER_MIN_PROSE_CHARS: usize = 150;
/// A list item that opens with a linked headline of at least this many
/// characters...
pub const TEASER_MIN_HEADLINE_CHARS: usize = 20;
/// ...making at least this share of the item, followed by a summary that
/// starts a sentence of its own, is a teaser of another page (furniture).
pub const TEASER_MIN_HEADLINE_SHARE: f64 = 0.15;
