//! Scratch PostgreSQL databases for test suites.

use std::fmt;

/// The environment variable naming the PostgreSQL server test suites use
/// (a URL of a role that may create databases; `scripts/test-postgres.sh` starts one).
pub const ENV: &str = "CROSSCHECK_TEST_PG";

/// Creating or reaching a scratch database failed.
#[derive(Debug)]
pub struct ScratchError(String);

impl fmt::Display for ScratchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ScratchError {}

/// A throw-away database on a PostgreSQL server: created with a unique name on
/// the server a URL names, dropped (with its connections) when this value is
/// dropped.
pub struct ScratchDatabase {
    /// The URL of the new database: give it to `crosscheck_store::open`.
    pub url: String,
    admin_url: String,
    name: String,
}

impl ScratchDatabase {
    /// A fresh database on the server [`ENV`] names, or `None` (after a note
    /// naming `test`, see [`crate::missing`]) when it is unset. Under CI an
    /// unset variable fails the test: CI must never skip the PostgreSQL backend.
    pub fn from_env(test: &str) -> Option<ScratchDatabase> {
        match std::env::var(ENV) {
            Ok(url) if !url.trim().is_empty() => {
                Some(Self::create(&url).unwrap_or_else(|e| panic!("creating a scratch database on {ENV}: {e}")))
            }
            _ => {
                crate::missing(test, &format!("a PostgreSQL server ({ENV})"), "start one with scripts/test-postgres.sh");
                None
            }
        }
    }

    /// A fresh database on the server `admin_url` names (a role that may
    /// create databases).
    pub fn create(admin_url: &str) -> Result<ScratchDatabase, ScratchError> {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let name = format!("cc_scratch_{}_{n}_{nanos}", std::process::id());
        let mut admin = postgres::Client::connect(admin_url, postgres::NoTls).map_err(|e| ScratchError(format!("connecting: {e}")))?;
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .map_err(|e| ScratchError(format!("CREATE DATABASE {name}: {e}")))?;
        Ok(ScratchDatabase { url: with_database(admin_url, &name), admin_url: admin_url.to_string(), name })
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin_url, postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// `url` with its database name replaced by `db` (user, host, port and query kept).
pub fn with_database(url: &str, db: &str) -> String {
    let scheme_end = url.find("://").map(|i| i + 3).unwrap_or(0);
    let (head, rest) = url.split_at(scheme_end);
    let query_at = rest.find('?').unwrap_or(rest.len());
    let (before_query, query) = rest.split_at(query_at);
    let authority = before_query.split('/').next().unwrap_or("");
    format!("{head}{authority}/{db}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_is_replaced_and_the_rest_kept() {
        assert_eq!(with_database("postgres://u:p@h:5432/admin?sslmode=disable", "x"), "postgres://u:p@h:5432/x?sslmode=disable");
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
        assert_eq!(with_database("postgresql://h/a/b", "x"), "postgresql://h/x");
    }
}
