//! Date and Date.prototype (ES5.1 15.9), with the Annex B methods `getYear`, `setYear` and
//! `toGMTString` (B.2.4–B.2.6).
//!
//! A Date object is an object of class [`Class::Date`] holding its time value (the spec's
//! `[[PrimitiveValue]]`): milliseconds since the epoch, NaN for an invalid date. The setters
//! change that number in place. The arithmetic (`MakeDay`, `LocalTime`, ...), parsing and
//! formatting live in [`crate::date`]; this module is the glue between them and JavaScript
//! values, following the spec's steps.
//!
//! None of the prototype methods is generic (15.9.5): each one throws a TypeError when `this`
//! is not a Date object, before it converts any argument.

use super::{arg, define_constructor};
use crate::date;
use crate::object::{Class, NativeFn, Object};
use crate::value::Value;
use crate::vm::ops::{self, Hint};
use crate::vm::{Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

// ---- Helpers -----------------------------------------------------------------------------------

/// "This time value" (15.9.5): the time value of `this`, which must be a Date object.
fn this_time_value<'gc>(ctx: Ctx<'gc>, this: Value<'gc>) -> Result<f64, Throw<'gc>> {
    if let Value::Object(object) = this {
        if let Class::Date(t) = object.borrow().class {
            return Ok(t);
        }
    }
    Err(ctx.type_error("this is not a Date object."))
}

/// Sets the `[[PrimitiveValue]]` of `this` (a Date object: [`this_time_value`] checked it) to
/// `v` and returns `v`, as the last two steps of every setter do.
fn set_this_time_value<'gc>(ctx: Ctx<'gc>, this: Value<'gc>, v: f64) -> NativeResult<'gc> {
    if let Value::Object(object) = this {
        if let Class::Date(t) = &mut object.borrow_mut(&ctx).class {
            *t = v;
        }
    }
    Ok(Value::Number(v))
}

/// ToNumber of argument `i` (`undefined` when absent).
fn number_arg<'gc>(ctx: Ctx<'gc>, args: &[Value<'gc>], i: usize) -> Result<f64, Throw<'gc>> {
    ops::to_number(ctx, arg(args, i))
}

/// ToNumber of argument `i` if it was supplied ("if ms is not specified" in the setters
/// counts arguments, so an explicit `undefined` is specified and converts to NaN), else
/// `default`.
fn optional_number_arg<'gc>(
    ctx: Ctx<'gc>,
    args: &[Value<'gc>],
    i: usize,
    default: f64,
) -> Result<f64, Throw<'gc>> {
    if i < args.len() {
        ops::to_number(ctx, args[i])
    } else {
        Ok(default)
    }
}

/// The object `new Date(...)` is initialising: the fresh `this` the interpreter made, when the
/// call is a construction.
fn constructed_object<'gc>(ctx: Ctx<'gc>, this: Value<'gc>) -> Option<Object<'gc>> {
    if !ctx.constructing {
        return None;
    }
    this.as_object()
}

/// Steps 1–9 of 15.9.3.1 `new Date(year, month [, date [, hours [, minutes [, seconds [, ms]]]]])`,
/// shared with `Date.UTC` (15.9.4.3): the date the components describe, before `UTC` and
/// `TimeClip`. Absent components after the month default to the first day, midnight; the
/// month itself is converted even when absent (to NaN), as ES5.1 says.
fn date_from_components<'gc>(ctx: Ctx<'gc>, args: &[Value<'gc>]) -> Result<f64, Throw<'gc>> {
    // 1. Let y be ToNumber(year).
    let y = number_arg(ctx, args, 0)?;
    // 2. Let m be ToNumber(month).
    let m = number_arg(ctx, args, 1)?;
    // 3. If date is supplied let dt be ToNumber(date); else let dt be 1.
    let dt = optional_number_arg(ctx, args, 2, 1.0)?;
    // 4. If hours is supplied let h be ToNumber(hours); else let h be 0.
    let h = optional_number_arg(ctx, args, 3, 0.0)?;
    // 5. If minutes is supplied let min be ToNumber(minutes); else let min be 0.
    let min = optional_number_arg(ctx, args, 4, 0.0)?;
    // 6. If seconds is supplied let s be ToNumber(seconds); else let s be 0.
    let s = optional_number_arg(ctx, args, 5, 0.0)?;
    // 7. If ms is supplied let milli be ToNumber(ms); else let milli be 0.
    let milli = optional_number_arg(ctx, args, 6, 0.0)?;
    // 8. If y is not NaN and 0 ≤ ToInteger(y) ≤ 99, then let yr be 1900+ToInteger(y);
    //    otherwise, let yr be y.
    let yr = full_year(y);
    // 9. Let finalDate be MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli)).
    Ok(date::make_date(
        date::make_day(yr, m, dt),
        date::make_time(h, min, s, milli),
    ))
}

/// The two-digit year rule of 15.9.3.1 step 8 and B.2.5 step 4: 0–99 mean 1900–1999.
fn full_year(y: f64) -> f64 {
    let integer = date::to_integer(y);
    if !y.is_nan() && (0.0..=99.0).contains(&integer) {
        1900.0 + integer
    } else {
        y
    }
}

/// ES5.1 15.9.4.2: the time value of a string, as `Date.parse` reads it.
fn parse_string<'gc>(ctx: Ctx<'gc>, s: crate::string::JsString<'gc>) -> f64 {
    date::parse(&s.to_rust_string(&ctx))
}

// ---- The constructor (15.9.2, 15.9.3) and its properties (15.9.4) -------------------------------

/// 15.9.2.1 `Date([year [, month [, ...]]])` called as a function, and 15.9.3 `new Date(...)`.
fn date_constructor<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    let Some(object) = constructed_object(ctx, this) else {
        // 15.9.2.1: All of the arguments are optional; any arguments supplied are accepted but
        // are completely ignored. A String is created and returned as if by the expression
        // (new Date()).toString().
        return Ok(ctx.string(&date::to_string(date::now())));
    };
    let time_value = match args.len() {
        // 15.9.3.3 new Date(): the [[PrimitiveValue]] is set to the time value (UTC)
        // identifying the current time.
        0 => date::now(),
        // 15.9.3.2 new Date(value)
        1 => {
            // 1. Let v be ToPrimitive(value).
            let v = ops::to_primitive(ctx, args[0], Hint::Default)?;
            let time = match v {
                // 2. If Type(v) is String, then parse v as a date, in exactly the same manner
                //    as for the parse method (15.9.4.2); let V be the time value for this date.
                Value::String(s) => parse_string(ctx, s),
                // 3. Else, let V be ToNumber(v).
                other => ops::to_number(ctx, other)?,
            };
            // 4. Set the [[PrimitiveValue]] internal property of the newly constructed object
            //    to TimeClip(V) and return.
            date::time_clip(time)
        }
        // 15.9.3.1 new Date(year, month [, date [, hours [, minutes [, seconds [, ms]]]]])
        _ => {
            // 1.–9. finalDate from the components, read as local time.
            let final_date = date_from_components(ctx, args)?;
            // 10. Set the [[PrimitiveValue]] internal property of the newly constructed object
            //     to TimeClip(UTC(finalDate)).
            date::time_clip(date::utc_from_local(final_date))
        }
    };
    // The [[Prototype]] is the original Date prototype object, the [[Class]] is "Date" and
    // [[Extensible]] is true: the interpreter made the object; it becomes a Date here.
    object.borrow_mut(&ctx).class = Class::Date(time_value);
    Ok(Value::Object(object))
}

/// 15.9.4.2 Date.parse(string)
fn parse<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // The parse function applies the ToString operator to its argument and interprets the
    // resulting String as a date and time; it returns a Number, the UTC time value
    // corresponding to the date and time (NaN if the String is not recognised).
    let s = ops::to_string(ctx, arg(args, 0))?;
    Ok(Value::Number(parse_string(ctx, s)))
}

/// 15.9.4.3 Date.UTC(year, month [, date [, hours [, minutes [, seconds [, ms]]]]])
fn utc<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1.–7. Convert the components; 8. the two-digit year rule; 9. finalDate.
    let final_date = date_from_components(*ctx, args)?;
    // 10. Return TimeClip(MakeDate(MakeDay(yr, m, dt), MakeTime(h, min, s, milli))).
    Ok(Value::Number(date::time_clip(final_date)))
}

/// 15.9.4.4 Date.now()
fn now<'gc>(_ctx: &Ctx<'gc>, _this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // The now function returns a Number value that is the time value designating the UTC date
    // and time of the occurrence of the call to now.
    Ok(Value::Number(date::now()))
}

// ---- Conversions to strings and numbers (15.9.5.2–15.9.5.9, 15.9.5.42–15.9.5.44) ------------

/// The body of the methods that format this time value with one of `date`'s formatters.
fn format_with<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    format: fn(f64) -> String,
) -> NativeResult<'gc> {
    let t = this_time_value(ctx, this)?;
    Ok(ctx.string(&format(t)))
}

/// 15.9.5.2 Date.prototype.toString(): the date in the current time zone, in a convenient,
/// human-readable form.
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    format_with(*ctx, this, date::to_string)
}

/// 15.9.5.3 Date.prototype.toDateString(): the "date" portion in the current time zone.
fn to_date_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    format_with(*ctx, this, date::to_date_string)
}

/// 15.9.5.4 Date.prototype.toTimeString(): the "time" portion in the current time zone.
fn to_time_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    format_with(*ctx, this, date::to_time_string)
}

/// 15.9.5.5 Date.prototype.toLocaleString(): the date in the current time zone, in a form
/// matching the conventions of the host's current locale (always en-US here).
fn to_locale_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    format_with(*ctx, this, date::to_locale_string)
}

/// 15.9.5.6 Date.prototype.toLocaleDateString()
fn to_locale_date_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    format_with(*ctx, this, date::to_locale_date_string)
}

/// 15.9.5.7 Date.prototype.toLocaleTimeString()
fn to_locale_time_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    format_with(*ctx, this, date::to_locale_time_string)
}

/// 15.9.5.42 Date.prototype.toUTCString(), also B.2.6 Date.prototype.toGMTString (the same
/// function object).
fn to_utc_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    format_with(*ctx, this, date::to_utc_string)
}

/// 15.9.5.43 Date.prototype.toISOString()
fn to_iso_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let t = this_time_value(ctx, this)?;
    // The format is the Date Time String Format of 15.9.1.15, in UTC. If the time value of
    // this object is not a finite Number a RangeError exception is thrown.
    match date::to_iso_string(t) {
        Some(text) => Ok(ctx.string(&text)),
        None => Err(ctx.range_error("Invalid time value")),
    }
}

/// 15.9.5.44 Date.prototype.toJSON(key): generic, for any object with a `toISOString`.
fn to_json<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject, giving it the this value as its argument.
    let o = Value::Object(ops::to_object(ctx, this)?);
    // 2. Let tv be ToPrimitive(O, hint Number).
    let tv = ops::to_primitive(ctx, o, Hint::Number)?;
    // 3. If tv is a Number and is not finite, return null.
    if let Value::Number(n) = tv {
        if !n.is_finite() {
            return Ok(Value::Null);
        }
    }
    // 4. Let toISO be the result of calling the [[Get]] internal method of O with argument
    //    "toISOString".
    let key = ctx.realm().key(ctx, "toISOString");
    let to_iso = ops::get(ctx, o, key)?;
    // 5. If IsCallable(toISO) is false, throw a TypeError exception.
    if !to_iso.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("toISOString is not a function"));
    }
    // 6. Return the result of calling the [[Call]] internal method of toISO with O as the this
    //    value and an empty argument list.
    ctx.tail_call(to_iso, o, Vec::new())
}

/// 15.9.5.8 Date.prototype.valueOf(): this time value.
fn value_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // The valueOf function returns a Number, which is this time value.
    Ok(Value::Number(this_time_value(*ctx, this)?))
}

/// 15.9.5.9 Date.prototype.getTime()
fn get_time<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. Return this time value.
    Ok(Value::Number(this_time_value(*ctx, this)?))
}

// ---- Getters (15.9.5.10–15.9.5.26, B.2.4) ------------------------------------------------------

/// The getters of 15.9.5.10–15.9.5.25 all read one field of the time value, local or UTC:
/// ```text
/// 1. Let t be this time value.
/// 2. If t is NaN, return NaN.
/// 3. Return Field(LocalTime(t))   (or Field(t) for the UTC getters).
/// ```
macro_rules! getters {
    ($($(#[$doc:meta])* $name:ident = |$t:ident| $field:expr;)*) => {
        $($(#[$doc])*
        fn $name<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
            // 1. Let t be this time value.
            let $t = this_time_value(*ctx, this)?;
            // 2. If t is NaN, return NaN.
            if $t.is_nan() {
                return Ok(Value::Number(f64::NAN));
            }
            // 3. Return the field, of LocalTime(t) for the local getters.
            Ok(Value::Number($field))
        })*
    };
}

getters! {
    /// 15.9.5.10 Date.prototype.getFullYear(): YearFromTime(LocalTime(t)).
    get_full_year = |t| date::year_from_time(date::local_time(t));
    /// 15.9.5.11 Date.prototype.getUTCFullYear(): YearFromTime(t).
    get_utc_full_year = |t| date::year_from_time(t);
    /// 15.9.5.12 Date.prototype.getMonth(): MonthFromTime(LocalTime(t)).
    get_month = |t| date::month_from_time(date::local_time(t));
    /// 15.9.5.13 Date.prototype.getUTCMonth(): MonthFromTime(t).
    get_utc_month = |t| date::month_from_time(t);
    /// 15.9.5.14 Date.prototype.getDate(): DateFromTime(LocalTime(t)).
    get_date = |t| date::date_from_time(date::local_time(t));
    /// 15.9.5.15 Date.prototype.getUTCDate(): DateFromTime(t).
    get_utc_date = |t| date::date_from_time(t);
    /// 15.9.5.16 Date.prototype.getDay(): WeekDay(LocalTime(t)).
    get_day = |t| date::week_day(date::local_time(t));
    /// 15.9.5.17 Date.prototype.getUTCDay(): WeekDay(t).
    get_utc_day = |t| date::week_day(t);
    /// 15.9.5.18 Date.prototype.getHours(): HourFromTime(LocalTime(t)).
    get_hours = |t| date::hour_from_time(date::local_time(t));
    /// 15.9.5.19 Date.prototype.getUTCHours(): HourFromTime(t).
    get_utc_hours = |t| date::hour_from_time(t);
    /// 15.9.5.20 Date.prototype.getMinutes(): MinFromTime(LocalTime(t)).
    get_minutes = |t| date::min_from_time(date::local_time(t));
    /// 15.9.5.21 Date.prototype.getUTCMinutes(): MinFromTime(t).
    get_utc_minutes = |t| date::min_from_time(t);
    /// 15.9.5.22 Date.prototype.getSeconds(): SecFromTime(LocalTime(t)).
    get_seconds = |t| date::sec_from_time(date::local_time(t));
    /// 15.9.5.23 Date.prototype.getUTCSeconds(): SecFromTime(t).
    get_utc_seconds = |t| date::sec_from_time(t);
    /// 15.9.5.24 Date.prototype.getMilliseconds(): msFromTime(LocalTime(t)).
    get_milliseconds = |t| date::ms_from_time(date::local_time(t));
    /// 15.9.5.25 Date.prototype.getUTCMilliseconds(): msFromTime(t).
    get_utc_milliseconds = |t| date::ms_from_time(t);
    /// 15.9.5.26 Date.prototype.getTimezoneOffset(): (t − LocalTime(t)) / msPerMinute, the
    /// minutes local time is behind UTC.
    get_timezone_offset = |t| (t - date::local_time(t)) / date::MS_PER_MINUTE;
    /// B.2.4 Date.prototype.getYear(): YearFromTime(LocalTime(t)) − 1900.
    get_year = |t| date::year_from_time(date::local_time(t)) - 1900.0;
}

// ---- Setters (15.9.5.27–15.9.5.41, B.2.5) ------------------------------------------------------

/// 15.9.5.27 Date.prototype.setTime(time)
fn set_time<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    this_time_value(ctx, this)?;
    // 1. Let v be TimeClip(ToNumber(time)).
    let v = date::time_clip(number_arg(ctx, args, 0)?);
    // 2. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 3. Return v.
    set_this_time_value(ctx, this, v)
}

/// 15.9.5.28 Date.prototype.setMilliseconds(ms)
fn set_milliseconds<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value).
    let t = date::local_time(this_time_value(ctx, this)?);
    // 2. Let time be MakeTime(HourFromTime(t), MinFromTime(t), SecFromTime(t), ToNumber(ms)).
    let ms = number_arg(ctx, args, 0)?;
    let time = date::make_time(
        date::hour_from_time(t),
        date::min_from_time(t),
        date::sec_from_time(t),
        ms,
    );
    // 3. Let u be TimeClip(UTC(MakeDate(Day(t), time))).
    let u = date::time_clip(date::utc_from_local(date::make_date(date::day(t), time)));
    // 4. Set the [[PrimitiveValue]] internal property of this Date object to u.
    // 5. Return u.
    set_this_time_value(ctx, this, u)
}

/// 15.9.5.29 Date.prototype.setUTCMilliseconds(ms)
fn set_utc_milliseconds<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be this time value.
    let t = this_time_value(ctx, this)?;
    // 2. Let time be MakeTime(HourFromTime(t), MinFromTime(t), SecFromTime(t), ToNumber(ms)).
    let ms = number_arg(ctx, args, 0)?;
    let time = date::make_time(
        date::hour_from_time(t),
        date::min_from_time(t),
        date::sec_from_time(t),
        ms,
    );
    // 3. Let v be TimeClip(MakeDate(Day(t), time)).
    let v = date::time_clip(date::make_date(date::day(t), time));
    // 4. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 5. Return v.
    set_this_time_value(ctx, this, v)
}

/// 15.9.5.30 Date.prototype.setSeconds(sec [, ms])
fn set_seconds<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value).
    let t = date::local_time(this_time_value(ctx, this)?);
    // 2. Let s be ToNumber(sec).
    let s = number_arg(ctx, args, 0)?;
    // 3. If ms is not specified, then let milli be msFromTime(t); otherwise, let milli be
    //    ToNumber(ms).
    let milli = optional_number_arg(ctx, args, 1, date::ms_from_time(t))?;
    // 4. Let date be MakeDate(Day(t), MakeTime(HourFromTime(t), MinFromTime(t), s, milli)).
    let new_date = date::make_date(
        date::day(t),
        date::make_time(date::hour_from_time(t), date::min_from_time(t), s, milli),
    );
    // 5. Let u be TimeClip(UTC(date)).
    let u = date::time_clip(date::utc_from_local(new_date));
    // 6. Set the [[PrimitiveValue]] internal property of this Date object to u.
    // 7. Return u.
    set_this_time_value(ctx, this, u)
}

/// 15.9.5.31 Date.prototype.setUTCSeconds(sec [, ms])
fn set_utc_seconds<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be this time value.
    let t = this_time_value(ctx, this)?;
    // 2. Let s be ToNumber(sec).
    let s = number_arg(ctx, args, 0)?;
    // 3. If ms is not specified, then let milli be msFromTime(t); otherwise, let milli be
    //    ToNumber(ms).
    let milli = optional_number_arg(ctx, args, 1, date::ms_from_time(t))?;
    // 4. Let date be MakeDate(Day(t), MakeTime(HourFromTime(t), MinFromTime(t), s, milli)).
    let new_date = date::make_date(
        date::day(t),
        date::make_time(date::hour_from_time(t), date::min_from_time(t), s, milli),
    );
    // 5. Let v be TimeClip(date).
    let v = date::time_clip(new_date);
    // 6. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 7. Return v.
    set_this_time_value(ctx, this, v)
}

/// 15.9.5.32 Date.prototype.setMinutes(min [, sec [, ms]])
fn set_minutes<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value).
    let t = date::local_time(this_time_value(ctx, this)?);
    // 2. Let m be ToNumber(min).
    let m = number_arg(ctx, args, 0)?;
    // 3. If sec is not specified, then let s be SecFromTime(t); otherwise, let s be
    //    ToNumber(sec).
    let s = optional_number_arg(ctx, args, 1, date::sec_from_time(t))?;
    // 4. If ms is not specified, then let milli be msFromTime(t); otherwise, let milli be
    //    ToNumber(ms).
    let milli = optional_number_arg(ctx, args, 2, date::ms_from_time(t))?;
    // 5. Let date be MakeDate(Day(t), MakeTime(HourFromTime(t), m, s, milli)).
    let new_date = date::make_date(
        date::day(t),
        date::make_time(date::hour_from_time(t), m, s, milli),
    );
    // 6. Let u be TimeClip(UTC(date)).
    let u = date::time_clip(date::utc_from_local(new_date));
    // 7. Set the [[PrimitiveValue]] internal property of this Date object to u.
    // 8. Return u.
    set_this_time_value(ctx, this, u)
}

/// 15.9.5.33 Date.prototype.setUTCMinutes(min [, sec [, ms]])
fn set_utc_minutes<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be this time value.
    let t = this_time_value(ctx, this)?;
    // 2. Let m be ToNumber(min).
    let m = number_arg(ctx, args, 0)?;
    // 3. If sec is not specified, then let s be SecFromTime(t); otherwise, let s be
    //    ToNumber(sec).
    let s = optional_number_arg(ctx, args, 1, date::sec_from_time(t))?;
    // 4. If ms is not specified, then let milli be msFromTime(t); otherwise, let milli be
    //    ToNumber(ms).
    let milli = optional_number_arg(ctx, args, 2, date::ms_from_time(t))?;
    // 5. Let date be MakeDate(Day(t), MakeTime(HourFromTime(t), m, s, milli)).
    let new_date = date::make_date(
        date::day(t),
        date::make_time(date::hour_from_time(t), m, s, milli),
    );
    // 6. Let v be TimeClip(date).
    let v = date::time_clip(new_date);
    // 7. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 8. Return v.
    set_this_time_value(ctx, this, v)
}

/// 15.9.5.34 Date.prototype.setHours(hour [, min [, sec [, ms]]])
fn set_hours<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value).
    let t = date::local_time(this_time_value(ctx, this)?);
    // 2. Let h be ToNumber(hour).
    let h = number_arg(ctx, args, 0)?;
    // 3. If min is not specified, then let m be MinFromTime(t); otherwise, let m be
    //    ToNumber(min).
    let m = optional_number_arg(ctx, args, 1, date::min_from_time(t))?;
    // 4. If sec is not specified, then let s be SecFromTime(t); otherwise, let s be
    //    ToNumber(sec).
    let s = optional_number_arg(ctx, args, 2, date::sec_from_time(t))?;
    // 5. If ms is not specified, then let milli be msFromTime(t); otherwise, let milli be
    //    ToNumber(ms).
    let milli = optional_number_arg(ctx, args, 3, date::ms_from_time(t))?;
    // 6. Let date be MakeDate(Day(t), MakeTime(h, m, s, milli)).
    let new_date = date::make_date(date::day(t), date::make_time(h, m, s, milli));
    // 7. Let u be TimeClip(UTC(date)).
    let u = date::time_clip(date::utc_from_local(new_date));
    // 8. Set the [[PrimitiveValue]] internal property of this Date object to u.
    // 9. Return u.
    set_this_time_value(ctx, this, u)
}

/// 15.9.5.35 Date.prototype.setUTCHours(hour [, min [, sec [, ms]]])
fn set_utc_hours<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be this time value.
    let t = this_time_value(ctx, this)?;
    // 2. Let h be ToNumber(hour).
    let h = number_arg(ctx, args, 0)?;
    // 3. If min is not specified, then let m be MinFromTime(t); otherwise, let m be
    //    ToNumber(min).
    let m = optional_number_arg(ctx, args, 1, date::min_from_time(t))?;
    // 4. If sec is not specified, then let s be SecFromTime(t); otherwise, let s be
    //    ToNumber(sec).
    let s = optional_number_arg(ctx, args, 2, date::sec_from_time(t))?;
    // 5. If ms is not specified, then let milli be msFromTime(t); otherwise, let milli be
    //    ToNumber(ms).
    let milli = optional_number_arg(ctx, args, 3, date::ms_from_time(t))?;
    // 6. Let newDate be MakeDate(Day(t), MakeTime(h, m, s, milli)).
    let new_date = date::make_date(date::day(t), date::make_time(h, m, s, milli));
    // 7. Let v be TimeClip(newDate).
    let v = date::time_clip(new_date);
    // 8. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 9. Return v.
    set_this_time_value(ctx, this, v)
}

/// 15.9.5.36 Date.prototype.setDate(date)
fn set_date<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value).
    let t = date::local_time(this_time_value(ctx, this)?);
    // 2. Let dt be ToNumber(date).
    let dt = number_arg(ctx, args, 0)?;
    // 3. Let newDate be MakeDate(MakeDay(YearFromTime(t), MonthFromTime(t), dt),
    //    TimeWithinDay(t)).
    let new_date = date::make_date(
        date::make_day(date::year_from_time(t), date::month_from_time(t), dt),
        date::time_within_day(t),
    );
    // 4. Let u be TimeClip(UTC(newDate)).
    let u = date::time_clip(date::utc_from_local(new_date));
    // 5. Set the [[PrimitiveValue]] internal property of this Date object to u.
    // 6. Return u.
    set_this_time_value(ctx, this, u)
}

/// 15.9.5.37 Date.prototype.setUTCDate(date)
fn set_utc_date<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be this time value.
    let t = this_time_value(ctx, this)?;
    // 2. Let dt be ToNumber(date).
    let dt = number_arg(ctx, args, 0)?;
    // 3. Let newDate be MakeDate(MakeDay(YearFromTime(t), MonthFromTime(t), dt),
    //    TimeWithinDay(t)).
    let new_date = date::make_date(
        date::make_day(date::year_from_time(t), date::month_from_time(t), dt),
        date::time_within_day(t),
    );
    // 4. Let v be TimeClip(newDate).
    let v = date::time_clip(new_date);
    // 5. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 6. Return v.
    set_this_time_value(ctx, this, v)
}

/// 15.9.5.38 Date.prototype.setMonth(month [, date])
fn set_month<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value).
    let t = date::local_time(this_time_value(ctx, this)?);
    // 2. Let m be ToNumber(month).
    let m = number_arg(ctx, args, 0)?;
    // 3. If date is not specified, then let dt be DateFromTime(t); otherwise, let dt be
    //    ToNumber(date).
    let dt = optional_number_arg(ctx, args, 1, date::date_from_time(t))?;
    // 4. Let newDate be MakeDate(MakeDay(YearFromTime(t), m, dt), TimeWithinDay(t)).
    let new_date = date::make_date(
        date::make_day(date::year_from_time(t), m, dt),
        date::time_within_day(t),
    );
    // 5. Let u be TimeClip(UTC(newDate)).
    let u = date::time_clip(date::utc_from_local(new_date));
    // 6. Set the [[PrimitiveValue]] internal property of this Date object to u.
    // 7. Return u.
    set_this_time_value(ctx, this, u)
}

/// 15.9.5.39 Date.prototype.setUTCMonth(month [, date])
fn set_utc_month<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be this time value.
    let t = this_time_value(ctx, this)?;
    // 2. Let m be ToNumber(month).
    let m = number_arg(ctx, args, 0)?;
    // 3. If date is not specified, then let dt be DateFromTime(t); otherwise, let dt be
    //    ToNumber(date).
    let dt = optional_number_arg(ctx, args, 1, date::date_from_time(t))?;
    // 4. Let newDate be MakeDate(MakeDay(YearFromTime(t), m, dt), TimeWithinDay(t)).
    let new_date = date::make_date(
        date::make_day(date::year_from_time(t), m, dt),
        date::time_within_day(t),
    );
    // 5. Let v be TimeClip(newDate).
    let v = date::time_clip(new_date);
    // 6. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 7. Return v.
    set_this_time_value(ctx, this, v)
}

/// 15.9.5.40 Date.prototype.setFullYear(year [, month [, date]])
fn set_full_year<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value); but if this time value is NaN, let
    //    t be +0.
    let tv = this_time_value(ctx, this)?;
    let t = if tv.is_nan() {
        0.0
    } else {
        date::local_time(tv)
    };
    // 2. Let y be ToNumber(year).
    let y = number_arg(ctx, args, 0)?;
    // 3. If month is not specified, then let m be MonthFromTime(t); otherwise, let m be
    //    ToNumber(month).
    let m = optional_number_arg(ctx, args, 1, date::month_from_time(t))?;
    // 4. If date is not specified, then let dt be DateFromTime(t); otherwise, let dt be
    //    ToNumber(date).
    let dt = optional_number_arg(ctx, args, 2, date::date_from_time(t))?;
    // 5. Let newDate be MakeDate(MakeDay(y, m, dt), TimeWithinDay(t)).
    let new_date = date::make_date(date::make_day(y, m, dt), date::time_within_day(t));
    // 6. Let u be TimeClip(UTC(newDate)).
    let u = date::time_clip(date::utc_from_local(new_date));
    // 7. Set the [[PrimitiveValue]] internal property of this Date object to u.
    // 8. Return u.
    set_this_time_value(ctx, this, u)
}

/// 15.9.5.41 Date.prototype.setUTCFullYear(year [, month [, date]])
fn set_utc_full_year<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be this time value; but if this time value is NaN, let t be +0.
    let tv = this_time_value(ctx, this)?;
    let t = if tv.is_nan() { 0.0 } else { tv };
    // 2. Let y be ToNumber(year).
    let y = number_arg(ctx, args, 0)?;
    // 3. If month is not specified, then let m be MonthFromTime(t); otherwise, let m be
    //    ToNumber(month).
    let m = optional_number_arg(ctx, args, 1, date::month_from_time(t))?;
    // 4. If date is not specified, then let dt be DateFromTime(t); otherwise, let dt be
    //    ToNumber(date).
    let dt = optional_number_arg(ctx, args, 2, date::date_from_time(t))?;
    // 5. Let newDate be MakeDate(MakeDay(y, m, dt), TimeWithinDay(t)).
    let new_date = date::make_date(date::make_day(y, m, dt), date::time_within_day(t));
    // 6. Let v be TimeClip(newDate).
    let v = date::time_clip(new_date);
    // 7. Set the [[PrimitiveValue]] internal property of this Date object to v.
    // 8. Return v.
    set_this_time_value(ctx, this, v)
}

/// B.2.5 Date.prototype.setYear(year)
fn set_year<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let t be the result of LocalTime(this time value); but if this time value is NaN, let
    //    t be +0.
    let tv = this_time_value(ctx, this)?;
    let t = if tv.is_nan() {
        0.0
    } else {
        date::local_time(tv)
    };
    // 2. Call ToNumber(year), giving Result(2).
    let year = number_arg(ctx, args, 0)?;
    // 3. If Result(2) is NaN, set the [[PrimitiveValue]] internal property of the this value to
    //    NaN and return NaN.
    if year.is_nan() {
        return set_this_time_value(ctx, this, f64::NAN);
    }
    // 4. If Result(2) is not NaN and 0 ≤ ToInteger(Result(2)) ≤ 99 then Result(4) is
    //    ToInteger(Result(2)) + 1900. Otherwise, Result(4) is Result(2).
    let full = full_year(year);
    // 5. Compute MakeDay(Result(4), MonthFromTime(t), DateFromTime(t)).
    let day = date::make_day(full, date::month_from_time(t), date::date_from_time(t));
    // 6. Compute UTC(MakeDate(Result(5), TimeWithinDay(t))).
    let utc = date::utc_from_local(date::make_date(day, date::time_within_day(t)));
    // 7. Set the [[PrimitiveValue]] internal property of the this value to TimeClip(Result(6)).
    // 8. Return the value of the [[PrimitiveValue]] internal property of the this value.
    set_this_time_value(ctx, this, date::time_clip(utc))
}

// ---- Installation --------------------------------------------------------------------------------

/// The methods of Date.prototype with their `length` (15.9.5: the number of named arguments).
const PROTOTYPE_METHODS: [(&str, NativeFn, u32); 45] = [
    ("toString", to_string, 0),
    ("toDateString", to_date_string, 0),
    ("toTimeString", to_time_string, 0),
    ("toLocaleString", to_locale_string, 0),
    ("toLocaleDateString", to_locale_date_string, 0),
    ("toLocaleTimeString", to_locale_time_string, 0),
    ("valueOf", value_of, 0),
    ("getTime", get_time, 0),
    ("getFullYear", get_full_year, 0),
    ("getUTCFullYear", get_utc_full_year, 0),
    ("getMonth", get_month, 0),
    ("getUTCMonth", get_utc_month, 0),
    ("getDate", get_date, 0),
    ("getUTCDate", get_utc_date, 0),
    ("getDay", get_day, 0),
    ("getUTCDay", get_utc_day, 0),
    ("getHours", get_hours, 0),
    ("getUTCHours", get_utc_hours, 0),
    ("getMinutes", get_minutes, 0),
    ("getUTCMinutes", get_utc_minutes, 0),
    ("getSeconds", get_seconds, 0),
    ("getUTCSeconds", get_utc_seconds, 0),
    ("getMilliseconds", get_milliseconds, 0),
    ("getUTCMilliseconds", get_utc_milliseconds, 0),
    ("getTimezoneOffset", get_timezone_offset, 0),
    ("setTime", set_time, 1),
    ("setMilliseconds", set_milliseconds, 1),
    ("setUTCMilliseconds", set_utc_milliseconds, 1),
    ("setSeconds", set_seconds, 2),
    ("setUTCSeconds", set_utc_seconds, 2),
    ("setMinutes", set_minutes, 3),
    ("setUTCMinutes", set_utc_minutes, 3),
    ("setHours", set_hours, 4),
    ("setUTCHours", set_utc_hours, 4),
    ("setDate", set_date, 1),
    ("setUTCDate", set_utc_date, 1),
    ("setMonth", set_month, 2),
    ("setUTCMonth", set_utc_month, 2),
    ("setFullYear", set_full_year, 3),
    ("setUTCFullYear", set_utc_full_year, 3),
    ("toISOString", to_iso_string, 0),
    ("toJSON", to_json, 1),
    // Annex B.
    ("getYear", get_year, 0),
    ("setYear", set_year, 1),
    ("toUTCString", to_utc_string, 0),
];

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let prototype = realm.date_prototype;
    // 15.9.5: The Date prototype object is itself a Date object (its [[Class]] is "Date") whose
    // [[PrimitiveValue]] is NaN.
    prototype.borrow_mut(&ctx).class = Class::Date(f64::NAN);

    // 15.9.4: the Date constructor has a length property whose value is 7.
    let constructor = realm.native_function(ctx, date_constructor, 7, true);
    define_constructor(ctx, "Date", constructor, prototype);
    realm.define_functions(
        ctx,
        constructor,
        &[("parse", parse, 1), ("UTC", utc, 7), ("now", now, 0)],
    );

    realm.define_functions(ctx, prototype, &PROTOTYPE_METHODS);
    // B.2.6: The Function object that is the initial value of Date.prototype.toGMTString is the
    // same Function object that is the initial value of Date.prototype.toUTCString.
    let to_utc = realm.key(ctx, "toUTCString");
    if let Some(property) = prototype.own_property(ctx, to_utc) {
        let to_gmt = realm.key(ctx, "toGMTString");
        prototype.set_own(&ctx, to_gmt, property);
    }
}
