//! Property descriptors (ES5.1 8.10) and `[[DefineOwnProperty]]` (8.12.9, and 15.4.5.1 for
//! arrays): what `Object.defineProperty` and its relatives do, with every check of the
//! attributes a property already has, an array's `length` shrinking element by element, and
//! the mapping of a sloppy `arguments` object following a redefinition.

use super::{
    array_length, delete, display_string, get, get_own_property, has_property, key_to_string,
    same_value, to_number,
};
use crate::convert;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::value::Value;
use crate::vm::arguments::{mapped_parameter, unmap_parameter, write_env_slot};
use crate::vm::{Ctx, Throw};

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

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

/// ToPropertyDescriptor (8.10.5): reads a descriptor object's fields (through `[[Get]]`, so
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
        if has_property(ctx, object, key) {
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

/// `[[DefineOwnProperty]]` (8.12.9, and 15.4.5.1 for arrays): creates or changes an own
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
    // 9.4.5.3: a typed array's numeric keys are its elements.
    if let Some(defined) = super::integer_indexed::define(ctx, object, key, descriptor) {
        return match defined? {
            false if throw => Err(ctx.type_error("Cannot redefine an element of a typed array")),
            defined => Ok(defined),
        };
    }
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
        .own_property(ctx, length_key)
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

/// The default `[[DefineOwnProperty]]` (8.12.9).
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
    let stored = object.own_property(ctx, key);
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
