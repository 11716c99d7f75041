//! The `node-repl` binary: the REPL of node v0.1.27 (its welcome lines, then
//! `require("repl").start()`), with a line editor when stdin is a terminal.

fn main() -> std::process::ExitCode {
    runtime::repl_main()
}
