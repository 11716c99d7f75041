//! The interpreter: an [`Executor`] holds a stack of call frames and one operand stack, both on
//! the heap, and runs instructions for a bounded amount of fuel.
//!
//! Calls between JavaScript functions push a [`Frame`] and return to the loop; returns pop one.
//! Nothing recurses on the Rust stack, so the depth of JavaScript recursion is limited only by
//! [`MAX_FRAMES`]. A thrown value unwinds frame by frame, looking up each function's handler
//! table.

use super::code::{Env, EnvKind};
use super::ops;
use super::resumable::{NativeState, ResumableStart, Resume, Resumed};
use super::{Closure, Code, Ctx, Request, Throw};
use crate::bytecode::Op;
use crate::convert;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::value::Value;
use gc_arena::{Collect, Gc};

/// How deep JavaScript calls may nest before a `RangeError`.
pub const MAX_FRAMES: usize = 50_000;

/// How many calls a stack trace shows (V8's default is 10).
const STACK_TRACE_LIMIT: usize = 10;

/// How many resumable natives may wait on one another with no JavaScript frame between them
/// (a sort whose comparator is a bound sort...): each such one is started from the previous
/// one's Rust stack frame.
const MAX_NATIVE_NESTING: usize = 100;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

/// One JavaScript call in progress.
#[derive(Collect)]
#[collect(no_drop)]
struct Frame<'gc> {
    /// The function object being run (for `arguments.callee` and a function's own name).
    function: Object<'gc>,
    code: Gc<'gc, Code<'gc>>,
    /// The next instruction.
    pc: usize,
    /// Where register 0 is on the operand stack; the callee and `this` sit just below it.
    base: usize,
    this: Value<'gc>,
    /// The innermost environment, and how many this call has pushed.
    env: Option<Env<'gc>>,
    env_count: u32,
    /// All the arguments, kept only when the function uses `arguments` (boxed, so that the
    /// frames of the other functions stay small).
    args: Option<Box<[Value<'gc>]>>,
    arguments: Option<Object<'gc>>,
    /// For `new`: the object being constructed, returned unless the function returns an
    /// object.
    constructing: Option<Object<'gc>>,
}

/// A resumable native in progress (see [`super::resumable`]). It sits above the first
/// `depth` frames: the JavaScript function it calls gets frame `depth`, and when that frame
/// returns, the native is resumed.
struct NativeFrame {
    resume: Resume,
    /// Where the values of its state start on the operand stack (they run to the top of the
    /// stack whenever it is resumed).
    base: usize,
    /// The numbers of its state.
    numbers: Box<[usize]>,
    depth: usize,
}

/// A stack of frames and the operand stack they share.
#[derive(Default, Collect)]
#[collect(no_drop)]
pub struct Executor<'gc> {
    frames: Vec<Frame<'gc>>,
    stack: Vec<Value<'gc>>,
    /// The resumable natives in progress, interleaved with `frames` by their `depth`.
    #[collect(require_static)]
    natives: Vec<NativeFrame>,
    /// The value left on the stack by `start` is an exception (a native callee threw).
    pending_throw: bool,
    /// A native asked to suspend this stack (`promise.wait()`); the native's result, on top of
    /// the stack, is replaced by the value the stack is resumed with.
    suspended: bool,
}

/// What running an executor for a while came to.
pub enum RunState<'gc> {
    /// The call started by [`Executor::start`] returned or threw.
    Finished(Result<'gc, Value<'gc>>),
    /// Fuel ran out; run it again.
    OutOfFuel,
    /// A native suspended the stack; see [`Executor::resume`].
    Suspended,
}

/// What running a slice of instructions came to.
enum Step<'gc> {
    /// The frame stack changed (a call or a return): go round again.
    Continue,
    /// The bottom frame returned this value.
    Done(Value<'gc>),
    /// Fuel ran out.
    OutOfFuel,
    /// A native suspended the stack.
    Suspended,
}

impl<'gc> Executor<'gc> {
    /// Empties the executor for a new call, keeping the memory of its stacks.
    pub fn reset(&mut self) {
        self.frames.clear();
        self.stack.clear();
        self.natives.clear();
        self.pending_throw = false;
        self.suspended = false;
    }

    /// Sets up a call of `function` with `this` and `args`, to be run by [`Executor::run`].
    pub fn start(
        &mut self,
        ctx: Ctx<'gc>,
        function: Object<'gc>,
        this: Value<'gc>,
        args: &[Value<'gc>],
    ) {
        self.stack.push(Value::Object(function));
        self.stack.push(this);
        self.stack.extend_from_slice(args);
        let started = self.call(ctx, args.len(), None);
        self.started(started);
    }

    /// Sets up a resumable native (see [`super::resumable`]) that a native asked for outside
    /// the interpreter, to be run by [`Executor::run`].
    pub fn start_resumable(&mut self, ctx: Ctx<'gc>, start: ResumableStart<'gc>) {
        let started = self.start_native(ctx, start);
        self.started(started);
    }

    fn started(&mut self, started: Result<'gc, ()>) {
        if self.frames.is_empty() {
            // A native called from the host has no interpreter frame to come back to.
            self.suspended = false;
        }
        if let Err(throw) = started {
            // A native that threw at once: leave it as the result.
            self.frames.clear();
            self.natives.clear();
            self.stack.clear();
            self.stack.push(throw.0);
            self.pending_throw = true;
        }
    }

    /// Runs for about `fuel` instructions (see `execute` for how they are counted), or until
    /// the call started by [`Executor::start`] returns or throws, or until a native suspends
    /// the stack.
    pub fn run(&mut self, ctx: Ctx<'gc>, fuel: i64) -> RunState<'gc> {
        if self.frames.is_empty() {
            let value = self.stack.pop().unwrap_or(Value::Undefined);
            return RunState::Finished(if std::mem::take(&mut self.pending_throw) {
                Err(Throw(value))
            } else {
                Ok(value)
            });
        }
        let mut fuel = fuel;
        loop {
            match self.step(ctx, &mut fuel) {
                Ok(Step::Continue) => {}
                Ok(Step::Done(value)) => return RunState::Finished(Ok(value)),
                Ok(Step::OutOfFuel) => return RunState::OutOfFuel,
                Ok(Step::Suspended) => return RunState::Suspended,
                Err(throw) => {
                    if let Some(uncaught) = self.unwind(ctx, throw) {
                        return RunState::Finished(Err(uncaught));
                    }
                }
            }
        }
    }

    /// Makes a suspended stack ready to run again, with `value` as the result of the native
    /// call that suspended it.
    pub fn resume(&mut self, value: Value<'gc>) {
        if std::mem::take(&mut self.suspended) {
            self.stack.pop();
            self.stack.push(value);
        }
    }

    /// Finds a handler for `throw`, popping frames that have none. Returns the exception if no
    /// frame catches it.
    fn unwind(&mut self, ctx: Ctx<'gc>, throw: Throw<'gc>) -> Option<Throw<'gc>> {
        self.attach_stack(ctx, throw.0);
        loop {
            // Resumable natives have no handlers: those above the top frame just end.
            let depth = self.frames.len();
            while self.natives.last().is_some_and(|n| n.depth >= depth) {
                self.natives.pop();
            }
            let Some(frame) = self.frames.last_mut() else {
                break;
            };
            let throw_pc = frame.pc.saturating_sub(1) as u32;
            let proto = &frame.code.proto;
            let handler = proto
                .handlers
                .iter()
                .find(|h| h.start <= throw_pc && throw_pc < h.end)
                .copied();
            if let Some(handler) = handler {
                let registers = proto.register_count as usize;
                self.stack
                    .truncate(frame.base + registers + handler.stack_depth as usize);
                while frame.env_count > handler.env_depth {
                    frame.env = frame.env.and_then(|e| e.parent());
                    frame.env_count -= 1;
                }
                self.stack.push(throw.0);
                frame.pc = handler.target as usize;
                return None;
            }
            let base = frame.base;
            self.frames.pop();
            self.stack.truncate(base.saturating_sub(2));
        }
        let _ = ctx;
        Some(throw)
    }

    /// Gives an error object that is thrown for the first time its `stack`: "Name: message"
    /// and a line per active call, innermost first, as V8 prints them. (V8 records the stack
    /// when the error is made; recording it when it is first thrown is what an interpreter
    /// that keeps its frames on the heap can do cheaply, and it is the same place for the
    /// usual `throw new Error(...)`.)
    fn attach_stack(&self, ctx: Ctx<'gc>, value: Value<'gc>) {
        let Value::Object(error) = value else { return };
        let stack_key = ctx.realm().atoms.stack;
        if !is_error(ctx, error) || error.own_property(stack_key).is_some() {
            return;
        }
        let mut trace = ops::display_string(ctx, value);
        for frame in self.frames.iter().rev().take(STACK_TRACE_LIMIT) {
            let location = frame.code.location(frame.pc.saturating_sub(1));
            let name = &frame.code.proto.name;
            if name.is_empty() {
                trace.push_str(&format!("\n    at {location}"));
            } else {
                trace.push_str(&format!("\n    at {name} ({location})"));
            }
        }
        error.set_own_value(&ctx, stack_key, ctx.string(&trace), Attributes::HIDDEN);
    }

    /// Calls the function below `argc` arguments and a `this` value on the stack. A
    /// JavaScript function gets a new frame; a native one runs at once and its result replaces
    /// the callee, `this` and arguments.
    fn call(
        &mut self,
        ctx: Ctx<'gc>,
        mut argc: usize,
        constructing: Option<Object<'gc>>,
    ) -> Result<'gc, ()> {
        let callee_at = self.stack.len() - argc - 2;
        let (function, class) = loop {
            let callee = self.stack[callee_at];
            let Some(function) = callee.as_object() else {
                return Err(ctx.type_error(&format!(
                    "{} is not a function",
                    ops::display_string(ctx, callee)
                )));
            };
            let class = match &function.borrow().class {
                Class::Closure(closure) => Ok(*closure),
                Class::Native { function, .. } => Err(Some(*function)),
                // 15.3.4.5.1-2: a bound function calls (or constructs) its target with the
                // bound arguments first and, unless constructing, the bound `this`.
                Class::Bound { target, this, args } => {
                    self.stack[callee_at] = Value::Object(*target);
                    if constructing.is_none() {
                        self.stack[callee_at + 1] = *this;
                    }
                    let at = callee_at + 2;
                    self.stack.splice(at..at, args.iter().copied());
                    argc += args.len();
                    continue;
                }
                _ => Err(None),
            };
            break (function, class);
        };
        match class {
            Ok(closure) => self.push_frame(ctx, function, closure, argc, constructing),
            Err(Some(native)) => {
                let this = constructing.map_or(self.stack[callee_at + 1], Value::Object);
                let native_ctx = Ctx {
                    constructing: constructing.is_some(),
                    ..ctx
                };
                // The arguments are read in place: a native never touches this executor.
                let result = native(&native_ctx, this, &self.stack[callee_at + 2..]);
                let request = ctx.take_request();
                let result = result?;
                self.stack.truncate(callee_at);
                match request {
                    Some(Request::TailCall(call)) => {
                        // `call`, `apply` and the like: the function they call gets a frame
                        // here, as if the script had called it, instead of a nested run.
                        self.stack.push(call.function);
                        self.stack.push(call.this);
                        self.stack.extend_from_slice(&call.args);
                        return self.call(ctx, call.args.len(), None);
                    }
                    Some(Request::Resumable(start)) => return self.start_native(ctx, start),
                    _ => {}
                }
                let result = match (constructing, result) {
                    (Some(_), Value::Object(_)) | (None, _) => result,
                    (Some(object), _) => Value::Object(object),
                };
                self.stack.push(result);
                if let Some(Request::Suspend) = request {
                    self.suspended = true;
                }
                Ok(())
            }
            Err(None) => Err(ctx.type_error("object is not a function")),
        }
    }

    fn push_frame(
        &mut self,
        ctx: Ctx<'gc>,
        function: Object<'gc>,
        closure: Closure<'gc>,
        argc: usize,
        constructing: Option<Object<'gc>>,
    ) -> Result<'gc, ()> {
        if self.frames.len() >= MAX_FRAMES {
            return Err(ctx.range_error("Maximum call stack size exceeded"));
        }
        let proto = &closure.code.proto;
        let base = self.stack.len() - argc;
        let args = proto
            .uses_arguments
            .then(|| self.stack[base..].to_vec().into_boxed_slice());
        // Registers: the parameters (missing ones undefined, extra ones dropped), then the
        // rest, all undefined.
        let params = proto.param_count as usize;
        self.stack.truncate(base + argc.min(params));
        self.stack
            .resize(base + proto.register_count as usize, Value::Undefined);
        let mut this = constructing.map_or(self.stack[base - 1], Value::Object);
        if !proto.strict {
            // Sloppy functions see the global object for a missing `this`, and objects for
            // primitives (10.4.3).
            this = match this {
                Value::Undefined | Value::Null => Value::Object(ctx.realm().global),
                Value::Object(_) => this,
                primitive => Value::Object(ops::to_object(ctx, primitive)?),
            };
        }
        self.frames.push(Frame {
            function,
            code: closure.code,
            pc: 0,
            base,
            this,
            env: closure.env,
            env_count: 0,
            args,
            arguments: None,
            constructing,
        });
        Ok(())
    }

    /// Starts a resumable native (the callee, `this` and arguments of the native that asked
    /// for it are already gone): its state goes on top of the stack, and it runs until it
    /// calls a JavaScript function or returns.
    fn start_native(&mut self, ctx: Ctx<'gc>, start: ResumableStart<'gc>) -> Result<'gc, ()> {
        let depth = self.frames.len();
        let waiting = self.natives.iter().rev().take_while(|n| n.depth == depth);
        if waiting.count() >= MAX_NATIVE_NESTING {
            return Err(ctx.range_error("Maximum call stack size exceeded"));
        }
        let base = self.stack.len();
        self.stack.extend_from_slice(&start.values);
        self.natives.push(NativeFrame {
            resume: start.resume,
            base,
            numbers: start.numbers,
            depth,
        });
        self.drive_native(ctx, Value::Undefined)
    }

    /// Resumes the top native with `result`, and goes on until it calls a JavaScript function
    /// (which then has a frame) or returns (its result is then on top of the stack).
    fn drive_native(&mut self, ctx: Ctx<'gc>, mut result: Value<'gc>) -> Result<'gc, ()> {
        let depth = self.frames.len();
        while let Some(native) = self.natives.last_mut() {
            let (resume, base) = (native.resume, native.base);
            let state = NativeState {
                values: &mut self.stack[base..],
                numbers: &mut native.numbers,
            };
            match resume(ctx, state, result)? {
                Resumed::Call {
                    function,
                    this,
                    args: [first, second],
                } => {
                    self.stack
                        .extend_from_slice(&[function, this, first, second]);
                    self.call(ctx, 2, None)?;
                    if self.frames.len() > depth {
                        return Ok(());
                    }
                    if self.suspended {
                        return Err(ctx.error(ctx.realm().error_prototype, ops::CANNOT_SUSPEND));
                    }
                    // A native callee answered at once.
                    result = self.pop();
                }
                Resumed::Return(value) => {
                    self.natives.pop();
                    self.stack.truncate(base);
                    self.stack.push(value);
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// Pops the top frame, delivering `value` to the caller (a frame, or a resumable native
    /// that called it). Returns the value when the bottom frame returned. (Inlined into the
    /// dispatch loop: as a call of its own, the frame's teardown and the `Result` it returns
    /// through memory cost some 35 instructions more per return.)
    #[inline(always)]
    fn return_from_frame(&mut self, ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, Step<'gc>> {
        let Some(frame) = self.frames.last() else {
            return Ok(Step::Done(value));
        };
        let value = match (frame.constructing, value) {
            (Some(object), v) if !matches!(v, Value::Object(_)) => Value::Object(object),
            _ => value,
        };
        let base = frame.base;
        // (Dropped in place: a frame is large enough that moving it out costs.)
        self.frames.truncate(self.frames.len() - 1);
        self.stack.truncate(base.saturating_sub(2));
        self.stack.push(value);
        let depth = self.frames.len();
        // Each native that returns at this depth returns to the native below it, if that one
        // (which called it) is at this depth too.
        while self.natives.last().is_some_and(|n| n.depth == depth) {
            let value = self.pop();
            self.drive_native(ctx, value)?;
            if self.frames.len() > depth {
                return Ok(Step::Continue);
            }
        }
        if self.frames.is_empty() {
            return Ok(Step::Done(self.pop()));
        }
        Ok(Step::Continue)
    }

    fn pop(&mut self) -> Value<'gc> {
        self.stack.pop().unwrap_or(Value::Undefined)
    }

    fn push(&mut self, value: Value<'gc>) {
        self.stack.push(value);
    }

    fn top(&self) -> Value<'gc> {
        self.stack.last().copied().unwrap_or(Value::Undefined)
    }

    /// Runs instructions until the bottom frame returns or fuel runs out. The top frame's
    /// program counter lives in a local while it runs and goes back into the frame whenever
    /// the loop leaves (an exception needs it to find a handler; a call, to come back).
    fn step(&mut self, ctx: Ctx<'gc>, fuel: &mut i64) -> Result<'gc, Step<'gc>> {
        // Both counters are locals of this function, and `execute` is inlined into it, so the
        // compiler can keep them in registers (when the loop leaves it enough of them).
        let mut pc = self.frames.last().map_or(0, |frame| frame.pc);
        let mut fuel_left = *fuel;
        let result = self.execute(ctx, &mut fuel_left, &mut pc);
        *fuel = fuel_left;
        if let Some(frame) = self.frames.last_mut() {
            frame.pc = pc;
        }
        result
    }

    /// The dispatch loop. `pc` is always the program counter of the top frame: a call saves
    /// the caller's into its frame and starts the callee's at 0; a return restores the
    /// caller's. Calls and returns between JavaScript functions stay in this loop (only the
    /// frame-local copies below are reloaded), so they never recurse on the Rust stack.
    #[inline(always)]
    fn execute(&mut self, ctx: Ctx<'gc>, fuel: &mut i64, pc: &mut usize) -> Result<'gc, Step<'gc>> {
        'frames: loop {
            let top = self.frames.len() - 1;
            let code = self.frames[top].code;
            let base = self.frames[top].base;
            let strict = code.proto.strict;
            let ops_list: &[Op] = &code.proto.code;
            // Fuel is one unit per instruction, but paid in bulk at the places where control
            // goes back or between functions, rather than instruction by instruction: a
            // backward jump pays for the instructions it jumps back over (the loop body just
            // run), a return for the whole code of the function returning, a call one unit.
            // Every endless run passes through those places, so a slice always ends; and it
            // ends where the program counter is already saved.
            macro_rules! charge {
                ($units:expr) => {{
                    *fuel -= $units as i64;
                    if *fuel <= 0 {
                        return Ok(Step::OutOfFuel);
                    }
                }};
            }
            // Jumps to `target`, paying for a backward jump.
            macro_rules! jump {
                ($target:expr) => {{
                    let from = *pc;
                    *pc = $target as usize;
                    if *pc < from {
                        charge!(from - *pc);
                    }
                }};
            }
            // Leaves the current frame for the one now on top (after a call or a return),
            // paying `units` of fuel.
            macro_rules! switch_frame {
                ($units:expr) => {{
                    *pc = self.frames.last().map_or(0, |frame| frame.pc);
                    charge!($units);
                    continue 'frames;
                }};
            }
            // Returns `value` from the current frame.
            macro_rules! return_value {
                ($value:expr) => {{
                    match self.return_from_frame(ctx, $value) {
                        Ok(Step::Continue) => switch_frame!(ops_list.len().max(1)),
                        Ok(done) => return Ok(done),
                        Err(throw) => {
                            // A resumable native the value went to threw: the exception is
                            // the caller's, at the caller's program counter.
                            *pc = self.frames.last().map_or(0, |frame| frame.pc);
                            return Err(throw);
                        }
                    }
                }};
            }
            loop {
                let Some(&op) = ops_list.get(*pc) else {
                    return_value!(Value::Undefined);
                };
                *pc += 1;
                match op {
                    Op::Undefined => self.push(Value::Undefined),
                    Op::Null => self.push(Value::Null),
                    Op::True => self.push(Value::Bool(true)),
                    Op::False => self.push(Value::Bool(false)),
                    Op::Int { value } => self.push(Value::Number(f64::from(value))),
                    Op::Const { index } => {
                        let value = code
                            .constants
                            .get(index as usize)
                            .copied()
                            .unwrap_or(Value::Undefined);
                        self.push(value);
                    }
                    Op::Regex { index } => {
                        let Some(crate::bytecode::Constant::Regex { pattern, flags }) =
                            code.proto.constants.get(index as usize)
                        else {
                            return Err(
                                ctx.type_error("internal error: missing regular expression")
                            );
                        };
                        let regexp = crate::builtins::regexp::new_regexp(ctx, pattern, flags)?;
                        self.push(Value::Object(regexp));
                    }
                    Op::Closure { index } => {
                        let Some(&child) = code.functions.get(index as usize) else {
                            return Err(ctx.type_error("internal error: missing function"));
                        };
                        let env = self.frames[top].env;
                        let function = Closure::new_function(ctx, child, env);
                        self.push(Value::Object(function));
                    }
                    Op::This => {
                        let this = self.frames[top].this;
                        self.push(this);
                    }
                    Op::NewObject => {
                        let object =
                            Object::new(&ctx, Some(ctx.realm().object_prototype), Class::Object);
                        self.push(Value::Object(object));
                    }
                    Op::InitProp { name, ic } => {
                        let value = self.pop();
                        if let Value::Object(object) = self.top() {
                            init_property(ctx, code, name, ic, object, value);
                        }
                    }
                    Op::InitGetter { name } | Op::InitSetter { name } => {
                        let function = self.pop().as_object();
                        if let Value::Object(object) = self.top() {
                            let key = code.name(name);
                            let (mut get, mut set) = match object.own_property(key) {
                                Some(Property {
                                    slot: Slot::Accessor { get, set },
                                    ..
                                }) => (get, set),
                                _ => (None, None),
                            };
                            if matches!(op, Op::InitGetter { .. }) {
                                get = function;
                            } else {
                                set = function;
                            }
                            object.set_own(
                                &ctx,
                                key,
                                Property {
                                    slot: Slot::Accessor { get, set },
                                    attributes: Attributes::new(false, true, true),
                                },
                            );
                        }
                    }
                    Op::NewArray { length } => {
                        let array =
                            Object::new(&ctx, Some(ctx.realm().array_prototype), Class::Array);
                        array.set_own_value(
                            &ctx,
                            ctx.realm().atoms.length,
                            Value::Number(f64::from(length)),
                            Attributes::new(true, false, false),
                        );
                        self.push(Value::Object(array));
                    }
                    Op::InitElement { index } => {
                        let value = self.pop();
                        if let Value::Object(array) = self.top() {
                            array.set_own_value(
                                &ctx,
                                PropertyKey::Index(index),
                                value,
                                Attributes::ALL,
                            );
                        }
                    }
                    Op::Pop => {
                        self.pop();
                    }
                    Op::Dup => {
                        let value = self.top();
                        self.push(value);
                    }
                    Op::Dup2 => {
                        let len = self.stack.len();
                        let (a, b) = (self.stack[len - 2], self.stack[len - 1]);
                        self.push(a);
                        self.push(b);
                    }
                    Op::Swap => {
                        let len = self.stack.len();
                        self.stack.swap(len - 1, len - 2);
                    }
                    Op::GetLocal { index } => {
                        let value = self.stack[base + index as usize];
                        self.push(value);
                    }
                    Op::SetLocal { index } => {
                        let value = self.top();
                        self.stack[base + index as usize] = value;
                    }
                    Op::GetLocal2 { a, b } => {
                        let (a, b) = (self.stack[base + a as usize], self.stack[base + b as usize]);
                        self.push(a);
                        self.push(b);
                    }
                    Op::PutLocal { index } => {
                        let value = self.pop();
                        self.stack[base + index as usize] = value;
                    }
                    Op::GetEnv { depth, index } => {
                        let value = self.env_at(ctx, top, depth)?.slot(ctx, index)?;
                        self.push(value);
                    }
                    Op::SetEnv { depth, index } => {
                        let value = self.top();
                        self.env_at(ctx, top, depth)?.set_slot(&ctx, index, value);
                    }
                    Op::PutEnv { depth, index } => {
                        let value = self.pop();
                        self.env_at(ctx, top, depth)?.set_slot(&ctx, index, value);
                    }
                    Op::GetGlobal { name, ic } => {
                        let key = code.name(name);
                        let global = ctx.realm().global;
                        if let Some(value) = code.caches.get_global(ic, global, key) {
                            self.push(value);
                            continue;
                        }
                        let value = match global.find_property(key) {
                            None => return Err(not_defined(ctx, key)),
                            Some((
                                _,
                                Property {
                                    slot: Slot::Data(value),
                                    ..
                                },
                            )) => value,
                            Some(_) => ops::get(ctx, Value::Object(global), key)?,
                        };
                        self.push(value);
                    }
                    Op::SetGlobal { name, ic } => {
                        let value = self.top();
                        set_global(ctx, code, name, ic, value, strict)?;
                    }
                    Op::PutGlobal { name, ic } => {
                        let value = self.pop();
                        set_global(ctx, code, name, ic, value, strict)?;
                    }
                    Op::TypeofGlobal { name } => {
                        let key = code.name(name);
                        let global = ctx.realm().global;
                        let value = if global.find_property(key).is_some() {
                            ops::get(ctx, Value::Object(global), key)?
                        } else {
                            Value::Undefined
                        };
                        self.push(ctx.string(value.type_of()));
                    }
                    Op::GetName { name } => {
                        let key = code.name(name);
                        match self.lookup_name(ctx, top, key)? {
                            Some(value) => self.push(value),
                            None => return Err(not_defined(ctx, key)),
                        }
                    }
                    Op::TypeofName { name } => {
                        let key = code.name(name);
                        let value = self.lookup_name(ctx, top, key)?.unwrap_or(Value::Undefined);
                        self.push(ctx.string(value.type_of()));
                    }
                    Op::SetName { name } => {
                        let key = code.name(name);
                        let value = self.top();
                        self.assign_name(ctx, top, key, value, strict)?;
                    }
                    Op::ResolveName { name } => {
                        let key = code.name(name);
                        let reference = self.resolve_reference(ctx, top, key);
                        self.push(reference);
                    }
                    Op::GetRef { name } => {
                        let key = code.name(name);
                        let reference = self.top();
                        let value = self.read_reference(ctx, top, reference, key)?;
                        self.push(value);
                    }
                    Op::SetRef { name } => {
                        let key = code.name(name);
                        let value = self.pop();
                        let reference = self.pop();
                        self.write_reference(ctx, top, reference, key, value, strict)?;
                        self.push(value);
                    }
                    Op::DeleteName { name } => {
                        let key = code.name(name);
                        let deleted = self.delete_name(ctx, top, key)?;
                        self.push(Value::Bool(deleted));
                    }
                    Op::DeclareVar { name } => {
                        let key = code.name(name);
                        self.declare_var(ctx, top, key, None)?;
                    }
                    Op::DeclareFunction { name } => {
                        let function = self.pop();
                        let key = code.name(name);
                        self.declare_var(ctx, top, key, Some(function))?;
                    }
                    Op::EnterVarEnv => {
                        let frame = &mut self.frames[top];
                        let env = Env::new(
                            ctx,
                            frame.env,
                            EnvKind::Declarative {
                                slots: Vec::new(),
                                code,
                                scope: super::EVAL_VAR_SCOPE,
                            },
                        );
                        frame.env = Some(env);
                        frame.env_count += 1;
                    }
                    Op::EnterEnv { scope } => {
                        let count = code
                            .proto
                            .scopes
                            .get(scope as usize)
                            .map_or(0, |s| s.names.len());
                        let frame = &mut self.frames[top];
                        let env = Env::new(
                            ctx,
                            frame.env,
                            EnvKind::Declarative {
                                slots: vec![Value::Undefined; count],
                                code,
                                scope,
                            },
                        );
                        frame.env = Some(env);
                        frame.env_count += 1;
                    }
                    Op::EnterWith => {
                        let value = self.pop();
                        let object = ops::to_object(ctx, value)?;
                        let frame = &mut self.frames[top];
                        frame.env = Some(Env::new(ctx, frame.env, EnvKind::With(object)));
                        frame.env_count += 1;
                    }
                    Op::LeaveEnv => {
                        let frame = &mut self.frames[top];
                        frame.env = frame.env.and_then(|e| e.parent());
                        frame.env_count = frame.env_count.saturating_sub(1);
                    }
                    Op::Arguments => {
                        let arguments = self.arguments_object(ctx, top);
                        self.push(Value::Object(arguments));
                    }
                    Op::Callee => {
                        let function = self.frames[top].function;
                        self.push(Value::Object(function));
                    }
                    Op::GetProp { name, ic } => {
                        let object = self.pop();
                        let key = code.name(name);
                        let cached = match object {
                            Value::Object(o) => code.caches.get(ctx, ic, o, key),
                            _ => None,
                        };
                        let value = match cached {
                            Some(value) => value,
                            None => ops::get(ctx, object, key)?,
                        };
                        self.push(value);
                    }
                    Op::SetProp { name, ic } => {
                        let value = self.pop();
                        let object = self.pop();
                        set_property(ctx, code, name, ic, object, value, strict)?;
                        self.push(value);
                    }
                    Op::PutProp { name, ic } => {
                        let value = self.pop();
                        let object = self.pop();
                        set_property(ctx, code, name, ic, object, value, strict)?;
                    }
                    Op::GetIndex => {
                        let key = self.pop();
                        let object = self.pop();
                        if let Some(value) = object.as_object().and_then(|o| o.fast_element(key)) {
                            self.push(value);
                            continue;
                        }
                        if object.is_nullish() {
                            let key = ops::to_property_key(ctx, key)?;
                            return Err(ops::get(ctx, object, key)
                                .err()
                                .unwrap_or_else(|| ctx.type_error("null")));
                        }
                        let key = ops::to_property_key(ctx, key)?;
                        let value = ops::get(ctx, object, key)?;
                        self.push(value);
                    }
                    Op::PutIndex => {
                        let value = self.pop();
                        let key = self.pop();
                        let object = self.pop();
                        set_index(ctx, object, key, value, strict)?;
                    }
                    Op::SetIndex => {
                        let value = self.pop();
                        let key = self.pop();
                        let object = self.pop();
                        set_index(ctx, object, key, value, strict)?;
                        self.push(value);
                    }
                    Op::DeleteProp { name } => {
                        let object = self.pop();
                        let object = ops::to_object(ctx, object)?;
                        let deleted = ops::delete(ctx, object, code.name(name), strict)?;
                        self.push(Value::Bool(deleted));
                    }
                    Op::DeleteIndex => {
                        let key = self.pop();
                        let object = self.pop();
                        let object = ops::to_object(ctx, object)?;
                        let key = ops::to_property_key(ctx, key)?;
                        let deleted = ops::delete(ctx, object, key, strict)?;
                        self.push(Value::Bool(deleted));
                    }
                    Op::Add => {
                        let b = self.pop();
                        let a = self.pop();
                        let value = ops::add(ctx, a, b)?;
                        self.push(value);
                    }
                    Op::Sub | Op::Mul | Op::Div | Op::Mod => {
                        let b = self.pop();
                        let a = self.pop();
                        let (x, y) = match (a, b) {
                            (Value::Number(x), Value::Number(y)) => (x, y),
                            _ => {
                                let x = ops::to_number(ctx, a)?;
                                (x, ops::to_number(ctx, b)?)
                            }
                        };
                        let result = match op {
                            Op::Sub => x - y,
                            Op::Mul => x * y,
                            Op::Div => x / y,
                            _ => convert::remainder(x, y),
                        };
                        self.push(Value::Number(result));
                    }
                    Op::Shl | Op::Shr | Op::UShr | Op::BitAnd | Op::BitOr | Op::BitXor => {
                        let b = self.pop();
                        let a = self.pop();
                        let x = ops::to_number(ctx, a)?;
                        let y = ops::to_number(ctx, b)?;
                        let (i, j) = (convert::to_int32(x), convert::to_uint32(y));
                        let result = match op {
                            Op::Shl => f64::from(i.wrapping_shl(j & 31)),
                            Op::Shr => f64::from(i >> (j & 31)),
                            Op::UShr => f64::from(convert::to_uint32(x) >> (j & 31)),
                            Op::BitAnd => f64::from(i & convert::to_int32(y)),
                            Op::BitOr => f64::from(i | convert::to_int32(y)),
                            _ => f64::from(i ^ convert::to_int32(y)),
                        };
                        self.push(Value::Number(result));
                    }
                    Op::Eq | Op::NotEq => {
                        let b = self.pop();
                        let a = self.pop();
                        let equal = ops::loose_equals(ctx, a, b)?;
                        self.push(Value::Bool(equal == matches!(op, Op::Eq)));
                    }
                    Op::StrictEq | Op::StrictNotEq => {
                        let b = self.pop();
                        let a = self.pop();
                        let equal = ops::strict_equals(ctx, a, b);
                        self.push(Value::Bool(equal == matches!(op, Op::StrictEq)));
                    }
                    Op::Lt | Op::Gt | Op::LtEq | Op::GtEq => {
                        let b = self.pop();
                        let a = self.pop();
                        let result = match (op, a, b) {
                            (Op::Lt, Value::Number(x), Value::Number(y)) => x < y,
                            (Op::Gt, Value::Number(x), Value::Number(y)) => x > y,
                            (Op::LtEq, Value::Number(x), Value::Number(y)) => x <= y,
                            (Op::GtEq, Value::Number(x), Value::Number(y)) => x >= y,
                            // 11.8.1-4: `a > b` is `b < a`; `a <= b` is `!(b < a)` unless NaN.
                            (Op::Lt, _, _) => ops::less_than(ctx, a, b, true)? == Some(true),
                            (Op::Gt, _, _) => ops::less_than(ctx, b, a, false)? == Some(true),
                            (Op::LtEq, _, _) => ops::less_than(ctx, b, a, false)? == Some(false),
                            _ => ops::less_than(ctx, a, b, true)? == Some(false),
                        };
                        self.push(Value::Bool(result));
                    }
                    Op::In => {
                        let object = self.pop();
                        let key = self.pop();
                        let Value::Object(object) = object else {
                            return Err(ctx
                                .type_error("Cannot use 'in' operator to search in a non-object"));
                        };
                        // A present element answers at once (the self-hosted array methods
                        // ask `k in O` for every element).
                        let found = object.fast_element(key).is_some() || {
                            let key = ops::to_property_key(ctx, key)?;
                            ops::has_property(object, key)
                        };
                        self.push(Value::Bool(found));
                    }
                    Op::Instanceof => {
                        let constructor = self.pop();
                        let value = self.pop();
                        let result = ops::instance_of(ctx, value, constructor)?;
                        self.push(Value::Bool(result));
                    }
                    Op::Neg => {
                        let a = self.pop();
                        let x = ops::to_number(ctx, a)?;
                        self.push(Value::Number(-x));
                    }
                    Op::ToNumber => {
                        let a = self.pop();
                        let x = ops::to_number(ctx, a)?;
                        self.push(Value::Number(x));
                    }
                    Op::BitNot => {
                        let a = self.pop();
                        let x = ops::to_number(ctx, a)?;
                        self.push(Value::Number(f64::from(!convert::to_int32(x))));
                    }
                    Op::Not => {
                        let a = self.pop();
                        self.push(Value::Bool(!a.to_boolean()));
                    }
                    Op::Typeof => {
                        let a = self.pop();
                        self.push(ctx.string(a.type_of()));
                    }
                    Op::UpdateLocal { index, step } => {
                        let slot = base + index as usize;
                        let x = ops::to_number(ctx, self.stack[slot])?;
                        self.stack[slot] = Value::Number(x + f64::from(step));
                    }
                    Op::PostUpdateLocal { index, step } => {
                        let slot = base + index as usize;
                        let x = ops::to_number(ctx, self.stack[slot])?;
                        self.stack[slot] = Value::Number(x + f64::from(step));
                        self.push(Value::Number(x));
                    }
                    Op::Inc | Op::Dec => {
                        let a = self.pop();
                        let x = ops::to_number(ctx, a)?;
                        let step = if matches!(op, Op::Inc) { 1.0 } else { -1.0 };
                        self.push(Value::Number(x + step));
                    }
                    Op::Jump { target } => jump!(target),
                    Op::JumpIfFalse { target } => {
                        if !self.pop().to_boolean() {
                            jump!(target);
                        }
                    }
                    Op::JumpIfTrue { target } => {
                        if self.pop().to_boolean() {
                            jump!(target);
                        }
                    }
                    Op::JumpIfFalseOrPop { target } => {
                        if self.top().to_boolean() {
                            self.pop();
                        } else {
                            jump!(target);
                        }
                    }
                    Op::JumpIfTrueOrPop { target } => {
                        if self.top().to_boolean() {
                            jump!(target);
                        } else {
                            self.pop();
                        }
                    }
                    Op::ForInStart => {
                        let value = self.pop();
                        let iterator = self.for_in_iterator(ctx, value)?;
                        self.push(Value::Object(iterator));
                    }
                    Op::ForInNext { done } => {
                        let iterator = self.pop();
                        match next_key(ctx, iterator) {
                            Some(key) => self.push(key),
                            None => *pc = done as usize,
                        }
                    }
                    Op::CallEval { argc } if self.is_real_eval(ctx, argc as usize) => {
                        self.frames[top].pc = *pc;
                        self.direct_eval(ctx, top, argc as usize)?;
                        if self.frames.len() != top + 1 {
                            switch_frame!(1);
                        }
                    }
                    Op::Call { argc } | Op::CallEval { argc } => {
                        self.frames[top].pc = *pc;
                        self.call(ctx, argc as usize, None)?;
                        if self.suspended {
                            return Ok(Step::Suspended);
                        }
                        if self.frames.len() != top + 1 {
                            switch_frame!(1);
                        }
                    }
                    Op::New { argc } => {
                        let argc = argc as usize;
                        let callee = self.stack[self.stack.len() - argc - 1];
                        let object = self.construct_this(ctx, callee)?;
                        let at = self.stack.len() - argc;
                        self.stack.insert(at, Value::Object(object));
                        self.frames[top].pc = *pc;
                        self.call(ctx, argc, Some(object))?;
                        if self.suspended {
                            return Ok(Step::Suspended);
                        }
                        if self.frames.len() != top + 1 {
                            switch_frame!(1);
                        }
                    }
                    Op::Return => {
                        let value = self.pop();
                        return_value!(value);
                    }
                    Op::Throw => return Err(Throw(self.pop())),
                    Op::ThrowInvalidTarget => {
                        return Err(ctx.reference_error("Invalid left-hand side in assignment"))
                    }
                    Op::Debugger => {}
                }
            }
        }
    }

    /// Declares a `var` (or binds a function, with `function`) of global or eval code in its
    /// variable environment (10.5 steps 5 and 8).
    fn declare_var(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
        function: Option<Value<'gc>>,
    ) -> Result<'gc, ()> {
        let frame = &self.frames[top];
        let is_eval = frame.code.proto.kind == crate::bytecode::proto::ProtoKind::Eval;
        let strict = frame.code.proto.strict;
        // Eval code's bindings can be deleted; global code's cannot (configurableBindings).
        let attributes = Attributes::new(true, true, is_eval);
        let mut env = if is_eval { frame.env } else { None };
        while let Some(e) = env {
            if e.is_variable_environment() {
                break;
            }
            env = e.parent();
        }
        let Some(env) = env else {
            let global = ctx.realm().global;
            match (global.own_property(key), function) {
                (None, value) => {
                    global.set_own_value(&ctx, key, value.unwrap_or(Value::Undefined), attributes)
                }
                (Some(p), Some(value)) if p.attributes.configurable() => {
                    global.set_own_value(&ctx, key, value, attributes)
                }
                (Some(_), Some(value)) => ops::put(ctx, Value::Object(global), key, value, strict)?,
                (Some(_), None) => {}
            }
            return Ok(());
        };
        match find_in_env(ctx, env, key) {
            EnvHit::Slot(..) | EnvHit::Object(_) => {
                if let Some(value) = function {
                    self.assign_in(ctx, env, key, value, strict)?;
                }
            }
            EnvHit::Miss => {
                let extra = {
                    let existing = env.0.borrow().extra;
                    match existing {
                        Some(extra) => extra,
                        None => {
                            let extra = Object::new(&ctx, None, Class::Object);
                            env.0.borrow_mut(&ctx).extra = Some(extra);
                            extra
                        }
                    }
                };
                extra.set_own_value(&ctx, key, function.unwrap_or(Value::Undefined), attributes);
            }
        }
        Ok(())
    }

    /// Whether the callee of a `CallEval` is the realm's own `eval` (only then is the call a
    /// direct eval, 15.1.2.1.1).
    fn is_real_eval(&self, ctx: Ctx<'gc>, argc: usize) -> bool {
        let callee = self.stack[self.stack.len() - argc - 2];
        callee.as_object() == Some(ctx.realm().eval_function)
    }

    /// A direct `eval(source)`: compiles the source as eval code and runs it in a new frame
    /// that shares the caller's scope chain and `this`. A non-string argument is the result.
    fn direct_eval(&mut self, ctx: Ctx<'gc>, top: usize, argc: usize) -> Result<'gc, ()> {
        let args_at = self.stack.len() - argc;
        let argument = if argc > 0 {
            self.stack[args_at]
        } else {
            Value::Undefined
        };
        self.stack.truncate(args_at);
        let Value::String(text) = argument else {
            // Leave the value where the call's result goes.
            self.stack.truncate(args_at - 2);
            self.push(argument);
            return Ok(());
        };
        let caller = &self.frames[top];
        let strict = caller.code.proto.strict;
        let code =
            crate::builtins::compile_eval_code(ctx, text, strict, caller.code.origin.clone())?;
        if self.frames.len() >= MAX_FRAMES {
            return Err(ctx.range_error("Maximum call stack size exceeded"));
        }
        let caller = &self.frames[top];
        let (function, this, env) = (caller.function, caller.this, caller.env);
        // The callee and `this` slots stay below the frame, as for any call.
        let base = self.stack.len();
        self.stack
            .resize(base + code.proto.register_count as usize, Value::Undefined);
        self.frames.push(Frame {
            function,
            code,
            pc: 0,
            base,
            this,
            env,
            env_count: 0,
            args: None,
            arguments: None,
            constructing: None,
        });
        Ok(())
    }

    /// Assigns `key` in environment `env` (which has it), leaving the rest of the chain alone.
    fn assign_in(
        &mut self,
        ctx: Ctx<'gc>,
        env: Env<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        strict: bool,
    ) -> Result<'gc, ()> {
        let hit = find_in_env(ctx, env, key);
        store_at(ctx, env, hit, key, value, strict)
    }

    /// The environment `depth` links up from the frame's innermost one (where `GetEnv` and
    /// `SetEnv` find a captured variable).
    #[inline]
    fn env_at(&self, ctx: Ctx<'gc>, top: usize, depth: u16) -> Result<'gc, Env<'gc>> {
        let env = self.frames[top].env;
        let env = if depth == 0 {
            env
        } else {
            env.and_then(|e| e.up(depth))
        };
        env.ok_or_else(|| ctx.reference_error("internal error: missing environment"))
    }

    /// Looks `key` up along the frame's scope chain, then on the global object.
    fn lookup_name(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
    ) -> Result<'gc, Option<Value<'gc>>> {
        let mut env = self.frames[top].env;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                EnvHit::Slot(_, value) => return Ok(Some(value)),
                EnvHit::Object(object) => {
                    return ops::get(ctx, Value::Object(object), key).map(Some)
                }
                EnvHit::Miss => env = e.parent(),
            }
        }
        let global = ctx.realm().global;
        if global.find_property(key).is_some() {
            return ops::get(ctx, Value::Object(global), key).map(Some);
        }
        Ok(None)
    }

    fn assign_name(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        strict: bool,
    ) -> Result<'gc, ()> {
        let mut env = self.frames[top].env;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                EnvHit::Miss => env = e.parent(),
                hit => return store_at(ctx, e, hit, key, value, strict),
            }
        }
        let global = ctx.realm().global;
        if strict && global.find_property(key).is_none() {
            return Err(not_defined(ctx, key));
        }
        ops::put(ctx, Value::Object(global), key, value, strict)
    }

    /// Where `key` is bound now (see `Op::ResolveName`): the holding object, the depth of the
    /// declarative environment that has it, or `null` when it is unbound.
    fn resolve_reference(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
    ) -> Value<'gc> {
        let mut env = self.frames[top].env;
        let mut depth = 0.0;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                EnvHit::Slot(..) => return Value::Number(depth),
                EnvHit::Object(object) => return Value::Object(object),
                EnvHit::Miss => {
                    env = e.parent();
                    depth += 1.0;
                }
            }
        }
        let global = ctx.realm().global;
        if global.find_property(key).is_some() {
            Value::Object(global)
        } else {
            Value::Null
        }
    }

    /// GetValue through a reference from `resolve_reference`.
    fn read_reference(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        reference: Value<'gc>,
        key: PropertyKey<'gc>,
    ) -> Result<'gc, Value<'gc>> {
        match reference {
            Value::Object(object) => ops::get(ctx, Value::Object(object), key),
            Value::Number(depth) => {
                let env = self.frames[top].env.and_then(|e| e.up(depth as u16));
                match env.map(|e| find_in_env(ctx, e, key)) {
                    Some(EnvHit::Slot(_, value)) => Ok(value),
                    Some(EnvHit::Object(object)) => ops::get(ctx, Value::Object(object), key),
                    _ => Ok(Value::Undefined),
                }
            }
            _ => Err(not_defined(ctx, key)),
        }
    }

    /// PutValue through a reference from `resolve_reference` (8.7.2).
    fn write_reference(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        reference: Value<'gc>,
        key: PropertyKey<'gc>,
        value: Value<'gc>,
        strict: bool,
    ) -> Result<'gc, ()> {
        match reference {
            Value::Object(object) => ops::put(ctx, Value::Object(object), key, value, strict),
            Value::Number(depth) => match self.frames[top].env.and_then(|e| e.up(depth as u16)) {
                Some(env) => self.assign_in(ctx, env, key, value, strict),
                None => Ok(()),
            },
            // Unresolvable: sloppy code creates a global, strict code may not (8.7.2 step 3).
            _ if strict => Err(not_defined(ctx, key)),
            _ => ops::put(ctx, Value::Object(ctx.realm().global), key, value, false),
        }
    }

    fn delete_name(
        &mut self,
        ctx: Ctx<'gc>,
        top: usize,
        key: PropertyKey<'gc>,
    ) -> Result<'gc, bool> {
        let mut env = self.frames[top].env;
        while let Some(e) = env {
            match find_in_env(ctx, e, key) {
                EnvHit::Slot(..) => return Ok(false),
                EnvHit::Object(object) => return ops::delete(ctx, object, key, false),
                EnvHit::Miss => env = e.parent(),
            }
        }
        ops::delete(ctx, ctx.realm().global, key, false)
    }

    /// The frame's `arguments` object, made on first use. (Its elements are a copy: sloppy
    /// code's aliasing of parameters comes later.)
    fn arguments_object(&mut self, ctx: Ctx<'gc>, top: usize) -> Object<'gc> {
        if let Some(arguments) = self.frames[top].arguments {
            return arguments;
        }
        let realm = ctx.realm();
        let frame = &self.frames[top];
        let args: &[Value<'gc>] = frame.args.as_deref().unwrap_or_default();
        let slots = &frame.code.proto.argument_slots;
        let map = match frame.env {
            Some(env) if !slots.is_empty() => {
                // Only the parameters that were passed are mapped (10.6 step 11).
                let mut mapped: Vec<Option<u16>> = slots.clone();
                mapped.truncate(args.len());
                Some(Box::new(crate::object::ArgumentsMap { env, slots: mapped }))
            }
            _ => None,
        };
        let arguments = Object::new(&ctx, Some(realm.object_prototype), Class::Arguments(map));
        for (i, value) in args.iter().enumerate() {
            arguments.set_own_value(&ctx, PropertyKey::Index(i as u32), *value, Attributes::ALL);
        }
        arguments.set_own_value(
            &ctx,
            realm.atoms.length,
            Value::Number(args.len() as f64),
            Attributes::HIDDEN,
        );
        if !frame.code.proto.strict {
            arguments.set_own_value(
                &ctx,
                realm.atoms.callee,
                Value::Object(frame.function),
                Attributes::HIDDEN,
            );
        } else {
            // 10.6 step 14: a strict `arguments` has poisoned `caller` and `callee`.
            realm.define_thrower(ctx, arguments, realm.atoms.caller);
            realm.define_thrower(ctx, arguments, realm.atoms.callee);
        }
        self.frames[top].arguments = Some(arguments);
        arguments
    }

    /// The object `new callee(...)` starts from: its prototype is `callee.prototype`.
    fn construct_this(&mut self, ctx: Ctx<'gc>, callee: Value<'gc>) -> Result<'gc, Object<'gc>> {
        let Some(function) = callee.as_object() else {
            return Err(ctx.type_error(&format!(
                "{} is not a constructor",
                ops::display_string(ctx, callee)
            )));
        };
        // 15.3.4.5.2: constructing a bound function constructs its target.
        let mut function = function;
        while let Class::Bound { target, .. } = function.borrow().class {
            function = target;
        }
        let constructible = matches!(
            function.borrow().class,
            Class::Closure(_)
                | Class::Native {
                    constructor: true,
                    ..
                }
        );
        if !constructible {
            return Err(ctx.type_error(&format!(
                "{} is not a constructor",
                ops::display_string(ctx, callee)
            )));
        }
        let prototype = match ops::get(ctx, Value::Object(function), ctx.realm().atoms.prototype)? {
            Value::Object(p) => p,
            _ => ctx.realm().object_prototype,
        };
        Ok(Object::new(&ctx, Some(prototype), Class::Object))
    }

    /// The keys a for-in loop over `value` visits: enumerable properties of the object and its
    /// prototypes, each name once.
    fn for_in_iterator(&mut self, ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, Object<'gc>> {
        let mut keys = Vec::new();
        let object = if value.is_nullish() {
            None
        } else {
            Some(ops::to_object(ctx, value)?)
        };
        let mut seen = std::collections::HashSet::new();
        let mut current = object;
        while let Some(o) = current {
            if let Class::String(s) = o.borrow().class {
                for i in 0..s.len() as u32 {
                    if seen.insert(PropertyKey::Index(i)) {
                        keys.push(PropertyKey::Index(i));
                    }
                }
            }
            let data = o.borrow();
            for key in data.properties.keys() {
                let enumerable = data
                    .properties
                    .get(key)
                    .is_some_and(|p| p.attributes.enumerable());
                if seen.insert(key) && enumerable {
                    keys.push(key);
                }
            }
            current = data.prototype;
        }
        Ok(Object::new(
            &ctx,
            None,
            Class::ForIn {
                keys,
                next: 0,
                object,
            },
        ))
    }
}

/// Defines property `name` (constant `name` of `code`) of a new object literal, through
/// inline cache `ic`. (Not inlined: the dispatch loop keeps its registers.)
#[inline(never)]
fn init_property<'gc>(
    ctx: Ctx<'gc>,
    code: Gc<'gc, Code<'gc>>,
    name: u32,
    ic: u16,
    object: Object<'gc>,
    value: Value<'gc>,
) {
    code.caches.define(&ctx, ic, object, code.name(name), value);
}

/// `object.name = value` (constant `name` of `code`, through inline cache `ic`).
fn set_property<'gc>(
    ctx: Ctx<'gc>,
    code: Gc<'gc, Code<'gc>>,
    name: u32,
    ic: u16,
    object: Value<'gc>,
    value: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    let key = code.name(name);
    match object {
        Value::Object(o) if code.caches.put(ctx, ic, o, key, value) => Ok(()),
        _ => ops::put(ctx, object, key, value, strict),
    }
}

/// `object[key] = value`.
fn set_index<'gc>(
    ctx: Ctx<'gc>,
    object: Value<'gc>,
    key: Value<'gc>,
    value: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    match object {
        Value::Object(o) if o.fast_set_element(&ctx, key, value) => Ok(()),
        _ => {
            let key = ops::to_property_key(ctx, key)?;
            ops::put(ctx, object, key, value, strict)
        }
    }
}

/// Assigns global variable `name` (constant `name` of `code`, through inline cache `ic`):
/// sloppy code creates a missing global, strict code throws a ReferenceError.
fn set_global<'gc>(
    ctx: Ctx<'gc>,
    code: Gc<'gc, Code<'gc>>,
    name: u32,
    ic: u16,
    value: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    let key = code.name(name);
    let global = ctx.realm().global;
    if code.caches.put_global(&ctx, ic, global, key, value) {
        return Ok(());
    }
    if strict && global.find_property(key).is_none() {
        return Err(not_defined(ctx, key));
    }
    ops::put(ctx, Value::Object(global), key, value, strict)
}

/// The next key of a for-in iterator, skipping keys deleted since the loop started.
fn next_key<'gc>(ctx: Ctx<'gc>, iterator: Value<'gc>) -> Option<Value<'gc>> {
    let iterator = iterator.as_object()?;
    loop {
        let (key, object) = {
            let mut data = iterator.borrow_mut(&ctx);
            let Class::ForIn { keys, next, object } = &mut data.class else {
                return None;
            };
            let key = *keys.get(*next)?;
            *next += 1;
            (key, *object)
        };
        if object.is_some_and(|o| ops::has_property(o, key)) {
            return Some(Value::String(ops::key_to_string(ctx, key)));
        }
    }
}

/// What an environment holds for a name.
enum EnvHit<'gc> {
    /// A declarative environment's slot: its index and value.
    Slot(usize, Value<'gc>),
    /// A `with` object that has the property.
    Object(Object<'gc>),
    Miss,
}

/// Stores `value` for `key` where `find_in_env` found it in `env`.
fn store_at<'gc>(
    ctx: Ctx<'gc>,
    env: Env<'gc>,
    hit: EnvHit<'gc>,
    key: PropertyKey<'gc>,
    value: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    match hit {
        EnvHit::Slot(index, _) => {
            if let EnvKind::Declarative { slots, .. } = &mut env.0.borrow_mut(&ctx).kind {
                if let Some(slot) = slots.get_mut(index) {
                    *slot = value;
                }
            }
            Ok(())
        }
        EnvHit::Object(object) => ops::put(ctx, Value::Object(object), key, value, strict),
        EnvHit::Miss => Ok(()),
    }
}

fn find_in_env<'gc>(ctx: Ctx<'gc>, env: Env<'gc>, key: PropertyKey<'gc>) -> EnvHit<'gc> {
    let data = env.0.borrow();
    match &data.kind {
        EnvKind::Declarative { slots, code, scope } => match slot_of(code, *scope, ctx, key) {
            Some(i) => EnvHit::Slot(i, slots.get(i).copied().unwrap_or(Value::Undefined)),
            None => match data.extra {
                Some(extra) if extra.own_property(key).is_some() => EnvHit::Object(extra),
                _ => EnvHit::Miss,
            },
        },
        EnvKind::With(object) => {
            if ops::has_property(*object, key) {
                EnvHit::Object(*object)
            } else {
                EnvHit::Miss
            }
        }
    }
}

/// Whether `object` is an error: made by an error constructor, or inheriting from
/// `Error.prototype` (as the errors of libraries such as assert's `AssertionError` do).
fn is_error<'gc>(ctx: Ctx<'gc>, object: Object<'gc>) -> bool {
    if matches!(object.borrow().class, Class::Error) {
        return true;
    }
    let error_prototype = ctx.realm().error_prototype;
    let mut next = object.prototype();
    while let Some(prototype) = next {
        if prototype == error_prototype {
            return true;
        }
        next = prototype.prototype();
    }
    false
}

/// The slot index of `key` in scope `scope` of `code`, by name.
fn slot_of<'gc>(
    code: &Gc<'gc, Code<'gc>>,
    scope: u32,
    ctx: Ctx<'gc>,
    key: PropertyKey<'gc>,
) -> Option<usize> {
    let PropertyKey::String(name) = key else {
        return None;
    };
    let name = name.to_rust_string(&ctx);
    code.proto
        .scopes
        .get(scope as usize)?
        .names
        .iter()
        .position(|n| *n == name)
}

/// The ReferenceError for an undeclared name.
fn not_defined<'gc>(ctx: Ctx<'gc>, key: PropertyKey<'gc>) -> Throw<'gc> {
    let name = ops::key_to_string(ctx, key).to_rust_string(&ctx);
    ctx.reference_error(&format!("{name} is not defined"))
}
