//! What Rust's runtime start-up did for the `node` binary that it still needs, now that the
//! binary skips it (`#![no_main]`, src/main.rs).
//!
//! std's start-up (`lang_start`) also finds the main thread's stack guard, which glibc gives
//! only by reading and parsing `/proc/self/maps`, and maps an alternate signal stack with a
//! SIGSEGV handler to report overflows of the main thread's stack: about 120,000 instructions
//! and a dozen system calls, a twentieth of an empty script's start-up. Everything here runs on
//! a stack of its own (big_stack.rs), whose overflow that handler could not report anyway:
//! there a guard region faults. What is kept, done here: descriptors 0–2 open, SIGPIPE
//! ignored, standard output flushed at the end. (Without it, the main thread is also unnamed
//! in a panic's message: `thread '<unnamed>' panicked`.)

use nix::libc;
use std::io::Write as _;

/// Prepares the process as std's start-up would have.
pub fn prepare() {
    open_standard_descriptors();
    ignore_sigpipe();
}

/// Flushes what std's standard output still buffers, as std's exit path does.
pub fn finish() {
    let _ = std::io::stdout().flush();
}

/// A closed descriptor 0, 1 or 2 is opened on /dev/null, as std does: otherwise the first file
/// the script opens would become, say, standard output, and `print` would write into it.
fn open_standard_descriptors() {
    // A new file takes the lowest free descriptor: while that is one of 0–2, it fills a
    // closed one and stays open; the first above 2 says all three are open, and is closed.
    // (One `open` and one `close` when nothing is missing, with no `unsafe`.)
    while let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        if std::os::fd::AsRawFd::as_raw_fd(&null) > 2 {
            break;
        }
        std::mem::forget(null);
    }
}

/// A write to a closed pipe or socket is an `EPIPE` error the code handles, not a signal that
/// ends the process. std's spawning resets SIGPIPE to its default in children.
fn ignore_sigpipe() {
    // SAFETY: ignoring a signal installs no handler code; nothing else changes the
    // disposition concurrently (no other thread runs yet). Unavoidable: every way to set a
    // disposition is `unsafe` (libc's, nix's), and skipping std's start-up, which did this,
    // is measured above (a twentieth of an empty script's start-up).
    #[allow(unsafe_code)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}
