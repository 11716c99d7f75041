//! `process.memoryUsage()`: rss and vsize as the OS counts them, heapTotal and heapUsed from
//! our own accounting — every heap allocation of the process goes through [`Counting`], which
//! keeps the bytes in use. (The JavaScript heap is most of it; gc-arena itself counts objects,
//! not bytes.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting the bytes in use and their high-water mark.
pub struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

#[allow(unsafe_code)]
// SAFETY: every method forwards to the system allocator with the caller's own arguments, so it
// upholds exactly the contract the caller relies on; the counters are plain atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout contract is passed through unchanged.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            grow(layout.size());
        }
        pointer
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        let pointer = unsafe { System.alloc_zeroed(layout) };
        if !pointer.is_null() {
            grow(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` came from this allocator (that is, from `System`) with `layout`.
        unsafe { System.dealloc(pointer, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as in `dealloc`, and `new_size` is the caller's, passed through.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            IN_USE.fetch_sub(layout.size(), Relaxed);
            grow(new_size);
        }
        moved
    }
}

fn grow(bytes: usize) {
    let now = IN_USE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
}

pub struct Usage {
    pub rss: u64,
    pub vsize: u64,
    /// The most the heap has held.
    pub heap_total: u64,
    /// What the heap holds now.
    pub heap_used: u64,
}

pub fn usage() -> Usage {
    // /proc/self/statm: total program size and resident set, in pages.
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let mut pages = statm
        .split_whitespace()
        .map(|n| n.parse::<u64>().unwrap_or(0));
    let page_size = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE)
        .ok()
        .flatten()
        .map_or(4096, |size| size as u64);
    let vsize = pages.next().unwrap_or(0) * page_size;
    let rss = pages.next().unwrap_or(0) * page_size;
    Usage {
        rss,
        vsize,
        heap_total: PEAK.load(Relaxed) as u64,
        heap_used: IN_USE.load(Relaxed) as u64,
    }
}
