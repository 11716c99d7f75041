//! The spec's abstract operations the interpreter and the builtins share: type conversions
//! (ES5.1 chapter 9), the operators (chapter 11), and property access with prototypes,
//! accessors and array `length` (chapter 8).
//!
//! Conversions of objects (`ToPrimitive`) and accessor properties run JavaScript code. Here
//! they do so in a *nested run* of the interpreter (see [`call`]), bounded in depth. Such a
//! run happens inside one slice of the engine, so the collector cannot run during it and a
//! `promise.wait()` inside it cannot suspend.

use super::{Ctx, Executor, Throw};
use crate::convert;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::string::JsString;
use crate::value::Value;
use std::cell::Cell;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

thread_local! {
    /// How many nested runs are active on this thread.
    static NESTING: Cell<u32> = const { Cell::new(0) };
}

/// Nested runs allowed at once (each uses some Rust stack).
const MAX_NESTING: u32 = 200;

/// Calls `function` with `this` and `args`, running it to completion in a nested run of the
/// interpreter, and returns its result.
pub fn call<'gc>(
    ctx: Ctx<'gc>,
    function: Value<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<'gc, Value<'gc>> {
    let Some(object) = function.as_object().filter(|o| o.is_callable()) else {
        return Err(ctx.type_error("not a function"));
    };
    if let Class::Native { function, .. } = object.borrow().class {
        // Natives run directly (as plain calls, whatever the caller was doing).
        let ctx = Ctx {
            constructing: false,
            ..ctx
        };
        return function(&ctx, this, args);
    }
    let depth = NESTING.with(|n| n.get());
    if depth >= MAX_NESTING {
        return Err(ctx.range_error("Maximum call stack size exceeded"));
    }
    NESTING.with(|n| n.set(depth + 1));
    let mut executor = Executor::default();
    executor.start(ctx, object, this, args);
    let result = loop {
        if let Some(result) = executor.run(ctx, i64::MAX) {
            break result;
        }
    };
    NESTING.with(|n| n.set(depth));
    result
}

// ---- Conversions (ES5.1 chapter 9) -----------------------------------------------------------

/// The hint of ToPrimitive.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Number,
    String,
    /// No hint (`+`, `==`, `new Date(value)`): String for Date objects, Number for the rest
    /// (8.12.8).
    Default,
}

/// ToPrimitive (9.1): objects become primitives through `valueOf` and `toString`.
pub fn to_primitive<'gc>(ctx: Ctx<'gc>, value: Value<'gc>, hint: Hint) -> Result<'gc, Value<'gc>> {
    let Value::Object(object) = value else {
        return Ok(value);
    };
    // 8.12.8 [[DefaultValue]]: Date objects default to the String hint.
    let hint = match (&object.borrow().class, hint) {
        (Class::Date(_), Hint::Default) => Hint::String,
        (_, Hint::Default) => Hint::Number,
        _ => hint,
    };
    let atoms = &ctx.realm().atoms;
    let order = match hint {
        Hint::String => [atoms.to_string, atoms.value_of],
        Hint::Number | Hint::Default => [atoms.value_of, atoms.to_string],
    };
    for key in order {
        let method = get(ctx, value, key)?;
        if method.as_object().is_some_and(|m| m.is_callable()) {
            let result = call(ctx, method, value, &[])?;
            if !matches!(result, Value::Object(_)) {
                return Ok(result);
            }
        }
    }
    Err(ctx.type_error("Cannot convert object to primitive value"))
}

/// ToNumber (9.3).
pub fn to_number<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, f64> {
    Ok(match value {
        Value::Undefined => f64::NAN,
        Value::Null => 0.0,
        Value::Bool(b) => f64::from(u8::from(b)),
        Value::Number(n) => n,
        Value::String(s) => s.with_units(&ctx, |units| match units {
            crate::string::Units::Latin1(bytes) => {
                let wide: Vec<u16> = bytes.iter().map(|&b| u16::from(b)).collect();
                convert::string_to_number(&wide)
            }
            crate::string::Units::Utf16(units) => convert::string_to_number(units),
        }),
        Value::Object(_) => {
            let primitive = to_primitive(ctx, value, Hint::Number)?;
            return to_number(ctx, primitive);
        }
    })
}

/// ToString (9.8).
pub fn to_string<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, JsString<'gc>> {
    Ok(match value {
        Value::String(s) => s,
        Value::Undefined => JsString::from_str(&ctx, "undefined"),
        Value::Null => JsString::from_str(&ctx, "null"),
        Value::Bool(true) => JsString::from_str(&ctx, "true"),
        Value::Bool(false) => JsString::from_str(&ctx, "false"),
        Value::Number(n) => JsString::from_str(&ctx, &convert::number_to_string(n)),
        Value::Object(_) => {
            let primitive = to_primitive(ctx, value, Hint::String)?;
            return to_string(ctx, primitive);
        }
    })
}

/// ToObject (9.9): primitives are wrapped; `undefined` and `null` throw.
pub fn to_object<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, Object<'gc>> {
    let realm = ctx.realm();
    let (prototype, class) = match value {
        Value::Object(object) => return Ok(object),
        Value::Undefined | Value::Null => {
            return Err(ctx.type_error(&format!(
                "Cannot convert {} to object",
                display_string(ctx, value)
            )))
        }
        Value::Bool(b) => (realm.boolean_prototype, Class::Boolean(b)),
        Value::Number(n) => (realm.number_prototype, Class::Number(n)),
        Value::String(s) => (realm.string_prototype, Class::String(s)),
    };
    let object = Object::new(&ctx, Some(prototype), class);
    if let Value::String(s) = value {
        object.set_own_value(
            &ctx,
            realm.atoms.length,
            Value::Number(s.len() as f64),
            Attributes::NONE,
        );
    }
    Ok(object)
}

/// The property key a value names (ToString, then an array index or an interned name).
pub fn to_property_key<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, PropertyKey<'gc>> {
    if let Value::Number(n) = value {
        if n >= 0.0 && n < 4_294_967_295.0 && n.fract() == 0.0 {
            return Ok(PropertyKey::Index(n as u32));
        }
    }
    let s = to_string(ctx, value)?;
    let units = s.to_units(&ctx);
    Ok(ctx.realm().key_from_units(ctx, &units))
}

/// The key's name as a string value.
pub fn key_to_string<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> JsString<'gc> {
    match key {
        PropertyKey::String(s) => s,
        PropertyKey::Index(i) => JsString::from_str(&ctx, &i.to_string()),
    }
}

/// A value as text for messages and the host (never throws: a failing conversion shows as the
/// value's type).
pub fn display_string<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> String {
    match value {
        Value::Object(object) if matches!(object.borrow().class, Class::Error) => {
            error_to_string(ctx, object)
        }
        _ => match to_string(ctx, value) {
            Ok(s) => s.to_rust_string(&ctx),
            Err(_) => format!("[{}]", value.type_of()),
        },
    }
}

/// "Name: message" for an error object.
fn error_to_string<'gc>(ctx: Ctx<'gc>, error: Object<'gc>) -> String {
    let atoms = &ctx.realm().atoms;
    let text = |key| {
        get(ctx, Value::Object(error), key)
            .ok()
            .filter(|v| !v.is_undefined())
            .and_then(|v| to_string(ctx, v).ok())
            .map(|s| s.to_rust_string(&ctx))
    };
    let name = text(atoms.name).unwrap_or_else(|| "Error".to_string());
    match text(atoms.message) {
        Some(message) if !message.is_empty() => format!("{name}: {message}"),
        _ => name,
    }
}

/// An error's `stack`, if it is an error object with one.
pub fn error_stack<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Option<String> {
    let object = value.as_object()?;
    let property = object.own_property(ctx.realm().atoms.stack)?;
    match property.slot {
        Slot::Data(Value::String(s)) => Some(s.to_rust_string(&ctx)),
        _ => None,
    }
}

// ---- Properties ---------------------------------------------------------------------------------

/// [[Get]] on any value (8.12.3, with primitives looked up on their prototypes).
pub fn get<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    key: PropertyKey<'gc>,
) -> Result<'gc, Value<'gc>> {
    let realm = ctx.realm();
    let start = match value {
        Value::Object(object) => object,
        Value::String(s) => {
            if key == realm.atoms.length {
                return Ok(Value::Number(s.len() as f64));
            }
            if let PropertyKey::Index(i) = key {
                if let Some(unit) = s.unit_at(&ctx, i as usize) {
                    return Ok(Value::String(JsString::from_units(&ctx, &[unit])));
                }
            }
            realm.string_prototype
        }
        Value::Number(_) => realm.number_prototype,
        Value::Bool(_) => realm.boolean_prototype,
        Value::Undefined | Value::Null => {
            let name = key_to_string(ctx, key).to_rust_string(&ctx);
            return Err(ctx.type_error(&format!(
                "Cannot read property '{name}' of {}",
                display_string(ctx, value)
            )));
        }
    };
    if let Class::String(s) = start.borrow().class {
        if let PropertyKey::Index(i) = key {
            if let Some(unit) = s.unit_at(&ctx, i as usize) {
                return Ok(Value::String(JsString::from_units(&ctx, &[unit])));
            }
        }
    }
    match start.find_property(key) {
        None => Ok(Value::Undefined),
        Some((
            _,
            Property {
                slot: Slot::Data(v),
                ..
            },
        )) => Ok(v),
        Some((
            _,
            Property {
                slot: Slot::Accessor {
                    get: Some(getter), ..
                },
                ..
            },
        )) => call(ctx, Value::Object(getter), value, &[]),
        Some((
            _,
            Property {
                slot: Slot::Accessor { get: None, .. },
                ..
            },
        )) => Ok(Value::Undefined),
    }
}

/// [[Put]] on any value (8.12.5): assignment `value[key] = v`. In strict code a failed
/// assignment throws a TypeError; in sloppy code it is silently ignored.
pub fn put<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    key: PropertyKey<'gc>,
    v: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    let object = match value {
        Value::Object(object) => object,
        Value::Undefined | Value::Null => {
            let name = key_to_string(ctx, key).to_rust_string(&ctx);
            return Err(ctx.type_error(&format!(
                "Cannot set property '{name}' of {}",
                display_string(ctx, value)
            )));
        }
        // Assigning to a primitive's property does nothing (the wrapper is thrown away), but
        // setters on the prototype still run.
        _ => {
            let wrapper = to_object(ctx, value)?;
            if let Some((
                _,
                Property {
                    slot:
                        Slot::Accessor {
                            set: Some(setter), ..
                        },
                    ..
                },
            )) = wrapper.find_property(key)
            {
                call(ctx, Value::Object(setter), value, &[v])?;
                return Ok(());
            }
            if strict {
                return Err(ctx.type_error("Cannot create property on a primitive value"));
            }
            return Ok(());
        }
    };
    let fail = |message: &str| {
        if strict {
            Err(ctx.type_error(message))
        } else {
            Ok(())
        }
    };
    match object.find_property(key) {
        Some((owner, property)) => match property.slot {
            Slot::Accessor {
                set: Some(setter), ..
            } => {
                call(ctx, Value::Object(setter), value, &[v])?;
                Ok(())
            }
            Slot::Accessor { set: None, .. } => {
                fail("Cannot set a property that has only a getter")
            }
            Slot::Data(_) if !property.attributes.writable() => {
                fail("Cannot assign to read only property")
            }
            Slot::Data(_) if owner == object => {
                write_own(ctx, object, key, v, property.attributes, strict)
            }
            Slot::Data(_) => add_property(ctx, object, key, v, strict),
        },
        None => add_property(ctx, object, key, v, strict),
    }
}

/// Adds a new own data property by assignment.
fn add_property<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    v: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    if !object.borrow().extensible {
        return if strict {
            Err(ctx.type_error("Cannot add property, object is not extensible"))
        } else {
            Ok(())
        };
    }
    write_own(ctx, object, key, v, Attributes::ALL, strict)
}

/// Writes an own data property, keeping an array's `length` in step (15.4.5.1).
fn write_own<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    v: Value<'gc>,
    attributes: Attributes,
    strict: bool,
) -> Result<'gc, ()> {
    let is_array = matches!(object.borrow().class, Class::Array);
    if is_array {
        let length_key = ctx.realm().atoms.length;
        if key == length_key {
            return set_array_length(ctx, object, v, strict);
        }
        if let PropertyKey::Index(index) = key {
            let length = array_length(object, length_key);
            if index >= length {
                object.set_own_value(
                    &ctx,
                    length_key,
                    Value::Number(f64::from(index) + 1.0),
                    Attributes::new(true, false, false),
                );
            }
        }
    }
    object.set_own_value(&ctx, key, v, attributes);
    Ok(())
}

/// An array's `length`.
pub fn array_length<'gc>(object: Object<'gc>, length_key: PropertyKey<'gc>) -> u32 {
    match object.own_property(length_key) {
        Some(Property {
            slot: Slot::Data(Value::Number(n)),
            ..
        }) => n as u32,
        _ => 0,
    }
}

/// Assigns an array's `length`: a RangeError unless it is a valid length; shrinking deletes
/// the elements past the end.
fn set_array_length<'gc>(
    ctx: Ctx<'gc>,
    array: Object<'gc>,
    v: Value<'gc>,
    _strict: bool,
) -> Result<'gc, ()> {
    let number = to_number(ctx, v)?;
    let length = convert::to_uint32(number);
    if f64::from(length) != number {
        return Err(ctx.range_error("Invalid array length"));
    }
    let length_key = ctx.realm().atoms.length;
    let old = array_length(array, length_key);
    if length < old {
        let doomed: Vec<PropertyKey<'gc>> = array
            .borrow()
            .properties
            .keys()
            .into_iter()
            .filter(|k| matches!(k, PropertyKey::Index(i) if *i >= length))
            .collect();
        for key in doomed {
            array.remove_own(&ctx, key);
        }
    }
    array.set_own_value(
        &ctx,
        length_key,
        Value::Number(f64::from(length)),
        Attributes::new(true, false, false),
    );
    Ok(())
}

/// [[Delete]] (8.12.7): whether the property is gone. A non-configurable property stays, and
/// strict code gets a TypeError.
pub fn delete<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    strict: bool,
) -> Result<'gc, bool> {
    match object.own_property(key) {
        None => Ok(true),
        Some(property) if property.attributes.configurable() => {
            object.remove_own(&ctx, key);
            Ok(true)
        }
        Some(_) if strict => Err(ctx.type_error("Cannot delete property")),
        Some(_) => Ok(false),
    }
}

/// HasProperty, for `in` and `with` lookups.
pub fn has_property<'gc>(object: Object<'gc>, key: PropertyKey<'gc>) -> bool {
    if let Class::String(s) = object.borrow().class {
        if let PropertyKey::Index(i) = key {
            if (i as usize) < s.len() {
                return true;
            }
        }
    }
    object.find_property(key).is_some()
}

// ---- Operators (chapter 11) ------------------------------------------------------------------------

/// The `+` operator (11.6.1).
pub fn add<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> Result<'gc, Value<'gc>> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(Value::Number(x + y));
    }
    let a = to_primitive(ctx, a, Hint::Default)?;
    let b = to_primitive(ctx, b, Hint::Default)?;
    if matches!(a, Value::String(_)) || matches!(b, Value::String(_)) {
        let x = to_string(ctx, a)?;
        let y = to_string(ctx, b)?;
        return JsString::concat(&ctx, x, y)
            .map(Value::String)
            .map_err(|()| ctx.range_error("Invalid string length"));
    }
    Ok(Value::Number(to_number(ctx, a)? + to_number(ctx, b)?))
}

/// `===` (11.9.6).
pub fn strict_equals<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::String(x), Value::String(y)) => x.equals(&ctx, y),
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Object(x), Value::Object(y)) => x == y,
        _ => false,
    }
}

/// `==` (11.9.3).
pub fn loose_equals<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> Result<'gc, bool> {
    Ok(match (a, b) {
        (Value::Undefined | Value::Null, Value::Undefined | Value::Null) => true,
        (Value::Undefined | Value::Null, _) | (_, Value::Undefined | Value::Null) => false,
        (Value::Number(_), Value::String(_)) => {
            let y = to_number(ctx, b)?;
            loose_equals(ctx, a, Value::Number(y))?
        }
        (Value::String(_), Value::Number(_)) => {
            let x = to_number(ctx, a)?;
            loose_equals(ctx, Value::Number(x), b)?
        }
        (Value::Bool(x), _) => loose_equals(ctx, Value::Number(f64::from(u8::from(x))), b)?,
        (_, Value::Bool(y)) => loose_equals(ctx, a, Value::Number(f64::from(u8::from(y))))?,
        (Value::Number(_) | Value::String(_), Value::Object(_)) => {
            let y = to_primitive(ctx, b, Hint::Default)?;
            loose_equals(ctx, a, y)?
        }
        (Value::Object(_), Value::Number(_) | Value::String(_)) => {
            let x = to_primitive(ctx, a, Hint::Default)?;
            loose_equals(ctx, x, b)?
        }
        _ => strict_equals(ctx, a, b),
    })
}

/// The abstract relational comparison `a < b` (11.8.5): `None` when either side is NaN.
pub fn less_than<'gc>(
    ctx: Ctx<'gc>,
    a: Value<'gc>,
    b: Value<'gc>,
    left_first: bool,
) -> Result<'gc, Option<bool>> {
    let (a, b) = if left_first {
        let a = to_primitive(ctx, a, Hint::Number)?;
        (a, to_primitive(ctx, b, Hint::Number)?)
    } else {
        let b = to_primitive(ctx, b, Hint::Number)?;
        (to_primitive(ctx, a, Hint::Number)?, b)
    };
    if let (Value::String(x), Value::String(y)) = (a, b) {
        return Ok(Some(x.compare(&ctx, y) == std::cmp::Ordering::Less));
    }
    let x = to_number(ctx, a)?;
    let y = to_number(ctx, b)?;
    if x.is_nan() || y.is_nan() {
        return Ok(None);
    }
    Ok(Some(x < y))
}

/// `value instanceof constructor` (11.8.6, 15.3.5.3).
pub fn instance_of<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    constructor: Value<'gc>,
) -> Result<'gc, bool> {
    let Some(function) = constructor.as_object().filter(|f| f.is_callable()) else {
        return Err(ctx.type_error("Right-hand side of 'instanceof' is not callable"));
    };
    let Value::Object(mut object) = value else {
        return Ok(false);
    };
    let prototype = get(ctx, Value::Object(function), ctx.realm().atoms.prototype)?;
    let Value::Object(prototype) = prototype else {
        return Err(ctx.type_error("Function has non-object prototype in instanceof check"));
    };
    while let Some(next) = object.prototype() {
        if next == prototype {
            return Ok(true);
        }
        object = next;
    }
    Ok(false)
}
