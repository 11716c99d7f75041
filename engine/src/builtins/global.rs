//! The global object's own values and functions (ES5.1 15.1).

use super::arg;
use crate::convert;
use crate::object::Attributes;
use crate::string::JsString;
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// The argument converted to a string, as UTF-16 units.
fn string_arg<'gc>(ctx: Ctx<'gc>, args: &[Value<'gc>]) -> Result<Vec<u16>, Throw<'gc>> {
    Ok(ops::to_string(ctx, arg(args, 0))?.to_units(&ctx))
}

/// 15.1.2.2 parseInt(string, radix)
fn parse_int<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = string_arg(*ctx, args)?;
    let radix = match arg(args, 1) {
        Value::Undefined => None,
        r => Some(convert::to_int32(ops::to_number(*ctx, r)?)),
    };
    Ok(Value::Number(convert::parse_int(&text, radix)))
}

/// 15.1.2.3 parseFloat(string)
fn parse_float<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = string_arg(*ctx, args)?;
    Ok(Value::Number(convert::parse_float(&text)))
}

/// 15.1.2.4 isNaN(number)
fn is_nan<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Bool(ops::to_number(*ctx, arg(args, 0))?.is_nan()))
}

/// 15.1.2.5 isFinite(number)
fn is_finite<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Bool(ops::to_number(*ctx, arg(args, 0))?.is_finite()))
}

/// The URI functions (15.1.3) and Annex B's escape/unescape share one shape: string in,
/// string out, URIError on malformed input.
fn uri_function<'gc>(
    ctx: Ctx<'gc>,
    args: &[Value<'gc>],
    f: fn(&[u16]) -> Result<Vec<u16>, convert::UriError>,
) -> NativeResult<'gc> {
    let text = string_arg(ctx, args)?;
    match f(&text) {
        Ok(units) => Ok(Value::String(JsString::from_units(&ctx, &units))),
        Err(error) => Err(ctx.error(ctx.realm().uri_error_prototype, &error.to_string())),
    }
}

macro_rules! uri_functions {
    ($($name:ident => $f:path;)*) => {$(
        fn $name<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
            uri_function(*ctx, args, $f)
        }
    )*};
}

uri_functions! {
    encode_uri => convert::encode_uri;
    encode_uri_component => convert::encode_uri_component;
    decode_uri => convert::decode_uri;
    decode_uri_component => convert::decode_uri_component;
}

fn escape<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = string_arg(*ctx, args)?;
    Ok(Value::String(JsString::from_units(
        ctx,
        &convert::escape(&text),
    )))
}

fn unescape<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = string_arg(*ctx, args)?;
    Ok(Value::String(JsString::from_units(
        ctx,
        &convert::unescape(&text),
    )))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let global = realm.global;
    // 15.1.1: NaN, Infinity and undefined are read-only and permanent.
    for (name, value) in [
        ("NaN", Value::Number(f64::NAN)),
        ("Infinity", Value::Number(f64::INFINITY)),
        ("undefined", Value::Undefined),
    ] {
        let key = realm.key(ctx, name);
        global.set_own_value(&ctx, key, value, Attributes::NONE);
    }
    let eval_key = realm.key(ctx, "eval");
    global.set_own_value(
        &ctx,
        eval_key,
        Value::Object(realm.eval_function),
        Attributes::HIDDEN,
    );
    let functions: [(&str, crate::object::NativeFn, u32); 10] = [
        ("parseInt", parse_int, 2),
        ("parseFloat", parse_float, 1),
        ("isNaN", is_nan, 1),
        ("isFinite", is_finite, 1),
        ("encodeURI", encode_uri, 1),
        ("encodeURIComponent", encode_uri_component, 1),
        ("decodeURI", decode_uri, 1),
        ("decodeURIComponent", decode_uri_component, 1),
        ("escape", escape, 1),
        ("unescape", unescape, 1),
    ];
    realm.define_functions(ctx, global, &functions);
}
