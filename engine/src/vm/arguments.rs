//! `arguments` objects (10.6): made on a function's first use of `arguments`, from the
//! arguments its frame kept.
//!
//! In sloppy code the object is *mapped*: element `i` and parameter `i` are one variable, so
//! assigning either changes both. The compiler keeps such a function's parameters in a heap
//! environment (`FunctionProto::argument_slots` says which slot holds each), and a mapped
//! element is read and written through that slot, by the property operations in `ops`,
//! until the element is deleted or redefined as an accessor or read-only, which ends its
//! mapping. Strict code's `arguments` is a plain copy.

use super::code::EnvKind;
use super::executor::Executor;
use super::{Ctx, Env};
use crate::object::{Attributes, Class, Object, PropertyKey};
use crate::value::Value;

impl<'gc> Executor<'gc> {
    /// The frame's `arguments` object, made on first use: its elements are the arguments
    /// passed, mapped to the parameters in sloppy code (10.6 step 11).
    pub(super) fn arguments_object(&mut self, ctx: Ctx<'gc>, top: usize) -> Object<'gc> {
        if let Some(arguments) = self.frames[top].arguments {
            return arguments;
        }
        let realm = ctx.realm();
        let frame = &self.frames[top];
        // (A function that uses `arguments` keeps them all on the stack, below its registers.)
        let args = &self.stack[frame.args_at()..frame.base];
        let slots = &frame.code.proto.argument_slots;
        let map = match frame.env {
            Some(env) if !slots.is_empty() => {
                // Only the parameters that were passed are mapped (10.6 step 11).
                let mut mapped: Vec<Option<u16>> = slots.clone();
                mapped.truncate(args.len());
                Some(Box::new(crate::object::ArgumentsMap { env, slots: mapped }))
            }
            _ => None,
        };
        let arguments = Object::new(&ctx, Some(realm.object_prototype), Class::Arguments(map));
        for (i, value) in args.iter().enumerate() {
            arguments.set_own_value(&ctx, PropertyKey::Index(i as u32), *value, Attributes::ALL);
        }
        arguments.set_own_value(
            &ctx,
            realm.atoms.length,
            Value::Number(args.len() as f64),
            Attributes::HIDDEN,
        );
        if !frame.code.proto.strict {
            arguments.set_own_value(
                &ctx,
                realm.atoms.callee,
                Value::Object(frame.function),
                Attributes::HIDDEN,
            );
            // `arguments.caller`, as the issue of old programs asks for it: the function that
            // made this call, or null (called from global or eval code, or by a builtin).
            let caller = self
                .calling_function(ctx, top)
                .map_or(Value::Null, Value::Object);
            arguments.set_own_value(&ctx, realm.atoms.caller, caller, Attributes::HIDDEN);
        } else {
            // 10.6 step 14: a strict `arguments` has poisoned `caller` and `callee`.
            realm.define_thrower(ctx, arguments, realm.atoms.caller);
            realm.define_thrower(ctx, arguments, realm.atoms.callee);
        }
        self.frames[top].arguments = Some(arguments);
        arguments
    }
}

/// The parameter (environment and slot) element `key` of a sloppy `arguments` object stands
/// for, while it is mapped.
pub(super) fn mapped_parameter<'gc>(
    object: Object<'gc>,
    key: PropertyKey<'gc>,
) -> Option<(Env<'gc>, u16)> {
    let PropertyKey::Index(index) = key else {
        return None;
    };
    match &object.borrow().class {
        Class::Arguments(Some(map)) => {
            let slot = map.slots.get(index as usize).copied().flatten()?;
            Some((map.env, slot))
        }
        _ => None,
    }
}

/// Ends the mapping of element `key`.
pub(super) fn unmap_parameter<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, key: PropertyKey<'gc>) {
    let PropertyKey::Index(index) = key else {
        return;
    };
    if let Class::Arguments(Some(map)) = &mut object.borrow_mut(&ctx).class {
        if let Some(slot) = map.slots.get_mut(index as usize) {
            *slot = None;
        }
    }
}

pub(super) fn read_env_slot<'gc>(env: Env<'gc>, slot: u16) -> Value<'gc> {
    match &env.0.borrow().kind {
        EnvKind::Declarative { slots, .. } => slots
            .get(slot as usize)
            .copied()
            .unwrap_or(Value::Undefined),
        EnvKind::With(_) => Value::Undefined,
    }
}

pub(super) fn write_env_slot<'gc>(ctx: Ctx<'gc>, env: Env<'gc>, slot: u16, value: Value<'gc>) {
    if let EnvKind::Declarative { slots, .. } = &mut env.0.borrow_mut(&ctx).kind {
        if let Some(s) = slots.get_mut(slot as usize) {
            *s = value;
        }
    }
}
