//! crosscheck-report (to be built; see ARCHITECTURE.md).
