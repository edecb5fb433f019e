//! End-to-end extraction over hand-written pages in the style of real news
//! sites (`tests/fixtures/`): article paragraphs out in order, furniture not,
//! metadata right; plus bad input (binary junk, empty, huge and deeply nested
//! pages, unclosed tags).

use crosscheck_core::{DateMethod, DatePrecision};
use crosscheck_html::{extract, HtmlError};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Assert `needles` occur in `text` in this order.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match text[from..].find(n) {
            Some(at) => from += at + n.len(),
            None => panic!("{n:?} missing or out of order in:\n{text}"),
        }
    }
}

fn assert_absent(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(!text.contains(n), "{n:?} should not be in:\n{text}");
    }
}

#[test]
fn news_page_with_json_ld() {
    let ex = extract(&fixture("news_jsonld.html"), None, None).unwrap();
    assert_in_order(
        &ex.text,
        &[
            "Regional ministers agreed on Friday",
            "The plan sets aside money",
            "What changes for residents",
            "Households in the lowest streets",
            "We cannot stop the rain",
            "Embankments in three towns by 2027.",
            "Wetland storage",
            "Opposition members said",
        ],
    );
    assert_absent(
        &ex.text,
        &[
            "cookies", "Sport", "Share on", "Advertisement", "Read more", "Town counts cost", "morning briefing",
            "riverwatcher", "About time something", "Bridge closed", "All rights reserved", "Photo: Agency",
            "Ministers agree new river flood plan", "By Maria",
        ],
    );
    // One block per line, blocks separated by a blank line.
    assert!(ex.text.contains("night.\n\nThe plan"), "{}", ex.text);
    assert_eq!(ex.title.as_deref(), Some("Ministers agree new river flood plan"));
    assert_eq!(ex.authors, vec!["Maria Lindqvist", "Tom Okafor"]);
    let p = ex.published.unwrap();
    assert_eq!(p.method, DateMethod::JsonLd);
    assert_eq!(p.date.to_string(), "2025-03-14");
    assert_eq!(p.precision, DatePrecision::DateTime);
    assert!(p.confidence > 0.9);
    assert_eq!(ex.language.as_deref(), Some("en"));
    assert_eq!(ex.site_name.as_deref(), Some("The Northern Ledger"));
    assert_eq!(ex.url.as_deref(), Some("https://www.northern-ledger.example/news/2025/03/14/river-flood-plan"));
    assert_eq!(ex.description.as_deref(), Some("A regional flood plan was agreed after two days of talks."));
    assert_eq!(ex.encoding, "UTF-8");
}

#[test]
fn blog_with_sidebar_comments_and_unclosed_paragraphs() {
    let ex = extract(&fixture("blog_wordpress.html"), None, Some("https://transit.example.net/2024/11/05/night-bus/")).unwrap();
    assert_in_order(
        &ex.text,
        &[
            "Every night around one o'clock",
            "Cleaners, nurses, bakers",
            "Many of them have no car",
            "When the night network was cut back",
            "What could be done",
            "Restoring two of the removed lines",
        ],
    );
    assert_absent(
        &ex.text,
        &["Share this", "Twitter", "Tram fares rise", "I rode the night line", "Leave a Reply", "Recent Posts", "volunteers", "Proudly powered", "Posted on", "Home"],
    );
    assert_eq!(ex.title.as_deref(), Some("Why the night bus matters"));
    assert_eq!(ex.authors, vec!["Priya Raman"]);
    let p = ex.published.unwrap();
    assert_eq!(p.method, DateMethod::Meta);
    assert_eq!(p.date.to_string(), "2024-11-05");
    assert_eq!(ex.language.as_deref(), Some("en"));
    // No og:site_name: the domain of the URL.
    assert_eq!(ex.site_name.as_deref(), Some("transit.example.net"));
}

#[test]
fn legacy_windows_1251_table_layout() {
    let ex = extract(&fixture("legacy_cp1251.html"), None, None).unwrap();
    assert_eq!(ex.encoding, "windows-1251");
    assert_in_order(
        &ex.text,
        &["Депутаты городского совета", "Больше всего денег", "Против проголосовали", "Мэр заявил журналистам"],
    );
    assert_absent(&ex.text, &["Главная", "Политика", "Перепечатка", "Вечерние новости", "14:05"]);
    assert_eq!(ex.title.as_deref(), Some("Городской совет утвердил бюджет на следующий год"));
    assert_eq!(ex.language.as_deref(), Some("ru"));
    let p = ex.published.unwrap();
    assert_eq!(p.method, DateMethod::Text);
    assert_eq!(p.date.to_string(), "2025-12-02");
    assert!(p.confidence < 0.5);
}

#[test]
fn declared_charset_overrides_and_is_used() {
    // The caller's charset (an HTTP header) is used for bytes that are not UTF-8.
    let ex = extract(&fixture("legacy_cp1251.html"), Some("windows-1251"), None).unwrap();
    assert!(ex.text.contains("Депутаты"));
}

#[test]
fn latin1_french_with_time_element_and_byline() {
    let ex = extract(&fixture("latin1_french.html"), None, None).unwrap();
    assert_eq!(ex.encoding, "windows-1252");
    assert_in_order(&ex.text, &["Près de douze mille personnes", "Les feux d'artifice", "« C'est la plus belle édition"]);
    assert_absent(&ex.text, &["cookies", "Accueil", "À lire aussi", "marché de nuit", "Mentions légales", "Par Élodie", "6 juillet"]);
    assert_eq!(ex.title.as_deref(), Some("La fête du lac attire des milliers de visiteurs"));
    assert_eq!(ex.authors, vec!["Élodie Marchand"]);
    let p = ex.published.unwrap();
    assert_eq!(p.method, DateMethod::TimeElement);
    assert_eq!(p.date.to_string(), "2025-07-06");
    assert_eq!(ex.language.as_deref(), Some("fr"));
    assert_eq!(ex.site_name.as_deref(), Some("Le Courrier du Lac"));
}

#[test]
fn div_soup_with_broken_tags() {
    let ex = extract(&fixture("div_soup_broken.html"), None, Some("https://harbour.example.com/local/2025/01/21/crane")).unwrap();
    assert_in_order(
        &ex.text,
        &[
            "A container crane at the eastern harbour",
            "Nobody was injured",
            "Engineers will inspect the other four cranes before the terminal reopens",
            "Shipping companies have been told",
            "an investigation into the collapse",
        ],
    );
    assert_absent(&ex.text, &["Log in", "Subscribe for just", "Popular now", "Ferry timetable", "Advertise with us", "staff reporter"]);
    assert_eq!(ex.authors, vec!["Sam Whitfield"]);
    let p = ex.published.unwrap();
    assert_eq!(p.method, DateMethod::Url);
    assert_eq!(p.date.to_string(), "2025-01-21");
    assert_eq!(ex.title.as_deref(), Some("Harbour crane collapses during storm"));
}

#[test]
fn feed_fragment_gives_its_text() {
    let ex = extract(&fixture("fragment.html"), None, None).unwrap();
    assert_eq!(
        ex.text,
        "The council voted on Monday to keep the library open on Sundays.\n\nThe decision follows a petition signed by 3,000 residents."
    );
    let short = extract(b"<p>Polls close at 8pm.</p>", None, None).unwrap();
    assert_eq!(short.text, "Polls close at 8pm.");
}

#[test]
fn page_without_article() {
    assert_eq!(extract(&fixture("no_article.html"), None, None), Err(HtmlError::NoArticle));
    assert_eq!(extract(b"", None, None), Err(HtmlError::NoArticle));
    assert_eq!(extract(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", None, None), Err(HtmlError::NoArticle));
}

#[test]
fn binary_junk_is_not_html() {
    let mut junk = vec![0x7f, b'E', b'L', b'F', 2, 1, 1, 0];
    junk.extend((0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    assert!(matches!(extract(&junk, None, None), Err(HtmlError::NotHtml(_))));
    assert!(!crosscheck_html::looks_like_html(&junk));
    assert!(crosscheck_html::looks_like_html(&fixture("news_jsonld.html")));
    assert!(crosscheck_html::looks_like_html(&fixture("fragment.html")));
    assert!(!crosscheck_html::looks_like_html(b"{\"title\": \"json\"}"));
    assert!(!crosscheck_html::looks_like_html(b"<?xml version=\"1.0\"?><rss><channel></channel></rss>"));
}

#[test]
fn junk_inputs_never_panic() {
    let inputs: Vec<Vec<u8>> = vec![
        b"<".to_vec(),
        b"<html".to_vec(),
        b"</p></div></body></html>".to_vec(),
        b"<table><tr><td><p>cell <b>bold <i>both</td></tr></b></table> after".to_vec(),
        b"<meta charset=\"no-such-charset\"><p>Text in an unknown charset that still reads as UTF-8 here.</p>".to_vec(),
        b"<script type=\"application/ld+json\">{not json</script><p>Body text after broken JSON-LD that should still come out.</p>".to_vec(),
        "<p>\u{feff}\u{200b}\u{fffd} odd chars \u{1F600}</p>".as_bytes().to_vec(),
        vec![0xff; 100],
        b"<time datetime=\"99999-99-99\">x</time><p>Invalid dates are skipped, not fatal, for this short paragraph.</p>".to_vec(),
    ];
    for input in inputs {
        let _ = extract(&input, None, Some("not a url"));
        let _ = extract(&input, Some("utf-16le"), None);
    }
}

#[test]
fn deeply_nested_page_is_fine() {
    // Tens of thousands of nested elements: every pass is iterative.
    let depth = 20_000;
    let mut page = String::from("<html><body>");
    for _ in 0..depth {
        page.push_str("<div>");
    }
    page.push_str("<p>A paragraph at the bottom of a very deep tree of elements, long enough to count as prose.</p>");
    let ex = extract(page.as_bytes(), None, None).unwrap();
    assert!(ex.text.contains("very deep tree"));

    // Deep inline nesting with text at every level, and deep skipped elements.
    let mut page = String::from("<html><body><p>");
    for i in 0..depth {
        page.push_str(&format!("<span>w{i} "));
    }
    page.push_str("</p><div>");
    for _ in 0..depth {
        page.push_str("<object>");
    }
    page.push_str("hidden</div><p>A closing paragraph that is long enough to count as prose for the page.</p>");
    let ex = extract(page.as_bytes(), None, None).unwrap();
    assert!(ex.text.contains("w0 w1 w2"), "{}", &ex.text[..200.min(ex.text.len())]);
    assert!(ex.text.contains("w19999"));

    // 200,000 unclosed <div>s: flattened past a depth limit, or the HTML5 tree
    // builder's scope checks would take minutes.
    let mut page = String::from("<html><body>");
    for i in 0..200_000 {
        page.push_str(if i == 100 { "<div class=\"story\"><p>A paragraph inside the deep nest, long enough to count as article prose.</p>" } else { "<div>" });
    }
    page.push_str("<p>The last paragraph, at the bottom of the nest, also long enough to be prose.</p>");
    let ex = extract(page.as_bytes(), None, None).unwrap();
    assert_in_order(&ex.text, &["A paragraph inside the deep nest", "The last paragraph"]);
}

#[test]
fn multi_megabyte_page_is_extracted() {
    // ~3.5 MB: a long article between large blocks of navigation and comments.
    let mut page = String::from("<!DOCTYPE html><html><head><title>Big page</title></head><body><nav>");
    for i in 0..20_000 {
        page.push_str(&format!("<a href=\"/s{i}\">Section {i}</a> "));
    }
    page.push_str("</nav><article>");
    for i in 0..15_000 {
        page.push_str(&format!("<p>Paragraph {i} of the report says the committee met again and agreed on further steps.</p>"));
    }
    page.push_str("</article><section class=\"comments\">");
    for i in 0..15_000 {
        page.push_str(&format!("<div class=\"comment\"><p>Comment {i}: I do not agree with any of this at all, frankly.</p></div>"));
    }
    page.push_str("</section></body></html>");
    assert!(page.len() > 3_000_000);
    let ex = extract(page.as_bytes(), None, None).unwrap();
    assert!(ex.text.starts_with("Paragraph 0 of the report"));
    assert!(ex.text.contains("Paragraph 14999 of the report"));
    assert!(!ex.text.contains("Section 5"));
    assert!(!ex.text.contains("Comment 1"));
    assert_eq!(ex.text.matches("\n\n").count(), 14_999);
}

#[test]
fn thousands_of_unclosed_formatting_tags_stay_linear() {
    // Distinct attributes defeat the parser's own limit on re-opened
    // formatting elements; unguarded this takes minutes.
    let mut page = String::from("<html><body><p>Start of a paragraph that is long enough to count as article prose here.</p>");
    for i in 0..20_000 {
        page.push_str(&format!("<b id=\"x{i}\">w{i} <font color=\"#{i:06x}\">f "));
    }
    page.push_str("</body></html>");
    let ex = extract(page.as_bytes(), None, None).unwrap();
    assert!(ex.text.contains("Start of a paragraph"));
    assert!(ex.text.contains("w19999"));
}

#[test]
fn truncated_and_mangled_fixtures_never_panic() {
    let names = [
        "news_jsonld.html", "blog_wordpress.html", "legacy_cp1251.html", "latin1_french.html",
        "div_soup_broken.html", "fragment.html", "no_article.html",
    ];
    for name in names {
        let bytes = fixture(name);
        let step = (bytes.len() / 40).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            // Cut anywhere, even inside a multi-byte character or a tag.
            let _ = extract(&bytes[..cut], None, None);
            // Swap a byte for markup noise.
            let mut mangled = bytes.clone();
            mangled[cut] = [b'<', b'>', b'"', b'&', 0xC3][cut % 5];
            let _ = extract(&mangled, None, Some("https://example.org/2025/13/45/bad-date"));
        }
    }
}

#[test]
fn json_ld_article_body_overrules_a_wrong_container() {
    // Long teaser prose in a box the markup cannot tell from an article
    // outweighs the short story; the page's JSON-LD articleBody settles it.
    let story = [
        "The water board confirmed on Sunday that the reservoir level has fallen to its lowest mark in twelve years.",
        "Restrictions on garden hoses will start next week, the board's chair said, and may last until the autumn rains.",
    ];
    let mut page = String::from("<html><head><script type=\"application/ld+json\">");
    page.push_str(&serde_json::json!({"@type": "NewsArticle", "headline": "Reservoir at twelve-year low", "articleBody": story.join(" ")}).to_string());
    page.push_str("</script></head><body><div class=\"col\">");
    for p in story {
        page.push_str(&format!("<p>{p}</p>"));
    }
    page.push_str("</div><div class=\"col2\">");
    for i in 0..6 {
        page.push_str(&format!("<p>Teaser {i}: a long summary of another story about the town council, its budget, its roads and its many plans for next year.</p>"));
    }
    page.push_str("</div></body></html>");
    let ex = extract(page.as_bytes(), None, None).unwrap();
    assert!(ex.text.starts_with("The water board confirmed"), "{}", ex.text);
    assert!(!ex.text.contains("Teaser"), "{}", ex.text);
    assert_eq!(ex.title.as_deref(), Some("Reservoir at twelve-year low"));
}

#[test]
fn listing_pages_are_reported_as_listings() {
    use crosscheck_html::PageKind;
    // The shape alone: many headline links, no long prose.
    let front = extract(&fixture("listing_section_front.html"), None, Some("https://example.org/news/")).unwrap();
    assert_eq!(front.kind, PageKind::SectionFront);
    let front_no_url = extract(&fixture("listing_section_front.html"), None, None).unwrap();
    assert_eq!(front_no_url.kind, PageKind::SectionFront);
    // The URL names the kind of listing.
    let tag = extract(&fixture("listing_tag.html"), None, Some("https://example.org/tag/flooding/")).unwrap();
    assert_eq!(tag.kind, PageKind::TagListing);
    let search = extract(&fixture("listing_search.html"), None, Some("https://example.org/search?q=bridge")).unwrap();
    assert_eq!(search.kind, PageKind::SearchResults);
    let json = serde_json::to_value(&search).unwrap();
    assert_eq!(json["kind"], "search-results");
}

#[test]
fn article_pages_stay_articles() {
    use crosscheck_html::PageKind;
    for name in ["news_jsonld.html", "blog_wordpress.html", "latin1_french.html", "legacy_cp1251.html", "div_soup_broken.html"] {
        let ex = extract(&fixture(name), None, None).unwrap();
        assert_eq!(ex.kind, PageKind::Article, "{name}");
    }
    // At an address that looks like a tag page, an article with a long prose
    // block, or with article markup, stays an article.
    for name in ["news_jsonld.html", "blog_wordpress.html"] {
        let at_tag_url = extract(&fixture(name), None, Some("https://example.org/tag/news/")).unwrap();
        assert_eq!(at_tag_url.kind, PageKind::Article, "{name}");
    }
}

/// A page skeleton: a site header with navigation, `body` in the middle, a
/// sidebar of links and a footer, as real pages have around their article.
fn page_around(body: &str) -> Vec<u8> {
    format!(
        r#"<!doctype html><html lang="en"><head><title>Test page</title></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
{body}
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Allotment waiting lists grow again</a></li><li><a href="/b">Tram line gets new timetable</a></li><li><a href="/c">School roof repairs finished early</a></li></ul></aside>
<footer><p><a href="/about">About us</a> · <a href="/privacy">Privacy</a> · All rights reserved.</p></footer>
</body></html>"#
    )
    .into_bytes()
}

const ORCHARD: [&str; 4] = [
    "The village orchard was planted forty years ago by a group of neighbours who wanted old apple varieties kept alive.",
    "This autumn the trees gave more fruit than anyone can remember, and the volunteers ran out of crates within a week.",
    "Surplus apples went to the school kitchen, the food bank and a cider maker two valleys away who paid in bottles.",
    "Next spring the group wants to graft twenty new trees from the oldest ones before their wood gets too weak to take.",
];

#[test]
fn page_builder_widgets_around_the_article_are_not_furniture() {
    // Page builders name every block of the article a "widget" (and wrap the
    // whole of it in a <header>): a container so named that is all prose is article.
    let body = format!(
        r#"<header class="post-header"><div class="elementor-widget elementor-widget-text-editor"><p>{}</p><p>{}</p>
<h2>What the harvest was used for</h2><p>{}</p><p>{}</p></div></header>
<div class="widget widget_links"><h4>Friends</h4><ul><li><a href="/x">Beekeepers club</a></li><li><a href="/y">Cycling club</a></li></ul></div>"#,
        ORCHARD[0], ORCHARD[1], ORCHARD[2], ORCHARD[3]
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &[ORCHARD[0], ORCHARD[1], "What the harvest was used for", ORCHARD[2], ORCHARD[3]]);
    assert_absent(&ex.text, &["Beekeepers club", "Friends", "Most read", "Home", "All rights reserved"]);
}

#[test]
fn comments_stay_furniture_however_much_prose_they_hold() {
    // "comment" is not a weak word: a comment list is prose, and still not the article.
    let comment = "I walked past the orchard on Sunday and the smell of the fallen apples reached all the way down to the bridge.";
    let body = format!(
        r#"<article><p>{}</p><p>{}</p><p>{}</p></article>
<div class="comments-area"><p>{comment}</p><p>{comment} Lovely to see it cared for.</p><p>{comment} Well done everyone.</p></div>"#,
        ORCHARD[0], ORCHARD[1], ORCHARD[2]
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &[ORCHARD[0], ORCHARD[1], ORCHARD[2]]);
    assert_absent(&ex.text, &["I walked past the orchard"]);
}

#[test]
fn hidden_block_holding_the_whole_article_is_the_article() {
    // Streaming renderers send the page in a hidden block that their script
    // moves into view; a small hidden block is still dropped.
    let body = format!(
        r#"<div hidden id="S:0"><main><h1>Orchard harvest</h1><p>{}</p><p>{}</p><p>{}</p><p>{}</p></main></div>
<div hidden><p>Thanks for signing up, check your inbox to confirm.</p></div>"#,
        ORCHARD[0], ORCHARD[1], ORCHARD[2], ORCHARD[3]
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &ORCHARD);
    assert_absent(&ex.text, &["Thanks for signing up"]);
}

#[test]
fn long_link_box_under_the_article_does_not_cut_it_short() {
    // A wiki-style navigation box (one long block of links) at the end of the
    // article costs no more than a sidebar: the whole article stays chosen.
    let navbox: String = (0..60).map(|i| format!(r#"<a href="/wiki/topic-{i}">Related topic number {i}</a> · "#)).collect();
    let body = format!(
        r#"<div class="page-body"><div class="part-one"><p>{}</p><p>{}</p></div>
<div class="part-two"><p>{}</p><p>{}</p><table class="navbox"><tr><td>{navbox}</td></tr></table></div></div>"#,
        ORCHARD[0], ORCHARD[1], ORCHARD[2], ORCHARD[3]
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &ORCHARD);
    assert_absent(&ex.text, &["Related topic number"]);
}

#[test]
fn lead_paragraph_in_the_article_header_is_kept() {
    let lead = "Volunteers picked more apples this year than in any season since the orchard was planted, and they are already planning how to store the next harvest.";
    let body = format!(
        r#"<article><header><h1>A record year for the village orchard</h1><p class="lead">{lead}</p>
<p><a href="/author/jo">Jo Marsh</a></p></header><p>{}</p><p>{}</p><p>{}</p></article>"#,
        ORCHARD[0], ORCHARD[1], ORCHARD[2]
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &[lead, ORCHARD[0], ORCHARD[1], ORCHARD[2]]);
    assert_absent(&ex.text, &["Jo Marsh", "Home"]);
}

#[test]
fn teaser_list_is_dropped_and_the_articles_own_linked_list_is_kept() {
    // Teasers: a linked headline, then a summary that starts a sentence of its own.
    let teasers: String = [
        ("Ferry fares rise for winter", "HARBOURTON: The operator said fuel costs forced the change, which takes effect next month."),
        ("New cycle lane opens on the ring road", "WESTFIELD: Riders welcomed the lane but asked for better lighting at the junctions."),
        ("Library extends its opening hours", "NORTHGATE: The branch will open until eight on weekdays from the start of the year."),
    ]
    .iter()
    .map(|(h, s)| format!(r#"<li><a href="/n/{}">{h}</a> {s}</li>"#, h.len()))
    .collect();
    // The article's own list: linked terms punctuated into the text.
    let varieties = r#"<ul><li><a href="/v/1">Ashmead's Kernel</a> – a russet that keeps until spring in a cool shed.</li>
<li><a href="/v/2">Blenheim Orange</a>: large fruit, good for both cooking and eating fresh.</li></ul>"#;
    let body = format!(
        r#"<div class="content"><section class="latest"><h3>Latest</h3><ul>{teasers}</ul></section>
<div class="story"><p>{}</p><p>{}</p>{varieties}<p>{}</p></div></div>"#,
        ORCHARD[0], ORCHARD[1], ORCHARD[2]
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &[ORCHARD[0], ORCHARD[1], "Ashmead's Kernel", "Blenheim Orange", ORCHARD[2]]);
    assert_absent(&ex.text, &["Ferry fares", "HARBOURTON", "cycle lane", "Library extends"]);
}

#[test]
fn json_ld_body_with_code_keeps_its_text() {
    // A technical post's JSON-LD body holds code ("i < n"): a `<` that opens
    // no tag must not swallow the text up to the next `>`, or every
    // paragraph after the code reads as missing from the page's own body.
    let code = "for (i = 0; i < n; i++) { total += x[i]; }";
    let rest = [
        "The loop above adds every element once, which is all the compiler needs to vectorise it on a modern processor.",
        "Measured on a laptop, the vectorised loop ran four times faster than the plain one, and the gap grew with the input.",
        "The same idea carries over to searching text, where the comparison of many bytes at once pays off even more often.",
    ];
    let body_text = format!("{} {} {code} {} {} {} Compare: if (a > b) return a;", ORCHARD[0], ORCHARD[1], rest[0], rest[1], rest[2]);
    let mut page = String::from("<html><head><script type=\"application/ld+json\">");
    page.push_str(&serde_json::json!({"@type": "BlogPosting", "headline": "Faster loops", "articleBody": body_text}).to_string());
    page.push_str("</script></head><body><article>");
    page.push_str(&format!("<p>{}</p><p>{}</p><pre>{}</pre>", ORCHARD[0], ORCHARD[1], code.replace('<', "&lt;")));
    for p in rest {
        page.push_str(&format!("<p>{p}</p>"));
    }
    page.push_str("<pre>Compare: if (a &gt; b) return a;</pre></article></body></html>");
    let ex = extract(page.as_bytes(), None, None).unwrap();
    assert_in_order(&ex.text, &[ORCHARD[0], ORCHARD[1], rest[0], rest[1], rest[2]]);
}

/// `n` paragraphs of one story (the orchard's, told over several seasons),
/// for pages whose article must be long beside their furniture.
fn seasons(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("In season {}, as before: {}", i + 1, ORCHARD[i % ORCHARD.len()])).collect()
}

#[test]
fn a_long_comment_thread_inside_the_post_does_not_cut_the_article() {
    // The comment thread sits inside the post's own container and holds more
    // prose than the post: it stays furniture, and costs the container no
    // more than one box, so the whole post is still chosen, not one paragraph.
    let comment = "I walked past the orchard on Sunday and the smell of the fallen apples reached all the way down to the bridge.";
    let thread: String =
        (0..40).map(|i| format!(r#"<li class="comment"><article class="comment-body"><p>{comment} Reply {i}.</p></article></li>"#)).collect();
    let post = seasons(16);
    let paragraphs: String = post.iter().map(|p| format!("<p>{p}</p>")).collect();
    let body = format!(
        r#"<div class="post-area"><h1>Orchard harvest</h1>{paragraphs}
<div class="comments-wrapper" id="comments"><ol class="commentlist">{thread}</ol></div></div>"#
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    let post: Vec<&str> = post.iter().map(String::as_str).collect();
    assert_in_order(&ex.text, &post);
    assert_absent(&ex.text, &["I walked past the orchard"]);
}

#[test]
fn one_small_widget_per_paragraph_is_article() {
    // A page builder wraps each paragraph in a block of its own whose class
    // has a weak furniture word ("widget"); together they hold the article.
    // A widget of the same kind of name that holds links stays furniture.
    let widgets: String = ORCHARD
        .iter()
        .map(|p| format!(r#"<div class="builder-element builder-element-{}"><div class="builder-widget-container"><p>{p}</p></div></div>"#, p.len()))
        .collect();
    let body = format!(
        r#"<article><div class="entry-content">{widgets}</div></article>
<div class="builder-widget-container"><ul><li><a href="/x">Beekeepers club</a></li><li><a href="/y">Cycling club</a></li></ul></div>"#
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &ORCHARD);
    assert_absent(&ex.text, &["Beekeepers club", "Most read"]);
}

#[test]
fn an_article_streamed_in_several_hidden_parts_is_kept() {
    // Streaming renderers append the page in hidden parts to the body (`<div
    // hidden id="S:1">`); their script moves them into place. Each part holds
    // only a piece of the article, so the parts are judged together.
    let story = seasons(12);
    let parts: String = story
        .chunks(4)
        .enumerate()
        .map(|(i, ps)| format!(r#"<div hidden id="S:{i}">{}</div>"#, ps.iter().map(|p| format!("<p>{p}</p>")).collect::<String>()))
        .collect();
    let body = format!(r#"<main><h1>Orchard harvest</h1><div id="P:0"></div></main>{parts}"#);
    let ex = extract(&page_around(&body), None, None).unwrap();
    let story: Vec<&str> = story.iter().map(String::as_str).collect();
    assert_in_order(&ex.text, &story);
    assert_absent(&ex.text, &["Most read", "All rights reserved"]);
}

#[test]
fn a_json_ld_summary_does_not_cut_the_article_to_itself() {
    // The page's JSON-LD "articleBody" is only the highlights box at the top
    // of the article (no "…" says so): it shares the article's container
    // with the other paragraphs, so it confirms its part and the rest stays.
    let highlights = "Report highlights. The orchard gave more fruit this year than in any year since it was planted, and the volunteers ran out of crates in the first week of the harvest, long before the late varieties were ripe.";
    let story = seasons(8);
    let mut page = String::from("<html><head><script type=\"application/ld+json\">");
    page.push_str(&serde_json::json!({"@type": "Article", "headline": "The orchard in numbers", "articleBody": highlights}).to_string());
    page.push_str("</script></head><body><main><article>");
    page.push_str(&format!("<p>{highlights}</p>"));
    for p in &story {
        page.push_str(&format!("<p>{p}</p>"));
    }
    page.push_str("</article></main></body></html>");
    let ex = extract(page.as_bytes(), None, None).unwrap();
    let mut expected = vec![highlights];
    expected.extend(story.iter().map(String::as_str));
    assert_in_order(&ex.text, &expected);
}

#[test]
fn an_article_only_in_noscript_is_read_from_there() {
    // The article is rendered by script; its text is in the page only as the
    // `<noscript>` fallback. A page whose visible text is prose ignores it.
    let story = seasons(4);
    let paragraphs: String = story.iter().map(|p| format!("<p>{p}</p>")).collect();
    let body = format!(r#"<div class="post-body"><script type="text/template">{paragraphs}</script><noscript>{paragraphs}</noscript></div>"#);
    let ex = extract(&page_around(&body), None, None).unwrap();
    let expected: Vec<&str> = story.iter().map(String::as_str).collect();
    assert_in_order(&ex.text, &expected);
    let body = format!(r#"<article>{}</article><noscript><p>Please enable JavaScript to read the comments of this post and to write one.</p></noscript>"#, paragraphs);
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &expected);
    assert_absent(&ex.text, &["enable JavaScript"]);
}

#[test]
fn an_article_body_inside_a_layout_named_sidebar_is_article() {
    // Layout grids carry furniture words in their names ("grid-content-sidebar");
    // an element named as the article body inside one is still the article,
    // even a short one, while the grid's own link box stays furniture.
    let post = "The orchard group met on Sunday and agreed to plant twenty new trees in spring, grafted from the oldest ones.";
    let body = format!(
        r#"<main><div class="layout grid-toc-content-sidebar"><ul class="toc"><li><a href="/t1">Planting</a></li><li><a href="/t2">Grafting</a></li></ul>
<div class="article-body"><p>{post}</p><p>{}</p></div>
<div class="links"><a href="/x">Beekeepers club</a> <a href="/y">Cycling club</a></div></div></main>"#,
        ORCHARD[0]
    );
    let ex = extract(&page_around(&body), None, None).unwrap();
    assert_in_order(&ex.text, &[post, ORCHARD[0]]);
    assert_absent(&ex.text, &["Beekeepers club", "Grafting"]);
}
