use crosscheck_core::{ArticleBuilder, SourceFormat};
fn main() {
    let lang = std::env::args().nth(1).unwrap();
    let p = std::env::args().nth(2).unwrap();
    let needle = std::env::args().nth(3).unwrap();
    let t = std::fs::read_to_string(&p).unwrap();
    let mut a = ArticleBuilder::new("t", "t.txt", SourceFormat::Text, t.as_bytes(), &t).build(None, None).unwrap();
    a.language = Some(lang.clone());
    let (ann, cands) = crosscheck_extract::speaker_candidates(&a);
    let w = crosscheck_extract::speaker_weights::for_language(&lang).unwrap();
    let text = &ann.article.text;
    for sc in &cands {
        let q = &ann.quotes[sc.quote];
        if !q.span.slice(text).contains(&needle) { continue; }
        println!("QUOTE {:?} rule={:?}", q.span.slice(text), q.attribution.as_ref().map(|a| (&a.method, a.evidence.slice(text))));
        let mut v: Vec<_> = sc.candidates.iter().map(|c| (crosscheck_extract::speakers::score(&c.features, w), c)).collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (s, c) in v.iter().take(6) {
            let on: Vec<&str> = crosscheck_extract::speakers::FEATURES.iter().zip(c.features.iter()).filter(|(_, x)| **x != 0.0).map(|(n, _)| *n).collect();
            println!("  {:.2} {:?} [{}] cue={:?} {:?} {:?}", s, c.evidence.slice(text), c.origin, c.cue, ann.speaker_name(&c.speaker), on);
        }
    }
}
