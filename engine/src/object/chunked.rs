//! [`Chunked`]: a vector that grows by chunks of a fixed size instead of reallocating, for
//! a dictionary's entries.
//!
//! A `Vec` that doubles copies everything it holds into a block twice as large, and holds both
//! blocks while it copies: an object used as a table of 300,000 names (48 bytes an entry) had
//! 12 MB of old entries and 25 MB of new at its last growth, the new block's pages all faulted
//! in by the copy. Grown by chunks, the entries are written once, where they stay, and the
//! memory held is what they take, within a chunk.

use gc_arena::Collect;

/// How many items a chunk holds, as a power of two (4,096: 192 KB of 48-byte entries, a
/// chunk's worth of waste at most, and its pages are only touched as it fills).
const CHUNK_BITS: u32 = 12;
const CHUNK: usize = 1 << CHUNK_BITS;

/// A vector of items in chunks: the first grows as a `Vec` up to [`CHUNK`] items (so a small
/// one costs what a `Vec` costs), each later one is allocated once at its full size. Every
/// chunk but the last is full, so item `i` is at `i % CHUNK` in chunk `i / CHUNK`.
#[derive(Collect)]
#[collect(no_drop)]
pub(super) struct Chunked<T> {
    first: Vec<T>,
    rest: Vec<Vec<T>>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            first: Vec::new(),
            rest: Vec::new(),
        }
    }
}

impl<T> Chunked<T> {
    #[inline]
    pub(super) fn len(&self) -> usize {
        match self.rest.last() {
            None => self.first.len(),
            Some(last) => self.rest.len() * CHUNK + last.len(),
        }
    }

    // (The first chunk inline, the others out of line: an inline cache's hit on a dictionary
    // reads its entry through this in the dispatch loop, whose code should not grow with it.)
    #[inline]
    pub(super) fn get(&self, at: usize) -> Option<&T> {
        if at < CHUNK {
            self.first.get(at)
        } else {
            self.get_later(at)
        }
    }

    #[inline(never)]
    fn get_later(&self, at: usize) -> Option<&T> {
        self.rest.get((at >> CHUNK_BITS) - 1)?.get(at & (CHUNK - 1))
    }

    #[inline]
    pub(super) fn get_mut(&mut self, at: usize) -> Option<&mut T> {
        if at < CHUNK {
            self.first.get_mut(at)
        } else {
            self.rest
                .get_mut((at >> CHUNK_BITS) - 1)?
                .get_mut(at & (CHUNK - 1))
        }
    }

    #[inline]
    pub(super) fn push(&mut self, item: T) {
        let last = self.rest.last_mut().unwrap_or(&mut self.first);
        if last.len() < CHUNK {
            last.push(item);
        } else {
            let mut chunk = Vec::with_capacity(CHUNK);
            chunk.push(item);
            self.rest.push(chunk);
        }
    }

    #[inline]
    pub(super) fn last(&self) -> Option<&T> {
        self.rest.last().unwrap_or(&self.first).last()
    }

    pub(super) fn pop(&mut self) -> Option<T> {
        let Some(last) = self.rest.last_mut() else {
            return self.first.pop();
        };
        let item = last.pop();
        // (An empty chunk goes, so that every chunk but the last stays full.)
        if last.is_empty() {
            self.rest.pop();
        }
        item
    }

    #[inline]
    pub(super) fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.first.iter().chain(self.rest.iter().flatten())
    }

    /// Keeps the items for which `keep` is true, in their order.
    pub(super) fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let old = std::mem::take(self);
        for item in old.first.into_iter().chain(old.rest.into_iter().flatten()) {
            if keep(&item) {
                self.push(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_stay_in_order_across_chunks() {
        let mut items = Chunked::default();
        let n = 2 * CHUNK + 10;
        for i in 0..n {
            items.push(i);
        }
        assert_eq!(items.len(), n);
        assert_eq!(items.get(CHUNK), Some(&CHUNK));
        assert_eq!(items.get(n - 1), Some(&(n - 1)));
        assert_eq!(items.get(n), None);
        assert!(items.iter().copied().eq(0..n));
        if let Some(item) = items.get_mut(CHUNK + 1) {
            *item = 0;
        }
        assert_eq!(items.get(CHUNK + 1), Some(&0));
        // Popping back into the chunk before leaves no empty chunk behind.
        for _ in 0..11 {
            items.pop();
        }
        assert_eq!(items.len(), 2 * CHUNK - 1);
        assert_eq!(items.last(), Some(&(2 * CHUNK - 2)));
        items.push(7);
        assert_eq!(items.get(2 * CHUNK - 1), Some(&7));
        items.retain(|&i| i % 2 == 1);
        // (The odd ones below 2 * CHUNK - 1 but CHUNK + 1, then 7.)
        assert_eq!(items.len(), CHUNK - 1);
        assert!(items.iter().all(|&i| i % 2 == 1));
        assert_eq!(items.get(CHUNK - 2), Some(&7));
    }
}
