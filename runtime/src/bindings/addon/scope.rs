//! Handle scopes: the values C code can name during one call from the runtime.
//!
//! Every call into an addon (`init`, a function, a loop callback, a finalizer) runs inside a
//! [`Scope`] the runtime opens before and closes after. C names values by `node_value`
//! handles, which are positions in the scope's table tagged with the scope's serial number:
//! a handle from another scope, or from a scope that has closed, is refused (an exception),
//! never followed. The table holds engine values directly, which is safe because the
//! collector runs only between the engine's slices, never during a call into C.
//!
//! The scope of the call running now is found through a thread-local pointer, set while C
//! runs. A call into JavaScript from C may call C again, which opens a scope of its own and
//! restores the outer one when it returns.

use engine::value::Value;
use engine::vm::{Ctx, Throw};
use std::cell::Cell;
use std::ptr;

/// The values of one call into C, and its pending exception.
pub struct Scope<'gc> {
    pub ctx: Ctx<'gc>,
    /// Tags this scope's handles.
    serial: u32,
    /// The values the handles name: handle `serial << 32 | i` is `values[i - 1]`.
    values: Vec<Value<'gc>>,
    /// An exception C made or JavaScript threw, waiting for C to take it or to return.
    pub exception: Option<Value<'gc>>,
}

#[derive(Clone, Copy)]
struct Current {
    scope: *mut (),
    /// An ABI function is using the scope now (so a second one must not).
    busy: bool,
}

thread_local! {
    static CURRENT: Cell<Current> = const {
        Cell::new(Current { scope: ptr::null_mut(), busy: false })
    };
    static SERIAL: Cell<u32> = const { Cell::new(0) };
}

/// The message of the exception a bad handle makes.
const BAD_HANDLE: &str = "node addon: a value handle that is not valid in this call (handles \
                          live for one call: keep values across calls with node_ref_new)";

impl<'gc> Scope<'gc> {
    /// A handle for `value`.
    pub fn handle(&mut self, value: Value<'gc>) -> u64 {
        self.values.push(value);
        (u64::from(self.serial) << 32) | self.values.len() as u64
    }

    /// The value of `handle`; a bad handle leaves a TypeError pending.
    pub fn value(&mut self, handle: u64) -> Option<Value<'gc>> {
        let serial = (handle >> 32) as u32;
        let index = (handle & 0xffff_ffff) as usize;
        if serial == self.serial && index >= 1 && index <= self.values.len() {
            return Some(self.values[index - 1]);
        }
        self.throw(self.ctx.type_error(BAD_HANDLE));
        None
    }

    /// Leaves `throw` pending.
    pub fn throw(&mut self, throw: Throw<'gc>) {
        self.exception = Some(throw.0);
    }

    /// A handle for what `result` holds, or 0 with its exception pending.
    pub fn result(&mut self, result: Result<Value<'gc>, Throw<'gc>>) -> u64 {
        match result {
            Ok(value) => self.handle(value),
            Err(throw) => {
                self.throw(throw);
                0
            }
        }
    }

    /// 0 for success, -1 with the exception pending.
    pub fn status<T>(&mut self, result: Result<T, Throw<'gc>>) -> i32 {
        match result {
            Ok(_) => 0,
            Err(throw) => {
                self.throw(throw);
                -1
            }
        }
    }
}

/// Runs `call` (which calls into C) inside a new scope, with `setup` first making the
/// handles it passes; `finish` then reads the outcome from the scope. The previous scope is
/// current again afterwards.
pub fn run<'gc, A, R>(
    ctx: Ctx<'gc>,
    setup: impl FnOnce(&mut Scope<'gc>) -> A,
    call: impl FnOnce(A) -> u64,
    finish: impl FnOnce(&mut Scope<'gc>, u64) -> R,
) -> R {
    let serial = SERIAL.with(|s| {
        // 0 is never a serial, so that no handle is ever 0.
        let next = s.get().wrapping_add(1).max(1);
        s.set(next);
        next
    });
    let mut scope = Box::new(Scope {
        ctx,
        serial,
        values: Vec::new(),
        exception: None,
    });
    let args = setup(&mut scope);
    let raw = Box::into_raw(scope);
    let previous = CURRENT.replace(Current {
        scope: raw.cast(),
        busy: false,
    });
    // Restores the previous scope even if the call unwinds.
    struct Restore(Current);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.set(self.0);
        }
    }
    let restore = Restore(previous);
    let returned = call(args);
    drop(restore);
    // SAFETY: `raw` came from `Box::into_raw` above and is no longer reachable through
    // CURRENT (restored just now), so this is its only owner again.
    let mut scope = unsafe { Box::from_raw(raw) };
    finish(&mut scope, returned)
}

/// Runs `f` on the current scope; `None` when there is none (C called an ABI function from
/// another thread, or outside any call from the runtime) or when it is in use.
pub fn with<R>(f: impl for<'gc> FnOnce(&mut Scope<'gc>) -> R) -> Option<R> {
    let current = CURRENT.get();
    if current.scope.is_null() || current.busy {
        return None;
    }
    CURRENT.set(Current {
        busy: true,
        ..current
    });
    struct Release(Current);
    impl Drop for Release {
        fn drop(&mut self) {
            CURRENT.set(self.0);
        }
    }
    let release = Release(current);
    // SAFETY: `current.scope` points to the live `Scope` that `run` boxed for the call now
    // running (it is cleared before that box is freed). `busy` makes this the only
    // reference to it: a nested call into C opens a scope of its own, and an ABI function
    // reached without one finds `busy` set and gets `None`. The scope's real lifetime is the
    // arena's brand of the native call that opened it; `f` is generic over that brand, so it
    // cannot make use of the `'static` written here.
    let scope = unsafe { &mut *current.scope.cast::<Scope<'static>>() };
    let result = f(scope);
    drop(release);
    Some(result)
}
