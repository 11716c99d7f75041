//! Property access on any value (ES5.1 8.12): `[[Get]]`, `[[Put]]`, `[[Delete]]`, HasProperty and
//! `[[GetOwnProperty]]`, with prototypes, accessors (called in a nested run), primitives
//! looked up on their prototypes, a String object's characters, the array `length`, and the
//! elements of a mapped `arguments` object.

use super::integer_indexed;
use super::{
    call, define_own_property, display_string, key_to_string, to_object, PropertyDescriptor,
};
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::string::JsString;
use crate::value::Value;
use crate::vm::arguments::{mapped_parameter, read_env_slot, unmap_parameter, write_env_slot};
use crate::vm::{Ctx, Throw};

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

/// `[[Get]]` on any value (8.12.3, with primitives looked up on their prototypes).
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
                    return Ok(Value::String(ctx.realm().unit_string(&ctx, unit)));
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
    // 9.4.5.4: a typed array's numeric keys name its elements and nothing else.
    if let Some(element) = integer_indexed::get(ctx, start, key) {
        return Ok(element);
    }
    if let Class::String(s) = start.borrow().class {
        if let PropertyKey::Index(i) = key {
            if let Some(unit) = s.unit_at(&ctx, i as usize) {
                return Ok(Value::String(ctx.realm().unit_string(&ctx, unit)));
            }
        }
    }
    // 10.6 [[Get]]: a mapped element of a sloppy `arguments` object is its parameter.
    if let Some((env, slot)) = mapped_parameter(start, key) {
        return Ok(read_env_slot(env, slot));
    }
    match start.find_property(ctx, key) {
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

/// `[[Put]]` on any value (8.12.5): assignment `value[key] = v`. In strict code a failed
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
            )) = wrapper.find_property(ctx, key)
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
    if put_plain(ctx, object, key, v) {
        return Ok(());
    }
    let fail = |message: &str| {
        if strict {
            Err(ctx.type_error(message))
        } else {
            Ok(())
        }
    };
    // 9.4.5.5: a typed array's numeric keys write its elements (or nothing).
    if integer_indexed::set(ctx, object, key, v)? {
        return Ok(());
    }
    // 8.12.4 [[CanPut]]: a String object's characters are read-only (15.5.5.2).
    if string_index(object, key).is_some() {
        return fail("Cannot assign to read only property");
    }
    match object.find_property(ctx, key) {
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

/// `[[Put]]` of a name on a plain object (of no class of its own: not an array, a function, an
/// `arguments` object...) where the name is an own writable data property, an inherited one,
/// or nowhere: the usual assignment, done with one look-up of the own property (a new name
/// is added without a second one). Returns false, having done nothing, in the other cases
/// (an accessor or a read-only property on the way, an object that is not extensible, an
/// index), which the general path of [`put`] handles.
fn put_plain<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    v: Value<'gc>,
) -> bool {
    if !matches!(key, PropertyKey::String(_)) {
        return false;
    }
    let (at, prototype, extensible) = {
        let data = object.borrow();
        // (The global object with builtins still to be made takes the general path, which
        // makes them first if `key` names one.)
        if !matches!(data.class, Class::Object) || object.has_deferred_builtins() {
            return false;
        }
        (
            data.properties.position(key),
            data.prototype,
            data.extensible,
        )
    };
    if let Some(at) = at {
        // 8.12.5 step 3 (false: not a writable data property).
        return object
            .borrow_mut(&ctx)
            .properties
            .replace_entry_value(at, v);
    }
    if !extensible {
        return false;
    }
    // 8.12.5 steps 4-6: what the prototypes have of the name decides. Usually none of them
    // ever had an accessor or a read-only property of that name, which each one tells
    // without a look-up: an object used as a table adds names that `Object.prototype`
    // (a dictionary of its own) would otherwise be searched for, each time.
    if let Some(prototype) = prototype.filter(|&p| chain_may_refuse_put(p, key)) {
        match prototype.find_property(ctx, key) {
            None => {}
            Some((_, property))
                if matches!(property.slot, Slot::Data(_)) && property.attributes.writable() => {}
            Some(_) => return false,
        }
    }
    object.insert_new_property(&ctx, key, Property::data(v, Attributes::ALL));
    true
}

/// Whether `object` or one of its prototypes may have a property `key` that refuses a plain
/// assignment (see `PropertyMap::may_refuse_put`).
fn chain_may_refuse_put<'gc>(object: Object<'gc>, key: PropertyKey<'gc>) -> bool {
    let mut current = Some(object);
    while let Some(o) = current {
        let data = o.borrow();
        if data.properties.may_refuse_put(key) {
            return true;
        }
        current = data.prototype;
    }
    false
}

/// Adds a new own data property by assignment (8.12.5 step 6: writable, enumerable and
/// configurable), unless the object is not extensible. (For a property the object does not
/// have, this is also what `[[DefineOwnProperty]]` with such a descriptor does.)
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
                .own_property(ctx, length_key)
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
    // (An array is no function: its properties are all there.)
    let property = object.borrow().properties.get(length_key);
    match property {
        Some(Property {
            slot: Slot::Data(Value::Number(n)),
            ..
        }) => n as u32,
        _ => 0,
    }
}

/// `[[Delete]]` (8.12.7): whether the property is gone. A non-configurable property stays, and
/// strict code gets a TypeError.
pub fn delete<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    strict: bool,
) -> Result<'gc, bool> {
    // A typed array's elements cannot be deleted; its other numeric keys name nothing.
    if let Some(deleted) = integer_indexed::delete(ctx, object, key) {
        if !deleted && strict {
            return Err(ctx.type_error("Cannot delete an element of a typed array"));
        }
        return Ok(deleted);
    }
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
pub fn has_property<'gc>(ctx: Ctx<'gc>, object: Object<'gc>, key: PropertyKey<'gc>) -> bool {
    if let Some(found) = integer_indexed::has(ctx, object, key) {
        return found;
    }
    if let Class::String(s) = object.borrow().class {
        if let PropertyKey::Index(i) = key {
            if (i as usize) < s.len() {
                return true;
            }
        }
    }
    object.find_property(ctx, key).is_some()
}

/// The character of a String object at `key`, if `key` is an index inside the string
/// (15.5.5.2: such properties exist without being stored).
fn string_index<'gc>(object: Object<'gc>, key: PropertyKey<'gc>) -> Option<(JsString<'gc>, u32)> {
    match (&object.borrow().class, key) {
        (Class::String(s), PropertyKey::Index(i)) if (i as usize) < s.len() => Some((*s, i)),
        _ => None,
    }
}

/// `[[GetOwnProperty]]` (8.12.1), with the String objects' characters (15.5.5.2): enumerable,
/// read-only, permanent.
pub fn get_own_property<'gc>(
    ctx: Ctx<'gc>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
) -> Option<Property<'gc>> {
    if let Some(element) = integer_indexed::get_own(ctx, object, key) {
        return element;
    }
    if let Some(mut property) = object.own_property(ctx, key) {
        // 10.6 [[GetOwnProperty]]: a mapped element's value is its parameter's.
        if let Some((env, slot)) = mapped_parameter(object, key) {
            property.slot = Slot::Data(read_env_slot(env, slot));
        }
        return Some(property);
    }
    let (s, i) = string_index(object, key)?;
    let unit = s.unit_at(&ctx, i as usize)?;
    Some(Property::data(
        Value::String(ctx.realm().unit_string(&ctx, unit)),
        Attributes::new(false, true, false),
    ))
}

/// The names of an object's own properties in enumeration order (a String object's
/// characters first), optionally only the enumerable ones.
pub fn own_keys<'gc>(object: Object<'gc>, only_enumerable: bool) -> Vec<PropertyKey<'gc>> {
    let data = object.borrow();
    let elements = match &data.class {
        Class::String(s) => s.len() as u32,
        // 9.4.5.6: a typed array's elements come first.
        Class::TypedArray(view) => view.length as u32,
        _ => 0,
    };
    let mut keys = Vec::with_capacity(elements as usize + data.properties.len());
    keys.extend((0..elements).map(PropertyKey::Index));
    // One pass over the names and their attributes (not a look-up per name).
    data.properties.for_each_key(|key, attributes| {
        if !only_enumerable || attributes.enumerable() {
            keys.push(key);
        }
    });
    keys
}
