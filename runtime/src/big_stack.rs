//! The big stack everything runs on (see `STACK_SIZE` in lib.rs), mapped here rather than by
//! `stacker::grow`: `stacker` first asks for the main thread's own stack limit, which glibc
//! finds by reading and parsing `/proc/self/maps` (about 120,000 instructions and five system
//! calls, a twentieth of an empty script's start-up). This module knows the bounds of the stack
//! it maps and tells the engine (`engine::stack`), whose depth checks use them.

use nix::libc;
use std::panic::{self, AssertUnwindSafe};

/// Inaccessible bytes below the stack: running past its end faults instead of writing into
/// whatever is mapped below. 64 KiB covers any page size Linux uses.
const GUARD: usize = 64 << 10;

/// Runs `work` on a stack of `size` bytes (a multiple of 64 KiB), mapped for it and unmapped
/// after, with a guard region below it. If the stack cannot be mapped, `work` runs on the
/// current stack (the engine's depth checks then go through `stacker`).
pub fn run<R>(size: usize, work: impl FnOnce() -> R) -> R {
    let Some(mapping) = Mapping::new(GUARD + size) else {
        return work();
    };
    let base = mapping.start + GUARD;
    let on_stack = || {
        panic::catch_unwind(AssertUnwindSafe(|| {
            engine::stack::with_known_limit(base, work)
        }))
    };
    // SAFETY: [base, base + size) is mapped readable and writable, page-aligned (so aligned as
    // x86-64 and AArch64 stacks must be), and stays mapped until `mapping` is dropped after
    // `on_stack` returns; `size` is a multiple of the stack alignment and below isize::MAX.
    // `on_stack` never unwinds: a panic is caught inside and resumed on the original stack.
    // Measured necessary: `stacker::grow`, which did this safely, first read /proc/self/maps
    // (about 120,000 instructions of an empty script's start-up; see the module's text).
    #[allow(unsafe_code)]
    let outcome = unsafe { psm::on_stack(base as *mut u8, size, on_stack) };
    drop(mapping);
    outcome.unwrap_or_else(|payload| panic::resume_unwind(payload))
}

/// An anonymous private mapping whose lowest `GUARD` bytes are inaccessible, unmapped on drop.
struct Mapping {
    start: usize,
    len: usize,
}

impl Mapping {
    #[allow(unsafe_code)]
    fn new(len: usize) -> Option<Mapping> {
        // SAFETY: a fresh anonymous mapping at an address the kernel picks touches no existing
        // memory; the result is checked before use.
        let start = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
                -1,
                0,
            )
        };
        if start == libc::MAP_FAILED {
            return None;
        }
        let mapping = Mapping {
            start: start as usize,
            len,
        };
        // SAFETY: the first GUARD bytes are part of the mapping just made, which nothing uses yet.
        if unsafe { libc::mprotect(start, GUARD, libc::PROT_NONE) } != 0 {
            return None;
        }
        Some(mapping)
    }
}

impl Drop for Mapping {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // SAFETY: the mapping is this value's own, and no stack frame lives on it any more
        // (the stack switched back before the drop).
        unsafe { libc::munmap(self.start as *mut libc::c_void, self.len) };
    }
}
