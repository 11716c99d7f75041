//! String and String.prototype (ES5.1 15.5), without the methods that take regular expressions
//! (`match`, `replace`, `search`, `split` belong with RegExp).
//!
//! Strings are sequences of UTF-16 code units: every index and length here counts units, and a
//! surrogate pair is two of them. Results are built with [`JsString::from_units`], which keeps
//! them one byte per unit when every unit is Latin-1.

use super::{arg, define_constructor};
use crate::convert;
use crate::object::{Attributes, Class};
use crate::string::{JsString, Units, MAX_LENGTH};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use std::cmp::Ordering;

mod html;
mod search;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

// ---- Helpers ------------------------------------------------------------------------------------

/// CheckObjectCoercible(this) then ToString(this): the first steps of every generic method
/// (and of the RegExp-taking ones in regexp.rs).
pub(super) fn this_string<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    method: &str,
) -> Result<JsString<'gc>, Throw<'gc>> {
    if this.is_nullish() {
        return Err(ctx.type_error(&format!(
            "String.prototype.{method} called on null or undefined"
        )));
    }
    ops::to_string(ctx, this)
}

/// ToInteger(ToNumber(value)) (9.4).
fn to_integer<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<f64, Throw<'gc>> {
    Ok(convert::to_integer(ops::to_number(ctx, value)?))
}

/// `value` clamped to `0..=len`, as an index (`value` is an integer or an infinity).
fn clamp(value: f64, len: usize) -> usize {
    if value <= 0.0 {
        0
    } else if value >= len as f64 {
        len
    } else {
        value as usize
    }
}

/// The units `from..to` of `s` as a new string (the whole string when nothing is cut).
fn substring<'gc>(ctx: Ctx<'gc>, s: JsString<'gc>, from: usize, to: usize) -> Value<'gc> {
    Value::String(s.substring(&ctx, from, to))
}

/// The error for a result longer than the engine's longest string.
fn too_long<'gc>(ctx: Ctx<'gc>) -> Throw<'gc> {
    ctx.range_error("Invalid string length")
}

/// Maps the text of `units` through `map` (a Rust case conversion of whole text), leaving lone
/// surrogates as they are.
///
/// The text between lone surrogates is converted as one Rust string, so that `str`'s context
/// rules apply (a final capital sigma lowercases to 'ς'). A lone surrogate is neither cased nor
/// case-ignorable, so cutting the text there does not change what those rules see.
fn map_case(units: &[u16], map: fn(&str) -> String) -> Vec<u16> {
    // Fast path: ASCII maps to ASCII one for one.
    if units.iter().all(|&u| u < 0x80) {
        let upper = map("a") == "A";
        return units
            .iter()
            .map(|&u| {
                let b = u as u8;
                u16::from(if upper {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                })
            })
            .collect();
    }
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<u16>| {
        if !run.is_empty() {
            out.extend(map(run).encode_utf16());
            run.clear();
        }
    };
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(c) => run.push(c),
            Err(lone) => {
                flush(&mut run, &mut out);
                out.push(lone.unpaired_surrogate());
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

// ---- The constructor -------------------------------------------------------------------------

/// 15.5.1.1 String([value]) and 15.5.2.1 new String([value]).
fn string<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 15.5.1.1: Returns a String value (not a String object) computed by ToString(value). If
    // value is not supplied, the empty String "" is returned.
    // 15.5.2.1: The [[PrimitiveValue]] internal property of the newly constructed object is set
    // to ToString(value), or to the empty String if value is not supplied.
    let value = match args.first() {
        None => JsString::from_str(&ctx, ""),
        Some(&value) => ops::to_string(ctx, value)?,
    };
    if ctx.constructing {
        // 15.5.2.1: The [[Prototype]] internal property of the newly constructed object is set
        // to the original String prototype object; its [[Class]] is "String"; it has a `length`
        // own property { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }
        // (15.5.5.1). ToObject makes exactly that object.
        return Ok(Value::Object(ops::to_object(ctx, Value::String(value))?));
    }
    Ok(Value::String(value))
}

/// 15.5.3.2 String.fromCharCode([char0 [, char1 [, ...]]])
fn from_char_code<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    // Returns a String value containing as many characters as the number of arguments. Each
    // argument specifies one character of the resulting String, with the first argument
    // specifying the first character, and so on, from left to right. An argument is converted
    // to a character by applying the operation ToUint16 (9.7) and regarding the resulting
    // 16-bit integer as the code unit value of a character. If no arguments are supplied, the
    // result is the empty String.
    // One character (`String.fromCharCode(c)` in a loop): the realm's string of it.
    if let [Value::Number(code)] = *args {
        let unit = convert::to_uint16(code);
        return Ok(Value::String(ctx.realm().unit_string(ctx, unit)));
    }
    let mut units = Vec::with_capacity(args.len());
    for &value in args {
        units.push(convert::to_uint16(ops::to_number(*ctx, value)?));
    }
    Ok(Value::String(JsString::from_units(ctx, &units)))
}

// ---- String.prototype -----------------------------------------------------------------------

/// The string value of `this` for toString/valueOf: a string, or a String object's value.
fn this_string_value<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    method: &str,
) -> Result<JsString<'gc>, Throw<'gc>> {
    match this {
        Value::String(s) => Ok(s),
        Value::Object(object) => match object.borrow().class {
            Class::String(s) => Ok(s),
            _ => Err(ctx.type_error(&format!(
                "String.prototype.{method} requires that 'this' be a String"
            ))),
        },
        _ => Err(ctx.type_error(&format!(
            "String.prototype.{method} requires that 'this' be a String"
        ))),
    }
}

/// 15.5.4.2 String.prototype.toString()
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // Returns this String value. The toString function is not generic; it throws a TypeError
    // exception if its this value is not a String or a String object.
    Ok(Value::String(this_string_value(*ctx, this, "toString")?))
}

/// 15.5.4.3 String.prototype.valueOf()
fn value_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // Returns this String value. The valueOf function is not generic; it throws a TypeError
    // exception if its this value is not a String or String object.
    Ok(Value::String(this_string_value(*ctx, this, "valueOf")?))
}

/// 15.5.4.4 String.prototype.charAt(pos)
fn char_at<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // The usual call, a string and an index in it: the steps below come to this.
    if let Some(unit) = unit_at_index(ctx, this, args) {
        return Ok(Value::String(ctx.realm().unit_string(&ctx, unit)));
    }
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "charAt")?;
    // 3. Let position be ToInteger(pos).
    let position = to_integer(ctx, arg(args, 0))?;
    // 4. Let size be the number of characters in S.
    let size = s.len();
    // 5. If position < 0 or position >= size, return the empty String.
    if position < 0.0 || position >= size as f64 {
        return Ok(ctx.string(""));
    }
    // 6. Return a String of length 1, containing one character from S, namely the character at
    //    position position, where the first (leftmost) character in S is considered to be at
    //    position 0, the next one at position 1, and so on.
    match s.unit_at(&ctx, position as usize) {
        Some(unit) => Ok(Value::String(ctx.realm().unit_string(&ctx, unit))),
        None => Ok(ctx.string("")),
    }
}

/// The unit of `charAt(pos)` and `charCodeAt(pos)` when `this` is a string and `pos` a number
/// that is an index in it (`None`: anything else, for the spec's steps to sort out).
#[inline]
fn unit_at_index<'gc>(ctx: Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> Option<u16> {
    match (this, args.first()) {
        // `as usize` truncates toward zero (ToInteger) and takes negatives to 0, hence the
        // sign check; NaN fails it too (and is position 0, which the slow path gives).
        (Value::String(s), Some(&Value::Number(position))) if position >= 0.0 => {
            s.unit_at(&ctx, position as usize)
        }
        _ => None,
    }
}

/// 15.5.4.5 String.prototype.charCodeAt(pos)
fn char_code_at<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    if let Some(unit) = unit_at_index(ctx, this, args) {
        return Ok(Value::Number(f64::from(unit)));
    }
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "charCodeAt")?;
    // 3. Let position be ToInteger(pos).
    let position = to_integer(ctx, arg(args, 0))?;
    // 4. Let size be the number of characters in S.
    let size = s.len();
    // 5. If position < 0 or position >= size, return NaN.
    if position < 0.0 || position >= size as f64 {
        return Ok(Value::Number(f64::NAN));
    }
    // 6. Return a value of Number type, whose value is the code unit value of the character at
    //    position position in the String S.
    Ok(Value::Number(
        s.unit_at(&ctx, position as usize)
            .map_or(f64::NAN, f64::from),
    ))
}

/// 15.5.4.6 String.prototype.concat([string1 [, string2 [, ...]]])
fn concat<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "concat")?;
    // 3. Let args be an internal list that is a copy of the argument list passed to this
    //    function.
    // 4. Let R be S.
    let mut r = s;
    // 5. Repeat, while args is not empty
    for &value in args {
        // a. Remove the first element from args and let next be the value of that element.
        // b. Let R be the String value consisting of the characters in the previous value of R
        //    followed by the characters of ToString(next).
        let next = ops::to_string(ctx, value)?;
        r = JsString::concat(&ctx, r, next).map_err(|()| too_long(ctx))?;
    }
    // 6. Return R.
    Ok(Value::String(r))
}

/// 15.5.4.7 String.prototype.indexOf(searchString, position)
fn index_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "indexOf")?;
    // 3. Let searchStr be ToString(searchString).
    let search = ops::to_string(ctx, arg(args, 0))?;
    // 4. Let pos be ToInteger(position). (If position is undefined, this step produces the
    //    value 0).
    let pos = to_integer(ctx, arg(args, 1))?;
    // 5. Let len be the number of characters in S.
    let len = s.len();
    // 6. Let start be min(max(pos, 0), len).
    let start = clamp(pos, len);
    // 7. Let searchLen be the number of characters in searchStr.
    // 8. Return the smallest possible integer k not smaller than start such that k+searchLen
    //    is not greater than len, and for all nonnegative integers j less than searchLen, the
    //    character at position k+j of S is the same as the character at position j of
    //    searchStr; but if there is no such integer k, then return the value -1.
    let found = s.with_units(&ctx, |haystack| {
        search.with_units(&ctx, |needle| search::index_of(haystack, needle, start))
    });
    Ok(Value::Number(found.map_or(-1.0, |k| k as f64)))
}

/// 15.5.4.8 String.prototype.lastIndexOf(searchString, position)
fn last_index_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "lastIndexOf")?;
    // 3. Let searchStr be ToString(searchString).
    let search = ops::to_string(ctx, arg(args, 0))?;
    // 4. Let numPos be ToNumber(position). (If position is undefined, this step produces the
    //    value NaN).
    let num_pos = ops::to_number(ctx, arg(args, 1))?;
    // 5. If numPos is NaN, let pos be +∞; otherwise, let pos be ToInteger(numPos).
    let pos = if num_pos.is_nan() {
        f64::INFINITY
    } else {
        convert::to_integer(num_pos)
    };
    // 6. Let len be the number of characters in S.
    let len = s.len();
    // 7. Let start min(max(pos, 0), len).
    let start = clamp(pos, len);
    // 8. Let searchLen be the number of characters in searchStr.
    // 9. Return the largest possible nonnegative integer k not larger than start such that
    //    k+searchLen is not greater than len, and for all nonnegative integers j less than
    //    searchLen, the character at position k+j of S is the same as the character at
    //    position j of searchStr; but if there is no such integer k, then return the value -1.
    let found = s.with_units(&ctx, |haystack| {
        search.with_units(&ctx, |needle| {
            search::last_index_of(haystack, needle, start)
        })
    });
    Ok(Value::Number(found.map_or(-1.0, |k| k as f64)))
}

/// 15.5.4.9 String.prototype.localeCompare(that)
///
/// The engine has no locale data: strings are compared by code units, which is the order of
/// `<` and a valid (if not linguistic) total order. The spec asks that canonically equivalent
/// strings (by Unicode normalization) compare equal; that is not done, as the engine carries
/// no normalization tables.
fn locale_compare<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "localeCompare")?;
    // 3. Let That be ToString(that).
    let that = ops::to_string(ctx, arg(args, 0))?;
    // The result is negative, zero or positive as S sorts before, with, or after That.
    Ok(Value::Number(match s.compare(&ctx, that) {
        Ordering::Less => -1.0,
        Ordering::Equal => 0.0,
        Ordering::Greater => 1.0,
    }))
}

/// 15.5.4.13 String.prototype.slice(start, end)
fn slice<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "slice")?;
    // 3. Let len be the number of characters in S.
    let len = s.len();
    let lenf = len as f64;
    // 4. Let intStart be ToInteger(start).
    let int_start = to_integer(ctx, arg(args, 0))?;
    // 5. If end is undefined, let intEnd be len; else let intEnd be ToInteger(end).
    let end = arg(args, 1);
    let int_end = if end.is_undefined() {
        lenf
    } else {
        to_integer(ctx, end)?
    };
    // 6. If intStart is negative, let from be max(len + intStart,0); else let from be
    //    min(intStart, len).
    let from = if int_start < 0.0 {
        clamp(lenf + int_start, len)
    } else {
        clamp(int_start, len)
    };
    // 7. If intEnd is negative, let to be max(len + intEnd,0); else let to be min(intEnd, len).
    let to = if int_end < 0.0 {
        clamp(lenf + int_end, len)
    } else {
        clamp(int_end, len)
    };
    // 8. Let span be max(to – from,0).
    // 9. Return a String containing span consecutive characters from S beginning with the
    //    character at position from.
    Ok(substring(ctx, s, from, to.max(from)))
}

/// 15.5.4.15 String.prototype.substring(start, end)
fn substring_method<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "substring")?;
    // 3. Let len be the number of characters in S.
    let len = s.len();
    // 4. Let intStart be ToInteger(start).
    let int_start = to_integer(ctx, arg(args, 0))?;
    // 5. If end is undefined, let intEnd be len; else let intEnd be ToInteger(end).
    let end = arg(args, 1);
    let int_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer(ctx, end)?
    };
    // 6. Let finalStart be min(max(intStart, 0), len).
    let final_start = clamp(int_start, len);
    // 7. Let finalEnd be min(max(intEnd, 0), len).
    let final_end = clamp(int_end, len);
    // 8. Let from be min(finalStart, finalEnd).
    let from = final_start.min(final_end);
    // 9. Let to be max(finalStart, finalEnd).
    let to = final_start.max(final_end);
    // 10. Return a String whose length is to - from, containing characters from S, namely the
    //     characters with indices from through to −1, in ascending order.
    Ok(substring(ctx, s, from, to))
}

/// B.2.3 String.prototype.substr(start, length)
///
/// Annex B converts the this value with ToString only; like the other methods (and as ES2015
/// made it), `undefined` and `null` are rejected with a TypeError first.
fn substr<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Call ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, "substr")?;
    // 2. Call ToInteger(start).
    let start = to_integer(ctx, arg(args, 0))?;
    // 3. If length is undefined, use +∞; otherwise call ToInteger(length).
    let length = arg(args, 1);
    let length = if length.is_undefined() {
        f64::INFINITY
    } else {
        to_integer(ctx, length)?
    };
    // 4. Compute the number of characters in Result(1).
    let len = s.len();
    let lenf = len as f64;
    // 5. If Result(2) is positive or zero, use Result(2); else use max(Result(4)+Result(2),0).
    let start = if start >= 0.0 {
        start
    } else {
        (lenf + start).max(0.0)
    };
    // 6. Compute min(max(Result(3),0), Result(4)–Result(5)).
    let count = length.max(0.0).min(lenf - start);
    // 7. If Result(6) ≤ 0, return the empty String "".
    if count <= 0.0 {
        return Ok(ctx.string(""));
    }
    // 8. Return a String containing Result(6) consecutive characters from Result(1) beginning
    //    with the character at position Result(5).
    // (Here start < len, since count > 0, and start + count <= len.)
    let from = clamp(start, len);
    Ok(substring(ctx, s, from, clamp(start + count, len)))
}

/// The case conversions (15.5.4.16-19): full Unicode case mapping, locale-independent.
fn convert_case<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    method: &str,
    map: fn(&str) -> String,
) -> NativeResult<'gc> {
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, method)?;
    // 3. Let L be a String where each character of L is either the Unicode lowercase
    //    (uppercase) equivalent of the corresponding character of S or the actual
    //    corresponding character of S if no Unicode equivalent exists.
    // (The mapping follows UnicodeData.txt and SpecialCasing.txt, so the result may be longer
    // than S: 'ß'.toUpperCase() is "SS". Rust's `str` methods do exactly that, final sigma
    // included, and lone surrogates are kept unchanged.)
    let units = s.with_units(&ctx, |units| match units {
        Units::Latin1(bytes) => {
            let wide: Vec<u16> = bytes.iter().map(|&b| u16::from(b)).collect();
            map_case(&wide, map)
        }
        Units::Utf16(units) => map_case(units, map),
    });
    if units.len() > MAX_LENGTH {
        return Err(too_long(ctx));
    }
    // 4. Return L.
    Ok(Value::String(JsString::from_units(&ctx, &units)))
}

/// 15.5.4.16 String.prototype.toLowerCase()
fn to_lower_case<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    convert_case(*ctx, this, "toLowerCase", str::to_lowercase)
}

/// 15.5.4.17 String.prototype.toLocaleLowerCase(): the engine has no locales, so this is
/// toLowerCase (the spec's result for every locale without language-specific mappings).
fn to_locale_lower_case<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    convert_case(*ctx, this, "toLocaleLowerCase", str::to_lowercase)
}

/// 15.5.4.18 String.prototype.toUpperCase()
fn to_upper_case<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    convert_case(*ctx, this, "toUpperCase", str::to_uppercase)
}

/// 15.5.4.19 String.prototype.toLocaleUpperCase(): toUpperCase, as for toLocaleLowerCase.
fn to_locale_upper_case<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    convert_case(*ctx, this, "toLocaleUpperCase", str::to_uppercase)
}

/// 15.5.4.20 String.prototype.trim()
fn trim<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    trim_ends(*ctx, this, "trim", true, true)
}

/// String.prototype.trimLeft(): V8's, which ES2019 named trimStart.
fn trim_left<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    trim_ends(*ctx, this, "trimLeft", true, false)
}

/// String.prototype.trimRight(): V8's, which ES2019 named trimEnd.
fn trim_right<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    trim_ends(*ctx, this, "trimRight", false, true)
}

/// `trim` and its one-sided relatives: white space removed from the start and/or the end.
fn trim_ends<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    name: &str,
    start: bool,
    end: bool,
) -> NativeResult<'gc> {
    // 1. Call CheckObjectCoercible passing the this value as its argument.
    // 2. Let S be the result of calling ToString, giving it the this value as its argument.
    let s = this_string(ctx, this, name)?;
    // 3. Let T be a String value that is a copy of S with both leading and trailing white
    //    space removed. The definition of white space is the union of WhiteSpace and
    //    LineTerminator.
    let (from, to) = s.with_units(&ctx, |units| {
        let len = units.len();
        let is_space = |i: usize| units.get(i).is_some_and(convert::is_str_whitespace);
        let from = if start {
            (0..len).find(|&i| !is_space(i)).unwrap_or(len)
        } else {
            0
        };
        let to = if end {
            (from..len)
                .rev()
                .find(|&i| !is_space(i))
                .map_or(from, |i| i + 1)
        } else {
            len
        };
        (from, to)
    });
    // 4. Return T.
    Ok(substring(ctx, s, from, to))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    // 15.5.3: the String constructor, whose length is 1.
    let constructor = realm.native_function(ctx, string, 1, true);
    define_constructor(ctx, "String", constructor, realm.string_prototype);
    realm.define_function(ctx, constructor, "fromCharCode", from_char_code, 1);
    // 15.5.4: String.prototype is itself a String object whose value is the empty String, so
    // it has a `length` of 0 (15.5.5.1).
    let prototype = realm.string_prototype;
    prototype.set_own_value(
        &ctx,
        realm.atoms.length,
        Value::Number(0.0),
        Attributes::NONE,
    );
    let methods: [(&str, crate::object::NativeFn, u32); 18] = [
        ("toString", to_string, 0),
        ("valueOf", value_of, 0),
        ("charAt", char_at, 1),
        ("charCodeAt", char_code_at, 1),
        ("concat", concat, 1),
        ("indexOf", index_of, 1),
        ("lastIndexOf", last_index_of, 1),
        ("localeCompare", locale_compare, 1),
        ("slice", slice, 2),
        ("substring", substring_method, 2),
        ("substr", substr, 2),
        ("toLowerCase", to_lower_case, 0),
        ("toLocaleLowerCase", to_locale_lower_case, 0),
        ("toUpperCase", to_upper_case, 0),
        ("toLocaleUpperCase", to_locale_upper_case, 0),
        ("trim", trim, 0),
        ("trimLeft", trim_left, 0),
        ("trimRight", trim_right, 0),
    ];
    realm.define_functions(ctx, prototype, &methods);
    realm.define_functions(ctx, prototype, &html::METHODS);
}
