//! Arbitrary text must never panic and every span must slice its text.

use crosscheck_core::{ArticleBuilder, SourceFormat};
use crosscheck_extract::annotate;

#[test]
fn odd_texts_do_not_panic_and_spans_are_valid() {
    let texts = [
        "",
        "“",
        "”Unbalanced” quotes “everywhere\n\n“and more",
        "Ünïcödé Ñame, the İstanbul chair of Ωmega Committee, said „Grüße“ and «bonjour» 「こんにちは」 ‹x›.",
        "Mr. Dr. St. U.S. Dec. – 2025 – ... ?! “”",
        "The Ministry’s envoy, Ana Ümit, said: “x”\n“y”\nclaimed she.",
        "from January 2022 to July 2023, over 110 İncidents; half a million; 19% of İ territory",
        "\"straight \"nested\" quotes\" and 'single' ones",
        "She said “it”. He said ‘that’. They said «this».",
    ];
    for t in texts {
        let a = ArticleBuilder::new("t", "t", SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        let d = annotate(&a, Some(chrono::NaiveDate::from_ymd_opt(2025, 12, 2).unwrap()));
        let text = &d.article.text;
        let spans = d
            .sentences
            .iter()
            .map(|s| s.span)
            .chain(d.quotes.iter().flat_map(|q| [q.span, q.outer].into_iter().chain(q.attribution.iter().map(|a| a.evidence))))
            .chain(d.entities.iter().flat_map(|e| e.mentions.iter().copied().chain(e.roles.iter().map(|r| r.span))))
            .chain(d.quantities.iter().map(|q| q.span))
            .chain(d.dates.iter().map(|x| x.span));
        for s in spans {
            assert!(s.try_slice(text).is_ok(), "{s:?} in {t:?}");
        }
    }
}

/// The sentence layer is the only one later stages read (they keep no
/// splitter of their own), so every text with a word in it has sentences, and
/// together they cover every word of it.
#[test]
fn every_non_empty_text_has_sentences_covering_its_words() {
    let texts = [
        "x",
        "no punctuation at all",
        "   \n  indented line\n\n",
        "Brussels – December 2, 2025 –",
        "Mr. Dr. St. U.S. Dec. – 2025 – ... ?! “”",
        "“",
        "…",
        "A. B. C.",
        "one line\nsecond line without end\n“quoted”",
    ];
    for t in texts {
        let a = ArticleBuilder::new("t", "t", SourceFormat::Text, t.as_bytes(), t).build(None, None).unwrap();
        let d = annotate(&a, None);
        let text = &d.article.text;
        assert!(!d.sentences.is_empty(), "no sentence for {t:?}");
        for (i, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
            assert!(d.sentences.iter().any(|s| s.span.start <= i && i < s.span.end), "{c:?} at {i} outside every sentence of {t:?}");
        }
    }
}

/// A pronoun speaker ("…,” he said) looks for an anonymous antecedent in a
/// window a fixed number of bytes back; that window must start on a character
/// boundary however the multi-byte characters before it fall (issue 17: "start
/// byte index 750 is not a char boundary; it is inside '’'").
#[test]
fn pronoun_antecedent_window_starts_on_a_char_boundary() {
    for pad in 0..4 {
        let filler = "the crew\u{2019}s boat\u{2019}s hull\u{2019}s paint ".repeat(20);
        // The padding sits between the filler and the quote, so the window's start moves through the filler's characters.
        let t = format!("{filler}was {}bad.\n\n\u{201c}We are fine,\u{201d} he said.", "x".repeat(pad));
        let a = ArticleBuilder::new("t", "t", SourceFormat::Text, t.as_bytes(), &t).build(None, None).unwrap();
        let d = annotate(&a, None);
        assert_eq!(d.quotes.len(), 1, "pad {pad}");
    }
}
