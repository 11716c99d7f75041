//! Names the compiler could not resolve: reading, assigning, `typeof` and `delete` by name
//! along a frame's chain of heap environments and then on the global object, and the `var`
//! and function declarations of global and eval code (10.5).
//!
//! Most variables never come here: the compiler puts them in registers, or in environment
//! slots it addresses by (depth, index). Only globals, and the names inside `with` or within
//! reach of a direct `eval` (which may add variables to its caller's scope), are looked up by
//! name while the program runs.

use super::code::EnvKind;
use super::executor::Executor;
use super::lexical::{const_assignment, is_hole, uninitialised};
use super::ops;
use super::{Code, Ctx, Env, Throw};
use crate::object::{Attributes, Class, Object, PropertyKey};
use crate::value::Value;
use gc_arena::Gc;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

impl<'gc> Executor<'gc> {
    /// Declares a `var` (or binds a function, with `function`) of global or eval code in its
    /// variable environment (10.5 steps 5 and 8).
    pub(super) fn declare_var(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
        function: Option<Value<'gc>>,
    ) -> Result<'gc, ()> {
        let frame = &self.frames[top];
        let is_eval = frame.code.proto.kind == crate::bytecode::proto::ProtoKind::Eval;
        let strict = frame.code.proto.strict;
        // Eval code's bindings can be deleted; global code's cannot (configurableBindings).
        let attributes = Attributes::new(true, true, is_eval);
        let mut env = if is_eval { frame.env } else { None };
        while let Some(e) = env {
            if e.is_variable_environment() {
                break;
            }
            env = e.parent();
        }
        let Some(env) = env else {
            let global = ctx.realm().global;
            match (global.own_property(ctx, key), function) {
                (None, value) => {
                    global.set_own_value(&ctx, key, value.unwrap_or(Value::Undefined), attributes)
                }
                (Some(p), Some(value)) if p.attributes.configurable() => {
                    global.set_own_value(&ctx, key, value, attributes)
                }
                (Some(_), Some(value)) => ops::put(ctx, Value::Object(global), key, value, strict)?,
                (Some(_), None) => {}
            }
            return Ok(());
        };
        match find_in_env(ctx, env, key) {
            EnvHit::Slot(..) | EnvHit::Object(_) => {
                if let Some(value) = function {
                    self.assign_in(ctx, env, key, value, strict)?;
                }
            }
            EnvHit::Miss => {
                let extra = {
                    let existing = env.0.borrow().extra;
                    match existing {
                        Some(extra) => extra,
                        None => {
                            let extra = Object::new(&ctx, None, Class::Object);
                            env.0.borrow_mut(&ctx).extra = Some(extra);
                            extra
                        }
                    }
                };
                extra.set_own_value(&ctx, key, function.unwrap_or(Value::Undefined), attributes);
            }
        }
        Ok(())
    }

    /// Assigns `key` in environment `env` (which has it), leaving the rest of the chain alone.
    fn assign_in(
        &mut self,
        ctx: Ctx<'gc>,
        env: Env<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        strict: bool,
    ) -> Result<'gc, ()> {
        let hit = find_in_env(ctx, env, key);
        store_at(ctx, env, hit, key, value, strict)
    }

    /// The environment `depth` links up from the frame's innermost one (where `GetEnv` and
    /// `SetEnv` find a captured variable).
    #[inline]
    pub(super) fn env_at(&self, ctx: Ctx<'gc>, top: usize, depth: u16) -> Result<'gc, Env<'gc>> {
        let env = self.frames[top].env;
        let env = if depth == 0 {
            env
        } else {
            env.and_then(|e| e.up(depth))
        };
        env.ok_or_else(|| ctx.reference_error("internal error: missing environment"))
    }

    /// Looks `key` up along the frame's scope chain, then on the global object.
    pub(super) fn lookup_name(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
    ) -> Result<'gc, Option<Value<'gc>>> {
        let found = self.lookup_name_and_this(ctx, top, key)?;
        Ok(found.map(|(value, _)| value))
    }

    /// [`Self::lookup_name`], with the `this` a call of the name passes: the object of the
    /// `with` statement that has it (ImplicitThisValue of an object environment, 10.2.1.2.6),
    /// else `undefined` (declarative environments and the global object, 10.2.1.1.6).
    pub(super) fn lookup_name_and_this(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
    ) -> Result<'gc, Option<(Value<'gc>, Value<'gc>)>> {
        let mut env = self.frames[top].env;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                // A `let` or `const` in its temporal dead zone, reached by name.
                EnvHit::Slot(_, value) if is_hole(ctx, value) => {
                    return Err(uninitialised_key(ctx, key))
                }
                EnvHit::Slot(_, value) => return Ok(Some((value, Value::Undefined))),
                EnvHit::Object(object) => {
                    let this = match e.0.borrow().kind {
                        EnvKind::With(_) => Value::Object(object),
                        // Variables a direct eval declared: a declarative binding.
                        EnvKind::Declarative { .. } => Value::Undefined,
                    };
                    let value = ops::get(ctx, Value::Object(object), key)?;
                    return Ok(Some((value, this)));
                }
                EnvHit::Miss => env = e.parent(),
            }
        }
        let global = ctx.realm().global;
        if global.find_property(ctx, key).is_some() {
            let value = ops::get(ctx, Value::Object(global), key)?;
            return Ok(Some((value, Value::Undefined)));
        }
        Ok(None)
    }

    pub(super) fn assign_name(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        strict: bool,
    ) -> Result<'gc, ()> {
        let mut env = self.frames[top].env;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                EnvHit::Miss => env = e.parent(),
                hit => return store_at(ctx, e, hit, key, value, strict),
            }
        }
        let global = ctx.realm().global;
        if strict && global.find_property(ctx, key).is_none() {
            return Err(not_defined(ctx, key));
        }
        ops::put(ctx, Value::Object(global), key, value, strict)
    }

    /// Where `key` is bound now (see `Op::ResolveName`): the holding object, the depth of the
    /// declarative environment that has it, or `null` when it is unbound.
    pub(super) fn resolve_reference(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
    ) -> Value<'gc> {
        let mut env = self.frames[top].env;
        let mut depth = 0.0;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                EnvHit::Slot(..) => return Value::Number(depth),
                EnvHit::Object(object) => return Value::Object(object),
                EnvHit::Miss => {
                    env = e.parent();
                    depth += 1.0;
                }
            }
        }
        let global = ctx.realm().global;
        if global.find_property(ctx, key).is_some() {
            Value::Object(global)
        } else {
            Value::Null
        }
    }

    /// GetValue through a reference from `resolve_reference`.
    pub(super) fn read_reference(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        reference: Value<'gc>,
        key: PropertyKey<'gc>,
    ) -> Result<'gc, Value<'gc>> {
        match reference {
            Value::Object(object) => ops::get(ctx, Value::Object(object), key),
            Value::Number(depth) => {
                let env = self.frames[top].env.and_then(|e| e.up(depth as u16));
                match env.map(|e| find_in_env(ctx, e, key)) {
                    Some(EnvHit::Slot(_, value)) if is_hole(ctx, value) => {
                        Err(uninitialised_key(ctx, key))
                    }
                    Some(EnvHit::Slot(_, value)) => Ok(value),
                    Some(EnvHit::Object(object)) => ops::get(ctx, Value::Object(object), key),
                    _ => Ok(Value::Undefined),
                }
            }
            _ => Err(not_defined(ctx, key)),
        }
    }

    /// PutValue through a reference from `resolve_reference` (8.7.2).
    pub(super) fn write_reference(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        reference: Value<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        strict: bool,
    ) -> Result<'gc, ()> {
        match reference {
            Value::Object(object) => ops::put(ctx, Value::Object(object), key, value, strict),
            Value::Number(depth) => match self.frames[top].env.and_then(|e| e.up(depth as u16)) {
                Some(env) => self.assign_in(ctx, env, key, value, strict),
                None => Ok(()),
            },
            // Unresolvable: sloppy code creates a global, strict code may not (8.7.2 step 3).
            _ if strict => Err(not_defined(ctx, key)),
            _ => ops::put(ctx, Value::Object(ctx.realm().global), key, value, false),
        }
    }

    pub(super) fn delete_name(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
    ) -> Result<'gc, bool> {
        let mut env = self.frames[top].env;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                EnvHit::Slot(..) => return Ok(false),
                EnvHit::Object(object) => return ops::delete(ctx, object, key, false),
                EnvHit::Miss => env = e.parent(),
            }
        }
        ops::delete(ctx, ctx.realm().global, key, false)
    }
}

/// Assigns global variable `name` (constant `name` of `code`, through inline cache `ic`):
/// sloppy code creates a missing global, strict code throws a ReferenceError.
pub(super) fn set_global<'gc>(
    ctx: Ctx<'gc>,
    code: Gc<'gc, Code<'gc>>,
    name: u32,
    ic: u16,
    value: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    let key = code.name(name);
    let global = ctx.realm().global;
    if code.caches.put_global(&ctx, ic, global, key, value) {
        return Ok(());
    }
    if strict && global.find_property(ctx, key).is_none() {
        return Err(not_defined(ctx, key));
    }
    ops::put(ctx, Value::Object(global), key, value, strict)
}

/// What an environment holds for a name.
enum EnvHit<'gc> {
    /// A declarative environment's slot: its index and value.
    Slot(usize, Value<'gc>),
    /// A `with` object that has the property.
    Object(Object<'gc>),
    Miss,
}

/// The ReferenceError of a `let` or `const` reached by name in its temporal dead zone.
fn uninitialised_key<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> Throw<'gc> {
    let name = ops::key_to_string(ctx, key).to_rust_string(&ctx);
    uninitialised(ctx, &name)
}

/// Stores `value` for `key` where `find_in_env` found it in `env`.
fn store_at<'gc>(
    ctx: Ctx<'gc>,
    env: Env<'gc>,
    hit: EnvHit<'gc>,
    key: PropertyKey<'gc>,
    value: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    match hit {
        EnvHit::Slot(_, old) if is_hole(ctx, old) => Err(uninitialised_key(ctx, key)),
        EnvHit::Slot(index, _) if is_constant(env, index) => Err(const_assignment(ctx)),
        EnvHit::Slot(index, _) => {
            if let EnvKind::Declarative { slots, .. } = &mut env.0.borrow_mut(&ctx).kind {
                if let Some(slot) = slots.get_mut(index) {
                    *slot = value;
                }
            }
            Ok(())
        }
        EnvHit::Object(object) => ops::put(ctx, Value::Object(object), key, value, strict),
        EnvHit::Miss => Ok(()),
    }
}

fn find_in_env<'gc>(ctx: Ctx<'gc>, env: Env<'gc>, key: PropertyKey<'gc>) -> EnvHit<'gc> {
    let data = env.0.borrow();
    match &data.kind {
        EnvKind::Declarative { slots, code, scope } => match slot_of(code, *scope, ctx, key) {
            Some(i) => EnvHit::Slot(i, slots.get(i).copied().unwrap_or(Value::Undefined)),
            None => match data.extra {
                Some(extra) if extra.own_property(ctx, key).is_some() => EnvHit::Object(extra),
                _ => EnvHit::Miss,
            },
        },
        EnvKind::With(object) => {
            if ops::has_property(ctx, *object, key) {
                EnvHit::Object(*object)
            } else {
                EnvHit::Miss
            }
        }
    }
}

/// The slot index of `key` in scope `scope` of `code`, by name.
/// Whether slot `index` of `env` holds a `const`.
fn is_constant(env: Env<'_>, index: usize) -> bool {
    match &env.0.borrow().kind {
        EnvKind::Declarative { code, scope, .. } => code
            .proto
            .scopes
            .get(*scope as usize)
            .and_then(|s| s.constants.get(index))
            .copied()
            .unwrap_or(false),
        EnvKind::With(_) => false,
    }
}

fn slot_of<'gc>(
    code: &Gc<'gc, Code<'gc>>,
    scope: u32,
    ctx: Ctx<'gc>,
    key: PropertyKey<'gc>,
) -> Option<usize> {
    let PropertyKey::String(name) = key else {
        return None;
    };
    let name = name.to_rust_string(&ctx);
    code.proto
        .scopes
        .get(scope as usize)?
        .names
        .iter()
        .position(|n| *n == name)
}

/// The ReferenceError for an undeclared name.
pub(super) fn not_defined<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> Throw<'gc> {
    let name = ops::key_to_string(ctx, key).to_rust_string(&ctx);
    ctx.reference_error(&format!("{name} is not defined"))
}
