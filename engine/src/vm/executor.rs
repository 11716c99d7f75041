//! An [`Executor`]: one JavaScript execution stack, whose call frames and operand stack both
//! live on the heap, and the entry points the engine drives it through: start a call, run it
//! for a slice of fuel, resume it after a suspension.
//!
//! Nothing here is on the hot path. The instructions run in `interp.rs`; how a call pushes a
//! frame and a return pops one is `frame.rs`; how a throw finds its handler is `unwind.rs`.

use super::frame::{Frame, NativeFrame};
use super::resumable::ResumableStart;
use super::{Ctx, Throw};
use crate::object::Object;
use crate::value::Value;
use gc_arena::Collect;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

/// A stack of frames and the operand stack they share.
#[derive(Default, Collect)]
#[collect(no_drop)]
pub struct Executor<'gc> {
    pub(super) frames: Vec<Frame<'gc>>,
    pub(super) stack: Vec<Value<'gc>>,
    /// The resumable natives in progress, interleaved with `frames` by their `depth`.
    #[collect(require_static)]
    pub(super) natives: Vec<NativeFrame>,
    /// The value left on the stack by `start` is an exception (a native callee threw).
    pub(super) pending_throw: bool,
    /// A native asked to suspend this stack (`promise.wait()`); the native's result, on top of
    /// the stack, is replaced by the value the stack is resumed with.
    pub(super) suspended: bool,
}

/// What running an executor for a while came to.
pub enum RunState<'gc> {
    /// The call started by [`Executor::start`] returned or threw.
    Finished(Result<'gc, Value<'gc>>),
    /// Fuel ran out; run it again.
    OutOfFuel,
    /// A native suspended the stack; see [`Executor::resume`].
    Suspended,
}

/// What running a slice of instructions came to.
pub(super) enum Step<'gc> {
    /// The frame stack changed (a call or a return): go round again.
    Continue,
    /// The bottom frame returned this value.
    Done(Value<'gc>),
    /// Fuel ran out.
    OutOfFuel,
    /// A native suspended the stack.
    Suspended,
}

impl<'gc> Executor<'gc> {
    /// Empties the executor for a new call, keeping the memory of its stacks.
    pub fn reset(&mut self) {
        self.frames.clear();
        self.stack.clear();
        self.natives.clear();
        self.pending_throw = false;
        self.suspended = false;
    }

    /// Sets up a call of `function` with `this` and `args`, to be run by [`Executor::run`].
    pub fn start(
        &mut self,
        ctx: Ctx<'gc>,
        function: Object<'gc>,
        this: Value<'gc>,
        args: &[Value<'gc>],
    ) {
        self.stack.push(Value::Object(function));
        self.stack.push(this);
        self.stack.extend_from_slice(args);
        let started = self.call(ctx, args.len(), None);
        self.started(started);
    }

    /// Sets up a resumable native (see [`super::resumable`]) that a native asked for outside
    /// the interpreter, to be run by [`Executor::run`].
    pub fn start_resumable(&mut self, ctx: Ctx<'gc>, start: ResumableStart<'gc>) {
        let started = self.start_native(ctx, start);
        self.started(started);
    }

    fn started(&mut self, started: Result<'gc, ()>) {
        if self.frames.is_empty() {
            // A native called from the host has no interpreter frame to come back to.
            self.suspended = false;
        }
        if let Err(throw) = started {
            // A native that threw at once: leave it as the result.
            self.frames.clear();
            self.natives.clear();
            self.stack.clear();
            self.stack.push(throw.0);
            self.pending_throw = true;
        }
    }

    /// Runs for about `fuel` instructions (see `execute` for how they are counted), or until
    /// the call started by [`Executor::start`] returns or throws, or until a native suspends
    /// the stack.
    pub fn run(&mut self, ctx: Ctx<'gc>, fuel: i64) -> RunState<'gc> {
        if self.frames.is_empty() {
            let value = self.stack.pop().unwrap_or(Value::Undefined);
            return RunState::Finished(if std::mem::take(&mut self.pending_throw) {
                Err(Throw(value))
            } else {
                Ok(value)
            });
        }
        if ctx.root.is_tracing() {
            return self.run_traced(ctx, fuel);
        }
        self.run_steps(ctx, fuel)
    }

    /// [`Executor::run`] once it has a frame to run.
    pub(super) fn run_steps(&mut self, ctx: Ctx<'gc>, fuel: i64) -> RunState<'gc> {
        let mut fuel = fuel;
        loop {
            match self.step(ctx, &mut fuel) {
                Ok(Step::Continue) => {}
                Ok(Step::Done(value)) => return RunState::Finished(Ok(value)),
                Ok(Step::OutOfFuel) => return RunState::OutOfFuel,
                Ok(Step::Suspended) => return RunState::Suspended,
                Err(throw) => {
                    if ctx.root.is_tracing() {
                        self.trace_threw(ctx, throw);
                    }
                    if let Some(uncaught) = self.unwind(ctx, throw) {
                        return RunState::Finished(Err(uncaught));
                    }
                }
            }
        }
    }

    /// Makes a suspended stack ready to run again, with `value` as the result of the native
    /// call that suspended it.
    pub fn resume(&mut self, value: Value<'gc>) {
        if std::mem::take(&mut self.suspended) {
            self.stack.pop();
            self.stack.push(value);
        }
    }
}
