//! Type conversions (ES5.1 chapter 9): ToPrimitive, ToNumber, ToString, ToObject, property
//! keys, and the never-throwing text of a value that messages and the host use.
//!
//! The conversions of numbers and strings themselves are pure functions in
//! [`crate::convert`]; what is here is the part that needs the engine: objects, whose
//! conversion calls their `valueOf` and `toString` (in a nested run), and wrapper objects.

use super::{call, get};
use crate::convert;
use crate::object::{Attributes, Class, Object, PropertyKey, Slot};
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{Ctx, Throw};

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

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
#[inline]
pub fn to_number<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, f64> {
    // Numbers first, without a call: the interpreter converts its operands all the time.
    match value {
        Value::Number(n) => Ok(n),
        _ => convert_to_number(ctx, value),
    }
}

/// ToNumber of a value that is not a number.
fn convert_to_number<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, f64> {
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
        Value::Number(n) => JsString::from_latin1_slice(&ctx, convert::number_text(n).as_bytes()),
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
        if (0.0..4_294_967_295.0).contains(&n) && n.fract() == 0.0 {
            return Ok(PropertyKey::Index(n as u32));
        }
    }
    let s = to_string(ctx, value)?;
    Ok(ctx.realm().key_from_string(ctx, s))
}

/// The key's name as a string value.
pub fn key_to_string<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> JsString<'gc> {
    match key {
        PropertyKey::String(s) => s,
        PropertyKey::Index(i) => {
            JsString::from_latin1_slice(&ctx, convert::number_text(f64::from(i)).as_bytes())
        }
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
    let property = object.own_property(ctx, ctx.realm().atoms.stack)?;
    match property.slot {
        Slot::Data(Value::String(s)) => Some(s.to_rust_string(&ctx)),
        _ => None,
    }
}
