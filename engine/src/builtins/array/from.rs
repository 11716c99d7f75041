//! `Array.from` (ES2015 22.1.2.1), for array-likes: without symbols there is no iterator
//! protocol, and an array, a string or a typed array read as an array-like gives the same
//! elements their iterators would (a string by code units rather than code points).
//!
//! A `mapfn` is called in a nested run of the interpreter, as `%TypedArray%.from`'s is: the
//! collector waits until the loop is done.

use crate::builtins::arg;
use crate::object::PropertyKey;
use crate::value::Value;
use crate::vm::{ops, Ctx, Throw};

/// 22.1.2.1 `Array.from(items [, mapfn [, thisArg]])`. The result is always a plain array
/// (a subclass constructor as `this` needs classes, which the engine does not have).
pub(super) fn from<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<Value<'gc>, Throw<'gc>> {
    let ctx = *ctx;
    // 2-3. If mapfn is undefined, let mapping be false; else if IsCallable(mapfn) is false,
    //      throw a TypeError exception.
    let map = match arg(args, 1) {
        Value::Undefined => None,
        f if f.as_object().is_some_and(|o| o.is_callable()) => Some(f),
        _ => {
            return Err(
                ctx.type_error("Array.from: when provided, the second argument must be a function")
            )
        }
    };
    let this_arg = arg(args, 2);
    // 8. Let arrayLike be ToObject(items).
    let array_like = Value::Object(ops::to_object(ctx, arg(args, 0))?);
    // 9-10. Let len be ToLength(Get(arrayLike, "length")).
    let length = ops::get(ctx, array_like, ctx.realm().atoms.length)?;
    let length = crate::convert::to_integer(ops::to_number(ctx, length)?).max(0.0);
    if length >= 4_294_967_295.0 {
        return Err(ctx.range_error("Invalid array length"));
    }
    // 11-16. Each element, mapped if asked, defined on a new array in order.
    let mut values = Vec::new();
    for k in 0..length as u32 {
        let value = ops::get(ctx, array_like, PropertyKey::Index(k))?;
        let value = match map {
            Some(map) => ops::call(ctx, map, this_arg, &[value, Value::Number(f64::from(k))])?,
            None => value,
        };
        values.push(value);
    }
    Ok(Value::Object(ctx.realm().new_array(ctx, values)))
}
