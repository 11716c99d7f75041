//! [`Value`]: every JavaScript value, as the VM holds it.

use crate::object::Object;
use crate::string::JsString;
use gc_arena::Collect;

/// A JavaScript value. Small and `Copy`: numbers are stored inline, strings and objects are
/// garbage-collected pointers.
///
/// The tag is a whole word (`repr(u64)`): a value is then two clean 8-byte words, which the
/// compiler copies with two moves (with a one-byte tag it copied the tag and the remaining 15
/// bytes separately, which the interpreter's stack pushes and pops paid for).
#[derive(Clone, Copy, Debug, Collect)]
#[collect(no_drop)]
#[repr(u64)]
pub enum Value<'gc> {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    String(JsString<'gc>),
    Object(Object<'gc>),
}

impl<'gc> Value<'gc> {
    /// The object, if this value is one.
    pub fn as_object(self) -> Option<Object<'gc>> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }

    pub fn is_undefined(self) -> bool {
        matches!(self, Value::Undefined)
    }

    /// `undefined` or `null`.
    pub fn is_nullish(self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }

    /// ToBoolean (ES5.1 9.2).
    #[inline]
    pub fn to_boolean(self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => b,
            // 0, -0 and NaN are false.
            Value::Number(n) => n != 0.0 && !n.is_nan(),
            Value::String(s) => !s.is_empty(),
            Value::Object(_) => true,
        }
    }

    /// The result of `typeof` (ES5.1 11.4.3).
    pub fn type_of(self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "object",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Object(o) if o.is_callable() => "function",
            Value::Object(_) => "object",
        }
    }
}

impl From<f64> for Value<'_> {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn a_value_is_sixteen_bytes() {
        assert!(std::mem::size_of::<Value<'static>>() <= 16);
        // A hole in an array's element vector costs nothing extra either.
        assert!(std::mem::size_of::<Option<Value<'static>>>() <= 16);
    }
}
