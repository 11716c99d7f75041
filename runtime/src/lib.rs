//! The node runtime: node v0.1.27's command line and runtime in front of our own engine, as a
//! library that the two binaries share: `node` (src/main.rs) runs a script, `node-repl`
//! (src/bin/node_repl.rs) starts the REPL, as v0.1.27's `node-repl` did.
//!
//! Its parts: `cli/` (the command line, and what `node` does with a script), `event_loop/`
//! (the mio loop, timers, the worker pool, I/O sources, stdio), `bindings/` (the native half
//! of each module, named as its JavaScript half in stdlib/), `stdlib.rs` (that JavaScript,
//! embedded), and what they share: `encoding.rs`, `output.rs`, `module_wrapper.rs`.

mod big_stack;
mod bindings;
mod cli;
mod encoding;
mod event_loop;
pub mod heap;
mod module_wrapper;
mod output;
mod process_start;
mod stdlib;

use cli::Command;
use std::process::ExitCode;

/// The stack everything runs on. The parser and the early-error pass keep their own depth
/// limits, but a script is untrusted input: a generous stack (only touched pages cost memory)
/// turns "deep enough to overflow" into "deep enough to be rejected" with room to spare.
///
/// It is a stack mapped for the main thread and switched to (big_stack.rs), not a thread of its own:
/// a second thread cost a `clone`, and glibc gives each new thread's allocations a heap of
/// their own, which it grows a page or two at a time, with an `mprotect` call each (some 70
/// system calls to start an empty script). Together about 0.3 ms of a 2 ms start.
const STACK_SIZE: usize = 256 << 20;

/// Exit status after a panic: always a bug in this program, never the script's fault.
const EXIT_BUG: u8 = 70;

/// What the `node` binary does: reads its command line and runs the script (or prints the
/// version, the help, a dump), and returns the exit status. The binary skips Rust's runtime
/// start-up (src/main.rs); this does what of it `node` needs (process_start.rs).
pub fn node_main() -> u8 {
    process_start::prepare();
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let status = guarded(move || run(args));
    process_start::finish();
    status
}

/// What the `node-repl` binary does: starts the REPL (stdlib/internal/node_repl.js, the
/// program v0.1.27 installed as `node-repl`), with its arguments as the program's.
pub fn repl_main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    ExitCode::from(guarded(move || cli::script::start_repl(&args)))
}

/// Runs `work` on the big stack, turning a panic (always a bug) into an exit status.
fn guarded(work: impl FnOnce() -> u8) -> u8 {
    let run = std::panic::AssertUnwindSafe(|| big_stack::run(STACK_SIZE, work));
    match std::panic::catch_unwind(run) {
        Ok(status) => status,
        Err(_) => {
            // The panic message is already on stderr.
            output::stderr("node: internal error (a bug in node, not in the script)\n");
            EXIT_BUG
        }
    }
}

/// Does what the command line asks and returns the exit status.
fn run(args: Vec<std::ffi::OsString>) -> u8 {
    let no_arguments = args.is_empty();
    match cli::parse_args(args) {
        Ok(Command::Version) => {
            output::stdout(&format!("{}\n", cli::VERSION));
            0
        }
        Ok(Command::Help) => {
            output::stdout(cli::USAGE);
            0
        }
        Ok(Command::Script(script)) => cli::script::run(&script),
        Err(_) if no_arguments => {
            output::stderr(cli::USAGE);
            1
        }
        Err(cli::UsageError(message)) => {
            output::stderr(&format!(
                "node: {message}\nRun 'node --help' for the options.\n"
            ));
            1
        }
    }
}
