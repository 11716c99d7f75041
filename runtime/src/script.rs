//! What `node` does with a script: load it, parse it, dump it if asked, and run it.
//!
//! Running is the engine alone for now: no event loop, no `require`, no `process` (the runtime
//! issue). An uncaught exception prints its stack on stderr and exits with status 1.

use crate::cli::Script;
use crate::output::{self, FmtWriter};
use crate::source;
use bumpalo::Bump;
use engine::dump::{self, DumpError};
use engine::SyntaxError;
use std::io;
use std::path::Path;

/// Exit status for a script that cannot be read or does not parse (node's status for an
/// uncaught exception, which a syntax error was).
pub const EXIT_ERROR: u8 = 1;
/// Loads and parses `script`, then dumps it as asked, or runs it.
/// Returns the process exit status.
pub fn run(script: &Script) -> u8 {
    let path = Path::new(&script.path);
    let name = path.display().to_string();
    let text = match source::load(path) {
        Ok(text) => text,
        Err(message) => {
            output::stderr(&format!("Error: {message}\n"));
            return EXIT_ERROR;
        }
    };
    let arena = Bump::new();

    if script.dump_tokens {
        let mut out = FmtWriter::new(io::BufWriter::new(io::stdout().lock()));
        let result = dump::dump_tokens(&text, &arena, &mut out);
        if let Some(status) = finish_output(out) {
            return status;
        }
        match result {
            Ok(()) | Err(DumpError::Write(_)) => {}
            Err(DumpError::Syntax(error)) => return report(&error, &text, &name),
        }
    }

    let program = match engine::parse_program(&text, &arena) {
        Ok(program) => program,
        Err(error) => return report(&error, &text, &name),
    };

    if script.dump_ast {
        let mut out = FmtWriter::new(io::BufWriter::new(io::stdout().lock()));
        // A write error is kept in `out` and reported by `finish_output`.
        let _ = dump::dump_ast(&program, &text, &mut out);
        if let Some(status) = finish_output(out) {
            return status;
        }
    }

    if script.dump_bytecode {
        let proto = match engine::compiler::compile_script(&program, &text) {
            Ok(proto) => proto,
            Err(error) => return report(&error, &text, &name),
        };
        let mut out = FmtWriter::new(io::BufWriter::new(io::stdout().lock()));
        let _ = engine::bytecode::disasm::disassemble(&proto, &mut out);
        if let Some(status) = finish_output(out) {
            return status;
        }
    }

    if script.dump_tokens || script.dump_ast || script.dump_bytecode || script.parse_only {
        return 0;
    }
    let proto = match engine::compiler::compile_script(&program, &text) {
        Ok(proto) => proto,
        Err(error) => return report(&error, &text, &name),
    };
    let mut vm = engine::vm::Engine::new();
    vm.trace_gc = script.trace_gc;
    match vm.run(proto, &text, &name) {
        engine::vm::Completion::Normal => 0,
        engine::vm::Completion::Threw { stack, .. } => {
            output::stderr(&format!("{stack}\n"));
            EXIT_ERROR
        }
    }
}

/// Prints a syntax error as node does and returns the exit status for it.
fn report(error: &SyntaxError, text: &str, name: &str) -> u8 {
    output::stderr(&format!("{}\n", error.render(text, name)));
    EXIT_ERROR
}

/// Flushes a dump. A reader that stopped reading (`node --dump-ast x.js | head`) is not an
/// error: the dump ends quietly with status 0. Any other write error is reported.
/// Returns the exit status to stop with, or `None` to go on.
fn finish_output<W: io::Write>(out: FmtWriter<W>) -> Option<u8> {
    match out.finish() {
        Ok(()) => None,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Some(0),
        Err(error) => {
            output::stderr(&format!("node: cannot write the output: {error}\n"));
            Some(EXIT_ERROR)
        }
    }
}
