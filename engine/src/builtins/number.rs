//! Number and Number.prototype (ES5.1 15.7).
//!
//! The digit work (shortest digits, exact rounding, other radixes) lives in `convert/`; this
//! file adds what the spec puts around it: the conversions of the arguments, the `this` check
//! and the RangeErrors.

use super::{arg, define_constructor};
use crate::convert;
use crate::object::{Attributes, Class, Object};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// The largest digit count `toFixed`, `toExponential` and `toPrecision` accept.
///
/// ES5.1 requires 0..=20 (1..=21 for `toPrecision`) but lets an implementation accept more
/// (the notes to 15.7.4.5–15.7.4.7); ES2018 raised the limit to 100, and we follow it so that
/// both editions' tests agree with us.
const MAX_FRACTION_DIGITS: f64 = convert::MAX_DIGITS as f64;

/// The object `new` made for a native constructor, if this call is a construction.
pub(crate) fn constructing<'gc>(ctx: Ctx<'gc>, this: Value<'gc>) -> Option<Object<'gc>> {
    if ctx.constructing {
        this.as_object()
    } else {
        None
    }
}

/// 15.7.1.1 `Number([value])` and 15.7.2.1 `new Number([value])`.
fn number<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // The value is ToNumber(value) if value was supplied, else +0.
    let value = match args.first() {
        Some(&v) => ops::to_number(ctx, v)?,
        None => 0.0,
    };
    match constructing(ctx, this) {
        // 15.7.2.1: the new object's [[Prototype]] is the original Number prototype object
        // (already set by `new`), its [[Class]] "Number", its [[PrimitiveValue]] the value.
        Some(object) => {
            object.borrow_mut(&ctx).class = Class::Number(value);
            Ok(Value::Object(object))
        }
        // 15.7.1.1: called as a function, it performs a type conversion.
        None => Ok(Value::Number(value)),
    }
}

/// The Number value of `this` for the prototype methods: a number, or a Number object's
/// `[[PrimitiveValue]]`; anything else is a TypeError (15.7.4: "the this value ... must be
/// either a Number value or an Object whose `[[Class]]` is "Number"").
fn this_number<'gc>(ctx: Ctx<'gc>, this: Value<'gc>, method: &str) -> Result<f64, Throw<'gc>> {
    match this {
        Value::Number(n) => Ok(n),
        Value::Object(object) => match object.borrow().class {
            Class::Number(n) => Ok(n),
            _ => Err(ctx.type_error(&format!(
                "Number.prototype.{method} requires that 'this' be a Number"
            ))),
        },
        _ => Err(ctx.type_error(&format!(
            "Number.prototype.{method} requires that 'this' be a Number"
        ))),
    }
}

/// ToInteger of an argument (9.4), `undefined` giving 0.
fn integer_arg<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<f64, Throw<'gc>> {
    Ok(convert::to_integer(ops::to_number(ctx, value)?))
}

/// 15.7.4.2 Number.prototype.toString([radix])
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let x = this_number(ctx, this, "toString")?;
    // If radix not present or is undefined the Number 10 is used as the value of radix.
    let radix = match arg(args, 0) {
        Value::Undefined => 10.0,
        r => integer_arg(ctx, r)?,
    };
    // If ToInteger(radix) is not an integer between 2 and 36 inclusive throw a RangeError.
    if !(2.0..=36.0).contains(&radix) {
        return Err(ctx.range_error("toString() radix must be between 2 and 36"));
    }
    // If ToInteger(radix) is 10, the result is ToString(x); otherwise the digits in that radix
    // (`number_to_string_radix` does both).
    Ok(ctx.string(&convert::number_to_string_radix(x, radix as u32)))
}

/// 15.7.4.3 Number.prototype.toLocaleString(): the current locale's format; ours is the
/// ToString format, which the spec allows.
fn to_locale_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let x = this_number(*ctx, this, "toLocaleString")?;
    Ok(ctx.string(&convert::number_to_string(x)))
}

/// 15.7.4.4 Number.prototype.valueOf()
fn value_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // Returns this Number value (TypeError for anything that is not a Number).
    Ok(Value::Number(this_number(*ctx, this, "valueOf")?))
}

/// 15.7.4.5 Number.prototype.toFixed(fractionDigits)
fn to_fixed<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // The this value must be a Number (checked first, as later editions order it).
    let x = this_number(ctx, this, "toFixed")?;
    // 1. Let f be ToInteger(fractionDigits). (If fractionDigits is undefined, this step
    //    produces the value 0.)
    let f = integer_arg(ctx, arg(args, 0))?;
    // 2. If f < 0 or f > 20, throw a RangeError exception (the limit extended to 100).
    if !(0.0..=MAX_FRACTION_DIGITS).contains(&f) {
        return Err(ctx.range_error("toFixed() digits argument must be between 0 and 100"));
    }
    // 3-9. Let x be this Number value; NaN, the sign, x ≥ 10^21 and the rounding.
    Ok(ctx.string(&convert::to_fixed(x, f as u32)))
}

/// 15.7.4.6 Number.prototype.toExponential(fractionDigits)
fn to_exponential<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let x be this Number value.
    let x = this_number(ctx, this, "toExponential")?;
    // 2. Let f be ToInteger(fractionDigits).
    let digits = arg(args, 0);
    let f = integer_arg(ctx, digits)?;
    // 3-6. NaN and ±Infinity print as such, whatever f is.
    if !x.is_finite() {
        return Ok(ctx.string(&convert::number_to_string(x)));
    }
    // 7. If fractionDigits is not undefined and (f < 0 or f > 20), throw a RangeError
    //    exception (the limit extended to 100).
    if !digits.is_undefined() && !(0.0..=MAX_FRACTION_DIGITS).contains(&f) {
        return Err(ctx.range_error("toExponential() argument must be between 0 and 100"));
    }
    // 8-14. The digits and the exponent.
    let f = (!digits.is_undefined()).then_some(f as u32);
    Ok(ctx.string(&convert::to_exponential(x, f)))
}

/// 15.7.4.7 Number.prototype.toPrecision(precision)
fn to_precision<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let x be this Number value.
    let x = this_number(ctx, this, "toPrecision")?;
    // 2. If precision is undefined, return ToString(x).
    let precision = arg(args, 0);
    if precision.is_undefined() {
        return Ok(ctx.string(&convert::number_to_string(x)));
    }
    // 3. Let p be ToInteger(precision).
    let p = integer_arg(ctx, precision)?;
    // 4-7. NaN and ±Infinity print as such.
    if !x.is_finite() {
        return Ok(ctx.string(&convert::number_to_string(x)));
    }
    // 8. If p < 1 or p > 21, throw a RangeError exception (the limit extended to 100).
    if !(1.0..=MAX_FRACTION_DIGITS).contains(&p) {
        return Err(ctx.range_error("toPrecision() argument must be between 1 and 100"));
    }
    // 9-14. The digits, in fixed or exponential notation.
    Ok(ctx.string(&convert::to_precision(x, p as u32)))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let constructor = realm.native_function(ctx, number, 1, true);
    define_constructor(ctx, "Number", constructor, realm.number_prototype);
    // 15.7.3.2-15.7.3.6: the constants are read-only, hidden and permanent.
    for (name, value) in [
        ("MAX_VALUE", f64::MAX),
        ("MIN_VALUE", 5e-324),
        ("NaN", f64::NAN),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("POSITIVE_INFINITY", f64::INFINITY),
        // ES2015's 20.1.2.1, which test262's ES5 tests already use.
        ("EPSILON", f64::EPSILON),
    ] {
        let key = realm.key(ctx, name);
        constructor.set_own_value(&ctx, key, Value::Number(value), Attributes::NONE);
    }
    let methods: [(&str, crate::object::NativeFn, u32); 6] = [
        ("toString", to_string, 1),
        ("toLocaleString", to_locale_string, 0),
        ("valueOf", value_of, 0),
        ("toFixed", to_fixed, 1),
        ("toExponential", to_exponential, 1),
        ("toPrecision", to_precision, 1),
    ];
    realm.define_functions(ctx, realm.number_prototype, &methods);
}
