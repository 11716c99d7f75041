//! The instruction set, defined once.
//!
//! Every instruction is one line of the `opcodes!` table below: its name, its operands, how many
//! values it pops and pushes, and what it does. The macro turns the table into the [`Op`] enum,
//! [`Op::name`], [`Op::stack_effect`] and the operand printing `--dump-bytecode` uses, so the
//! compiler, the interpreter and the disassembler can never disagree about an instruction.
//!
//! The same table numbers the instructions for bytecode images ([`Op::encode`], see
//! `image.rs`).
//!
//! The VM is a stack machine. A function's frame has a fixed number of *registers* (parameters,
//! then `var`s, then compiler temporaries) followed by an operand stack. Variables that inner
//! functions capture live instead in heap *environments* (see `ScopeKind`), reached by
//! `GetEnv`/`SetEnv` with a compile-time (depth, index) pair. Names the compiler cannot resolve
//! (globals, and everything inside `with` or reachable by a direct `eval`) are looked up at run
//! time by name.
//!
//! Operands are small so that an `Op` is 8 bytes: `u32` for indices and jump targets (an index
//! into the code), `u16` pairs where two are needed. `name` operands index the function's
//! constant table, where the property name is stored as a string.

use super::image::{Operand, Reader};

/// Defines [`Op`] from the table: `Name(operand: type, ...) pops => pushes, "what it does"`.
macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $({ $($field:ident : $ty:ty),* })? : $pops:expr => $pushes:expr;
    )*) => {
        /// One instruction of the stack machine. See the table in `opcode.rs` for each one's
        /// meaning and stack effect.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Op {
            $(
                $(#[doc = $doc])*
                $name $({ $($field: $ty),* })?,
            )*
        }

        impl Op {
            /// The instruction's name, as `--dump-bytecode` prints it.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Op::$name { .. } => stringify!($name),)*
                }
            }

            /// How many values the instruction pops from the operand stack and then pushes (on
            /// the path that falls through to the next instruction).
            #[allow(unused_variables)]
            pub fn stack_effect(&self) -> (usize, usize) {
                match *self {
                    $(Op::$name $({ $($field),* })? => ($pops, $pushes),)*
                }
            }

            /// The operands as `name=value` pairs, for the disassembler.
            #[allow(unused_variables, unused_mut)]
            pub fn operands(&self) -> Vec<(&'static str, i64)> {
                match *self {
                    $(Op::$name $({ $($field),* })? => {
                        vec![$($((stringify!($field), $field as i64)),*)?]
                    })*
                }
            }

            /// Appends the instruction to a bytecode image: its opcode (its row in the
            /// table), then its operands (see `image.rs`).
            pub fn encode(&self, out: &mut Vec<u8>) {
                match *self {
                    $(Op::$name $({ $($field),* })? => {
                        out.push(Opcode::$name as u8);
                        $($(Operand::write($field, out);)*)?
                    })*
                }
            }

            /// Reads an instruction written by [`Op::encode`].
            pub fn decode(input: &mut Reader<'_>) -> Option<Op> {
                let opcode = OPCODES.get(usize::from(input.byte()?))?;
                Some(match opcode {
                    $(Opcode::$name => Op::$name $({ $($field: Operand::read(input)?),* })?,)*
                })
            }
        }

        /// Each instruction's row in the table: its opcode in a bytecode image.
        #[derive(Clone, Copy)]
        enum Opcode {
            $($name,)*
        }

        /// The opcodes in table order, to turn a number back into an instruction.
        const OPCODES: &[Opcode] = &[$(Opcode::$name),*];
    };
}

/// How many instructions the table defines (a bytecode image records it, to be refused by a
/// build with a different table).
pub const OPCODE_COUNT: u8 = {
    assert!(OPCODES.len() <= u8::MAX as usize);
    OPCODES.len() as u8
};

opcodes! {
    // ---- Constants and literals -----------------------------------------------------------
    /// Push `undefined`.
    Undefined: 0 => 1;
    /// Push `null`.
    Null: 0 => 1;
    /// Push `true`.
    True: 0 => 1;
    /// Push `false`.
    False: 0 => 1;
    /// Push a small integer.
    Int { value: i32 }: 0 => 1;
    /// Push a number or string from the constant table.
    Const { index: u32 }: 0 => 1;
    /// Push a new RegExp object made from the constant table's regex literal (ES5 makes a new
    /// object each time the literal is evaluated).
    Regex { index: u32 }: 0 => 1;
    /// Push a new closure of the nested function `index`, capturing the current environment.
    Closure { index: u32 }: 0 => 1;
    /// Push the frame's `this` value.
    This: 0 => 1;
    /// Push a new empty object.
    NewObject: 0 => 1;
    /// Define data property `name` on the object below the value: `obj value -> obj`, through
    /// inline cache `ic` (which remembers the shape transition).
    InitProp { name: u32, ic: u16 }: 2 => 1;
    /// Define a getter: `obj function -> obj`.
    InitGetter { name: u32 }: 2 => 1;
    /// Define a setter: `obj function -> obj`.
    InitSetter { name: u32 }: 2 => 1;
    /// `__proto__: value` in a literal (ES2015 B.3.1): an object or null value becomes the
    /// prototype of the object below it; any other value is ignored. `obj value -> obj`.
    InitProto: 2 => 1;
    /// Push a new array of `length` holes.
    NewArray { length: u32 }: 0 => 1;
    /// Store element `index` of the array literal below the value: `array value -> array`.
    InitElement { index: u32 }: 2 => 1;

    // ---- Stack shuffling ------------------------------------------------------------------
    /// Discard the top value.
    Pop: 1 => 0;
    /// `a -> a a`
    Dup: 1 => 2;
    /// `a b -> a b a b`
    Dup2: 2 => 4;
    /// `a b -> b a`
    Swap: 2 => 2;

    // ---- Variables --------------------------------------------------------------------------
    /// Push register `index` (a parameter, `var` or temporary).
    GetLocal { index: u32 }: 0 => 1;
    /// Push registers `a` then `b` (the compiler's fusion of two `GetLocal`s: the operands of
    /// most binary operators).
    GetLocal2 { a: u16, b: u16 }: 0 => 2;
    /// Store the top value in register `index`, leaving it on the stack.
    SetLocal { index: u32 }: 1 => 1;
    /// Pop the top value into register `index` (the compiler's fusion of `SetLocal; Pop`).
    PutLocal { index: u32 }: 1 => 0;
    /// Push slot `index` of the environment `depth` levels up the current scope chain.
    GetEnv { depth: u16, index: u16 }: 0 => 1;
    /// Store the top value in an environment slot, leaving it on the stack.
    SetEnv { depth: u16, index: u16 }: 1 => 1;
    /// Pop the top value into an environment slot (`SetEnv; Pop`).
    PutEnv { depth: u16, index: u16 }: 1 => 0;
    /// Push global variable `name`; a ReferenceError if the global object has no such property.
    /// `ic` is the site's inline cache (see `vm/cache.rs`).
    GetGlobal { name: u32, ic: u16 }: 0 => 1;
    /// Assign global variable `name`, leaving the value. Sloppy code creates a missing global;
    /// strict code throws a ReferenceError.
    SetGlobal { name: u32, ic: u16 }: 1 => 1;
    /// Assign global variable `name` and pop the value (`SetGlobal; Pop`).
    PutGlobal { name: u32, ic: u16 }: 1 => 0;
    /// `typeof name` for a global: "undefined" rather than a ReferenceError when missing.
    TypeofGlobal { name: u32 }: 0 => 1;
    /// Push variable `name`, searching the run-time scope chain (`with` objects, environments
    /// that keep their names because of `eval`, then the global object).
    GetName { name: u32 }: 0 => 1;
    /// `GetName` for a call `name(...)`: push the function, then the `this` the call passes
    /// (the `with` object that has `name`, else `undefined`: 10.2.1.2.6).
    GetNameThis { name: u32 }: 0 => 2;
    /// Assign variable `name` found on the run-time scope chain, leaving the value.
    SetName { name: u32 }: 1 => 1;
    /// `typeof name` on the run-time scope chain.
    TypeofName { name: u32 }: 0 => 1;
    /// Resolve `name` on the run-time scope chain *now* and push a reference to where it was
    /// found (11.13.1 evaluates the left-hand side before the right): the object holding it
    /// (a `with` object, the global object), the environment's depth as a number, or `null`
    /// when it is not found anywhere.
    ResolveName { name: u32 }: 0 => 1;
    /// `ref -> ref value`: read `name` through a reference from `ResolveName`.
    GetRef { name: u32 }: 1 => 2;
    /// `ref value -> value`: assign `name` through a reference from `ResolveName`.
    SetRef { name: u32 }: 2 => 1;
    /// `delete name` (sloppy code): push whether the binding was deleted.
    DeleteName { name: u32 }: 0 => 1;
    /// A `var name` of global or eval code: create the variable in the code's variable
    /// environment (the global object, or the function around a direct `eval`) unless it
    /// exists. Eval code's variables can be deleted; global code's cannot.
    DeclareVar { name: u32 }: 0 => 0;
    /// A `function name() {}` of global or eval code: bind the function in the variable
    /// environment, as `DeclareVar` does.
    DeclareFunction { name: u32 }: 1 => 0;
    /// Strict eval code's start: a fresh variable environment, so its `var`s stay its own.
    EnterVarEnv: 0 => 0;
    /// Push a new declarative environment for the function's scope `scope` (its slots start as
    /// `undefined`) onto the frame's scope chain.
    EnterEnv { scope: u32 }: 0 => 0;
    /// Push an object environment for `with (obj)`: `obj ->`.
    EnterWith: 1 => 0;
    /// Pop the innermost environment of the frame's scope chain.
    LeaveEnv: 0 => 0;
    /// Replace the innermost environment by a copy of it: each iteration of a
    /// `for (let ...; ...; ...)` loop gets bindings of its own (ES2015
    /// CreatePerIterationEnvironment), which closures made in earlier iterations keep.
    CopyEnv: 0 => 0;
    /// Push the hole: what a `let` or `const` holds before its declaration runs (the
    /// temporal dead zone). Scripts never see it: every read that might find it is checked.
    Hole: 0 => 1;
    /// Throw a ReferenceError if register `index` holds the hole (a `let` or `const`, named by
    /// constant `name`, used before its declaration ran).
    CheckLocal { index: u16, name: u32 }: 0 => 0;
    /// Throw a ReferenceError if slot `index` of the environment `depth` links up holds the
    /// hole.
    CheckEnv { depth: u16, index: u16 }: 0 => 0;
    /// Throw the TypeError of an assignment to a `const`.
    ThrowConstAssign: 0 => 0;
    /// Push the frame's `arguments` object (created on first use).
    Arguments: 0 => 1;
    /// Push the function being run (a named function expression's own name refers to it).
    Callee: 0 => 1;

    // ---- Properties -------------------------------------------------------------------------
    /// `obj -> obj[name]`, through inline cache `ic`.
    GetProp { name: u32, ic: u16 }: 1 => 1;
    /// `obj value -> value` after `obj[name] = value`, through inline cache `ic`.
    SetProp { name: u32, ic: u16 }: 2 => 1;
    /// `obj value ->` after `obj[name] = value` (`SetProp; Pop`).
    PutProp { name: u32, ic: u16 }: 2 => 0;
    /// `obj key -> obj[key]`
    GetIndex: 2 => 1;
    /// `obj key value -> value` after `obj[key] = value`.
    SetIndex: 3 => 1;
    /// `obj key value ->` after `obj[key] = value` (`SetIndex; Pop`).
    PutIndex: 3 => 0;
    /// `obj -> bool`: `delete obj.name`.
    DeleteProp { name: u32 }: 1 => 1;
    /// `obj key -> bool`: `delete obj[key]`.
    DeleteIndex: 2 => 1;

    // ---- Operators --------------------------------------------------------------------------
    /// `a b -> a + b` (string concatenation or numeric addition).
    Add: 2 => 1;
    /// `a b -> a - b`
    Sub: 2 => 1;
    /// `a b -> a * b`
    Mul: 2 => 1;
    /// `a b -> a / b`
    Div: 2 => 1;
    /// `a b -> a % b`
    Mod: 2 => 1;
    /// `a b -> a << b`
    Shl: 2 => 1;
    /// `a b -> a >> b`
    Shr: 2 => 1;
    /// `a b -> a >>> b`
    UShr: 2 => 1;
    /// `a b -> a & b`
    BitAnd: 2 => 1;
    /// `a b -> a | b`
    BitOr: 2 => 1;
    /// `a b -> a ^ b`
    BitXor: 2 => 1;
    /// `a b -> a == b`
    Eq: 2 => 1;
    /// `a b -> a != b`
    NotEq: 2 => 1;
    /// `a b -> a === b`
    StrictEq: 2 => 1;
    /// `a b -> a !== b`
    StrictNotEq: 2 => 1;
    /// `a b -> a < b`
    Lt: 2 => 1;
    /// `a b -> a > b`
    Gt: 2 => 1;
    /// `a b -> a <= b`
    LtEq: 2 => 1;
    /// `a b -> a >= b`
    GtEq: 2 => 1;
    /// `key obj -> key in obj`
    In: 2 => 1;
    /// `value ctor -> value instanceof ctor`
    Instanceof: 2 => 1;
    /// `a -> -a`
    Neg: 1 => 1;
    /// `a -> ToNumber(a)` (unary `+`, and the old value of `x++`)
    ToNumber: 1 => 1;
    /// `a -> ~a`
    BitNot: 1 => 1;
    /// `a -> !a`
    Not: 1 => 1;
    /// `a -> typeof a`
    Typeof: 1 => 1;
    /// `a -> ToNumber(a) + 1`
    Inc: 1 => 1;
    /// `a -> ToNumber(a) - 1`
    Dec: 1 => 1;
    /// `++r` or `--r` on register `index` (ToNumber, then add `step`), pushing nothing.
    UpdateLocal { index: u16, step: i8 }: 0 => 0;
    /// `r++` or `r--` on register `index`: pushes ToNumber of the old value, stores it plus
    /// `step`.
    PostUpdateLocal { index: u16, step: i8 }: 0 => 1;

    // ---- Control flow -----------------------------------------------------------------------
    /// Continue at instruction `target`.
    Jump { target: u32 }: 0 => 0;
    /// Pop a value; jump if it is falsy.
    JumpIfFalse { target: u32 }: 1 => 0;
    /// Pop a value; jump if it is truthy.
    JumpIfTrue { target: u32 }: 1 => 0;
    /// `&&`: if the top value is falsy, jump and keep it; otherwise pop it.
    JumpIfFalseOrPop { target: u32 }: 1 => 0;
    /// `||`: if the top value is truthy, jump and keep it; otherwise pop it.
    JumpIfTrueOrPop { target: u32 }: 1 => 0;
    /// `obj -> iterator` over the enumerable property names of `obj` and its prototypes.
    ForInStart: 1 => 1;
    /// `iterator -> key`, or pop the iterator and jump to `done` when no keys are left.
    ForInNext { done: u32 }: 1 => 1;
    /// `callee this arg1 .. argN -> result`
    Call { argc: u32 }: argc as usize + 2 => 1;
    /// A direct call of `eval` (`eval(...)` by that name): like `Call`, but if the callee is the
    /// real `eval` the code runs in the caller's scope.
    CallEval { argc: u32 }: argc as usize + 2 => 1;
    /// `callee arg1 .. argN -> new callee(args)`
    New { argc: u32 }: argc as usize + 1 => 1;
    /// Return the top value from the function.
    Return: 1 => 0;
    /// Throw the top value.
    Throw: 1 => 0;
    /// Throw a ReferenceError for an invalid assignment target such as `f() = 1` (ES5 makes
    /// this a run-time error, after evaluating the call).
    ThrowInvalidTarget: 0 => 0;
    /// `debugger;`: does nothing (no debugger is attached).
    Debugger: 0 => 0;

    // ---- Tracing ----------------------------------------------------------------------------
    /// Report the instruction that follows (`--trace-exec`, `--trace-ic`, `--stats`). Never
    /// compiled: the engine puts one before every instruction of the code it loads while
    /// tracing is on (`vm/trace.rs`), so that code without it runs no tracing at all.
    Trace: 0 => 0;
}

#[cfg(test)]
mod tests {
    use super::Op;

    #[test]
    fn an_instruction_is_eight_bytes() {
        assert!(std::mem::size_of::<Op>() <= 8);
    }

    #[test]
    fn the_table_drives_names_effects_and_operands() {
        let call = Op::Call { argc: 3 };
        assert_eq!(call.name(), "Call");
        assert_eq!(call.stack_effect(), (5, 1));
        assert_eq!(call.operands(), vec![("argc", 3)]);
        assert_eq!(Op::Pop.stack_effect(), (1, 0));
        assert_eq!(
            Op::GetEnv { depth: 1, index: 2 }.operands(),
            vec![("depth", 1), ("index", 2)]
        );
    }
}
