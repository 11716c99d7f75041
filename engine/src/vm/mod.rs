//! The virtual machine: a stackless bytecode interpreter on one `gc-arena` heap.
//!
//! [`Engine`] owns the arena. Its root holds the [`Realm`] (global object, intrinsics,
//! interned names) and the [`Executor`] whose frames live on the heap, not on the Rust stack:
//! a JavaScript call pushes a frame and the interpreter loop carries on, so deep recursion is a
//! `RangeError`, never a Rust stack overflow.
//!
//! The interpreter runs in slices of bounded *fuel* (one unit per instruction, paid in bulk at
//! backward jumps, calls and returns: see `interp.rs`). Between slices the engine leaves the
//! arena's `mutate` and lets the collector work, which is the only time collection can
//! happen: inside a slice every `Gc` pointer on the Rust stack is safe.
//!
//! The files, from the loop outwards:
//! - `interp.rs`: the dispatch loop, one arm per instruction;
//! - `executor.rs`: the [`Executor`] (an execution stack) and its entry points: start, run a
//!   slice, resume after a suspension;
//! - `frame.rs`: frames, calls and returns; `unwind.rs`: exceptions finding their handlers
//!   and errors getting their `stack`;
//! - `names.rs`: names looked up at run time (globals, `with`, `eval`); `eval.rs`: direct
//!   `eval`; `arguments.rs`: `arguments` objects; `for_in.rs`: `for-in` iteration;
//! - `code.rs`: compiled code, closures and environments on the heap; `cache.rs`: the inline
//!   caches of property instructions;
//! - [`ops`]: the spec's abstract operations (conversions, property access, operators) that
//!   the loop and the builtins share; [`resumable`]: natives that call JavaScript without a
//!   nested run;
//! - `realm.rs`: the global object and the intrinsics; this file: the [`Engine`] that owns
//!   the heap and the [`Ctx`] every engine function takes.

mod arguments;
mod cache;
mod caller;
pub(crate) mod code;
mod eval;
mod executor;
mod finalize;
mod for_in;
mod frame;
mod interned;
mod interp;
mod lexical;
mod names;
pub mod ops;
mod realm;
pub mod resumable;
mod shapes;
mod stack_trace;
pub mod trace;
mod unwind;

pub use code::{Arrow, Closure, Code, Env, EVAL_VAR_SCOPE};
pub use executor::{Executor, RunState};
pub use realm::Realm;

use crate::bytecode::FunctionProto;
use crate::object::Object;
use crate::source::{Source, SourceText};
use crate::string::JsString;
use crate::value::Value;
use gc_arena::{Arena, Collect, Gc, Mutation, RefLock, Rootable};
use std::ops::Deref;
use std::rc::Rc;

/// Instructions run per slice before the collector gets a turn.
const FUEL_PER_SLICE: i64 = 20_000;

/// How the collector paces itself. gc-arena's default sleeps only until the heap has grown by
/// half of what survived the last cycle; a script that keeps a few thousand objects and makes
/// garbage quickly (building strings, arrays of results) then spends a quarter of its time
/// tracing the same live objects again. Sleeping until the heap has doubled halves that, for
/// at most twice the garbage between cycles.
const PACING: gc_arena::metrics::Pacing = gc_arena::metrics::Pacing {
    sleep_factor: 1.0,
    min_sleep: 4096,
    ..gc_arena::metrics::Pacing::DEFAULT
};

/// How the collector paces a heap of fewer than [`SMALL_HEAP`] objects: as [`PACING`], but
/// counting each object marked, traced or swept as [`SMALL_HEAP_WORK`] of the work, so that
/// a cycle is paid for by that fraction of the allocation. gc-arena's cycles are incremental,
/// and whatever the program allocates while one runs survives it: binary-trees, which keeps
/// some 65,000 nodes and drops trees of up to 32,000 as fast as it makes them, allocated as
/// much again during each cycle and peaked at 52 MB with cycles paid at full rate; paid a
/// quarter as fast (session 9) it peaked at 27 MB, and with this and [`SMALL_HEAP_SLEEP`]
/// (session 10) at 17 MB (docs/performance.md, "Allocator and collector pacing", "Session
/// 10: object layout and memory"). A slice does as much work as before ([`SLICE_WORK`] is
/// scaled to match).
const SMALL_HEAP_PACING: gc_arena::metrics::Pacing = paid_faster(SMALL_HEAP_WORK);

/// How the collector paces a heap of [`SMALL_HEAP`] objects or more: as [`PACING`], each
/// object's work counted as [`LARGE_HEAP_WORK`] of it. splay allocates as much as half its
/// live set during a cycle at full rate, all of which survives the cycle: paid five times
/// as fast, its peak went from 313 to 270 MB for 10% more time, json's 361 to 355 MB for
/// 10% more (fast builds; docs/performance.md, "Session 10: object layout and memory").
const LARGE_HEAP_PACING: gc_arena::metrics::Pacing = paid_faster(LARGE_HEAP_WORK);

/// What [`LARGE_HEAP_PACING`] counts an object's work as, against [`PACING`].
const LARGE_HEAP_WORK: f64 = 0.2;

/// [`PACING`], with each object marked, traced or swept counted as `work` of a unit.
const fn paid_faster(work: f64) -> gc_arena::metrics::Pacing {
    gc_arena::metrics::Pacing {
        mark_factor: PACING.mark_factor * work,
        trace_factor: PACING.trace_factor * work,
        keep_factor: PACING.keep_factor * work,
        drop_factor: PACING.drop_factor * work,
        free_factor: PACING.free_factor * work,
        ..PACING
    }
}

/// What [`SMALL_HEAP_PACING`] counts an object's work as, against [`PACING`]. A quarter
/// until session 10; this, with [`SMALL_HEAP_SLEEP`], took binary-trees from 22 to 17 MB
/// for 10% more time (docs/performance.md, "Session 10: object layout and memory").
const SMALL_HEAP_WORK: f64 = 0.07;

/// How much a small heap may grow before its next cycle, as a fraction of what the last kept,
/// where [`PACING`] lets a heap double. A small heap's cycle is a few milliseconds.
const SMALL_HEAP_SLEEP: f64 = 0.4;

/// The most collector work one slice does, in [`PACING`]'s units (about one object marked and
/// traced, or swept): some 2–3 ms. (Under [`SMALL_HEAP_PACING`] the same work is fewer
/// units.) gc-arena pays the whole debt run up since the last slice in one go, and a native
/// call that makes a million objects (`JSON.parse` of a 20 MB text) runs
/// up that much: its next slice took 160–240 ms. A slice now pays at most this much, or a
/// [`SLICE_SHARE`]th of a debt bigger than that, and the rest waits for the slices after.
const SLICE_WORK: f64 = 10_000.0;

/// A slice pays at least this fraction of the debt (as a divisor), so that a mutator allocating
/// faster than [`SLICE_WORK`] a slice (natives making objects in bulk) cannot outrun the
/// collector: the debt left over shrinks by a 32nd each slice, and settles at 32 slices'
/// worth of allocation where it would otherwise grow without bound. Under a pacing that
/// counts an object's work as less than a unit, the fraction is of the work the debt stands
/// for (scaled by the same factor), so that a slice does as much work as under [`PACING`]:
/// unscaled, json.js' longest slice went from 11 to 44 ms with the large-heap factor of 0.2.
const SLICE_SHARE: f64 = 32.0;

/// Below this many live objects (some 20 MB), a heap's cycles are paced by
/// [`SMALL_HEAP_PACING`]: see [`pace_next_cycle`].
const SMALL_HEAP: f64 = 128.0 * 1024.0;

/// Above this many live objects (some 75 MB), a heap sleeps less than its size: see
/// [`pace_next_cycle`].
const BIG_HEAP: f64 = 512.0 * 1024.0;

/// Paces the cycles after one that has just ended by the size of the heap it left: a small
/// heap's by [`SMALL_HEAP_PACING`] and [`SMALL_HEAP_SLEEP`], any other's by
/// [`LARGE_HEAP_PACING`]. And shortens the sleep gc-arena has just set for a big heap: it may
/// grow by [`BIG_HEAP`] objects or a quarter of its size, whichever is more, where
/// [`PACING`] lets any heap double. splay (a million live objects and as many replaced)
/// peaked at 419 MB where it now peaks at 373, for one more cycle (5–10% more time). The two
/// rules for a heap of [`SMALL_HEAP`] objects or more meet where it is `BIG_HEAP` objects, so
/// a slightly bigger heap does not sleep less than a slightly smaller. (Just below
/// `SMALL_HEAP` a heap sleeps half as long as just above it: a small heap's cycle is cheap.)
///
/// Returns the work units per object of work of the pacing chosen ([`SMALL_HEAP_WORK`] or
/// [`LARGE_HEAP_WORK`]).
fn pace_next_cycle(metrics: &gc_arena::metrics::Metrics) -> f64 {
    let live = metrics.total_gc_count() as f64;
    let (pacing, work) = match live < SMALL_HEAP {
        true => (SMALL_HEAP_PACING, SMALL_HEAP_WORK),
        false => (LARGE_HEAP_PACING, LARGE_HEAP_WORK),
    };
    metrics.set_pacing(pacing);
    let sleep = match live < SMALL_HEAP {
        true => live * SMALL_HEAP_SLEEP,
        false => live.min(BIG_HEAP.max(live / 4.0)),
    };
    // gc-arena wakes when `sleep_factor × live` have been allocated; debt it is told of in
    // advance brings that nearer.
    metrics.adjust_debt((live * PACING.sleep_factor - sleep).max(0.0));
    work
}

/// About what one object's block takes (docs/performance.md, "What a value costs").
const OBJECT_BYTES: f64 = 128.0;

/// Tells the collector about a buffer of `bytes` (a string's characters, an `ArrayBuffer`'s
/// bytes) held by one `Gc`. The collector paces itself by counting `Gc`s, each about an object's
/// size, so a buffer is charged as the objects its bytes would make: a program allocating
/// memory in big strings is collected as often as one allocating it in objects. Charged in
/// bytes, as it once was, building a 20 MB `JSON.stringify` text ran seven full collections of
/// a 2-million-object heap back to back, each in one slice of ~700 ms.
pub(crate) fn charge_bytes(mc: &Mutation<'_>, bytes: usize) {
    mc.metrics().adjust_debt(bytes as f64 / OBJECT_BYTES);
}

/// A thrown JavaScript value, travelling up through Rust code.
#[derive(Clone, Copy, Debug, Collect)]
#[collect(no_drop)]
pub struct Throw<'gc>(pub Value<'gc>);

/// What code running in the engine sees: the arena's mutation handle and the root.
#[derive(Clone, Copy)]
pub struct Ctx<'gc> {
    pub mc: &'gc Mutation<'gc>,
    pub root: &'gc Root<'gc>,
    /// A native function is being called by `new` (it gets a fresh `this` whose prototype is
    /// its `prototype`). Natives that behave differently when constructed (`Date`, `String`,
    /// `Number`, ...) look here.
    pub constructing: bool,
}

impl<'gc> Deref for Ctx<'gc> {
    type Target = Mutation<'gc>;
    #[inline]
    fn deref(&self) -> &Mutation<'gc> {
        self.mc
    }
}

impl<'gc> Ctx<'gc> {
    #[inline]
    pub fn realm(&self) -> &'gc Realm<'gc> {
        &self.root.realm
    }

    /// A new string value.
    pub fn string(&self, text: &str) -> Value<'gc> {
        Value::String(JsString::from_str(self.mc, text))
    }

    /// A new error object of the kind whose prototype is `prototype`.
    pub fn error(&self, prototype: Object<'gc>, message: &str) -> Throw<'gc> {
        Throw(Value::Object(
            self.realm().new_error(*self, prototype, message),
        ))
    }

    pub fn type_error(&self, message: &str) -> Throw<'gc> {
        self.error(self.realm().type_error_prototype, message)
    }

    pub fn reference_error(&self, message: &str) -> Throw<'gc> {
        self.error(self.realm().reference_error_prototype, message)
    }

    pub fn range_error(&self, message: &str) -> Throw<'gc> {
        self.error(self.realm().range_error_prototype, message)
    }
}

/// A value as text, as the host shows it (`String(value)`, or "Name: message" for errors).
pub fn display<'gc>(ctx: Ctx<'gc>, value: Value<'gc>) -> String {
    ops::display_string(ctx, value)
}

/// Everything the collector keeps alive.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Root<'gc> {
    pub realm: Realm<'gc>,
    /// The execution stack running now.
    pub executor: Gc<'gc, RefLock<Executor<'gc>>>,
    /// Stacks suspended by a native (`promise.wait()`), the most recent last.
    suspended: Gc<'gc, RefLock<Vec<Executor<'gc>>>>,
    /// What the native function that just returned asked of its caller (see [`Request`]).
    request: Gc<'gc, RefLock<Option<Request<'gc>>>>,
    /// `request` holds something: checked after every native call, so kept cheap to read.
    #[collect(require_static)]
    has_request: std::cell::Cell<bool>,
    /// The values the host keeps through [`Handle`]s.
    handles: gc_arena::DynamicRootSet<'gc>,
    /// The objects whose collection the host wants to hear about (see `finalize.rs`).
    watched: Gc<'gc, RefLock<finalize::Watched<'gc>>>,
    /// The host's own state, for its native functions (see [`Ctx::host`]).
    #[collect(require_static)]
    host: Option<Box<dyn std::any::Any>>,
    /// What the engine is asked to show of its work (`--trace-exec`, `--stats`...), when
    /// [`trace::request`] asked for it before the engine was made.
    #[collect(require_static)]
    tracer: std::cell::OnceCell<Rc<trace::Tracer>>,
}

impl Root<'_> {
    /// Whether tracing is on: code is then loaded with `Trace` instructions.
    #[inline(always)]
    pub(crate) fn is_tracing(&self) -> bool {
        self.tracer.get().is_some()
    }

    /// The tracer, when tracing is on.
    pub(crate) fn tracer(&self) -> Option<&trace::Tracer> {
        self.tracer.get().map(|tracer| &**tracer)
    }
}

/// What a native function can ask of the interpreter that called it, besides a result.
#[derive(Collect)]
#[collect(no_drop)]
pub enum Request<'gc> {
    /// Call this function and make its result the native's (how `call`, `apply` and the
    /// host's `process.compile` run code without a nested run of the interpreter).
    TailCall(TailCall<'gc>),
    /// Suspend the execution stack (`promise.wait()`); the host resumes it later.
    Suspend,
    /// Run as a resumable native (see [`resumable`]), whose result becomes the native's.
    Resumable(resumable::ResumableStart<'gc>),
    /// Give `object` a `stack` made from the frames of the caller (see `stack_trace.rs`):
    /// error constructors and `Error.captureStackTrace` ask for this, as only the interpreter
    /// sees the frames.
    CaptureStack {
        object: Object<'gc>,
        /// Leave out the frames above and including the topmost call of this function.
        until: Option<Object<'gc>>,
    },
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct TailCall<'gc> {
    pub function: Value<'gc>,
    pub this: Value<'gc>,
    pub args: Vec<Value<'gc>>,
}

impl<'gc> Ctx<'gc> {
    /// Asks the caller to call `function` and return its result in place of this native's
    /// (whose own result, `undefined`, is ignored). Return this from the native.
    pub fn tail_call(
        &self,
        function: Value<'gc>,
        this: Value<'gc>,
        args: Vec<Value<'gc>>,
    ) -> Result<Value<'gc>, Throw<'gc>> {
        let call = TailCall {
            function,
            this,
            args,
        };
        self.request(Request::TailCall(call));
        Ok(Value::Undefined)
    }

    /// Asks the caller to go on as a resumable native (see [`resumable`]): `resume` is called
    /// with a state made of `values` and `numbers` until it returns, and what it returns is
    /// this native's result (its own result, `undefined`, is ignored). Return this from the
    /// native.
    pub fn resumable(
        &self,
        resume: resumable::Resume,
        values: Vec<Value<'gc>>,
        numbers: Box<[usize]>,
    ) -> Result<Value<'gc>, Throw<'gc>> {
        let start = resumable::ResumableStart {
            resume,
            values,
            numbers,
        };
        self.request(Request::Resumable(start));
        Ok(Value::Undefined)
    }

    /// Asks the interpreter to suspend the current execution stack when this native returns;
    /// the host resumes it with [`Engine::resume`]. Fails where the stack cannot be suspended:
    /// inside a nested run (a getter, `valueOf`, a `JSON.stringify` callback...).
    pub fn suspend(&self) -> Result<(), Throw<'gc>> {
        if ops::is_nested() {
            return Err(self.error(self.realm().error_prototype, ops::CANNOT_SUSPEND));
        }
        self.request(Request::Suspend);
        Ok(())
    }

    /// Asks the interpreter to set `object.stack` to the current stack trace when this native
    /// returns, leaving out the frames above and including the topmost call of `until`
    /// (V8's `Error.captureStackTrace`). Inside a nested run the request is dropped: the
    /// frames it would show are not that run's.
    pub fn capture_stack(&self, object: Object<'gc>, until: Option<Object<'gc>>) {
        self.request(Request::CaptureStack { object, until });
    }

    /// Leaves `request` for the caller of the native that is running.
    fn request(&self, request: Request<'gc>) {
        *self.root.request.borrow_mut(self.mc) = Some(request);
        self.root.has_request.set(true);
    }

    /// Whether the native that just returned asked for anything (see [`Ctx::take_request`]).
    #[inline(always)]
    pub(crate) fn has_request(&self) -> bool {
        self.root.has_request.get()
    }

    /// Takes what the native that just returned asked for, if anything.
    pub(crate) fn take_request(&self) -> Option<Request<'gc>> {
        if !self.root.has_request.get() {
            return None;
        }
        self.root.has_request.set(false);
        self.root.request.borrow_mut(self.mc).take()
    }

    /// Compiles `source` (from `origin`, a file name for stack traces) as a script of its own,
    /// as V8's `Script::Compile` did for node's `process.compile`: its `var`s and functions
    /// become globals, and the function returned gives the value of its last statement. How
    /// the host runs scripts and modules.
    ///
    /// # Errors
    /// A syntax error, for the host to report with the source line.
    pub fn compile_global<'s>(
        &self,
        source: impl Into<Source<'s>>,
        origin: &str,
    ) -> Result<Object<'gc>, crate::SyntaxError> {
        self.compile_wrapped("", source, "", origin)
    }

    /// Like [`Ctx::compile_global`] for `prefix + source + suffix`, where the host adds the
    /// prefix and suffix around a file's text (node's module wrapper, `(function (exports,
    /// ...) {` and `})`): positions in stack traces and syntax errors are the file's own, as
    /// if the wrapper were not there. `source` may hold lone surrogates (see [`crate::source`]).
    ///
    /// # Errors
    /// A syntax error, with its span in `source`.
    pub fn compile_wrapped<'s>(
        &self,
        prefix: &str,
        source: impl Into<Source<'s>>,
        suffix: &str,
        origin: &str,
    ) -> Result<Object<'gc>, crate::SyntaxError> {
        let (proto, text) = crate::compiler::compile_wrapped(prefix, source.into(), suffix)?;
        let shift = u32::try_from(prefix.len()).unwrap_or(u32::MAX);
        let code = Code::load_with_prefix(*self, proto, Rc::new(text), origin.into(), shift);
        Ok(Closure::new_function(*self, code, None))
    }

    /// What [`Ctx::compile_wrapped`] gives for `text` (the host's prefix, its first `prefix`
    /// bytes, then the source and the host's suffix), from the `image` that
    /// [`crate::bytecode::image::compile`] made of the same text when the host was built: the
    /// same code without lexing, parsing or compiling it again. The text is still needed for
    /// `toString` and stack traces: it is borrowed, not copied (node's built-in modules are
    /// 170 KB of it).
    ///
    /// # Errors
    /// When `image` was not made by this build of the engine (a bug in the host, not a
    /// script's fault).
    pub fn load_image(
        &self,
        image: &'static [u8],
        text: &'static str,
        prefix: usize,
        origin: &str,
    ) -> Result<Object<'gc>, crate::bytecode::image::ImageError> {
        // Only the script's own code now; each nested function when first made a closure.
        let decoded = crate::bytecode::image::decode_root(image)?;
        let text = SourceText::built_in(text);
        let shift = u32::try_from(prefix).unwrap_or(u32::MAX);
        let origin = origin.into();
        let code = Code::load_image(*self, image, decoded, Rc::new(text), origin, shift);
        Ok(Closure::new_function(*self, code, None))
    }

    /// The host's state given to [`Engine::with_host`], if it is a `T`.
    pub fn host<T: 'static>(&self) -> Option<&'gc T> {
        self.root.host.as_ref()?.downcast_ref::<T>()
    }

    /// Keeps `value` alive for the host, outside the arena, until the handle is dropped.
    pub fn stash(&self, value: Value<'gc>) -> Handle {
        Handle(
            self.root
                .handles
                .stash::<Rootable![Value<'_>]>(self.mc, Gc::new(self.mc, value)),
        )
    }

    /// The value a handle keeps.
    pub fn fetch(&self, handle: &Handle) -> Value<'gc> {
        *self.root.handles.fetch(&handle.0)
    }
}

/// A JavaScript value the host keeps outside the arena (a callback, an emitter).
#[derive(Clone)]
pub struct Handle(gc_arena::DynamicRoot<Rootable![Value<'_>]>);

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Handle")
    }
}

/// The outcome of running a script, converted out of the heap.
#[derive(Debug, PartialEq)]
pub enum Completion {
    /// It ran to the end.
    Normal,
    /// An exception escaped: its `String()` form (for errors, "Name: message") and, for error
    /// objects, their `stack`.
    Threw { message: String, stack: String },
}

/// How a call made by the host ([`Engine::call`], [`Engine::resume`]) ended.
#[derive(Debug)]
pub enum Outcome {
    Returned,
    Threw(Thrown),
    /// The stack was suspended; it is now the most recent of the suspended stacks.
    Suspended,
}

/// An exception that escaped a call made by the host.
#[derive(Debug)]
pub struct Thrown {
    /// `String(value)` (for errors, "Name: message").
    pub message: String,
    /// An error's `stack`, or the message.
    pub stack: String,
    pub value: Handle,
}

/// The function, `this` and arguments of a call the host makes.
pub type HostCall<'gc> = (Value<'gc>, Value<'gc>, Vec<Value<'gc>>);

/// A JavaScript engine: one heap, one realm.
pub struct Engine {
    arena: Arena<Rootable![Root<'_>]>,
    /// Print a line per collection (for `--trace-gc`).
    pub trace_gc: bool,
    /// Stop a run after about this many instructions, counted as fuel (for test runners;
    /// `None` runs to the end).
    pub instruction_limit: Option<u64>,
    cycle: CycleStats,
    /// The collector's work units per object of work under its current pacing (see
    /// [`pace_next_cycle`]).
    work_per_object: f64,
    /// The tokens of watched objects found dead, for [`Engine::take_collected`].
    collected: Vec<u64>,
    /// The tracer [`trace::request`] asked for, which also hears about collections.
    tracer: Option<Rc<trace::Tracer>>,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    /// A new engine with the standard global object.
    pub fn new() -> Engine {
        Engine::build(None)
    }

    /// A new engine whose natives can reach `host` through [`Ctx::host`].
    pub fn with_host(host: Box<dyn std::any::Any>) -> Engine {
        Engine::build(Some(host))
    }

    fn build(host: Option<Box<dyn std::any::Any>>) -> Engine {
        let arena = Arena::<Rootable![Root<'_>]>::new(|mc| Root {
            realm: Realm::new(mc),
            executor: Gc::new(mc, RefLock::new(Executor::default())),
            suspended: Gc::new(mc, RefLock::new(Vec::new())),
            request: Gc::new(mc, RefLock::new(None)),
            has_request: std::cell::Cell::new(false),
            handles: gc_arena::DynamicRootSet::new(mc),
            watched: Gc::new(mc, RefLock::default()),
            host,
            tracer: std::cell::OnceCell::new(),
        });
        // Tracing, if asked for, from the start: the builtins below are loaded traced too.
        let tracer = trace::take_request().map(Rc::new);
        if let Some(tracer) = &tracer {
            let shared = tracer.clone();
            arena.mutate(|_, root| {
                let _ = root.tracer.set(shared);
            });
        }
        arena.metrics().set_pacing(SMALL_HEAP_PACING);
        // gc-arena lets a cycle sleep only after another has ended, so the first one would
        // start at the first allocation and trace the realm and the host's start-up, all of
        // it alive, for nothing (a third of a millisecond of an empty script's start). It gets
        // the sleep every later cycle gets at the least.
        arena.metrics().adjust_debt(-(PACING.min_sleep as f64));
        arena.mutate(|mc, root| {
            crate::builtins::install(Ctx {
                mc,
                root,
                constructing: false,
            })
        });
        Engine {
            arena,
            trace_gc: false,
            instruction_limit: None,
            cycle: CycleStats::default(),
            work_per_object: SMALL_HEAP_WORK,
            collected: Vec::new(),
            tracer,
        }
    }

    /// Runs `f` inside the arena (to make objects, define natives, read values).
    pub fn mutate<R>(&mut self, f: impl for<'gc> FnOnce(Ctx<'gc>) -> R) -> R {
        self.arena.mutate(|mc, root| {
            f(Ctx {
                mc,
                root,
                constructing: false,
            })
        })
    }

    /// Regular expressions as the V8 of 2010 had them, which programs of its time rely on:
    /// `re(s)` means `re.exec(s)` (V8 until 2011), and `new RegExp(p, f)`, `RegExp(p, f)`
    /// and `compile` ignore unknown and repeated flags (CoffeeScript 0.7 writes
    /// `new RegExp(s, "undefined")`). Off by default: ES5 says a RegExp has no `[[Call]]`
    /// (15.10.7) and that such flags are a SyntaxError (15.10.4.1), and test262 checks both.
    /// `typeof` says "object" either way. The node runtime turns it on.
    pub fn set_v8_regexps(&mut self, on: bool) {
        self.mutate(|ctx| ctx.realm().v8_regexps.set(on));
    }

    /// Adds a native function to the global object (how the host provides `print` and the
    /// like: the engine itself does no I/O).
    pub fn define_global_function(
        &mut self,
        name: &str,
        function: crate::object::NativeFn,
        length: u32,
    ) {
        self.mutate(|ctx| {
            let realm = ctx.realm();
            // A builtin of that name still to be made is made first, so that it does not
            // replace the host's later (see `builtins/deferred.rs`).
            let key = realm.key(ctx, name);
            realm.global.make_prototype_for(ctx, key);
            realm.define_function(ctx, realm.global, name, function, length);
        });
    }

    /// Runs a script compiled from `source` (which came from `origin`, a file name for stack
    /// traces) to completion, collecting garbage between slices.
    pub fn run(&mut self, proto: FunctionProto, source: &str, origin: &str) -> Completion {
        let source = Rc::new(SourceText::from(source));
        let origin: Rc<str> = origin.into();
        let outcome = self.call(|ctx| {
            let code = Code::load(ctx, proto, source, origin);
            let function = Closure::new_function(ctx, code, None);
            Ok((
                Value::Object(function),
                Value::Object(ctx.realm().global),
                Vec::new(),
            ))
        });
        match outcome {
            Outcome::Returned | Outcome::Suspended => Completion::Normal,
            Outcome::Threw(thrown) => Completion::Threw {
                message: thrown.message,
                stack: thrown.stack,
            },
        }
    }

    /// Calls the function `f` gives (with its `this` and arguments) on a new execution stack,
    /// running it until it returns, throws or is suspended, with the collector working between
    /// slices.
    pub fn call(
        &mut self,
        f: impl for<'gc> FnOnce(Ctx<'gc>) -> Result<HostCall<'gc>, Throw<'gc>>,
    ) -> Outcome {
        let failed = self.mutate(|ctx| {
            let started = f(ctx).and_then(|(function, this, args)| {
                let Some(function) = function.as_object().filter(|o| o.is_callable()) else {
                    return Err(ctx.type_error("not a function"));
                };
                let mut executor = root_executor(ctx);
                executor.reset();
                executor.start(ctx, function, this, &args);
                Ok(())
            });
            started.err().map(|throw| thrown(ctx, throw))
        });
        match failed {
            Some(outcome) => outcome,
            None => self.run_active(),
        }
    }

    /// Resumes the most recently suspended stack, giving `f`'s value as the result of the
    /// native call that suspended it. `Returned` if no stack is suspended.
    pub fn resume(&mut self, f: impl for<'gc> FnOnce(Ctx<'gc>) -> Value<'gc>) -> Outcome {
        let resumed = self.mutate(|ctx| {
            let Some(mut executor) = ctx.root.suspended.borrow_mut(ctx.mc).pop() else {
                return false;
            };
            executor.resume(f(ctx));
            *root_executor(ctx) = executor;
            true
        });
        if !resumed {
            return Outcome::Returned;
        }
        self.run_active()
    }

    /// How many stacks are suspended.
    pub fn suspended_stacks(&mut self) -> usize {
        self.mutate(|ctx| ctx.root.suspended.borrow().len())
    }

    /// Runs the active executor in slices until it finishes or is suspended.
    fn run_active(&mut self) -> Outcome {
        let mut budget = self.instruction_limit;
        loop {
            if let Some(left) = budget.as_mut() {
                if *left == 0 {
                    let message = "the run exceeded its instruction limit".to_string();
                    return self.mutate(|ctx| {
                        *root_executor(ctx) = Executor::default();
                        Outcome::Threw(Thrown {
                            stack: message.clone(),
                            message,
                            value: ctx.stash(Value::Undefined),
                        })
                    });
                }
                *left = left.saturating_sub(FUEL_PER_SLICE as u64);
            }
            let state = self.mutate(|ctx| {
                let mut executor = root_executor(ctx);
                match executor.run(ctx, FUEL_PER_SLICE) {
                    RunState::OutOfFuel => None,
                    RunState::Finished(Ok(_)) => Some(Outcome::Returned),
                    RunState::Finished(Err(throw)) => Some(thrown(ctx, throw)),
                    RunState::Suspended => {
                        let stack = std::mem::take(&mut *executor);
                        ctx.root.suspended.borrow_mut(ctx.mc).push(stack);
                        Some(Outcome::Suspended)
                    }
                }
            });
            self.collect();
            if let Some(outcome) = state {
                return outcome;
            }
        }
    }

    /// Lets the collector do the work the allocations since last time have paid for. With
    /// `trace_gc`, prints a line each time a collection cycle ends: the live objects when it
    /// began and when it ended, and the time spent in it.
    fn collect(&mut self) {
        use gc_arena::arena::CollectionPhase::{Sleeping, Sweeping};
        if let Some(tracer) = &self.tracer {
            // `--stats`' peak heap: the heap is at its fullest before the collector works.
            tracer.heap_sampled(self.arena.metrics().total_gc_count());
        }
        // Most calls from the host are short: nothing to do until allocation has run up a debt.
        if self.arena.collection_phase() == Sleeping
            && self.arena.metrics().allocation_debt() <= 0.0
        {
            return;
        }
        let start = std::time::Instant::now();
        // Pay at most a slice's worth: the rest of the debt is hidden from gc-arena for the
        // slice (it stops when the debt it sees is paid) and handed back afterwards. If the
        // cycle ends within the slice, gc-arena carries what it saw of the debt into the next
        // cycle, and the hidden part joins it, as a debt paid in one slice would have.
        let metrics = self.arena.metrics().clone();
        let debt = metrics.allocation_debt();
        let slice_work = SLICE_WORK * self.work_per_object;
        // (The share is of the debt's work, which a faster pacing counts in fewer units.)
        let share = debt * self.work_per_object / SLICE_SHARE;
        let deferred = (debt - slice_work.max(share)).max(0.0);
        metrics.adjust_debt(-deferred);
        // Finish a sweep left over from the last slice first, so that the end of every cycle
        // is seen (a `collect_debt` could run straight through into the next one).
        if self.arena.collection_phase() == Sweeping {
            self.arena.cycle_debt();
        }
        if self.arena.collection_phase() == Sleeping {
            self.end_cycle(start);
            self.cycle.objects_at_start = self.arena.metrics().total_gc_count();
        }
        if let Some(marked) = self.arena.mark_debt() {
            // Marking is done: the watched objects it did not reach are dead (finalize.rs).
            let dead = marked.finalize(finalize::dead);
            self.collected.extend(dead);
            if let Some(marked) = self.arena.finish_marking() {
                marked.start_sweeping();
            }
        }
        if self.arena.collection_phase() != Sleeping {
            self.cycle.active = true;
        }
        if self.arena.collection_phase() == Sweeping {
            self.arena.cycle_debt();
        }
        metrics.adjust_debt(deferred);
        self.end_cycle(start);
    }

    /// Accounts for the time since `start`, and reports the cycle if it has just ended.
    fn end_cycle(&mut self, start: std::time::Instant) {
        if !self.cycle.active {
            return;
        }
        let slice = start.elapsed();
        self.cycle.time += slice;
        self.cycle.slices += 1;
        self.cycle.longest = self.cycle.longest.max(slice);
        if self.arena.collection_phase() != gc_arena::arena::CollectionPhase::Sleeping {
            return;
        }
        self.cycle.active = false;
        self.cycle.count += 1;
        self.work_per_object = pace_next_cycle(self.arena.metrics());
        if let Some(tracer) = &self.tracer {
            tracer.collected(self.cycle.time);
        }
        if self.trace_gc {
            eprintln!(
                "[gc] cycle {}: {} -> {} live objects, {:.3} ms in {} slices, longest {:.3} ms",
                self.cycle.count,
                self.cycle.objects_at_start,
                self.arena.metrics().total_gc_count(),
                self.cycle.time.as_secs_f64() * 1000.0,
                self.cycle.slices,
                self.cycle.longest.as_secs_f64() * 1000.0
            );
        }
        self.cycle.time = std::time::Duration::ZERO;
        self.cycle.slices = 0;
        self.cycle.longest = std::time::Duration::ZERO;
    }

    /// Prints what tracing reports at exit (`--stats`, `--dump-shapes`) on stderr, once.
    pub fn finish_tracing(&mut self) {
        self.mutate(trace::report);
    }

    /// How many objects the heap holds now.
    pub fn live_objects(&self) -> usize {
        self.arena.metrics().total_gc_count()
    }
}

/// The active execution stack.
fn root_executor<'gc>(ctx: Ctx<'gc>) -> std::cell::RefMut<'gc, Executor<'gc>> {
    ctx.root.executor.borrow_mut(ctx.mc)
}

/// An exception that escaped to the host, described for it.
fn thrown<'gc>(ctx: Ctx<'gc>, throw: Throw<'gc>) -> Outcome {
    let message = ops::display_string(ctx, throw.0);
    Outcome::Threw(Thrown {
        stack: ops::error_stack(ctx, throw.0).unwrap_or_else(|| message.clone()),
        message,
        value: ctx.stash(throw.0),
    })
}

/// What `--trace-gc` reports about the collection cycle in progress.
#[derive(Default)]
struct CycleStats {
    /// Cycles finished so far.
    count: usize,
    /// Live objects when the current cycle began.
    objects_at_start: usize,
    /// Time spent in the current cycle's slices.
    time: std::time::Duration,
    /// How many slices the current cycle has had, and the longest: the collector is
    /// incremental, so the longest slice is the longest the program stood still for it.
    slices: usize,
    longest: std::time::Duration,
    /// A cycle has begun and not yet ended.
    active: bool,
}

#[cfg(test)]
mod pacing_tests;
