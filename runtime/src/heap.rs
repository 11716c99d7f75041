//! The allocator of the `node` binary: its first allocations side by side in one region,
//! everything after from mimalloc.
//!
//! Starting up makes some 2,400 blocks that mostly live as long as the process: the builtins,
//! `process`, the bootstrap's functions, interned names. mimalloc, which the collector needs
//! later (it frees objects in batches of thousands, which glibc's bins handle badly;
//! docs/performance.md, "Allocator"), gives every size class a page of its own and builds each
//! page's free list 4 KiB at a time: those blocks landed on 130 pages spread over 33 of its
//! 64 KiB pages, and each page a program touches costs it a page fault, about 2.5 µs with the
//! page's release at exit. Taken in order from one region instead, they fill the pages they
//! need and no more: an empty script's start-up takes 28 fewer page faults (230 -> 202)
//! (docs/performance.md, "Session 11").
//!
//! The region is `REGION` bytes of zeroed static memory (untouched pages cost nothing). Blocks
//! are handed out from its start and never reused: freeing one is a no-op, and growing one
//! copies it to a new block. What the region gives up is the space of the start-up's blocks
//! that die, a few tens of KiB. Once it is full, every allocation goes to mimalloc, as do the
//! frees of mimalloc's blocks (told apart by address).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The region's size: room for an empty script's start-up (about 390 KB) and the first
/// allocations of the script itself.
const REGION: usize = 512 << 10;

/// The region's bytes. Page-aligned so that its blocks fill whole pages from the first.
#[repr(C, align(4096))]
struct Region(UnsafeCell<[u8; REGION]>);

// SAFETY: the bytes are only reached through the pointers `Heap` hands out, each to a block of
// its own (claimed with an atomic `fetch`), never twice: threads share no byte through it.
#[allow(unsafe_code)]
unsafe impl Sync for Region {}

static BYTES: Region = Region(UnsafeCell::new([0; REGION]));

/// How many of the region's bytes are handed out (or reserved for alignment).
static USED: AtomicUsize = AtomicUsize::new(0);

/// The global allocator: the region, then mimalloc.
pub struct Heap;

impl Heap {
    fn start() -> usize {
        BYTES.0.get() as usize
    }

    /// Whether `block` is one of the region's.
    fn in_region(block: *mut u8) -> bool {
        let at = block as usize;
        at >= Self::start() && at < Self::start() + REGION
    }

    /// A block of the region for `layout`, or `None` when the region cannot fit it.
    fn claim(layout: Layout) -> Option<*mut u8> {
        let start = Self::start();
        let mut used = USED.load(Ordering::Relaxed);
        loop {
            // The block's offset: the next one aligned as asked.
            let offset = (start + used).next_multiple_of(layout.align()) - start;
            let end = offset.checked_add(layout.size())?;
            if end > REGION {
                return None;
            }
            // Another thread may have claimed bytes since the load: then try again after them.
            match USED.compare_exchange_weak(used, end, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return Some(BYTES.0.get().cast::<u8>().wrapping_add(offset)),
                Err(now) => used = now,
            }
        }
    }
}

// SAFETY: every block handed out is either a range of the region that no other block overlaps
// (`claim` moves `USED` past it atomically), aligned as the layout asks and as large, or
// mimalloc's. A block is given back to the allocator it came from: mimalloc's to mimalloc,
// the region's to nothing (its bytes stay claimed). The region's bytes start zeroed and are
// never handed out twice, so a zeroed block from it is zeroed. Measured necessary: a global
// allocator is an `unsafe` trait; this one saves 28 of an empty script's 230 page faults (fat LTO)
// (see the module's text).
//
// Each method is out of line, as mimalloc's C functions were: inlined into every allocating
// site, the region's few instructions made the interpreter's dispatch loop allocate its
// registers differently, and mandelbrot.js, which allocates nothing in its loop, ran 4% more
// instructions (4,316 M -> 4,490 M).
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Heap {
    // SAFETY (each method): the trait's own signature; what makes the blocks valid is above.
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match Self::claim(layout) {
            Some(block) => block,
            // SAFETY: the caller's layout, passed on as the trait requires.
            None => unsafe { mimalloc::MiMalloc.alloc(layout) },
        }
    }

    // SAFETY: as for `alloc`.
    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match Self::claim(layout) {
            Some(block) => block,
            // SAFETY: as in `alloc`.
            None => unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) },
        }
    }

    // SAFETY: as for `alloc`.
    #[inline(never)]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if !Self::in_region(block) {
            // SAFETY: a block not in the region is mimalloc's, with this layout (the caller's
            // promise).
            unsafe { mimalloc::MiMalloc.dealloc(block, layout) }
        }
    }

    // SAFETY: as for `alloc`.
    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !Self::in_region(block) {
            // SAFETY: mimalloc's block, with the caller's promises passed on.
            return unsafe { mimalloc::MiMalloc.realloc(block, layout, new_size) };
        }
        // SAFETY: the caller promises that `new_size`, rounded up to the alignment, does not
        // overflow `isize`, which makes this layout valid.
        let grown = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a valid, non-zero-sized layout (the caller's size is not zero).
        let moved = unsafe { self.alloc(grown) };
        if !moved.is_null() {
            // SAFETY: both blocks are at least this long and distinct (a new block never
            // overlaps a live one).
            unsafe { std::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size)) };
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sized(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).expect("a valid layout")
    }

    // One test: the region is the process's, and filling it is part of what is checked.
    #[test]
    #[allow(unsafe_code)]
    fn blocks_from_the_region_then_from_mimalloc() {
        let heap = Heap;
        // SAFETY (the whole test): valid, non-zero layouts; every block is written within its
        // size and given back with the layout it was made with.
        unsafe {
            // Aligned as asked, zeroed when asked, each its own.
            let mut blocks = Vec::new();
            for align in [1, 8, 16, 64, 4096] {
                let layout = sized(24, align);
                let block = heap.alloc_zeroed(layout);
                assert!(Heap::in_region(block));
                assert_eq!(block as usize % align, 0);
                assert!(std::slice::from_raw_parts(block, 24)
                    .iter()
                    .all(|&b| b == 0));
                block.write_bytes(0xAB, 24);
                blocks.push((block, layout));
            }
            for pair in blocks.windows(2) {
                assert!(pair[0].0 as usize + 24 <= pair[1].0 as usize);
            }
            // Growing a region block copies it.
            let (first, layout) = blocks[1];
            let grown = heap.realloc(first, layout, 4000);
            assert_ne!(grown, first);
            assert!(std::slice::from_raw_parts(grown, 24)
                .iter()
                .all(|&b| b == 0xAB));
            heap.dealloc(grown, sized(4000, 8));
            for (block, layout) in blocks {
                heap.dealloc(block, layout);
            }
            // Filled up, the region hands out no more: mimalloc's blocks follow, and a region
            // block grown then moves to mimalloc.
            let small = sized(16, 8);
            let kept = heap.alloc(small);
            assert!(Heap::in_region(kept));
            kept.write_bytes(7, 16);
            let big = sized(64 << 10, 8);
            loop {
                let block = heap.alloc(big);
                if !Heap::in_region(block) {
                    heap.dealloc(block, big);
                    break;
                }
            }
            let moved = heap.realloc(kept, small, 1 << 20);
            assert!(!Heap::in_region(moved));
            assert!(std::slice::from_raw_parts(moved, 16)
                .iter()
                .all(|&b| b == 7));
            heap.dealloc(moved, sized(1 << 20, 8));
        }
    }
}
