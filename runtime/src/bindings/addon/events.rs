//! The loop and the worker pool, for addons: descriptor watches (libev's `ev_io`), timers
//! (`ev_timer`) and work done on the pool and completed on the loop (libeio's role).
//!
//! Each watch, timer and piece of work is numbered here with the C callback it calls. The
//! loop calls them all through one native, [`dispatch`], with the number (and for a
//! descriptor, how it is ready), which opens a scope and calls C. Descriptor watches are
//! level-triggered, as libev's were: mio's are edge-triggered, so a watch is re-armed after
//! each callback, which makes `poll` report it again while it stays ready.

use super::{scope, NodeEnv};
use crate::bindings::{arg, NativeResult};
use crate::event_loop::host::{self, TimerCallback};
use crate::event_loop::io::{Call, Ready, Source};
use crate::event_loop::workers;
use engine::value::Value;
use engine::vm::{ops, Ctx, Handle, Throw};
use mio::unix::SourceFd;
use mio::{Interest, Registry, Token};
use rustc_hash::FxHashMap;
use std::any::Any;
use std::cell::RefCell;
use std::ffi::c_void;
use std::time::Duration;

// SAFETY (the four types below): `unsafe` because they are C functions an addon gave us;
// calling one is sound only with the `data` pointer it was registered with, which events.rs
// stores beside it. Unavoidable for FFI callbacks.
/// `node_fd_callback`.
pub type FdCallback =
    unsafe extern "C" fn(env: *mut NodeEnv, watch: u64, fd: i32, events: i32, data: *mut c_void);
/// `node_timer_callback`.
pub type TimerFn = unsafe extern "C" fn(env: *mut NodeEnv, timer: u64, data: *mut c_void);
/// `node_work_execute` and `node_work_complete`.
pub type Execute = unsafe extern "C" fn(data: *mut c_void);
pub type Complete = unsafe extern "C" fn(env: *mut NodeEnv, data: *mut c_void);

pub const READABLE: i32 = 1;
pub const WRITABLE: i32 = 2;

#[derive(Clone, Copy)]
enum Entry {
    Fd {
        callback: FdCallback,
        data: *mut c_void,
        env: *mut NodeEnv,
        fd: i32,
        interest: Interest,
        token: Token,
    },
    Timer {
        callback: TimerFn,
        data: *mut c_void,
        env: *mut NodeEnv,
        timer: u32,
        repeat: bool,
    },
    Work {
        complete: Complete,
        data: *mut c_void,
        env: *mut NodeEnv,
    },
}

#[derive(Default)]
struct Entries {
    live: FxHashMap<u64, Entry>,
    next: u64,
    /// The native the loop calls (see [`dispatch`]), once made.
    dispatch: Option<Handle>,
}

thread_local! {
    static ENTRIES: RefCell<Entries> = RefCell::default();
}

fn next_id() -> u64 {
    ENTRIES.with_borrow_mut(|e| {
        e.next += 1;
        e.next
    })
}

fn insert(id: u64, entry: Entry) {
    ENTRIES.with_borrow_mut(|e| e.live.insert(id, entry));
}

/// The dispatch native, as a handle for the loop's calls.
fn dispatch_handle(ctx: Ctx<'_>) -> Handle {
    if let Some(handle) = ENTRIES.with_borrow(|e| e.dispatch.clone()) {
        return handle;
    }
    let function = ctx
        .realm()
        .named_native_function(ctx, "addonCallback", dispatch, 2, false);
    let handle = ctx.stash(Value::Object(function));
    ENTRIES.with_borrow_mut(|e| e.dispatch = Some(handle.clone()));
    handle
}

/// A watched descriptor, registered with `poll`.
struct FdWatch {
    id: u64,
    fd: i32,
    dispatch: Handle,
}

impl Source for FdWatch {
    fn ready(&mut self, event: &mio::event::Event, _registry: &Registry) -> Ready {
        let mut events = 0;
        if event.is_readable() || event.is_read_closed() || event.is_error() {
            events |= READABLE;
        }
        if event.is_writable() || event.is_write_closed() {
            events |= WRITABLE;
        }
        let id = self.id;
        Ready {
            calls: vec![Call {
                callback: self.dispatch.clone(),
                this: None,
                args: Box::new(move |_| {
                    vec![Value::Number(id as f64), Value::Number(f64::from(events))]
                }),
            }],
            done: false,
        }
    }

    fn deregister(&mut self, registry: &Registry) {
        let _ = registry.deregister(&mut SourceFd(&self.fd));
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// `node_watch_fd`.
pub fn watch_fd<'gc>(
    ctx: Ctx<'gc>,
    fd: i32,
    events: i32,
    callback: FdCallback,
    data: *mut c_void,
    env: *mut NodeEnv,
) -> Result<u64, Throw<'gc>> {
    let interest = match events & (READABLE | WRITABLE) {
        READABLE => Interest::READABLE,
        WRITABLE => Interest::WRITABLE,
        3 => Interest::READABLE | Interest::WRITABLE,
        _ => {
            return Err(
                ctx.type_error("node_watch_fd: events must be NODE_READABLE and/or NODE_WRITABLE")
            )
        }
    };
    let host = host::of(&ctx)?;
    let id = next_id();
    let dispatch = dispatch_handle(ctx);
    let mut io = host.io.try_borrow_mut().map_err(|_| {
        ctx.error(
            ctx.realm().error_prototype,
            "node_watch_fd: the loop is busy",
        )
    })?;
    let added = io.add(|registry, token| {
        registry.register(&mut SourceFd(&fd), token, interest)?;
        Ok(Box::new(FdWatch { id, fd, dispatch }))
    });
    drop(io);
    match added {
        Ok(token) => {
            insert(
                id,
                Entry::Fd {
                    callback,
                    data,
                    env,
                    fd,
                    interest,
                    token,
                },
            );
            Ok(id)
        }
        Err(error) => Err(ctx.error(
            ctx.realm().error_prototype,
            &format!("node_watch_fd: cannot watch descriptor {fd}: {error}"),
        )),
    }
}

/// `node_unwatch_fd` and `node_timer_stop`: stops the watch or timer numbered `id` (anything
/// else is ignored).
pub fn stop(ctx: Ctx<'_>, id: u64) {
    let entry = ENTRIES.with_borrow_mut(|e| match e.live.get(&id) {
        Some(Entry::Work { .. }) | None => None,
        Some(_) => e.live.remove(&id),
    });
    let Ok(host) = host::of(&ctx) else { return };
    match entry {
        Some(Entry::Fd { token, .. }) => {
            if let Ok(mut io) = host.io.try_borrow_mut() {
                io.remove(token);
            }
        }
        Some(Entry::Timer { timer, .. }) => {
            if let Ok(mut state) = host.state.try_borrow_mut() {
                state.timers.stop(timer);
            }
        }
        _ => {}
    }
}

/// `node_timer_start`.
pub fn timer_start<'gc>(
    ctx: Ctx<'gc>,
    milliseconds: f64,
    repeat: bool,
    callback: TimerFn,
    data: *mut c_void,
    env: *mut NodeEnv,
) -> Result<u64, Throw<'gc>> {
    let host = host::of(&ctx)?;
    let id = next_id();
    let delay = if milliseconds.is_finite() && milliseconds > 0.0 {
        Duration::from_secs_f64(milliseconds.min(1e12) / 1000.0)
    } else {
        Duration::ZERO
    };
    let args = ctx
        .realm()
        .new_array(ctx, [Value::Number(id as f64), Value::Number(0.0)]);
    let payload = TimerCallback {
        function: dispatch_handle(ctx),
        args: Some(ctx.stash(Value::Object(args))),
    };
    let timer = host
        .state
        .try_borrow_mut()
        .map_err(|_| {
            ctx.error(
                ctx.realm().error_prototype,
                "node_timer_start: the loop is busy",
            )
        })?
        .timers
        .start(delay, repeat, payload);
    insert(
        id,
        Entry::Timer {
            callback,
            data,
            env,
            timer,
            repeat,
        },
    );
    Ok(id)
}

/// The work's `execute` and data, sent to a worker thread.
struct Work {
    execute: Execute,
    data: *mut c_void,
}

// SAFETY: the header's contract for node_queue_work: `execute(data)` may run on another
// thread, and touches nothing but `data` until `complete` runs on the loop.
unsafe impl Send for Work {}

impl Work {
    fn run(self) {
        // SAFETY: the function and data the addon gave node_queue_work, called once.
        unsafe { (self.execute)(self.data) }
    }
}

/// `node_queue_work`.
pub fn queue_work<'gc>(
    ctx: Ctx<'gc>,
    execute: Execute,
    complete: Complete,
    data: *mut c_void,
    env: *mut NodeEnv,
) -> Result<(), Throw<'gc>> {
    let host = host::of(&ctx)?;
    let id = next_id();
    insert(
        id,
        Entry::Work {
            complete,
            data,
            env,
        },
    );
    let callback = ctx.fetch(&dispatch_handle(ctx));
    let work = Work { execute, data };
    workers::submit(
        &ctx,
        host,
        callback,
        move || {
            work.run();
            id
        },
        |_, id| vec![Value::Number(id as f64), Value::Number(0.0)],
    );
    Ok(())
}

/// What the loop calls for every addon watch, timer and finished work: (number, events).
fn dispatch<'gc>(ctx: &Ctx<'gc>, _this: Value<'gc>, args: &[Value<'gc>]) -> NativeResult<'gc> {
    let id = ops::to_number(*ctx, arg(args, 0))? as u64;
    let events = ops::to_number(*ctx, arg(args, 1))? as i32;
    let Some(entry) = ENTRIES.with_borrow(|e| e.live.get(&id).copied()) else {
        // Stopped since the event was queued.
        return Ok(Value::Undefined);
    };
    match entry {
        Entry::Timer { repeat: false, .. } | Entry::Work { .. } => {
            ENTRIES.with_borrow_mut(|e| e.live.remove(&id));
        }
        _ => {}
    }
    let outcome = scope::run(
        *ctx,
        |_| (),
        |()| {
            // SAFETY: each callback is called with the arguments and the signature the
            // header gives it, with the data the addon registered along with it.
            unsafe {
                match entry {
                    Entry::Fd {
                        callback,
                        data,
                        env,
                        fd,
                        ..
                    } => callback(env, id, fd, events, data),
                    Entry::Timer {
                        callback,
                        data,
                        env,
                        ..
                    } => callback(env, id, data),
                    Entry::Work {
                        complete,
                        data,
                        env,
                    } => complete(env, data),
                }
            }
            0
        },
        |scope, returned| super::scope_outcome(scope, returned),
    );
    if let Entry::Fd {
        fd,
        interest,
        token,
        ..
    } = entry
    {
        rearm(ctx, id, fd, interest, token);
    }
    outcome
}

/// Re-registers a descriptor that is still watched, so that `poll` reports it again if it
/// is still ready (level-triggered watches over mio's edge-triggered ones).
fn rearm(ctx: &Ctx<'_>, id: u64, fd: i32, interest: Interest, token: Token) {
    let watched = ENTRIES.with_borrow(|e| e.live.contains_key(&id));
    if !watched {
        return;
    }
    if let Ok(host) = host::of(ctx) {
        if let Ok(io) = host.io.try_borrow() {
            let _ = io
                .registry()
                .reregister(&mut SourceFd(&fd), token, interest);
        }
    }
}
