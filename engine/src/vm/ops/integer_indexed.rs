//! The internal methods of typed arrays, integer-indexed exotic objects (ES2015 9.4.5, with
//! today's rules for out-of-range writes and the attributes of elements, which test262 checks):
//! a key that is a canonical numeric string names an element or nothing — it never reaches
//! the prototype chain nor the object's own named properties.
//!
//! The interpreter's `a[i]` for an in-range integer never gets here (see
//! `Object::fast_element`); this is the general path, for keys that are strings, fractions,
//! negative numbers or out of range, and for `Object.defineProperty` and friends.

use super::{to_number, PropertyDescriptor};
use crate::object::typed_array::View;
use crate::object::{Attributes, Object, Property, PropertyKey};
use crate::value::Value;
use crate::vm::{Ctx, Throw};

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

/// The view of `object` if it is a typed array.
pub fn typed_array_view<'gc>(object: Object<'gc>) -> Option<View<'gc>> {
    object.borrow().class.typed_array_view()
}

/// CanonicalNumericIndexString (ES2015 7.1.16) of a property key: the number a key names when
/// it is the canonical text of a number ("1", "-0", "1.5", "NaN", "Infinity"; not "01").
pub fn numeric_index<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> Option<f64> {
    let text = match key {
        PropertyKey::Index(i) => return Some(f64::from(i)),
        PropertyKey::String(text) => text,
    };
    // Only these can start the text of a number: names like "length" go by at once.
    let first = text.unit_at(&ctx, 0)?;
    if !matches!(first, 0x30..=0x39 | 0x2D | 0x49 | 0x4E) {
        return None;
    }
    let units = text.to_units(&ctx);
    if units == [0x2D, 0x30] {
        return Some(-0.0);
    }
    let n = crate::convert::string_to_number(&units);
    let canonical: Vec<u16> = crate::convert::number_to_string(n).encode_utf16().collect();
    (canonical == units).then_some(n)
}

/// The element position `n` names in `view`, if it is a valid integer index
/// (IsValidIntegerIndex: an integer, not -0, inside the view).
fn valid_index(view: &View<'_>, n: f64) -> Option<usize> {
    let valid = n.fract() == 0.0
        && !(n == 0.0 && n.is_sign_negative())
        && n >= 0.0
        && n < view.length as f64;
    valid.then_some(n as usize)
}

/// `[[Get]]` (9.4.5.4) when `object` is a typed array and `key` numeric: the element, or
/// `undefined` for an index outside it. `None`: an ordinary lookup.
pub fn get<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, key: PropertyKey<'gc>) -> Option<Value<'gc>> {
    let view = typed_array_view(object)?;
    let n = numeric_index(ctx, key)?;
    Some(
        valid_index(&view, n)
            .and_then(|i| view.get(i))
            .map_or(Value::Undefined, Value::Number),
    )
}

/// `[[Set]]` (9.4.5.5) when `object` is a typed array and `key` numeric: ToNumber of the
/// value (even for an index outside the array), then the write, which an index outside the
/// array ignores. `Ok(false)`: an ordinary assignment.
pub fn set<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    value: Value<'gc>,
) -> Result<'gc, bool> {
    let Some(view) = typed_array_view(object) else {
        return Ok(false);
    };
    let Some(n) = numeric_index(ctx, key) else {
        return Ok(false);
    };
    let x = to_number(ctx, value)?;
    if let Some(i) = valid_index(&view, n) {
        view.set(i, x);
    }
    Ok(true)
}

/// HasProperty (9.4.5.2) when `object` is a typed array and `key` numeric.
pub fn has<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, key: PropertyKey<'gc>) -> Option<bool> {
    let view = typed_array_view(object)?;
    let n = numeric_index(ctx, key)?;
    Some(valid_index(&view, n).is_some())
}

/// `[[GetOwnProperty]]` (9.4.5.1) when `object` is a typed array and `key` numeric: the
/// element as a writable, enumerable, configurable data property, or nothing.
pub fn get_own<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
) -> Option<Option<Property<'gc>>> {
    let view = typed_array_view(object)?;
    let n = numeric_index(ctx, key)?;
    Some(
        valid_index(&view, n)
            .and_then(|i| view.get(i))
            .map(|x| Property::data(Value::Number(x), Attributes::ALL)),
    )
}

/// `[[DefineOwnProperty]]` (9.4.5.3) when `object` is a typed array and `key` numeric:
/// whether the definition is allowed (an index inside the array, a data descriptor that asks
/// for nothing but writable, enumerable, configurable), after writing its value.
pub fn define<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    descriptor: &PropertyDescriptor<'gc>,
) -> Option<Result<'gc, bool>> {
    let view = typed_array_view(object)?;
    let n = numeric_index(ctx, key)?;
    let Some(i) = valid_index(&view, n) else {
        return Some(Ok(false));
    };
    if descriptor.configurable == Some(false)
        || descriptor.enumerable == Some(false)
        || descriptor.get.is_some()
        || descriptor.set.is_some()
        || descriptor.writable == Some(false)
    {
        return Some(Ok(false));
    }
    if let Some(value) = descriptor.value {
        match to_number(ctx, value) {
            Ok(x) => {
                view.set(i, x);
            }
            Err(e) => return Some(Err(e)),
        }
    }
    Some(Ok(true))
}

/// `[[Delete]]` when `object` is a typed array and `key` numeric: an element cannot be
/// deleted; a key outside the array names nothing, so deleting it succeeds.
pub fn delete<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, key: PropertyKey<'gc>) -> Option<bool> {
    let view = typed_array_view(object)?;
    let n = numeric_index(ctx, key)?;
    Some(valid_index(&view, n).is_none())
}
