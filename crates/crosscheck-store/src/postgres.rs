//! The PostgreSQL backend (in progress).
use crate::{Result, StoreError};

/// A PostgreSQL database opened as a [`crate::Store`].
pub struct PgStore;

impl PgStore {
    pub fn connect(url: &str) -> Result<Box<dyn crate::Store>> {
        Err(StoreError::Open { location: url.to_string(), reason: "PostgreSQL backend not implemented yet".into() })
    }
}
