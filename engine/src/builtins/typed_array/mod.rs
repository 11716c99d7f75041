//! The typed arrays (ES2015 22.2): the `%TypedArray%` intrinsic with its prototype of shared
//! methods, and the nine constructors `Int8Array` ... `Float64Array`.
//!
//! A typed array is an object of class `TypedArray` holding a [`View`] of an ArrayBuffer's
//! bytes. Its elements are not properties: `a[i]` reads and writes the bytes, through the
//! interpreter's fast path (`Object::fast_element`) for an integer index and through
//! `vm/ops/integer_indexed.rs` for every other numeric key.
//!
//! This engine has no symbols, so there is no `@@species`: methods that make a new typed array
//! make one of the same kind, and the constructors read array-likes by their `length` (an
//! iterable is read as an array-like, which gives the same elements for arrays and typed
//! arrays). The methods that call a callback per element are self-hosted
//! (`js/typed_array.js`), like their Array counterparts.

mod methods;

pub(crate) use methods::SELF_HOSTED_HELPERS;

use super::arg;
use super::array_buffer::{allocate, new_buffer, to_index};
use super::number::constructing;
use crate::object::typed_array::{ElementKind, View};
use crate::object::{Attributes, Class, Object, PropertyKey};
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// The view of the typed array `this`, or a TypeError naming `method` (ValidateTypedArray).
pub(crate) fn this_view<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    method: &str,
) -> Result<View<'gc>, Throw<'gc>> {
    if let Some(object) = this.as_object() {
        if let Class::TypedArray(view) = &object.borrow().class {
            return Ok(**view);
        }
    }
    Err(ctx.type_error(&format!(
        "%TypedArray%.prototype.{method}: this is not a typed array"
    )))
}

/// A new typed array of `kind` over a new zeroed buffer of `length` elements (a RangeError
/// when it is too big to allocate).
pub(crate) fn create<'gc>(
    ctx: Ctx<'gc>,
    kind: ElementKind,
    length: usize,
) -> Result<Object<'gc>, Throw<'gc>> {
    let prototype = ctx.realm().typed_array_prototypes[kind.index()];
    let object = Object::new(&ctx, Some(prototype), Class::Object);
    initialize_with_length(ctx, object, kind, length as f64)?;
    Ok(object)
}

/// Gives `object` a new zeroed buffer of `length` elements of `kind` (AllocateTypedArray with
/// a length, ES2015 22.2.4.2.1).
fn initialize_with_length<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    kind: ElementKind,
    length: f64,
) -> Result<View<'gc>, Throw<'gc>> {
    let bytes = allocate(ctx, length * kind.size() as f64)?;
    let view = View {
        buffer: new_buffer(ctx, bytes),
        bytes,
        kind,
        offset: 0,
        length: length as usize,
    };
    object.borrow_mut(&ctx).class = Class::TypedArray(Box::new(view));
    Ok(view)
}

/// Copies the elements of `source` into `target` from element `at` on, converting each to the
/// target's type. The elements are read before any is written, so views that share a buffer
/// and overlap copy as if through a temporary (22.2.3.22.2 step 23).
pub(crate) fn copy_elements(source: &View<'_>, target: &View<'_>, at: usize) {
    if source.kind == target.kind {
        let bytes = source
            .bytes
            .copy_out(source.offset, source.offset + source.byte_length());
        target
            .bytes
            .copy_in(target.offset + at * target.kind.size(), &bytes);
        return;
    }
    let values: Vec<f64> = (0..source.length).filter_map(|i| source.get(i)).collect();
    for (i, x) in values.into_iter().enumerate() {
        target.set(at + i, x);
    }
}

/// The constructor of kind `K` (an index into `ElementKind::ALL`): 22.2.4.1-4, one of
/// `new TA(length)`, `new TA(typedArray)`, `new TA(arrayLike)`,
/// `new TA(buffer, byteOffset, length)`.
fn construct<'gc, const K: usize>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    let kind = ElementKind::ALL[K];
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(object) = constructing(ctx, this) else {
        return Err(ctx.type_error(&format!("Constructor {} requires 'new'", kind.name())));
    };
    let first = arg(args, 0);
    let Some(source) = first.as_object() else {
        // 22.2.4.2 TypedArray(length): elementLength is ToIndex(length).
        let length = to_index(ctx, first, "typed array length")?;
        initialize_with_length(ctx, object, kind, length)?;
        return Ok(Value::Object(object));
    };
    let source_class = match &source.borrow().class {
        Class::TypedArray(view) => Some(Ok(**view)),
        Class::ArrayBuffer(bytes) => Some(Err(*bytes)),
        _ => None,
    };
    match source_class {
        // 22.2.4.3 TypedArray(typedArray): a new buffer with a copy of its elements.
        Some(Ok(view)) => {
            let target = initialize_with_length(ctx, object, kind, view.length as f64)?;
            copy_elements(&view, &target, 0);
        }
        // 22.2.4.5 TypedArray(buffer, byteOffset, length): a view of that buffer.
        Some(Err(bytes)) => {
            let size = kind.size() as f64;
            // 7. Let offset be ? ToIndex(byteOffset).
            let offset = to_index(ctx, arg(args, 1), "typed array offset")?;
            // 8. If offset modulo elementSize ≠ 0, throw a RangeError exception.
            if offset % size != 0.0 {
                return Err(ctx.range_error(&format!(
                    "start offset of {} should be a multiple of {}",
                    kind.name(),
                    kind.size()
                )));
            }
            // 9. If length is not undefined, let newLength be ? ToIndex(length).
            let length = match arg(args, 2) {
                Value::Undefined => None,
                length => Some(to_index(ctx, length, "typed array length")?),
            };
            let buffer_length = bytes.len() as f64;
            let byte_length = match length {
                // 12. If length is undefined: the rest of the buffer, a whole number of
                //     elements, starting inside it.
                None => {
                    if buffer_length % size != 0.0 {
                        return Err(ctx.range_error(&format!(
                            "byte length of {} should be a multiple of {}",
                            kind.name(),
                            kind.size()
                        )));
                    }
                    if offset > buffer_length {
                        return Err(ctx.range_error(&format!(
                            "Start offset {offset} is outside the bounds of the buffer"
                        )));
                    }
                    buffer_length - offset
                }
                // 13. Else: newLength elements, which must fit in the buffer.
                Some(length) => {
                    let byte_length = length * size;
                    if offset + byte_length > buffer_length {
                        return Err(
                            ctx.range_error(&format!("Invalid typed array length: {length}"))
                        );
                    }
                    byte_length
                }
            };
            let view = View {
                buffer: source,
                bytes,
                kind,
                offset: offset as usize,
                length: (byte_length / size) as usize,
            };
            object.borrow_mut(&ctx).class = Class::TypedArray(Box::new(view));
        }
        // 22.2.4.4 TypedArray(object): the elements of an array-like, each through ToNumber.
        None => {
            let length_key = ctx.realm().atoms.length;
            let length = ops::get(ctx, first, length_key)?;
            let length = crate::convert::to_integer(ops::to_number(ctx, length)?)
                .clamp(0.0, super::array_buffer::MAX_SAFE_INTEGER);
            let target = initialize_with_length(ctx, object, kind, length)?;
            for i in 0..target.length {
                // (A typed array holds at most 2^31 bytes: every index is an array index.)
                let value = ops::get(ctx, first, PropertyKey::Index(i as u32))?;
                let x = ops::to_number(ctx, value)?;
                target.set(i, x);
            }
        }
    }
    Ok(Value::Object(object))
}

/// 22.2.1.1 `%TypedArray%()`: an abstract constructor, which only its subclasses call.
fn typed_array_intrinsic<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    Err(ctx.type_error("Abstract class TypedArray not directly constructable"))
}

/// The nine constructors, in the order of `ElementKind::ALL`.
const CONSTRUCTORS: [crate::object::NativeFn; 9] = [
    construct::<0>,
    construct::<1>,
    construct::<2>,
    construct::<3>,
    construct::<4>,
    construct::<5>,
    construct::<6>,
    construct::<7>,
    construct::<8>,
];

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let prototype = realm.typed_array_prototype;
    // 22.2.1: %TypedArray% is not a global; each constructor inherits from it.
    let intrinsic = realm.named_native_function(ctx, "TypedArray", typed_array_intrinsic, 0, true);
    super::link_constructor(ctx, intrinsic, prototype);
    methods::install(ctx, intrinsic, prototype);
    let bytes_per_element = realm.key(ctx, "BYTES_PER_ELEMENT");
    for (kind, constructor) in ElementKind::ALL.into_iter().zip(CONSTRUCTORS) {
        let function = realm.native_function(ctx, constructor, 3, true);
        function.borrow_mut(&ctx).set_prototype(Some(intrinsic));
        let kind_prototype = realm.typed_array_prototypes[kind.index()];
        super::define_constructor(ctx, kind.name(), function, kind_prototype);
        // 22.2.5.1, 22.2.6.1: BYTES_PER_ELEMENT, on both, fixed.
        let size = Value::Number(kind.size() as f64);
        function.set_own_value(&ctx, bytes_per_element, size, Attributes::NONE);
        kind_prototype.set_own_value(&ctx, bytes_per_element, size, Attributes::NONE);
    }
}
