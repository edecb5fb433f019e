//! Running one stage on one article or one story so that its failure (a bug
//! meeting a pathological input) costs only what that stage would have added
//! to that one dossier: the panic is caught at the stage boundary, turned into
//! a [`crosscheck_report::Problem`] naming the stage and the article's path,
//! and the batch goes on.
//!
//! A caught panic still runs the process's panic hook, which by default prints
//! a backtrace to stderr. [`install_panic_hook`] (called by the binaries)
//! replaces it: inside [`guarded`] the panic's place is kept for the problem
//! report and logged at debug level; anywhere else it is printed as one line
//! saying it is a bug, with its place.

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    /// How many [`guarded`] calls this thread is inside.
    static GUARDED: Cell<usize> = const { Cell::new(0) };
    /// Message and place of the last panic caught on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The message a panic was raised with.
fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic without a message".to_string()
    }
}

/// Replace the process's panic hook (see the module docs). Call once, early,
/// from a binary; libraries never change the hook themselves.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_else(|| "an unknown place".into());
        let message = format!("{} (at {place})", payload_message(info.payload()));
        if GUARDED.with(Cell::get) > 0 {
            tracing::debug!("caught at a stage boundary: {message}");
            LAST_PANIC.with(|l| *l.borrow_mut() = Some(message));
        } else {
            let thread = std::thread::current().name().unwrap_or("unnamed").to_string();
            eprintln!("crosscheck: internal error (a bug, please report it) in thread {thread}: {message}");
        }
    }));
}

/// Run `f`; a panic inside it becomes `Err(message)` (with the panic's place
/// when [`install_panic_hook`] is in force).
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    GUARDED.with(|g| g.set(g.get() + 1));
    LAST_PANIC.with(|l| l.borrow_mut().take());
    let result = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get() - 1));
    result.map_err(|payload| LAST_PANIC.with(|l| l.borrow_mut().take()).unwrap_or_else(|| payload_message(&*payload)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(guarded(|| 2 + 2), Ok(4));
        let e = guarded(|| -> u32 { panic!("boom {}", 7) }).unwrap_err();
        assert!(e.contains("boom 7"), "{e}");
        assert_eq!(GUARDED.with(Cell::get), 0);
    }
}
