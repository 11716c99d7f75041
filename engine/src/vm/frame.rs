//! Frames: what a JavaScript call in progress holds, and how a call pushes a frame and a
//! return pops one.
//!
//! Calls between JavaScript functions push a [`Frame`] and go back to the dispatch loop;
//! returns pop one. Nothing recurses on the Rust stack, so the depth of JavaScript recursion
//! is limited only by [`MAX_FRAMES`]. A native function runs at once, in place of a frame. A
//! resumable native (see `resumable.rs`) gets a [`NativeFrame`], interleaved with the
//! JavaScript frames, and is resumed each time the function it called returns.

use super::executor::{Executor, Step};
use super::ops;
use super::resumable::{NativeState, ResumableStart, Resume, Resumed};
use super::{Closure, Code, Ctx, Env, Request, Throw};
use crate::builtins::function;
use crate::object::BoundFunction;
use crate::object::{Class, NativeFn, Object, Property, PropertyKey, Slot};
use crate::value::Value;
use gc_arena::{Collect, Gc};

/// How deep JavaScript calls may nest before a `RangeError`.
pub const MAX_FRAMES: usize = 50_000;

/// How many resumable natives may wait on one another with no JavaScript frame between them
/// (a sort whose comparator is a bound sort...): each such one is started from the previous
/// one's Rust stack frame.
const MAX_NATIVE_NESTING: usize = 100;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

/// One JavaScript call in progress.
///
/// Most of a call lives on the operand stack, where the caller put it, and is never copied:
/// the callee and `this` (below `base - argc`), the arguments (kept there only when the
/// function uses `arguments`), then the registers from `base` on. The frame itself holds only
/// what the stack cannot: where that is, and the function's code and scope (64 bytes).
#[derive(Collect)]
#[collect(no_drop)]
pub(super) struct Frame<'gc> {
    /// The function object being run (for `arguments.callee` and a function's own name).
    pub(super) function: Object<'gc>,
    pub(super) code: Gc<'gc, Code<'gc>>,
    /// The next instruction.
    pub(super) pc: usize,
    /// Where register 0 is on the operand stack.
    pub(super) base: usize,
    /// The innermost environment, and how many this call has pushed.
    pub(super) env: Option<Env<'gc>>,
    pub(super) env_count: u32,
    /// How many arguments sit on the stack between `this` and the registers: all those
    /// passed when the function uses `arguments` (for the object, made on first use), else 0
    /// (the parameters are the first registers, and extra arguments are dropped).
    pub(super) argc: u32,
    pub(super) arguments: Option<Object<'gc>>,
    /// A `new` call: the object being constructed (in the `this` slot) is returned unless
    /// the function returns an object.
    pub(super) constructing: bool,
}

impl Frame<'_> {
    /// Where the callee is on the operand stack; `this` is just above it, and the call's
    /// result replaces both when the frame returns.
    #[inline]
    pub(super) fn callee_at(&self) -> usize {
        self.base - self.argc as usize - 2
    }

    /// Where the arguments kept for `arguments` are on the operand stack.
    #[inline]
    pub(super) fn args_at(&self) -> usize {
        self.base - self.argc as usize
    }
}

/// What `function` is for the common paths of a call: a closure (`Ok`), a native (`Err(Some)`),
/// or anything else (`Err(None)`: bound functions, arrows, callable regexps, non-functions),
/// which takes the general path.
#[inline(always)]
fn plain_callee(function: Object<'_>) -> std::result::Result<Closure<'_>, Option<NativeFn>> {
    match &function.borrow().class {
        Class::Closure(closure) => Ok(*closure),
        Class::Native { function, .. } => Err(Some(*function)),
        _ => Err(None),
    }
}

/// Whether `native` is `Function.prototype.call` or `apply`, whose arguments the general
/// path moves on the stack instead of calling them.
#[inline(always)]
fn spreads(native: NativeFn) -> bool {
    std::ptr::fn_addr_eq(native, function::CALL) || std::ptr::fn_addr_eq(native, function::APPLY)
}

/// A resumable native in progress (see [`super::resumable`]). It sits above the first
/// `depth` frames: the JavaScript function it calls gets frame `depth`, and when that frame
/// returns, the native is resumed.
pub(super) struct NativeFrame {
    pub(super) resume: Resume,
    /// Where the values of its state start on the operand stack (they run to the top of the
    /// stack whenever it is resumed).
    pub(super) base: usize,
    /// The numbers of its state.
    pub(super) numbers: Box<[usize]>,
    pub(super) depth: usize,
}

impl<'gc> Executor<'gc> {
    /// Calls the function below `argc` arguments and a `this` value on the stack. A
    /// JavaScript function gets a new frame; a native one runs at once and its result replaces
    /// the callee, `this` and arguments.
    pub(super) fn call(
        &mut self,
        ctx: Ctx<'gc>,
        argc: usize,
        constructing: Option<Object<'gc>>,
    ) -> Result<'gc, ()> {
        let callee_at = self.stack.len() - argc - 2;
        // The common cases first, each on a path of its own: a closure, and a native that
        // is not `call` or `apply` (which move their arguments, below).
        if let Value::Object(function) = self.stack[callee_at] {
            match plain_callee(function) {
                Ok(closure) => return self.push_frame(ctx, function, closure, argc, constructing),
                Err(Some(native)) if constructing.is_some() || !spreads(native) => {
                    return self.call_native(ctx, native, callee_at, constructing);
                }
                Err(_) => {}
            }
        }
        self.call_other(ctx, argc, constructing)
    }

    /// [`Executor::call`] from the dispatch loop (`Op::Call`): a closure's frame is pushed
    /// inline, without the call into [`Executor::call`] and the `Result` it hands back
    /// through memory. A native other than `call` and `apply` goes straight to
    /// [`Executor::call_plain_native`].
    #[inline(always)]
    pub(super) fn call_in_loop(&mut self, ctx: Ctx<'gc>, argc: usize) -> Result<'gc, ()> {
        let callee_at = self.stack.len() - argc - 2;
        if let Value::Object(function) = self.stack[callee_at] {
            match plain_callee(function) {
                Ok(closure) => return self.push_frame(ctx, function, closure, argc, None),
                Err(Some(native)) if !spreads(native) => {
                    return self.call_plain_native(ctx, native, callee_at);
                }
                Err(_) => {}
            }
        }
        self.call(ctx, argc, None)
    }

    /// [`Executor::call_native`] of a native called plainly (not by `new`), out of the
    /// dispatch loop's way.
    #[inline(never)]
    fn call_plain_native(
        &mut self,
        ctx: Ctx<'gc>,
        native: NativeFn,
        callee_at: usize,
    ) -> Result<'gc, ()> {
        self.call_native(ctx, native, callee_at, None)
    }

    /// [`Executor::call`] of anything but a closure.
    #[inline(never)]
    fn call_other(
        &mut self,
        ctx: Ctx<'gc>,
        mut argc: usize,
        constructing: Option<Object<'gc>>,
    ) -> Result<'gc, ()> {
        let callee_at = self.stack.len() - argc - 2;
        // Round again after `call`, `apply` or a bound function put another callee in place.
        loop {
            let (function, class) = self.callee_class(ctx, callee_at, &mut argc, constructing)?;
            let native = match class {
                Ok(closure) => {
                    return self.push_frame(ctx, function, closure, argc, constructing);
                }
                Err(None) => return Err(ctx.type_error("object is not a function")),
                Err(Some(native)) => native,
            };
            if constructing.is_none() {
                if std::ptr::fn_addr_eq(native, function::CALL) {
                    argc = self.spread_call(ctx, callee_at, argc)?;
                    continue;
                }
                if std::ptr::fn_addr_eq(native, function::APPLY) {
                    argc = self.spread_apply(ctx, callee_at, argc)?;
                    continue;
                }
            }
            return self.call_native(ctx, native, callee_at, constructing);
        }
    }

    /// What the callee below `argc` arguments is: a closure (`Ok`), a native function, or
    /// not a function (`Err(None)`). A bound function is replaced by its target, with its
    /// bound arguments and `this` put in place.
    #[inline(always)]
    fn callee_class(
        &mut self,
        ctx: Ctx<'gc>,
        callee_at: usize,
        argc: &mut usize,
        constructing: Option<Object<'gc>>,
    ) -> Result<
        'gc,
        (
            Object<'gc>,
            std::result::Result<Closure<'gc>, Option<NativeFn>>,
        ),
    > {
        loop {
            let callee = self.stack[callee_at];
            let Some(function) = callee.as_object() else {
                return Err(ctx.type_error(&format!(
                    "{} is not a function",
                    ops::display_string(ctx, callee)
                )));
            };
            let class = match &function.borrow().class {
                Class::Closure(closure) => Ok(*closure),
                // Whatever `this` the call gave, an arrow function sees its own.
                Class::Arrow(arrow) => {
                    self.stack[callee_at + 1] = arrow.this;
                    Ok(arrow.closure)
                }
                Class::Native { function, .. } => Err(Some(*function)),
                // V8 of 2010 let a script call a regular expression: `re(s)` is `re.exec(s)`.
                // (It is no function otherwise: `typeof` says "object", as ES5 wants.)
                Class::RegExp(_) if constructing.is_none() && ctx.realm().v8_regexps.get() => {
                    self.stack[callee_at + 1] = Value::Object(function);
                    Err(Some(crate::builtins::regexp::exec as NativeFn))
                }
                // 15.3.4.5.1-2: a bound function calls (or constructs) its target with the
                // bound arguments first and, unless constructing, the bound `this`.
                Class::Bound(bound) => {
                    let BoundFunction { target, this, args } = &**bound;
                    self.stack[callee_at] = Value::Object(*target);
                    if constructing.is_none() {
                        self.stack[callee_at + 1] = *this;
                    }
                    let at = callee_at + 2;
                    self.stack.splice(at..at, args.iter().copied());
                    *argc += args.len();
                    continue;
                }
                _ => Err(None),
            };
            return Ok((function, class));
        }
    }

    /// `f.call(thisArg, a, b)` (15.3.4.4) without copying its arguments into a list: the
    /// stack's `[call, f, thisArg, a, b]` becomes `[f, thisArg, a, b]`, a call of `f`.
    /// Returns the new argument count.
    fn spread_call(&mut self, ctx: Ctx<'gc>, callee_at: usize, argc: usize) -> Result<'gc, usize> {
        let target = self.stack[callee_at + 1];
        if !target.as_object().is_some_and(|f| f.is_callable()) {
            return Err(ctx.type_error("Function.prototype.call called on a non-function"));
        }
        self.stack.remove(callee_at);
        if argc == 0 {
            // No `thisArg`: undefined.
            self.stack.push(Value::Undefined);
            return Ok(0);
        }
        Ok(argc - 1)
    }

    /// `f.apply(thisArg, list)` (15.3.4.3) without building a list: the elements of `list`
    /// go straight onto the stack as the arguments of a call of `f`. Returns their count.
    fn spread_apply(&mut self, ctx: Ctx<'gc>, callee_at: usize, argc: usize) -> Result<'gc, usize> {
        let target = self.stack[callee_at + 1];
        if !target.as_object().is_some_and(|f| f.is_callable()) {
            return Err(ctx.type_error("Function.prototype.apply called on a non-function"));
        }
        let arg = |i: usize| match i < argc {
            true => self.stack[callee_at + 2 + i],
            false => Value::Undefined,
        };
        let (this, list) = (arg(0), arg(1));
        self.stack.truncate(callee_at);
        self.stack.push(target);
        self.stack.push(this);
        let array = match list {
            Value::Undefined | Value::Null => return Ok(0),
            Value::Object(array) => array,
            _ => return Err(ctx.type_error("CreateListFromArrayLike called on non-object")),
        };
        // 4-8. The arguments are argArray[0 .. ToUint32(argArray.length)).
        let length = ops::get(ctx, list, ctx.realm().atoms.length)?;
        let length = crate::convert::to_uint32(ops::to_number(ctx, length)?);
        if length > function::MAX_APPLY_ARGUMENTS {
            return Err(ctx.range_error("Maximum call stack size exceeded"));
        }
        for i in 0..length {
            let value = match array.fast_element(Value::Number(f64::from(i))) {
                Some(value) => value,
                None => ops::get(ctx, list, PropertyKey::Index(i))?,
            };
            self.stack.push(value);
        }
        Ok(length as usize)
    }

    /// Runs the native function below the arguments at once; its result replaces the
    /// callee, `this` and the arguments.
    #[inline(always)]
    fn call_native(
        &mut self,
        ctx: Ctx<'gc>,
        native: NativeFn,
        callee_at: usize,
        constructing: Option<Object<'gc>>,
    ) -> Result<'gc, ()> {
        let this = constructing.map_or(self.stack[callee_at + 1], Value::Object);
        let native_ctx = Ctx {
            constructing: constructing.is_some(),
            ..ctx
        };
        // The arguments are read in place: a native never touches this executor.
        let result = native(&native_ctx, this, &self.stack[callee_at + 2..]);
        // Almost no native asks for anything: a flag says so, without touching the request.
        if ctx.has_request() {
            return self.native_requested(ctx, result, callee_at, constructing);
        }
        let result = result?;
        self.stack.truncate(callee_at);
        self.stack.push(match (constructing, result) {
            (Some(object), value) if !matches!(value, Value::Object(_)) => Value::Object(object),
            _ => result,
        });
        Ok(())
    }

    /// The end of [`Executor::call_native`] when the native left a [`Request`] (a tail call,
    /// a resumable native, a stack to capture, a suspension).
    #[inline(never)]
    fn native_requested(
        &mut self,
        ctx: Ctx<'gc>,
        result: Result<'gc, Value<'gc>>,
        callee_at: usize,
        constructing: Option<Object<'gc>>,
    ) -> Result<'gc, ()> {
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
            Some(Request::CaptureStack { object, until }) => {
                self.capture_stack(ctx, object, until);
            }
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

    /// Pushes the frame of a call of `closure`. (Always inlined into [`Executor::call`]'s
    /// path for closures: it is most of a call.)
    #[inline(always)]
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
        // A function of a bytecode image runs its whole code, decoded on its first call.
        let Some(code) = Code::callable(closure.code, ctx) else {
            return Err(ctx.type_error("internal error: a function's code does not decode"));
        };
        let proto = &code.proto;
        let args_at = self.stack.len() - argc;
        // Registers: the parameters (missing ones undefined, extra ones dropped), then the
        // rest, all undefined. The arguments are already where the parameters go, unless the
        // function uses `arguments`: then they all stay where they are, for the object, and
        // the registers start above them with a copy of the parameters.
        let params = argc.min(proto.param_count as usize);
        let (base, kept) = if proto.uses_arguments {
            let base = self.stack.len();
            self.stack.extend_from_within(args_at..args_at + params);
            (base, argc)
        } else {
            if argc > params {
                self.stack.truncate(args_at + params);
            }
            (args_at, 0)
        };
        // (`extend` with an exact-size iterator: one capacity check for all the registers,
        // where `resize` was a call of its own in builds without LTO.)
        let (len, end) = (self.stack.len(), base + proto.register_count as usize);
        if end > len {
            self.stack
                .extend(std::iter::repeat_n(Value::Undefined, end - len));
        } else if end < len {
            self.stack.truncate(end);
        }
        if !proto.strict {
            // Sloppy functions see the global object for a missing `this`, and objects for
            // primitives (10.4.3). (A constructed object is in the slot already.)
            let this = self.stack[args_at - 1];
            if !matches!(this, Value::Object(_)) {
                self.stack[args_at - 1] = match this {
                    Value::Undefined | Value::Null => Value::Object(ctx.root.realm.global),
                    primitive => Value::Object(ops::to_object(ctx, primitive)?),
                };
            }
        }
        self.frames.push(Frame {
            function,
            code,
            pc: 0,
            base,
            env: closure.env,
            env_count: 0,
            argc: kept as u32,
            arguments: None,
            constructing: constructing.is_some(),
        });
        Ok(())
    }

    /// The `this` of frame `at` (in its slot on the stack, already made an object in sloppy
    /// code).
    #[inline]
    pub(super) fn this_of(&self, at: usize) -> Value<'gc> {
        self.stack[self.frames[at].callee_at() + 1]
    }

    /// Starts a resumable native (the callee, `this` and arguments of the native that asked
    /// for it are already gone): its state goes on top of the stack, and it runs until it
    /// calls a JavaScript function or returns.
    pub(super) fn start_native(
        &mut self,
        ctx: Ctx<'gc>,
        start: ResumableStart<'gc>,
    ) -> Result<'gc, ()> {
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
    pub(super) fn return_from_frame(
        &mut self,
        ctx: Ctx<'gc>,
        value: Value<'gc>,
    ) -> Result<'gc, Step<'gc>> {
        // The common case, inline: a call (not `new`) returning to the frame below it, with
        // no resumable native waiting. The result takes the callee's slot.
        let depth = self.frames.len();
        if depth > 1 && self.natives.is_empty() && !self.frames[depth - 1].constructing {
            let callee_at = self.frames[depth - 1].callee_at();
            self.frames.truncate(depth - 1);
            self.stack.truncate(callee_at + 1);
            self.stack[callee_at] = value;
            return Ok(Step::Continue);
        }
        self.return_other(ctx, value)
    }

    /// [`Executor::return_from_frame`] from the bottom frame, from a `new` call, or to a
    /// resumable native.
    #[inline(never)]
    fn return_other(&mut self, ctx: Ctx<'gc>, value: Value<'gc>) -> Result<'gc, Step<'gc>> {
        let Some(frame) = self.frames.last() else {
            return Ok(Step::Done(value));
        };
        let callee_at = frame.callee_at();
        let value = match value {
            // `new` returns the object it made (in the `this` slot) unless the function
            // returned another object.
            Value::Object(_) => value,
            _ if frame.constructing => self.stack[callee_at + 1],
            _ => value,
        };
        self.frames.truncate(self.frames.len() - 1);
        self.stack.truncate(callee_at);
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

    /// The object `new callee(...)` starts from: its prototype is `callee.prototype`.
    #[inline]
    pub(super) fn construct_this(
        &mut self,
        ctx: Ctx<'gc>,
        callee: Value<'gc>,
    ) -> Result<'gc, Object<'gc>> {
        let Some(function) = callee.as_object() else {
            return Err(ctx.type_error(&format!(
                "{} is not a constructor",
                ops::display_string(ctx, callee)
            )));
        };
        // 15.3.4.5.2: constructing a bound function constructs its target.
        let mut function = function;
        while let Some(target) = function.bound_target() {
            function = target;
        }
        let constructible = match &function.borrow().class {
            Class::Closure(closure) => !closure.code.proto.method,
            Class::Native { constructor, .. } => *constructor,
            // Arrow functions (and everything else) are not constructors.
            _ => false,
        };
        if !constructible {
            return Err(ctx.type_error(&format!(
                "{} is not a constructor",
                ops::display_string(ctx, callee)
            )));
        }
        // A constructor's `prototype` is nearly always its own data property (made at its
        // first `new`): read in place, without the generic [[Get]] (a tenth of `new P(a, b)`).
        let key = ctx.realm().atoms.prototype;
        let own = match function.borrow().properties.get(key) {
            Some(Property {
                slot: Slot::Data(value),
                ..
            }) => Some(value),
            _ => None,
        };
        let prototype = match own {
            Some(value) => value,
            None => ops::get(ctx, Value::Object(function), key)?,
        };
        let prototype = match prototype {
            Value::Object(p) => p,
            _ => ctx.realm().object_prototype,
        };
        Ok(Object::new(&ctx, Some(prototype), Class::Object))
    }
}

#[cfg(test)]
mod tests {
    /// A call writes its frame whole: keep it small (the callee, `this` and the arguments
    /// live on the operand stack instead).
    #[test]
    fn a_frame_is_small() {
        assert!(std::mem::size_of::<super::Frame<'static>>() <= 64);
    }

    /// An environment with the one or two variables a closure typically captures is one
    /// allocation: its slots are inline.
    #[test]
    fn an_environment_is_one_allocation() {
        use crate::vm::code::{EnvData, Slots};
        let slots = Slots::new(2);
        assert!(matches!(slots, Slots::Inline { .. }));
        assert_eq!(slots.len(), 2);
        assert!(matches!(Slots::new(3), Slots::Boxed(_)));
        assert!(std::mem::size_of::<EnvData<'static>>() <= 72);
    }
}
