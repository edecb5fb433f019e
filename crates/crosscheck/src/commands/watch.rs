//! `crosscheck watch` (not built yet).

use std::process::ExitCode;

use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub rest: Vec<String>,
}

pub fn run(_ctx: &Context, _args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`watch` is not implemented yet")
}
