//! The command line: which flags `node` takes, and what a given command line asks for.
//!
//! `script.rs` beside it does what the command line asks with a script, `source.rs` reads the
//! script's text.

pub mod script;
pub mod source;

use engine::vm::trace::TraceOptions;
use std::ffi::{OsStr, OsString};

/// The version `node --version` prints: the node release whose API this build implements.
pub const VERSION: &str = "v0.1.27";

/// What `node --help` prints.
pub const USAGE: &str = "\
Usage: node [options] script.js [arguments]

node v0.1.27 (the API level this build implements), rebuilt in Rust on its own
JavaScript engine. The script runs as the main module under the event loop;
node exits when nothing is left to wait for.

Options:
  -v, --version    print the version (v0.1.27) and exit
  -h, --help       print this help and exit
  --dump-tokens    print the script's tokens, one per line, and exit
  --dump-ast       print the script's syntax tree, one node per line, and exit
  --dump-bytecode  print the bytecode of every function of the script, and exit
  --trace-gc       print a line on stderr per garbage collection cycle: live objects
                   before and after, and the time it took
  --trace-exec     print every instruction executed on stderr, one a line: the
                   function, where in the source, the bytecode offset, the
                   instruction and the top of the operand stack after it
  --trace-exec=NAME  the same, for the functions named NAME only
  --trace-ic       print each inline cache's state changes on stderr (uninitialised,
                   monomorphic, polymorphic, megamorphic), with the shapes it saw
  --dump-shapes    at exit, print the shape transition trees on stderr, one per
                   prototype, with each property's name and slot
  --stats          at exit, print a table on stderr: instructions executed by
                   opcode, calls, allocations by kind, garbage collections and
                   their time, peak heap, inline-cache hit rate
  --parse-only     parse the script and check its early errors, print nothing,
                   exit 0 when it is valid (what tools/bench/parse.sh times)
  --               end of options: the next argument is the script

Without a script, node prints this help; the REPL is the node-repl program.

Dumps show positions as line:column, 1-based, with columns counted in UTF-16
code units (as JavaScript engines count them). A syntax error is printed with
the offending line and a caret, and the exit status is 1. The tracing options
are described in docs/tracing.md; they cost nothing when not given.
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    /// Do something with a script.
    Script(Script),
}

/// A script to work on and how.
#[derive(Debug, PartialEq, Eq)]
pub struct Script {
    pub path: OsString,
    /// The arguments after the script's name (its `process.argv` once scripts run).
    pub args: Vec<OsString>,
    pub dump_tokens: bool,
    pub dump_ast: bool,
    pub dump_bytecode: bool,
    pub trace_gc: bool,
    pub parse_only: bool,
    /// `--trace-exec`, `--trace-ic`, `--dump-shapes`, `--stats`.
    pub trace: TraceOptions,
}

/// A command line `node` cannot make sense of; the message says why.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Reads a command line (without the program name). Options come before the script's name;
/// everything after it belongs to the script, as in node.
///
/// # Errors
/// An unknown option, or no script where one is needed.
pub fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let mut dump_tokens = false;
    let mut dump_ast = false;
    let mut dump_bytecode = false;
    let mut trace_gc = false;
    let mut parse_only = false;
    let mut trace = TraceOptions::default();
    let path = loop {
        let Some(arg) = args.next() else {
            return Err(UsageError("no script given".to_string()));
        };
        match arg.to_str() {
            Some("-v" | "--version") => return Ok(Command::Version),
            Some("-h" | "--help") => return Ok(Command::Help),
            Some("--dump-tokens") => dump_tokens = true,
            Some("--dump-ast") => dump_ast = true,
            Some("--dump-bytecode") => dump_bytecode = true,
            Some("--trace-gc") => trace_gc = true,
            Some("--parse-only") => parse_only = true,
            Some("--trace-exec") => trace.exec = Some(None),
            Some(option) if option.starts_with("--trace-exec=") => {
                let name = &option["--trace-exec=".len()..];
                if name.is_empty() {
                    return Err(UsageError(
                        "--trace-exec= needs a function name".to_string(),
                    ));
                }
                trace.exec = Some(Some(name.to_string()));
            }
            Some("--trace-ic") => trace.ic = true,
            Some("--dump-shapes") => trace.shapes = true,
            Some("--stats") => trace.stats = true,
            Some("--") => match args.next() {
                Some(path) => break path,
                None => return Err(UsageError("no script given after --".to_string())),
            },
            _ if is_option(&arg) => {
                let shown = arg.to_string_lossy();
                return Err(UsageError(format!("unknown option {shown}")));
            }
            _ => break arg,
        }
    };
    Ok(Command::Script(Script {
        path,
        args: args.collect(),
        dump_tokens,
        dump_ast,
        dump_bytecode,
        trace_gc,
        parse_only,
        trace,
    }))
}

/// Whether an argument looks like an option (`-x`, `--xyz`); a lone `-` is a name.
fn is_option(arg: &OsStr) -> bool {
    let bytes = arg.as_encoded_bytes();
    bytes.len() > 1 && bytes[0] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, UsageError> {
        parse_args(args.iter().map(OsString::from))
    }

    fn script(path: &str, args: &[&str]) -> Script {
        Script {
            path: path.into(),
            args: args.iter().map(OsString::from).collect(),
            dump_tokens: false,
            dump_ast: false,
            dump_bytecode: false,
            trace_gc: false,
            parse_only: false,
            trace: TraceOptions::default(),
        }
    }

    #[test]
    fn reads_flags_then_script_then_its_arguments() {
        assert_eq!(parse(&["--version"]), Ok(Command::Version));
        assert_eq!(parse(&["-h", "x.js"]), Ok(Command::Help));
        assert_eq!(
            parse(&["x.js", "--dump-ast", "a"]),
            Ok(Command::Script(script("x.js", &["--dump-ast", "a"])))
        );
        let mut dumped = script("x.js", &[]);
        dumped.dump_tokens = true;
        dumped.dump_ast = true;
        assert_eq!(
            parse(&["--dump-tokens", "--dump-ast", "x.js"]),
            Ok(Command::Script(dumped))
        );
        assert_eq!(
            parse(&["--", "--weird.js"]),
            Ok(Command::Script(script("--weird.js", &[])))
        );
        assert_eq!(parse(&["-"]), Ok(Command::Script(script("-", &[]))));
    }

    #[test]
    fn reads_the_tracing_flags() {
        let mut traced = script("x.js", &["--stats"]);
        traced.trace = TraceOptions {
            exec: Some(Some("fib".to_string())),
            ic: true,
            stats: true,
            shapes: true,
        };
        assert_eq!(
            parse(&[
                "--trace-exec=fib",
                "--trace-ic",
                "--stats",
                "--dump-shapes",
                "x.js",
                "--stats"
            ]),
            Ok(Command::Script(traced))
        );
        let mut all = script("x.js", &[]);
        all.trace.exec = Some(None);
        assert_eq!(parse(&["--trace-exec", "x.js"]), Ok(Command::Script(all)));
        assert!(parse(&["--trace-exec=", "x.js"]).is_err());
    }

    #[test]
    fn rejects_unknown_options_and_missing_scripts() {
        assert!(parse(&[]).is_err());
        assert!(parse(&["--dump-ast"]).is_err());
        assert!(parse(&["--"]).is_err());
        assert_eq!(
            parse(&["--frobnicate", "x.js"]),
            Err(UsageError("unknown option --frobnicate".to_string()))
        );
    }
}
