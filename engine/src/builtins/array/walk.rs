//! Walking over the indices of an array-like object without visiting every one: the loops
//! of the generic `Array.prototype` methods.
//!
//! The spec's loops run over every index below `length`, which can be 2^32 - 1 for an object
//! with a single element (`var a = []; a[4294967294] = 1; a.indexOf(1)`). Every such loop
//! of the array methods goes through a [`Walk`]. When the range is much larger than the number of properties
//! the object and its prototypes have, the walk visits only the indices at which a step can
//! do anything: those where some index the step reads, writes or deletes is a property of the
//! object or of a prototype. That is equivalent to the spec's loop, since at any other index
//! the step finds no property (HasProperty is false, `[[Get]]` gives `undefined` without running
//! code) and deleting an absent property does nothing. When a step may have run script
//! code, which can add elements (it touched an accessor property, or `join` converted an
//! object element), the walk collects the indices again before the next step. This applies
//! to any object, not only arrays: `{length: 4294967295}` is as sparse as `[]` with that
//! length, and every object here is ordinary (a String object's characters are counted as
//! its elements).

use super::MAX_INDEX_PLUS_ONE;
use crate::object::{Class, Object, PropertyKey, Slot};
use crate::string::JsString;
use crate::vm::Ctx;

/// Which element a loop step touches, given its counter `k`.
#[derive(Clone, Copy)]
pub(super) enum Touch {
    /// The element at `k + d`.
    Offset(f64),
    /// The element at `m - k` (reverse's upper half).
    Mirror(f64),
}

/// The counters of a loop `for k in lo..hi` (or backwards) over an object's elements: every
/// one when the range is small next to the number of properties, else only those at which
/// the step can touch a property (see the module documentation).
pub(super) struct Walk<'gc> {
    object: Object<'gc>,
    touches: Vec<Touch>,
    ascending: bool,
    /// What is left to walk: `lo..hi`.
    lo: f64,
    hi: f64,
    /// The counters still to visit, the next one last; `None` visits every counter.
    sparse: Option<Vec<f64>>,
    /// The positions of accessor properties (sorted): a step that touches one runs code.
    accessors: Vec<f64>,
    /// The counter visited last.
    last: Option<f64>,
    /// The caller ran code (a conversion) that may have added elements.
    pub(super) dirty: bool,
}

/// Below this many counters, a loop simply visits each.
const DENSE_SPAN: f64 = 64.0;

impl<'gc> Walk<'gc> {
    pub(super) fn new(
        ctx: Ctx<'gc>,
        object: Object<'gc>,
        lo: f64,
        hi: f64,
        ascending: bool,
        touches: Vec<Touch>,
    ) -> Walk<'gc> {
        let mut walk = Walk {
            object,
            touches,
            ascending,
            lo,
            hi,
            sparse: None,
            accessors: Vec::new(),
            last: None,
            dirty: false,
        };
        let span = hi - lo;
        if span > DENSE_SPAN && span > 8.0 * property_count(object) {
            walk.collect(ctx);
        }
        walk
    }

    /// The next counter, if any.
    pub(super) fn next(&mut self, ctx: Ctx<'gc>) -> Option<f64> {
        if self.lo >= self.hi {
            return None;
        }
        if self.sparse.is_some() && (self.dirty || self.last.is_some_and(|k| self.ran_accessor(k)))
        {
            self.collect(ctx);
        }
        let k = match &mut self.sparse {
            None if self.ascending => self.lo,
            None => self.hi - 1.0,
            Some(list) => list.pop()?,
        };
        self.last = Some(k);
        if self.ascending {
            self.lo = k + 1.0;
        } else {
            self.hi = k;
        }
        Some(k)
    }

    /// Whether the step at counter `k` touched an accessor property (and so may have run
    /// code that added elements).
    fn ran_accessor(&self, k: f64) -> bool {
        self.touches.iter().any(|touch| {
            let position = match *touch {
                Touch::Offset(d) => k + d,
                Touch::Mirror(m) => m - k,
            };
            self.accessors
                .binary_search_by(|a| a.total_cmp(&position))
                .is_ok()
        })
    }

    /// Collects the counters in `lo..hi` at which the step touches an existing property.
    fn collect(&mut self, ctx: Ctx<'gc>) {
        let mut counters = Vec::new();
        let mut accessors = Vec::new();
        let add = |x: f64, counters: &mut Vec<f64>| {
            for touch in &self.touches {
                let k = match *touch {
                    Touch::Offset(d) => x - d,
                    Touch::Mirror(m) => m - x,
                };
                if k >= self.lo && k < self.hi {
                    counters.push(k);
                }
            }
        };
        let mut current = Some(self.object);
        while let Some(object) = current {
            let data = object.borrow();
            if let Class::String(s) = data.class {
                for i in 0..s.len() {
                    add(i as f64, &mut counters);
                }
            }
            for (key, property) in data.properties.iter() {
                let position = match key {
                    PropertyKey::Index(i) => f64::from(i),
                    PropertyKey::String(name) => match large_integer(ctx, name) {
                        Some(x) => x,
                        None => continue,
                    },
                };
                if matches!(property.slot, Slot::Accessor { .. }) {
                    accessors.push(position);
                }
                add(position, &mut counters);
            }
            current = data.prototype;
        }
        // The next counter goes last, for `pop`.
        counters.sort_unstable_by(|a, b| {
            if self.ascending {
                b.total_cmp(a)
            } else {
                a.total_cmp(b)
            }
        });
        counters.dedup();
        accessors.sort_unstable_by(f64::total_cmp);
        self.sparse = Some(counters);
        self.accessors = accessors;
        self.dirty = false;
    }
}

/// How many properties `object` and its prototypes have (string wrappers count their
/// characters).
fn property_count(object: Object<'_>) -> f64 {
    let mut count = 0usize;
    let mut current = Some(object);
    while let Some(object) = current {
        let data = object.borrow();
        count += data.properties.len();
        if let Class::String(s) = data.class {
            count += s.len();
        }
        current = data.prototype;
    }
    count as f64
}

/// The integer a property name spells canonically when it is too large to be an array index
/// (2^32 - 1 up to 2^53): elements past the last index, as `push` and `unshift` can make.
fn large_integer<'gc>(ctx: Ctx<'gc>, name: JsString<'gc>) -> Option<f64> {
    if !(10..=16).contains(&name.len()) {
        return None;
    }
    name.with_units(&ctx, |units| {
        let mut value = 0.0f64;
        for i in 0..units.len() {
            let digit = units.get(i)?.checked_sub(u16::from(b'0'))?;
            if digit > 9 || (i == 0 && digit == 0) {
                return None;
            }
            value = value * 10.0 + f64::from(digit);
        }
        (MAX_INDEX_PLUS_ONE..=9_007_199_254_740_992.0)
            .contains(&value)
            .then_some(value)
    })
}
