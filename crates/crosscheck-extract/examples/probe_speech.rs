use crosscheck_core::{ArticleBuilder, SourceFormat};
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let needle = std::env::args().nth(2).unwrap_or_default();
    let t = std::fs::read_to_string(&p).unwrap();
    let mut a = ArticleBuilder::new("t", "t.txt", SourceFormat::Text, t.as_bytes(), &t).build(None, None).unwrap();
    a.language = Some("de".into());
    let text = &a.text;
    let lex = crosscheck_lexicon::for_language("de");
    let sentences = crosscheck_extract::sentences::split_sentences(text);
    let quotes = crosscheck_extract::quotes::find_quotes(text, &sentences, lex);
    let idx = crosscheck_extract::entities::find_entities_in(text, &sentences, lex);
    let m = crosscheck_extract::speech_weights::for_language("de").unwrap();
    let h = crosscheck_extract::speech::headline_end(text);
    for qi in 0..quotes.len() {
        let q = &quotes[qi];
        if !q.span.slice(text).contains(&needle) { continue; }
        let f = crosscheck_extract::speech::features(text, &sentences, &quotes, qi, &idx, lex, h);
        let on: Vec<String> = crosscheck_extract::speech::FEATURES.iter().zip(f.dense.iter()).zip(m.weights).filter(|((_, x), _)| **x != 0.0).map(|((n, x), w)| format!("{n}={x:.2}*{w:.2}")).collect();
        println!("{:.2} (thr {:.2}) {:?} wb={:?} wb2={:?} wa={:?} {}", m.score(&f), m.threshold, q.span.slice(text), f.word_before, f.second_word_before, f.word_after, on.join(" "));
    }
}
