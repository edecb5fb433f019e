//! crosscheck-extract (to be built; see ARCHITECTURE.md).
