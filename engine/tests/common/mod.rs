//! Shared by the engine's script tests: run a script on a fresh engine with a `print` that
//! records lines, and compare what it printed.
#![allow(dead_code)]

use bumpalo::Bump;
use engine::value::Value;
use engine::vm::{Completion, Ctx, Engine, Throw};
use std::cell::RefCell;

thread_local! {
    static OUTPUT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// `print(...)`: the test's way to see values.
pub fn print<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    let line: Vec<String> = args.iter().map(|v| engine::vm::display(*ctx, *v)).collect();
    OUTPUT.with(|o| o.borrow_mut().push(line.join(" ")));
    Ok(Value::Undefined)
}

/// Forgets what scripts printed so far (before a run).
pub fn clear_printed() {
    OUTPUT.with(|o| o.borrow_mut().clear());
}

/// What scripts printed since the last [`clear_printed`].
pub fn printed() -> Vec<String> {
    OUTPUT.with(|o| o.borrow().clone())
}

/// Runs `source` and returns what it printed and how it ended.
pub fn run(source: &str) -> (Vec<String>, Completion) {
    OUTPUT.with(|o| o.borrow_mut().clear());
    let arena = Bump::new();
    let program = engine::parse_program(source, &arena).expect("the script parses");
    let proto = engine::compiler::compile_script(&program, source).expect("the script compiles");
    let mut engine = Engine::new();
    engine.define_global_function("print", print, 1);
    // The V8 dialect node runs with (tests of the ES5 behaviour use test262).
    engine.set_v8_regexps(true);
    let completion = engine.run(proto, source, "test.js");
    (OUTPUT.with(|o| o.borrow().clone()), completion)
}

/// Runs `source` and checks that it finishes and prints `expected`.
pub fn prints(source: &str, expected: &[&str]) {
    let (output, completion) = run(source);
    assert!(
        matches!(completion, Completion::Normal),
        "{source}: {completion:?} (printed {output:?})"
    );
    assert_eq!(output, expected, "{source}");
}

/// Runs `source` and checks that it throws an exception whose message starts with `prefix`
/// (for errors: "TypeError", "RangeError: Invalid array length", ...).
pub fn throws(source: &str, prefix: &str) {
    let (output, completion) = run(source);
    match completion {
        Completion::Threw { message, .. } => assert!(
            message.starts_with(prefix),
            "{source}: threw {message:?}, expected {prefix:?}"
        ),
        other => panic!("{source}: expected an exception, got {other:?} (printed {output:?})"),
    }
}
