//! The `node` binary: node v0.1.27's command line in front of our own engine (the runtime
//! library, src/lib.rs, does the work).
//!
//! It has its own C `main` instead of Rust's start-up (`#![no_main]`): std's `lang_start`
//! reads `/proc/self/maps` for the main thread's stack guard and maps a signal stack for it,
//! a twentieth of an empty script's start-up, for a stack the program does not run on
//! (src/big_stack.rs). `runtime::node_main` does what else of it `node` needs
//! (src/process_start.rs). std's argument list still works: glibc hands it to std's own
//! initializer before `main`.

#![no_main]

use std::ffi::{c_char, c_int};

/// The start-up's blocks side by side in one region, then mimalloc in place of glibc's malloc
/// (src/heap.rs): the collector frees objects in batches of thousands, which glibc's bins
/// handle badly (docs/performance.md, "Allocator"). mimalloc is built not to commit its arenas
/// up front (.cargo/config.toml).
#[global_allocator]
static ALLOCATOR: runtime::heap::Heap = runtime::heap::Heap;

/// The program's entry point, called by the C library's start-up.
// SAFETY (`no_mangle`): no other symbol of the program is named `main`; the signature is C's.
// Measured necessary: std's start-up this replaces was about 120,000 instructions and a dozen
// system calls of an empty script's start-up (docs/performance.md, "Start-up", Session 9).
#[allow(unsafe_code)]
#[no_mangle]
extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    c_int::from(runtime::node_main())
}
