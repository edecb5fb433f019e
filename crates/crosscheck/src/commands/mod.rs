//! One module per verb. Each has `Args` (clap) and `run(&Context, Args)`.

pub mod analyze;
pub mod bench;
pub mod cluster;
pub mod dedup;
pub mod eval;
pub mod extract;
pub mod incidents;
pub mod inputs;
pub mod ingest;
pub mod ls;
pub mod progress;
pub mod serve;
pub mod quotes;
pub mod show;
pub mod watch;
