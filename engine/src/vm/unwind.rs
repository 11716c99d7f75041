//! Unwinding: a thrown value looks for a handler frame by frame, in the handler table the
//! compiler made for each function, and pops the frames that have none. An error object
//! thrown for the first time gets its `stack` here, while the frames it was thrown through
//! still exist.

use super::executor::Executor;
use super::ops;
use super::{Ctx, Throw};
use crate::object::{Attributes, Class, Object};
use crate::value::Value;

/// How many calls a stack trace shows (V8's default is 10).
const STACK_TRACE_LIMIT: usize = 10;

impl<'gc> Executor<'gc> {
    /// Finds a handler for `throw`, popping frames that have none. Returns the exception if no
    /// frame catches it.
    pub(super) fn unwind(&mut self, ctx: Ctx<'gc>, throw: Throw<'gc>) -> Option<Throw<'gc>> {
        self.attach_stack(ctx, throw.0);
        loop {
            // Resumable natives have no handlers: those above the top frame just end.
            let depth = self.frames.len();
            while self.natives.last().is_some_and(|n| n.depth >= depth) {
                self.natives.pop();
            }
            let Some(frame) = self.frames.last_mut() else {
                break;
            };
            let throw_pc = frame.pc.saturating_sub(1) as u32;
            let proto = &frame.code.proto;
            let handler = proto
                .handlers
                .iter()
                .find(|h| h.start <= throw_pc && throw_pc < h.end)
                .copied();
            if let Some(handler) = handler {
                let registers = proto.register_count as usize;
                self.stack
                    .truncate(frame.base + registers + handler.stack_depth as usize);
                while frame.env_count > handler.env_depth {
                    frame.env = frame.env.and_then(|e| e.parent());
                    frame.env_count -= 1;
                }
                self.stack.push(throw.0);
                frame.pc = handler.target as usize;
                return None;
            }
            let base = frame.base;
            self.frames.pop();
            self.stack.truncate(base.saturating_sub(2));
        }
        let _ = ctx;
        Some(throw)
    }

    /// Gives an error object that is thrown for the first time its `stack`: "Name: message"
    /// and a line per active call, innermost first, as V8 prints them. (V8 records the stack
    /// when the error is made; recording it when it is first thrown is what an interpreter
    /// that keeps its frames on the heap can do cheaply, and it is the same place for the
    /// usual `throw new Error(...)`.)
    fn attach_stack(&self, ctx: Ctx<'gc>, value: Value<'gc>) {
        let Value::Object(error) = value else { return };
        let stack_key = ctx.realm().atoms.stack;
        if !is_error(ctx, error) || error.own_property(stack_key).is_some() {
            return;
        }
        let mut trace = ops::display_string(ctx, value);
        for frame in self.frames.iter().rev().take(STACK_TRACE_LIMIT) {
            let location = frame.code.location(frame.pc.saturating_sub(1));
            let name = &frame.code.proto.name;
            if name.is_empty() {
                trace.push_str(&format!("\n    at {location}"));
            } else {
                trace.push_str(&format!("\n    at {name} ({location})"));
            }
        }
        error.set_own_value(&ctx, stack_key, ctx.string(&trace), Attributes::HIDDEN);
    }
}

/// Whether `object` is an error: made by an error constructor, or inheriting from
/// `Error.prototype` (as the errors of libraries such as assert's `AssertionError` do).
fn is_error<'gc>(ctx: Ctx<'gc>, object: Object<'gc>) -> bool {
    if matches!(object.borrow().class, Class::Error) {
        return true;
    }
    let error_prototype = ctx.realm().error_prototype;
    let mut next = object.prototype();
    while let Some(prototype) = next {
        if prototype == error_prototype {
            return true;
        }
        next = prototype.prototype();
    }
    false
}
