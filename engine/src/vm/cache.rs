//! Inline caches: each property instruction that names its property (`o.name`, `o.name = v`,
//! a global variable) remembers where it last found it, so that the next run of the same
//! instruction can check that place first instead of searching.
//!
//! What is remembered is a position among an object's property entries ([`PropertyMap`]'s
//! insertion order). Objects built by the same code get their properties in the same order,
//! so a site that sees many such objects (every `Vector` made by `new Vector(x, y)`) finds
//! `x` at the same position in each, and checking the guess is one key comparison. A wrong
//! guess costs the ordinary search, which then updates the cache. (A shape-based cache would
//! also skip the search on the prototype walk's misses; this one keeps objects as they are.)
//!
//! [`PropertyMap`]: crate::object::PropertyMap

use crate::object::{Class, Object, Property, PropertyKey, Slot};
use crate::value::Value;
use gc_arena::Mutation;
use std::cell::Cell;

/// The caches of one function's sites, indexed by the instructions' `ic` operands.
pub struct InlineCaches(Box<[Cell<u32>]>);

impl InlineCaches {
    pub fn new(count: u16) -> InlineCaches {
        InlineCaches((0..count).map(|_| Cell::new(0)).collect())
    }

    /// The cache of site `ic` (`None` for a site the compiler ran out of caches for: it takes
    /// the general path).
    fn cell(&self, ic: u16) -> Option<&Cell<u32>> {
        self.0.get(ic as usize)
    }

    /// [[Get]] of the named property `key` on `object` and its prototypes, when it is a data
    /// property: its value. `None` when the property is an accessor or missing, or `key` is
    /// an index: the caller then takes the general path (`ops::get`), which also knows the
    /// exotic objects (String indices, mapped `arguments`) — only index keys are exotic.
    pub fn get<'gc>(
        &self,
        ic: u16,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
    ) -> Option<Value<'gc>> {
        let PropertyKey::String(_) = key else {
            return None;
        };
        let cell = self.cell(ic)?;
        let mut current = Some(object);
        while let Some(object) = current {
            let data = object.borrow();
            if let Some(at) = data.properties.find_entry(key, cell.get()) {
                cell.set(at as u32);
                return match data.properties.entry(at) {
                    Some(Property {
                        slot: Slot::Data(value),
                        ..
                    }) => Some(value),
                    _ => None,
                };
            }
            current = data.prototype;
        }
        None
    }

    /// [[Put]] of the named property `key` when `object` has it as its own writable data
    /// property, so that the assignment only replaces the value. Returns whether it did;
    /// `false` sends the assignment down the general path (adding a property, setters,
    /// read-only properties, an array's `length`).
    pub fn put<'gc>(
        &self,
        mc: &Mutation<'gc>,
        ic: u16,
        object: Object<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
    ) -> bool {
        let (PropertyKey::String(_), Some(cell)) = (key, self.cell(ic)) else {
            return false;
        };
        let mut data = object.borrow_mut(mc);
        // An array's `length` is a data property whose writes also cut the array (15.4.5.1).
        if matches!(data.class, Class::Array) {
            return false;
        }
        let Some(at) = data.properties.find_entry(key, cell.get()) else {
            return false;
        };
        cell.set(at as u32);
        match data.properties.entry(at) {
            Some(Property {
                slot: Slot::Data(_),
                attributes,
            }) if attributes.writable() => {
                data.properties.set_entry_value(at, value);
                true
            }
            _ => false,
        }
    }
}
