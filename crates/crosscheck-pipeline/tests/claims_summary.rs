//! A story told by many outlets yields many single-source claims: the summary
//! lists the few most worth checking first, the renderings fold the rest away.
//! Reads the largest ECB+ topic from `../shared/bench` (fails under CI when missing).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crosscheck_compare::ClaimStatus;

#[test]
fn the_summary_lists_at_most_ten_single_source_claims_most_checkworthy_first() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/stories-ecbplus/txt");
    if !dir.is_dir() {
        crosscheck_testkit::missing("single-source summary", "../shared/bench/stories-ecbplus/txt", "put the shared bench data beside the checkout");
        return;
    }
    // The topic with the most documents (ECB+ names them TOPIC_N...), not a hand-picked one.
    let mut topics: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for p in crosscheck_testkit::fixtures::files(&dir, true) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        topics.entry(name.split('_').next().unwrap().to_string()).or_default().push(p);
    }
    let (_, paths) = topics.into_iter().max_by_key(|(t, ps)| (ps.len(), std::cmp::Reverse(t.clone()))).unwrap();
    let articles = crosscheck_ingest::read_all(&paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>()).unwrap();
    let d = crosscheck_pipeline::build_dossier(&articles, None);
    let single: Vec<_> = d.claims.iter().filter(|c| c.status == ClaimStatus::SingleSource).collect();
    assert!(single.len() > 10, "the test needs a story with many single-source claims: {}", single.len());
    let top = &d.summary.single_source_top;
    assert_eq!(top.len(), 10);
    for id in top {
        assert!(single.iter().any(|c| &c.id == id), "{id} is a single-source claim");
    }
    // Ranked: every listed claim is worth checking at least as much as any other.
    let score = |id: &str| single.iter().find(|c| c.id == id).and_then(|c| c.checkworthiness).expect("scored");
    let lowest_listed = top.iter().map(|id| score(id)).fold(f64::INFINITY, f64::min);
    assert!(single.iter().filter(|c| !top.contains(&c.id)).all(|c| c.checkworthiness.unwrap() <= lowest_listed));
    // The Markdown lists ten before the fold and every claim somewhere.
    let md = crosscheck_report::render::markdown(&d);
    let section = &md[md.find("## Single-source claims").unwrap()..];
    let (before, after) = section.split_once("<details>").expect("the rest is folded away");
    let listed = |s: &str| single.iter().filter(|c| s.contains(&format!("- **{}** ", c.id))).count();
    assert_eq!(listed(before), 10);
    assert_eq!(listed(before) + listed(after), single.len());
    let html = crosscheck_report::render::html(&d);
    assert!(html.contains(&format!("Show the other {} single-source claims", single.len() - 10)));
}
