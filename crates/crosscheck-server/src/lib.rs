//! crosscheck-server (to be built; see ARCHITECTURE.md).
