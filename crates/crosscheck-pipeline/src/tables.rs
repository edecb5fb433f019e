//! Batch sizes, intervals and state keys of the incremental pipeline, kept
//! apart from the code that applies them so they can be reviewed (and tuned)
//! in one place. Chosen for the server's workload (bursts of posted articles
//! about a few big stories); moved here from `crosscheck-server` unchanged.

use std::time::Duration;

/// Articles read from the store per step when the clusterer catches up.
pub const CATCH_UP_BATCH: u64 = 500;
/// Most threads the dossier worker builds stories on at once (fewer when the
/// machine has fewer cores).
pub const DOSSIER_THREADS_MAX: usize = 4;

/// The clusterer state is written to the store at most this often while
/// articles arrive (and always at shutdown and at the end of `watch --once`).
/// Anything stored after the last write is re-clustered at the next start, so
/// a crash costs time, never stories.
pub const PERSIST_INTERVAL: Duration = Duration::from_secs(5);

/// Key of the clusterer state in [`crosscheck_store::Store::put_state`]. The
/// `server.` prefix is kept from when the server owned the pipeline, so
/// existing stores keep their state.
pub const CLUSTER_STATE_KEY: &str = "server.story_clusterer";
/// Version of the saved clusterer state layout; a mismatch rebuilds the state.
pub const CLUSTER_STATE_VERSION: u32 = 1;

/// Longest `crosscheck analyze` ([`crate::Pipeline::analyze`]) waits for the
/// dossiers of its inputs' stories.
pub const ANALYZE_WAIT: Duration = Duration::from_secs(600);
