//! Objects: property storage, attributes, prototypes, and the internal class of each object.
//!
//! Each object keeps its own properties in a [`PropertyMap`]: array elements by position,
//! other properties in insertion order, indexed by a hash map once there are many; property
//! names are interned strings compared by pointer. The interpreter's inline caches
//! (`vm/cache.rs`) remember entry positions in these maps; shapes shared between objects
//! would build on the same interface.

use crate::string::JsString;
use crate::value::Value;
use gc_arena::{Collect, Gc, Mutation, RefLock};
use std::cell::{Ref, RefMut};
use std::fmt;
use std::hash::{Hash, Hasher};

mod properties;
pub use properties::PropertyMap;

/// A property name: an array index, or an interned string (see `Realm::intern`).
#[derive(Clone, Copy, Debug, Collect)]
#[collect(no_drop)]
pub enum PropertyKey<'gc> {
    /// A canonical array index, 0 ..= 2^32 - 2.
    Index(u32),
    /// Any other name, interned: two keys are equal when they are the same string object.
    String(JsString<'gc>),
}

impl PartialEq for PropertyKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (PropertyKey::Index(a), PropertyKey::Index(b)) => a == b,
            (PropertyKey::String(a), PropertyKey::String(b)) => a.ptr_eq(*b),
            _ => false,
        }
    }
}

impl Eq for PropertyKey<'_> {}

impl Hash for PropertyKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            PropertyKey::Index(i) => i.hash(state),
            PropertyKey::String(s) => s.address().hash(state),
        }
    }
}

/// Property attributes (ES5.1 8.6.1), as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Collect)]
#[collect(require_static)]
pub struct Attributes(u8);

impl Attributes {
    pub const WRITABLE: u8 = 1;
    pub const ENUMERABLE: u8 = 2;
    pub const CONFIGURABLE: u8 = 4;
    /// What an assignment or an object literal creates.
    pub const ALL: Attributes = Attributes(7);
    /// What builtin methods get: writable and configurable, not enumerable.
    pub const HIDDEN: Attributes = Attributes(Self::WRITABLE | Self::CONFIGURABLE);
    /// Nothing: read-only, hidden, permanent.
    pub const NONE: Attributes = Attributes(0);

    pub fn new(writable: bool, enumerable: bool, configurable: bool) -> Attributes {
        Attributes(
            (u8::from(writable) * Self::WRITABLE)
                | (u8::from(enumerable) * Self::ENUMERABLE)
                | (u8::from(configurable) * Self::CONFIGURABLE),
        )
    }
    pub fn writable(self) -> bool {
        self.0 & Self::WRITABLE != 0
    }
    pub fn enumerable(self) -> bool {
        self.0 & Self::ENUMERABLE != 0
    }
    pub fn configurable(self) -> bool {
        self.0 & Self::CONFIGURABLE != 0
    }
}

/// What a property holds.
#[derive(Clone, Copy, Debug, Collect)]
#[collect(no_drop)]
pub enum Slot<'gc> {
    Data(Value<'gc>),
    Accessor {
        get: Option<Object<'gc>>,
        set: Option<Object<'gc>>,
    },
}

/// One own property.
#[derive(Clone, Copy, Debug, Collect)]
#[collect(no_drop)]
pub struct Property<'gc> {
    pub slot: Slot<'gc>,
    pub attributes: Attributes,
}

impl<'gc> Property<'gc> {
    pub fn data(value: Value<'gc>, attributes: Attributes) -> Property<'gc> {
        Property {
            slot: Slot::Data(value),
            attributes,
        }
    }
}

/// A native function: Rust code callable from JavaScript. It gets the engine context, the
/// `this` value and the arguments, and returns a value or throws.
pub type NativeFn = for<'gc> fn(
    &crate::vm::Ctx<'gc>,
    Value<'gc>,
    &[Value<'gc>],
) -> Result<Value<'gc>, crate::vm::Throw<'gc>>;

/// What kind of object this is, with the internal state that kind carries.
#[derive(Collect)]
#[collect(no_drop)]
pub enum Class<'gc> {
    /// A plain object.
    Object,
    /// An array: its `length` is an ordinary own property kept in step with its indices.
    Array,
    /// A function compiled from JavaScript, with the environment it closed over.
    Closure(crate::vm::Closure<'gc>),
    /// A function written in Rust.
    Native {
        #[collect(require_static)]
        function: NativeFn,
        /// Can be called with `new`.
        constructor: bool,
    },
    /// A bound function made by `Function.prototype.bind` (15.3.4.5): calling it calls
    /// `target` with `this` and `args` before the call's own arguments; constructing it
    /// constructs `target` (the bound `this` is ignored).
    Bound {
        target: Object<'gc>,
        this: Value<'gc>,
        args: Box<[Value<'gc>]>,
    },
    /// An error object (for `Object.prototype.toString` and `instanceof`-free checks).
    Error,
    /// The `arguments` object of a call; in sloppy code, its first elements are mapped to the
    /// parameters (10.6).
    Arguments(Option<Box<ArgumentsMap<'gc>>>),
    /// Boolean, Number and String wrapper objects.
    Boolean(bool),
    Number(f64),
    String(JsString<'gc>),
    /// A Date: its time value.
    Date(f64),
    /// A RegExp: its pattern, flags and compiled matcher.
    RegExp(Box<crate::builtins::regexp::RegExpData>),
    /// The `Math` and `JSON` objects: plain objects whose [[Class]] is "Math" and "JSON"
    /// (15.8, 15.12), which `Object.prototype.toString` reports.
    Math,
    Json,
    /// The state of a `for-in` loop: the keys still to visit, and the object they came from.
    ForIn {
        keys: Vec<PropertyKey<'gc>>,
        next: usize,
        object: Option<Object<'gc>>,
    },
}

/// Which elements of a sloppy `arguments` object stand for which parameters: element `i`
/// reads and writes slot `slots[i]` of `env` while it is mapped.
#[derive(Collect)]
#[collect(no_drop)]
pub struct ArgumentsMap<'gc> {
    pub env: crate::vm::Env<'gc>,
    #[collect(require_static)]
    pub slots: Vec<Option<u16>>,
}

/// An object's heap data.
#[derive(Collect)]
#[collect(no_drop)]
pub struct ObjectData<'gc> {
    pub prototype: Option<Object<'gc>>,
    pub class: Class<'gc>,
    pub extensible: bool,
    pub properties: PropertyMap<'gc>,
}

/// An object: a garbage-collected pointer, cheap to copy.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct Object<'gc>(Gc<'gc, RefLock<ObjectData<'gc>>>);

impl fmt::Debug for Object<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Object({:p})", Gc::as_ptr(self.0))
    }
}

impl PartialEq for Object<'_> {
    fn eq(&self, other: &Self) -> bool {
        Gc::ptr_eq(self.0, other.0)
    }
}

impl<'gc> Object<'gc> {
    /// A new object of `class` with `prototype`.
    pub fn new(
        mc: &Mutation<'gc>,
        prototype: Option<Object<'gc>>,
        class: Class<'gc>,
    ) -> Object<'gc> {
        Object(Gc::new(
            mc,
            RefLock::new(ObjectData {
                prototype,
                class,
                extensible: true,
                properties: PropertyMap::default(),
            }),
        ))
    }

    pub fn borrow(self) -> Ref<'gc, ObjectData<'gc>> {
        self.0.borrow()
    }

    pub fn borrow_mut(self, mc: &Mutation<'gc>) -> RefMut<'gc, ObjectData<'gc>> {
        self.0.borrow_mut(mc)
    }

    pub fn prototype(self) -> Option<Object<'gc>> {
        self.borrow().prototype
    }

    /// Whether the object can be called (has [[Call]]).
    pub fn is_callable(self) -> bool {
        matches!(
            self.borrow().class,
            Class::Closure(_) | Class::Native { .. } | Class::Bound { .. }
        )
    }

    /// The own property `key`, if any.
    pub fn own_property(self, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        self.borrow().properties.get(key)
    }

    /// The property `key` found on the object or its prototypes (ES5.1 8.12.2).
    pub fn find_property(self, key: PropertyKey<'gc>) -> Option<(Object<'gc>, Property<'gc>)> {
        let mut current = Some(self);
        while let Some(object) = current {
            let data = object.borrow();
            if let Some(property) = data.properties.get(key) {
                return Some((object, property));
            }
            current = data.prototype;
        }
        None
    }

    /// Defines or replaces an own property without any checks (for building builtins and
    /// literals).
    pub fn set_own(self, mc: &Mutation<'gc>, key: PropertyKey<'gc>, property: Property<'gc>) {
        self.borrow_mut(mc).properties.insert(key, property);
    }

    /// Defines an own data property with `attributes`, without checks.
    pub fn set_own_value(
        self,
        mc: &Mutation<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        attributes: Attributes,
    ) {
        self.set_own(mc, key, Property::data(value, attributes));
    }

    /// Removes an own property without checks.
    pub fn remove_own(self, mc: &Mutation<'gc>, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        self.borrow_mut(mc).properties.remove(key)
    }

    /// `object[key]` when `key` is a number naming a plain element of an ordinary object or
    /// array: the interpreter's fast path (`None`: take the general one, which knows holes,
    /// prototypes, accessors and the exotic objects).
    pub fn fast_element(self, key: Value<'gc>) -> Option<Value<'gc>> {
        let index = element_index(key)?;
        let data = self.borrow();
        match data.class {
            Class::Object | Class::Array => data.properties.element(index),
            _ => None,
        }
    }

    /// `object[key] = value` when `key` is a number naming an existing plain element of an
    /// ordinary object or array, which the assignment just overwrites. Returns whether it did.
    pub fn fast_set_element(self, mc: &Mutation<'gc>, key: Value<'gc>, value: Value<'gc>) -> bool {
        let Some(index) = element_index(key) else {
            return false;
        };
        let mut data = self.borrow_mut(mc);
        match data.class {
            Class::Object | Class::Array => data.properties.replace_element(index, value),
            _ => false,
        }
    }

    /// The pointer, for identity-keyed maps.
    pub fn address(self) -> usize {
        Gc::as_ptr(self.0) as *const () as usize
    }
}

/// The array index a number value names, if it is one.
fn element_index(key: Value<'_>) -> Option<u32> {
    let Value::Number(n) = key else {
        return None;
    };
    let index = n as u32;
    (f64::from(index) == n && index != u32::MAX).then_some(index)
}
