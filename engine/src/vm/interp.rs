//! The interpreter: the dispatch loop that runs a function's instructions, one `match` arm
//! per instruction, for a bounded amount of fuel.
//!
//! This file is meant to be read top to bottom: `step` sets up a slice, `execute` is the loop,
//! and the few helpers after it are the property assignments the loop calls. What the loop
//! leans on lives beside it: the [`Executor`] and its entry points in `executor.rs`, calls
//! and returns in `frame.rs`, exceptions in `unwind.rs`, names looked up at run time in
//! `names.rs`, direct `eval` in `eval.rs`, `arguments` in `arguments.rs`, `for-in` in
//! `for_in.rs`, and the spec's abstract operations (conversions, operators, property access)
//! in `ops`.
//!
//! A call between JavaScript functions pushes a frame and the loop carries on in the callee;
//! a return pops it and carries on in the caller; a throw leaves the loop for `unwind`. None
//! of them recurses on the Rust stack.

use super::cache::Found;
use super::code::{Env, EnvKind};
use super::executor::{Executor, Step};
use super::for_in::next_key;
use super::lexical;
use super::names::{not_defined, set_global};
use super::ops;
use super::{Arrow, Closure, Code, Ctx, Throw};
use crate::bytecode::Op;
use crate::convert;
use crate::object::{Attributes, Class, Object, Property, PropertyKey, Slot};
use crate::value::Value;
use gc_arena::Gc;

type Result<'gc, T> = std::result::Result<T, Throw<'gc>>;

impl<'gc> Executor<'gc> {
    pub(super) fn pop(&mut self) -> Value<'gc> {
        self.stack.pop().unwrap_or(Value::Undefined)
    }

    pub(super) fn push(&mut self, value: Value<'gc>) {
        self.stack.push(value);
    }

    /// Pops the two operands of a binary operator: `(a, b)` for `a op b`. (Two `pop`s: a
    /// slice pattern and one `truncate` measured 3% more instructions on mandelbrot.)
    #[inline(always)]
    fn pop2(&mut self) -> (Value<'gc>, Value<'gc>) {
        let b = self.pop();
        let a = self.pop();
        (a, b)
    }

    /// Pops the two operands of an arithmetic operator and converts them with ToNumber, left
    /// first (11.5, 11.6.2, 11.7): two numbers, the usual case, without a call.
    #[inline(always)]
    fn pop2_numbers(&mut self, ctx: Ctx<'gc>) -> Result<'gc, (f64, f64)> {
        match self.pop2() {
            (Value::Number(x), Value::Number(y)) => Ok((x, y)),
            (a, b) => Ok((ops::to_number(ctx, a)?, ops::to_number(ctx, b)?)),
        }
    }

    /// The two operands of a binary operator when both are numbers, read where they lie on
    /// the operand stack, each as its tag and its 8-byte number. (Popped whole, a value is one
    /// 16-byte load, which cannot be forwarded from the two 8-byte stores that pushed a
    /// computed number just before: the load waits for the stores to reach the cache, and
    /// the arithmetic of numeric loops is mostly such chains.)
    #[inline(always)]
    fn top2_numbers(&self) -> Option<(f64, f64)> {
        match self.stack.as_slice() {
            [.., Value::Number(x), Value::Number(y)] => Some((*x, *y)),
            _ => None,
        }
    }

    /// Replaces a binary operator's two operands, on top of the stack, by its result.
    #[inline(always)]
    fn replace2(&mut self, result: Value<'gc>) {
        // (`pop`s, not `truncate`: `Vec::truncate` was a call, not inlined, in builds without
        // LTO; the value popped is not read.)
        self.stack.pop();
        if let Some(slot) = self.stack.last_mut() {
            *slot = result;
        }
    }

    /// Pops the top value; a number is read as its tag and its 8-byte number (see
    /// [`Self::top2_numbers`]: a number just computed is usually what an assignment pops).
    #[inline(always)]
    fn pop_split(&mut self) -> Value<'gc> {
        let value = match self.stack.last() {
            Some(&Value::Number(x)) => Value::Number(x),
            Some(&value) => value,
            None => Value::Undefined,
        };
        self.stack.pop();
        value
    }

    /// Drops a binary operator's two operands (read in place by [`Self::top2_numbers`]).
    #[inline(always)]
    fn drop2(&mut self) {
        self.stack.pop();
        self.stack.pop();
    }

    pub(super) fn top(&self) -> Value<'gc> {
        self.stack.last().copied().unwrap_or(Value::Undefined)
    }

    /// Runs instructions until the bottom frame returns or fuel runs out. The top frame's
    /// program counter lives in a local while it runs and goes back into the frame whenever
    /// the loop leaves (an exception needs it to find a handler; a call, to come back).
    pub(super) fn step(&mut self, ctx: Ctx<'gc>, fuel: &mut i64) -> Result<'gc, Step<'gc>> {
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
            // Where `this` is (below the arguments kept for `arguments`, if any).
            let this_at = self.frames[top].callee_at() + 1;
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
            // `object.name` through inline cache `ic` (`GetProp`, and the pairs that end in
            // one below): an own property of an object with a shape inline, the rest (other
            // cached properties, getters, the general path) in `get_named`.
            macro_rules! get_prop {
                ($object:expr, $name:expr, $ic:expr) => {{
                    let object = $object;
                    let own = match object {
                        Value::Object(o) => code.caches.get_own($ic, o),
                        _ => None,
                    };
                    match own {
                        Some(value) => value,
                        None => self.get_named(ctx, code, object, $name, $ic)?,
                    }
                }};
            }
            // A comparison of the two operands on top of the stack: `$numbers` of the two
            // numbers read in place (see `top2_numbers`), else `$general` of the two popped.
            macro_rules! compare {
                (|$x:ident, $y:ident| $numbers:expr, |$a:ident, $b:ident| $general:expr) => {
                    match self.top2_numbers() {
                        Some(($x, $y)) => {
                            self.drop2();
                            $numbers
                        }
                        None => {
                            let ($a, $b) = self.pop2();
                            $general
                        }
                    }
                };
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
                        let regexp = crate::builtins::regexp::literal(ctx, code, index)?;
                        self.push(Value::Object(regexp));
                    }
                    Op::Closure { index } => {
                        let Some(child) = Code::function(code, ctx, index) else {
                            return Err(ctx.type_error("internal error: missing function"));
                        };
                        // A function that uses nothing around it keeps nothing alive.
                        let env = match child.proto.env_free {
                            true => None,
                            false => self.frames[top].env,
                        };
                        let function = match child.proto.arrow {
                            true => Arrow::new_function(ctx, child, env, self.stack[this_at]),
                            false => Closure::new_function(ctx, child, env),
                        };
                        self.push(Value::Object(function));
                    }
                    Op::This => {
                        let this = self.stack[this_at];
                        // `this.name`, a fifth of what OO programs run (richards, deltablue):
                        // both instructions in one dispatch, with no push and pop between.
                        // (The pair as it runs, not a new instruction: the bytecode, a jump
                        // to the `GetProp` and an exception it throws are as they were; under
                        // --trace-exec or --stats a `Trace` sits between the two, so each runs
                        // and is counted alone.)
                        if let Some(&Op::GetProp { name, ic }) = ops_list.get(*pc) {
                            *pc += 1;
                            let value = get_prop!(this, name, ic);
                            self.push(value);
                            continue;
                        }
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
                    Op::InitProto => {
                        let prototype = match self.pop() {
                            Value::Object(prototype) => Some(Some(prototype)),
                            Value::Null => Some(None),
                            _ => None,
                        };
                        if let (Some(prototype), Value::Object(object)) = (prototype, self.top()) {
                            // A fresh object is extensible and in no chain: this cannot fail.
                            object.set_prototype_of(&ctx, prototype);
                        }
                    }
                    Op::InitGetter { name } | Op::InitSetter { name } => {
                        let function = self.pop().as_object();
                        if let Value::Object(object) = self.top() {
                            let key = code.name(name);
                            let (mut get, mut set) = match object.own_property(ctx, key) {
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
                        array
                            .borrow_mut(&ctx)
                            .properties
                            .reserve_elements(length as usize);
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
                        // `Dup; GetProp; Swap`, the start of every method call
                        // (`object.name(...)` leaves the function, then `this`), in one
                        // dispatch, as `This; GetProp` above. (The program counter passes the
                        // `GetProp` before it runs, as it would alone, for an exception it
                        // throws.)
                        if let (Some(&Op::GetProp { name, ic }), Some(Op::Swap)) =
                            (ops_list.get(*pc), ops_list.get(*pc + 1))
                        {
                            *pc += 1;
                            let function = get_prop!(value, name, ic);
                            *pc += 1;
                            let len = self.stack.len();
                            self.stack[len - 1] = function;
                            self.push(value);
                            continue;
                        }
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
                        let slot = base + index as usize;
                        match self.stack.last() {
                            // (A number copied as its two halves: see `pop_split`.)
                            Some(&Value::Number(x)) => self.stack[slot] = Value::Number(x),
                            Some(&value) => self.stack[slot] = value,
                            None => self.stack[slot] = Value::Undefined,
                        }
                    }
                    Op::GetLocal2 { a, b } => {
                        let (a, b) = (self.stack[base + a as usize], self.stack[base + b as usize]);
                        self.push(a);
                        self.push(b);
                    }
                    Op::PutLocal { index } => {
                        let slot = base + index as usize;
                        match self.stack.last() {
                            // (A number stored as its two halves: see `pop_split`.)
                            Some(&Value::Number(x)) => self.stack[slot] = Value::Number(x),
                            Some(&value) => self.stack[slot] = value,
                            None => self.stack[slot] = Value::Undefined,
                        }
                        self.stack.pop();
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
                        let value = match global.find_property(ctx, key) {
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
                        let value = if global.find_property(ctx, key).is_some() {
                            ops::get(ctx, Value::Object(global), key)?
                        } else {
                            Value::Undefined
                        };
                        self.push(ctx.realm().type_of(value));
                    }
                    Op::GetName { name } => {
                        let key = code.name(name);
                        match self.lookup_name(ctx, top, key)? {
                            Some(value) => self.push(value),
                            None => return Err(not_defined(ctx, key)),
                        }
                    }
                    Op::GetNameThis { name } => {
                        let key = code.name(name);
                        match self.lookup_name_and_this(ctx, top, key)? {
                            Some((value, this)) => {
                                self.push(value);
                                self.push(this);
                            }
                            None => return Err(not_defined(ctx, key)),
                        }
                    }
                    Op::TypeofName { name } => {
                        let key = code.name(name);
                        let value = self.lookup_name(ctx, top, key)?.unwrap_or(Value::Undefined);
                        self.push(ctx.realm().type_of(value));
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
                                slots: super::code::Slots::new(0),
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
                                slots: super::code::Slots::new(count),
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
                        let value = get_prop!(object, name, ic);
                        self.push(value);
                    }
                    Op::SetProp { name, ic } => {
                        let value = self.pop();
                        let object = self.pop();
                        let done = matches!(object, Value::Object(o) if code.caches.put_own(&ctx, ic, o, value));
                        if !done {
                            set_property(ctx, code, name, ic, object, value, strict)?;
                        }
                        self.push(value);
                    }
                    Op::PutProp { name, ic } => {
                        let value = self.pop();
                        let object = self.pop();
                        // (An own property's hit inline; the rest is a call.)
                        if let Value::Object(o) = object {
                            if code.caches.put_own(&ctx, ic, o, value) {
                                continue;
                            }
                        }
                        set_property(ctx, code, name, ic, object, value, strict)?;
                    }
                    Op::GetIndex => {
                        let key = self.pop();
                        let object = self.pop();
                        // (`fast_element` is inlined here: called, it handed its value back
                        // through memory in two halves that the push then read whole, and
                        // that store-to-load forward stalled on every element read.)
                        if let Value::Object(o) = object {
                            if let Some(value) = o.fast_element(key) {
                                self.push(value);
                                continue;
                            }
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
                        let value = self.pop_split();
                        let key = self.pop();
                        let object = self.pop();
                        // (The element fast path inlined, as for `GetIndex`; the rest is a call.)
                        if let Value::Object(o) = object {
                            if o.fast_set_element(&ctx, key, value) {
                                continue;
                            }
                        }
                        set_index(ctx, object, key, value, strict)?;
                    }
                    Op::SetIndex => {
                        let value = self.pop();
                        let key = self.pop();
                        let object = self.pop();
                        let done = matches!(object, Value::Object(o) if o.fast_set_element(&ctx, key, value));
                        if !done {
                            set_index(ctx, object, key, value, strict)?;
                        }
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
                    // The arithmetic and comparison instructions each have an arm of their
                    // own with the all-number case first and inline: a second `match` on the
                    // instruction inside a shared arm costs a dispatch of its own, and these
                    // are most of what numeric loops run.
                    Op::Add => {
                        if let Some((x, y)) = self.top2_numbers() {
                            self.replace2(Value::Number(x + y));
                            continue;
                        }
                        let (a, b) = self.pop2();
                        let value = match (a, b) {
                            (Value::Number(x), Value::Number(y)) => Value::Number(x + y),
                            _ => ops::add(ctx, a, b)?,
                        };
                        self.push(value);
                    }
                    Op::Sub => {
                        if let Some((x, y)) = self.top2_numbers() {
                            self.replace2(Value::Number(x - y));
                            continue;
                        }
                        let (x, y) = self.pop2_numbers(ctx)?;
                        self.push(Value::Number(x - y));
                    }
                    Op::Mul => {
                        if let Some((x, y)) = self.top2_numbers() {
                            self.replace2(Value::Number(x * y));
                            continue;
                        }
                        let (x, y) = self.pop2_numbers(ctx)?;
                        self.push(Value::Number(x * y));
                    }
                    Op::Div => {
                        if let Some((x, y)) = self.top2_numbers() {
                            self.replace2(Value::Number(x / y));
                            continue;
                        }
                        let (x, y) = self.pop2_numbers(ctx)?;
                        self.push(Value::Number(x / y));
                    }
                    Op::Mod => {
                        if let Some((x, y)) = self.top2_numbers() {
                            self.replace2(Value::Number(convert::remainder(x, y)));
                            continue;
                        }
                        let (x, y) = self.pop2_numbers(ctx)?;
                        self.push(Value::Number(convert::remainder(x, y)));
                    }
                    Op::Shl | Op::Shr | Op::UShr | Op::BitAnd | Op::BitOr | Op::BitXor => {
                        let in_place = self.top2_numbers();
                        let (x, y) = match in_place {
                            Some(numbers) => numbers,
                            None => self.pop2_numbers(ctx)?,
                        };
                        let (i, j) = (convert::to_int32(x), convert::to_int32(y));
                        let result = match op {
                            Op::BitAnd => f64::from(i & j),
                            Op::BitOr => f64::from(i | j),
                            Op::BitXor => f64::from(i ^ j),
                            // Shift counts are ToUint32 & 31, which is ToInt32 & 31.
                            Op::Shl => f64::from(i.wrapping_shl(j as u32 & 31)),
                            Op::Shr => f64::from(i >> (j & 31)),
                            _ => f64::from((i as u32) >> (j & 31)),
                        };
                        if in_place.is_some() {
                            self.replace2(Value::Number(result));
                        } else {
                            self.push(Value::Number(result));
                        }
                    }
                    Op::Eq | Op::NotEq => {
                        let b = self.pop();
                        let a = self.pop();
                        let equal = loose_equals(ctx, a, b)?;
                        self.push(Value::Bool(equal == matches!(op, Op::Eq)));
                    }
                    Op::StrictEq | Op::StrictNotEq => {
                        let equal = compare!(|x, y| x == y, |a, b| ops::strict_equals(ctx, a, b));
                        self.push(Value::Bool(equal == matches!(op, Op::StrictEq)));
                    }
                    // 11.8.1-4: `a > b` is `b < a`; `a <= b` is `!(b < a)` unless NaN.
                    Op::Lt => {
                        let result = compare!(|x, y| x < y, |a, b| {
                            ops::less_than(ctx, a, b, true)? == Some(true)
                        });
                        self.push(Value::Bool(result));
                    }
                    Op::Gt => {
                        let result = compare!(|x, y| x > y, |a, b| {
                            ops::less_than(ctx, b, a, false)? == Some(true)
                        });
                        self.push(Value::Bool(result));
                    }
                    Op::LtEq => {
                        let result = compare!(|x, y| x <= y, |a, b| {
                            ops::less_than(ctx, b, a, false)? == Some(false)
                        });
                        self.push(Value::Bool(result));
                    }
                    Op::GtEq => {
                        let result = compare!(|x, y| x >= y, |a, b| {
                            ops::less_than(ctx, a, b, true)? == Some(false)
                        });
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
                            ops::has_property(ctx, object, key)
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
                        self.push(ctx.realm().type_of(a));
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
                    // A comparison and the conditional jump on its result, in one (the
                    // compiler fuses them): the same cases as the comparisons above.
                    Op::JumpIfNotLt { target } => {
                        let result = compare!(|x, y| x < y, |a, b| {
                            ops::less_than(ctx, a, b, true)? == Some(true)
                        });
                        if !result {
                            jump!(target);
                        }
                    }
                    Op::JumpIfNotLtEq { target } => {
                        let result = compare!(|x, y| x <= y, |a, b| {
                            ops::less_than(ctx, b, a, false)? == Some(false)
                        });
                        if !result {
                            jump!(target);
                        }
                    }
                    Op::JumpIfNotGt { target } => {
                        let result = compare!(|x, y| x > y, |a, b| {
                            ops::less_than(ctx, b, a, false)? == Some(true)
                        });
                        if !result {
                            jump!(target);
                        }
                    }
                    Op::JumpIfNotGtEq { target } => {
                        let result = compare!(|x, y| x >= y, |a, b| {
                            ops::less_than(ctx, a, b, true)? == Some(false)
                        });
                        if !result {
                            jump!(target);
                        }
                    }
                    Op::JumpIfStrictEq { target } | Op::JumpIfStrictNotEq { target } => {
                        let equal = compare!(|x, y| x == y, |a, b| ops::strict_equals(ctx, a, b));
                        if equal == matches!(op, Op::JumpIfStrictEq { .. }) {
                            jump!(target);
                        }
                    }
                    Op::JumpIfEq { target } | Op::JumpIfNotEq { target } => {
                        let (a, b) = self.pop2();
                        let equal = loose_equals(ctx, a, b)?;
                        if equal == matches!(op, Op::JumpIfEq { .. }) {
                            jump!(target);
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
                        self.call_in_loop(ctx, argc as usize)?;
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
                    // `let` and `const` (see `lexical.rs`), out of line: ES5 code never runs
                    // them, and the dispatch loop keeps its registers for what it does run.
                    Op::CopyEnv => self.copy_env(ctx, top),
                    Op::Hole => self.push_hole(ctx),
                    Op::CheckLocal { index, name } => {
                        self.check_local(ctx, code, base + index as usize, name)?
                    }
                    Op::CheckEnv { depth, index } => self.check_env(ctx, top, depth, index)?,
                    Op::ThrowConstAssign => return Err(lexical::const_assignment(ctx)),
                    // Only in code loaded with tracing on (see `trace.rs`): the instruction
                    // before it has run, the one after it is about to.
                    Op::Trace => self.trace_instruction(ctx, *pc),
                }
            }
        }
    }
}

impl<'gc> Executor<'gc> {
    /// `object.name` (constant `name` of `code`) through inline cache `ic`, when the loop's
    /// inline hit (`InlineCaches::get_own`) did not answer. (Not inlined: the dispatch loop
    /// keeps its registers for the hit.)
    #[inline(never)]
    fn get_named(
        &mut self,
        ctx: Ctx<'gc>,
        code: Gc<'gc, Code<'gc>>,
        object: Value<'gc>,
        name: u32,
        ic: u16,
    ) -> Result<'gc, Value<'gc>> {
        if let Value::Object(o) = object {
            if let Some(value) = code.caches.get_inherited_hit(ic, o) {
                return Ok(value);
            }
        }
        let key = code.name(name);
        let cached = match object {
            Value::Object(o) => code.caches.get(ctx, ic, o, key),
            // A string primitive's own properties are its `length` and its indices (never a
            // named key's cache hit); the rest are its prototype's, cached as that object's
            // own (`s.charCodeAt(i)`).
            Value::String(s) if key == ctx.realm().atoms.length => {
                Some(Found::Value(Value::Number(s.len() as f64)))
            }
            Value::String(_) => code.caches.get(ctx, ic, ctx.realm().string_prototype, key),
            _ => None,
        };
        Ok(match cached {
            Some(Found::Value(value)) => value,
            // A getter the cache found (so no own property, no exotic object's special key
            // came first): called as `[[Get]]` would. (`caller` needs the executor's frames:
            // below.)
            Some(Found::Getter(getter)) if key != ctx.realm().atoms.caller => {
                ops::call(ctx, Value::Object(getter), object, &[])?
            }
            _ if key == ctx.realm().atoms.caller => self.get_caller(ctx, object)?,
            _ => ops::get(ctx, object, key)?,
        })
    }
}

/// `==` (11.9.3) with the cases old code compares most first and inline: two numbers, the
/// same object, or `x == null` on an object, `null` or `undefined`.
#[inline(always)]
fn loose_equals<'gc>(ctx: Ctx<'gc>, a: Value<'gc>, b: Value<'gc>) -> Result<'gc, bool> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => Ok(x == y),
        (Value::Object(x), Value::Object(y)) => Ok(x == y),
        (Value::Undefined | Value::Null, Value::Undefined | Value::Null) => Ok(true),
        (Value::Object(_), Value::Undefined | Value::Null)
        | (Value::Undefined | Value::Null, Value::Object(_)) => Ok(false),
        _ => ops::loose_equals(ctx, a, b),
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

/// `object.name = value` (constant `name` of `code`, through inline cache `ic`), once the
/// loop's inline hit (`InlineCaches::put_own`) has declined. (Not inlined: the loop keeps its
/// registers.)
#[inline(never)]
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

/// `object[key] = value` by the general path, once `Object::fast_set_element` (which the loop
/// tries first, inlined) has declined. Kept out of line: it is the rare case.
#[inline(never)]
fn set_index<'gc>(
    ctx: Ctx<'gc>,
    object: Value<'gc>,
    key: Value<'gc>,
    value: Value<'gc>,
    strict: bool,
) -> Result<'gc, ()> {
    let key = ops::to_property_key(ctx, key)?;
    ops::put(ctx, object, key, value, strict)
}
