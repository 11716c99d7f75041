//! The parts of `Object.prototype` that scripts of 2010 took from V8 and ES2015 put in Annex
//! B: the `__proto__` accessor (B.2.2.1) and `__defineGetter__`, `__defineSetter__`,
//! `__lookupGetter__`, `__lookupSetter__` (B.2.2.2-5). node's own library sets prototypes
//! with `Stream.prototype.__proto__ = EventEmitter.prototype`.

use super::super::arg;
use crate::object::{Attributes, NativeFn, Object, Property, Slot};
use crate::value::Value;
use crate::vm::ops::{self, PropertyDescriptor};
use crate::vm::{Ctx, Throw};

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// B.2.2.1.1 get Object.prototype.__proto__
fn get_proto<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. Let O be ToObject(this value).
    let object = ops::to_object(*ctx, this)?;
    // 2. Return O.[[GetPrototypeOf]]().
    Ok(object.prototype().map_or(Value::Null, Value::Object))
}

/// B.2.2.1.2 set Object.prototype.__proto__
fn set_proto<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. Let O be RequireObjectCoercible(this value).
    if matches!(this, Value::Undefined | Value::Null) {
        return Err(ctx.type_error("Object.prototype.__proto__ called on null or undefined"));
    }
    // 2. If Type(proto) is neither Object nor Null, return undefined.
    let prototype = match arg(args, 0) {
        Value::Object(prototype) => Some(prototype),
        Value::Null => None,
        _ => return Ok(Value::Undefined),
    };
    // 3. If Type(O) is not Object, return undefined.
    let Value::Object(object) = this else {
        return Ok(Value::Undefined);
    };
    // 4. Let status be O.[[SetPrototypeOf]](proto).
    // 5. If status is false, throw a TypeError exception.
    if !object.set_prototype_of(ctx, prototype) {
        let message = if object.borrow().extensible {
            "Cyclic __proto__ value"
        } else {
            "Object is not extensible: its prototype cannot change"
        };
        return Err(ctx.type_error(message));
    }
    // 6. Return undefined.
    Ok(Value::Undefined)
}

/// B.2.2.2 / B.2.2.3: `__defineGetter__(P, getter)` and `__defineSetter__(P, setter)`.
fn define_accessor<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
    getter: bool,
) -> NativeResult<'gc> {
    // 1. Let O be ? ToObject(this value).
    let object = ops::to_object(ctx, this)?;
    // 2. If IsCallable(getter) is false, throw a TypeError exception.
    let Some(function) = arg(args, 1).as_object().filter(|f| f.is_callable()) else {
        return Err(ctx.type_error(if getter {
            "Object.prototype.__defineGetter__: Expecting function"
        } else {
            "Object.prototype.__defineSetter__: Expecting function"
        }));
    };
    // 3. Let desc be PropertyDescriptor{[[Get]]: getter, [[Enumerable]]: true,
    //    [[Configurable]]: true} (or [[Set]]: setter).
    let descriptor = PropertyDescriptor {
        get: getter.then_some(Some(function)),
        set: (!getter).then_some(Some(function)),
        enumerable: Some(true),
        configurable: Some(true),
        ..PropertyDescriptor::default()
    };
    // 4. Let key be ? ToPropertyKey(P).
    let key = ops::to_property_key(ctx, arg(args, 0))?;
    // 5. Perform ? DefinePropertyOrThrow(O, key, desc).
    ops::define_own_property(ctx, object, key, &descriptor, true)?;
    // 6. Return undefined.
    Ok(Value::Undefined)
}

/// B.2.2.2 Object.prototype.__defineGetter__(P, getter)
fn define_getter<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    define_accessor(*ctx, this, args, true)
}

/// B.2.2.3 Object.prototype.__defineSetter__(P, setter)
fn define_setter<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    define_accessor(*ctx, this, args, false)
}

/// B.2.2.4 / B.2.2.5: `__lookupGetter__(P)` and `__lookupSetter__(P)`.
fn lookup_accessor<'gc>(
    ctx: Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
    getter: bool,
) -> NativeResult<'gc> {
    // 1. Let O be ? ToObject(this value).
    let mut object: Object<'gc> = ops::to_object(ctx, this)?;
    // 2. Let key be ? ToPropertyKey(P).
    let key = ops::to_property_key(ctx, arg(args, 0))?;
    // 3. Repeat,
    loop {
        // a. Let desc be ? O.[[GetOwnProperty]](key).
        // b. If desc is not undefined, then
        if let Some(Property { slot, .. }) = ops::get_own_property(ctx, object, key) {
            // i. If IsAccessorDescriptor(desc) is true, return desc.[[Get]] (or [[Set]]).
            // ii. Return undefined.
            let found = match slot {
                Slot::Accessor { get, set } => {
                    if getter {
                        get
                    } else {
                        set
                    }
                }
                Slot::Data(_) => None,
            };
            return Ok(found.map_or(Value::Undefined, Value::Object));
        }
        // c. Set O to ? O.[[GetPrototypeOf]]().
        // d. If O is null, return undefined.
        match object.prototype() {
            Some(prototype) => object = prototype,
            None => return Ok(Value::Undefined),
        }
    }
}

/// B.2.2.4 Object.prototype.__lookupGetter__(P)
fn lookup_getter<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    lookup_accessor(*ctx, this, args, true)
}

/// B.2.2.5 Object.prototype.__lookupSetter__(P)
fn lookup_setter<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    lookup_accessor(*ctx, this, args, false)
}

/// Defines the accessor and the four methods on `Object.prototype`.
pub(super) fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let prototype = realm.object_prototype;
    let methods: [(&str, NativeFn, u32); 4] = [
        ("__defineGetter__", define_getter, 2),
        ("__defineSetter__", define_setter, 2),
        ("__lookupGetter__", lookup_getter, 1),
        ("__lookupSetter__", lookup_setter, 1),
    ];
    realm.define_functions(ctx, prototype, &methods);
    // B.2.2.1: an accessor, not enumerable, configurable.
    let get = realm.named_native_function(ctx, "get __proto__", get_proto, 0, false);
    let set = realm.named_native_function(ctx, "set __proto__", set_proto, 1, false);
    let key = realm.key(ctx, "__proto__");
    prototype.set_own(
        &ctx,
        key,
        Property {
            slot: Slot::Accessor {
                get: Some(get),
                set: Some(set),
            },
            attributes: Attributes::new(false, false, true),
        },
    );
}
