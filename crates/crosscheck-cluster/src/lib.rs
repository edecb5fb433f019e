//! crosscheck-cluster (to be built; see ARCHITECTURE.md).
