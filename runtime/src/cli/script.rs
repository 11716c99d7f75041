//! What `node` does with a script: load it, parse it, dump it if asked, and run it.
//!
//! Running starts the runtime: `process`, the bootstrap (stdlib/node.js) and the event loop.
//! An uncaught exception prints its stack on stderr and exits with status 1.

use super::{source, Script};
use crate::bindings::process;
use crate::event_loop::EventLoop;
use crate::output::{self, FmtWriter};
use bumpalo::Bump;
use engine::dump::{self, DumpError};
use engine::vm::trace::TraceOptions;
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
    // `node http://host:port/script.js`: the bootstrap fetches and runs it (a remote module,
    // as v0.1.27 had them); there is nothing to read here.
    let dumps = script.dump_tokens || script.dump_ast || script.dump_bytecode || script.parse_only;
    if !dumps && script.path.to_string_lossy().starts_with("http://") {
        return start(script, path);
    }
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
    // Running does not use this syntax tree (the bootstrap loads the script again as the main
    // module): give the arena that holds it back before the script starts.
    drop(arena);
    start(script, path)
}

/// `process.argv[0]`: the program as it was invoked, which programs re-run to start another
/// copy of node. As v0.1.27 did (facts file, "### process"): a name with a "/" after its first
/// character is joined with the working directory, an absolute path stays as given, and a bare
/// name (`node`, found on PATH) stays as it is.
fn program_name() -> String {
    let invoked = std::env::args_os()
        .next()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_else(|| "node".to_string());
    if invoked.starts_with('/') || !invoked.contains('/') {
        return invoked;
    }
    match std::env::current_dir() {
        Ok(dir) => format!("{}/{}", dir.display(), invoked),
        Err(_) => invoked,
    }
}

/// Runs the script in the node runtime: makes `process`, runs the bootstrap
/// (stdlib/node.js), which runs the script as the main module, then runs the event loop
/// until nothing is pending.
fn start(script: &Script, path: &Path) -> u8 {
    let main = if script.path.to_string_lossy().starts_with("http://") {
        script.path.to_string_lossy().into_owned()
    } else {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        absolute.display().to_string()
    };
    let mut argv = vec![program_name(), main];
    argv.extend(script.args.iter().map(|a| a.to_string_lossy().into_owned()));
    let startup = process::Startup {
        argv,
        install_prefix: install_prefix(),
        repl: false,
    };
    run_loop(&startup, script.trace_gc, &script.trace)
}

/// `node-repl [ARGS]`: the runtime with the REPL as its main program (stdlib/node.js runs
/// stdlib/internal/node_repl.js instead of a script). `process.argv` is the program as
/// invoked, then the arguments.
pub fn start_repl(args: &[std::ffi::OsString]) -> u8 {
    let mut argv = vec![program_name()];
    argv.extend(args.iter().map(|a| a.to_string_lossy().into_owned()));
    let startup = process::Startup {
        argv,
        install_prefix: install_prefix(),
        repl: true,
    };
    run_loop(&startup, false, &TraceOptions::default())
}

/// Makes the runtime, runs the bootstrap and then the loop until nothing is pending.
fn run_loop(startup: &process::Startup, trace_gc: bool, trace: &TraceOptions) -> u8 {
    // (Asked for before the engine is made, which then traces from its first instruction.)
    engine::vm::trace::request(trace.clone());
    let mut event_loop = match EventLoop::new(startup) {
        Ok(event_loop) => event_loop,
        Err(error) => {
            output::stderr(&format!("node: cannot start the event loop: {error}\n"));
            return EXIT_ERROR;
        }
    };
    event_loop.engine.trace_gc = trace_gc;
    event_loop.bootstrap();
    let status = event_loop.run();
    // `--stats`, `--dump-shapes` (`process.exit` and a fatal exception report on their way).
    event_loop.engine.finish_tracing();
    // The process ends now: the OS takes the heap back faster than freeing it object by object.
    std::mem::forget(event_loop);
    status
}

/// Where this node is installed: the directory above the one holding the binary (`/usr/local`
/// for `/usr/local/bin/node`). require.paths has its `lib/node/libraries`.
fn install_prefix() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.to_path_buf()))
        .map_or_else(|| "/usr/local".to_string(), |p| p.display().to_string())
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
