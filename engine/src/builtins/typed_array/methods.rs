//! `%TypedArray%.prototype` (ES2015 22.2.3) and `%TypedArray%.from`/`of` (22.2.2): the
//! methods written in Rust. Those that call a callback per element are in
//! `js/typed_array.js`; they use the helpers at the end of this file.
//!
//! Every method starts by checking that `this` is a typed array (ValidateTypedArray): unlike
//! the Array methods they are not generic.

use super::{copy_elements, create, this_view, NativeResult};
use crate::builtins::arg;
use crate::builtins::array_buffer::{define_getter, relative_index};
use crate::convert::{number_to_string, to_integer};
use crate::object::typed_array::View;
use crate::object::{Class, Object, PropertyKey, Slot};
use crate::value::Value;
use crate::vm::{ops, Ctx};
use std::cmp::Ordering;

/// 22.2.3.1 `get %TypedArray%.prototype.buffer`.
fn buffer<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Object(this_view(*ctx, this, "buffer")?.buffer))
}

/// 22.2.3.2 `get %TypedArray%.prototype.byteLength`.
fn byte_length<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let view = this_view(*ctx, this, "byteLength")?;
    Ok(Value::Number(view.byte_length() as f64))
}

/// 22.2.3.3 `get %TypedArray%.prototype.byteOffset`.
fn byte_offset<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Number(
        this_view(*ctx, this, "byteOffset")?.offset as f64,
    ))
}

/// 22.2.3.17 `get %TypedArray%.prototype.length`.
fn length<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Number(
        this_view(*ctx, this, "length")?.length as f64,
    ))
}

/// The elements of a view, in order.
fn elements(view: &View<'_>) -> Vec<f64> {
    (0..view.length).filter_map(|i| view.get(i)).collect()
}

/// 22.2.3.22 `%TypedArray%.prototype.set(source [, offset])`: copies an array-like or a typed
/// array into this one from element `offset` on.
fn set<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let target = this_view(ctx, this, "set")?;
    // 6. Let targetOffset be ? ToInteger(offset). 7. If targetOffset < 0, throw a RangeError.
    let offset = to_integer(ops::to_number(ctx, arg(args, 1))?);
    if offset < 0.0 {
        return Err(ctx.range_error("offset is out of bounds"));
    }
    let source = arg(args, 0);
    let source_view = source
        .as_object()
        .and_then(ops::integer_indexed::typed_array_view);
    if let Some(source_view) = source_view {
        // 22.2.3.22.2: srcLength + targetOffset must not pass targetLength.
        if source_view.length as f64 + offset > target.length as f64 {
            return Err(ctx.range_error("offset is out of bounds"));
        }
        copy_elements(&source_view, &target, offset as usize);
        return Ok(Value::Undefined);
    }
    // 22.2.3.22.1: an array-like. 15. Let src be ? ToObject(array).
    let src = ops::to_object(ctx, source)?;
    // 16-17. Let srcLength be ? ToLength(? Get(src, "length")).
    let src_length = ops::get(ctx, Value::Object(src), ctx.realm().atoms.length)?;
    let src_length = to_integer(ops::to_number(ctx, src_length)?).max(0.0);
    // 20. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    if src_length + offset > target.length as f64 {
        return Err(ctx.range_error("offset is out of bounds"));
    }
    let offset = offset as usize;
    // 21-22. Each element through Get and ToNumber, in order (they may run user code).
    for i in 0..src_length as usize {
        let value = match src.fast_element(Value::Number(i as f64)) {
            Some(value) => value,
            None => ops::get(ctx, Value::Object(src), PropertyKey::Index(i as u32))?,
        };
        let x = match value {
            Value::Number(x) => x,
            value => ops::to_number(ctx, value)?,
        };
        target.set(offset + i, x);
    }
    Ok(Value::Undefined)
}

/// 22.2.3.26 `%TypedArray%.prototype.subarray(begin, end)`: a new view of the same buffer,
/// elements `begin .. end` (relative positions) of this one.
fn subarray<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "subarray")?;
    // 7-12. beginIndex and endIndex: relative, clamped to 0 ..= srcLength.
    let begin = relative_index(ctx, arg(args, 0), view.length, 0)?;
    let end = relative_index(ctx, arg(args, 1), view.length, view.length)?;
    // 13. Let newLength be max(endIndex - beginIndex, 0).
    let sub = View {
        offset: view.offset + begin * view.kind.size(),
        length: end.saturating_sub(begin),
        ..view
    };
    let prototype = ctx.realm().typed_array_prototypes[view.kind.index()];
    let object = Object::new(&ctx, Some(prototype), Class::TypedArray(Box::new(sub)));
    Ok(Value::Object(object))
}

/// 22.2.3.23 `%TypedArray%.prototype.slice(start, end)`: a new typed array of the same kind
/// holding a copy of elements `start .. end`.
fn slice<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "slice")?;
    let start = relative_index(ctx, arg(args, 0), view.length, 0)?;
    let end = relative_index(ctx, arg(args, 1), view.length, view.length)?;
    let count = end.saturating_sub(start);
    let result = create(ctx, view.kind, count)?;
    if let Class::TypedArray(target) = &result.borrow().class {
        let part = View {
            offset: view.offset + start * view.kind.size(),
            length: count,
            ..view
        };
        copy_elements(&part, target, 0);
    }
    Ok(Value::Object(result))
}

/// 22.2.3.8 `%TypedArray%.prototype.fill(value [, start [, end]])`.
fn fill<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "fill")?;
    // The value is converted first (as engines and today's spec do), then the positions.
    let x = ops::to_number(ctx, arg(args, 0))?;
    let start = relative_index(ctx, arg(args, 1), view.length, 0)?;
    let end = relative_index(ctx, arg(args, 2), view.length, view.length)?;
    for i in start..end {
        view.set(i, x);
    }
    Ok(this)
}

/// 22.2.3.5 `%TypedArray%.prototype.copyWithin(target, start [, end])`.
fn copy_within<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "copyWithin")?;
    let len = view.length;
    let to = relative_index(ctx, arg(args, 0), len, 0)?;
    let from = relative_index(ctx, arg(args, 1), len, 0)?;
    let last = relative_index(ctx, arg(args, 2), len, len)?;
    let count = last.saturating_sub(from).min(len - to);
    if count > 0 {
        let size = view.kind.size();
        let bytes = view.bytes.copy_out(
            view.offset + from * size,
            view.offset + (from + count) * size,
        );
        view.bytes.copy_in(view.offset + to * size, &bytes);
    }
    Ok(this)
}

/// Where a search starts (`fromIndex` of `indexOf`, `includes`): relative, clamped.
fn search_start<'gc>(
    ctx: Ctx<'gc>,
    from: Value<'gc>,
    len: usize,
) -> Result<usize, crate::vm::Throw<'gc>> {
    relative_index(ctx, from, len, 0)
}

/// 22.2.3.13 `%TypedArray%.prototype.indexOf(searchElement [, fromIndex])`: strict equality.
fn index_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "indexOf")?;
    if view.length == 0 {
        return Ok(Value::Number(-1.0));
    }
    let start = search_start(ctx, arg(args, 1), view.length)?;
    let Value::Number(search) = arg(args, 0) else {
        return Ok(Value::Number(-1.0));
    };
    let found = (start..view.length).find(|&i| view.get(i) == Some(search));
    Ok(Value::Number(found.map_or(-1.0, |i| i as f64)))
}

/// 22.2.3.16 `%TypedArray%.prototype.lastIndexOf(searchElement [, fromIndex])`.
fn last_index_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "lastIndexOf")?;
    let len = view.length as f64;
    if view.length == 0 {
        return Ok(Value::Number(-1.0));
    }
    // 5-7. n is ToInteger(fromIndex) if given, else len - 1; a negative n counts from the end.
    let n = if args.len() > 1 {
        to_integer(ops::to_number(ctx, args[1])?)
    } else {
        len - 1.0
    };
    let k = if n >= 0.0 { n.min(len - 1.0) } else { len + n };
    let Value::Number(search) = arg(args, 0) else {
        return Ok(Value::Number(-1.0));
    };
    if k < 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let found = (0..=k as usize)
        .rev()
        .find(|&i| view.get(i) == Some(search));
    Ok(Value::Number(found.map_or(-1.0, |i| i as f64)))
}

/// ES2016 22.2.3.14 `%TypedArray%.prototype.includes(searchElement [, fromIndex])`:
/// SameValueZero, so NaN is found.
fn includes<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "includes")?;
    if view.length == 0 {
        return Ok(Value::Bool(false));
    }
    let start = search_start(ctx, arg(args, 1), view.length)?;
    let Value::Number(search) = arg(args, 0) else {
        return Ok(Value::Bool(false));
    };
    let found = (start..view.length)
        .filter_map(|i| view.get(i))
        .any(|x| x == search || (x.is_nan() && search.is_nan()));
    Ok(Value::Bool(found))
}

/// ES2022 `%TypedArray%.prototype.at(index)`: the element at a relative index.
fn at<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "at")?;
    let relative = to_integer(ops::to_number(ctx, arg(args, 0))?);
    let k = if relative >= 0.0 {
        relative
    } else {
        view.length as f64 + relative
    };
    if k < 0.0 || k >= view.length as f64 {
        return Ok(Value::Undefined);
    }
    Ok(view.get(k as usize).map_or(Value::Undefined, Value::Number))
}

/// 22.2.3.14 `%TypedArray%.prototype.join(separator)`.
fn join<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, this, "join")?;
    // 4-5. If separator is undefined, let sep be ","; else ToString(separator).
    let separator = match arg(args, 0) {
        Value::Undefined => ",".to_string(),
        value => ops::to_string(ctx, value)?.to_rust_string(&ctx),
    };
    let mut text = String::new();
    for (i, x) in elements(&view).into_iter().enumerate() {
        if i > 0 {
            text.push_str(&separator);
        }
        text.push_str(&number_to_string(x));
    }
    Ok(ctx.string(&text))
}

/// 22.2.3.21 `%TypedArray%.prototype.reverse()`, in place.
fn reverse<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let view = this_view(*ctx, this, "reverse")?;
    let values = elements(&view);
    for (i, x) in values.into_iter().rev().enumerate() {
        view.set(i, x);
    }
    Ok(this)
}

/// The default order of `%TypedArray%.prototype.sort` (22.2.3.25 step 1 without a
/// comparator): numeric, -0 before +0, NaN last.
fn numeric_order(x: &f64, y: &f64) -> Ordering {
    match (x.is_nan(), y.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ if x == y => y.is_sign_negative().cmp(&x.is_sign_negative()),
        _ => x.partial_cmp(y).unwrap_or(Ordering::Equal),
    }
}

/// `sortNumeric(typedArray)`: sorts a typed array in place by the default order; the
/// self-hosted `sort` calls it when there is no comparator.
fn sort_numeric<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let view = this_view(*ctx, arg(args, 0), "sort")?;
    let mut values = elements(&view);
    values.sort_by(numeric_order);
    for (i, x) in values.into_iter().enumerate() {
        view.set(i, x);
    }
    Ok(arg(args, 0))
}

/// `validate(value, method)`: the length of typed array `value`, or a TypeError naming
/// `method` (for the self-hosted methods).
fn validate<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let method = ops::to_string(ctx, arg(args, 1))?.to_rust_string(&ctx);
    Ok(Value::Number(
        this_view(ctx, arg(args, 0), &method)?.length as f64,
    ))
}

/// `create(exemplar, length)`: a new typed array of the kind of `exemplar` (for the
/// self-hosted methods: TypedArraySpeciesCreate without species).
fn create_like<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let view = this_view(ctx, arg(args, 0), "map")?;
    let length = to_integer(ops::to_number(ctx, arg(args, 1))?).max(0.0);
    Ok(Value::Object(create(ctx, view.kind, length as usize)?))
}

/// The kind made by the constructor `this` (for `%TypedArray%.from`/`of`), or a TypeError.
fn constructor_kind<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
) -> Result<crate::object::typed_array::ElementKind, crate::vm::Throw<'gc>> {
    let prototype = match this.as_object() {
        Some(c) => c.own_property(ctx, ctx.realm().atoms.prototype),
        None => None,
    };
    if let Some(crate::object::Property {
        slot: Slot::Data(Value::Object(prototype)),
        ..
    }) = prototype
    {
        let prototypes = &ctx.realm().typed_array_prototypes;
        if let Some(k) = prototypes.iter().position(|&p| p == prototype) {
            return Ok(crate::object::typed_array::ElementKind::ALL[k]);
        }
    }
    Err(ctx.type_error("this is not a typed array constructor"))
}

/// 22.2.2.2 `%TypedArray%.of(...items)`.
fn of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let kind = constructor_kind(ctx, this)?;
    let result = create(ctx, kind, args.len())?;
    if let Class::TypedArray(view) = &result.borrow().class {
        for (i, &item) in args.iter().enumerate() {
            view.set(i, ops::to_number(ctx, item)?);
        }
    }
    Ok(Value::Object(result))
}

/// 22.2.2.1 `%TypedArray%.from(source [, mapfn [, thisArg]])`, for array-likes (without
/// symbols there is no iterator protocol to follow). A `mapfn` is called in a nested run.
fn from<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    let kind = constructor_kind(ctx, this)?;
    let map = match arg(args, 1) {
        Value::Undefined => None,
        f if f.as_object().is_some_and(|o| o.is_callable()) => Some(f),
        _ => return Err(ctx.type_error("%TypedArray%.from: mapfn is not callable")),
    };
    let source = ops::to_object(ctx, arg(args, 0))?;
    let length = ops::get(ctx, Value::Object(source), ctx.realm().atoms.length)?;
    let length = to_integer(ops::to_number(ctx, length)?).max(0.0);
    let result = create(ctx, kind, length as usize)?;
    let Some(view) = result.borrow().class.typed_array_view() else {
        return Ok(Value::Object(result));
    };
    for i in 0..view.length {
        let mut value = ops::get(ctx, Value::Object(source), PropertyKey::Index(i as u32))?;
        if let Some(map) = map {
            value = ops::call(ctx, map, arg(args, 2), &[value, Value::Number(i as f64)])?;
        }
        view.set(i, ops::to_number(ctx, value)?);
    }
    Ok(Value::Object(result))
}

/// The natives the self-hosted typed array methods are given (see `self_hosted.rs`):
/// `validate`, `create`, `sortNumeric`.
pub(crate) const SELF_HOSTED_HELPERS: [(crate::object::NativeFn, u32); 3] =
    [(validate, 2), (create_like, 2), (sort_numeric, 1)];

pub(super) fn install<'gc>(ctx: Ctx<'gc>, intrinsic: Object<'gc>, prototype: Object<'gc>) {
    let realm = ctx.realm();
    realm.define_functions(ctx, intrinsic, &[("from", from, 1), ("of", of, 0)]);
    for (name, getter) in [
        ("buffer", buffer as crate::object::NativeFn),
        ("byteLength", byte_length),
        ("byteOffset", byte_offset),
        ("length", length),
    ] {
        define_getter(ctx, prototype, name, getter);
    }
    realm.define_functions(
        ctx,
        prototype,
        &[
            ("at", at, 1),
            ("copyWithin", copy_within, 2),
            ("fill", fill, 1),
            ("includes", includes, 1),
            ("indexOf", index_of, 1),
            ("join", join, 1),
            ("lastIndexOf", last_index_of, 1),
            ("reverse", reverse, 0),
            ("set", set, 1),
            ("slice", slice, 2),
            ("subarray", subarray, 2),
        ],
    );
    // 22.2.3.28: %TypedArray%.prototype.toString is the same function object as
    // Array.prototype.toString (which calls `this.join()`).
    let to_string = realm.atoms.to_string;
    if let Some(property) = realm.array_prototype.own_property(ctx, to_string) {
        prototype.set_own(&ctx, to_string, property);
    }
}
