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
    /// More: exactly the values, in a vector.
    Heap(Vec<Value<'gc>>),
}

impl<'gc> Values<'gc> {
    /// Empty slots, with room for `room` values without moving them.
    #[inline]
    pub(super) fn with_room(room: usize) -> Values<'gc> {
        if room <= INLINE {
            Values::Inline([Value::Undefined; INLINE])
        } else {
            Values::Heap(Vec::with_capacity(room))
        }
    }

    /// Slots holding `values` (a copy of another object's).
    pub(super) fn from_slice(values: &[Value<'gc>]) -> Values<'gc> {
        let mut slots = Values::with_room(values.len());
        match &mut slots {
            Values::Inline(inline) => inline[..values.len()].copy_from_slice(values),
            Values::Heap(heap) => heap.extend_from_slice(values),
        }
        slots
    }

    /// The slots: at least the values (an inline object's unused slots follow them).
    #[inline(always)]
    pub(super) fn slots(&self) -> &[Value<'gc>] {
        match self {
            Values::Inline(inline) => inline,
            Values::Heap(heap) => heap,
        }
    }

    /// The slots, to write one.
    #[inline(always)]
    pub(super) fn slots_mut(&mut self) -> &mut [Value<'gc>] {
        match self {
            Values::Inline(inline) => inline,
            Values::Heap(heap) => heap,
        }
    }

    /// Appends `value` after the first `len` values. Past the inline slots the values move
    /// to a vector with room for `room` (at least one more than there are).
    #[inline]
    pub(super) fn push(&mut self, len: usize, value: Value<'gc>, room: usize) {
        match self {
            Values::Inline(inline) => match inline.get_mut(len) {
                Some(slot) => *slot = value,
                None => {
                    let mut heap = Vec::with_capacity(room.max(len + 1));
                    heap.extend_from_slice(&inline[..len]);
                    heap.push(value);
                    *self = Values::Heap(heap);
                }
            },
            Values::Heap(heap) => heap.push(value),
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
            assert_eq!(numbers(&values.slots()[..=i]), (0..=i).map(|n| n as f64).collect::<Vec<_>>());
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
