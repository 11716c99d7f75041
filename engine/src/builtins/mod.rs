//! The standard library (ES5.1 chapter 15), one module per global.
//!
//! [`install`] runs once when an engine is made: it fills the realm's intrinsic objects with
//! their methods and puts the constructors and values on the global object.
//!
//! ## Writing a builtin
//! A builtin is a [`NativeFn`](crate::object::NativeFn):
//! `fn(&Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> Result<Value<'gc>, Throw<'gc>>`.
//! - Conversions and property access go through `vm::ops` (`to_number`, `to_string`,
//!   `to_object`, `to_property_key`, `get`, `put`, `delete`, `has_property`, `call`), which
//!   implement the spec's abstract operations, accessors and array `length` included.
//! - Errors: `ctx.type_error("...")`, `ctx.range_error`, `ctx.reference_error`, or
//!   `ctx.error(prototype, "...")` for the other kinds; return them as `Err`.
//! - Register methods with `realm.define_function(ctx, target, name, f, length)` (writable,
//!   configurable, not enumerable, as chapter 15 says) and constructors with
//!   [`define_constructor`].
//! - Each method's body carries the spec's steps as comments (`// 1. Let O be ToObject(this)`).
//! - `vm::ops::call` runs a JavaScript callback in a nested run of the interpreter: the
//!   collector cannot run until it returns. That is fine for a single call (a `toJSON`, a
//!   `valueOf`), not for a loop of callbacks over a large array: those methods (`forEach`,
//!   `map`, `sort`, ...) are written in JavaScript instead (self-hosted, see `js/`), so their
//!   callbacks are ordinary calls the interpreter can pause between.

mod array;
mod boolean;
mod date;
mod error;
mod function;
mod global;
mod json;
mod math;
mod number;
mod object;
pub mod regexp;
mod self_hosted;
mod string;

use crate::object::{Attributes, Object};
use crate::value::Value;
use crate::vm::Ctx;

/// Fills the global object and the intrinsics.
pub fn install(ctx: Ctx<'_>) {
    global::install(ctx);
    object::install(ctx);
    function::install(ctx);
    error::install(ctx);
    array::install(ctx);
    string::install(ctx);
    number::install(ctx);
    boolean::install(ctx);
    math::install(ctx);
    json::install(ctx);
    date::install(ctx);
    regexp::install(ctx);
    // Last: the self-hosted library may use everything above.
    self_hosted::install(ctx);
}

/// Defines a constructor `name` on the global object, linked both ways with `prototype`.
pub(crate) fn define_constructor<'gc>(
    ctx: Ctx<'gc>,
    name: &str,
    constructor: Object<'gc>,
    prototype: Object<'gc>,
) {
    let realm = ctx.realm();
    constructor.set_own_value(
        &ctx,
        realm.atoms.prototype,
        Value::Object(prototype),
        Attributes::NONE,
    );
    prototype.set_own_value(
        &ctx,
        realm.atoms.constructor,
        Value::Object(constructor),
        Attributes::HIDDEN,
    );
    let key = realm.key(ctx, name);
    realm
        .global
        .set_own_value(&ctx, key, Value::Object(constructor), Attributes::HIDDEN);
}

/// Argument `i`, or `undefined`.
pub(crate) fn arg<'gc>(args: &[Value<'gc>], i: usize) -> Value<'gc> {
    args.get(i).copied().unwrap_or(Value::Undefined)
}
