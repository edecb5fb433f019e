//! Progress you can see: one indicatif bar per stage of a long verb (read,
//! cluster, annotate, compare, write), each with its count, rate and ETA, all
//! in one [`MultiProgress`] on stderr; the log lines of `tracing` are printed
//! above the bars instead of through them ([`LogWriter`]). Nothing is drawn
//! with `--quiet` or `--json`, or when stderr is not a terminal, so piped and
//! scripted output stays clean.

use std::io::{IsTerminal as _, Write};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::Context;

/// The one set of bars of this process.
fn multi() -> &'static MultiProgress {
    static MULTI: OnceLock<MultiProgress> = OnceLock::new();
    MULTI.get_or_init(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(8)))
}

/// Whether bars are drawn at all for this invocation.
pub(crate) fn visible(ctx: &Context) -> bool {
    !ctx.quiet && !ctx.json && std::io::stderr().is_terminal()
}

/// A bar for `stage` counting `unit`s (its length set later, when known);
/// hidden when bars are not [`visible`].
pub(crate) fn stage_bar(ctx: &Context, stage: &str, unit: &str) -> ProgressBar {
    if !visible(ctx) {
        return ProgressBar::hidden();
    }
    let pb = multi().add(ProgressBar::new(0));
    pb.set_style(
        ProgressStyle::with_template(&format!("{{prefix:>9}} [{{bar:30}}] {{pos}}/{{len}} {unit} ({{per_sec}}, eta {{eta}}) {{msg}}"))
            .expect("template")
            .progress_chars("=> "),
    );
    pb.set_prefix(stage.to_string());
    pb
}

/// A spinner for `stage` counting `unit`s of a total not known in advance.
pub(crate) fn stage_spinner(ctx: &Context, stage: &str, unit: &str) -> ProgressBar {
    if !visible(ctx) {
        return ProgressBar::hidden();
    }
    let pb = multi().add(ProgressBar::new_spinner());
    pb.set_style(ProgressStyle::with_template(&format!("{{prefix:>9}} {{spinner}} {{pos}} {unit} ({{per_sec}}) {{msg}}")).expect("template"));
    pb.set_prefix(stage.to_string());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// Run `f` with every bar suspended (for printing to stderr).
pub(crate) fn suspend<R>(f: impl FnOnce() -> R) -> R {
    multi().suspend(f)
}

/// The stderr writer of the `tracing` subscriber: each event is written whole
/// with the bars suspended, so log lines never tear a bar.
#[derive(Default)]
pub(crate) struct LogWriter(Vec<u8>);

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.0.is_empty() {
            let bytes = std::mem::take(&mut self.0);
            suspend(|| std::io::stderr().write_all(&bytes))?;
        }
        Ok(())
    }
}

impl Drop for LogWriter {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Wall time of each stage of one verb, printed with `-v`.
#[derive(Debug, Default)]
pub(crate) struct Timings {
    rows: Vec<(String, Duration, String)>,
}

impl Timings {
    /// Time `f` as `stage`.
    pub fn time<T>(&mut self, stage: &str, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = f();
        self.add(stage, started.elapsed(), "");
        out
    }

    /// Record `d` for `stage`, with a note.
    pub fn add(&mut self, stage: &str, d: Duration, note: &str) {
        self.rows.push((stage.to_string(), d, note.to_string()));
    }

    /// The table `-v` prints on stderr.
    pub fn render(&self) -> String {
        let mut s = String::from("stage timings:\n");
        for (stage, d, note) in &self.rows {
            s.push_str(&format!("  {stage:<14} {:>9.3} s{}{note}\n", d.as_secs_f64(), if note.is_empty() { "" } else { "  " }));
        }
        s
    }
}
