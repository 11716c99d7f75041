//! Object and Object.prototype (ES5.1 15.2): the constructor, its functions (15.2.3) and the
//! prototype methods (15.2.4).

use super::{arg, define_constructor};
use crate::object::{Attributes, Class, NativeFn, Object, Slot};
use crate::value::Value;
use crate::vm::ops::{self, PropertyDescriptor};
use crate::vm::{Ctx, Throw};

mod legacy;

type NativeResult<'gc> = Result<Value<'gc>, Throw<'gc>>;

/// 15.2.1.1 / 15.2.2.1: `Object(value)` converts to an object; no value makes a new one.
fn object<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    match arg(args, 0) {
        Value::Undefined | Value::Null => {
            let object = Object::new(ctx, Some(ctx.realm().object_prototype), Class::Object);
            Ok(Value::Object(object))
        }
        value => Ok(Value::Object(ops::to_object(*ctx, value)?)),
    }
}

/// The `[[Class]]` name `Object.prototype.toString` reports (also Array.prototype.toString's
/// fallback, which must use it whatever a script has assigned).
pub(crate) fn class_name(object: Object<'_>) -> &'static str {
    match &object.borrow().class {
        Class::Object | Class::ForIn(_) => "Object",
        Class::Array => "Array",
        Class::Closure(_) | Class::Arrow(_) | Class::Native { .. } | Class::Bound(_) => "Function",
        Class::Error => "Error",
        Class::Arguments(_) => "Arguments",
        Class::Boolean(_) => "Boolean",
        Class::Number(_) => "Number",
        Class::String(_) => "String",
        Class::Date(_) => "Date",
        Class::RegExp(_) => "RegExp",
        Class::Math => "Math",
        Class::Json => "JSON",
        // ES2015 names these by their @@toStringTag (22.2.3.31, 24.1.4.4, 24.2.4.21).
        Class::ArrayBuffer(_) => "ArrayBuffer",
        Class::TypedArray(view) => view.kind.name(),
        Class::DataView(_) => "DataView",
    }
}

/// 15.2.4.2 Object.prototype.toString
fn to_string<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    let text = match this {
        Value::Undefined => "[object Undefined]".to_string(),
        Value::Null => "[object Null]".to_string(),
        other => format!("[object {}]", class_name(ops::to_object(*ctx, other)?)),
    };
    Ok(ctx.string(&text))
}

/// 15.2.4.4 Object.prototype.valueOf
fn value_of<'gc>(ctx: &Ctx<'gc>, this: Value<'gc>, _args: &[Value<'gc>]) -> NativeResult<'gc> {
    Ok(Value::Object(ops::to_object(*ctx, this)?))
}

/// 15.2.4.3 Object.prototype.toLocaleString
fn to_locale_string<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    _args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let O be the result of calling ToObject passing the this value as the argument.
    let object = Value::Object(ops::to_object(ctx, this)?);
    // 2. Let toString be the result of calling the [[Get]] internal method of O passing
    //    "toString" as the argument.
    let to_string = ops::get(ctx, object, ctx.realm().atoms.to_string)?;
    // 3. If IsCallable(toString) is false, throw a TypeError exception.
    if !to_string.as_object().is_some_and(|f| f.is_callable()) {
        return Err(ctx.type_error("toString is not a function"));
    }
    // 4. Return the result of calling the [[Call]] internal method of toString passing O as
    //    the this value and no arguments.
    ctx.tail_call(to_string, object, Vec::new())
}

/// 15.2.4.5 Object.prototype.hasOwnProperty(V)
fn has_own_property<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let P be ToString(V).
    let key = ops::to_property_key(ctx, arg(args, 0))?;
    // 2. Let O be the result of calling ToObject passing the this value as the argument.
    let object = ops::to_object(ctx, this)?;
    // 3-5. Let desc be the result of calling the [[GetOwnProperty]] internal method of O
    //      passing P as the argument; return whether it is defined.
    Ok(Value::Bool(
        ops::get_own_property(ctx, object, key).is_some(),
    ))
}

/// 15.2.4.6 Object.prototype.isPrototypeOf(V)
fn is_prototype_of<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    // 1. If V is not an object, return false.
    let Value::Object(mut v) = arg(args, 0) else {
        return Ok(Value::Bool(false));
    };
    // 2. Let O be the result of calling ToObject passing the this value as the argument.
    let object = ops::to_object(*ctx, this)?;
    // 3. Repeat: let V be the value of the [[Prototype]] internal property of V; if V is
    //    null, return false; if O and V refer to the same object, return true.
    while let Some(prototype) = v.prototype() {
        if prototype == object {
            return Ok(Value::Bool(true));
        }
        v = prototype;
    }
    Ok(Value::Bool(false))
}

/// 15.2.4.7 Object.prototype.propertyIsEnumerable(V)
fn property_is_enumerable<'gc>(
    ctx: &Ctx<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. Let P be ToString(V).
    let key = ops::to_property_key(ctx, arg(args, 0))?;
    // 2. Let O be the result of calling ToObject passing the this value as the argument.
    let object = ops::to_object(ctx, this)?;
    // 3-5. Let desc be the result of calling the [[GetOwnProperty]] internal method of O
    //      passing P as the argument; false if undefined, else desc.[[Enumerable]].
    let enumerable =
        ops::get_own_property(ctx, object, key).is_some_and(|p| p.attributes.enumerable());
    Ok(Value::Bool(enumerable))
}

// ---- The functions of the Object constructor (15.2.3) ---------------------------------------

/// The first argument as an object, or the TypeError the 15.2.3 functions throw ("If
/// Type(O) is not Object throw a TypeError exception").
fn object_arg<'gc>(
    ctx: Ctx<'gc>,
    args: &[Value<'gc>],
    function: &str,
) -> Result<Object<'gc>, Throw<'gc>> {
    match arg(args, 0) {
        Value::Object(object) => Ok(object),
        other => Err(ctx.type_error(&format!(
            "Object.{function} called on non-object {}",
            ops::display_string(ctx, other)
        ))),
    }
}

/// 15.2.3.2 Object.getPrototypeOf(O)
fn get_prototype_of<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is converted with ToObject rather than rejected.)
    let object = ops::to_object(*ctx, arg(args, 0))?;
    // 2. Return the value of the [[Prototype]] internal property of O.
    Ok(object.prototype().map_or(Value::Null, Value::Object))
}

/// 15.2.3.3 Object.getOwnPropertyDescriptor(O, P)
fn get_own_property_descriptor<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is converted with ToObject rather than rejected.)
    let object = ops::to_object(ctx, arg(args, 0))?;
    // 2. Let name be ToString(P).
    let key = ops::to_property_key(ctx, arg(args, 1))?;
    // 3. Let desc be the result of calling the [[GetOwnProperty]] internal method of O with
    //    argument name.
    let descriptor = ops::get_own_property(ctx, object, key).map(PropertyDescriptor::from);
    // 4. Return the result of calling FromPropertyDescriptor(desc) (8.10.4).
    Ok(ops::from_property_descriptor(ctx, descriptor.as_ref()))
}

/// 15.2.3.4 Object.getOwnPropertyNames(O)
fn get_own_property_names<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is converted with ToObject rather than rejected.)
    let object = ops::to_object(ctx, arg(args, 0))?;
    // 2. Let array be the result of creating a new object as if by the expression new
    //    Array().
    // 3-4. For each named own property P of O: let name be the String value that is the name
    //      of P; call the [[DefineOwnProperty]] internal method of array with arguments
    //      ToString(n), {[[Value]]: name, [[Writable]]: true, [[Enumerable]]: true,
    //      [[Configurable]]: true}, and false; increment n by 1.
    object.make_prototype(ctx);
    let names = ops::own_keys(object, false)
        .into_iter()
        .map(|key| Value::String(ops::key_to_string(ctx, key)));
    // 5. Return array.
    Ok(Value::Object(ctx.realm().new_array(ctx, names)))
}

/// 15.2.3.5 Object.create(O [, Properties])
fn create<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If Type(O) is not Object or Null throw a TypeError exception.
    let prototype = match arg(args, 0) {
        Value::Object(prototype) => Some(prototype),
        Value::Null => None,
        other => {
            return Err(ctx.type_error(&format!(
                "Object prototype may only be an Object or null: {}",
                ops::display_string(ctx, other)
            )))
        }
    };
    // 2. Let obj be the result of creating a new object as if by the expression new Object().
    // 3. Set the [[Prototype]] internal property of obj to O.
    let object = Object::new(&ctx, prototype, Class::Object);
    // 4. If the argument Properties is present and not undefined, add own properties to obj
    //    as if by calling the standard built-in function Object.defineProperties with
    //    arguments obj and Properties.
    let properties = arg(args, 1);
    if !properties.is_undefined() {
        define_properties_from(ctx, object, properties)?;
    }
    // 5. Return obj.
    Ok(Value::Object(object))
}

/// 15.2.3.6 Object.defineProperty(O, P, Attributes)
fn define_property<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If Type(O) is not Object throw a TypeError exception.
    let object = object_arg(ctx, args, "defineProperty")?;
    // 2. Let name be ToString(P).
    let key = ops::to_property_key(ctx, arg(args, 1))?;
    // 3. Let desc be the result of calling ToPropertyDescriptor with Attributes as the
    //    argument.
    let descriptor = ops::to_property_descriptor(ctx, arg(args, 2))?;
    // 4. Call the [[DefineOwnProperty]] internal method of O with arguments name, desc, and
    //    true.
    ops::define_own_property(ctx, object, key, &descriptor, true)?;
    // 5. Return O.
    Ok(Value::Object(object))
}

/// 15.2.3.7 Object.defineProperties(O, Properties)
fn define_properties<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If Type(O) is not Object throw a TypeError exception.
    let object = object_arg(ctx, args, "defineProperties")?;
    define_properties_from(ctx, object, arg(args, 1))?;
    // 7. Return O.
    Ok(Value::Object(object))
}

/// Steps 2-6 of 15.2.3.7: defines on `object` the properties that `properties` describes.
fn define_properties_from<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    properties: Value<'gc>,
) -> Result<(), Throw<'gc>> {
    // 2. Let props be ToObject(Properties).
    let props = ops::to_object(ctx, properties)?;
    // 3. Let names be an internal list containing the names of each enumerable own property
    //    of props.
    let names = ops::own_keys(props, true);
    // 4-5. Let descriptors be an empty internal List. For each element P of names in list
    //      order: let descObj be the result of calling the [[Get]] internal method of props
    //      with P as the argument; let desc be the result of calling ToPropertyDescriptor with
    //      descObj as the argument; append the pair (P, desc) to the end of descriptors.
    let mut descriptors = Vec::with_capacity(names.len());
    for key in names {
        let descriptor_object = ops::get(ctx, Value::Object(props), key)?;
        descriptors.push((key, ops::to_property_descriptor(ctx, descriptor_object)?));
    }
    // 6. For each element pair of descriptors in list order: call the [[DefineOwnProperty]]
    //    internal method of O with arguments P, desc, and true.
    for (key, descriptor) in descriptors {
        ops::define_own_property(ctx, object, key, &descriptor, true)?;
    }
    Ok(())
}

/// What `seal`/`freeze` do to each own property, and `isSealed`/`isFrozen` look for.
#[derive(Clone, Copy, PartialEq)]
enum Integrity {
    /// Non-configurable.
    Sealed,
    /// Non-configurable, and read-only if a data property.
    Frozen,
}

/// Steps 2-4 of 15.2.3.8 (seal) and 15.2.3.9 (freeze). Changing the attributes in place is
/// what `[[DefineOwnProperty]]` would do: turning `configurable` and `writable` off is always
/// allowed, and never changes an array's `length` or elements. (A String object's characters
/// are already non-configurable and read-only.)
fn set_integrity<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, level: Integrity) {
    object.make_prototype(ctx);
    let mut data = object.borrow_mut(&ctx);
    // 2. For each named own property name P of O,
    for key in data.properties.keys() {
        if let Some(mut property) = data.properties.get(key) {
            // a. Let desc be the result of calling the [[GetOwnProperty]] internal method of O
            //    with P.
            let attributes = property.attributes;
            // b. (freeze) If IsDataDescriptor(desc) is true, then if desc.[[Writable]] is
            //    true, set desc.[[Writable]] to false.
            let writable = attributes.writable()
                && !(level == Integrity::Frozen && matches!(property.slot, Slot::Data(_)));
            // c. (b for seal) If desc.[[Configurable]] is true, set desc.[[Configurable]] to
            //    false.
            // d. Call the [[DefineOwnProperty]] internal method of O with P, desc, and true as
            //    arguments.
            property.attributes = Attributes::new(writable, attributes.enumerable(), false);
            data.insert_property(&ctx, key, property);
        }
    }
    // 3. Set the [[Extensible]] internal property of O to false.
    data.extensible = false;
}

/// Steps 2-4 of 15.2.3.11 (isSealed) and 15.2.3.12 (isFrozen).
fn test_integrity<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, level: Integrity) -> bool {
    object.make_prototype(ctx);
    let data = object.borrow();
    // 2. For each named own property name P of O,
    let every = data.properties.iter().all(|(_, property)| {
        let attributes = property.attributes;
        // a. Let desc be the result of calling the [[GetOwnProperty]] internal method of O with
        //    P.
        // b. (isFrozen) If IsDataDescriptor(desc) is true then if desc.[[Writable]] is true,
        //    return false.
        let frozen_ok = level == Integrity::Sealed
            || !(matches!(property.slot, Slot::Data(_)) && attributes.writable());
        // c. (b for isSealed) If desc.[[Configurable]] is true, then return false.
        frozen_ok && !attributes.configurable()
    });
    // 3. If the [[Extensible]] internal property of O is false, then return true.
    // 4. Otherwise, return false.
    every && !data.extensible
}

/// 15.2.3.8 Object.seal(O)
fn seal<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is returned as it is.)
    let Value::Object(object) = arg(args, 0) else {
        return Ok(arg(args, 0));
    };
    // 2-3.
    set_integrity(*ctx, object, Integrity::Sealed);
    // 4. Return O.
    Ok(Value::Object(object))
}

/// 15.2.3.9 Object.freeze(O)
fn freeze<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is returned as it is.)
    let Value::Object(object) = arg(args, 0) else {
        return Ok(arg(args, 0));
    };
    // ES2015 9.4.5.3: a typed array's elements cannot be made read-only.
    if ops::integer_indexed::typed_array_view(object).is_some_and(|view| view.length > 0) {
        return Err(ctx.type_error("Cannot freeze array buffer views with elements"));
    }
    // 2-3.
    set_integrity(*ctx, object, Integrity::Frozen);
    // 4. Return O.
    Ok(Value::Object(object))
}

/// 15.2.3.10 Object.preventExtensions(O)
fn prevent_extensions<'gc>(
    ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is returned as it is.)
    let Value::Object(object) = arg(args, 0) else {
        return Ok(arg(args, 0));
    };
    // 2. Set the [[Extensible]] internal property of O to false. (What is made on first use
    //    is made now: it was there all along.)
    object.make_prototype(*ctx);
    object.borrow_mut(ctx).extensible = false;
    // 3. Return O.
    Ok(Value::Object(object))
}

/// 15.2.3.11 Object.isSealed(O)
fn is_sealed<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is frozen and sealed.)
    let Value::Object(object) = arg(args, 0) else {
        return Ok(Value::Bool(true));
    };
    // 2-4.
    Ok(Value::Bool(test_integrity(*ctx, object, Integrity::Sealed)))
}

/// 15.2.3.12 Object.isFrozen(O)
fn is_frozen<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is frozen and sealed.)
    let Value::Object(object) = arg(args, 0) else {
        return Ok(Value::Bool(true));
    };
    // A typed array with elements is never frozen: they stay writable.
    if ops::integer_indexed::typed_array_view(object).is_some_and(|view| view.length > 0) {
        return Ok(Value::Bool(false));
    }
    // 2-4.
    Ok(Value::Bool(test_integrity(*ctx, object, Integrity::Frozen)))
}

/// 15.2.3.13 Object.isExtensible(O)
fn is_extensible<'gc>(
    _ctx: &Ctx<'gc>,
    _this: Value<'gc>,
    args: &[Value<'gc>],
) -> NativeResult<'gc> {
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is not extensible.)
    let Value::Object(object) = arg(args, 0) else {
        return Ok(Value::Bool(false));
    };
    // 2. Return the Boolean value of the [[Extensible]] internal property of O.
    Ok(Value::Bool(object.borrow().extensible))
}

/// 15.2.3.14 Object.keys(O)
fn keys<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let ctx = *ctx;
    // 1. If Type(O) is not Object throw a TypeError exception.
    // (ES2015: a primitive is converted with ToObject rather than rejected.)
    let object = ops::to_object(ctx, arg(args, 0))?;
    // 2. Let n be the number of own enumerable properties of O.
    // 3. Let array be the result of creating a new Object as if by the expression new
    //    Array(n) where Array is the standard built-in constructor with that name.
    // 4-5. For each own enumerable property of O whose name String is P: call the
    //      [[DefineOwnProperty]] internal method of array with arguments ToString(index),
    //      {[[Value]]: P, [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]:
    //      true}, and false; increment index by 1. (The order is that of for-in.)
    let names = ops::own_keys(object, true)
        .into_iter()
        .map(|key| Value::String(ops::key_to_string(ctx, key)));
    // 6. Return array.
    Ok(Value::Object(ctx.realm().new_array(ctx, names)))
}

pub fn install(ctx: Ctx<'_>) {
    let realm = ctx.realm();
    let constructor = realm.native_function(ctx, object, 1, true);
    define_constructor(ctx, "Object", constructor, realm.object_prototype);
    let functions: [(&str, NativeFn, u32); 13] = [
        ("getPrototypeOf", get_prototype_of, 1),
        ("getOwnPropertyDescriptor", get_own_property_descriptor, 2),
        ("getOwnPropertyNames", get_own_property_names, 1),
        ("create", create, 2),
        ("defineProperty", define_property, 3),
        ("defineProperties", define_properties, 2),
        ("seal", seal, 1),
        ("freeze", freeze, 1),
        ("preventExtensions", prevent_extensions, 1),
        ("isSealed", is_sealed, 1),
        ("isFrozen", is_frozen, 1),
        ("isExtensible", is_extensible, 1),
        ("keys", keys, 1),
    ];
    realm.define_functions(ctx, constructor, &functions);
    let prototype = realm.object_prototype;
    let methods: [(&str, NativeFn, u32); 6] = [
        ("toString", to_string, 0),
        ("toLocaleString", to_locale_string, 0),
        ("valueOf", value_of, 0),
        ("hasOwnProperty", has_own_property, 1),
        ("isPrototypeOf", is_prototype_of, 1),
        ("propertyIsEnumerable", property_is_enumerable, 1),
    ];
    realm.define_functions(ctx, prototype, &methods);
    legacy::install(ctx);
}
