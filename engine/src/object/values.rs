//! [`Values`]: the values of a shaped object's named properties, the first few inside the
//! object.
//!
//! Most objects of a 2010 program hold one or two named properties (a tree node's `left` and
//! `right`, an array's `length`, a payload's two fields). Kept in a vector of their own, each
//! such object was two blocks: the object's, and 32 bytes of values in a second allocation
//! made when its first property was added. Up to [`INLINE`] values now live in the object, in
//! the room the vector's three words took and one word more; an object that grows past them
//! moves all its values to a vector, once.
//!
//! How many values there are is the shape's length, not kept here: the slots past it are
//! `undefined` (a shaped object never loses a property; a deletion puts it in dictionary
//! mode), so tracing them costs a look at a constant and keeps nothing alive.
//!
//! The values' block also holds the root shape of the objects inheriting from this one, for
//! the few objects that are prototypes: kept in every object, it took 8 bytes of each, and an
//! object of 120 bytes takes a 128-byte block where one of 112 takes 112. A prototype's
//! values are in a block of their own (it moves them there when it gets the root).

use super::Shape;
use crate::value::Value;
use gc_arena::Collect;

/// How many values an object holds without a block of their own: two 16-byte values, a word
/// more than a `Vec`'s three (docs/performance.md, "Session 10: object layout and memory").
pub(super) const INLINE: usize = 2;

/// The slots of a shaped object's values (see the module's documentation).
#[derive(Collect)]
#[collect(no_drop)]
pub(super) enum Values<'gc> {
    /// At most [`INLINE`] values, the rest of the slots `undefined`.
    Inline([Value<'gc>; INLINE]),
    /// More, or a prototype's: the values, then `undefined` slots for more.
    Heap {
        slots: Box<[Value<'gc>]>,
        /// The shape the objects inheriting from this one start from (see
        /// `Object::shape_root`).
        root: Option<Shape<'gc>>,
    },
}

/// `len` values from `values`, in slots for `room` (at least `len`).
fn boxed<'gc>(values: &[Value<'gc>], room: usize) -> Box<[Value<'gc>]> {
    let mut slots = Vec::with_capacity(room.max(values.len()));
    slots.extend_from_slice(values);
    slots.resize(slots.capacity(), Value::Undefined);
    slots.into_boxed_slice()
}

impl<'gc> Values<'gc> {
    /// Empty slots, with room for `room` values without moving them.
    #[inline]
    pub(super) fn with_room(room: usize) -> Values<'gc> {
        if room <= INLINE {
            Values::Inline([Value::Undefined; INLINE])
        } else {
            Values::Heap {
                slots: boxed(&[], room),
                root: None,
            }
        }
    }

    /// Slots holding `values` (a copy of another object's).
    pub(super) fn from_slice(values: &[Value<'gc>]) -> Values<'gc> {
        let mut slots = Values::with_room(values.len());
        slots.slots_mut()[..values.len()].copy_from_slice(values);
        slots
    }

    /// The slots: at least the values (an inline object's unused slots follow them).
    #[inline(always)]
    pub(super) fn slots(&self) -> &[Value<'gc>] {
        match self {
            Values::Inline(inline) => inline,
            Values::Heap { slots, .. } => slots,
        }
    }

    /// The slots, to write one.
    #[inline(always)]
    pub(super) fn slots_mut(&mut self) -> &mut [Value<'gc>] {
        match self {
            Values::Inline(inline) => inline,
            Values::Heap { slots, .. } => slots,
        }
    }

    /// Appends `value` after the first `len` values. Past the slots there are, the values
    /// move to a block with room for `room` (and at least twice as many as there are).
    #[inline]
    pub(super) fn push(&mut self, len: usize, value: Value<'gc>, room: usize) {
        if let Some(slot) = self.slots_mut().get_mut(len) {
            *slot = value;
            return;
        }
        let values = self.slots().get(..len).unwrap_or(self.slots());
        let grown = boxed(values, room.max(2 * len).max(len + 1));
        let root = self.root();
        *self = Values::Heap { slots: grown, root };
        self.slots_mut()[len] = value;
    }

    /// The root shape of the objects inheriting from this one, if it was made.
    #[inline]
    pub(super) fn root(&self) -> Option<Shape<'gc>> {
        match self {
            Values::Inline(_) => None,
            Values::Heap { root, .. } => *root,
        }
    }

    /// Keeps `root` (see [`Values::root`]), the first `len` values moving to a block of their
    /// own if they are inline.
    pub(super) fn set_root(&mut self, len: usize, new: Shape<'gc>) {
        match self {
            Values::Inline(inline) => {
                *self = Values::Heap {
                    slots: boxed(&inline[..len], len),
                    root: Some(new),
                }
            }
            Values::Heap { root, .. } => *root = Some(new),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(values: &[Value<'_>]) -> Vec<f64> {
        values
            .iter()
            .map(|v| match v {
                Value::Number(n) => *n,
                _ => f64::NAN,
            })
            .collect()
    }

    #[test]
    fn values_stay_inline_until_they_outgrow_it_then_move_once() {
        let mut values = Values::with_room(1);
        for i in 0..5 {
            values.push(i, Value::Number(i as f64), 4);
            let inline = matches!(values, Values::Inline(_));
            assert_eq!(inline, i < INLINE, "after {} values", i + 1);
            assert_eq!(
                numbers(&values.slots()[..=i]),
                (0..=i).map(|n| n as f64).collect::<Vec<_>>()
            );
        }
        // The unused inline slots are undefined (what tracing them finds).
        let one = Values::from_slice(&[Value::Null]);
        assert!(matches!(one.slots(), [Value::Null, Value::Undefined]));
        let four = Values::from_slice(&[Value::Null; 4]);
        assert_eq!(four.slots().len(), 4);
    }

    /// The slots take the room of a `Vec` and one word: the inline values' first tag leaves
    /// room for the vector's variant.
    #[test]
    fn the_slots_are_four_words() {
        assert_eq!(std::mem::size_of::<Values<'static>>(), 32);
    }
}
