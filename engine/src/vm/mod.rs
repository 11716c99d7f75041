//! The virtual machine: a stackless bytecode interpreter on one `gc-arena` heap.
//!
//! [`Engine`] owns the arena. Its root holds the [`Realm`] (global object, intrinsics,
//! interned names) and the [`Executor`] whose frames live on the heap, not on the Rust stack:
//! a JavaScript call pushes a frame and the interpreter loop carries on, so deep recursion is a
//! `RangeError`, never a Rust stack overflow.
//!
//! The interpreter runs in slices of bounded *fuel* (one unit per instruction). Between
//! slices the engine leaves the arena's `mutate` and lets the collector work, which is the only
//! time collection can happen: inside a slice every `Gc` pointer on the Rust stack is safe.

mod cache;
pub(crate) mod code;
mod interp;
pub mod ops;
mod realm;

pub use code::{Closure, Code, Env, EVAL_VAR_SCOPE};
pub use interp::Executor;
pub use realm::Realm;

use crate::bytecode::FunctionProto;
use crate::object::Object;
use crate::string::JsString;
use crate::value::Value;
use gc_arena::{Arena, Collect, Gc, Mutation, RefLock, Rootable};
use std::ops::Deref;

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
    fn deref(&self) -> &Mutation<'gc> {
        self.mc
    }
}

impl<'gc> Ctx<'gc> {
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
    /// The execution stack of the script being run.
    pub executor: Gc<'gc, RefLock<Executor<'gc>>>,
    /// The value or exception the last finished run produced.
    outcome: Gc<'gc, RefLock<Option<Result<Value<'gc>, Value<'gc>>>>>,
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

/// A JavaScript engine: one heap, one realm.
pub struct Engine {
    arena: Arena<Rootable![Root<'_>]>,
    /// Print a line per collection (for `--trace-gc`).
    pub trace_gc: bool,
    /// Stop a run after this many instructions (for test runners; `None` runs to the end).
    pub instruction_limit: Option<u64>,
    cycle: CycleStats,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    /// A new engine with the standard global object.
    pub fn new() -> Engine {
        let arena = Arena::<Rootable![Root<'_>]>::new(|mc| Root {
            realm: Realm::new(mc),
            executor: Gc::new(mc, RefLock::new(Executor::default())),
            outcome: Gc::new(mc, RefLock::new(None)),
        });
        arena.metrics().set_pacing(PACING);
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
        }
    }

    /// Adds a native function to the global object (how the host provides `print` and the
    /// like: the engine itself does no I/O).
    pub fn define_global_function(
        &mut self,
        name: &str,
        function: crate::object::NativeFn,
        length: u32,
    ) {
        self.arena.mutate(|mc, root| {
            let ctx = Ctx {
                mc,
                root,
                constructing: false,
            };
            root.realm
                .define_function(ctx, root.realm.global, name, function, length);
        });
    }

    /// Runs a script compiled from `source` (which came from `origin`, a file name for stack
    /// traces) to completion, collecting garbage between slices.
    pub fn run(&mut self, proto: FunctionProto, source: &str, origin: &str) -> Completion {
        let source: std::rc::Rc<str> = source.into();
        let origin: std::rc::Rc<str> = origin.into();
        self.arena.mutate(|mc, root| {
            let ctx = Ctx {
                mc,
                root,
                constructing: false,
            };
            let code = Code::load(ctx, proto, source, origin);
            let global = Value::Object(root.realm.global);
            let function = Closure::new_function(ctx, code, None);
            root.executor
                .borrow_mut(mc)
                .start(ctx, function, global, &[]);
        });
        let mut budget = self.instruction_limit;
        loop {
            if let Some(left) = budget.as_mut() {
                if *left == 0 {
                    let message = "the run exceeded its instruction limit".to_string();
                    self.arena
                        .mutate(|mc, root| *root.executor.borrow_mut(mc) = Executor::default());
                    return Completion::Threw {
                        stack: message.clone(),
                        message,
                    };
                }
                *left = left.saturating_sub(FUEL_PER_SLICE as u64);
            }
            let done = self.arena.mutate(|mc, root| {
                let ctx = Ctx {
                    mc,
                    root,
                    constructing: false,
                };
                let result = root.executor.borrow_mut(mc).run(ctx, FUEL_PER_SLICE);
                match result {
                    Some(outcome) => {
                        *root.outcome.borrow_mut(mc) = Some(outcome.map_err(|t| t.0));
                        true
                    }
                    None => false,
                }
            });
            self.collect();
            if done {
                break;
            }
        }
        self.arena.mutate(|mc, root| {
            let ctx = Ctx {
                mc,
                root,
                constructing: false,
            };
            let outcome = root.outcome.borrow_mut(mc).take();
            match outcome {
                // The completion value is not converted: that could run a script's `toString`
                // (and joining a large array costs time) for a value nobody looks at.
                Some(Ok(_)) => Completion::Normal,
                Some(Err(value)) => {
                    let message = ops::display_string(ctx, value);
                    let stack = ops::error_stack(ctx, value).unwrap_or_else(|| message.clone());
                    Completion::Threw { message, stack }
                }
                None => Completion::Normal,
            }
        })
    }

    /// Lets the collector do the work the allocations since last time have paid for. With
    /// `trace_gc`, prints a line each time a collection cycle ends: the live objects when it
    /// began and when it ended, and the time spent in it.
    fn collect(&mut self) {
        use gc_arena::arena::CollectionPhase::{Sleeping, Sweeping};
        let start = std::time::Instant::now();
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
            marked.start_sweeping();
        }
        if self.arena.collection_phase() != Sleeping {
            self.cycle.active = true;
        }
        if self.arena.collection_phase() == Sweeping {
            self.arena.cycle_debt();
        }
        self.end_cycle(start);
    }

    /// Accounts for the time since `start`, and reports the cycle if it has just ended.
    fn end_cycle(&mut self, start: std::time::Instant) {
        if !self.cycle.active {
            return;
        }
        self.cycle.time += start.elapsed();
        if self.arena.collection_phase() != gc_arena::arena::CollectionPhase::Sleeping {
            return;
        }
        self.cycle.active = false;
        self.cycle.count += 1;
        if self.trace_gc {
            eprintln!(
                "[gc] cycle {}: {} -> {} live objects, {:.3} ms",
                self.cycle.count,
                self.cycle.objects_at_start,
                self.arena.metrics().total_gc_count(),
                self.cycle.time.as_secs_f64() * 1000.0
            );
        }
        self.cycle.time = std::time::Duration::ZERO;
    }

    /// How many objects the heap holds now.
    pub fn live_objects(&self) -> usize {
        self.arena.metrics().total_gc_count()
    }
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
    /// A cycle has begun and not yet ended.
    active: bool,
}
