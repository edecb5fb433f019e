//! crosscheck-store (to be built; see ARCHITECTURE.md).
