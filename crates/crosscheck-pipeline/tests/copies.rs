//! Near-duplicate copies count once: a syndicated copy of one outlet's text
//! does not corroborate that outlet's claims.

use std::path::PathBuf;

use crosscheck_compare::ClaimStatus;
use crosscheck_core::{ArticleBuilder, SourceFormat};

#[test]
fn a_copy_does_not_corroborate_its_original() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut articles = crosscheck_ingest::read_all(&[root.join("../crosscheck-report/tests/fixtures/story2")].map(|p| p.display().to_string())).unwrap();
    // Another outlet republishes 101's report with its last paragraph trimmed.
    let original = articles.iter().find(|a| a.source.starts_with("101")).unwrap().clone();
    let trimmed: Vec<&str> = original.text.split("\n\n").collect();
    let copy_text = trimmed[..trimmed.len() - 1].join("\n\n");
    let copy = ArticleBuilder::new("199_syndicated", "199_syndicated.txt", SourceFormat::Text, copy_text.as_bytes(), &copy_text).build(None, None).unwrap();
    articles.push(copy);
    let d = crosscheck_pipeline::build_dossier(&articles, None);
    let copy_entry = d.articles.iter().find(|a| a.source == "199_syndicated").unwrap();
    assert_eq!(copy_entry.duplicate_of.as_ref(), Some(&original.id), "the copy is recognised");
    // The insurers' estimate is printed by 101 and its copy only: still single-source.
    let insurers = d.claims.iter().find(|c| c.text.contains("Insurers")).expect("claim present");
    assert_eq!(insurers.status, ClaimStatus::SingleSource, "{insurers:?}");
    assert_eq!(insurers.independent_sources, 1);
    // Quote groups count the copy once too.
    let roof = d.quotes.iter().find(|q| q.versions.iter().any(|v| v.text.contains("roof collapsed"))).unwrap();
    assert_eq!(roof.independent_sources, 2, "100 and 101 (+ its copy) are two independent sources");
}
