//! ArrayBuffer and ArrayBuffer.prototype (ES2015 24.1), and the conversions the typed arrays
//! and `DataView` share with it (ToIndex, relative indices, getters).
//!
//! A buffer's bytes are a [`ByteStore`] (see `object/typed_array.rs`); the views made on it
//! hold the same store. Buffers are never detached: nothing in node's API of 2010 transfers
//! them.

use super::number::constructing;
use super::{arg, define_constructor};
use crate::convert::to_integer;
use crate::object::typed_array::ByteStore;
use crate::object::{Attributes, Class, NativeFn, Object, Property, Slot};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};
use gc_arena::Gc;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 2^53 - 1, the largest length or index (ES2015 7.1.15 ToLength).
pub(crate) const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// ToIndex (ES2017 7.1.17, which ES2015's steps for buffers and views became): `undefined` is
/// 0, otherwise ToInteger of the value, which must be within 0 ..= 2^53 - 1 (a RangeError
/// otherwise).
pub(crate) fn to_index<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    what: &str,
) -> Result<f64, Throw<'gc>> {
    if matches!(value, Value::Undefined) {
        return Ok(0.0);
    }
    let integer = to_integer(ops::to_number(ctx, value)?);
    if !(0.0..=MAX_SAFE_INTEGER).contains(&integer) {
        return Err(ctx.range_error(&format!("Invalid {what}")));
    }
    // (-0 becomes +0.)
    Ok(integer + 0.0)
}

/// A relative position argument (the `start`/`end` of `slice`, `fill`, `subarray`, ...):
/// ToInteger of the value, counted from the end when negative, clamped to 0 ..= `length`.
/// `undefined` gives `default`.
pub(crate) fn relative_index<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    length: usize,
    default: usize,
) -> Result<usize, Throw<'gc>> {
    if matches!(value, Value::Undefined) {
        return Ok(default);
    }
    let relative = to_integer(ops::to_number(ctx, value)?);
    let length = length as f64;
    let position = if relative < 0.0 {
        (length + relative).max(0.0)
    } else {
        relative.min(length)
    };
    Ok(position as usize)
}

/// A new store of `length` bytes, or the RangeError of a buffer that cannot be allocated.
pub(crate) fn allocate<'gc>(ctx: Ctx<'gc>, length: f64) -> Result<Gc<'gc, ByteStore>, Throw<'gc>> {
    if length > crate::object::typed_array::MAX_BYTE_LENGTH as f64 {
        return Err(ctx.range_error("Array buffer allocation failed"));
    }
    ByteStore::new(&ctx, length as usize)
        .ok_or_else(|| ctx.range_error("Array buffer allocation failed"))
}

/// A new ArrayBuffer object over `bytes`.
pub(crate) fn new_buffer<'gc>(ctx: Ctx<'gc>, bytes: Gc<'gc, ByteStore>) -> Object<'gc> {
    Object::new(
        &ctx,
        Some(ctx.realm().array_buffer_prototype),
        Class::ArrayBuffer(bytes),
    )
}

/// The store of `value` if it is an ArrayBuffer.
pub(crate) fn buffer_bytes<'gc>(value: Value<'gc>) -> Option<Gc<'gc, ByteStore>> {
    match value.as_object()?.borrow().class {
        Class::ArrayBuffer(bytes) => Some(bytes),
        _ => None,
    }
}

/// Defines an accessor property `name` with the native getter `getter` and no setter, as the
/// spec's `get` properties are: not enumerable, configurable; the getter is named
/// "get `name`".
pub(crate) fn define_getter<'gc>(ctx: Ctx<'gc>, target: Object<'gc>, name: &str, getter: NativeFn) {
    let realm = ctx.realm();
    let function = realm.named_native_function(ctx, &format!("get {name}"), getter, 0, false);
    let key = realm.key(ctx, name);
    target.set_own(
        &ctx,
        key,
        Property {
            slot: Slot::Accessor {
                get: Some(function),
                set: None,
            },
            attributes: Attributes::new(false, false, true),
        },
    );
}

/// 24.1.2.1 `new ArrayBuffer(length)`.
fn array_buffer<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(object) = constructing(ctx, this) else {
        return Err(ctx.type_error("Constructor ArrayBuffer requires 'new'"));
    };
    // 2. Let byteLength be ? ToIndex(length).
    let length = to_index(ctx, arg(args, 0), "array buffer length")?;
    // 3. Return ? AllocateArrayBuffer(NewTarget, byteLength).
    let bytes = allocate(ctx, length)?;
    object.borrow_mut(&ctx).class = Class::ArrayBuffer(bytes);
    Ok(Value::Object(object))
}

/// 24.1.3.1 `ArrayBuffer.isView(arg)`: whether `arg` is a typed array or a DataView.
fn is_view<'gc>(_ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let view = arg(args, 0)
        .as_object()
        .is_some_and(|o| matches!(o.borrow().class, Class::TypedArray(_) | Class::DataView(_)));
    Ok(Value::Bool(view))
}

/// The store of the ArrayBuffer `this`, or a TypeError naming `method`.
fn this_bytes<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    method: &str,
) -> Result<Gc<'gc, ByteStore>, Throw<'gc>> {
    buffer_bytes(this).ok_or_else(|| {
        ctx.type_error(&format!(
            "ArrayBuffer.prototype.{method} called on an object that is not an ArrayBuffer"
        ))
    })
}

/// 24.1.4.1 `get ArrayBuffer.prototype.byteLength`.
fn byte_length<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let bytes = this_bytes(*ctx, this, "byteLength")?;
    Ok(Value::Number(bytes.len() as f64))
}

/// 24.1.4.3 `ArrayBuffer.prototype.slice(start, end)`: a new buffer holding a copy of the
/// bytes `start .. end` (relative positions).
fn slice<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1-3. If O does not have an [[ArrayBufferData]] internal slot, throw a TypeError.
    let bytes = this_bytes(ctx, this, "slice")?;
    // 5-8. Let first and final be the relative start and end, clamped to 0 ..= len.
    let len = bytes.len();
    let first = relative_index(ctx, arg(args, 0), len, 0)?;
    let last = relative_index(ctx, arg(args, 1), len, len)?;
    // 9. Let newLen be max(final - first, 0).
    let new_len = last.saturating_sub(first);
    // 10-15. Let new be a new ArrayBuffer of newLen bytes. (The species constructor of
    // ES2015 needs @@species, which this engine does not have: it is %ArrayBuffer%.)
    let copy = allocate(ctx, new_len as f64)?;
    // 16-21. Copy the bytes first .. final of O into new.
    copy.copy_in(0, &bytes.copy_out(first, first + new_len));
    Ok(Value::Object(new_buffer(ctx, copy)))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let prototype = realm.array_buffer_prototype;
    let constructor = realm.native_function(ctx, array_buffer, 1, true);
    define_constructor(ctx, "ArrayBuffer", constructor, prototype);
    realm.define_functions(ctx, constructor, &[("isView", is_view, 1)]);
    realm.define_functions(ctx, prototype, &[("slice", slice, 2)]);
    define_getter(ctx, prototype, "byteLength", byte_length);
}
