//! `f.caller` as V8 had it in sloppy code: the function that called the most recent active
//! call of `f`, or null (when `f` is not running, or was called from global or eval code).
//! ES5 itself only forbids it (15.3.5.4: the caller may not be a strict function; strict
//! functions have their own poisoned `caller`, see `Realm::define_thrower`).
//!
//! Only the executor knows who called whom, and a getter runs in a nested call that cannot
//! see it, so the interpreter answers the read itself (on its uncached property path) when
//! the property it finds is the `Function.prototype.caller` accessor; the accessor's getter,
//! called any other way, says null.

use super::ops;
use super::{Ctx, Executor, Throw};
use crate::bytecode::proto::ProtoKind;
use crate::object::{Object, Property, Slot};
use crate::value::Value;

/// The getter of `Function.prototype.caller` when called directly (not through a property
/// read the interpreter answers): no call is known to it.
pub(super) fn caller_getter<'gc>(
    _ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    _args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    Ok(Value::Null)
}

impl<'gc> Executor<'gc> {
    /// `object.caller`: what V8 answered for a function that inherits the
    /// `Function.prototype.caller` accessor, else an ordinary `[[Get]]`.
    pub(super) fn get_caller(
        &self,
        ctx: Ctx<'gc>,
        object: Value<'gc>,
    ) -> Result<Value<'gc>, Throw<'gc>> {
        let realm = ctx.realm();
        let key = realm.atoms.caller;
        let Value::Object(function) = object else {
            return ops::get(ctx, object, key);
        };
        match function.find_property(ctx, key) {
            Some((
                _,
                Property {
                    slot:
                        Slot::Accessor {
                            get: Some(getter), ..
                        },
                    ..
                },
            )) if getter == realm.function_caller => {}
            _ => return ops::get(ctx, object, key),
        }
        // The most recent active call of the function, and the frame below it.
        let is_call = |kind: ProtoKind| kind == ProtoKind::Function;
        let Some(at) = self
            .frames
            .iter()
            .rposition(|frame| frame.function == function && is_call(frame.code.proto.kind))
        else {
            return Ok(Value::Null);
        };
        let Some(caller) = self.calling_function(ctx, at) else {
            return Ok(Value::Null);
        };
        // 15.3.5.4 step 2: a strict caller may not be revealed.
        if self.frames[at - 1].code.proto.strict {
            return Err(
                ctx.type_error("'caller' may not be a strict mode function: it cannot be accessed")
            );
        }
        Ok(Value::Object(caller))
    }

    /// The function whose code made the call running in frame `at`: `None` when the frame
    /// below is global or eval code, or a builtin (the self-hosted `forEach` calling its
    /// callback, say), which V8 showed as no caller.
    pub(super) fn calling_function(&self, ctx: Ctx<'gc>, at: usize) -> Option<Object<'gc>> {
        let below = at.checked_sub(1).and_then(|i| self.frames.get(i))?;
        let builtin = || ctx.realm().self_hosted.borrow().contains(&below.function);
        if below.code.proto.kind != ProtoKind::Function || builtin() {
            return None;
        }
        Some(below.function)
    }
}
