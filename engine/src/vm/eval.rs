//! Direct `eval` (15.1.2.1.1): `eval(source)` calling the realm's own `eval` function
//! compiles `source` as eval code and runs it in a new frame that shares the caller's scope
//! chain and `this`, so that the code sees the caller's variables (and, in sloppy code, can
//! declare new ones there). Any other call of `eval` is an indirect eval, an ordinary native
//! call that runs the code in the global scope.

use super::executor::Executor;
use super::frame::{Frame, MAX_FRAMES};
use super::{Ctx, Throw};
use crate::value::Value;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

impl<'gc> Executor<'gc> {
    /// Whether the callee of a `CallEval` is the realm's own `eval` (only then is the call a
    /// direct eval, 15.1.2.1.1).
    pub(super) fn is_real_eval(&self, ctx: Ctx<'gc>, argc: usize) -> bool {
        let callee = self.stack[self.stack.len() - argc - 2];
        callee.as_object() == Some(ctx.realm().eval_function)
    }

    /// A direct `eval(source)`: compiles the source as eval code and runs it in a new frame
    /// that shares the caller's scope chain and `this`. A non-string argument is the result.
    pub(super) fn direct_eval(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        argc: usize,
    ) -> Result<'gc, ()> {
        let args_at = self.stack.len() - argc;
        let argument = if argc > 0 {
            self.stack[args_at]
        } else {
            Value::Undefined
        };
        self.stack.truncate(args_at);
        let Value::String(text) = argument else {
            // Leave the value where the call's result goes.
            self.stack.truncate(args_at - 2);
            self.push(argument);
            return Ok(());
        };
        let caller = &self.frames[top];
        let strict = caller.code.proto.strict;
        let code = crate::builtins::compile_eval_code(
            ctx,
            text,
            strict,
            caller.code.script.origin.clone(),
        )?;
        if self.frames.len() >= MAX_FRAMES {
            return Err(ctx.range_error("Maximum call stack size exceeded"));
        }
        let caller = &self.frames[top];
        let (function, this, env) = (caller.function, self.this_of(top), caller.env);
        // The callee and `this` slots stay below the frame, as for any call; the eval code
        // sees its caller's `this`.
        let base = self.stack.len();
        self.stack[base - 1] = this;
        self.stack
            .resize(base + code.proto.register_count as usize, Value::Undefined);
        self.frames.push(Frame {
            function,
            code,
            pc: 0,
            base,
            env,
            env_count: 0,
            argc: 0,
            arguments: None,
            constructing: false,
        });
        Ok(())
    }
}
