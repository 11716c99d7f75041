//! Inline caches: each property instruction that names its property (`o.name`, `o.name = v`,
//! `{name: v}`, a global variable) remembers what it found last time, so that the next run of
//! the same instruction can go straight there instead of searching.
//!
//! What a site remembers is keyed by the [`Shape`] of the receiver: objects of one shape have
//! the same names at the same places and the same prototype, so when the next receiver has
//! the shape the site saw (every `Vector` made by `new Vector(x, y)` does), the hit costs an
//! id comparison and an indexed load, with no name compared. A site remembers one of:
//!
//! - **an own property** at entry `slot`: read it, or (an assignment) replace its value;
//! - **an inherited property** at entry `slot` of the object `depth` prototypes up (a method):
//!   valid while no prototype on the way changed (the [prototype epoch]);
//! - **an added property** (an assignment or a literal making a new one): the transition from
//!   the receiver's shape to the next, found at `slot` among the shape's transitions. For an
//!   assignment it is also valid only while the epoch says that no prototype gained a setter
//!   or a read-only property since the site checked there was none.
//!
//! A receiver without a shape (in dictionary mode: the global object, tables, objects that
//! lost a property) gets what the caches did before shapes: the remembered slot is a guess
//! at where its own property is, checked with one name comparison.
//!
//! Caches keep shape ids, not pointers: plain numbers need no tracing by the collector.
//!
//! [`Shape`]: crate::object::Shape
//! [prototype epoch]: crate::object::prototype_epoch

use super::Ctx;
use crate::object::{
    prototype_epoch, Attributes, Class, Object, ObjectData, Property, PropertyKey, PropertyMap,
    Slot,
};
use crate::value::Value;
use gc_arena::Mutation;
use std::cell::Cell;

/// What one site remembers.
#[derive(Clone, Copy, Default)]
struct Entry {
    /// The receiver's layout id (0: a receiver without a shape; `slot` is then a guess).
    layout: u64,
    /// For an inherited or an added property, the prototype epoch it was found in.
    epoch: u64,
    /// Where the property is among its holder's entries; for an added property, where the
    /// transition is among the shape's transitions.
    slot: u32,
    /// How many prototypes up the holder is (0: the receiver itself), or [`ADDED`].
    depth: u32,
}

/// `Entry::depth` of an added property.
const ADDED: u32 = u32::MAX;

impl Entry {
    /// An own property at entry `at` of receivers of `layout`.
    fn own(layout: u64, at: usize) -> Entry {
        Entry {
            layout,
            epoch: 0,
            slot: at as u32,
            depth: 0,
        }
    }

    /// Whether this entry tells where a read of a receiver of `layout` finds its property
    /// (with the hit's value still to be checked to be data).
    fn finds(&self, layout: u64) -> bool {
        self.layout == layout
            && layout != 0
            && (self.depth == 0 || (self.depth != ADDED && self.epoch == prototype_epoch()))
    }
}

/// The caches of one function's sites, indexed by the instructions' `ic` operands.
pub struct InlineCaches(Box<[Cell<Entry>]>);

/// A table shared by all sites, for the sites that see objects of many shapes (a function
/// that calls `o.method()` of whatever it is given): which prototype holds an inherited
/// property, and where, by receiver layout and name. A site whose own entry is for another
/// layout looks here before searching the prototypes. (V8 calls this the megamorphic stub
/// cache.) Own properties need no table: finding them by name in the receiver is as quick.
pub struct SharedCache(Box<[Cell<SharedEntry>]>);

#[derive(Clone, Copy, Default)]
struct SharedEntry {
    /// The name's address: only compared, never followed. (While an object of the entry's
    /// layout exists, that name is alive in it or its prototypes, so no other name can have
    /// this address when the layout matches.)
    key: usize,
    entry: Entry,
}

/// How many entries the shared table has (a power of two).
const SHARED_SIZE: usize = 256;

impl Default for SharedCache {
    fn default() -> SharedCache {
        SharedCache::new()
    }
}

impl SharedCache {
    pub fn new() -> SharedCache {
        SharedCache(
            (0..SHARED_SIZE)
                .map(|_| Cell::new(SharedEntry::default()))
                .collect(),
        )
    }

    fn cell(&self, layout: u64, key: usize) -> &Cell<SharedEntry> {
        // Names are 8-byte aligned pointers; a multiplicative hash mixes them with the layout.
        let hash = (layout ^ (key as u64 >> 3)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        &self.0[(hash >> 56) as usize & (SHARED_SIZE - 1)]
    }

    /// What a site found for `key` on receivers of `layout`, if it is still here.
    fn find(&self, layout: u64, key: PropertyKey<'_>) -> Option<Entry> {
        let key = key_address(key)?;
        let found = self.cell(layout, key).get();
        (found.key == key && found.entry.finds(layout)).then_some(found.entry)
    }

    fn remember(&self, key: PropertyKey<'_>, entry: Entry) {
        if let (Some(key), true) = (key_address(key), entry.finds(entry.layout)) {
            self.cell(entry.layout, key).set(SharedEntry { key, entry });
        }
    }
}

fn key_address(key: PropertyKey<'_>) -> Option<usize> {
    match key {
        PropertyKey::String(name) => Some(name.address()),
        PropertyKey::Index(_) => None,
    }
}

/// The value of a data property (`None`: an accessor, which takes the general path).
/// What a named read found through its cache.
#[derive(Clone, Copy)]
pub enum Found<'gc> {
    /// A data property's value.
    Value(Value<'gc>),
    /// An accessor with this getter, for the caller to call with the receiver as `this` (the
    /// `length` of a typed array, `byteLength` of a buffer: a getter on a prototype that
    /// programs read in their loops).
    Getter(Object<'gc>),
}

/// What a read of a property holding `slot` finds without a search: a data value or a getter
/// (`None`: an accessor without a getter, or nothing; the general path sorts those out).
#[inline]
fn found(slot: Option<Slot<'_>>) -> Option<Found<'_>> {
    match slot? {
        Slot::Data(value) => Some(Found::Value(value)),
        Slot::Accessor {
            get: Some(getter), ..
        } => Some(Found::Getter(getter)),
        _ => None,
    }
}

#[inline]
fn data_value(slot: Option<Slot<'_>>) -> Option<Value<'_>> {
    match slot {
        Some(Slot::Data(value)) => Some(value),
        _ => None,
    }
}

impl InlineCaches {
    pub fn new(count: u16) -> InlineCaches {
        InlineCaches((0..count).map(|_| Cell::new(Entry::default())).collect())
    }

    /// The cache of site `ic` (`None` for a site the compiler ran out of caches for: it takes
    /// the general path).
    fn cell(&self, ic: u16) -> Option<&Cell<Entry>> {
        self.0.get(ic as usize)
    }

    /// `[[Get]]` of the named property `key` on `object` and its prototypes, when it is a data
    /// property: its value. `None` when the property is an accessor or missing, or `key` is
    /// an index: the caller then takes the general path (`ops::get`), which also knows the
    /// exotic objects (String indices, mapped `arguments`) — only index keys are exotic.
    ///
    /// Own properties are found here, small enough to be inlined into the interpreter loop:
    /// at the remembered slot when the receiver has the remembered layout, else by name
    /// (which is quick: objects are small, and large ones have a hash index). Inherited ones
    /// are in [`InlineCaches::get_inherited`].
    #[inline(always)]
    pub fn get<'gc>(
        &self,
        ctx: Ctx<'gc>,
        ic: u16,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
    ) -> Option<Found<'gc>> {
        let PropertyKey::String(_) = key else {
            return None;
        };
        let cell = self.cell(ic)?;
        let cached = cell.get();
        let data = object.borrow();
        let layout = data.layout_id();
        let mut at = cached.slot as usize;
        // A hit: the layout the site saw, and for a receiver without a shape, the name at the
        // remembered slot.
        let hit = layout == cached.layout
            && cached.depth == 0
            && (layout != 0 || data.properties.has_key_at(at, key));
        if !hit {
            if cached.depth != 0 && cached.finds(layout) {
                drop(data);
                return inherited(object, cached);
            }
            match data.properties.find_entry(key, cached.slot) {
                Some(found) => at = found,
                None => {
                    drop(data);
                    return Self::get_inherited(ctx, cell, object, key, layout);
                }
            }
            cell.set(Entry::own(layout, at));
        }
        found(data.properties.entry_slot(at))
    }

    /// The hit of [`InlineCaches::get`] that matters most, alone: an own data property of a
    /// receiver with a shape, at the slot the site remembers for that shape (`this.name`,
    /// `object.field`). `None` for anything else, which [`InlineCaches::get`] then sorts out.
    ///
    /// The shape's id is compared without the lazy-`prototype` bit of
    /// [`ObjectData::layout_id`](crate::object::ObjectData::layout_id): two objects of one
    /// shape have the same own names at the same places whether or not a `prototype` is
    /// still to be made, and an entry made on such a function (the bit set) just misses here.
    #[inline(always)]
    pub fn get_own<'gc>(&self, ic: u16, object: Object<'gc>) -> Option<Value<'gc>> {
        let cached = self.cell(ic)?.get();
        if cached.depth != 0 {
            return None;
        }
        let data = object.borrow();
        data.properties
            .shaped_value(cached.layout, cached.slot as usize)
    }

    /// The hit of [`InlineCaches::get`] on an inherited data property (a method on a
    /// prototype: `object.name(...)`), alone: the conditions of [`Entry::finds`] and the walk
    /// of [`inherited`], without the own-property test before them. `None` for anything else.
    #[inline]
    pub fn get_inherited_hit<'gc>(&self, ic: u16, object: Object<'gc>) -> Option<Value<'gc>> {
        let cached = self.cell(ic)?.get();
        if cached.depth == 0 || cached.depth == ADDED || cached.epoch != prototype_epoch() {
            return None;
        }
        let mut holder = {
            let data = object.borrow();
            let layout = data.layout_id();
            if layout != cached.layout || layout == 0 {
                return None;
            }
            data.prototype?
        };
        for _ in 1..cached.depth {
            holder = holder.borrow().prototype?;
        }
        let data = holder.borrow();
        data_value(data.properties.entry_slot(cached.slot as usize))
    }

    /// [`InlineCaches::get`] of a property the receiver does not have: through the shared
    /// table, or by searching the prototypes (which fills both).
    #[inline(never)]
    fn get_inherited<'gc>(
        ctx: Ctx<'gc>,
        cell: &Cell<Entry>,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
        layout: u64,
    ) -> Option<Found<'gc>> {
        if key == ctx.realm().atoms.prototype && object.has_lazy_prototype() {
            object.make_prototype(ctx);
            return found(object.borrow().properties.get(key).map(|p| p.slot));
        }
        if object.has_deferred_builtins() && crate::builtins::deferred::names(ctx, key) {
            crate::builtins::deferred::install(ctx);
            return found(object.borrow().properties.get(key).map(|p| p.slot));
        }
        if let Some(shared) = ctx.realm().shared_cache.find(layout, key) {
            cell.set(shared);
            return inherited(object, shared);
        }
        Self::search(ctx, cell, object, key)
    }

    /// A miss for a property the receiver does not have: the search of its prototypes,
    /// which remembers what it finds.
    fn search<'gc>(
        ctx: Ctx<'gc>,
        cell: &Cell<Entry>,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
    ) -> Option<Found<'gc>> {
        let (layout, mut current) = {
            let data = object.borrow();
            (data.layout_id_making_root(&ctx), data.prototype)
        };
        let epoch = prototype_epoch();
        let mut depth = 1;
        while let Some(holder) = current {
            // Only a receiver with a shape makes an entry that relies on the prototypes.
            if layout != 0 {
                watch(&ctx, holder);
            }
            let holder = holder.borrow();
            if let Some(at) = holder.properties.find_entry(key, cell.get().slot) {
                let entry = Entry {
                    layout,
                    epoch,
                    slot: at as u32,
                    depth,
                };
                cell.set(entry);
                ctx.realm().shared_cache.remember(key, entry);
                return found(holder.properties.entry_slot(at));
            }
            current = holder.prototype;
            depth += 1;
        }
        None
    }

    /// Reads global variable `key`: the own data property of the global object, which has no
    /// shape (it holds too many names), so the site's slot is a guess checked with one name
    /// comparison. `None`: not an own data property there (the caller searches). ([`get`]
    /// would do, with a layout computed and compared for nothing: 0.5% more instructions on
    /// recursion.js and closures.js, whose functions call each other through globals.)
    ///
    /// [`get`]: InlineCaches::get
    #[inline(always)]
    pub fn get_global<'gc>(
        &self,
        ic: u16,
        global: Object<'gc>,
        key: PropertyKey<'gc>,
    ) -> Option<Value<'gc>> {
        let cell = self.cell(ic)?;
        let data = global.borrow();
        let at = global_slot(cell, &data.properties, key)?;
        data_value(data.properties.entry_slot(at))
    }

    /// Assigns global variable `key` when it is an own writable data property of the global
    /// object (see [`InlineCaches::get_global`]). Returns whether it did.
    #[inline(always)]
    pub fn put_global<'gc>(
        &self,
        mc: &Mutation<'gc>,
        ic: u16,
        global: Object<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
    ) -> bool {
        let Some(cell) = self.cell(ic) else {
            return false;
        };
        let mut data = global.borrow_mut(mc);
        match global_slot(cell, &data.properties, key) {
            Some(at) => replace_value(&mut data.properties, at, value),
            None => false,
        }
    }

    /// `[[Put]]` of the named property `key` when that is a plain store: `object` has it as its
    /// own writable data property (the value is replaced), or does not have it, is extensible
    /// and inherits no setter or read-only property of that name (the property is added).
    /// Returns whether it did; `false` sends the assignment down the general path (setters,
    /// read-only properties, an array's `length`, additions to receivers without a shape).
    #[inline(always)]
    pub fn put<'gc>(
        &self,
        ctx: Ctx<'gc>,
        ic: u16,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
    ) -> bool {
        let (PropertyKey::String(_), Some(cell)) = (key, self.cell(ic)) else {
            return false;
        };
        let cached = cell.get();
        let mut data = object.borrow_mut(&ctx);
        // An array's `length` is a data property whose writes also cut the array (15.4.5.1).
        if matches!(data.class, Class::Array) {
            return false;
        }
        let layout = data.layout_id();
        let mut at = cached.slot as usize;
        // A hit: the layout the site saw, and for a receiver without a shape, the name at the
        // remembered slot.
        let hit = layout == cached.layout
            && cached.depth == 0
            && (layout != 0 || data.properties.has_key_at(at, key));
        if !hit {
            // (A receiver of the layout the site saw adding the property does not have it.)
            let added = layout == cached.layout && cached.depth == ADDED;
            let found = if added {
                None
            } else {
                data.properties.find_entry(key, cached.slot)
            };
            match found {
                Some(found) => at = found,
                None => {
                    drop(data);
                    return Self::put_slow(ctx, cell, object, key, value, layout);
                }
            }
            cell.set(Entry::own(layout, at));
        }
        replace_value(&mut data.properties, at, value)
    }

    /// The hit of [`InlineCaches::put`] that matters most, alone: an own property of a
    /// receiver with a shape whose properties are all writable, at the slot the site
    /// remembers for that shape (`this.count = n`). Returns whether it stored the value;
    /// `false` leaves the rest to [`InlineCaches::put`]. (The shape's id without the
    /// lazy-`prototype` bit, as in [`InlineCaches::get_own`].)
    #[inline(always)]
    pub fn put_own<'gc>(
        &self,
        mc: &Mutation<'gc>,
        ic: u16,
        object: Object<'gc>,
        value: Value<'gc>,
    ) -> bool {
        let Some(cell) = self.cell(ic) else {
            return false;
        };
        let cached = cell.get();
        if cached.depth != 0 {
            return false;
        }
        let mut data = object.borrow_mut(mc);
        // (An array's `length` is never replaced here: see `put`.)
        !matches!(data.class, Class::Array)
            && data
                .properties
                .replace_shaped_value(cached.layout, cached.slot as usize, value)
    }

    /// [`InlineCaches::put`] of a property the receiver does not have.
    #[inline(never)]
    fn put_slow<'gc>(
        ctx: Ctx<'gc>,
        cell: &Cell<Entry>,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        layout: u64,
    ) -> bool {
        let cached = cell.get();
        if layout != 0
            && layout == cached.layout
            && cached.depth == ADDED
            && cached.epoch == prototype_epoch()
        {
            let mut data = object.borrow_mut(&ctx);
            if data.extensible
                && !data.is_watched()
                && take_transition(&ctx, &mut data, cached, key, value)
            {
                return true;
            }
        }
        Self::put_search(ctx, cell, object, key, value)
    }

    /// [`InlineCaches::put`] on a miss.
    fn put_search<'gc>(
        ctx: Ctx<'gc>,
        cell: &Cell<Entry>,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
    ) -> bool {
        // A function's `prototype` comes before the properties added to it.
        object.make_before_adding(ctx, key);
        let mut data = object.borrow_mut(&ctx);
        let layout = data.layout_id_making_root(&ctx);
        if let Some(at) = data.properties.find_entry(key, cell.get().slot) {
            cell.set(Entry::own(layout, at));
            return replace_value(&mut data.properties, at, value);
        }
        // A new property: only on a receiver with a shape that can grow, through prototypes
        // that let the assignment add it.
        if layout == 0 || !data.extensible || data.is_watched() {
            return false;
        }
        let epoch = prototype_epoch();
        let mut current = data.prototype;
        drop(data);
        while let Some(prototype) = current {
            watch(&ctx, prototype);
            let prototype = prototype.borrow();
            match prototype.properties.get(key) {
                None => current = prototype.prototype,
                Some(Property {
                    slot: Slot::Data(_),
                    attributes,
                }) if attributes.writable() => break,
                // A setter to call or a read-only property to respect (8.12.4).
                Some(_) => return false,
            }
        }
        add_property(&ctx, cell, object, key, value, epoch);
        true
    }

    /// Defines own property `key` of a new object literal (`{key: value}`): the object is
    /// plain and extensible, and what its prototypes hold does not matter.
    #[inline]
    pub fn define<'gc>(
        &self,
        mc: &Mutation<'gc>,
        ic: u16,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
    ) {
        let property = Property::data(value, Attributes::ALL);
        let Some(cell) = self.cell(ic) else {
            object.set_own(mc, key, property);
            return;
        };
        let cached = cell.get();
        {
            let mut data = object.borrow_mut(mc);
            if cached.depth == ADDED && take_transition(mc, &mut data, cached, key, value) {
                return;
            }
            // A repeated name (`{a: 1, a: 2}`), or an index key: not a transition to remember.
            if !matches!(key, PropertyKey::String(_)) || data.properties.get(key).is_some() {
                data.insert_property(mc, key, property);
                return;
            }
        }
        add_property(mc, cell, object, key, value, 0);
    }
}

/// Where global variable `key` is among the global object's entries: at the slot the site
/// remembers, or found by name (and remembered).
#[inline(always)]
fn global_slot<'gc>(
    cell: &Cell<Entry>,
    properties: &PropertyMap<'gc>,
    key: PropertyKey<'gc>,
) -> Option<usize> {
    match cell.get().slot as usize {
        at if properties.has_key_at(at, key) => Some(at),
        _ => {
            let at = properties.find_entry(key, 0)?;
            cell.set(Entry {
                slot: at as u32,
                ..Entry::default()
            });
            Some(at)
        }
    }
}

/// The value of the property `entry` says `object` inherits.
fn inherited<'gc>(object: Object<'gc>, entry: Entry) -> Option<Found<'gc>> {
    let mut holder = object;
    for _ in 0..entry.depth {
        holder = holder.borrow().prototype?;
    }
    let holder = holder.borrow();
    found(holder.properties.entry_slot(entry.slot as usize))
}

/// Replaces the value of `properties`' entry `at` if it is a writable data property (the
/// store the caller wants); returns whether it was.
#[inline]
fn replace_value<'gc>(properties: &mut PropertyMap<'gc>, at: usize, value: Value<'gc>) -> bool {
    properties.replace_entry_value(at, value)
}

/// Adds plain property `key` to an object through the transition entry `cached` remembers,
/// if the object has the layout the entry is for. Returns whether it did.
fn take_transition<'gc>(
    mc: &Mutation<'gc>,
    data: &mut ObjectData<'gc>,
    cached: Entry,
    key: PropertyKey<'gc>,
    value: Value<'gc>,
) -> bool {
    let Some(shape) = data.layout().filter(|shape| shape.id() == cached.layout) else {
        return false;
    };
    match shape.find_transition(mc, key, Attributes::ALL, cached.slot as usize) {
        Some((to, _)) => {
            data.properties.push_with_shape(value, to);
            true
        }
        None => false,
    }
}

/// Adds the new plain property `key` to `object` and remembers the transition its shape
/// took, with the prototype `epoch` that allowed it.
fn add_property<'gc>(
    mc: &Mutation<'gc>,
    cell: &Cell<Entry>,
    object: Object<'gc>,
    key: PropertyKey<'gc>,
    value: Value<'gc>,
    epoch: u64,
) {
    let mut data = object.borrow_mut(mc);
    let from = data.layout();
    data.insert_property(mc, key, Property::data(value, Attributes::ALL));
    let Some(from) = from else {
        return;
    };
    if let Some((to, at)) = from.find_transition(mc, key, Attributes::ALL, 0) {
        // Only if the object really took that transition (not dictionary mode).
        if data.properties.shape_id() == to.id() {
            cell.set(Entry {
                layout: from.id(),
                epoch,
                slot: at as u32,
                depth: ADDED,
            });
        }
    }
}

/// Marks `prototype` as one an entry relies on (see `ObjectData::watch`).
fn watch<'gc>(mc: &Mutation<'gc>, prototype: Object<'gc>) {
    if !prototype.borrow().is_watched() {
        prototype.borrow_mut(mc).watch();
    }
}

/// What a site remembers, as `--trace-ic` and `--stats` show it (see `trace.rs`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct SiteEntry {
    /// The receiver layout the entry is for (0: none, or a receiver without a shape).
    pub layout: u64,
    /// Where the property is, or the transition (see [`SiteEntry::kind`]).
    pub slot: u32,
    pub kind: SiteKind,
}

/// What kind of entry a site holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum SiteKind {
    /// An own property of the receiver.
    Own,
    /// A property this many prototypes up.
    Inherited(u32),
    /// An added property: the transition to take.
    Added,
}

impl InlineCaches {
    /// What site `ic` remembers now (`None`: no such site). For the tracer only: nothing on
    /// the interpreter's paths calls this.
    pub(super) fn site(&self, ic: u16) -> Option<SiteEntry> {
        let entry = self.cell(ic)?.get();
        let kind = match entry.depth {
            0 => SiteKind::Own,
            ADDED => SiteKind::Added,
            depth => SiteKind::Inherited(depth),
        };
        Some(SiteEntry {
            layout: entry.layout,
            slot: entry.slot,
            kind,
        })
    }

    /// Whether an access to site `ic` by a receiver of `layout` (not 0) hits as the site
    /// stands now: a read finds the property without a search, a store (`store`) replaces
    /// or adds it through the remembered entry. The same conditions as `get` and `put`, for
    /// the tracer's hit rates only.
    pub(super) fn would_hit(&self, ic: u16, layout: u64, store: bool) -> bool {
        let Some(cell) = self.cell(ic) else {
            return false;
        };
        let entry = cell.get();
        if entry.layout != layout || layout == 0 {
            return false;
        }
        match entry.depth {
            0 => true,
            ADDED => store && entry.epoch == prototype_epoch(),
            _ => !store && entry.epoch == prototype_epoch(),
        }
    }
}
