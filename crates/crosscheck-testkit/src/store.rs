//! A fresh store location of either backend for one test.

use crate::pg::ScratchDatabase;

/// Where a test's store lives: a SQLite file in a temporary folder, or a
/// scratch PostgreSQL database. Both are removed when this value is dropped.
pub struct ScratchStore {
    /// The location to give `crosscheck_store::open` (a path or a `postgres://` URL).
    pub location: String,
    backend: Backend,
}

enum Backend {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres(#[allow(dead_code)] ScratchDatabase),
}

impl ScratchStore {
    /// A fresh SQLite file (`file_name`) in a new temporary folder.
    pub fn sqlite(file_name: &str) -> ScratchStore {
        let dir = tempfile::tempdir().expect("creating a temporary folder");
        let location = dir.path().join(file_name).display().to_string();
        ScratchStore { location, backend: Backend::Sqlite(dir) }
    }

    /// A fresh database on the server `CROSSCHECK_TEST_PG` names, or `None`
    /// when it is unset (a failure under CI: see [`ScratchDatabase::from_env`]).
    pub fn postgres(test: &str) -> Option<ScratchStore> {
        let scratch = ScratchDatabase::from_env(test)?;
        Some(ScratchStore { location: scratch.url.clone(), backend: Backend::Postgres(scratch) })
    }

    /// Whether this is the SQLite backend.
    pub fn is_sqlite(&self) -> bool {
        matches!(self.backend, Backend::Sqlite(_))
    }
}
