//! Objects: property storage, attributes, prototypes, and the internal class of each object.
//!
//! Each object keeps its own properties in a [`PropertyMap`]: array elements by position,
//! other properties in insertion order, indexed by a hash map once there are many; property
//! names are interned strings compared by pointer. Objects of the same prototype that got the
//! same names in the same order share a [`Shape`] describing that layout, which the
//! interpreter's inline caches (`vm/cache.rs`) compare instead of names.

use crate::string::JsString;
use crate::value::Value;
use crate::vm::Ctx;
use gc_arena::{Collect, Gc, Mutation, RefLock};
use std::cell::{Ref, RefMut};
use std::fmt;
use std::hash::{Hash, Hasher};

mod adopt;
mod elements;
mod properties;
mod shape;
pub mod typed_array;
mod values;
pub use properties::PropertyMap;
pub use shape::{prototype_epoch, Shape};

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
    #[inline]
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
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            PropertyKey::Index(i) => i.hash(state),
            PropertyKey::String(s) => s.address().hash(state),
        }
    }
}

/// Property attributes (ES5.1 8.6.1), as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Collect)]
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
    /// An arrow function (ES2015 14.2): a closure, and the `this` of the code that made it,
    /// which every call of it sees.
    Arrow(Box<crate::vm::Arrow<'gc>>),
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
    Bound(Box<BoundFunction<'gc>>),
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
    RegExp(std::rc::Rc<crate::builtins::regexp::RegExpData>),
    /// The `Math` and `JSON` objects: plain objects whose `[[Class]]` is "Math" and "JSON"
    /// (15.8, 15.12), which `Object.prototype.toString` reports.
    Math,
    Json,
    /// An `ArrayBuffer` (ES2015 24.1): its bytes.
    ArrayBuffer(Gc<'gc, typed_array::ByteStore>),
    /// A typed array (ES2015 22.2, an integer-indexed exotic object, 9.4.5): its elements are
    /// the bytes of a buffer, seen through `View`.
    TypedArray(Box<typed_array::View<'gc>>),
    /// A `DataView` (ES2015 24.2): the bytes of a buffer, read and written by type.
    DataView(Box<typed_array::View<'gc>>),
    /// The state of a `for-in` loop: the keys still to visit, and the object they came from.
    ForIn(Box<ForInState<'gc>>),
}

// The variants with more than two words of state keep it in a box of their own: every object
// carries a `Class`, so its size is paid by all of them.

/// The state of a bound function (see [`Class::Bound`]).
#[derive(Collect)]
#[collect(no_drop)]
pub struct BoundFunction<'gc> {
    pub target: Object<'gc>,
    pub this: Value<'gc>,
    pub args: Box<[Value<'gc>]>,
}

/// The state of a `for-in` loop (see [`Class::ForIn`]).
#[derive(Collect)]
#[collect(no_drop)]
pub struct ForInState<'gc> {
    pub keys: Vec<PropertyKey<'gc>>,
    pub next: usize,
    pub object: Option<Object<'gc>>,
    /// Where among the object's named entries the next key probably is (the keys were
    /// listed in the entries' order): checking there costs a comparison where looking the
    /// key up costs a hash look-up.
    pub place: usize,
}

impl<'gc> Class<'gc> {
    /// The view of a typed array.
    pub fn typed_array_view(&self) -> Option<typed_array::View<'gc>> {
        match self {
            Class::TypedArray(view) => Some(**view),
            _ => None,
        }
    }
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
    /// Some inline cache relies on this object's named properties as a prototype (see
    /// [`prototype_epoch`]): changes that could matter to it are announced.
    watched: bool,
    /// A function whose `prototype` object is still to be made: most functions (callbacks,
    /// closures made in a loop) are never constructed with, so it is made the first time
    /// anything looks for the property (see [`Object::make_prototype`]).
    lazy_prototype: bool,
    /// The global object while the builtins made on first use are still to be made (see
    /// `builtins/deferred.rs`): the same places that make a function's `prototype` make them,
    /// when a name of theirs is looked up, assigned or declared, or all names listed.
    deferred_builtins: bool,
    /// The named properties and elements; for a prototype, also the shape objects
    /// inheriting from it start from (see [`PropertyMap::shape_root`]).
    pub properties: PropertyMap<'gc>,
}

impl<'gc> ObjectData<'gc> {
    /// Defines or replaces an own property without any checks.
    pub fn insert_property(
        &mut self,
        mc: &Mutation<'gc>,
        key: PropertyKey<'gc>,
        property: Property<'gc>,
    ) {
        if self.watched && matches!(key, PropertyKey::String(_)) {
            // A new name, or one that stops being a writable data property, can change what
            // a read or an assignment finds through this prototype; a new value cannot.
            let plain =
                |p: Property<'gc>| matches!(p.slot, Slot::Data(_)) && p.attributes.writable();
            match self.properties.get(key) {
                Some(old) if plain(old) && plain(property) => {}
                _ => shape::bump_prototype_epoch(),
            }
        }
        let root = if self.properties.needs_root(key) {
            Some(match self.prototype {
                Some(prototype) => prototype.shape_root(mc),
                // Without a prototype there is nothing to share a tree with.
                None => Shape::root(mc),
            })
        } else {
            None
        };
        self.properties.insert(mc, root, key, property);
    }

    /// Removes an own property without checks.
    pub fn remove_property(&mut self, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        let removed = self.properties.remove(key);
        if self.watched && removed.is_some() && matches!(key, PropertyKey::String(_)) {
            shape::bump_prototype_epoch();
        }
        removed
    }

    /// Replaces the prototype, without checks (see [`Object::set_prototype_of`]). A shape says
    /// what its objects inherit, so an object with named properties goes to dictionary mode;
    /// one without any (`{__proto__: p}` as it is made) takes its layout from the new
    /// prototype's root, as if it had been made with it. Caches that walked through this
    /// object as a prototype of others are announced the change.
    pub fn set_prototype(&mut self, prototype: Option<Object<'gc>>) {
        self.prototype = prototype;
        if !self.properties.is_fresh() {
            self.properties.to_dictionary();
        }
        if self.watched {
            shape::bump_prototype_epoch();
        }
    }

    /// The id of this object's layout for the inline caches (0: none they can use): its
    /// shape's, or for an object without named properties the root its prototype's objects
    /// start from (which also tells the prototype).
    ///
    /// A function whose `prototype` is still to be made has a layout id of its own (its
    /// shape's with the top bit set): a cache must not tell it what it told a function of the
    /// same shape without one (that `prototype` is inherited, or can be added).
    // (Always: every inline cache asks, in both copies of the dispatch loop.)
    #[inline(always)]
    pub fn layout_id(&self) -> u64 {
        let id = self.properties.shape_id();
        if id != 0 || !self.properties.is_fresh() {
            return id | self.lazy_bit();
        }
        self.prototype_root().map_or(0, Shape::id)
    }

    #[inline]
    fn lazy_bit(&self) -> u64 {
        u64::from(self.lazy_prototype) << 63
    }

    /// [`ObjectData::layout_id`], making the root shape of the prototype's objects if this is
    /// the first of them to need it (so that objects without properties of their own, which
    /// only use their prototype's methods, get caches too).
    pub fn layout_id_making_root(&self, mc: &Mutation<'gc>) -> u64 {
        match self.prototype {
            Some(prototype) if self.properties.is_fresh() => prototype.shape_root(mc).id(),
            _ => self.properties.shape_id() | self.lazy_bit(),
        }
    }

    /// The shape of this object's layout (see [`ObjectData::layout_id`]).
    pub fn layout(&self) -> Option<Shape<'gc>> {
        match self.properties.shape() {
            Some(shape) => Some(shape),
            None if self.properties.is_fresh() => self.prototype_root(),
            None => None,
        }
    }

    fn prototype_root(&self) -> Option<Shape<'gc>> {
        self.prototype?.0.try_borrow().ok()?.properties.shape_root()
    }

    /// The root of the shape tree of the objects inheriting from this one, if one was made
    /// (for `--dump-shapes`).
    pub fn shape_root_made(&self) -> Option<Shape<'gc>> {
        self.properties.shape_root()
    }

    /// Whether an inline cache relies on this object as a prototype.
    pub fn is_watched(&self) -> bool {
        self.watched
    }

    /// Marks this object as one an inline cache relies on (see `watched`).
    pub fn watch(&mut self) {
        self.watched = true;
    }
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
    /// A weak pointer to this object: it does not keep the object alive (see
    /// `vm/finalize.rs`).
    pub fn downgrade(self) -> gc_arena::GcWeak<'gc, RefLock<ObjectData<'gc>>> {
        Gc::downgrade(self.0)
    }

    /// A new object of `class` with `prototype`.
    #[inline]
    pub fn new(
        mc: &Mutation<'gc>,
        prototype: Option<Object<'gc>>,
        class: Class<'gc>,
    ) -> Object<'gc> {
        Object::with_properties(mc, prototype, class, PropertyMap::default())
    }

    /// A new extensible object whose named properties are `properties` (see
    /// [`PropertyMap::from_shape`]).
    #[inline]
    pub fn with_properties(
        mc: &Mutation<'gc>,
        prototype: Option<Object<'gc>>,
        class: Class<'gc>,
        properties: PropertyMap<'gc>,
    ) -> Object<'gc> {
        crate::vm::trace::count_object(&class);
        Object(Gc::new(
            mc,
            RefLock::new(ObjectData {
                prototype,
                class,
                extensible: true,
                watched: false,
                lazy_prototype: false,
                deferred_builtins: false,
                properties,
            }),
        ))
    }

    #[inline]
    pub fn borrow(self) -> Ref<'gc, ObjectData<'gc>> {
        self.0.borrow()
    }

    pub fn borrow_mut(self, mc: &Mutation<'gc>) -> RefMut<'gc, ObjectData<'gc>> {
        self.0.borrow_mut(mc)
    }

    pub fn prototype(self) -> Option<Object<'gc>> {
        self.borrow().prototype
    }

    /// Whether the object can be called (has `[[Call]]`).
    pub fn is_callable(self) -> bool {
        matches!(
            self.borrow().class,
            Class::Closure(_) | Class::Arrow(_) | Class::Native { .. } | Class::Bound(_)
        )
    }

    /// The target of a bound function.
    pub fn bound_target(self) -> Option<Object<'gc>> {
        match &self.borrow().class {
            Class::Bound(bound) => Some(bound.target),
            _ => None,
        }
    }

    /// `[[SetPrototypeOf]]` of an ordinary object (ES2015 9.1.2): false when the object is not
    /// extensible or `prototype` inherits from it (a cycle).
    pub fn set_prototype_of(self, mc: &Mutation<'gc>, prototype: Option<Object<'gc>>) -> bool {
        // 1-4. If SameValue(V, current), return true.
        if self.prototype() == prototype {
            return true;
        }
        // 5. If extensible is false, return false.
        if !self.borrow().extensible {
            return false;
        }
        // 6-8. Walk V's chain: finding O there would make a cycle.
        let mut p = prototype;
        while let Some(object) = p {
            if object == self {
                return false;
            }
            p = object.prototype();
        }
        // 9. Set the value of the [[Prototype]] internal slot of O to V.
        self.borrow_mut(mc).set_prototype(prototype);
        // 10. Return true.
        true
    }

    /// The own property `key`, if any.
    pub fn own_property(self, ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        self.make_prototype_for(ctx, key);
        self.borrow().properties.get(key)
    }

    /// The property `key` found on the object or its prototypes (ES5.1 8.12.2).
    pub fn find_property(
        self,
        ctx: Ctx<'gc>,
        key: PropertyKey<'gc>,
    ) -> Option<(Object<'gc>, Property<'gc>)> {
        let mut current = Some(self);
        while let Some(object) = current {
            let data = object.borrow();
            if data.lazy_prototype && key == ctx.realm().atoms.prototype {
                drop(data);
                object.make_prototype(ctx);
                continue;
            }
            if data.deferred_builtins && crate::builtins::deferred::names(ctx, key) {
                drop(data);
                crate::builtins::deferred::install(ctx);
                continue;
            }
            if let Some(property) = data.properties.get(key) {
                return Some((object, property));
            }
            current = data.prototype;
        }
        None
    }

    /// Whether this is a function whose `prototype` object is still to be made.
    pub fn has_lazy_prototype(self) -> bool {
        self.borrow().lazy_prototype
    }

    /// Marks a new function as one whose `prototype` object is made on first use (or, with
    /// `false`, as one that gets none).
    pub fn set_lazy_prototype(self, mc: &Mutation<'gc>, lazy: bool) {
        self.borrow_mut(mc).lazy_prototype = lazy;
    }

    /// [`Object::make_prototype`] if `key` is `prototype`; for the global object, its
    /// builtins still to be made if `key` names one of them.
    #[inline]
    pub fn make_prototype_for(self, ctx: Ctx<'gc>, key: PropertyKey<'gc>) {
        let (lazy_prototype, deferred_builtins) = {
            let data = self.borrow();
            (data.lazy_prototype, data.deferred_builtins)
        };
        if lazy_prototype && key == ctx.realm().atoms.prototype {
            self.make_prototype(ctx);
        }
        if deferred_builtins && crate::builtins::deferred::names(ctx, key) {
            crate::builtins::deferred::install(ctx);
        }
    }

    /// What must be made before `key` is added to this object by an assignment: a function's
    /// `prototype` (which comes before the properties added to it), the global object's
    /// builtins still to be made if `key` names one of them.
    pub fn make_before_adding(self, ctx: Ctx<'gc>, key: PropertyKey<'gc>) {
        let deferred_builtins = self.borrow().deferred_builtins;
        self.make_prototype_for_any_key(ctx);
        if deferred_builtins && crate::builtins::deferred::names(ctx, key) {
            crate::builtins::deferred::install(ctx);
        }
    }

    /// Whether this is the global object with builtins still to be made (see
    /// `builtins/deferred.rs`).
    pub fn has_deferred_builtins(self) -> bool {
        self.borrow().deferred_builtins
    }

    /// Marks the global object as having builtins still to be made (`true`), or as having
    /// them all (`false`).
    pub fn set_deferred_builtins(self, mc: &Mutation<'gc>, deferred: bool) {
        self.borrow_mut(mc).deferred_builtins = deferred;
    }

    /// Makes the `prototype` object of a function that does not have it yet (13.2 steps
    /// 16-18): a fresh object whose `constructor` points back, held by a writable, hidden,
    /// non-configurable `prototype`. Anything that lists or freezes a function's own
    /// properties or looks one up by name calls this first, so no script can tell the object
    /// was not made with the function (but for the order of the names, where it comes after
    /// any added before it was made).
    ///
    /// For the global object, makes the builtins it still lacks (see `builtins/deferred.rs`):
    /// every place that lists an object's own names or fixes them calls this first.
    pub fn make_prototype(self, ctx: Ctx<'gc>) {
        if self.borrow().deferred_builtins {
            crate::builtins::deferred::install(ctx);
        }
        self.make_prototype_for_any_key(ctx);
    }

    /// [`Object::make_prototype`] for a function only (not the global object's builtins).
    fn make_prototype_for_any_key(self, ctx: Ctx<'gc>) {
        if !self.borrow().lazy_prototype {
            return;
        }
        self.borrow_mut(&ctx).lazy_prototype = false;
        let realm = ctx.realm();
        let atoms = &realm.atoms;
        let prototype = Object::new(&ctx, Some(realm.object_prototype), Class::Object);
        prototype.set_own_value(
            &ctx,
            atoms.constructor,
            Value::Object(self),
            Attributes::HIDDEN,
        );
        self.set_own_value(
            &ctx,
            atoms.prototype,
            Value::Object(prototype),
            Attributes::new(true, false, false),
        );
    }

    /// Defines or replaces an own property without any checks (for building builtins and
    /// literals).
    pub fn set_own(self, mc: &Mutation<'gc>, key: PropertyKey<'gc>, property: Property<'gc>) {
        self.borrow_mut(mc).insert_property(mc, key, property);
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
        self.borrow_mut(mc).remove_property(key)
    }

    /// A new object that keeps its properties in dictionary mode from the start: one of the
    /// builtins' singletons (a prototype, a constructor, `Math`, the global object), whose
    /// layout no other object shares — a chain of shapes for it would cost start-up time and
    /// memory for nothing. Inline caches still find its own properties by their remembered
    /// slot, checked by name.
    pub fn new_dictionary(
        mc: &Mutation<'gc>,
        prototype: Option<Object<'gc>>,
        class: Class<'gc>,
    ) -> Object<'gc> {
        let object = Object::new(mc, prototype, class);
        object.borrow_mut(mc).properties.to_dictionary();
        object
    }

    /// The root shape of the objects inheriting from this one, made on first use: the shape
    /// objects inheriting from this one start from (made when the first of them gets a named
    /// property). Each prototype has a tree of its own, so a shape also says what its objects
    /// inherit from. Kept with the prototype's properties (see [`PropertyMap::shape_root`]).
    /// (Should this object be busy being changed right now, a root of the caller's own, which
    /// only costs the sharing.)
    fn shape_root(self, mc: &Mutation<'gc>) -> Shape<'gc> {
        if let Some(root) = self
            .0
            .try_borrow()
            .ok()
            .and_then(|data| data.properties.shape_root())
        {
            return root;
        }
        // (Borrowing to write costs a write barrier: only the first time.)
        let Ok(mut data) = self.0.try_borrow_mut(mc) else {
            return Shape::root(mc);
        };
        // The layout of an object without named properties, should this be one: the root
        // of its own prototype's objects (a prototype chain has no cycles, so this is
        // another object).
        let prototype = data.prototype;
        let layout = || match prototype {
            Some(prototype) => prototype.shape_root(mc),
            None => Shape::root(mc),
        };
        let root = Shape::root(mc);
        data.properties.set_shape_root(layout, root);
        root
    }

    /// `object[key]` when `key` is a number naming a plain element of an ordinary object or
    /// array: the interpreter's fast path (`None`: take the general one, which knows holes,
    /// prototypes, accessors and the exotic objects). Inlined into the interpreter's loop.
    #[inline(always)]
    pub fn fast_element(self, key: Value<'gc>) -> Option<Value<'gc>> {
        let index = element_index(key)?;
        let data = self.borrow();
        match &data.class {
            Class::Object | Class::Array => data.properties.element(index),
            // (An index past the end reads `undefined` on the general path, which also
            // answers `in` for it.)
            Class::TypedArray(view) => view.get(index as usize).map(Value::Number),
            _ => None,
        }
    }

    /// `object[key] = value` when `key` is a number naming an existing plain element of an
    /// ordinary object or array, which the assignment just overwrites. Returns whether it did.
    /// Inlined into the interpreter's loop.
    #[inline(always)]
    pub fn fast_set_element(self, mc: &Mutation<'gc>, key: Value<'gc>, value: Value<'gc>) -> bool {
        let Some(index) = element_index(key) else {
            return false;
        };
        // A typed array's elements are bytes in a store of their own: writing one changes
        // nothing the collector sees, so the object is only read. (A value other than a
        // number needs ToNumber, which may run user code: the general path does that.)
        if let Class::TypedArray(view) = &self.borrow().class {
            return match value {
                Value::Number(x) => {
                    view.set(index as usize, x);
                    true
                }
                _ => false,
            };
        }
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
#[inline(always)]
fn element_index(key: Value<'_>) -> Option<u32> {
    let Value::Number(n) = key else {
        return None;
    };
    // Through i64, which converts in one instruction (`n as u32` clamps first, two more on
    // the path every element access waits for); the round trip rejects what wrapped, NaN and
    // fractions.
    let index = n as i64 as u32;
    (f64::from(index) == n && index != u32::MAX).then_some(index)
}

#[cfg(test)]
mod tests {
    /// `a[n]` takes the element path exactly for the numbers that are array indices.
    #[test]
    fn element_index_accepts_exactly_the_array_indices() {
        use crate::value::Value;
        let index = |n: f64| super::element_index(Value::Number(n));
        assert_eq!(index(0.0), Some(0));
        assert_eq!(index(-0.0), Some(0));
        assert_eq!(index(7.0), Some(7));
        assert_eq!(index(4_294_967_294.0), Some(4_294_967_294));
        for n in [
            -1.0,
            1.5,
            4_294_967_295.0,
            4_294_967_296.0,
            4_294_967_297.0,
            1e20,
            -4_294_967_295.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(index(n), None, "{n}");
        }
        assert_eq!(super::element_index(Value::Undefined), None);
    }

    /// Every object is one `Gc<RefLock<ObjectData>>`: the collector's 16-byte header, the
    /// lock's 8-byte borrow flag and the data (with two values inline). At 112 bytes in all
    /// it fills one of mimalloc's size classes exactly; at 120 it would take a 128-byte block.
    #[test]
    fn an_object_fits_a_112_byte_block() {
        assert!(std::mem::size_of::<gc_arena::RefLock<super::ObjectData<'static>>>() <= 96);
    }
}
