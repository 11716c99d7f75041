//! Nested runs of the interpreter: [`call`] runs a JavaScript function to completion from
//! inside a native operation (a getter, `valueOf`, a JSON reviver), on a fresh executor.
//!
//! The interpreter never needs this for its own calls, which push frames. It exists for the
//! spec's operations that run script code in the middle of their steps and need its result
//! before they can go on. Such a run happens inside one slice of the engine: the collector
//! cannot run during it, `promise.wait()` inside it cannot suspend ([`CANNOT_SUSPEND`]), and
//! it uses Rust stack, so it is bounded in depth.

use crate::object::{Class, Object};
use crate::value::Value;
use crate::vm::executor::RunState;
use crate::vm::{Ctx, Executor, Request, Throw};
use std::cell::Cell;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

thread_local! {
    /// How many nested runs are active on this thread.
    static NESTING: Cell<u32> = const { Cell::new(0) };
}

/// Nested runs allowed at once (each uses some Rust stack).
const MAX_NESTING: u32 = 200;

/// Calls `function` with `this` and `args`, running it to completion in a nested run of the
/// interpreter, and returns its result.
///
/// A native function runs directly; if it asks for a tail call (see [`Request`]), that call
/// is made here, also nested. Every call made through here counts as nested, natives included,
/// so that a native knows whether the interpreter itself called it (see [`is_nested`]).
pub fn call<'gc>(
    ctx: Ctx<'gc>,
    function: Value<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<'gc, Value<'gc>> {
    let Some(object) = function.as_object().filter(|o| o.is_callable()) else {
        return Err(ctx.type_error("not a function"));
    };
    let depth = NESTING.with(|n| n.get());
    if depth >= MAX_NESTING {
        return Err(ctx.range_error("Maximum call stack size exceeded"));
    }
    NESTING.with(|n| n.set(depth + 1));
    let result = call_nested(ctx, object, this, args);
    NESTING.with(|n| n.set(depth));
    result
}

fn call_nested<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<'gc, Value<'gc>> {
    // Natives run directly (with the object's borrow released first: the native may change
    // its own function object, as `Object.freeze.call(null, Object.freeze)` does).
    let native = match object.borrow().class {
        Class::Native { function, .. } => Some(function),
        _ => None,
    };
    if let Some(function) = native {
        let ctx = Ctx {
            constructing: false,
            ..ctx
        };
        let result = function(&ctx, this, args);
        return match (ctx.take_request(), result) {
            (Some(Request::TailCall(call)), Ok(_)) => {
                self::call(ctx, call.function, call.this, &call.args)
            }
            // Natives check `is_nested` before asking to suspend; this is a safety net.
            (Some(Request::Suspend), Ok(_)) => {
                Err(ctx.error(ctx.realm().error_prototype, CANNOT_SUSPEND))
            }
            (Some(Request::Resumable(start)), Ok(_)) => {
                let mut executor = Executor::default();
                executor.start_resumable(ctx, start);
                run_to_end(ctx, executor)
            }
            (_, result) => result,
        };
    }
    let mut executor = Executor::default();
    executor.start(ctx, object, this, args);
    run_to_end(ctx, executor)
}

/// Runs a nested executor until its call returns or throws.
fn run_to_end<'gc>(ctx: Ctx<'gc>, mut executor: Executor<'gc>) -> Result<'gc, Value<'gc>> {
    loop {
        match executor.run(ctx, i64::MAX) {
            RunState::Finished(result) => return result,
            RunState::OutOfFuel => {}
            RunState::Suspended => {
                return Err(ctx.error(ctx.realm().error_prototype, CANNOT_SUSPEND))
            }
        }
    }
}

/// Whether a nested call (see [`call`]) is in progress: a native that finds none was called by
/// the interpreter itself, so its execution stack could be suspended.
pub fn is_nested() -> bool {
    NESTING.with(|n| n.get()) > 0
}

/// The message of the error a suspension gets where the Rust stack holds part of the
/// JavaScript one.
pub const CANNOT_SUSPEND: &str = "this execution stack cannot be suspended here: \
promise.wait() was called from inside a callback that a native function runs to completion \
(a getter, valueOf/toString, a JSON or replace callback); call it from ordinary code instead";
