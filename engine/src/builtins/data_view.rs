//! DataView and DataView.prototype (ES2015 24.2): reading and writing numbers of any element
//! type at any byte offset of a buffer, in the byte order each call asks for (big-endian
//! unless `littleEndian` is true).

use super::array_buffer::{buffer_bytes, define_getter, to_index};
use super::number::constructing;
use super::{arg, define_constructor};
use crate::object::typed_array::{ElementKind, View};
use crate::object::{Class, NativeFn};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 24.2.2.1 `new DataView(buffer [, byteOffset [, byteLength]])`.
fn data_view<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(object) = constructing(ctx, this) else {
        return Err(ctx.type_error("Constructor DataView requires 'new'"));
    };
    // 2-3. If buffer does not have an [[ArrayBufferData]] internal slot, throw a TypeError.
    let buffer = arg(args, 0);
    let Some(bytes) = buffer_bytes(buffer) else {
        return Err(ctx.type_error("First argument to DataView constructor must be an ArrayBuffer"));
    };
    // 4. Let offset be ? ToIndex(byteOffset).
    let offset = to_index(ctx, arg(args, 1), "DataView offset")?;
    // 7-8. If offset > bufferByteLength, throw a RangeError exception.
    let buffer_length = bytes.len() as f64;
    if offset > buffer_length {
        return Err(ctx.range_error(&format!(
            "Start offset {offset} is outside the bounds of the buffer"
        )));
    }
    // 9-10. viewByteLength: the rest of the buffer, or ToIndex(byteLength), which must fit.
    let length = match arg(args, 2) {
        Value::Undefined => buffer_length - offset,
        length => {
            let length = to_index(ctx, length, "DataView length")?;
            if offset + length > buffer_length {
                return Err(ctx.range_error(&format!("Invalid DataView length {length}")));
            }
            length
        }
    };
    let view = View {
        buffer: buffer.as_object().unwrap_or(object),
        bytes,
        kind: ElementKind::Uint8,
        offset: offset as usize,
        length: length as usize,
    };
    object.borrow_mut(&ctx).class = Class::DataView(Box::new(view));
    Ok(Value::Object(object))
}

/// The view of the DataView `this`, or a TypeError naming `method`.
fn this_view<'gc>(ctx: Ctx<'gc>, this: Value<'gc>, method: &str) -> Result<View<'gc>, Throw<'gc>> {
    if let Some(object) = this.as_object() {
        if let Class::DataView(view) = &object.borrow().class {
            return Ok(**view);
        }
    }
    Err(ctx.type_error(&format!(
        "DataView.prototype.{method} called on an object that is not a DataView"
    )))
}

/// 24.2.4.1 `get DataView.prototype.buffer`.
fn buffer<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Object(this_view(*ctx, this, "buffer")?.buffer))
}

/// 24.2.4.2 `get DataView.prototype.byteLength`.
fn byte_length<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Number(
        this_view(*ctx, this, "byteLength")?.length as f64,
    ))
}

/// 24.2.4.3 `get DataView.prototype.byteOffset`.
fn byte_offset<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Number(
        this_view(*ctx, this, "byteOffset")?.offset as f64,
    ))
}

/// Where an access of `kind` at `request` falls in the buffer (24.2.1.1-2 steps 4-13): the
/// byte index, or a RangeError when it does not fit in the view.
fn byte_index<'gc>(
    ctx: Ctx<'gc>,
    view: &View<'gc>,
    request: f64,
    kind: ElementKind,
) -> Result<usize, Throw<'gc>> {
    if request + kind.size() as f64 > view.length as f64 {
        return Err(ctx.range_error("Offset is outside the bounds of the DataView"));
    }
    Ok(view.offset + request as usize)
}

/// 24.2.1.1 GetViewValue, for the getter of kind `K` (an index into `ElementKind::ALL`).
fn get_value<'gc, const K: usize>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    let kind = ElementKind::ALL[K];
    // 1-3. If view does not have a [[DataView]] internal slot, throw a TypeError exception.
    let view = this_view(
        ctx,
        this,
        &format!("get{}", &kind.name()[..kind.name().len() - 5]),
    )?;
    // 4. Let getIndex be ? ToIndex(requestIndex).
    let request = to_index(ctx, arg(args, 0), "offset")?;
    // 5. Let isLittleEndian be ToBoolean(isLittleEndian).
    let little = arg(args, 1).to_boolean();
    let at = byte_index(ctx, &view, request, kind)?;
    let x = kind
        .load(&view.bytes, at, little)
        .ok_or_else(|| ctx.range_error("Offset is outside the bounds of the DataView"))?;
    Ok(Value::Number(x))
}

/// 24.2.1.2 SetViewValue, for the setter of kind `K`.
fn set_value<'gc, const K: usize>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    let kind = ElementKind::ALL[K];
    let view = this_view(
        ctx,
        this,
        &format!("set{}", &kind.name()[..kind.name().len() - 5]),
    )?;
    // 4. Let getIndex be ? ToIndex(requestIndex).
    let request = to_index(ctx, arg(args, 0), "offset")?;
    // 5-6. Let numberValue be ? ToNumber(value). (Before the bounds are checked.)
    let x = ops::to_number(ctx, arg(args, 1))?;
    // 7. Let isLittleEndian be ToBoolean(isLittleEndian).
    let little = arg(args, 2).to_boolean();
    let at = byte_index(ctx, &view, request, kind)?;
    if !kind.store(&view.bytes, at, x, little) {
        return Err(ctx.range_error("Offset is outside the bounds of the DataView"));
    }
    Ok(Value::Undefined)
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let prototype = realm.data_view_prototype;
    let constructor = realm.native_function(ctx, data_view, 1, true);
    define_constructor(ctx, "DataView", constructor, prototype);
    define_getter(ctx, prototype, "buffer", buffer);
    define_getter(ctx, prototype, "byteLength", byte_length);
    define_getter(ctx, prototype, "byteOffset", byte_offset);
    // 24.2.4.5-20: a getter and a setter per element type but Uint8Clamped.
    let accessors: [(&str, NativeFn, NativeFn); 8] = [
        ("Int8", get_value::<0>, set_value::<0>),
        ("Uint8", get_value::<1>, set_value::<1>),
        ("Int16", get_value::<3>, set_value::<3>),
        ("Uint16", get_value::<4>, set_value::<4>),
        ("Int32", get_value::<5>, set_value::<5>),
        ("Uint32", get_value::<6>, set_value::<6>),
        ("Float32", get_value::<7>, set_value::<7>),
        ("Float64", get_value::<8>, set_value::<8>),
    ];
    for (name, get, set) in accessors {
        realm.define_function(ctx, prototype, &format!("get{name}"), get, 1);
        realm.define_function(ctx, prototype, &format!("set{name}"), set, 2);
    }
}
