//! How much native stack is left, for the few places that recurse on it (the early-error pass,
//! the regular-expression compiler), without asking the operating system each time a thread
//! starts.
//!
//! `stacker` learns a thread's stack limit on its first use in that thread with
//! `pthread_getattr_np`, which for the main thread reads and parses `/proc/self/maps`: a tenth
//! of an empty script's start-up. The runtime runs everything on a stack it maps itself, whose
//! bounds it knows, and tells this module with [`with_known_limit`]; [`maybe_grow`] then
//! checks against that limit and leaves `stacker` alone unless the stack really runs low. On
//! any other thread (the tests', a worker's) the limit is unknown and `stacker` does the work.

use std::cell::Cell;

thread_local! {
    /// The lowest usable address of the stack this thread runs on, when known (0: not known).
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` with the current stack's lowest usable address taken to be `limit` (0: unknown,
/// ask `stacker`), restoring the previous one after, even if `f` panics.
pub fn with_known_limit<R>(limit: usize, f: impl FnOnce() -> R) -> R {
    struct Restore(usize);
    impl Drop for Restore {
        fn drop(&mut self) {
            LIMIT.set(self.0);
        }
    }
    let _restore = Restore(LIMIT.replace(limit));
    f()
}

/// Runs `f` on a stack with at least `red_zone` bytes left: the current one if it has them,
/// else a new one of `stack_size` bytes (as `stacker::maybe_grow`).
pub fn maybe_grow<R>(red_zone: usize, stack_size: usize, f: impl FnOnce() -> R) -> R {
    let limit = LIMIT.get();
    if limit == 0 {
        return stacker::maybe_grow(red_zone, stack_size, f);
    }
    // The address of a local is this frame's place on the stack, near enough.
    let here = std::hint::black_box(&limit) as *const usize as usize;
    if here.saturating_sub(limit) >= red_zone {
        f()
    } else {
        // On the new stack `stacker` knows the limit (it made the stack), this module not.
        with_known_limit(0, || stacker::grow(stack_size, f))
    }
}
