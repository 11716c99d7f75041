//! `qjs-runner FILE`: evaluates a script on QuickJS and exits 1 if it throws — the same
//! contract as `node FILE`, so the benchmark harness can time both alike.
use rquickjs::{Context, Runtime};
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
    let Ok(runtime) = Runtime::new() else {
        eprintln!("cannot start QuickJS");
        return ExitCode::from(2);
    };
    runtime.set_max_stack_size(256 * 1024 * 1024);
    let Ok(context) = Context::full(&runtime) else {
        eprintln!("cannot make a QuickJS context");
        return ExitCode::from(2);
    };
    context.with(|ctx| match ctx.eval::<(), _>(source) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let detail = ctx.catch();
            eprintln!("{error}: {detail:?}");
            ExitCode::from(1)
        }
    })
}
