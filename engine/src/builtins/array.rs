//! The Array constructor and Array.prototype (ES5.1 15.4), except the methods that call a
//! callback per element (`forEach`, `map`, `filter`, `some`, `every`, `reduce`,
//! `reduceRight`, `sort`), which are self-hosted in JavaScript (`js/array.js`; `sort` hands
//! the comparisons to `merge_sort.rs`).
//!
//! Every method is generic, as the spec says: it works on any object with a `length`, and
//! reads and writes elements through `[[Get]]`, `[[Put]]`, `[[Delete]]` and `[[HasProperty]]`
//! (`vm::ops`), so holes, accessors, inherited elements and the array `length` bookkeeping
//! behave as specified.
//!
//! ## Sparse objects
//! The spec's loops run over every index below `length`, which can be 2^32 - 1 for an object
//! with a single element (`var a = []; a[4294967294] = 1; a.indexOf(1)`). Every such loop
//! here goes through a [`Walk`], which visits only the indices where a step can do anything
//! when the range is much larger than the number of properties (see `walk.rs`).
//!
//! ## Where this follows V8 (and ES6) rather than the letter of ES5.1
//! - `splice(start)` without a deleteCount removes everything from `start` on.
//! - `concat`, `slice` and `splice` set the new array's `length` at the end, so trailing holes
//!   count (`[,].concat().length` is 1).
//! - `join` and `toLocaleString` turn an object met again while it is being joined (a cycle,
//!   `a[0] = a`) into the empty string, and nest at most [`MAX_JOIN_DEPTH`] deep.
//! - `toLocaleString` separates with ",".

mod from;
mod walk;

use super::{arg, define_constructor};
use crate::convert;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::string::{JsString, Units, MAX_LENGTH};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use std::cell::RefCell;
use walk::{Touch, Walk};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 2^32 - 1: the first integer that is no longer an array index.
const MAX_INDEX_PLUS_ONE: f64 = 4_294_967_295.0;

// ---- Helpers ----------------------------------------------------------------------------------

/// The property key of the integer `k` (ToString(k)): an index below 2^32 - 1, else a name.
fn key_at<'gc>(ctx: Ctx<'gc>, k: f64) -> PropertyKey<'gc> {
    if (0.0..MAX_INDEX_PLUS_ONE).contains(&k) {
        PropertyKey::Index(k as u32)
    } else {
        ctx.realm().key(ctx, &convert::number_to_string(k))
    }
}

/// A new, empty array with `length`.
fn new_array<'gc>(ctx: Ctx<'gc>, length: u32) -> Object<'gc> {
    let realm = ctx.realm();
    let array = Object::new(&ctx, Some(realm.array_prototype), Class::Array);
    array.set_own_value(
        &ctx,
        realm.atoms.length,
        Value::Number(f64::from(length)),
        Attributes::new(true, false, false),
    );
    array
}

/// ToUint32(Get(O, "length")), the length every method starts from.
fn length_of<'gc>(ctx: Ctx<'gc>, object: Object<'gc>) -> Result<f64, Throw<'gc>> {
    let length = ops::get(ctx, Value::Object(object), ctx.realm().atoms.length)?;
    Ok(f64::from(convert::to_uint32(ops::to_number(ctx, length)?)))
}

/// Put(O, "length", n, true).
fn put_length<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, n: f64) -> Result<(), Throw<'gc>> {
    ops::put(
        ctx,
        Value::Object(object),
        ctx.realm().atoms.length,
        Value::Number(n),
        true,
    )
}

/// ToInteger(value).
fn to_integer<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<f64, Throw<'gc>> {
    Ok(convert::to_integer(ops::to_number(ctx, value)?))
}

/// A relative position (slice and splice): negative counts from `len`; clamped to 0..=len.
fn relative<'gc>(ctx: Ctx<'gc>, value: Value<'gc>, len: f64) -> Result<f64, Throw<'gc>> {
    let relative = to_integer(ctx, value)?;
    Ok(if relative < 0.0 {
        (len + relative).max(0.0)
    } else {
        relative.min(len)
    })
}

/// The element at `k`, if HasProperty says there is one.
fn element_at<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    k: f64,
) -> Result<Option<Value<'gc>>, Throw<'gc>> {
    let key = key_at(ctx, k);
    // An own data property answers both questions at once.
    if let Some(Property {
        slot: Slot::Data(value),
        ..
    }) = object.own_property(ctx, key)
    {
        return Ok(Some(value));
    }
    if !ops::has_property(ctx, object, key) {
        return Ok(None);
    }
    ops::get(ctx, Value::Object(object), key).map(Some)
}

/// The spec's move step (shift, splice, unshift): "If HasProperty(from) is true, Put(to,
/// Get(from), true); else Delete(to, true)".
fn move_element<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    from: f64,
    to: f64,
) -> Result<(), Throw<'gc>> {
    let to = key_at(ctx, to);
    match element_at(ctx, object, from)? {
        Some(value) => ops::put(ctx, Value::Object(object), to, value, true),
        None => ops::delete(ctx, object, to, true).map(drop),
    }
}

/// Delete(O, ToString(k), true).
fn delete_at<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, k: f64) -> Result<(), Throw<'gc>> {
    ops::delete(ctx, object, key_at(ctx, k), true).map(drop)
}

/// `[[DefineOwnProperty]]`(A, ToString(n), {value, writable, enumerable, configurable: true})
/// on a new array no script has seen yet; its `length` is set once it is complete.
fn define_element<'gc>(ctx: Ctx<'gc>, array: Object<'gc>, n: f64, value: Value<'gc>) {
    array.set_own_value(&ctx, key_at(ctx, n), value, Attributes::ALL);
}

// ---- Building strings -------------------------------------------------------------------------

/// A string being built (join), one byte per unit while every unit fits in Latin-1.
enum Builder {
    Latin1(Vec<u8>),
    Wide(Vec<u16>),
}

impl Builder {
    fn len(&self) -> usize {
        match self {
            Builder::Latin1(bytes) => bytes.len(),
            Builder::Wide(units) => units.len(),
        }
    }

    /// The units built so far.
    fn units(&self) -> Units<'_> {
        match self {
            Builder::Latin1(bytes) => Units::Latin1(bytes),
            Builder::Wide(units) => Units::Utf16(units),
        }
    }

    /// Appends `units` `count` times, or fails when the result would be longer than a string
    /// can be.
    fn push(&mut self, units: Units<'_>, count: usize) -> Result<(), ()> {
        let total = units.len().checked_mul(count).ok_or(())?;
        if total == 0 {
            return Ok(());
        }
        if self.len() + total > MAX_LENGTH {
            return Err(());
        }
        if let (Builder::Latin1(bytes), Units::Utf16(_)) = (&*self, &units) {
            *self = Builder::Wide(bytes.iter().map(|&b| u16::from(b)).collect());
        }
        match (self, units) {
            (Builder::Latin1(bytes), Units::Latin1(more)) => {
                bytes.reserve(total);
                for _ in 0..count {
                    bytes.extend_from_slice(more);
                }
            }
            (Builder::Wide(wide), Units::Latin1(more)) => {
                wide.reserve(total);
                for _ in 0..count {
                    wide.extend(more.iter().map(|&b| u16::from(b)));
                }
            }
            (Builder::Wide(wide), Units::Utf16(more)) => {
                wide.reserve(total);
                for _ in 0..count {
                    wide.extend_from_slice(more);
                }
            }
            // Widened above.
            (Builder::Latin1(_), Units::Utf16(_)) => return Err(()),
        }
        Ok(())
    }

    fn finish<'gc>(self, ctx: Ctx<'gc>) -> JsString<'gc> {
        match self {
            Builder::Latin1(bytes) => JsString::from_latin1(&ctx, bytes),
            Builder::Wide(units) => JsString::from_units(&ctx, &units),
        }
    }
}

thread_local! {
    /// The objects whose elements `join` or `toLocaleString` is converting, innermost last.
    static JOINING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// How deeply joins may nest (`[[[...]]].join()`): each level is a native recursion through
/// ToString, which no interpreter frame limit bounds.
const MAX_JOIN_DEPTH: usize = 100;

/// An object's place on the [`JOINING`] stack, left when dropped.
struct Joining;

impl Joining {
    /// Enters the join of `object`; `None` when that object is already being joined.
    fn enter<'gc>(ctx: Ctx<'gc>, object: Object<'gc>) -> Result<Option<Joining>, Throw<'gc>> {
        JOINING.with(|stack| {
            let mut stack = stack.borrow_mut();
            if stack.contains(&object.address()) {
                return Ok(None);
            }
            if stack.len() >= MAX_JOIN_DEPTH {
                return Err(ctx.range_error("Maximum call stack size exceeded"));
            }
            stack.push(object.address());
            Ok(Some(Joining))
        })
    }
}

impl Drop for Joining {
    fn drop(&mut self) {
        JOINING.with(|stack| stack.borrow_mut().pop());
    }
}

/// The shared body of `join` and `toLocaleString`: the elements of `object` below `len`,
/// each converted by `convert` (undefined and null become the empty string), separated by
/// `separator`.
fn join_elements<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    len: f64,
    separator: JsString<'gc>,
    convert: fn(Ctx<'gc>, Value<'gc>) -> Result<JsString<'gc>, Throw<'gc>>,
) -> NativeResult<'gc> {
    // A cycle (an array that contains itself) joins as the empty string where it recurs, as
    // in V8; the spec's algorithm would recurse until the stack overflows.
    let Some(_joining) = Joining::enter(ctx, object)? else {
        return Ok(ctx.string(""));
    };
    let too_long = || ctx.range_error("Invalid string length");
    // The separators alone must fit in a string.
    if (len - 1.0) * separator.len() as f64 > MAX_LENGTH as f64 {
        return Err(too_long());
    }
    let separator = separator.with_units(&ctx, |units| match units {
        Units::Latin1(bytes) => Builder::Latin1(bytes.to_vec()),
        Units::Utf16(units) => Builder::Wide(units.to_vec()),
    });
    let separators = |builder: &mut Builder, count: f64| {
        builder
            .push(separator.units(), count as usize)
            .map_err(|()| too_long())
    };
    let mut builder = Builder::Latin1(Vec::new());
    // The element last written: the separators between it and the next are owed.
    let mut last = 0.0;
    let mut walk = Walk::new(ctx, object, 0.0, len, true, vec![Touch::Offset(0.0)]);
    while let Some(k) = walk.next(ctx) {
        // A plain element (the usual array of strings) is read where it is.
        let element = match object.fast_element(Value::Number(k)) {
            Some(element) => element,
            None => ops::get(ctx, Value::Object(object), key_at(ctx, k))?,
        };
        if element.is_nullish() {
            continue;
        }
        if matches!(element, Value::Object(_)) {
            // Its conversion runs script code, which may add elements.
            walk.dirty = true;
        }
        let text = convert(ctx, element)?;
        separators(&mut builder, k - last)?;
        last = k;
        text.with_units(&ctx, |units| builder.push(units, 1))
            .map_err(|()| too_long())?;
    }
    separators(&mut builder, len - 1.0 - last)?;
    Ok(Value::String(builder.finish(ctx)))
}

// ---- The constructor --------------------------------------------------------------------------

/// 15.4.1.1 Array(...) and 15.4.2 new Array(...): called as a function, Array makes a new
/// array just as `new Array` does.
fn array<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 15.4.2.2 new Array(len)
    if let [len] = args {
        return match *len {
            // If the argument len is a Number and ToUint32(len) is equal to len, then the
            // length property of the newly constructed object is set to ToUint32(len). If the
            // argument len is a Number and ToUint32(len) is not equal to len, a RangeError
            // exception is thrown.
            Value::Number(n) => {
                let length = convert::to_uint32(n);
                if f64::from(length) != n {
                    return Err(ctx.range_error("Invalid array length"));
                }
                Ok(Value::Object(new_array(ctx, length)))
            }
            // If the argument len is not a Number, then the length property of the newly
            // constructed object is set to 1 and the 0 property of the newly constructed
            // object is set to len.
            other => {
                let array = new_array(ctx, 1);
                define_element(ctx, array, 0.0, other);
                Ok(Value::Object(array))
            }
        };
    }
    // 15.4.2.1 new Array([item0 [, item1 [, … ]]]): the length property of the newly
    // constructed object is set to the number of arguments, and the 0 property to item0, the
    // 1 property to item1, and so on.
    let length = u32::try_from(args.len()).unwrap_or(u32::MAX);
    let array = new_array(ctx, length);
    for (i, item) in args.iter().enumerate() {
        define_element(ctx, array, i as f64, *item);
    }
    Ok(Value::Object(array))
}

/// 15.4.3.2 Array.isArray(arg)
fn is_array<'gc>(_ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. If Type(arg) is not Object, return false.
    // 2. If the value of the [[Class]] internal property of arg is "Array", then return true.
    // 3. Return false.
    let array =
        matches!(arg(args, 0), Value::Object(o) if matches!(o.borrow().class, Class::Array));
    Ok(Value::Bool(array))
}

// ---- Array.prototype --------------------------------------------------------------------------

/// 15.4.4.2 Array.prototype.toString()
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let array be the result of calling ToObject on the this value.
    let array = ops::to_object(ctx, this)?;
    // 2. Let func be the result of calling the [[Get]] internal method of array with argument
    //    "join".
    let func = ops::get(ctx, Value::Object(array), ctx.realm().key(ctx, "join"))?;
    // 3. If IsCallable(func) is false, then let func be the standard built-in method
    //    Object.prototype.toString (15.2.4.2).
    if !func.as_object().is_some_and(|f| f.is_callable()) {
        return Ok(ctx.string(&format!("[object {}]", super::object::class_name(array))));
    }
    // 4. Return the result of calling the [[Call]] internal method of func providing array as
    //    the this value and an empty arguments list.
    ctx.tail_call(func, Value::Object(array), Vec::new())
}

/// The conversion `toLocaleString` applies to each element (15.4.4.3 steps 7 and 10).
fn locale_string<'gc>(ctx: Ctx<'gc>, element: Value<'gc>) -> Result<JsString<'gc>, Throw<'gc>> {
    // Let elementObj be ToObject(element).
    let element = ops::to_object(ctx, element)?;
    // Let func be the result of calling the [[Get]] internal method of elementObj with
    // argument "toLocaleString".
    let func = ops::get(
        ctx,
        Value::Object(element),
        ctx.realm().key(ctx, "toLocaleString"),
    )?;
    // If IsCallable(func) is false, throw a TypeError exception.
    if !func.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("toLocaleString is not a function"));
    }
    // ToString(the result of calling the [[Call]] internal method of func providing
    // elementObj as the this value and an empty arguments list).
    let result = ops::call(ctx, func, Value::Object(element), &[])?;
    ops::to_string(ctx, result)
}

/// 15.4.4.3 Array.prototype.toLocaleString()
fn to_locale_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let array be the result of calling ToObject passing the this value as the argument.
    let array = ops::to_object(ctx, this)?;
    // 2. Let arrayLen be the result of calling the [[Get]] internal method of array with
    //    argument "length".
    // 3. Let len be ToUint32(arrayLen).
    let len = length_of(ctx, array)?;
    // 4. Let separator be the String value for the list-separator String appropriate for the
    //    host environment's current locale (this is derived in an implementation-defined
    //    way). Here: ",", as V8 has it.
    let separator = JsString::from_str(&ctx, ",");
    // 5. If len is zero, return the empty String.
    if len == 0.0 {
        return Ok(ctx.string(""));
    }
    // 6-11. Each element: the empty String when it is undefined or null, else the result of
    //    its toLocaleString method converted by ToString; joined with separator.
    join_elements(ctx, array, len, separator, locale_string)
}

/// 15.4.4.4 Array.prototype.concat([item1 [, item2 [, … ]]])
fn concat<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    // 2. Let A be a new array created as if by the expression new Array().
    let a = new_array(ctx, 0);
    // 3. Let n be 0.
    let mut n = 0.0;
    // 4. Let items be an internal List whose first element is O and whose subsequent
    //    elements are, in left to right order, the arguments that were passed to this function
    //    invocation.
    let items = std::iter::once(Value::Object(o)).chain(args.iter().copied());
    // 5. Repeat, while items is not empty
    for e in items {
        match e {
            // b. If the value of the [[Class]] internal property of E is "Array", then
            Value::Object(array) if matches!(array.borrow().class, Class::Array) => {
                // ii. Let len be the result of calling the [[Get]] internal method of E with
                //     argument "length".
                let len = length_of(ctx, array)?;
                // iii. Repeat, while k < len
                let mut walk = Walk::new(ctx, array, 0.0, len, true, vec![Touch::Offset(0.0)]);
                while let Some(k) = walk.next(ctx) {
                    // 1-2. Let P be ToString(k); let exists be HasProperty(E, P).
                    // 3. If exists is true, then let subElement be [[Get]](E, P) and call
                    //    [[DefineOwnProperty]](A, ToString(n + k), {subElement, true, true,
                    //    true}, false).
                    if let Some(sub_element) = element_at(ctx, array, k)? {
                        define_element(ctx, a, n + k, sub_element);
                    }
                }
                // 4-5. Increase n by 1 and k by 1, for each k below len.
                n += len;
            }
            // c. Else, E is not an Array: call [[DefineOwnProperty]](A, ToString(n), {E,
            //    true, true, true}, false) and increase n by 1.
            _ => {
                define_element(ctx, a, n, e);
                n += 1.0;
            }
        }
    }
    // The array's length is n, trailing holes included (ES5 leaves this step implicit; ES6
    // writes it, and a length past 2^32 - 1 is a RangeError).
    put_length(ctx, a, n)?;
    // 6. Return A.
    Ok(Value::Object(a))
}

/// 15.4.4.5 Array.prototype.join(separator)
fn join<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    // 2. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 3. Let len be ToUint32(lenVal).
    let len = length_of(ctx, o)?;
    // 4. If separator is undefined, let separator be the single-character String ",".
    // 5. Let sep be ToString(separator).
    let sep = match arg(args, 0) {
        Value::Undefined => JsString::from_str(&ctx, ","),
        separator => ops::to_string(ctx, separator)?,
    };
    // 6. If len is zero, return the empty String.
    if len == 0.0 {
        return Ok(ctx.string(""));
    }
    // 7-11. R is element0 (the empty String if undefined or null, else ToString(element0)),
    //    then for each k below len: R = R + sep + next, where next is the element at k
    //    converted the same way.
    join_elements(ctx, o, len, sep, ops::to_string)
}

/// 15.4.4.6 Array.prototype.pop()
fn pop<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    if let Some(element) = pop_element(ctx, o) {
        return Ok(element);
    }
    // 2. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 3. Let len be ToUint32(lenVal).
    let len = length_of(ctx, o)?;
    // 4. If len is zero,
    if len == 0.0 {
        // a. Call the [[Put]] internal method of O with arguments "length", 0, and true.
        put_length(ctx, o, 0.0)?;
        // b. Return undefined.
        return Ok(Value::Undefined);
    }
    // 5. Else, len > 0
    // a. Let indx be ToString(len–1).
    let index = key_at(ctx, len - 1.0);
    // b. Let element be the result of calling the [[Get]] internal method of O with argument
    //    indx.
    let element = ops::get(ctx, Value::Object(o), index)?;
    // c. Call the [[Delete]] internal method of O with arguments indx and true.
    ops::delete(ctx, o, index, true)?;
    // d. Call the [[Put]] internal method of O with arguments "length", indx, and true.
    put_length(ctx, o, len - 1.0)?;
    // e. Return element.
    Ok(element)
}

/// `pop` of an array whose last element is a plain element and whose `length` is writable
/// (what nearly every `pop` is): steps 2-5 come to taking the element out and storing the
/// length one less, with no lookup through the generic `[[Get]]`, `[[Delete]]` and `[[Put]]`
/// (the last of which runs the array length algorithm). `None`: anything else, for the spec's
/// steps.
fn pop_element<'gc>(ctx: Ctx<'gc>, o: Object<'gc>) -> Option<Value<'gc>> {
    let mut data = o.borrow_mut(&ctx);
    if !matches!(data.class, Class::Array) {
        return None;
    }
    let (at, length, _) = writable_length(&data.properties, ctx.realm().atoms.length)?;
    if length < 1.0 {
        return None;
    }
    // An array's length is an integer below 2^32, so the last index is a u32. An own
    // element is what `[[Get]]` finds before any prototype's, and deleting it (a plain
    // element is configurable) leaves no index at or above the new length to delete.
    let last = (length - 1.0) as u32;
    let element = data.properties.element(last)?;
    data.remove_property(PropertyKey::Index(last));
    // (Taking out an element moves no named entry: `length` is still at `at`.)
    data.properties
        .set_entry_value(at, Value::Number(length - 1.0));
    Some(element)
}

/// Where an array's `length` entry is, its value and attributes, when it is a writable data property
/// (the array's own, found once; storing a new length there is then a plain store, as a
/// writable data property's value changes nothing a cache or a prototype's watcher sees).
fn writable_length<'gc>(
    properties: &crate::object::PropertyMap<'gc>,
    length_key: PropertyKey<'gc>,
) -> Option<(usize, f64, Attributes)> {
    let at = properties.position(length_key)?;
    match properties.entry(at)? {
        Property {
            slot: Slot::Data(Value::Number(length)),
            attributes,
        } if attributes.writable() => Some((at, length, attributes)),
        _ => None,
    }
}

/// 15.4.4.7 Array.prototype.push([item1 [, item2 [, … ]]])
fn push<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    if let Some(n) = append_elements(ctx, o, args) {
        return Ok(Value::Number(n));
    }
    // 2. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 3. Let n be ToUint32(lenVal).
    let mut n = length_of(ctx, o)?;
    // 4. Let items be an internal List whose elements are, in left to right order, the
    //    arguments that were passed to this function invocation.
    // 5. Repeat, while items is not empty
    for item in args {
        // b. Call the [[Put]] internal method of O with arguments ToString(n), E, and true.
        ops::put(ctx, Value::Object(o), key_at(ctx, n), *item, true)?;
        // c. Increase n by 1.
        n += 1.0;
    }
    // 6. Call the [[Put]] internal method of O with arguments "length", n, and true.
    put_length(ctx, o, n)?;
    // 7. Return n.
    Ok(Value::Number(n))
}

/// `push`'s fast path: on an extensible array with a writable `length`, whose prototypes
/// have no index properties (so `[[Put]]` would find no setter or read-only element to stop
/// it), the steps come to appending plain elements and setting `length`. Returns the new
/// length, or `None` when the spec's path must run.
fn append_elements<'gc>(ctx: Ctx<'gc>, o: Object<'gc>, items: &[Value<'gc>]) -> Option<f64> {
    if !prototypes_without_indices(o) {
        return None;
    }
    let mut data = o.borrow_mut(&ctx);
    if !matches!(data.class, Class::Array) || !data.extensible {
        return None;
    }
    let (at, length, attributes) = writable_length(&data.properties, ctx.realm().atoms.length)?;
    let new_length = length + items.len() as f64;
    if new_length >= MAX_INDEX_PLUS_ONE {
        return None;
    }
    for (i, item) in (length as u32..).zip(items) {
        data.insert_property(
            &ctx,
            PropertyKey::Index(i),
            Property::data(*item, Attributes::ALL),
        );
    }
    // (An index beyond the elements goes to the named entries, which can change their
    // layout: `length` is stored where it is found to be now.)
    let length_key = ctx.realm().atoms.length;
    let at = match data.properties.has_key_at(at, length_key) {
        true => Some(at),
        false => data.properties.position(length_key),
    };
    match at {
        Some(at) => data
            .properties
            .set_entry_value(at, Value::Number(new_length)),
        None => data.insert_property(
            &ctx,
            length_key,
            Property::data(Value::Number(new_length), attributes),
        ),
    }
    Some(new_length)
}

/// `shift` of a dense array (every index below its length a plain element, its `length`
/// writable, nothing indexed on its prototypes), as a queue does it: the elements move down
/// in one step instead of a get, a put and a delete each, which no script can tell apart
/// (`None`: not such an array; the steps of 15.4.4.9 do it).
fn shift_elements<'gc>(ctx: Ctx<'gc>, o: Object<'gc>) -> Option<Value<'gc>> {
    if !prototypes_without_indices(o) {
        return None;
    }
    let mut data = o.borrow_mut(&ctx);
    if !matches!(data.class, Class::Array) {
        return None;
    }
    let (at, length, _) = writable_length(&data.properties, ctx.realm().atoms.length)?;
    let first = data.properties.shift_dense_elements(length as usize)?;
    // (Moving the elements moves no named entry: `length` is still at `at`.)
    data.properties
        .set_entry_value(at, Value::Number(length - 1.0));
    Some(first)
}

/// Whether no prototype of `o` has index properties or elements of its own kind (String
/// objects, `arguments`): then an array's elements are all there is to its indices.
fn prototypes_without_indices(o: Object<'_>) -> bool {
    let mut prototype = o.prototype();
    while let Some(p) = prototype {
        let data = p.borrow();
        if data.properties.has_indices() || !matches!(data.class, Class::Object | Class::Array) {
            return false;
        }
        prototype = data.prototype;
    }
    true
}

/// 15.4.4.8 Array.prototype.reverse()
fn reverse<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    let target = Value::Object(o);
    // 2. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 3. Let len be ToUint32(lenVal).
    let len = length_of(ctx, o)?;
    // 4. Let middle be floor(len/2).
    let middle = (len / 2.0).floor();
    // 5. Let lower be 0.
    // 6. Repeat, while lower ≠ middle
    let touches = vec![Touch::Offset(0.0), Touch::Mirror(len - 1.0)];
    let mut walk = Walk::new(ctx, o, 0.0, middle, true, touches);
    while let Some(lower) = walk.next(ctx) {
        // a. Let upper be len − lower − 1.
        let upper = len - lower - 1.0;
        // b. Let upperP be ToString(upper).
        // c. Let lowerP be ToString(lower).
        let upper_p = key_at(ctx, upper);
        let lower_p = key_at(ctx, lower);
        // d. Let lowerValue be the result of calling the [[Get]] internal method of O with
        //    argument lowerP.
        let lower_value = ops::get(ctx, target, lower_p)?;
        // e. Let upperValue be the result of calling the [[Get]] internal method of O with
        //    argument upperP.
        let upper_value = ops::get(ctx, target, upper_p)?;
        // f. Let lowerExists be the result of calling the [[HasProperty]] internal method of
        //    O with argument lowerP.
        let lower_exists = ops::has_property(ctx, o, lower_p);
        // g. Let upperExists be the result of calling the [[HasProperty]] internal method of
        //    O with argument upperP.
        let upper_exists = ops::has_property(ctx, o, upper_p);
        match (lower_exists, upper_exists) {
            // h. If lowerExists is true and upperExists is true, then
            (true, true) => {
                // i. Call the [[Put]] internal method of O with arguments lowerP, upperValue,
                //    and true.
                ops::put(ctx, target, lower_p, upper_value, true)?;
                // ii. Call the [[Put]] internal method of O with arguments upperP,
                //     lowerValue, and true.
                ops::put(ctx, target, upper_p, lower_value, true)?;
            }
            // i. Else if lowerExists is false and upperExists is true, then
            (false, true) => {
                // i. Call the [[Put]] internal method of O with arguments lowerP, upperValue,
                //    and true.
                ops::put(ctx, target, lower_p, upper_value, true)?;
                // ii. Call the [[Delete]] internal method of O, with arguments upperP and
                //     true.
                ops::delete(ctx, o, upper_p, true)?;
            }
            // j. Else if lowerExists is true and upperExists is false, then
            (true, false) => {
                // i. Call the [[Delete]] internal method of O, with arguments lowerP and true.
                ops::delete(ctx, o, lower_p, true)?;
                // ii. Call the [[Put]] internal method of O with arguments upperP, lowerValue,
                //     and true.
                ops::put(ctx, target, upper_p, lower_value, true)?;
            }
            // k. Else, both lowerExists and upperExists are false: no action is required.
            (false, false) => {}
        }
        // l. Increase lower by 1.
    }
    // 7. Return O.
    Ok(target)
}

/// 15.4.4.9 Array.prototype.shift()
fn shift<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    if let Some(first) = shift_elements(ctx, o) {
        return Ok(first);
    }
    // 2. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 3. Let len be ToUint32(lenVal).
    let len = length_of(ctx, o)?;
    // 4. If len is zero, then
    if len == 0.0 {
        // a. Call the [[Put]] internal method of O with arguments "length", 0, and true.
        put_length(ctx, o, 0.0)?;
        // b. Return undefined.
        return Ok(Value::Undefined);
    }
    // 5. Let first be the result of calling the [[Get]] internal method of O with argument
    //    "0".
    let first = ops::get(ctx, Value::Object(o), PropertyKey::Index(0))?;
    // 6. Let k be 1.
    // 7. Repeat, while k < len
    let touches = vec![Touch::Offset(0.0), Touch::Offset(-1.0)];
    let mut walk = Walk::new(ctx, o, 1.0, len, true, touches);
    while let Some(k) = walk.next(ctx) {
        // a. Let from be ToString(k).
        // b. Let to be ToString(k–1).
        // c-e. If HasProperty(from), Put(to, Get(from), true); else Delete(to, true).
        move_element(ctx, o, k, k - 1.0)?;
        // f. Increase k by 1.
    }
    // 8. Call the [[Delete]] internal method of O with arguments ToString(len–1) and true.
    delete_at(ctx, o, len - 1.0)?;
    // 9. Call the [[Put]] internal method of O with arguments "length", (len–1) , and true.
    put_length(ctx, o, len - 1.0)?;
    // 10. Return first.
    Ok(first)
}

/// 15.4.4.10 Array.prototype.slice(start, end)
fn slice<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    // 2. Let A be a new array created as if by the expression new Array().
    let a = new_array(ctx, 0);
    // 3. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 4. Let len be ToUint32(lenVal).
    let len = length_of(ctx, o)?;
    // 5. Let relativeStart be ToInteger(start).
    // 6. If relativeStart is negative, let k be max((len + relativeStart),0); else let k be
    //    min(relativeStart, len).
    let start = relative(ctx, arg(args, 0), len)?;
    // 7. If end is undefined, let relativeEnd be len; else let relativeEnd be ToInteger(end).
    // 8. If relativeEnd is negative, let final be max((len + relativeEnd),0); else let final
    //    be min(relativeEnd, len).
    let end = match arg(args, 1) {
        Value::Undefined => len,
        end => relative(ctx, end, len)?,
    };
    // 9. Let n be 0.
    // 10. Repeat, while k < final
    let mut walk = Walk::new(ctx, o, start, end, true, vec![Touch::Offset(0.0)]);
    while let Some(k) = walk.next(ctx) {
        // a. Let Pk be ToString(k).
        // b. Let kPresent be the result of calling the [[HasProperty]] internal method of O
        //    with argument Pk.
        // c. If kPresent is true, then let kValue be [[Get]](O, Pk) and call
        //    [[DefineOwnProperty]](A, ToString(n), {kValue, true, true, true}, false).
        if let Some(value) = element_at(ctx, o, k)? {
            define_element(ctx, a, k - start, value);
        }
        // d. Increase k by 1.
        // e. Increase n by 1.
    }
    // A's length is n, trailing holes included (implicit in ES5, written in ES6).
    put_length(ctx, a, (end - start).max(0.0))?;
    // 11. Return A.
    Ok(Value::Object(a))
}

/// 15.4.4.12 Array.prototype.splice(start, deleteCount [, item1 [, item2 [, … ]]])
///
/// As in V8 and ES6, `splice(start)` with no deleteCount deletes everything from start on
/// (ES5.1 would read the missing deleteCount as 0).
fn splice<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    // 2. Let A be a new array created as if by the expression new Array().
    let a = new_array(ctx, 0);
    // 3. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 4. Let len be ToUint32(lenVal).
    let len = length_of(ctx, o)?;
    // 5. Let relativeStart be ToInteger(start).
    // 6. If relativeStart is negative, let actualStart be max((len + relativeStart),0); else
    //    let actualStart be min(relativeStart, len).
    let actual_start = relative(ctx, arg(args, 0), len)?;
    // 7. Let actualDeleteCount be min(max(ToInteger(deleteCount),0), len – actualStart).
    let delete_count = match args.len() {
        0 => 0.0,
        1 => len - actual_start,
        _ => to_integer(ctx, args[1])?.max(0.0).min(len - actual_start),
    };
    // 8. Let k be 0.
    // 9. Repeat, while k < actualDeleteCount
    let touches = vec![Touch::Offset(actual_start)];
    let mut walk = Walk::new(ctx, o, 0.0, delete_count, true, touches);
    while let Some(k) = walk.next(ctx) {
        // a. Let from be ToString(actualStart+k).
        // b. Let fromPresent be the result of calling the [[HasProperty]] internal method of
        //    O with argument from.
        // c. If fromPresent is true, then let fromValue be [[Get]](O, from) and call
        //    [[DefineOwnProperty]](A, ToString(k), {fromValue, true, true, true}, false).
        if let Some(value) = element_at(ctx, o, actual_start + k)? {
            define_element(ctx, a, k, value);
        }
        // d. Increment k by 1.
    }
    put_length(ctx, a, delete_count)?;
    // 10. Let items be an internal List whose elements are, in left to right order, the
    //     portion of the actual argument list starting with item1.
    let items = args.get(2..).unwrap_or(&[]);
    // 11. Let itemCount be the number of elements in items.
    let item_count = items.len() as f64;
    // 12. If itemCount < actualDeleteCount, then
    if item_count < delete_count {
        // a. Let k be actualStart.
        // b. Repeat, while k < (len – actualDeleteCount)
        let touches = vec![Touch::Offset(delete_count), Touch::Offset(item_count)];
        let mut walk = Walk::new(ctx, o, actual_start, len - delete_count, true, touches);
        while let Some(k) = walk.next(ctx) {
            // i. Let from be ToString(k+actualDeleteCount).
            // ii. Let to be ToString(k+itemCount).
            // iii-v. If HasProperty(from), Put(to, Get(from), true); else Delete(to, true).
            move_element(ctx, o, k + delete_count, k + item_count)?;
            // vi. Increase k by 1.
        }
        // c. Let k be len.
        // d. Repeat, while k > (len – actualDeleteCount + itemCount)
        //    i. Call the [[Delete]] internal method of O with arguments ToString(k–1) and
        //       true.
        //    ii. Decrease k by 1.
        // (Walked here as j = k - 1, from len - 1 down to len - actualDeleteCount + itemCount.)
        let lowest = len - delete_count + item_count;
        let mut walk = Walk::new(ctx, o, lowest, len, false, vec![Touch::Offset(0.0)]);
        while let Some(j) = walk.next(ctx) {
            delete_at(ctx, o, j)?;
        }
    }
    // 13. Else if itemCount > actualDeleteCount, then
    else if item_count > delete_count {
        // a. Let k be (len – actualDeleteCount).
        // b. Repeat, while k > actualStart
        let touches = vec![
            Touch::Offset(delete_count - 1.0),
            Touch::Offset(item_count - 1.0),
        ];
        let highest = len - delete_count;
        let mut walk = Walk::new(ctx, o, actual_start + 1.0, highest + 1.0, false, touches);
        while let Some(k) = walk.next(ctx) {
            // i. Let from be ToString(k + actualDeleteCount – 1).
            // ii. Let to be ToString(k + itemCount – 1)
            // iii-v. If HasProperty(from), Put(to, Get(from), true); else Delete(to, true).
            move_element(ctx, o, k + delete_count - 1.0, k + item_count - 1.0)?;
            // vi. Decrease k by 1.
        }
    }
    // 14. Let k be actualStart.
    // 15. Repeat, while items is not empty
    for (i, item) in items.iter().enumerate() {
        // a. Remove the first element from items and let E be the value of that element.
        // b. Call the [[Put]] internal method of O with arguments ToString(k), E, and true.
        let k = actual_start + i as f64;
        ops::put(ctx, Value::Object(o), key_at(ctx, k), *item, true)?;
        // c. Increase k by 1.
    }
    // 16. Call the [[Put]] internal method of O with arguments "length", (len –
    //     actualDeleteCount + itemCount), and true.
    put_length(ctx, o, len - delete_count + item_count)?;
    // 17. Return A.
    Ok(Value::Object(a))
}

/// 15.4.4.13 Array.prototype.unshift([item1 [, item2 [, … ]]])
fn unshift<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    // 2. Let lenVal be the result of calling the [[Get]] internal method of O with argument
    //    "length".
    // 3. Let len be ToUint32(lenVal).
    let len = length_of(ctx, o)?;
    // 4. Let argCount be the number of actual arguments.
    let arg_count = args.len() as f64;
    // 5. Let k be len.
    // 6. Repeat, while k > 0,
    let touches = vec![Touch::Offset(-1.0), Touch::Offset(arg_count - 1.0)];
    let mut walk = Walk::new(ctx, o, 1.0, len + 1.0, false, touches);
    while let Some(k) = walk.next(ctx) {
        // a. Let from be ToString(k–1).
        // b. Let to be ToString(k+argCount –1).
        // c-e. If HasProperty(from), Put(to, Get(from), true); else Delete(to, true).
        move_element(ctx, o, k - 1.0, k + arg_count - 1.0)?;
        // f. Decrease k by 1.
    }
    // 7. Let j be 0.
    // 8. Let items be an internal List whose elements are, in left to right order, the
    //    arguments that were passed to this function invocation.
    // 9. Repeat, while items is not empty
    for (j, item) in args.iter().enumerate() {
        // a. Remove the first element from items and let E be the value of that element.
        // b. Call the [[Put]] internal method of O with arguments ToString(j), E, and true.
        ops::put(ctx, Value::Object(o), key_at(ctx, j as f64), *item, true)?;
        // c. Increase j by 1.
    }
    // 10. Call the [[Put]] internal method of O with arguments "length", len+argCount, and
    //     true.
    put_length(ctx, o, len + arg_count)?;
    // 11. Return len+argCount.
    Ok(Value::Number(len + arg_count))
}

/// 15.4.4.14 Array.prototype.indexOf(searchElement [, fromIndex])
fn index_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let search_element = arg(args, 0);
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    // 2. Let lenValue be the result of calling the [[Get]] internal method of O with the
    //    argument "length".
    // 3. Let len be ToUint32(lenValue).
    let len = length_of(ctx, o)?;
    // 4. If len is 0, return -1.
    if len == 0.0 {
        return Ok(Value::Number(-1.0));
    }
    // 5. If argument fromIndex was passed let n be ToInteger(fromIndex); else let n be 0.
    let n = match args.get(1) {
        Some(from_index) => to_integer(ctx, *from_index)?,
        None => 0.0,
    };
    // 6. If n ≥ len, return -1.
    if n >= len {
        return Ok(Value::Number(-1.0));
    }
    // 7. If n ≥ 0, then let k be n.
    // 8. Else, n<0: let k be len - abs(n); if k is less than 0, then let k be 0.
    let start = if n >= 0.0 { n } else { (len + n).max(0.0) };
    // 9. Repeat, while k<len
    let mut walk = Walk::new(ctx, o, start, len, true, vec![Touch::Offset(0.0)]);
    while let Some(k) = walk.next(ctx) {
        // a. Let kPresent be the result of calling the [[HasProperty]] internal method of O
        //    with argument ToString(k).
        // b. If kPresent is true, then
        if let Some(element_k) = element_at(ctx, o, k)? {
            // ii. Let same be the result of applying the Strict Equality Comparison Algorithm
            //     to searchElement and elementK.
            // iii. If same is true, return k.
            if ops::strict_equals(ctx, search_element, element_k) {
                return Ok(Value::Number(k));
            }
        }
        // c. Increase k by 1.
    }
    // 10. Return -1.
    Ok(Value::Number(-1.0))
}

/// 15.4.4.15 Array.prototype.lastIndexOf(searchElement [, fromIndex])
fn last_index_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let search_element = arg(args, 0);
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let o = ops::to_object(ctx, this)?;
    // 2. Let lenValue be the result of calling the [[Get]] internal method of O with the
    //    argument "length".
    // 3. Let len be ToUint32(lenValue).
    let len = length_of(ctx, o)?;
    // 4. If len is 0, return -1.
    if len == 0.0 {
        return Ok(Value::Number(-1.0));
    }
    // 5. If argument fromIndex was passed let n be ToInteger(fromIndex); else let n be len-1.
    let n = match args.get(1) {
        Some(from_index) => to_integer(ctx, *from_index)?,
        None => len - 1.0,
    };
    // 6. If n ≥ 0, then let k be min(n, len – 1).
    // 7. Else, n < 0: let k be len - abs(n).
    let k = if n >= 0.0 { n.min(len - 1.0) } else { len + n };
    // 8. Repeat, while k≥ 0
    let mut walk = Walk::new(
        ctx,
        o,
        0.0,
        (k + 1.0).max(0.0),
        false,
        vec![Touch::Offset(0.0)],
    );
    while let Some(k) = walk.next(ctx) {
        // a. Let kPresent be the result of calling the [[HasProperty]] internal method of O
        //    with argument ToString(k).
        // b. If kPresent is true, then
        if let Some(element_k) = element_at(ctx, o, k)? {
            // ii. Let same be the result of applying the Strict Equality Comparison Algorithm
            //     to searchElement and elementK.
            // iii. If same is true, return k.
            if ops::strict_equals(ctx, search_element, element_k) {
                return Ok(Value::Number(k));
            }
        }
        // c. Decrease k by 1.
    }
    // 9. Return -1.
    Ok(Value::Number(-1.0))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let constructor = realm.native_function(ctx, array, 1, true);
    define_constructor(ctx, "Array", constructor, realm.array_prototype);
    realm.define_function(ctx, constructor, "isArray", is_array, 1);
    realm.define_function(ctx, constructor, "from", from::from, 1);
    let methods: [(&str, crate::object::NativeFn, u32); 13] = [
        ("toString", to_string, 0),
        ("toLocaleString", to_locale_string, 0),
        ("concat", concat, 1),
        ("join", join, 1),
        ("pop", pop, 0),
        ("push", push, 1),
        ("reverse", reverse, 0),
        ("shift", shift, 0),
        ("slice", slice, 2),
        ("splice", splice, 2),
        ("unshift", unshift, 1),
        ("indexOf", index_of, 1),
        ("lastIndexOf", last_index_of, 1),
    ];
    realm.define_functions(ctx, realm.array_prototype, &methods);
}
