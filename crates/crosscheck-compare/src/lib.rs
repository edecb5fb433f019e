//! crosscheck-compare (to be built; see ARCHITECTURE.md).
