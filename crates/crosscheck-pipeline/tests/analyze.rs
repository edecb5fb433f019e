//! `analyze` over a mixed input: two unrelated stories come apart, each with a
//! dossier whose every cite points into its own articles' texts.

use std::path::PathBuf;


#[test]
fn two_stories_two_dossiers_with_valid_cites() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let articles = crosscheck_ingest::read_all(&[root.join("../../examples/seeds"), root.join("../crosscheck-report/tests/fixtures/story2")].map(|p| p.display().to_string())).unwrap();
    assert_eq!(articles.len(), 9);
    let dossiers = crosscheck_pipeline::analyze(&articles, None).unwrap();
    assert_eq!(dossiers.len(), 2, "{:?}", dossiers.iter().map(|d| d.articles.len()).collect::<Vec<_>>());
    let sizes: Vec<usize> = dossiers.iter().map(|d| d.articles.len()).collect();
    assert_eq!(sizes, vec![5, 4]);
    for d in &dossiers {
        let check = |c: &crosscheck_compare::Cite| {
            let a = d.article(&c.article).expect("cite points to an article of this story");
            assert_eq!(a.text.get(c.span.start..c.span.end), Some(c.text.as_str()), "cite text equals its span");
        };
        d.claims.iter().flat_map(|c| &c.support).for_each(check);
        d.quotes.iter().flat_map(|q| &q.members).for_each(|m| check(&m.cite));
        d.conflicts.iter().flat_map(|c| &c.sides).flat_map(|s| &s.cites).for_each(check);
        // The JSON round-trips.
        let back: crosscheck_report::Dossier = serde_json::from_str(&crosscheck_report::render::json(d)).unwrap();
        assert_eq!(&back, d);
        assert_eq!(back.schema, crosscheck_report::SCHEMA);
    }
}
