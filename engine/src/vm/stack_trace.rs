//! Stack traces as V8 makes them: `error.stack` is "Name: message" followed by a line per
//! active call, innermost first (`    at f (file:line:column)`, `    at new F (...)`, or
//! `    at file:line:column` for top-level code and anonymous functions), at most
//! `Error.stackTraceLimit` of them.
//!
//! The error constructors and `Error.captureStackTrace` record the stack when they run (they
//! ask for it with [`Ctx::capture_stack`], since only the interpreter sees the frames); the
//! errors the engine itself throws (a `TypeError` from reading a property of `undefined`...)
//! get theirs when they are first thrown, which is where they were made.

use super::executor::Executor;
use super::ops;
use super::Ctx;
use crate::object::{Attributes, Class, Object, Slot};
use crate::value::Value;

impl<'gc> Executor<'gc> {
    /// Sets `object.stack` to the current stack trace, leaving out the frames above and
    /// including the topmost call of `until` (all of them if `until` is not being called, as
    /// V8 does). Nothing happens when `Error.stackTraceLimit` is not a number.
    pub(super) fn capture_stack(
        &self,
        ctx: Ctx<'gc>,
        object: Object<'gc>,
        until: Option<Object<'gc>>,
    ) {
        let Some(limit) = stack_trace_limit(ctx) else {
            return;
        };
        let key = ctx.realm().atoms.stack;
        // A frozen object, or a `stack` that cannot change, keeps what it has.
        match object.own_property(ctx, key) {
            Some(property) if !property.attributes.configurable() => return,
            None if !object.borrow().extensible => return,
            _ => {}
        }
        let mut frames = self.frames.iter().rev().peekable();
        if let Some(until) = until {
            if !self.frames.iter().any(|f| f.function == until) {
                frames = self.frames[..0].iter().rev().peekable();
            }
            while frames.next_if(|f| f.function != until).is_some() {}
            frames.next();
        }
        let mut trace = ops::display_string(ctx, Value::Object(object));
        for frame in frames.take(limit) {
            let location = frame.code.location(frame.pc.saturating_sub(1));
            let name = frame.code.proto.name.as_str();
            match (frame.constructing, name.is_empty()) {
                (true, true) => trace.push_str(&format!("\n    at new <anonymous> ({location})")),
                (true, false) => trace.push_str(&format!("\n    at new {name} ({location})")),
                (false, true) => trace.push_str(&format!("\n    at {location}")),
                (false, false) => trace.push_str(&format!("\n    at {name} ({location})")),
            }
        }
        // Own, writable, configurable and not enumerable, as in V8 (`sys.inspect` and
        // for-in do not show it).
        object.set_own_value(&ctx, key, ctx.string(&trace), Attributes::HIDDEN);
    }

    /// Gives an error the engine made (and is throwing for the first time) its `stack`.
    /// Errors made by the constructors already have one, unless `Error.stackTraceLimit` said
    /// not to record it; non-errors never get one.
    pub(super) fn attach_stack(&self, ctx: Ctx<'gc>, value: Value<'gc>) {
        let Value::Object(error) = value else { return };
        if !matches!(error.borrow().class, Class::Error)
            || error.own_property(ctx, ctx.realm().atoms.stack).is_some()
        {
            return;
        }
        self.capture_stack(ctx, error, None);
    }
}

/// How many frames a trace shows: `Error.stackTraceLimit` (10 unless changed), or `None` when
/// it is not a number (V8 then records no stack at all).
fn stack_trace_limit(ctx: Ctx<'_>) -> Option<usize> {
    let realm = ctx.realm();
    let key = realm.key(ctx, "stackTraceLimit");
    // Read as an own data property: recording a stack runs no script.
    let property = realm.error_constructor.own_property(ctx, key)?;
    match property.slot {
        // A saturating conversion: NaN and negative limits show no frames.
        Slot::Data(Value::Number(n)) => Some(n as usize),
        _ => None,
    }
}
