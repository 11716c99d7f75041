//! The table of interned strings: one string per distinct name, so that property keys compare
//! (and hash) by pointer.
//!
//! Every name a property is found by passes through here once per lookup by a computed key
//! (`map["key" + i]`, `obj[name]`), so the table is built for that:
//!
//! - it holds the strings themselves, and looks a name up by its units wherever they are (in a
//!   string's cell or its buffer, one byte or two a unit): no copy of the units to look up,
//!   none kept beside the string;
//! - a new name that is a short string of its own cell (the usual `"key" + i`) becomes the
//!   interned string itself, with no copy; only a name that shares a buffer (a slice of a
//!   longer text) is copied, so that the table does not keep the whole text alive.
//!
//! The hash is over the unit values, so a name hashes the same whether its string is stored
//! one byte or two a unit. The table keeps no hashes: growing it hashes the names again, which
//! costs less than the 8 bytes a name that keeping them would.

use crate::string::{JsString, Units};
use gc_arena::{Collect, Mutation};
use hashbrown::HashTable;
use std::hash::Hasher;

/// The interned strings. (Never freed: a script that makes millions of distinct property
/// names keeps them all, as QuickJS's atoms of live objects would be kept.)
#[derive(Collect, Default)]
#[collect(no_drop)]
pub struct InternTable<'gc> {
    strings: HashTable<JsString<'gc>>,
}

/// The hash of a name's units.
fn hash_units(units: &Units<'_>) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    match units {
        Units::Latin1(bytes) => bytes.iter().for_each(|&b| hasher.write_u16(u16::from(b))),
        Units::Utf16(units) => units.iter().for_each(|&u| hasher.write_u16(u)),
    }
    hasher.finish()
}

/// The array index these units spell, if any.
pub fn array_index(units: &Units<'_>) -> Option<u32> {
    match units {
        Units::Latin1(bytes) => crate::convert::array_index(bytes),
        Units::Utf16(units) => crate::convert::array_index(units),
    }
}

/// Whether two names have the same units (of either width).
fn same_units(a: &Units<'_>, b: &Units<'_>) -> bool {
    match (a, b) {
        (Units::Latin1(x), Units::Latin1(y)) => x == y,
        (Units::Utf16(x), Units::Utf16(y)) => x == y,
        (x, y) => x.len() == y.len() && (0..x.len()).all(|i| x.get(i) == y.get(i)),
    }
}

impl<'gc> InternTable<'gc> {
    pub fn with_capacity(capacity: usize) -> Self {
        InternTable {
            strings: HashTable::with_capacity(capacity),
        }
    }

    /// The interned string with these units, if there is one.
    pub fn find(&self, mc: &Mutation<'gc>, units: &Units<'_>) -> Option<JsString<'gc>> {
        self.find_hashed(mc, hash_units(units), units)
    }

    fn find_hashed(
        &self,
        mc: &Mutation<'gc>,
        hash: u64,
        units: &Units<'_>,
    ) -> Option<JsString<'gc>> {
        let found = self
            .strings
            .find(hash, |s| s.with_units(mc, |own| same_units(&own, units)));
        found.copied()
    }

    /// The interned string with these units, made if there is none yet.
    pub fn intern_units(&mut self, mc: &Mutation<'gc>, units: &[u16]) -> JsString<'gc> {
        let hash = hash_units(&Units::Utf16(units));
        if let Some(s) = self.find_hashed(mc, hash, &Units::Utf16(units)) {
            return s;
        }
        self.insert(mc, hash, JsString::from_units(mc, units))
    }

    /// The interned string with the units of `s`: an equal one interned before, else `s`
    /// itself if it is short and of its own cell, else a copy of it.
    pub fn intern_string(&mut self, mc: &Mutation<'gc>, s: JsString<'gc>) -> JsString<'gc> {
        let (hash, found) = s.with_units(mc, |units| {
            let hash = hash_units(&units);
            (hash, self.find_hashed(mc, hash, &units))
        });
        if let Some(found) = found {
            return found;
        }
        let s = if s.is_inline() {
            s
        } else {
            JsString::from_units(mc, &s.to_units(mc))
        };
        self.insert(mc, hash, s)
    }

    /// Adds `s` (the caller found no equal string), whose units hash to `hash`.
    fn insert(&mut self, mc: &Mutation<'gc>, hash: u64, s: JsString<'gc>) -> JsString<'gc> {
        let rehash = |s: &JsString<'gc>| s.with_units(mc, |units| hash_units(&units));
        self.strings.insert_unique(hash, s, rehash);
        // Marked, so that it is taken as a key as it is from now on. (Not a name that spells
        // an array index: as a key, that is the index.)
        if s.with_units(mc, |units| array_index(&units).is_none()) {
            s.mark_interned(mc);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_string_per_name_whatever_its_width() {
        gc_arena::arena::rootless_mutate(|mc| {
            let mut table = InternTable::default();
            let units: Vec<u16> = "key12".encode_utf16().collect();
            let a = table.intern_units(mc, &units);
            // The same name made another way (one byte a unit, its own cell): the same string.
            let b = table.intern_string(mc, JsString::from_str(mc, "key12"));
            assert!(a.ptr_eq(b));
            // A new short name is interned as itself.
            let fresh = JsString::from_str(mc, "other");
            assert!(!fresh.is_interned());
            assert!(table.intern_string(mc, fresh).ptr_eq(fresh));
            assert!(fresh.is_interned() && a.is_interned());
            // A name that is an array index is interned, but not marked as a key.
            assert!(!table.intern_units(mc, &[u16::from(b'7')]).is_interned());
            // A long one is copied (it might share a buffer with a longer text).
            let long = JsString::from_str(mc, &"x".repeat(100));
            let interned = table.intern_string(mc, long);
            assert!(!interned.ptr_eq(long) && interned.equals(mc, long));
            assert!(table.find(mc, &Units::Latin1(b"other")).is_some());
            assert!(table.find(mc, &Units::Utf16(&[0x6f, 0x74])).is_none());
            // Many names: the table grows and finds every one again.
            let names: Vec<_> = (0..1000)
                .map(|i| table.intern_string(mc, JsString::from_str(mc, &format!("n{i}"))))
                .collect();
            for (i, name) in names.iter().enumerate() {
                let again =
                    table.intern_units(mc, &format!("n{i}").encode_utf16().collect::<Vec<_>>());
                assert!(again.ptr_eq(*name));
            }
        });
    }
}
