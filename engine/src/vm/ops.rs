//! The spec's abstract operations the interpreter and the builtins share: type conversions
//! (ES5.1 chapter 9), the operators (chapter 11), and property access with prototypes,
//! accessors and array `length` (chapter 8).
//!
//! Conversions of objects (`ToPrimitive`) and accessor properties run JavaScript code. Here
//! they do so in a *nested run* of the interpreter (see [`call`]), bounded in depth. Such a
//! run happens inside one slice of the engine, so the collector cannot run during it and a
//! `promise.wait()` inside it cannot suspend.

use super::arguments::{mapped_parameter, read_env_slot, unmap_parameter, write_env_slot};
use super::executor::RunState;
use super::{Ctx, Executor, Request, Throw};
use crate::convert;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::string::JsString;
use crate::value::Value;
use std::cell::Cell;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

thread_local! {
    /// How many nested runs are active on this thread.
    static NESTING: Cell<u32> = const { Cell::new(0) };
}

/// Nested runs allowed at once (each uses some Rust stack).
const MAX_NESTING: u32 = 200;

/// Calls `function` with `this` and `args`, running it to completion in a nested run of the
/// interpreter, and returns its result.
///
/// A native function runs directly; if it asks for a tail call (see [`Request`]), that call
/// is made here, also nested. Every call made through here counts as nested, natives included,
/// so that a native knows whether the interpreter itself called it (see [`is_nested`]).
pub fn call<'gc>(
    ctx: Ctx<'gc>,
    function: Value<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<'gc, Value<'gc>> {
    let Some(object) = function.as_object().filter(|o| o.is_callable()) else {
        return Err(ctx.type_error("not a function"));
    };
    let depth = NESTING.with(|n| n.get());
    if depth >= MAX_NESTING {
        return Err(ctx.range_error("Maximum call stack size exceeded"));
    }
    NESTING.with(|n| n.set(depth + 1));
    let result = call_nested(ctx, object, this, args);
    NESTING.with(|n| n.set(depth));
    result
}

fn call_nested<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    this: Value<'gc>,
    args: &[Value<'gc>],
) -> Result<'gc, Value<'gc>> {
    // Natives run directly (with the object's borrow released first: the native may change
    // its own function object, as `Object.freeze.call(null, Object.freeze)` does).
    let native = match object.borrow().class {
        Class::Native { function, .. } => Some(function),
        _ => None,
    };
    if let Some(function) = native {
        let ctx = Ctx {
            constructing: false,
            ..ctx
        };
        let result = function(&ctx, this, args);
        return match (ctx.take_request(), result) {
            (Some(Request::TailCall(call)), Ok(_)) => {
                self::call(ctx, call.function, call.this, &call.args)
            }
            // Natives check `is_nested` before asking to suspend; this is a safety net.
            (Some(Request::Suspend), Ok(_)) => {
                Err(ctx.error(ctx.realm().error_prototype, CANNOT_SUSPEND))
            }
            (Some(Request::Resumable(start)), Ok(_)) => {
                let mut executor = Executor::default();
                executor.start_resumable(ctx, start);
                run_to_end(ctx, executor)
            }
            (_, result) => result,
        };
    }
    let mut executor = Executor::default();
    executor.start(ctx, object, this, args);
    run_to_end(ctx, executor)
}

/// Runs a nested executor until its call returns or throws.
fn run_to_end<'gc>(ctx: Ctx<'gc>, mut executor: Executor<'gc>) -> Result<'gc, Value<'gc>> {
    loop {
        match executor.run(ctx, i64::MAX) {
            RunState::Finished(result) => return result,
            RunState::OutOfFuel => {}
            RunState::Suspended => {
                return Err(ctx.error(ctx.realm().error_prototype, CANNOT_SUSPEND))
            }
        }
    }
}

/// Whether a nested call (see [`call`]) is in progress: a native that finds none was called by
/// the interpreter itself, so its execution stack could be suspended.
pub fn is_nested() -> bool {
    NESTING.with(|n| n.get()) > 0
}

/// The message of the error a suspension gets where the Rust stack holds part of the
/// JavaScript one.
pub const CANNOT_SUSPEND: &str = "this execution stack cannot be suspended here: \
promise.wait() was called from inside a callback that a native function runs to completion \
(a getter, valueOf/toString, a JSON or replace callback); call it from ordinary code instead";

// ---- Conversions (ES5.1 chapter 9) -----------------------------------------------------------

/// The hint of ToPrimitive.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Number,
    String,
    /// No hint (`+`, `==`, `new Date(value)`): String for Date objects, Number for the rest
    /// (8.12.8).
    Default,
}

/// ToPrimitive (9.1): objects become primitives through `valueOf` and `toString`.
pub fn to_primitive<'gc>(ctx: Ctx<'gc>, value: Value<'gc>, hint: Hint) -> Result<'gc, Value<'gc>> {
    let Value::Object(object) = value else {
        return Ok(value);
    };
    // 8.12.8 [[DefaultValue]]: Date objects default to the String hint.
    let hint = match (&object.borrow().class, hint) {
        (Class::Date(_), Hint::Default) => Hint::String,
        (_, Hint::Default) => Hint::Number,
        _ => hint,
    };
    let atoms = &ctx.realm().atoms;
    let order = match hint {
        Hint::String => [atoms.to_string, atoms.value_of],
        Hint::Number | Hint::Default => [atoms.value_of, atoms.to_string],
    };
    for key in order {
        let method = get(ctx, value, key)?;
        if method.as_object().is_some_and(|m| m.is_callable()) {
            let result = call(ctx, method, value, &[])?;
            if !matches!(result, Value::Object(_)) {
                return Ok(result);
            }
        }
    }
    Err(ctx.type_error("Cannot convert object to primitive value"))
}

/// ToNumber (9.3).
#[inline]
pub fn to_number<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, f64> {
    // Numbers first, without a call: the interpreter converts its operands all the time.
    match value {
        Value::Number(n) => Ok(n),
        _ => convert_to_number(ctx, value),
    }
}

/// ToNumber of a value that is not a number.
fn convert_to_number<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, f64> {
    Ok(match value {
        Value::Undefined => f64::NAN,
        Value::Null => 0.0,
        Value::Bool(b) => f64::from(u8::from(b)),
        Value::Number(n) => n,
        Value::String(s) => s.with_units(&ctx, |units| match units {
            crate::string::Units::Latin1(bytes) => {
                let wide: Vec<u16> = bytes.iter().map(|&b| u16::from(b)).collect();
                convert::string_to_number(&wide)
            }
            crate::string::Units::Utf16(units) => convert::string_to_number(units),
        }),
        Value::Object(_) => {
            let primitive = to_primitive(ctx, value, Hint::Number)?;
            return to_number(ctx, primitive);
        }
    })
}

/// ToString (9.8).
pub fn to_string<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, JsString<'gc>> {
    Ok(match value {
        Value::String(s) => s,
        Value::Undefined => JsString::from_str(&ctx, "undefined"),
        Value::Null => JsString::from_str(&ctx, "null"),
        Value::Bool(true) => JsString::from_str(&ctx, "true"),
        Value::Bool(false) => JsString::from_str(&ctx, "false"),
        Value::Number(n) => JsString::from_str(&ctx, &convert::number_to_string(n)),
        Value::Object(_) => {
            let primitive = to_primitive(ctx, value, Hint::String)?;
            return to_string(ctx, primitive);
        }
    })
}

/// ToObject (9.9): primitives are wrapped; `undefined` and `null` throw.
pub fn to_object<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, Object<'gc>> {
    let realm = ctx.realm();
    let (prototype, class) = match value {
        Value::Object(object) => return Ok(object),
        Value::Undefined | Value::Null => {
            return Err(ctx.type_error(&format!(
                "Cannot convert {} to object",
                display_string(ctx, value)
            )))
        }
        Value::Bool(b) => (realm.boolean_prototype, Class::Boolean(b)),
        Value::Number(n) => (realm.number_prototype, Class::Number(n)),
        Value::String(s) => (realm.string_prototype, Class::String(s)),
    };
    let object = Object::new(&ctx, Some(prototype), class);
    if let Value::String(s) = value {
        object.set_own_value(
            &ctx,
            realm.atoms.length,
            Value::Number(s.len() as f64),
            Attributes::NONE,
        );
    }
    Ok(object)
}

/// The property key a value names (ToString, then an array index or an interned name).
pub fn to_property_key<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, PropertyKey<'gc>> {
    if let Value::Number(n) = value {
        if (0.0..4_294_967_295.0).contains(&n) && n.fract() == 0.0 {
            return Ok(PropertyKey::Index(n as u32));
        }
    }
    let s = to_string(ctx, value)?;
    let units = s.to_units(&ctx);
    Ok(ctx.realm().key_from_units(ctx, &units))
}

/// The key's name as a string value.
pub fn key_to_string<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> JsString<'gc> {
    match key {
        PropertyKey::String(s) => s,
        PropertyKey::Index(i) => JsString::from_str(&ctx, &i.to_string()),
    }
}

/// A value as text for messages and the host (never throws: a failing conversion shows as the
/// value's type).
pub fn display_string<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> String {
    match value {
        Value::Object(object) if matches!(object.borrow().class, Class::Error) => {
            error_to_string(ctx, object)
        }
        _ => match to_string(ctx, value) {
            Ok(s) => s.to_rust_string(&ctx),
            Err(_) => format!("[{}]", value.type_of()),
        },
    }
}

/// "Name: message" for an error object.
fn error_to_string<'gc>(ctx: Ctx<'gc>, error: Object<'gc>) -> String {
    let atoms = &ctx.realm().atoms;
    let text = |key| {
        get(ctx, Value::Object(error), key)
            .ok()
            .filter(|v| !v.is_undefined())
            .and_then(|v| to_string(ctx, v).ok())
            .map(|s| s.to_rust_string(&ctx))
    };
    let name = text(atoms.name).unwrap_or_else(|| "Error".to_string());
    match text(atoms.message) {
        Some(message) if !message.is_empty() => format!("{name}: {message}"),
        _ => name,
    }
}

/// An error's `stack`, if it is an error object with one.
pub fn error_stack<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> Option<String> {
    let object = value.as_object()?;
    let property = object.own_property(ctx.realm().atoms.stack)?;
    match property.slot {
        Slot::Data(Value::String(s)) => Some(s.to_rust_string(&ctx)),
        _ => None,
    }
}

// ---- Properties ---------------------------------------------------------------------------------

/// [[Get]] on any value (8.12.3, with primitives looked up on their prototypes).
pub fn get<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    key: PropertyKey<'gc>,
) -> Result<'gc, Value<'gc>> {
    let realm = ctx.realm();
    let start = match value {
        Value::Object(object) => object,
        Value::String(s) => {
            if key == realm.atoms.length {
                return Ok(Value::Number(s.len() as f64));
            }
            if let PropertyKey::Index(i) = key {
                if let Some(unit) = s.unit_at(&ctx, i as usize) {
                    return Ok(Value::String(JsString::from_units(&ctx, &[unit])));
                }
            }
            realm.string_prototype
        }
        Value::Number(_) => realm.number_prototype,
        Value::Bool(_) => realm.boolean_prototype,
        Value::Undefined | Value::Null => {
            let name = key_to_string(ctx, key).to_rust_string(&ctx);
            return Err(ctx.type_error(&format!(
                "Cannot read property '{name}' of {}",
                display_string(ctx, value)
            )));
        }
    };
    if let Class::String(s) = start.borrow().class {
        if let PropertyKey::Index(i) = key {
            if let Some(unit) = s.unit_at(&ctx, i as usize) {
                return Ok(Value::String(JsString::from_units(&ctx, &[unit])));
            }
        }
    }
    // 10.6 [[Get]]: a mapped element of a sloppy `arguments` object is its parameter.
    if let Some((env, slot)) = mapped_parameter(start, key) {
        return Ok(read_env_slot(env, slot));
    }
    match start.find_property(key) {
        None => Ok(Value::Undefined),
        Some((
            _,
            Property {
                slot: Slot::Data(v),
                ..
            },
        )) => Ok(v),
        Some((
            _,
            Property {
                slot: Slot::Accessor {
                    get: Some(getter), ..
                },
                ..
            },
        )) => call(ctx, Value::Object(getter), value, &[]),
        Some((
            _,
            Property {
                slot: Slot::Accessor { get: None, .. },
                ..
            },
        )) => Ok(Value::Undefined),
    }
}

/// [[Put]] on any value (8.12.5): assignment `value[key] = v`. In strict code a failed
/// assignment throws a TypeError; in sloppy code it is silently ignored.
pub fn put<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    key: PropertyKey<'gc>,
    v: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    let object = match value {
        Value::Object(object) => object,
        Value::Undefined | Value::Null => {
            let name = key_to_string(ctx, key).to_rust_string(&ctx);
            return Err(ctx.type_error(&format!(
                "Cannot set property '{name}' of {}",
                display_string(ctx, value)
            )));
        }
        // Assigning to a primitive's property does nothing (the wrapper is thrown away), but
        // setters on the prototype still run.
        _ => {
            let wrapper = to_object(ctx, value)?;
            if let Some((
                _,
                Property {
                    slot:
                        Slot::Accessor {
                            set: Some(setter), ..
                        },
                    ..
                },
            )) = wrapper.find_property(key)
            {
                call(ctx, Value::Object(setter), value, &[v])?;
                return Ok(());
            }
            if strict {
                return Err(ctx.type_error("Cannot create property on a primitive value"));
            }
            return Ok(());
        }
    };
    let fail = |message: &str| {
        if strict {
            Err(ctx.type_error(message))
        } else {
            Ok(())
        }
    };
    // 8.12.4 [[CanPut]]: a String object's characters are read-only (15.5.5.2).
    if string_index(object, key).is_some() {
        return fail("Cannot assign to read only property");
    }
    match object.find_property(key) {
        Some((owner, property)) => match property.slot {
            // 8.12.5 step 5: an accessor (own or inherited) calls its setter.
            Slot::Accessor {
                set: Some(setter), ..
            } => {
                call(ctx, Value::Object(setter), value, &[v])?;
                Ok(())
            }
            Slot::Accessor { set: None, .. } => {
                fail("Cannot set a property that has only a getter")
            }
            Slot::Data(_) if !property.attributes.writable() => {
                fail("Cannot assign to read only property")
            }
            // 8.12.5 step 3: an own data property gets the value through
            // [[DefineOwnProperty]]({[[Value]]: V}); only arrays need more than a write.
            // (Rewriting an existing element leaves an array's length as it is: only a
            // write to `length` itself needs 15.4.5.1.)
            Slot::Data(_) if owner == object => {
                if key == ctx.realm().atoms.length && matches!(object.borrow().class, Class::Array)
                {
                    let descriptor = PropertyDescriptor {
                        value: Some(v),
                        ..PropertyDescriptor::default()
                    };
                    define_own_property(ctx, object, key, &descriptor, strict)?;
                } else {
                    object.set_own_value(&ctx, key, v, property.attributes);
                    // 10.6 [[DefineOwnProperty]] step 5.a.i: a mapped element writes its
                    // parameter too.
                    if let Some((env, slot)) = mapped_parameter(object, key) {
                        write_env_slot(ctx, env, slot, v);
                    }
                }
                Ok(())
            }
            Slot::Data(_) => add_property(ctx, object, key, v, strict),
        },
        None => add_property(ctx, object, key, v, strict),
    }
}

/// Adds a new own data property by assignment (8.12.5 step 6: writable, enumerable and
/// configurable), unless the object is not extensible. (For a property the object does not
/// have, this is also what [[DefineOwnProperty]] with such a descriptor does.)
pub fn add_property<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    v: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    if !object.borrow().extensible {
        return if strict {
            Err(ctx.type_error("Cannot add property, object is not extensible"))
        } else {
            Ok(())
        };
    }
    let is_array = matches!(object.borrow().class, Class::Array);
    if let (PropertyKey::Index(index), true) = (key, is_array) {
        // 15.4.5.1 step 4 for a new element (an array's own `length` always exists, so
        // only indices get here): past the end, it needs a writable length, and grows it.
        let length_key = ctx.realm().atoms.length;
        let length = array_length(object, length_key);
        if index >= length {
            let writable = object
                .own_property(length_key)
                .is_none_or(|p| p.attributes.writable());
            if !writable {
                return if strict {
                    Err(ctx.type_error("Cannot add an element: the array's length is read-only"))
                } else {
                    Ok(())
                };
            }
            object.set_own_value(
                &ctx,
                length_key,
                Value::Number(f64::from(index) + 1.0),
                Attributes::new(true, false, false),
            );
        }
    }
    object.set_own_value(&ctx, key, v, Attributes::ALL);
    Ok(())
}

/// An array's `length`.
pub fn array_length<'gc>(object: Object<'gc>, length_key: PropertyKey<'gc>) -> u32 {
    match object.own_property(length_key) {
        Some(Property {
            slot: Slot::Data(Value::Number(n)),
            ..
        }) => n as u32,
        _ => 0,
    }
}

/// [[Delete]] (8.12.7): whether the property is gone. A non-configurable property stays, and
/// strict code gets a TypeError.
pub fn delete<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    strict: bool,
) -> Result<'gc, bool> {
    // 1. Let desc be the result of calling the [[GetOwnProperty]] internal method of O with
    //    property name P.
    match get_own_property(ctx, object, key) {
        // 2. If desc is undefined, then return true.
        None => Ok(true),
        // 3. If desc.[[Configurable]] is true, then remove the own property; return true.
        Some(property) if property.attributes.configurable() => {
            object.remove_own(&ctx, key);
            // 10.6 [[Delete]] step 4.a: a deleted element is no longer mapped.
            unmap_parameter(ctx, object, key);
            Ok(true)
        }
        // 4. Else if Throw, then throw a TypeError exception.
        Some(_) if strict => Err(ctx.type_error(&format!(
            "Cannot delete property '{}'",
            key_to_string(ctx, key).to_rust_string(&ctx)
        ))),
        // 5. Return false.
        Some(_) => Ok(false),
    }
}

/// HasProperty, for `in` and `with` lookups.
pub fn has_property<'gc>(object: Object<'gc>, key: PropertyKey<'gc>) -> bool {
    if let Class::String(s) = object.borrow().class {
        if let PropertyKey::Index(i) = key {
            if (i as usize) < s.len() {
                return true;
            }
        }
    }
    object.find_property(key).is_some()
}

// ---- Property descriptors (8.10) and [[DefineOwnProperty]] (8.12.9, 15.4.5.1) ---------------

/// A Property Descriptor (8.10): every field is optional. `get`/`set` are `Some(None)` when
/// the field is present and `undefined`.
#[derive(Clone, Copy, Debug, Default)]
pub struct PropertyDescriptor<'gc> {
    pub value: Option<Value<'gc>>,
    pub writable: Option<bool>,
    pub get: Option<Option<Object<'gc>>>,
    pub set: Option<Option<Object<'gc>>>,
    pub enumerable: Option<bool>,
    pub configurable: Option<bool>,
}

impl<'gc> PropertyDescriptor<'gc> {
    /// A complete data descriptor.
    pub fn data(value: Value<'gc>, attributes: Attributes) -> PropertyDescriptor<'gc> {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(attributes.writable()),
            enumerable: Some(attributes.enumerable()),
            configurable: Some(attributes.configurable()),
            ..PropertyDescriptor::default()
        }
    }

    /// IsAccessorDescriptor (8.10.1).
    pub fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }

    /// IsDataDescriptor (8.10.2).
    pub fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }

    /// IsGenericDescriptor (8.10.3).
    pub fn is_generic(&self) -> bool {
        !self.is_accessor() && !self.is_data()
    }
}

impl<'gc> From<Property<'gc>> for PropertyDescriptor<'gc> {
    /// The complete descriptor of an existing property.
    fn from(property: Property<'gc>) -> Self {
        let attributes = property.attributes;
        match property.slot {
            Slot::Data(value) => PropertyDescriptor::data(value, attributes),
            Slot::Accessor { get, set } => PropertyDescriptor {
                get: Some(get),
                set: Some(set),
                enumerable: Some(attributes.enumerable()),
                configurable: Some(attributes.configurable()),
                ..PropertyDescriptor::default()
            },
        }
    }
}

/// The character of a String object at `key`, if `key` is an index inside the string
/// (15.5.5.2: such properties exist without being stored).
fn string_index<'gc>(object: Object<'gc>, key: PropertyKey<'gc>) -> Option<(JsString<'gc>, u32)> {
    match (&object.borrow().class, key) {
        (Class::String(s), PropertyKey::Index(i)) if (i as usize) < s.len() => Some((*s, i)),
        _ => None,
    }
}

/// [[GetOwnProperty]] (8.12.1), with the String objects' characters (15.5.5.2): enumerable,
/// read-only, permanent.
pub fn get_own_property<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
) -> Option<Property<'gc>> {
    if let Some(mut property) = object.own_property(key) {
        // 10.6 [[GetOwnProperty]]: a mapped element's value is its parameter's.
        if let Some((env, slot)) = mapped_parameter(object, key) {
            property.slot = Slot::Data(read_env_slot(env, slot));
        }
        return Some(property);
    }
    let (s, i) = string_index(object, key)?;
    let unit = s.unit_at(&ctx, i as usize)?;
    Some(Property::data(
        Value::String(JsString::from_units(&ctx, &[unit])),
        Attributes::new(false, true, false),
    ))
}

/// The names of an object's own properties in enumeration order (a String object's
/// characters first), optionally only the enumerable ones.
pub fn own_keys<'gc>(object: Object<'gc>, only_enumerable: bool) -> Vec<PropertyKey<'gc>> {
    let data = object.borrow();
    let mut keys = Vec::new();
    if let Class::String(s) = data.class {
        keys.extend((0..s.len() as u32).map(PropertyKey::Index));
    }
    let properties = &data.properties;
    keys.extend(properties.keys().into_iter().filter(|&key| {
        !only_enumerable
            || properties
                .get(key)
                .is_some_and(|p| p.attributes.enumerable())
    }));
    keys
}

/// SameValue (9.12): `===` except that NaN equals itself and +0 differs from -0.
pub fn same_value<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_nan() && y.is_nan() => true,
        (Value::Number(x), Value::Number(y)) => {
            x == y && x.is_sign_negative() == y.is_sign_negative()
        }
        _ => strict_equals(ctx, a, b),
    }
}

/// FromPropertyDescriptor (8.10.4): a descriptor as an object with its fields as properties
/// (`undefined` for no descriptor).
pub fn from_property_descriptor<'gc>(
    ctx: Ctx<'gc>,
    descriptor: Option<&PropertyDescriptor<'gc>>,
) -> Value<'gc> {
    // 1. If Desc is undefined, then return undefined.
    let Some(descriptor) = descriptor else {
        return Value::Undefined;
    };
    // 2. Let obj be the result of creating a new object as if by the expression new Object().
    let realm = ctx.realm();
    let object = Object::new(&ctx, Some(realm.object_prototype), Class::Object);
    let accessor = |f: Option<Object<'gc>>| f.map_or(Value::Undefined, Value::Object);
    // 3-4. The data fields ("value", "writable") or the accessor fields ("get", "set"), then
    // 5-6. "enumerable" and "configurable", all {[[Writable]]: true, [[Enumerable]]: true,
    //      [[Configurable]]: true}.
    let fields = [
        ("value", descriptor.value),
        ("writable", descriptor.writable.map(Value::Bool)),
        ("get", descriptor.get.map(accessor)),
        ("set", descriptor.set.map(accessor)),
        ("enumerable", descriptor.enumerable.map(Value::Bool)),
        ("configurable", descriptor.configurable.map(Value::Bool)),
    ];
    for (name, field) in fields {
        if let Some(value) = field {
            object.set_own_value(&ctx, realm.key(ctx, name), value, Attributes::ALL);
        }
    }
    // 7. Return obj.
    Value::Object(object)
}

/// ToPropertyDescriptor (8.10.5): reads a descriptor object's fields (through [[Get]], so
/// inherited fields and getters count).
pub fn to_property_descriptor<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
) -> Result<'gc, PropertyDescriptor<'gc>> {
    // 1. If Type(Obj) is not Object throw a TypeError exception.
    let Value::Object(object) = value else {
        return Err(ctx.type_error(&format!(
            "Property description must be an object: {}",
            display_string(ctx, value)
        )));
    };
    let realm = ctx.realm();
    let field = |name: &str| -> Result<'gc, Option<Value<'gc>>> {
        let key = realm.key(ctx, name);
        if has_property(object, key) {
            get(ctx, value, key).map(Some)
        } else {
            Ok(None)
        }
    };
    // 7-8. "get" and "set" must be callable or undefined, else a TypeError.
    let accessor = |name: &str| -> Result<'gc, Option<Option<Object<'gc>>>> {
        match field(name)? {
            None => Ok(None),
            Some(Value::Undefined) => Ok(Some(None)),
            Some(Value::Object(f)) if f.is_callable() => Ok(Some(Some(f))),
            Some(other) => Err(ctx.type_error(&format!(
                "Getter or setter must be a function: {}",
                display_string(ctx, other)
            ))),
        }
    };
    // 2. Let desc be the result of creating a new Property Descriptor that initially has no
    //    fields; then fill it in the spec's order (the fields are read in this order, which a
    //    getter on the descriptor object can observe):
    let descriptor = PropertyDescriptor {
        // 3-4. "enumerable" and "configurable" are ToBoolean of the field.
        enumerable: field("enumerable")?.map(Value::to_boolean),
        configurable: field("configurable")?.map(Value::to_boolean),
        // 5. "value" as is.
        value: field("value")?,
        // 6. "writable" is ToBoolean of the field.
        writable: field("writable")?.map(Value::to_boolean),
        // 7-8. "get" and "set".
        get: accessor("get")?,
        set: accessor("set")?,
    };
    // 9. If either desc.[[Get]] or desc.[[Set]] are present, then if either desc.[[Value]] or
    //    desc.[[Writable]] are present, then throw a TypeError exception.
    if descriptor.is_accessor() && descriptor.is_data() {
        return Err(ctx.type_error(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute",
        ));
    }
    // 10. Return desc.
    Ok(descriptor)
}

/// [[DefineOwnProperty]] (8.12.9, and 15.4.5.1 for arrays): creates or changes an own
/// property as `descriptor` says, if the property's current attributes allow it. A refused
/// change throws a TypeError when `throw` is set and returns `false` otherwise.
///
/// # Errors
/// The TypeError of a refused change (with `throw`); for an array's `length`, a RangeError
/// when the value is not a valid length, and whatever converting the value throws.
pub fn define_own_property<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    descriptor: &PropertyDescriptor<'gc>,
    throw: bool,
) -> Result<'gc, bool> {
    if let Some((env, slot)) = mapped_parameter(object, key) {
        // 10.6 [[DefineOwnProperty]]: the ordinary definition, then the mapping follows it.
        let defined = define_ordinary(ctx, object, key, descriptor, throw)?;
        if defined {
            if descriptor.is_accessor() {
                unmap_parameter(ctx, object, key);
            } else {
                if let Some(value) = descriptor.value {
                    write_env_slot(ctx, env, slot, value);
                }
                if descriptor.writable == Some(false) {
                    unmap_parameter(ctx, object, key);
                }
            }
        }
        return Ok(defined);
    }
    if !matches!(object.borrow().class, Class::Array) {
        return define_ordinary(ctx, object, key, descriptor, throw);
    }
    // 15.4.5.1 [[DefineOwnProperty]] of an array.
    let length_key = ctx.realm().atoms.length;
    // 1-2. Let oldLenDesc be the result of calling the [[GetOwnProperty]] internal method of
    //      A passing "length" as the argument. Let oldLen be oldLenDesc.[[Value]].
    let old_len = array_length(object, length_key);
    let length_writable = object
        .own_property(length_key)
        .is_none_or(|p| p.attributes.writable());
    if key == length_key {
        // 3. If P is "length", then
        //   a. If the [[Value]] field of Desc is absent, then return the result of calling the
        //      default [[DefineOwnProperty]] internal method (8.12.9) on A passing "length",
        //      Desc, and Throw as arguments.
        let Some(value) = descriptor.value else {
            return define_ordinary(ctx, object, key, descriptor, throw);
        };
        //   b. Let newLenDesc be a copy of Desc.
        let mut new_len_desc = *descriptor;
        //   c. Let newLen be ToUint32(Desc.[[Value]]).
        let new_len = convert::to_uint32(to_number(ctx, value)?);
        //   d. If newLen is not equal to ToNumber(Desc.[[Value]]), throw a RangeError
        //      exception.
        if f64::from(new_len) != to_number(ctx, value)? {
            return Err(ctx.range_error("Invalid array length"));
        }
        //   e. Set newLenDesc.[[Value]] to newLen.
        new_len_desc.value = Some(Value::Number(f64::from(new_len)));
        //   f. If newLen >= oldLen, then return the result of calling the default
        //      [[DefineOwnProperty]] internal method (8.12.9) on A passing "length",
        //      newLenDesc, and Throw as arguments.
        if new_len >= old_len {
            return define_ordinary(ctx, object, key, &new_len_desc, throw);
        }
        //   g. Reject if oldLenDesc.[[Writable]] is false.
        if !length_writable {
            return reject(ctx, throw, "Cannot assign to read only property 'length'");
        }
        //   h-i. If newLenDesc.[[Writable]] is absent or true, let newWritable be true; else
        //        defer making length read-only until the elements are deleted.
        let new_writable = new_len_desc.writable != Some(false);
        if !new_writable {
            new_len_desc.writable = Some(true);
        }
        //   j-k. Let succeeded be the result of the default [[DefineOwnProperty]] on
        //        "length"; if succeeded is false, return false.
        if !define_ordinary(ctx, object, key, &new_len_desc, throw)? {
            return Ok(false);
        }
        //   l. While newLen < oldLen repeat: decrement oldLen, delete ToString(oldLen); if
        //      the delete fails, set length to oldLen + 1 (and read-only if so asked), and
        //      reject. Only the existing elements need visiting: highest first.
        let doomed: Vec<u32> = {
            let data = object.borrow();
            if ((old_len - new_len) as usize) <= data.properties.len() {
                // A short cut (`a.length--`): look at each index.
                (new_len..old_len)
                    .rev()
                    .filter(|&i| data.properties.get(PropertyKey::Index(i)).is_some())
                    .collect()
            } else {
                // A long cut of a sparse array: look at each property.
                let mut doomed: Vec<u32> = data
                    .properties
                    .iter()
                    .filter_map(|(k, _)| match k {
                        PropertyKey::Index(i) if i >= new_len && i < old_len => Some(i),
                        _ => None,
                    })
                    .collect();
                doomed.sort_unstable_by(|a, b| b.cmp(a));
                doomed
            }
        };
        for index in doomed {
            if !delete(ctx, object, PropertyKey::Index(index), false)? {
                new_len_desc.value = Some(Value::Number(f64::from(index) + 1.0));
                if !new_writable {
                    new_len_desc.writable = Some(false);
                }
                define_ordinary(ctx, object, key, &new_len_desc, false)?;
                return reject(ctx, throw, "Cannot delete array element");
            }
        }
        //   m. If newWritable is false, then call the default [[DefineOwnProperty]] on
        //      "length" with {[[Writable]]: false} (this always succeeds).
        if !new_writable {
            let read_only = PropertyDescriptor {
                writable: Some(false),
                ..PropertyDescriptor::default()
            };
            define_ordinary(ctx, object, key, &read_only, false)?;
        }
        //   n. Return true.
        return Ok(true);
    }
    if let PropertyKey::Index(index) = key {
        // 4. Else if P is an array index, then
        //   b. Reject if index >= oldLen and oldLenDesc.[[Writable]] is false.
        if index >= old_len && !length_writable {
            return reject(
                ctx,
                throw,
                "Cannot add an element: the array's length is read-only",
            );
        }
        //   c-d. Let succeeded be the default [[DefineOwnProperty]] on P with Desc and false;
        //        reject if succeeded is false.
        if !define_ordinary(ctx, object, key, descriptor, false)? {
            return reject(ctx, throw, "Cannot redefine property");
        }
        //   e. If index >= oldLen: set oldLenDesc.[[Value]] to index + 1 and call the default
        //      [[DefineOwnProperty]] on "length" with oldLenDesc (this always succeeds).
        if index >= old_len {
            object.set_own_value(
                &ctx,
                length_key,
                Value::Number(f64::from(index) + 1.0),
                Attributes::new(true, false, false),
            );
        }
        //   f. Return true.
        return Ok(true);
    }
    // 5. Return the result of calling the default [[DefineOwnProperty]] internal method
    //    (8.12.9) on A passing P, Desc, and Throw as arguments.
    define_ordinary(ctx, object, key, descriptor, throw)
}

/// "Reject" in 8.12.9: a TypeError if `throw`, else `false`.
fn reject<'gc>(ctx: Ctx<'gc>, throw: bool, message: &str) -> Result<'gc, bool> {
    if throw {
        Err(ctx.type_error(message))
    } else {
        Ok(false)
    }
}

/// The default [[DefineOwnProperty]] (8.12.9).
fn define_ordinary<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    desc: &PropertyDescriptor<'gc>,
    throw: bool,
) -> Result<'gc, bool> {
    let redefine = |ctx: Ctx<'gc>| {
        let name = key_to_string(ctx, key).to_rust_string(&ctx);
        reject(ctx, throw, &format!("Cannot redefine property: {name}"))
    };
    // 1. Let current be the result of calling the [[GetOwnProperty]] internal method of O
    //    with property name P.
    let stored = object.own_property(key);
    let current = stored.or_else(|| get_own_property(ctx, object, key));
    // 2. Let extensible be the value of the [[Extensible]] internal property of O.
    let extensible = object.borrow().extensible;
    let Some(current) = current else {
        // 3. If current is undefined and extensible is false, then Reject.
        if !extensible {
            let name = key_to_string(ctx, key).to_rust_string(&ctx);
            return reject(
                ctx,
                throw,
                &format!("Cannot define property {name}, object is not extensible"),
            );
        }
        // 4. If current is undefined and extensible is true, then create the property:
        //    a data property when Desc is generic or data, else an accessor, with absent
        //    fields set to their defaults (undefined, false).
        let attributes = Attributes::new(
            desc.writable.unwrap_or(false),
            desc.enumerable.unwrap_or(false),
            desc.configurable.unwrap_or(false),
        );
        let slot = if desc.is_accessor() {
            Slot::Accessor {
                get: desc.get.flatten(),
                set: desc.set.flatten(),
            }
        } else {
            Slot::Data(desc.value.unwrap_or(Value::Undefined))
        };
        object.set_own(&ctx, key, Property { slot, attributes });
        return Ok(true);
    };
    let current_desc = PropertyDescriptor::from(current);
    let configurable = current.attributes.configurable();
    // 5. Return true, if every field in Desc is absent.
    // 6. Return true, if every field in Desc also occurs in current and the value of every
    //    field in Desc is the same value as the corresponding field in current when compared
    //    using the SameValue algorithm (9.12).
    let same_object = |a: Option<Object<'gc>>, b: Option<Object<'gc>>| a == b;
    let unchanged = desc
        .value
        .is_none_or(|v| current_desc.value.is_some_and(|c| same_value(ctx, v, c)))
        && desc
            .writable
            .is_none_or(|w| current_desc.writable == Some(w))
        && desc
            .get
            .is_none_or(|g| current_desc.get.is_some_and(|c| same_object(g, c)))
        && desc
            .set
            .is_none_or(|s| current_desc.set.is_some_and(|c| same_object(s, c)))
        && desc
            .enumerable
            .is_none_or(|e| current_desc.enumerable == Some(e))
        && desc
            .configurable
            .is_none_or(|c| current_desc.configurable == Some(c));
    if unchanged {
        return Ok(true);
    }
    // 7. If the [[Configurable]] field of current is false then
    if !configurable {
        // a. Reject, if the [[Configurable]] field of Desc is true.
        // b. Reject, if the [[Enumerable]] field of Desc is present and the [[Enumerable]]
        //    fields of current and Desc are the Boolean negation of each other.
        if desc.configurable == Some(true)
            || desc
                .enumerable
                .is_some_and(|e| e != current.attributes.enumerable())
        {
            return redefine(ctx);
        }
    }
    let mut slot = current.slot;
    let mut writable = current.attributes.writable();
    if desc.is_generic() {
        // 8. If IsGenericDescriptor(Desc) is true, then no further validation is required.
    } else if current_desc.is_data() != desc.is_data() {
        // 9. Else, if IsDataDescriptor(current) and IsDataDescriptor(Desc) have different
        //    results, then
        //   a. Reject, if the [[Configurable]] field of current is false.
        if !configurable {
            return redefine(ctx);
        }
        //   b-c. Convert the property, preserving [[Configurable]] and [[Enumerable]] and
        //        setting the rest of the new kind's attributes to their default values.
        slot = if current_desc.is_data() {
            Slot::Accessor {
                get: None,
                set: None,
            }
        } else {
            Slot::Data(Value::Undefined)
        };
        writable = false;
    } else if current_desc.is_data() {
        // 10. Else, if IsDataDescriptor(current) and IsDataDescriptor(Desc) are both true,
        //   a. If the [[Configurable]] field of current is false, then
        //     i. Reject, if the [[Writable]] field of current is false and the [[Writable]]
        //        field of Desc is true.
        //    ii. If the [[Writable]] field of current is false, then Reject, if the [[Value]]
        //        field of Desc is present and SameValue(Desc.[[Value]], current.[[Value]]) is
        //        false.
        //   b. else, the [[Configurable]] field of current is true, so any change is
        //      acceptable.
        if !configurable && !writable {
            let value_changes = desc
                .value
                .is_some_and(|v| current_desc.value.is_none_or(|c| !same_value(ctx, v, c)));
            if desc.writable == Some(true) || value_changes {
                return redefine(ctx);
            }
        }
    } else if !configurable {
        // 11. Else, IsAccessorDescriptor(current) and IsAccessorDescriptor(Desc) are both
        //     true, so
        //   a. If the [[Configurable]] field of current is false, then Reject, if the [[Set]]
        //      or [[Get]] field of Desc is present and differs from current's.
        let changes = |field: Option<Option<Object<'gc>>>, current: Option<Option<Object<'gc>>>| {
            field.is_some_and(|f| current.is_none_or(|c| f != c))
        };
        if changes(desc.set, current_desc.set) || changes(desc.get, current_desc.get) {
            return redefine(ctx);
        }
    }
    // A String object's character passed the checks only by changing nothing: it has no
    // storage to update.
    if stored.is_none() {
        return Ok(true);
    }
    // 12. For each attribute field of Desc that is present, set the correspondingly named
    //     attribute of the property named P of object O to the value of the field.
    match &mut slot {
        Slot::Data(value) => {
            if let Some(v) = desc.value {
                *value = v;
            }
            if let Some(w) = desc.writable {
                writable = w;
            }
        }
        Slot::Accessor { get, set } => {
            if let Some(g) = desc.get {
                *get = g;
            }
            if let Some(s) = desc.set {
                *set = s;
            }
        }
    }
    let attributes = Attributes::new(
        writable && matches!(slot, Slot::Data(_)),
        desc.enumerable.unwrap_or(current.attributes.enumerable()),
        desc.configurable.unwrap_or(configurable),
    );
    object.set_own(&ctx, key, Property { slot, attributes });
    // 13. Return true.
    Ok(true)
}

// ---- Operators (chapter 11) ------------------------------------------------------------------------

/// The `+` operator (11.6.1).
pub fn add<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> Result<'gc, Value<'gc>> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(Value::Number(x + y));
    }
    let a = to_primitive(ctx, a, Hint::Default)?;
    let b = to_primitive(ctx, b, Hint::Default)?;
    if matches!(a, Value::String(_)) || matches!(b, Value::String(_)) {
        let x = to_string(ctx, a)?;
        let y = to_string(ctx, b)?;
        return JsString::concat(&ctx, x, y)
            .map(Value::String)
            .map_err(|()| ctx.range_error("Invalid string length"));
    }
    Ok(Value::Number(to_number(ctx, a)? + to_number(ctx, b)?))
}

/// `===` (11.9.6).
pub fn strict_equals<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> bool {
    match (a, b) {
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::String(x), Value::String(y)) => x.equals(&ctx, y),
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Object(x), Value::Object(y)) => x == y,
        _ => false,
    }
}

/// `==` (11.9.3).
pub fn loose_equals<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> Result<'gc, bool> {
    Ok(match (a, b) {
        (Value::Undefined | Value::Null, Value::Undefined | Value::Null) => true,
        (Value::Undefined | Value::Null, _) | (_, Value::Undefined | Value::Null) => false,
        (Value::Number(_), Value::String(_)) => {
            let y = to_number(ctx, b)?;
            loose_equals(ctx, a, Value::Number(y))?
        }
        (Value::String(_), Value::Number(_)) => {
            let x = to_number(ctx, a)?;
            loose_equals(ctx, Value::Number(x), b)?
        }
        (Value::Bool(x), _) => loose_equals(ctx, Value::Number(f64::from(u8::from(x))), b)?,
        (_, Value::Bool(y)) => loose_equals(ctx, a, Value::Number(f64::from(u8::from(y))))?,
        (Value::Number(_) | Value::String(_), Value::Object(_)) => {
            let y = to_primitive(ctx, b, Hint::Default)?;
            loose_equals(ctx, a, y)?
        }
        (Value::Object(_), Value::Number(_) | Value::String(_)) => {
            let x = to_primitive(ctx, a, Hint::Default)?;
            loose_equals(ctx, x, b)?
        }
        _ => strict_equals(ctx, a, b),
    })
}

/// The abstract relational comparison `a < b` (11.8.5): `None` when either side is NaN.
pub fn less_than<'gc>(
    ctx: Ctx<'gc>,
    a: Value<'gc>,
    b: Value<'gc>,
    left_first: bool,
) -> Result<'gc, Option<bool>> {
    let (a, b) = if left_first {
        let a = to_primitive(ctx, a, Hint::Number)?;
        (a, to_primitive(ctx, b, Hint::Number)?)
    } else {
        let b = to_primitive(ctx, b, Hint::Number)?;
        (to_primitive(ctx, a, Hint::Number)?, b)
    };
    if let (Value::String(x), Value::String(y)) = (a, b) {
        return Ok(Some(x.compare(&ctx, y) == std::cmp::Ordering::Less));
    }
    let x = to_number(ctx, a)?;
    let y = to_number(ctx, b)?;
    if x.is_nan() || y.is_nan() {
        return Ok(None);
    }
    Ok(Some(x < y))
}

/// `value instanceof constructor` (11.8.6, 15.3.5.3).
pub fn instance_of<'gc>(
    ctx: Ctx<'gc>,
    value: Value<'gc>,
    constructor: Value<'gc>,
) -> Result<'gc, bool> {
    let Some(function) = constructor.as_object().filter(|f| f.is_callable()) else {
        return Err(ctx.type_error("Right-hand side of 'instanceof' is not callable"));
    };
    // 15.3.4.5.3: a bound function answers for its target.
    let mut function = function;
    while let Class::Bound { target, .. } = function.borrow().class {
        function = target;
    }
    let Value::Object(mut object) = value else {
        return Ok(false);
    };
    let prototype = get(ctx, Value::Object(function), ctx.realm().atoms.prototype)?;
    let Value::Object(prototype) = prototype else {
        return Err(ctx.type_error("Function has non-object prototype in instanceof check"));
    };
    while let Some(next) = object.prototype() {
        if next == prototype {
            return Ok(true);
        }
        object = next;
    }
    Ok(false)
}
