//! Object and Object.prototype (ES5.1 15.2) — the constructor and the prototype methods.

use super::{arg, define_constructor};
use crate::object::{Class, Object};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 15.2.1.1 / 15.2.2.1: `Object(value)` converts to an object; no value makes a new one.
fn object<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    match arg(args, 0) {
        Value::Undefined | Value::Null => {
            let object = Object::new(ctx, Some(ctx.realm().object_prototype), Class::Object);
            Ok(Value::Object(object))
        }
        value => Ok(Value::Object(ops::to_object(*ctx, value)?)),
    }
}

/// The [[Class]] name `Object.prototype.toString` reports.
fn class_name(object: Object<'_>) -> &'static str {
    match object.borrow().class {
        Class::Object | Class::ForIn { .. } => "Object",
        Class::Array => "Array",
        Class::Closure(_) | Class::Native { .. } => "Function",
        Class::Error => "Error",
        Class::Arguments => "Arguments",
        Class::Boolean(_) => "Boolean",
        Class::Number(_) => "Number",
        Class::String(_) => "String",
        Class::Date(_) => "Date",
        Class::RegExp(_) => "RegExp",
        Class::Math => "Math",
        Class::Json => "JSON",
    }
}

/// 15.2.4.2 Object.prototype.toString
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = match this {
        Value::Undefined => "[object Undefined]".to_string(),
        Value::Null => "[object Null]".to_string(),
        other => format!("[object {}]", class_name(ops::to_object(*ctx, other)?)),
    };
    Ok(ctx.string(&text))
}

/// 15.2.4.4 Object.prototype.valueOf
fn value_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Object(ops::to_object(*ctx, this)?))
}

/// 15.2.4.5 Object.prototype.hasOwnProperty(V)
fn has_own_property<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    // 1. Let P be ToString(V). 2. Let O be the result of calling ToObject on the this value.
    let key = ops::to_property_key(*ctx, arg(args, 0))?;
    let object = ops::to_object(*ctx, this)?;
    let own = object.own_property(key).is_some()
        || matches!((&object.borrow().class, key),
            (Class::String(s), crate::object::PropertyKey::Index(i)) if (i as usize) < s.len());
    Ok(Value::Bool(own))
}

/// 15.2.4.6 Object.prototype.isPrototypeOf(V)
fn is_prototype_of<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let Value::Object(mut v) = arg(args, 0) else {
        return Ok(Value::Bool(false));
    };
    let object = ops::to_object(*ctx, this)?;
    while let Some(prototype) = v.prototype() {
        if prototype == object {
            return Ok(Value::Bool(true));
        }
        v = prototype;
    }
    Ok(Value::Bool(false))
}

/// 15.2.4.7 Object.prototype.propertyIsEnumerable(V)
fn property_is_enumerable<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let key = ops::to_property_key(*ctx, arg(args, 0))?;
    let object = ops::to_object(*ctx, this)?;
    let enumerable = object
        .own_property(key)
        .is_some_and(|p| p.attributes.enumerable());
    Ok(Value::Bool(enumerable))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let constructor = realm.native_function(ctx, object, 1, true);
    define_constructor(ctx, "Object", constructor, realm.object_prototype);
    let prototype = realm.object_prototype;
    let methods: [(&str, crate::object::NativeFn, u32); 6] = [
        ("toString", to_string, 0),
        ("toLocaleString", to_string, 0),
        ("valueOf", value_of, 0),
        ("hasOwnProperty", has_own_property, 1),
        ("isPrototypeOf", is_prototype_of, 1),
        ("propertyIsEnumerable", property_is_enumerable, 1),
    ];
    for (name, function, length) in methods {
        realm.define_function(ctx, prototype, name, function, length);
    }
}
