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
    one_numa_node();
    c_int::from(runtime::node_main())
}

// mimalloc's C API (libmimalloc-sys declares it only with its "extended" feature).
// SAFETY: the declaration is mimalloc.h's `void mi_option_set(mi_option_t option, long value)`
// (an enum passed as a C int), of the mimalloc this binary links. Measured necessary: see
// `one_numa_node`.
#[allow(unsafe_code)]
extern "C" {
    fn mi_option_set(option: c_int, value: std::ffi::c_long);
}

/// mimalloc's `mi_option_use_numa_nodes` (include/mimalloc.h).
const MI_OPTION_USE_NUMA_NODES: c_int = 16;

/// Tells mimalloc to use one NUMA node, before its first allocation: otherwise that allocation
/// counts the machine's nodes by probing `/sys/devices/system/node/node1` (a system call of
/// ~3 µs at every start). The JavaScript runs on one thread, whose heap would sit on one node
/// anyway.
fn one_numa_node() {
    // SAFETY: `mi_option_set` is mimalloc's own C function (linked into this binary) and only
    // stores the value; no other thread runs yet. Unavoidable: an FFI call.
    #[allow(unsafe_code)]
    unsafe {
        mi_option_set(MI_OPTION_USE_NUMA_NODES, 1);
    }
}
