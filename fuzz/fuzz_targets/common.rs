//! What the engine-driven targets share: an engine with a script loaded once, holding the
//! function each input is given to.

use engine::value::Value;
use engine::vm::{Completion, Ctx, Engine, Handle, Outcome, Throw};
use std::cell::RefCell;

thread_local! {
    static KEPT: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

/// `__keep(f)`: the setup script hands the harness the function it will call.
fn keep<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    let handle = ctx.stash(args.first().copied().unwrap_or(Value::Undefined));
    KEPT.with(|k| *k.borrow_mut() = Some(handle));
    Ok(Value::Undefined)
}

/// An engine and the function the setup script kept.
pub struct Harness {
    pub engine: Engine,
    function: Handle,
}

impl Harness {
    /// Runs `setup`, which must call `__keep(function (...) {...})`.
    pub fn new(setup: &str) -> Harness {
        let mut engine = Engine::new();
        engine.define_global_function("__keep", keep, 1);
        let arena = bumpalo::Bump::new();
        let program = engine::parse_program(setup, &arena).expect("the setup script parses");
        let proto =
            engine::compiler::compile_script(&program, setup).expect("the setup script compiles");
        match engine.run(proto, setup, "harness.js") {
            Completion::Normal => {}
            other => panic!("the setup script failed: {other:?}"),
        }
        let function = KEPT
            .with(|k| k.borrow_mut().take())
            .expect("the setup script kept a function");
        Harness { engine, function }
    }

    /// Calls the kept function with the arguments `args` makes.
    pub fn call(&mut self, args: impl for<'gc> FnOnce(Ctx<'gc>) -> Vec<Value<'gc>>) -> Outcome {
        let function = &self.function;
        self.engine
            .call(|ctx| Ok((ctx.fetch(function), Value::Undefined, args(ctx))))
    }
}

/// Panics (a finding) when the call threw: the harness scripts catch what is expected.
pub fn expect_returned(outcome: Outcome, input: &dyn std::fmt::Debug) {
    match outcome {
        Outcome::Returned => {}
        Outcome::Suspended => panic!("suspended on {input:?}"),
        Outcome::Threw(thrown) => panic!("threw {} on {input:?}", thrown.stack),
    }
}
