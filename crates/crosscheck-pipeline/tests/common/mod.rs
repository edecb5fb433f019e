//! Test harness: a fresh store (SQLite in a temporary folder, or a fresh
//! database on the PostgreSQL server `CROSSCHECK_TEST_PG` names), a
//! pipeline over it, and the story memberships the tests compare. The
//! server's tests include this file too (`#[path]`), so there is one copy.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use crosscheck_core::{Article, ArticleId};

use crosscheck_pipeline::Pipeline;
use crosscheck_testkit::store::ScratchStore;

/// A fresh store location; a PostgreSQL database is dropped with it.
pub struct TestStore {
    pub location: String,
    _scratch: ScratchStore,
}

impl TestStore {
    fn of(scratch: ScratchStore) -> TestStore {
        TestStore { location: scratch.location.clone(), _scratch: scratch }
    }

    pub fn sqlite() -> TestStore {
        TestStore::of(ScratchStore::sqlite("store.db"))
    }

    /// A fresh database on the server `CROSSCHECK_TEST_PG` names, or `None`
    /// when it is unset (a failure under CI: see `crosscheck_testkit::pg::ScratchDatabase::from_env`).
    pub fn postgres(test: &str) -> Option<TestStore> {
        ScratchStore::postgres(test).map(TestStore::of)
    }

    pub fn open(&self) -> Arc<dyn crosscheck_store::Store> {
        Arc::from(crosscheck_store::open(&self.location).expect("open store"))
    }

    pub fn pipeline(&self) -> Arc<Pipeline> {
        self.pipeline_with(None)
    }

    /// A pipeline with a sentence encoder for clustering and claims.
    pub fn pipeline_with(&self, encoder: Option<Arc<dyn crosscheck_core::SentenceEncoder>>) -> Arc<Pipeline> {
        Arc::new(Pipeline::open(self.open(), encoder).expect("open pipeline"))
    }

    /// A pipeline with other clustering settings.
    pub fn pipeline_configured(&self, config: crosscheck_pipeline::StoryConfig) -> Arc<Pipeline> {
        Arc::new(Pipeline::open_with_config(self.open(), None, config).expect("open pipeline"))
    }
}

/// The five seed reports, in name order.
pub fn seed_paths() -> Vec<PathBuf> {
    let mut p: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    p.sort();
    assert_eq!(p.len(), 5, "five seed reports");
    p
}

/// The five seed reports, read as `ingest` reads them.
pub fn seed_articles() -> Vec<Article> {
    seed_paths().iter().map(|p| crosscheck_ingest::read_path(p).next().expect("one article").unwrap()).collect()
}

pub type Membership = BTreeSet<BTreeSet<ArticleId>>;

pub fn batch_membership(articles: &[Article]) -> Membership {
    crosscheck_pipeline::analyze(articles, None).unwrap().iter().map(|d| d.articles.iter().map(|a| a.id.clone()).collect()).collect()
}

pub fn pipeline_membership(p: &Pipeline) -> Membership {
    p.memberships().into_iter().map(|(_, m)| m.into_iter().collect()).collect()
}

/// The stories as stored: one record per live story, with its members.
pub fn stored_membership(p: &Pipeline) -> Membership {
    assert!(p.wait_idle(std::time::Duration::from_secs(300)), "dossiers built");
    let store = p.store();
    let rows = store.list_stories(crosscheck_store::Page { offset: 0, limit: 1000 }).unwrap();
    rows.iter()
        .map(|r| {
            let rec = store.get_story(&r.id).unwrap().expect("listed story readable");
            assert!(rec.dossier_json.is_some(), "story {} has its dossier", r.id);
            rec.article_ids.into_iter().collect()
        })
        .collect()
}
