//! Resumable natives: native functions that call JavaScript functions many times (a sort
//! calling its comparator) without a nested run of the interpreter.
//!
//! Such a native does not loop itself. It returns a [`ResumableStart`] (through
//! [`Ctx::resumable`](super::Ctx::resumable)): a [`Resume`] function and its initial
//! [`NativeState`]. The interpreter puts the state's values on its operand stack, above the
//! caller's frame (its plain numbers beside them, in the native's own frame), and calls
//! `resume`, which answers with the next call to make or with the native's result. A
//! JavaScript callee gets an ordinary frame; when it returns, the interpreter calls `resume`
//! again with the value it returned. So the callbacks run in the interpreter's slices like any
//! other code (the collector works between them, a `promise.wait()` inside one suspends the
//! whole stack), the state's values are traced because they are on the operand stack, and the
//! Rust stack does not grow with the number of callbacks.

use super::{Ctx, Throw};
use crate::value::Value;
use gc_arena::Collect;

/// One step of a resumable native: given its state and the result of the call it made last
/// (`undefined` the first time), says what to do next.
pub type Resume = for<'gc> fn(
    ctx: Ctx<'gc>,
    state: NativeState<'_, 'gc>,
    result: Value<'gc>,
) -> Result<Resumed<'gc>, Throw<'gc>>;

/// What a resumable native keeps between its steps: values (which the collector must see) and
/// plain numbers (positions, counts: kept as integers, since converting them to and from
/// `Value::Number` at every step would cost more than the step).
pub struct NativeState<'a, 'gc> {
    pub values: &'a mut [Value<'gc>],
    pub numbers: &'a mut [usize],
}

/// What a [`Resume`] step asks for.
pub enum Resumed<'gc> {
    /// Call `function` with `this` and two arguments (what a comparator takes; widen this when
    /// a native needs other calls), then resume with its result.
    Call {
        function: Value<'gc>,
        this: Value<'gc>,
        args: [Value<'gc>; 2],
    },
    /// The native is done: this is its result.
    Return(Value<'gc>),
}

/// How a resumable native begins: its step function and its initial state.
#[derive(Collect)]
#[collect(no_drop)]
pub struct ResumableStart<'gc> {
    #[collect(require_static)]
    pub resume: Resume,
    pub values: Vec<Value<'gc>>,
    #[collect(require_static)]
    pub numbers: Box<[usize]>,
}
