//! The standard library (ES5.1 chapter 15), one module per global.
//!
//! [`install`] runs once when an engine is made: it fills the realm's intrinsic objects with
//! their methods and puts the constructors and values on the global object.

mod error;
mod function;
mod global;
mod object;

use crate::object::{Attributes, Object};
use crate::value::Value;
use crate::vm::Ctx;

/// Fills the global object and the intrinsics.
pub fn install(ctx: Ctx<'_>) {
    global::install(ctx);
    object::install(ctx);
    function::install(ctx);
    error::install(ctx);
}

/// Defines a constructor `name` on the global object, linked both ways with `prototype`.
fn define_constructor<'gc>(
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
fn arg<'gc>(args: &[Value<'gc>], i: usize) -> Value<'gc> {
    args.get(i).copied().unwrap_or(Value::Undefined)
}
