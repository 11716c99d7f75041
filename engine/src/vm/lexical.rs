//! What `let` and `const` need at run time (ES2015 8.1.1.1): the hole an uninitialised
//! binding holds, the checks for it, the per-iteration copies of a `for (let ...)` loop's
//! environment, and the error of assigning a `const`.
//!
//! The compiler resolves these bindings to registers and environment slots like any other
//! variable, and emits a check only where it cannot prove the binding initialised (see
//! `compiler/scope.rs`). Everything here is out of line: ES5 code never runs it, and keeping
//! it out of the dispatch loop keeps that loop as it was.

use super::executor::Executor;
use super::ops;
use super::{Code, Ctx, Throw};
use crate::value::Value;
use gc_arena::Gc;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

impl<'gc> Executor<'gc> {
    /// `CopyEnv`: the frame's innermost environment becomes a copy of itself.
    #[inline(never)]
    pub(super) fn copy_env(&mut self, ctx: Ctx<'gc>, top: usize) {
        let frame = &mut self.frames[top];
        if let Some(env) = frame.env {
            frame.env = Some(env.copy(ctx));
        }
    }

    /// `Hole`.
    #[inline(never)]
    pub(super) fn push_hole(&mut self, ctx: Ctx<'gc>) {
        self.stack.push(Value::Object(ctx.realm().hole));
    }

    /// `CheckLocal`: the register at stack position `at` holds variable `name` (a constant
    /// of `code`).
    #[inline(never)]
    pub(super) fn check_local(
        &self,
        ctx: Ctx<'gc>,
        code: Gc<'gc, Code<'gc>>,
        at: usize,
        name: u32,
    ) -> Result<'gc, ()> {
        if self.stack.get(at).is_some_and(|v| is_hole(ctx, *v)) {
            let name = ops::key_to_string(ctx, code.name(name)).to_rust_string(&ctx);
            return Err(uninitialised(ctx, &name));
        }
        Ok(())
    }

    /// `CheckEnv`.
    #[inline(never)]
    pub(super) fn check_env(
        &self,
        ctx: Ctx<'gc>,
        top: usize,
        depth: u16,
        index: u16,
    ) -> Result<'gc, ()> {
        let env = self.env_at(ctx, top, depth)?;
        if is_hole(ctx, env.slot(ctx, index)?) {
            return Err(uninitialised(ctx, &env.slot_name(index)));
        }
        Ok(())
    }
}

/// Whether `value` is the hole of a `let` or `const` not yet initialised.
pub(super) fn is_hole<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> bool {
    matches!(value, Value::Object(o) if o == ctx.realm().hole)
}

/// The ReferenceError of a `let` or `const` used before its declaration ran.
pub(super) fn uninitialised<'gc>(ctx: Ctx<'gc>, name: &str) -> Throw<'gc> {
    ctx.reference_error(&format!("Cannot access '{name}' before initialization"))
}

/// The TypeError of an assignment to a `const` (ES2015 8.1.1.1.5, in sloppy code too).
#[inline(never)]
pub(super) fn const_assignment(ctx: Ctx<'_>) -> Throw<'_> {
    ctx.type_error("Assignment to constant variable.")
}
