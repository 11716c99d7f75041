//! [`Elements`]: an object's dense index properties, in one pointer.
//!
//! Every object carries an element vector, and most never hold an element. A `Vec` takes three
//! words of the object (pointer, length, capacity); a [`ThinVec`] keeps its length and capacity
//! in its heap block and is one word, pointing at a shared empty header until the first
//! element. Those two words take an object from 128 bytes (the collector's 16-byte header,
//! the lock's 8, the object's 104) to 112, a size class of its own in the allocator
//! (docs/performance.md, "Allocator and collector pacing"). An element read is still one load
//! for the block and one for the element.

// SAFETY: the one `unsafe` here is the `Collect` impl below (a `ThinVec` has none of
// gc-arena's), argued there. Measured necessary: it makes an object 112 bytes instead of 128,
// `{}` 147 to 131 bytes a value and `{a,b,c}` 195 to 179 (tools/bench/value-cost.sh under
// mimalloc 2), with binary-trees, splay, json, crypto and navier-stokes no slower.
#![allow(unsafe_code)]

use crate::value::Value;
use gc_arena::collect::Trace;
use gc_arena::Collect;
use std::ops::{Deref, DerefMut};
use thin_vec::ThinVec;

/// Element `i` is the value of index property `i` (`None`: a hole, or an index whose property
/// is among the named entries).
#[derive(Default)]
pub(super) struct Elements<'gc>(ThinVec<Option<Value<'gc>>>);

// SAFETY: `trace` traces every value the vector holds, which is all a `ThinVec` owns that can
// hold a `Gc` (as gc-arena's own impl for `Vec` does); the vector has no drop glue that reads
// `Gc` pointers (values are plain copies).
unsafe impl<'gc> Collect<'gc> for Elements<'gc> {
    const NEEDS_TRACE: bool = true;

    #[inline]
    fn trace<C: Trace<'gc>>(&self, cc: &mut C) {
        for value in self.0.iter().flatten() {
            cc.trace(value);
        }
    }
}

impl<'gc> Deref for Elements<'gc> {
    type Target = ThinVec<Option<Value<'gc>>>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for Elements<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}
