//! Boolean and Boolean.prototype (ES5.1 15.6).

use super::number::constructing;
use super::{arg, define_constructor};
use crate::object::Class;
use crate::value::Value;
use crate::vm::{Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 15.6.1.1 `Boolean(value)` and 15.6.2.1 `new Boolean(value)`.
fn boolean<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // Both return or wrap ToBoolean(value).
    let value = arg(args, 0).to_boolean();
    match constructing(*ctx, this) {
        // 15.6.2.1: [[Prototype]] the original Boolean prototype object (set by `new`),
        // [[Class]] "Boolean", [[PrimitiveValue]] ToBoolean(value).
        Some(object) => {
            object.borrow_mut(ctx).class = Class::Boolean(value);
            Ok(Value::Object(object))
        }
        // 15.6.1.1: called as a function, it performs a type conversion.
        None => Ok(Value::Bool(value)),
    }
}

/// The Boolean value of `this`: a boolean or a Boolean object's `[[PrimitiveValue]]`, else a
/// TypeError (15.6.4: the methods are not generic).
fn this_boolean<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, method: &str) -> Result<bool, Throw<'gc>> {
    match this {
        Value::Bool(b) => return Ok(b),
        Value::Object(object) => {
            if let Class::Boolean(b) = object.borrow().class {
                return Ok(b);
            }
        }
        _ => {}
    }
    Err(ctx.type_error(&format!(
        "Boolean.prototype.{method} requires that 'this' be a Boolean"
    )))
}

/// 15.6.4.2 Boolean.prototype.toString()
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1-3. Let b be the this value, or its [[PrimitiveValue]] if it is a Boolean object;
    //      otherwise throw a TypeError.
    let b = this_boolean(ctx, this, "toString")?;
    // 4. If b is true, then return "true"; else return "false".
    Ok(ctx.string(if b { "true" } else { "false" }))
}

/// 15.6.4.3 Boolean.prototype.valueOf()
fn value_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1-4. Return the this boolean value, or the [[PrimitiveValue]] of a Boolean object.
    Ok(Value::Bool(this_boolean(ctx, this, "valueOf")?))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let constructor = realm.native_function(ctx, boolean, 1, true);
    define_constructor(ctx, "Boolean", constructor, realm.boolean_prototype);
    realm.define_functions(
        ctx,
        realm.boolean_prototype,
        &[("toString", to_string, 0), ("valueOf", value_of, 0)],
    );
}
