//! crosscheck-ingest (to be built; see ARCHITECTURE.md).
