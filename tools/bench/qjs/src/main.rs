//! `qjs-runner FILE`: evaluates a script on QuickJS and exits 1 if it throws — the same
//! contract as `node FILE`, so the benchmark harness can time both alike. The script runs as
//! node runs a file: in sloppy mode (rquickjs's plain `eval` would force strict mode, and
//! classic benchmarks assign undeclared globals), inside a function like node's module wrapper,
//! so that its top-level `var`s are locals on QuickJS as they are on node (locals are faster
//! than globals on QuickJS, as on us).
use rquickjs::{context::EvalOptions, Context, Runtime};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: qjs-runner FILE");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    // On the script's first line, so that line numbers in errors stay those of the file.
    let source = format!("(function () {{{source}\n}})();");
    let Ok(runtime) = Runtime::new() else {
        eprintln!("cannot start QuickJS");
        return ExitCode::from(2);
    };
    runtime.set_max_stack_size(256 * 1024 * 1024);
    let Ok(context) = Context::full(&runtime) else {
        eprintln!("cannot make a QuickJS context");
        return ExitCode::from(2);
    };
    // EvalOptions is non-exhaustive: start from the default and clear the flag.
    let mut options = EvalOptions::default();
    options.strict = false;
    context.with(
        |ctx| match ctx.eval_with_options::<(), _>(source, options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                let detail = ctx.catch();
                eprintln!("{error}: {detail:?}");
                ExitCode::from(1)
            }
        },
    )
}
