//! The operators of ES5.1 chapter 11 that are more than a line of arithmetic: `+`, the
//! equality and relational comparisons, `instanceof`; and SameValue (9.12), the comparison
//! property definitions use.
//!
//! The dispatch loop handles the all-number cases of the arithmetic and comparison
//! instructions itself and calls these for the rest.

use super::{get, to_number, to_primitive, to_string, Hint};

use crate::convert::number_text;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{Ctx, Throw};

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

/// The `+` operator (11.6.1). (Always inlined: the dispatch loop's `Add`, in both of its
/// copies, plain and traced, needs the numbers' case in place.)
#[inline(always)]
pub fn add<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> Result<'gc, Value<'gc>> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(Value::Number(x + y));
    }
    // A short string and a number (`"key" + i`): the digits go straight into the result.
    let short = match (a, b) {
        // Two strings (`line += ch`): no conversions to go through.
        (Value::String(x), Value::String(y)) => {
            return JsString::concat(&ctx, x, y)
                .map(Value::String)
                .map_err(|()| ctx.range_error("Invalid string length"));
        }
        (Value::String(s), Value::Number(n)) => s.concat_short(&ctx, number_text(n).as_bytes()),
        (Value::Number(n), Value::String(s)) => {
            s.concat_short_after(&ctx, number_text(n).as_bytes())
        }
        _ => None,
    };
    if let Some(joined) = short {
        return Ok(Value::String(joined));
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
    // 15.3.4.5.3: a bound function answers for its target.
    let mut function = function;
    while let Some(target) = function.bound_target() {
        function = target;
    }
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

/// SameValue (9.12): `===` except that NaN equals itself and +0 differs from -0.
pub fn same_value<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_nan() && y.is_nan() => true,
        (Value::Number(x), Value::Number(y)) => {
            x == y && x.is_sign_negative() == y.is_sign_negative()
        }
        _ => strict_equals(ctx, a, b),
    }
}
