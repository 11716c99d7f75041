//! Adding a name to an object in dictionary mode without having the collector trace all of
//! the object again.
//!
//! Writing to a `Gc` the safe way (`RefLock::borrow_mut`) runs gc-arena's backward write
//! barrier: while a cycle marks, an object it already traced is queued to be traced again,
//! whole. For an object used as a table (300,000 names added one statement at a time), that
//! meant tracing every entry again at each slice of the cycle: the hash-map benchmark spent
//! about a fifth of its time in the collector, most of it there. An added entry points to
//! only a few cells (its name, its value), so the forward barrier serves instead: those cells
//! are marked, and the table is left as traced.

// SAFETY: the forward barrier goes with writing through the lock without its own (backward)
// barrier, which gc-arena only offers as an unsafe method (`as_ref_cell`); the one use below
// says why it is sound. Measured necessary: patterns/hash-map.js spent 53 ms of a 0.3 s run
// collecting with the backward barrier, 20 ms with this (`--stats`; docs/performance.md,
// "Objects as hash maps").
#![allow(unsafe_code)]

use super::{Object, Property, PropertyKey, Slot};
use crate::value::Value;
use gc_arena::{Gc, Mutation};

impl<'gc> Object<'gc> {
    /// Adds own property `key`, which the caller found absent: what
    /// [`super::ObjectData::insert_property`] does, without looking `key` up again, and, for
    /// an object in dictionary mode, without having it traced again.
    pub fn insert_new_property(
        self,
        mc: &Mutation<'gc>,
        key: PropertyKey<'gc>,
        property: Property<'gc>,
    ) {
        if !self.push_new_entry(mc, key, property) {
            self.borrow_mut(mc).insert_property(mc, key, property);
        }
    }

    /// Appends the entry if the object is in dictionary mode and no inline cache watches it
    /// (a watched prototype's new name is news the general path tells them); returns whether
    /// it did.
    fn push_new_entry(
        self,
        mc: &Mutation<'gc>,
        key: PropertyKey<'gc>,
        property: Property<'gc>,
    ) -> bool {
        // SAFETY: gc-arena requires that a `Gc` adopting new pointers through the unlocked
        // cell be covered by a write barrier before the next collection step. The only
        // pointers this write adopts are the ones in `key` and `property` (the push moves
        // entries and index slots, which hold no other new pointer), and each goes through
        // the forward barrier below, with this object as the parent, before this function
        // returns, within the same mutation (no collection step can run in between).
        let cell = unsafe { self.0.as_ref_cell() };
        let pushed = {
            let mut data = cell.borrow_mut();
            !data.watched && data.properties.push_new_entry(key, property)
        };
        if pushed {
            let parent = Some(Gc::erase(self.0));
            if let PropertyKey::String(name) = key {
                mc.forward_barrier(parent, name.gc_cell());
            }
            let adopt = |value: Option<Value<'gc>>| match value {
                Some(Value::Object(object)) => mc.forward_barrier(parent, Gc::erase(object.0)),
                Some(Value::String(s)) => mc.forward_barrier(parent, s.gc_cell()),
                _ => {}
            };
            match property.slot {
                Slot::Data(value) => adopt(Some(value)),
                Slot::Accessor { get, set } => {
                    adopt(get.map(Value::Object));
                    adopt(set.map(Value::Object));
                }
            }
        }
        pushed
    }
}
