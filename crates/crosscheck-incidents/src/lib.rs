//! crosscheck-incidents (to be built; see ARCHITECTURE.md).
