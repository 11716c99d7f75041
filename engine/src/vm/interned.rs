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
//! one byte or two a unit. The table keeps each name's hash beside it (32 bits, which with the
//! pointer's alignment make 16 bytes a slot where the string alone took 8): growing the table
//! then moves names without reading them, where hashing them again read every string of the
//! table, at random places of the heap (an object used as a hash map of 300,000 new names
//! spent 8% of its time there), and a probe compares hashes before it reads a string.

use crate::string::{JsString, Units};
use gc_arena::{Collect, Mutation};
use hashbrown::HashTable;
use std::hash::Hasher;

/// The interned strings. (Never freed: a script that makes millions of distinct property
/// names keeps them all, as QuickJS's atoms of live objects would be kept.)
#[derive(Collect, Default)]
#[collect(no_drop)]
pub struct InternTable<'gc> {
    /// Each name with its hash ([`short_hash`]).
    strings: HashTable<(JsString<'gc>, u32)>,
}

/// A name not in the table, with its hash (from [`InternTable::lookup`] or
/// [`InternTable::lookup_units`], for [`InternTable::add`]).
pub struct Missing<'gc> {
    string: JsString<'gc>,
    hash: u32,
    /// `string` was made for the table (from units), so it is added as it is, whatever its
    /// length: no buffer of a longer text to let go of.
    made: bool,
    /// Whether the units spell an array index, when the look-up knew (from the units it had
    /// at hand) without reading the string again.
    index: Option<bool>,
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

/// The 32 bits of a hash the table keeps.
fn short_hash(hash: u64) -> u32 {
    (hash >> 32) as u32 ^ hash as u32
}

/// The hash the table is indexed by, made again from the 32 bits kept: the table takes its
/// buckets from the low bits and its tags from the top 7, so both halves carry them.
fn table_hash(short: u32) -> u64 {
    u64::from(short) << 32 | u64::from(short)
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
        (Units::Latin1(narrow), Units::Utf16(wide))
        | (Units::Utf16(wide), Units::Latin1(narrow)) => {
            narrow.len() == wide.len() && narrow.iter().zip(*wide).all(|(&n, &w)| u16::from(n) == w)
        }
    }
}

/// Names this long or shorter whose units all fit in a byte are looked up as bytes: one
/// byte a unit is how the table stores them, so the comparison is of bytes with bytes.
const NARROW_LIMIT: usize = 64;

impl<'gc> InternTable<'gc> {
    pub fn with_capacity(capacity: usize) -> Self {
        InternTable {
            strings: HashTable::with_capacity(capacity),
        }
    }

    fn find_hashed(
        &self,
        mc: &Mutation<'gc>,
        hash: u32,
        units: &Units<'_>,
    ) -> Option<JsString<'gc>> {
        let found = self.strings.find(table_hash(hash), |&(s, h)| {
            h == hash && s.with_units(mc, |own| same_units(&own, units))
        });
        found.map(|&(s, _)| s)
    }

    /// The interned string with these units, made if there is none yet.
    pub fn intern_units(&mut self, mc: &Mutation<'gc>, units: &[u16]) -> JsString<'gc> {
        match self.lookup_units(mc, units) {
            Ok(s) => s,
            Err(missing) => self.add(mc, missing),
        }
    }

    /// The interned string with these units, or, when there is none, a new string of them
    /// with what [`InternTable::add`] needs to add it (their hash, computed once for both).
    pub fn lookup_units(
        &self,
        mc: &Mutation<'gc>,
        units: &[u16],
    ) -> Result<JsString<'gc>, Missing<'gc>> {
        // A code's string constants and most names are short and Latin-1 (they arrive as
        // units from the compiler and bytecode images).
        if units.len() <= NARROW_LIMIT && units.iter().all(|&u| u < 256) {
            let mut narrow = [0u8; NARROW_LIMIT];
            for (byte, &unit) in narrow.iter_mut().zip(units) {
                *byte = unit as u8;
            }
            return self.lookup_latin1(mc, &narrow[..units.len()]);
        }
        self.lookup_or_make(mc, &Units::Utf16(units), || {
            let index = crate::convert::array_index(units).is_some();
            (JsString::from_units(mc, units), index)
        })
    }

    /// The interned string with these Latin-1 units (one byte each), or, when there is none,
    /// a new string of them with what [`InternTable::add`] needs to add it.
    pub fn lookup_latin1(
        &self,
        mc: &Mutation<'gc>,
        bytes: &[u8],
    ) -> Result<JsString<'gc>, Missing<'gc>> {
        self.lookup_or_make(mc, &Units::Latin1(bytes), || {
            let index = crate::convert::array_index(bytes).is_some();
            (JsString::from_latin1_slice(mc, bytes), index)
        })
    }

    /// The interned string with `units`, or a new one that `make` gives (with whether it names
    /// an array index) and what [`InternTable::add`] needs to add it.
    fn lookup_or_make(
        &self,
        mc: &Mutation<'gc>,
        units: &Units<'_>,
        make: impl FnOnce() -> (JsString<'gc>, bool),
    ) -> Result<JsString<'gc>, Missing<'gc>> {
        let hash = short_hash(hash_units(units));
        match self.find_hashed(mc, hash, units) {
            Some(s) => Ok(s),
            None => {
                let (string, index) = make();
                Err(Missing {
                    string,
                    hash,
                    made: true,
                    index: Some(index),
                })
            }
        }
    }

    /// The interned string with the units of `s`, or, when there is none, what
    /// [`InternTable::add`] needs to add it (its hash, computed once for both).
    pub fn lookup(
        &self,
        mc: &Mutation<'gc>,
        s: JsString<'gc>,
    ) -> Result<JsString<'gc>, Missing<'gc>> {
        let (hash, found) = s.with_units(mc, |units| {
            let hash = short_hash(hash_units(&units));
            (hash, self.find_hashed(mc, hash, &units))
        });
        found.ok_or(Missing {
            string: s,
            hash,
            made: false,
            index: None,
        })
    }

    /// Adds a name a look-up did not find: its string itself if it was made for the table or
    /// is short and of its own cell, else a copy of it.
    pub fn add(&mut self, mc: &Mutation<'gc>, missing: Missing<'gc>) -> JsString<'gc> {
        let Missing {
            string: s,
            hash,
            made,
            index,
        } = missing;
        let s = if made || s.is_inline() {
            s
        } else {
            JsString::from_units(mc, &s.to_units(mc))
        };
        let index =
            index.unwrap_or_else(|| s.with_units(mc, |units| array_index(&units).is_some()));
        self.insert(mc, hash, s, index)
    }

    /// Adds `s` (the caller found no equal string), whose units hash to `hash` and spell an
    /// array index or not (`index`).
    fn insert(
        &mut self,
        mc: &Mutation<'gc>,
        hash: u32,
        s: JsString<'gc>,
        index: bool,
    ) -> JsString<'gc> {
        // Marked, so that it is taken as a key as it is from now on. (Not a name that spells
        // an array index: as a key, that is the index.) Before the table's slot is written:
        // the mark rewrites the string's cell through the stack, whose reload cannot be
        // forwarded from the stores just made and waits for every earlier store to reach the
        // cache, the slot's too, at a random place of a large table and often a miss (after
        // it, that wait was 10% of hash-map.js' time, by `perf annotate`).
        if !index {
            s.mark_interned(mc);
        }
        let rehash = |&(_, h): &(JsString<'gc>, u32)| table_hash(h);
        self.strings
            .insert_unique(table_hash(hash), (s, hash), rehash);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl<'gc> InternTable<'gc> {
        /// The interned string with these units, if there is one.
        fn find(&self, mc: &Mutation<'gc>, units: &Units<'_>) -> Option<JsString<'gc>> {
            self.find_hashed(mc, short_hash(hash_units(units)), units)
        }

        /// The interned string with the units of `s` (added if there is none).
        fn intern_string(&mut self, mc: &Mutation<'gc>, s: JsString<'gc>) -> JsString<'gc> {
            match self.lookup(mc, s) {
                Ok(found) => found,
                Err(missing) => self.add(mc, missing),
            }
        }
    }

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
