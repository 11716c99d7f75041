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

use super::{Attributes, Property, PropertyKey, Shape, Slot};
use crate::value::Value;
use gc_arena::{Collect, Mutation};
use rustc_hash::FxHashMap;

/// Own properties: dense elements, then the other entries in insertion order.
#[derive(Default, Collect)]
#[collect(no_drop)]
pub struct PropertyMap<'gc> {
    /// Element `i` is the value of index property `i` (`None`: a hole, or an index whose
    /// property is in the named entries).
    elements: Vec<Option<Value<'gc>>>,
    /// How many of `elements` are present.
    element_count: usize,
    named: Named<'gc>,
}

/// The entries other than the elements.
#[derive(Default, Collect)]
#[collect(no_drop)]
enum Named<'gc> {
    /// None yet, and the map can still get a shape: its layout is the root's.
    #[default]
    Fresh,
    /// Values laid out as `shape` says (its names, in order, with their attributes).
    Shaped {
        shape: Shape<'gc>,
        values: Vec<Value<'gc>>,
    },
    /// Names and properties of the map's own, for good.
    Dictionary(Box<Dictionary<'gc>>),
}

#[derive(Default, Collect)]
#[collect(no_drop)]
struct Dictionary<'gc> {
    entries: Vec<(PropertyKey<'gc>, Property<'gc>)>,
    /// How many of `entries` are indices: while none are, an index lookup never scans them.
    entry_indices: usize,
    /// Keys are pointers and small integers: a fast non-cryptographic hash suits them.
    index: Option<FxHashMap<PropertyKey<'gc>, usize>>,
}

/// The most room a map's first named value gets (what `Vec` gives 16-byte values at first).
const FIRST_ROOM: usize = 4;

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

impl<'gc> Dictionary<'gc> {
    fn position(&self, key: PropertyKey<'gc>) -> Option<usize> {
        if matches!(key, PropertyKey::Index(_)) && self.entry_indices == 0 {
            return None;
        }
        match &self.index {
            Some(index) => index.get(&key).copied(),
            None => self.entries.iter().position(|(k, _)| *k == key),
        }
    }

    /// Appends an entry (the caller knows `key` is not here).
    fn push(&mut self, key: PropertyKey<'gc>, property: Property<'gc>) {
        if matches!(key, PropertyKey::Index(_)) {
            self.entry_indices += 1;
        }
        self.entries.push((key, property));
        let at = self.entries.len() - 1;
        match &mut self.index {
            Some(index) => {
                index.insert(key, at);
            }
            None if self.entries.len() > INDEX_THRESHOLD => {
                let entries = self.entries.iter().enumerate();
                self.index = Some(entries.map(|(i, (k, _))| (*k, i)).collect());
            }
            None => {}
        }
    }

    fn remove(&mut self, key: PropertyKey<'gc>) -> Option<Property<'gc>> {
        let i = self.position(key)?;
        let (_, property) = self.entries.remove(i);
        if matches!(key, PropertyKey::Index(_)) {
            self.entry_indices -= 1;
        }
        if let Some(index) = &mut self.index {
            index.remove(&key);
            for value in index.values_mut() {
                if *value > i {
                    *value -= 1;
                }
            }
        }
        Some(property)
    }
}

impl<'gc> PropertyMap<'gc> {
    fn position(&self, key: PropertyKey<'gc>) -> Option<usize> {
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
            Named::Shaped { values, .. } => values.len(),
            Named::Dictionary(dictionary) => dictionary.entries.len(),
        }
    }

    /// The name and property of named entry `at`.
    fn entry_pair(&self, at: usize) -> Option<(PropertyKey<'gc>, Property<'gc>)> {
        match &self.named {
            Named::Fresh => None,
            Named::Shaped { shape, values } => {
                let (key, attributes) = shape.key_at(at)?;
                Some((key, Property::data(*values.get(at)?, attributes)))
            }
            Named::Dictionary(dictionary) => dictionary.entries.get(at).copied(),
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
            Named::Dictionary(dictionary) => {
                matches!(dictionary.entries.get(at), Some((k, _)) if *k == key)
            }
        }
    }

    /// The property of the entry at `at` (a position from [`PropertyMap::find_entry`]).
    pub fn entry(&self, at: usize) -> Option<Property<'gc>> {
        match &self.named {
            Named::Fresh => None,
            Named::Shaped { shape, values } => {
                let (_, attributes) = shape.key_at(at)?;
                Some(Property::data(*values.get(at)?, attributes))
            }
            Named::Dictionary(dictionary) => dictionary.entries.get(at).map(|(_, p)| *p),
        }
    }

    /// What the entry at `at` holds, without its attributes (an inline cache's read, which
    /// has no use for them).
    // (Always: the inline caches' hits are this, in both copies of the dispatch loop.)
    #[inline(always)]
    pub fn entry_slot(&self, at: usize) -> Option<Slot<'gc>> {
        match &self.named {
            Named::Shaped { values, .. } => values.get(at).map(|&value| Slot::Data(value)),
            Named::Dictionary(dictionary) => dictionary.entries.get(at).map(|(_, p)| p.slot),
            Named::Fresh => None,
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
                match values.get_mut(at) {
                    Some(slot) if writable => {
                        *slot = value;
                        true
                    }
                    _ => false,
                }
            }
            Named::Dictionary(dictionary) => match dictionary.entries.get_mut(at) {
                Some((_, property))
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

    /// Replaces the value of the data property at entry `at`, keeping its attributes.
    pub fn set_entry_value(&mut self, at: usize, value: Value<'gc>) {
        match &mut self.named {
            Named::Shaped { values, .. } => {
                if let Some(slot) = values.get_mut(at) {
                    *slot = value;
                }
            }
            Named::Dictionary(dictionary) => {
                if let Some((_, property)) = dictionary.entries.get_mut(at) {
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
    pub fn to_dictionary(&mut self) {
        let mut dictionary = Dictionary::default();
        if let Named::Shaped { shape, values } = &self.named {
            for (&(key, attributes), &value) in shape.keys().iter().zip(values) {
                dictionary.push(key, Property::data(value, attributes));
            }
        }
        if !matches!(self.named, Named::Dictionary(_)) {
            self.named = Named::Dictionary(Box::new(dictionary));
        }
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
                values.push(value);
                *current = shape;
            }
            _ => {
                // Room for what objects built this way grew to before (but no more than a
                // vector's first growth would give: one odd object must not make all the
                // others of its kind bigger).
                let mut values = Vec::with_capacity(shape.largest().clamp(1, FIRST_ROOM));
                values.push(value);
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
                    if self.elements[i].replace(value).is_none() {
                        self.element_count += 1;
                    }
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
                    values[at] = value;
                }
                // New attributes (or an accessor) make a layout no other object has.
                _ => self.dictionary().entries[at].1 = property,
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

    /// Removes element `i`, if present, trimming the holes this leaves at the end (so that
    /// popping an array shrinks its vector).
    fn remove_element(&mut self, i: usize) -> Option<Value<'gc>> {
        let value = self.elements.get_mut(i)?.take()?;
        self.element_count -= 1;
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
        let mut keys: Vec<PropertyKey<'gc>> = self
            .elements
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some())
            .map(|(i, _)| PropertyKey::Index(i as u32))
            .collect();
        match &self.named {
            Named::Fresh => {}
            Named::Shaped { shape, .. } => keys.extend(shape.keys().iter().map(|(k, _)| *k)),
            Named::Dictionary(dictionary) => {
                let entries = &dictionary.entries;
                if dictionary.entry_indices > 0 {
                    keys.extend(entries.iter().filter_map(|(k, _)| match k {
                        PropertyKey::Index(_) => Some(*k),
                        PropertyKey::String(_) => None,
                    }));
                    keys.sort_unstable_by_key(|k| match k {
                        PropertyKey::Index(i) => *i,
                        PropertyKey::String(_) => u32::MAX,
                    });
                }
                keys.extend(
                    entries
                        .iter()
                        .filter(|(k, _)| matches!(k, PropertyKey::String(_)))
                        .map(|(k, _)| *k),
                );
            }
        }
        keys
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
        elements.chain((0..self.named_len()).filter_map(|at| self.entry_pair(at)))
    }

    pub fn len(&self) -> usize {
        self.element_count + self.named_len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(map.element_count, 0);
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
