//! Test harness: a fresh store (SQLite in a temporary folder, or a fresh
//! database on the PostgreSQL server `CROSSCHECK_TEST_PG` names) and a
//! pipeline over it.
#![allow(dead_code)]

use std::sync::Arc;

use crosscheck_pipeline::Pipeline;
use crosscheck_store::postgres::ScratchDatabase;

/// A fresh store location; a PostgreSQL database is dropped with it.
pub struct TestStore {
    pub location: String,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<ScratchDatabase>,
}

impl TestStore {
    pub fn sqlite() -> TestStore {
        let dir = tempfile::tempdir().unwrap();
        let location = dir.path().join("store.db").display().to_string();
        TestStore { location, _dir: Some(dir), _pg: None }
    }

    /// A fresh database on the server `CROSSCHECK_TEST_PG` names, or `None`
    /// when it is unset (a failure under CI: see `ScratchDatabase::from_env`).
    pub fn postgres(test: &str) -> Option<TestStore> {
        let scratch = ScratchDatabase::from_env(test)?;
        Some(TestStore { location: scratch.url.clone(), _dir: None, _pg: Some(scratch) })
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
}
