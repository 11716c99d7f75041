//! [`PropertyMap`]: the own properties of one object.
//!
//! Two stores, each key in exactly one of them:
//!
//! - **Elements**: the array-index properties that are plain data (writable, enumerable,
//!   configurable — what assignment and array literals make), kept by position in a vector
//!   with holes. `a[i]` is a bounds check and a load; `push` is a vector push.
//! - **Named entries**: everything else in insertion order — named properties, and the indices
//!   that do not fit the element vector (far past its end, or with other attributes, or
//!   accessors).
//!
//! While its named entries only ever grew by data properties with string names, the map has
//! a [`Shape`]: the layout of its entries, shared with every object of the same prototype
//! that got the same names in the same order, which the inline caches compare instead of
//! names. The shape holds the names and attributes, so the map holds only the values, 16
//! bytes a property. Any other change (a deletion, new attributes, an accessor, an index
//! among the entries, very many entries) puts the map in dictionary mode: no shape, a list of
//! its own of names and properties, with a hash index once there are many.
//!
//! An index goes to the elements when it is inside the vector or close enough to its end that
//! the holes in between stay few; otherwise to the entries, as every property did before, so
//! a sparse array (`a[4e9] = 1`) costs what it holds, not its length.

use super::elements::Elements;
use super::values::Values;
use super::{Attributes, Property, PropertyKey, Shape, Slot};
use crate::value::Value;
use gc_arena::{Collect, Mutation};
use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::cell::Cell;
use std::hash::BuildHasher;

/// Own properties: dense elements, then the other entries in insertion order.
#[derive(Default, Collect)]
#[collect(no_drop)]
pub struct PropertyMap<'gc> {
    /// Element `i` is the value of index property `i` (`None`: a hole, or an index whose
    /// property is in the named entries).
    /// How many are present is counted when asked (`len`), which is rare: a counter here would
    /// make every object 8 bytes bigger, and an object of 120 bytes takes a 128-byte block of
    /// the allocator where one of 112 takes 112. One pointer, not a `Vec`'s three words, for
    /// the same reason (see [`Elements`]).
    elements: Elements<'gc>,
    named: Named<'gc>,
}

/// The entries other than the elements.
#[derive(Default, Collect)]
#[collect(no_drop)]
enum Named<'gc> {
    /// None yet, and the map can still get a shape: its layout is the root's.
    #[default]
    Fresh,
    /// Values laid out as `shape` says (its names, in order, with their attributes); as
    /// many as the shape has properties.
    Shaped {
        shape: Shape<'gc>,
        values: Values<'gc>,
    },
    /// Names and properties of the map's own, for good.
    Dictionary(Box<Dictionary<'gc>>),
}

#[derive(Default, Collect)]
#[collect(no_drop)]
struct Dictionary<'gc> {
    /// In insertion order. `None`: the place of a deleted entry, so that a deletion does not
    /// move every later entry down a place (and renumber them in `index`): a table that names
    /// come and go in costs a constant time a deletion, not its size. Compacted when the holes
    /// are half the places.
    entries: Vec<Option<(PropertyKey<'gc>, Property<'gc>)>>,
    /// How many of `entries` are holes.
    holes: usize,
    /// How many of `entries` are indices: while none are, an index lookup never scans them.
    entry_indices: usize,
    /// Where each key is among `entries`, once there are many: their positions, hashed by
    /// the keys at those positions. Four bytes a slot where a map from key to position would
    /// take 24 (an object used as a table of 300,000 names has half a million slots).
    #[collect(require_static)]
    index: Option<HashTable<u32>>,
    /// The root shape of the objects inheriting from this one, if made (see
    /// [`PropertyMap::shape_root`]).
    shape_root: Option<Shape<'gc>>,
    /// The names that may refuse an assignment, as far as this map goes.
    refusing: Refusing<'gc>,
    /// Where the last look-up through `index` found its key (a hint, checked before use).
    #[collect(require_static)]
    last_found: Cell<u32>,
}

/// Which names of a dictionary may have been given, at some point, a property that refuses a
/// plain assignment on an object inheriting it: an accessor (its setter runs instead, or the
/// assignment fails) or a read-only data property. Only ever widened (a deleted or redefined
/// property leaves it as it is): an assignment that adds a name to an object checks its
/// prototypes with this before it looks the name up in them. `Object.prototype` has one such
/// name (its `__proto__` accessor), so every other name skips the look-up there.
#[derive(Clone, Copy, Default, Collect)]
#[collect(no_drop)]
enum Refusing<'gc> {
    #[default]
    None,
    One(PropertyKey<'gc>),
    Many,
}

/// Whether `property` may refuse an assignment to an object that inherits it.
fn refuses(property: &Property<'_>) -> bool {
    !matches!(property.slot, Slot::Data(_)) || !property.attributes.writable()
}

/// The most room a map's first named value gets (what `Vec` gives 16-byte values at first).
const FIRST_ROOM: usize = 4;

/// Fewer holes than this are never worth compacting.
const COMPACT_MIN: usize = 8;

/// Above this many entries, dictionary lookups use a hash index instead of a scan.
const INDEX_THRESHOLD: usize = 12;

/// Above this many entries, a map leaves the shape tree for dictionary mode: such objects are
/// usually tables (or the global object), whose one-off layouts no other object would share.
const DICTIONARY_THRESHOLD: usize = 64;

/// How far past the end of the elements a new index may land and still extend them (the
/// holes in between cost a slot each): a little, or an eighth of the length.
fn growth_limit(len: usize) -> usize {
    len + 8 + len / 8
}

/// The hash of a key: keys are pointers and small integers, which a fast non-cryptographic
/// hash suits.
fn key_hash(key: PropertyKey<'_>) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl<'gc> Dictionary<'gc> {
    fn position(&self, key: PropertyKey<'gc>) -> Option<usize> {
        if matches!(key, PropertyKey::Index(_)) && self.entry_indices == 0 {
            return None;
        }
        match &self.index {
            Some(index) => {
                // The place after the last one found first: names read in the order they
                // were added (`for (k in t) t[k]`) are found there with one comparison, in
                // a line of entries the last look-up brought to the cache, where the index
                // costs a miss on its control bytes and another on its slot.
                let next = self.last_found.get() as usize + 1;
                if self.key_at(next) == Some(key) {
                    self.last_found.set(next as u32);
                    return Some(next);
                }
                let is_key = |&at: &u32| self.key_at(at as usize) == Some(key);
                let &at = index.find(key_hash(key), is_key)?;
                self.last_found.set(at);
                Some(at as usize)
            }
            None => self
                .entries
                .iter()
                .position(|e| matches!(e, Some((k, _)) if *k == key)),
        }
    }

    /// Notes that `key` gets `property` (see [`Refusing`]).
    #[inline]
    fn note(&mut self, key: PropertyKey<'gc>, property: &Property<'gc>) {
        if refuses(property) {
            self.note_refusing(key);
        }
    }

    /// Notes that `key` may refuse an assignment. (Out of line: rare, and the callers are
    /// inlined into the dispatch loop, whose code this must not grow.)
    #[cold]
    #[inline(never)]
    fn note_refusing(&mut self, key: PropertyKey<'gc>) {
        self.refusing = match self.refusing {
            Refusing::None => Refusing::One(key),
            Refusing::One(one) if one == key => Refusing::One(key),
            _ => Refusing::Many,
        };
    }

    /// Whether an assignment of `key` may find here a property that refuses it.
    #[inline]
    fn may_refuse(&self, key: PropertyKey<'gc>) -> bool {
        match self.refusing {
            Refusing::None => false,
            Refusing::One(one) => one == key,
            Refusing::Many => true,
        }
    }

    /// Appends an entry (the caller knows `key` is not here).
    fn push(&mut self, key: PropertyKey<'gc>, property: Property<'gc>) {
        if matches!(key, PropertyKey::Index(_)) {
            self.entry_indices += 1;
        }
        self.note(key, &property);
        self.entries.push(Some((key, property)));
        match &mut self.index {
            Some(index) => {
                let entries = &self.entries;
                let rehash = |&at: &u32| match entries.get(at as usize) {
                    Some(Some((key, _))) => key_hash(*key),
                    _ => 0,
                };
                index.insert_unique(key_hash(key), entries.len() as u32 - 1, rehash);
            }
            None if self.entries.len() - self.holes > INDEX_THRESHOLD => self.build_index(),
            None => {}
        }
    }

    /// The key of the entry at `at` (`None`: a hole, or past the end).
    #[inline]
    fn key_at(&self, at: usize) -> Option<PropertyKey<'gc>> {
        match self.entries.get(at) {
            Some(Some((key, _))) => Some(*key),
            _ => None,
        }
    }

    /// Indexes every entry afresh.
    fn build_index(&mut self) {
        let entries = &self.entries;
        let rehash = |&at: &u32| match entries.get(at as usize) {
            Some(Some((key, _))) => key_hash(*key),
            _ => 0,
        };
        let mut index = HashTable::with_capacity(entries.len() - self.holes);
        for (at, entry) in entries.iter().enumerate() {
            if let Some((key, _)) = entry {
                index.insert_unique(key_hash(*key), at as u32, rehash);
            }
        }
        self.index = Some(index);
    }

    fn remove(&mut self, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        let i = self.position(key)?;
        if let Some(index) = &mut self.index {
            if let Ok(slot) = index.find_entry(key_hash(key), |&at| at as usize == i) {
                slot.remove();
            }
        }
        let (_, property) = self.entries.get_mut(i)?.take()?;
        self.holes += 1;
        if matches!(key, PropertyKey::Index(_)) {
            self.entry_indices -= 1;
        }
        // Holes at the end go at once (the last name added, deleted again).
        while let Some(None) = self.entries.last() {
            self.entries.pop();
            self.holes -= 1;
        }
        if self.holes >= COMPACT_MIN && self.holes * 2 >= self.entries.len() {
            self.compact();
        }
        Some(property)
    }

    /// Closes the holes: the entries move down, so their positions (and the index) change.
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.holes = 0;
        if self.index.is_some() {
            self.build_index();
        }
    }

    /// The entries, holes skipped.
    fn iter(&self) -> impl Iterator<Item = &(PropertyKey<'gc>, Property<'gc>)> + '_ {
        self.entries.iter().flatten()
    }
}

impl<'gc> PropertyMap<'gc> {
    /// Where the named entry for `key` is.
    pub fn position(&self, key: PropertyKey<'gc>) -> Option<usize> {
        match &self.named {
            Named::Fresh => None,
            // (A shape names no indices.)
            Named::Shaped { shape, .. } => match key {
                PropertyKey::String(_) => shape.position(key),
                PropertyKey::Index(_) => None,
            },
            Named::Dictionary(dictionary) => dictionary.position(key),
        }
    }

    /// How many named entries there are.
    fn named_len(&self) -> usize {
        match &self.named {
            Named::Fresh => 0,
            Named::Shaped { shape, .. } => shape.len(),
            Named::Dictionary(dictionary) => dictionary.entries.len() - dictionary.holes,
        }
    }

    /// How many places the named entries take (holes among them included).
    fn named_places(&self) -> usize {
        match &self.named {
            Named::Dictionary(dictionary) => dictionary.entries.len(),
            _ => self.named_len(),
        }
    }

    /// The name and property of named entry `at`.
    fn entry_pair(&self, at: usize) -> Option<(PropertyKey<'gc>, Property<'gc>)> {
        match &self.named {
            Named::Fresh => None,
            Named::Shaped { shape, values } => {
                let (key, attributes) = shape.key_at(at)?;
                Some((key, Property::data(*values.slots().get(at)?, attributes)))
            }
            Named::Dictionary(dictionary) => dictionary.entries.get(at).copied().flatten(),
        }
    }

    /// How many named entries are indices.
    fn entry_indices(&self) -> usize {
        match &self.named {
            Named::Dictionary(dictionary) => dictionary.entry_indices,
            _ => 0,
        }
    }

    /// The element at `index`, if it is stored as one (a fast path for `a[i]`).
    #[inline]
    pub fn element(&self, index: u32) -> Option<Value<'gc>> {
        self.elements.get(index as usize).copied().flatten()
    }

    /// Removes element 0, moving every later one down a place, when the elements are all of
    /// the `len` index properties below `len` (no hole, none among the named entries): what
    /// `shift` does one element at a time. Returns the value removed (`None`: not so, and
    /// nothing changed).
    pub fn shift_dense_elements(&mut self, len: usize) -> Option<Value<'gc>> {
        if len == 0
            || self.elements.len() != len
            || self.entry_indices() > 0
            || self.elements.iter().any(Option::is_none)
        {
            return None;
        }
        self.elements.remove(0)
    }

    /// Makes room for `count` elements (an array literal's), exactly.
    pub fn reserve_elements(&mut self, count: usize) {
        self.elements.reserve_exact(count);
    }

    /// Whether any index property is here (elements or entries).
    pub fn has_indices(&self) -> bool {
        !self.elements.is_empty() || self.entry_indices() > 0
    }

    /// Replaces the value of element `index` if it is stored as one (an assignment to an
    /// existing plain element changes nothing else). Returns whether it was.
    #[inline]
    pub fn replace_element(&mut self, index: u32, value: Value<'gc>) -> bool {
        match self.elements.get_mut(index as usize) {
            Some(slot @ Some(_)) => {
                *slot = Some(value);
                true
            }
            _ => false,
        }
    }

    pub fn get(&self, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        if let PropertyKey::Index(i) = key {
            if let Some(value) = self.element(i) {
                return Some(Property::data(value, Attributes::ALL));
            }
        }
        self.position(key).and_then(|at| self.entry(at))
    }

    /// Where the entry for `key` is, trying position `hint` first: an inline cache remembers
    /// where its site last found the property, and objects made alike hold it in the same
    /// place, so the guess is usually right and costs one comparison.
    pub fn find_entry(&self, key: PropertyKey<'gc>, hint: u32) -> Option<usize> {
        if self.has_key_at(hint as usize, key) {
            return Some(hint as usize);
        }
        self.position(key)
    }

    /// Whether the entry at `at` is for `key` (an inline cache's guess).
    #[inline]
    pub fn has_key_at(&self, at: usize, key: PropertyKey<'gc>) -> bool {
        match &self.named {
            Named::Fresh => false,
            Named::Shaped { shape, .. } => matches!(shape.key_at(at), Some((k, _)) if k == key),
            Named::Dictionary(dictionary) => dictionary.key_at(at) == Some(key),
        }
    }

    /// The property of the entry at `at` (a position from [`PropertyMap::find_entry`]).
    pub fn entry(&self, at: usize) -> Option<Property<'gc>> {
        match &self.named {
            Named::Fresh => None,
            Named::Shaped { shape, values } => {
                let (_, attributes) = shape.key_at(at)?;
                Some(Property::data(*values.slots().get(at)?, attributes))
            }
            Named::Dictionary(dictionary) => dictionary.entries.get(at)?.map(|(_, p)| p),
        }
    }

    /// What the entry at `at` holds, without its attributes (an inline cache's read, which
    /// has no use for them).
    // (Always: the inline caches' hits are this, in both copies of the dispatch loop.)
    #[inline(always)]
    pub fn entry_slot(&self, at: usize) -> Option<Slot<'gc>> {
        match &self.named {
            Named::Shaped { shape, values } if at < shape.len() => {
                values.slots().get(at).map(|&value| Slot::Data(value))
            }
            Named::Shaped { .. } => None,
            Named::Dictionary(dictionary) => dictionary.entries.get(at)?.map(|(_, p)| p.slot),
            Named::Fresh => None,
        }
    }

    /// The value at entry `at` if the map has the shape whose id is `shape_id`: an inline
    /// cache's hit on an own property, one comparison and one load.
    #[inline(always)]
    pub fn shaped_value(&self, shape_id: u64, at: usize) -> Option<Value<'gc>> {
        match &self.named {
            // (A cache's position for this shape is one of its values.)
            Named::Shaped { shape, values } if shape.id() == shape_id => {
                values.slots().get(at).copied()
            }
            _ => None,
        }
    }

    /// Replaces the value at entry `at` if the map has the shape whose id is `shape_id` and
    /// all of that shape's properties are writable: an inline cache's hit on an own property
    /// (see [`PropertyMap::shaped_value`]). Returns whether it did.
    #[inline(always)]
    pub fn replace_shaped_value(&mut self, shape_id: u64, at: usize, value: Value<'gc>) -> bool {
        match &mut self.named {
            Named::Shaped { shape, values } if shape.id() == shape_id && shape.all_writable() => {
                match values.slots_mut().get_mut(at) {
                    Some(slot) => {
                        *slot = value;
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }

    /// Replaces the value of the entry at `at` if it is a writable data property (a plain
    /// store); returns whether it was.
    #[inline]
    pub fn replace_entry_value(&mut self, at: usize, value: Value<'gc>) -> bool {
        match &mut self.named {
            Named::Shaped { shape, values } => {
                let writable = shape.all_writable()
                    || matches!(shape.key_at(at), Some((_, a)) if a.writable());
                match values.slots_mut().get_mut(at).filter(|_| at < shape.len()) {
                    Some(slot) if writable => {
                        *slot = value;
                        true
                    }
                    _ => false,
                }
            }
            Named::Dictionary(dictionary) => match dictionary.entries.get_mut(at) {
                Some(Some((_, property)))
                    if matches!(property.slot, Slot::Data(_)) && property.attributes.writable() =>
                {
                    property.slot = Slot::Data(value);
                    true
                }
                _ => false,
            },
            Named::Fresh => false,
        }
    }

    /// Whether an assignment of `key` to an object that inherits from this map may find here
    /// a property that refuses it (an accessor, a read-only data property): false means
    /// that `key` is absent or a writable data property, without looking it up. (A map with
    /// a shape holds data properties only.)
    #[inline]
    pub fn may_refuse_put(&self, key: PropertyKey<'gc>) -> bool {
        match &self.named {
            Named::Fresh => false,
            Named::Shaped { shape, .. } => !shape.all_writable(),
            Named::Dictionary(dictionary) => dictionary.may_refuse(key),
        }
    }

    /// Replaces the value of the data property at entry `at`, keeping its attributes.
    pub fn set_entry_value(&mut self, at: usize, value: Value<'gc>) {
        match &mut self.named {
            Named::Shaped { shape, values } => {
                if let Some(slot) = values.slots_mut().get_mut(at).filter(|_| at < shape.len()) {
                    *slot = value;
                }
            }
            Named::Dictionary(dictionary) => {
                if let Some(Some((_, property))) = dictionary.entries.get_mut(at) {
                    property.slot = Slot::Data(value);
                }
            }
            Named::Fresh => {}
        }
    }

    /// The id of this map's shape (0: none): maps with the same nonzero id have the same
    /// names, with the same attributes, at the same entry positions.
    #[inline]
    pub fn shape_id(&self) -> u64 {
        match &self.named {
            Named::Shaped { shape, .. } => shape.id(),
            _ => 0,
        }
    }

    /// The shape of the entries, if they have one.
    pub fn shape(&self) -> Option<Shape<'gc>> {
        match &self.named {
            Named::Shaped { shape, .. } => Some(*shape),
            _ => None,
        }
    }

    /// A map of the named data properties a `shape` describes, with these values (in the
    /// shape's order): an object laid out as another of that shape was, without adding its
    /// properties one by one. The caller took both from such an object.
    pub fn from_shape(shape: Shape<'gc>, values: &[Value<'gc>]) -> PropertyMap<'gc> {
        debug_assert_eq!(shape.len(), values.len());
        PropertyMap {
            named: Named::Shaped {
                shape,
                values: Values::from_slice(values),
            },
            ..PropertyMap::default()
        }
    }

    /// The shape and the values of a map that has a shape (and no elements).
    pub fn shaped_values(&self) -> Option<(Shape<'gc>, &[Value<'gc>])> {
        match &self.named {
            Named::Shaped { shape, values } if self.elements.is_empty() => {
                Some((*shape, values.slots().get(..shape.len())?))
            }
            _ => None,
        }
    }

    /// The root shape of the objects inheriting from the object this map belongs to, if it
    /// was made (`Object::shape_root`): only prototypes have one, so it is kept with their
    /// values or their dictionary, not in every object.
    #[inline]
    pub fn shape_root(&self) -> Option<Shape<'gc>> {
        match &self.named {
            Named::Fresh => None,
            Named::Shaped { values, .. } => values.root(),
            Named::Dictionary(dictionary) => dictionary.shape_root,
        }
    }

    /// Keeps `root` (see [`PropertyMap::shape_root`]). A map without entries has nowhere to
    /// keep it: it takes `layout()`, the layout it has (its prototype's root), as its shape.
    pub fn set_shape_root(&mut self, layout: impl FnOnce() -> Shape<'gc>, root: Shape<'gc>) {
        match &mut self.named {
            Named::Fresh => {
                let mut values = Values::with_room(0);
                values.set_root(0, root);
                self.named = Named::Shaped {
                    shape: layout(),
                    values,
                };
            }
            Named::Shaped { shape, values } => values.set_root(shape.len(), root),
            Named::Dictionary(dictionary) => dictionary.shape_root = Some(root),
        }
    }

    /// Whether inserting `key` would start a shape, so [`PropertyMap::insert`] needs the root
    /// to start from.
    pub fn needs_root(&self, key: PropertyKey<'gc>) -> bool {
        self.is_fresh() && matches!(key, PropertyKey::String(_))
    }

    /// Whether the map has no entries and can still get a shape: its layout is the root's.
    #[inline]
    pub fn is_fresh(&self) -> bool {
        matches!(self.named, Named::Fresh)
    }

    /// Leaves the shape tree for dictionary mode, for good.
    #[inline]
    pub fn to_dictionary(&mut self) {
        if matches!(self.named, Named::Dictionary(_)) {
            return;
        }
        let mut dictionary = Dictionary::default();
        if let Named::Shaped { shape, values } = &self.named {
            dictionary.shape_root = values.root();
            for (&(key, attributes), &value) in shape.keys().iter().zip(values.slots()) {
                dictionary.push(key, Property::data(value, attributes));
            }
        }
        self.named = Named::Dictionary(Box::new(dictionary));
    }

    /// The dictionary, the map going to dictionary mode first if it is not in it.
    fn dictionary(&mut self) -> &mut Dictionary<'gc> {
        self.to_dictionary();
        match &mut self.named {
            Named::Dictionary(dictionary) => dictionary,
            // (to_dictionary just made it one.)
            _ => unreachable!("a map in dictionary mode"),
        }
    }

    /// Appends new named property `key`, whose addition takes this map from its shape to
    /// `shape` (a transition an inline cache remembered; the caller checked that `key` is not
    /// here and `shape` is the transition's target, which adds a plain data property).
    pub fn push_with_shape(&mut self, value: Value<'gc>, shape: Shape<'gc>) {
        match &mut self.named {
            Named::Shaped {
                shape: current,
                values,
            } => {
                values.push(current.len(), value, shape.largest().min(FIRST_ROOM));
                *current = shape;
            }
            _ => {
                // Room for what objects built this way grew to before (but no more than a
                // vector's first growth would give: one odd object must not make all the
                // others of its kind bigger).
                let mut values = Values::with_room(shape.largest().clamp(1, FIRST_ROOM));
                values.push(0, value, FIRST_ROOM);
                self.named = Named::Shaped { shape, values };
            }
        }
    }

    /// Adds or replaces a property (a replaced property keeps its place in the order). `root`
    /// is the shape a first named property starts from (see [`PropertyMap::needs_root`];
    /// without one, the map has no shape).
    pub fn insert(
        &mut self,
        mc: &Mutation<'gc>,
        root: Option<Shape<'gc>>,
        key: PropertyKey<'gc>,
        property: Property<'gc>,
    ) {
        if let PropertyKey::Index(i) = key {
            let i = i as usize;
            let plain = match property.slot {
                Slot::Data(value) if property.attributes == Attributes::ALL => Some(value),
                _ => None,
            };
            match plain {
                Some(value) if i < growth_limit(self.elements.len()) => {
                    if self.entry_indices() > 0 {
                        self.dictionary().remove(key);
                    }
                    if i >= self.elements.len() {
                        self.elements.resize(i + 1, None);
                    }
                    self.elements[i] = Some(value);
                    return;
                }
                // Not plain data, or too far out: the index leaves the elements (if it was
                // there) for the entries.
                _ => {
                    self.remove_element(i);
                }
            }
        }
        if let Some(at) = self.position(key) {
            match (&mut self.named, property.slot) {
                (Named::Shaped { shape, values }, Slot::Data(value))
                    if shape.key_at(at).map(|(_, a)| a) == Some(property.attributes) =>
                {
                    if let Some(slot) = values.slots_mut().get_mut(at) {
                        *slot = value;
                    }
                }
                // New attributes (or an accessor) make a layout no other object has.
                _ => {
                    let dictionary = self.dictionary();
                    dictionary.note(key, &property);
                    if let Some(Some(entry)) = dictionary.entries.get_mut(at) {
                        entry.1 = property;
                    }
                }
            }
            return;
        }
        // The shape this entry extends: the current one, or the root for a first entry.
        let from = match &self.named {
            Named::Fresh => root,
            Named::Shaped { shape, .. } => Some(*shape),
            Named::Dictionary(_) => None,
        };
        match (key, from, property.slot) {
            (PropertyKey::String(_), Some(from), Slot::Data(value))
                if self.named_len() < DICTIONARY_THRESHOLD =>
            {
                let shape = from.add(mc, key, property.attributes);
                self.push_with_shape(value, shape);
            }
            _ => self.dictionary().push(key, property),
        }
    }

    /// Appends named data property `key` to a map in dictionary mode, where the caller found
    /// no entry for it (an assignment that adds a name looks it up once, not again here);
    /// returns whether it did (not: the map is not in dictionary mode, or `key` is an index,
    /// which may belong in the elements; [`PropertyMap::insert`] places those).
    pub fn push_new_entry(&mut self, key: PropertyKey<'gc>, property: Property<'gc>) -> bool {
        match (&mut self.named, key) {
            (Named::Dictionary(dictionary), PropertyKey::String(_)) => {
                debug_assert!(dictionary.position(key).is_none());
                dictionary.push(key, property);
                true
            }
            _ => false,
        }
    }

    /// Removes element `i`, if present, trimming the holes this leaves at the end (so that
    /// popping an array shrinks its vector).
    fn remove_element(&mut self, i: usize) -> Option<Value<'gc>> {
        let value = self.elements.get_mut(i)?.take()?;
        while self.elements.last().is_some_and(Option::is_none) {
            self.elements.pop();
        }
        Some(value)
    }

    pub fn remove(&mut self, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        if let PropertyKey::Index(i) = key {
            if let Some(value) = self.remove_element(i as usize) {
                return Some(Property::data(value, Attributes::ALL));
            }
        }
        self.position(key)?;
        // The later entries move down a place: a layout of this object's own.
        self.dictionary().remove(key)
    }

    /// The keys in the order ES5 engines enumerate them: array indices ascending, then the
    /// other names in insertion order.
    pub fn keys(&self) -> Vec<PropertyKey<'gc>> {
        let mut keys = Vec::with_capacity(self.len());
        self.for_each_key(|key, _| keys.push(key));
        keys
    }

    /// Calls `f` with each key and its attributes, in the order of [`PropertyMap::keys`] (what
    /// a for-in loop needs in one pass: the names, and which of them are enumerable).
    pub fn for_each_key(&self, mut f: impl FnMut(PropertyKey<'gc>, Attributes)) {
        let dictionary = match &self.named {
            Named::Dictionary(dictionary) => Some(&**dictionary),
            _ => None,
        };
        let elements = self.elements.iter().enumerate();
        let elements = elements.filter(|(_, v)| v.is_some());
        match dictionary {
            Some(dictionary) if dictionary.entry_indices > 0 => {
                // Indices among the entries too: all the indices, sorted, come first.
                let mut indices: Vec<(u32, Attributes)> = elements
                    .map(|(i, _)| (i as u32, Attributes::ALL))
                    .chain(dictionary.iter().filter_map(|(k, p)| match k {
                        PropertyKey::Index(i) => Some((*i, p.attributes)),
                        PropertyKey::String(_) => None,
                    }))
                    .collect();
                indices.sort_unstable_by_key(|&(i, _)| i);
                for (i, attributes) in indices {
                    f(PropertyKey::Index(i), attributes);
                }
            }
            _ => {
                for (i, _) in elements {
                    f(PropertyKey::Index(i as u32), Attributes::ALL);
                }
            }
        }
        match &self.named {
            Named::Fresh => {}
            Named::Shaped { shape, .. } => {
                for &(key, attributes) in shape.keys().iter() {
                    f(key, attributes);
                }
            }
            Named::Dictionary(dictionary) => {
                for (key, property) in dictionary.iter() {
                    if let PropertyKey::String(_) = key {
                        f(*key, property.attributes);
                    }
                }
            }
        }
    }

    /// Every property, elements first, in no particular order otherwise.
    pub fn iter(&self) -> impl Iterator<Item = (PropertyKey<'gc>, Property<'gc>)> + '_ {
        let elements = self.elements.iter().enumerate().filter_map(|(i, v)| {
            v.map(|v| {
                (
                    PropertyKey::Index(i as u32),
                    Property::data(v, Attributes::ALL),
                )
            })
        });
        elements.chain((0..self.named_places()).filter_map(|at| self.entry_pair(at)))
    }

    /// How many own properties: linear in the elements' length.
    pub fn len(&self) -> usize {
        self.elements.iter().flatten().count() + self.named_len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::string::JsString;

    fn plain<'gc>(n: f64) -> Property<'gc> {
        Property::data(Value::Number(n), Attributes::ALL)
    }

    fn number(property: Option<Property<'_>>) -> Option<f64> {
        match property?.slot {
            Slot::Data(Value::Number(n)) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn indices_near_the_end_are_elements_far_ones_entries() {
        gc_arena::arena::rootless_mutate(|mc| {
            let mut map = PropertyMap::default();
            map.insert(mc, None, PropertyKey::Index(0), plain(0.0));
            map.insert(mc, None, PropertyKey::Index(3), plain(3.0));
            map.insert(mc, None, PropertyKey::Index(1_000_000), plain(1e6));
            assert_eq!(map.elements.len(), 4);
            assert_eq!(map.entry_indices(), 1);
            assert_eq!(number(map.get(PropertyKey::Index(3))), Some(3.0));
            assert_eq!(number(map.get(PropertyKey::Index(1_000_000))), Some(1e6));
            assert!(map.get(PropertyKey::Index(2)).is_none());
            assert_eq!(map.len(), 3);
            let keys = map.keys();
            assert_eq!(
                keys,
                vec![
                    PropertyKey::Index(0),
                    PropertyKey::Index(3),
                    PropertyKey::Index(1_000_000)
                ]
            );
        });
    }

    #[test]
    fn other_attributes_move_an_element_to_the_entries_and_back() {
        gc_arena::arena::rootless_mutate(|mc| {
            let mut map = PropertyMap::default();
            map.insert(mc, None, PropertyKey::Index(0), plain(1.0));
            map.insert(
                mc,
                None,
                PropertyKey::Index(0),
                Property::data(Value::Number(2.0), Attributes::NONE),
            );
            assert_eq!(map.elements.iter().flatten().count(), 0);
            assert_eq!(map.len(), 1);
            assert_eq!(
                map.get(PropertyKey::Index(0)).map(|p| p.attributes),
                Some(Attributes::NONE)
            );
            map.insert(mc, None, PropertyKey::Index(0), plain(3.0));
            assert_eq!(map.entry_indices(), 0);
            assert_eq!(number(map.get(PropertyKey::Index(0))), Some(3.0));
            assert_eq!(map.len(), 1);
        });
    }

    #[test]
    fn deleting_names_keeps_the_order_and_finds_the_rest() {
        gc_arena::arena::rootless_mutate(|mc| {
            let names: Vec<_> = (0..200)
                .map(|i| PropertyKey::String(JsString::from_str(mc, &format!("k{i}"))))
                .collect();
            let mut map = PropertyMap::default();
            for (i, &name) in names.iter().enumerate() {
                map.insert(mc, None, name, plain(i as f64));
            }
            // Every other name, then most of the rest: holes, then compactions.
            for &name in names.iter().step_by(2) {
                assert!(map.remove(name).is_some());
            }
            for &name in names.iter().skip(1).step_by(2).take(80) {
                assert!(map.remove(name).is_some());
            }
            let left: Vec<_> = names.iter().skip(161).step_by(2).copied().collect();
            assert_eq!(map.len(), left.len());
            assert_eq!(map.keys(), left);
            for (i, &name) in names.iter().enumerate() {
                let expected = left.contains(&name).then_some(i as f64);
                assert_eq!(number(map.get(name)), expected);
            }
            // A name deleted and added again goes to the end.
            map.insert(mc, None, names[0], plain(-1.0));
            assert_eq!(map.keys().last(), Some(&names[0]));
            assert_eq!(map.iter().count(), left.len() + 1);
        });
    }

    #[test]
    fn removing_the_last_elements_trims_the_holes() {
        gc_arena::arena::rootless_mutate(|mc| {
            let mut map = PropertyMap::default();
            for i in 0..4 {
                map.insert(mc, None, PropertyKey::Index(i), plain(f64::from(i)));
            }
            map.remove(PropertyKey::Index(2));
            map.remove(PropertyKey::Index(3));
            assert_eq!(map.elements.len(), 2);
            assert_eq!(map.len(), 2);
        });
    }
}
