//! The `node` binary: node v0.1.27's command line in front of our own engine (the runtime
//! library, src/lib.rs, does the work).

fn main() -> std::process::ExitCode {
    runtime::node_main()
}
