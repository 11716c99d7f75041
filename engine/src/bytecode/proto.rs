//! [`FunctionProto`]: one compiled function, as the compiler leaves it.

use super::Op;
use crate::ast::Span;

/// A compiled function (or script, or eval code): code, constants, nested functions and the
/// tables the VM needs beside the code. It holds no garbage-collected pointers.
#[derive(Clone, Debug, Default)]
pub struct FunctionProto {
    /// The function's name ("" for anonymous functions and scripts).
    pub name: String,
    pub kind: ProtoKind,
    /// The function's code is strict mode code.
    pub strict: bool,
    /// Declared parameter count (the function's `length`).
    pub param_count: u32,
    /// Registers the frame needs: parameters first, then `var`s and temporaries.
    pub register_count: u32,
    /// The largest operand stack depth the code reaches (frames reserve this much).
    pub max_stack: u32,
    /// How many inline-cache slots the property instructions use.
    pub ic_count: u16,
    pub code: Vec<Op>,
    pub constants: Vec<Constant>,
    /// The functions defined inside this one, in the order `Closure` refers to them.
    pub functions: Vec<FunctionProto>,
    /// The layouts of the heap environments `EnterEnv` creates.
    pub scopes: Vec<ScopeInfo>,
    /// Exception handlers: the innermost covering handler comes first.
    pub handlers: Vec<Handler>,
    /// `(instruction index, source offset)` pairs, sorted, for error positions and stack traces.
    pub positions: Vec<(u32, u32)>,
    /// The function's `arguments` object is used (so the frame must be able to make one).
    pub uses_arguments: bool,
    /// Neither the function nor any function inside it uses a variable of the functions and
    /// blocks around it, or looks a name up at run time through them: its closures need not
    /// keep the environment they are made in alive (they capture nothing).
    pub env_free: bool,
    /// An arrow function (ES2015): called with the `this` it was made with, never
    /// constructed, and without a `prototype`.
    pub arrow: bool,
    /// A method of an object literal (ES2015 14.3): never constructed, and without a
    /// `prototype`.
    pub method: bool,
    /// For a sloppy function whose `arguments` object is mapped to its parameters (10.6):
    /// the environment slot of each parameter position (`None` for a parameter shadowed by a
    /// later one of the same name).
    pub argument_slots: Vec<Option<u16>>,
    /// The function's source span (for `Function.prototype.toString` and error messages).
    pub span: Span,
}

/// What kind of code a proto holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProtoKind {
    /// Global code of a script.
    #[default]
    Script,
    /// Code given to `eval`.
    Eval,
    /// A function (declaration, expression, getter or setter).
    Function,
}

/// An entry of a function's constant table.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    Number(f64),
    /// A string value, as UTF-16 code units.
    String(Vec<u16>),
    /// A regular expression literal's pattern (UTF-16 code units) and flags, as written.
    Regex {
        pattern: Vec<u16>,
        flags: String,
    },
}

/// A heap environment's layout: which names its slots hold.
#[derive(Clone, Debug, PartialEq)]
pub struct ScopeInfo {
    pub kind: ScopeKind,
    /// The slot names, in slot order. Names matter at run time only where `eval` or `with` can
    /// look variables up by name.
    pub names: Vec<String>,
    /// Which slots hold `const`s (by slot; empty when none does), so that an assignment by
    /// name fails as the compiled ones do.
    pub constants: Vec<bool>,
}

/// Why a heap environment exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// A function's variables that inner functions capture (or that `eval`/`with` may reach
    /// by name).
    Function,
    /// A captured `catch (e)` parameter: one fresh environment per execution of the clause.
    Catch,
    /// The captured `let`s and `const`s of a block: one fresh environment per execution of
    /// the block (per iteration, for a `for (let ...)` loop).
    Block,
}

/// One exception handler: an exception thrown by an instruction in `start..end` continues at
/// `target`, with the operand stack cut back to `stack_depth` values, `env_depth` environments
/// left on the frame's scope chain, and the exception value pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub stack_depth: u32,
    pub env_depth: u32,
}

impl FunctionProto {
    /// The source offset of instruction `pc`, if known.
    pub fn position(&self, pc: usize) -> Option<u32> {
        FunctionProto::position_in(&self.positions, pc)
    }

    /// The source offset of instruction `pc` by a table of `(instruction, offset)` pairs.
    pub fn position_in(positions: &[(u32, u32)], pc: usize) -> Option<u32> {
        let pc = u32::try_from(pc).ok()?;
        let index = positions.partition_point(|&(at, _)| at <= pc);
        index.checked_sub(1).map(|i| positions[i].1)
    }
}
