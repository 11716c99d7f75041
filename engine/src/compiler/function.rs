//! [`FunctionCompiler`]: the state of compiling one function, and the helpers every part of
//! code generation uses: emitting instructions, labels and jumps, constants, registers, and
//! resolving a name to where its variable lives.

use super::control::Context;
use super::scope::{ScopeId, ScopeKindAst, ScopeTree, VarOrigin};
use crate::ast::{Function, FunctionKind, Program, Span, Stmt, StmtKind};
use crate::bytecode::proto::{ProtoKind, ScopeInfo};
use crate::bytecode::{Constant, FunctionProto, Op, ScopeKind};
use crate::error::SyntaxError;
use std::collections::HashMap;

/// A place in the code a jump can go to, bound to an instruction index once known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(usize);

/// One link of the compile-time scope chain: the static picture of the run-time scope chain
/// at a point in the code.
#[derive(Clone, Copy, Debug)]
pub enum ChainLink {
    /// A function's or catch clause's scope (it has a run-time environment only if some of its
    /// variables are captured).
    Scope(ScopeId),
    /// A `with` statement's object: any name may be found on it.
    With,
}

/// Where a name's variable lives, as the compiler resolved it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A frame register.
    Register(u32),
    /// A slot of the heap environment `depth` links up the run-time scope chain.
    Env { depth: u16, index: u16 },
    /// A property of the global object.
    Global,
    /// Unknown until run time (`with`, or a sloppy direct `eval` that may declare it).
    Dynamic,
    /// A function expression's own name read in its own frame: the callee. Read-only.
    Callee,
}

/// What the compiler knows of a `let` or `const` at a use of it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Lexical {
    /// A `const`: assigning it is a TypeError.
    pub(super) constant: bool,
    /// The use may come before the declaration ran: check for the hole.
    pub(super) check: bool,
}

/// The state of compiling one function (or a script's global code).
pub struct FunctionCompiler<'t, 'a> {
    pub(super) tree: &'t ScopeTree<'a>,
    pub(super) source: &'a str,
    pub(super) proto: FunctionProto,
    /// The function's own scope.
    pub(super) function_scope: ScopeId,
    /// The compile-time scope chain, outermost first: the links inherited from enclosing
    /// functions, then this function's own.
    pub(super) chain: Vec<ChainLink>,
    /// How many links of `chain` belong to enclosing functions.
    inherited_links: usize,
    /// Where each variable of this function's scopes lives: `(scope, var index) -> place`
    /// (for registers and environment slots; depth is computed when the name is used).
    slots: HashMap<(ScopeId, usize), Slot>,
    /// The next free register.
    next_register: u32,
    /// Bound instruction indices of labels (`None` until bound).
    labels: Vec<Option<u32>>,
    /// Jumps waiting for their label: (instruction index, label).
    fixups: Vec<(usize, Label)>,
    /// The operand stack depth at the current instruction, and at each label's jumps.
    depth: u32,
    label_depths: Vec<Option<u32>>,
    /// Constants already in the table, so each appears once.
    strings: HashMap<Vec<u16>, u32>,
    numbers: HashMap<u64, u32>,
    /// Statement contexts enclosing the current point (loops, labels, `try`, environments).
    pub(super) contexts: Vec<Context<'a>>,
    /// How many environments this function has pushed at the current point.
    pub(super) env_count: u32,
    /// The last position [`FunctionCompiler::here`] handed out (see `fuse_pop`).
    fence: Option<u32>,
}

/// Where a variable of one of this function's scopes is stored.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Register(u32),
    /// Slot `index` of its scope's environment.
    Env(u16),
}

/// The result of compiling a code unit: its proto.
type CompileResult = Result<FunctionProto, SyntaxError>;

fn limit_error(what: &str, span: Span) -> SyntaxError {
    SyntaxError::new(format!("Too many {what} in one function"), span)
}

impl<'t, 'a> FunctionCompiler<'t, 'a> {
    fn new(
        tree: &'t ScopeTree<'a>,
        source: &'a str,
        scope: ScopeId,
        chain: Vec<ChainLink>,
        kind: ProtoKind,
        span: Span,
    ) -> FunctionCompiler<'t, 'a> {
        // A function's chain ends with its own scope; everything before it is inherited.
        let inherited_links = chain.len().saturating_sub(1);
        FunctionCompiler {
            tree,
            source,
            proto: FunctionProto {
                kind,
                strict: tree.scopes[scope].strict,
                span,
                ..FunctionProto::default()
            },
            function_scope: scope,
            chain,
            inherited_links,
            slots: HashMap::new(),
            next_register: 0,
            labels: Vec::new(),
            fixups: Vec::new(),
            depth: 0,
            label_depths: Vec::new(),
            strings: HashMap::new(),
            numbers: HashMap::new(),
            contexts: Vec::new(),
            env_count: 0,
            fence: None,
        }
    }

    /// Compiles a script's global code.
    pub fn compile_program(
        tree: &'t ScopeTree<'a>,
        program: &'a Program<'a>,
        source: &'a str,
    ) -> CompileResult {
        let kind = if tree.scopes[0].kind == ScopeKindAst::Eval {
            ProtoKind::Eval
        } else {
            ProtoKind::Script
        };
        let mut compiler = FunctionCompiler::new(tree, source, 0, Vec::new(), kind, program.span);
        if kind == ProtoKind::Eval && compiler.proto.strict {
            // 10.4.2 step 3: strict eval code gets its own variable environment.
            compiler.emit(Op::EnterVarEnv, program.span);
        }
        // The completion value of the script (what `eval` returns) lives in register 0.
        let completion = compiler.register(program.span)?;
        compiler.emit(Op::Undefined, program.span);
        compiler.emit(Op::SetLocal { index: completion }, program.span);
        compiler.emit(Op::Pop, program.span);
        // The script's `let`s and `const`s, in a block scope around all of it (entered first:
        // the hoisted functions close over it).
        if let Some(scope) = tree.program_scope(program) {
            compiler.open_block(scope, program.span)?;
        }
        compiler.global_declarations(program.body)?;
        compiler.statements(program.body)?;
        compiler.emit(Op::GetLocal { index: completion }, program.span);
        compiler.emit(Op::Return, program.span);
        compiler.finish()
    }

    /// Global code's declarations: each function declaration defines a global property, each
    /// `var` creates one unless it exists.
    fn global_declarations(&mut self, body: &'a [Stmt<'a>]) -> Result<(), SyntaxError> {
        let scope = &self.tree.scopes[0];
        for var in &scope.vars {
            if var.origin == VarOrigin::Var {
                let name = self.name_constant(var.name);
                self.emit(Op::DeclareVar { name }, Span::default());
            }
        }
        self.hoisted_functions(body)
    }

    /// Creates the closures of every function declaration in `body` (in blocks too) and binds
    /// them, before any other code runs: declarations are hoisted.
    fn hoisted_functions(&mut self, body: &'a [Stmt<'a>]) -> Result<(), SyntaxError> {
        let declarations = self.function_declarations(body);
        self.declare_functions(declarations)
    }

    /// Creates the closures of function declarations (see `hoisted_functions`) and binds
    /// them in the variable environment.
    pub(super) fn declare_functions(
        &mut self,
        declarations: Vec<&'a Function<'a>>,
    ) -> Result<(), SyntaxError> {
        for function in declarations {
            let Some(name) = function.name else { continue };
            self.closure(function)?;
            if matches!(
                self.tree.scopes[self.function_scope].kind,
                ScopeKindAst::Script | ScopeKindAst::Eval
            ) {
                let name = self.name_constant(name.name);
                self.emit(Op::DeclareFunction { name }, function.span);
            } else {
                self.store_name(name.name, function.span)?;
                self.emit(Op::Pop, function.span);
            }
        }
        Ok(())
    }

    /// Compiles `function` into a nested proto and emits the `Closure` that creates it.
    pub(super) fn closure(&mut self, function: &'a Function<'a>) -> Result<(), SyntaxError> {
        let Some(scope) = self.tree.function_scope(function) else {
            return Err(SyntaxError::new(
                "internal error: unanalysed function",
                function.span,
            ));
        };
        let mut chain = self.chain.clone();
        chain.push(ChainLink::Scope(scope));
        let inner = FunctionCompiler::new(
            self.tree,
            self.source,
            scope,
            chain,
            ProtoKind::Function,
            function.span,
        );
        let mut proto = inner.compile_function(function)?;
        proto.env_free = self.captures_nothing(scope);
        let index = u32::try_from(self.proto.functions.len())
            .map_err(|_| limit_error("functions", function.span))?;
        self.proto.functions.push(proto);
        self.emit(Op::Closure { index }, function.span);
        Ok(())
    }

    /// Compiles a function's body, after a prologue that moves captured parameters into the
    /// function's environment and creates the hoisted function declarations.
    fn compile_function(mut self, function: &'a Function<'a>) -> CompileResult {
        let span = function.span;
        self.proto.name = match (function.name, function.kind) {
            (Some(name), _) => name.name.to_string(),
            _ => String::new(),
        };
        let param_count =
            u32::try_from(function.params.len()).map_err(|_| limit_error("parameters", span))?;
        self.proto.param_count = param_count;
        self.proto.arrow = function.kind == FunctionKind::Arrow;
        self.proto.method = function.kind == FunctionKind::Method;
        // Parameters occupy the first registers, by position.
        self.next_register = param_count;
        self.proto.register_count = param_count;
        let scope = &self.tree.scopes[self.function_scope];
        self.proto.uses_arguments = scope.uses_arguments;

        self.allocate_scope(self.function_scope, span)?;
        if scope.uses_arguments && !scope.strict {
            let mut slots = vec![None; param_count as usize];
            for (i, var) in scope.vars.iter().enumerate() {
                if let (VarOrigin::Param(position), Some(Slot::Env(slot))) =
                    (var.origin, self.slots.get(&(self.function_scope, i)))
                {
                    slots[position as usize] = Some(*slot);
                }
            }
            self.proto.argument_slots = slots;
        }
        if self.scope_has_env(self.function_scope) {
            self.enter_env(self.function_scope, span)?;
        }
        // Move each captured parameter, the arguments object and the self name into place.
        for (i, var) in scope.vars.iter().enumerate() {
            let source = match var.origin {
                VarOrigin::Param(position) => Op::GetLocal { index: position },
                VarOrigin::Arguments => Op::Arguments,
                VarOrigin::SelfName => Op::Callee,
                _ => continue,
            };
            let slot = self.slots.get(&(self.function_scope, i)).copied();
            match (var.origin, slot) {
                (VarOrigin::Param(position), Some(Slot::Register(r))) if r == position => {}
                (_, Some(slot)) => {
                    self.emit(source, span);
                    self.store_slot(self.function_scope, slot, span)?;
                    self.emit(Op::Pop, span);
                }
                (_, None) => {}
            }
        }
        self.init_holes(self.function_scope, span)?;
        self.hoisted_functions(function.body)?;
        self.statements(function.body)?;
        self.emit(Op::Undefined, span);
        self.emit(Op::Return, span);
        self.finish()
    }

    /// Decides where each variable of `scope` lives: captured ones in environment slots, the
    /// rest in registers (parameters keep their positional registers).
    pub(super) fn allocate_scope(&mut self, scope: ScopeId, span: Span) -> Result<(), SyntaxError> {
        let mut env_slots: u16 = 0;
        for (i, var) in self.tree.scopes[scope].vars.iter().enumerate() {
            let slot = if var.captured {
                let slot = Slot::Env(env_slots);
                env_slots = env_slots
                    .checked_add(1)
                    .ok_or_else(|| limit_error("captured variables", span))?;
                slot
            } else if let VarOrigin::Param(position) = var.origin {
                Slot::Register(position)
            } else {
                Slot::Register(self.register(span)?)
            };
            self.slots.insert((scope, i), slot);
        }
        Ok(())
    }

    /// Enters the block scope `scope` (of a block, `switch`, `for` or a script's top level):
    /// its variables get places, its environment (if any) is pushed, and those that need it
    /// start as the hole. Pair with [`FunctionCompiler::close_block`].
    pub(super) fn open_block(&mut self, scope: ScopeId, span: Span) -> Result<(), SyntaxError> {
        self.allocate_scope(scope, span)?;
        if self.scope_has_env(scope) {
            self.enter_env(scope, span)?;
            self.contexts.push(Context::Env);
        }
        self.push_link(ChainLink::Scope(scope));
        self.init_holes(scope, span)
    }

    /// Leaves a block scope entered by [`FunctionCompiler::open_block`]; `emit` is false
    /// when the code after it is unreachable or failed to compile (the bookkeeping is still
    /// undone).
    pub(super) fn close_block(&mut self, scope: ScopeId, span: Span, emit: bool) {
        self.pop_link();
        if self.scope_has_env(scope) {
            self.contexts.pop();
            self.env_count -= 1;
            if emit {
                self.emit(Op::LeaveEnv, span);
            }
        }
    }

    /// Sets the `let`s and `const`s of `scope` that some use checks (or that a lookup by name
    /// may reach) to the hole: a block entered again (a loop's body) must not show the
    /// values of the last time.
    fn init_holes(&mut self, scope: ScopeId, span: Span) -> Result<(), SyntaxError> {
        let s = &self.tree.scopes[scope];
        for (i, var) in s.vars.iter().enumerate() {
            if !var.origin.is_lexical() || !(var.tdz || s.named) {
                continue;
            }
            let Some(slot) = self.slots.get(&(scope, i)).copied() else {
                continue;
            };
            self.emit(Op::Hole, span);
            self.store_slot(scope, slot, span)?;
            self.emit(Op::Pop, span);
        }
        Ok(())
    }

    /// Whether `scope` has a run-time environment.
    pub(super) fn scope_has_env(&self, scope: ScopeId) -> bool {
        let s = &self.tree.scopes[scope];
        match s.kind {
            ScopeKindAst::Script | ScopeKindAst::Eval => false,
            ScopeKindAst::Function => s.needs_env() || (s.has_eval && !s.strict),
            ScopeKindAst::Catch | ScopeKindAst::Block => s.needs_env(),
        }
    }

    /// Emits `EnterEnv` for `scope`, recording its layout in the proto.
    pub(super) fn enter_env(&mut self, scope: ScopeId, span: Span) -> Result<(), SyntaxError> {
        let s = &self.tree.scopes[scope];
        let names = s
            .vars
            .iter()
            .filter(|v| v.captured)
            .map(|v| v.name.to_string())
            .collect();
        let mut constants: Vec<bool> = s
            .vars
            .iter()
            .filter(|v| v.captured)
            .map(|v| v.origin == VarOrigin::Const)
            .collect();
        if !constants.contains(&true) {
            constants.clear();
        }
        let kind = match s.kind {
            ScopeKindAst::Catch => ScopeKind::Catch,
            ScopeKindAst::Block => ScopeKind::Block,
            _ => ScopeKind::Function,
        };
        let index =
            u32::try_from(self.proto.scopes.len()).map_err(|_| limit_error("scopes", span))?;
        self.proto.scopes.push(ScopeInfo {
            kind,
            names,
            constants,
        });
        self.emit(Op::EnterEnv { scope: index }, span);
        self.env_count += 1;
        Ok(())
    }

    /// A fresh register (for a variable or a temporary).
    pub(super) fn register(&mut self, span: Span) -> Result<u32, SyntaxError> {
        let r = self.next_register;
        self.next_register = r
            .checked_add(1)
            .ok_or_else(|| limit_error("registers", span))?;
        self.proto.register_count = self.proto.register_count.max(self.next_register);
        Ok(r)
    }

    /// Finishes the proto: patches jumps and returns it.
    fn finish(mut self) -> CompileResult {
        for &(at, label) in &self.fixups {
            let Some(target) = self.labels[label.0] else {
                return Err(SyntaxError::new(
                    "internal error: unbound label",
                    self.proto.span,
                ));
            };
            self.proto.code[at] = self.proto.code[at].map_jump_target(|_| target);
        }
        Ok(self.proto)
    }

    // ---- Emitting ------------------------------------------------------------------------

    /// Appends an instruction, tracking the stack depth and the source position.
    pub(super) fn emit(&mut self, op: Op, span: Span) {
        if op == Op::Pop && self.fuse_pop() {
            return;
        }
        // `GetLocal a; GetLocal b` is one `GetLocal2`.
        if let (Op::GetLocal { index }, Some(&Op::GetLocal { index: first })) =
            (op, self.proto.code.last())
        {
            let end = self.proto.code.len() as u32;
            if let (Ok(a), Ok(b), false) = (
                u16::try_from(first),
                u16::try_from(index),
                self.fence == Some(end),
            ) {
                if let Some(last) = self.proto.code.last_mut() {
                    *last = Op::GetLocal2 { a, b };
                }
                self.depth += 1;
                self.proto.max_stack = self.proto.max_stack.max(self.depth);
                return;
            }
        }
        // `PutLocal r; GetLocal r` (a value stored and read back) is `SetLocal r`.
        if let (Op::GetLocal { index }, Some(&Op::PutLocal { index: stored })) =
            (op, self.proto.code.last())
        {
            if index == stored && self.fence != Some(self.proto.code.len() as u32) {
                if let Some(last) = self.proto.code.last_mut() {
                    *last = Op::SetLocal { index };
                }
                self.depth += 1;
                self.proto.max_stack = self.proto.max_stack.max(self.depth);
                return;
            }
        }
        let pc = self.proto.code.len() as u32;
        if self.proto.positions.last().map(|&(_, at)| at) != Some(span.start) {
            self.proto.positions.push((pc, span.start));
        }
        let (pops, pushes) = op.stack_effect();
        self.depth = self.depth.saturating_sub(pops as u32) + pushes as u32;
        self.proto.max_stack = self.proto.max_stack.max(self.depth);
        self.proto.code.push(op);
    }

    /// A peephole: `SetLocal; Pop` (an assignment whose value is not used, the commonest
    /// statement) becomes one `PutLocal`, and likewise for environment slots, globals and
    /// properties; `GetLocal; Pop` disappears.
    /// Not when something may jump to (or a handler range end at) the `Pop`: every position
    /// handed out by [`FunctionCompiler::here`] is a fence.
    fn fuse_pop(&mut self) -> bool {
        let end = self.proto.code.len() as u32;
        if self.fence == Some(end) {
            return false;
        }
        let fused = match self.proto.code.last() {
            Some(&Op::SetLocal { index }) => Op::PutLocal { index },
            Some(&Op::SetEnv { depth, index }) => Op::PutEnv { depth, index },
            Some(&Op::SetGlobal { name, ic }) => Op::PutGlobal { name, ic },
            Some(&Op::SetProp { name, ic }) => Op::PutProp { name, ic },
            Some(&Op::SetIndex) => Op::PutIndex,
            // Reading a register has no effect: reading and dropping it is nothing.
            Some(&Op::GetLocal { .. }) => {
                self.proto.code.pop();
                self.depth = self.depth.saturating_sub(1);
                return true;
            }
            _ => return false,
        };
        if let Some(last) = self.proto.code.last_mut() {
            *last = fused;
        }
        self.depth = self.depth.saturating_sub(1);
        true
    }

    /// A peephole: a comparison followed by a conditional jump on its result (`i < n` ending
    /// a loop, `x === y` in an `if`) is one instruction that compares and jumps, the fused
    /// instruction for `op` after the last one emitted, if there is one. Not when something
    /// may jump to the conditional jump (see [`FunctionCompiler::here`]).
    fn fuse_compare(&self, op: Op) -> Option<Op> {
        if self.fence == Some(self.proto.code.len() as u32) {
            return None;
        }
        let target = 0;
        let on_false = match op {
            Op::JumpIfFalse { .. } => true,
            Op::JumpIfTrue { .. } => false,
            _ => return None,
        };
        Some(match (self.proto.code.last()?, on_false) {
            (Op::Lt, true) => Op::JumpIfNotLt { target },
            (Op::LtEq, true) => Op::JumpIfNotLtEq { target },
            (Op::Gt, true) => Op::JumpIfNotGt { target },
            (Op::GtEq, true) => Op::JumpIfNotGtEq { target },
            (Op::StrictEq, false) | (Op::StrictNotEq, true) => Op::JumpIfStrictEq { target },
            (Op::StrictEq, true) | (Op::StrictNotEq, false) => Op::JumpIfStrictNotEq { target },
            (Op::Eq, false) | (Op::NotEq, true) => Op::JumpIfEq { target },
            (Op::Eq, true) | (Op::NotEq, false) => Op::JumpIfNotEq { target },
            _ => return None,
        })
    }

    /// The index the next instruction will have (a jump target or range end, so the
    /// peephole leaves the instruction before it alone).
    pub(super) fn here(&mut self) -> u32 {
        let here = self.proto.code.len() as u32;
        self.fence = Some(here);
        here
    }

    pub(super) fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.label_depths.push(None);
        Label(self.labels.len() - 1)
    }

    /// Binds `label` to the next instruction.
    pub(super) fn bind(&mut self, label: Label) {
        self.labels[label.0] = Some(self.here());
        let after_unconditional = matches!(
            self.proto.code.last(),
            Some(Op::Jump { .. } | Op::Return | Op::Throw | Op::ThrowInvalidTarget)
        );
        if let (true, Some(depth)) = (after_unconditional, self.label_depths[label.0]) {
            self.depth = depth;
        }
    }

    /// The instruction index `label` is bound to (0 if not yet bound).
    pub(super) fn label_target(&self, label: Label) -> u32 {
        self.labels[label.0].unwrap_or(0)
    }

    /// Emits a jump-like instruction to `label` (its target is patched in `finish`).
    pub(super) fn jump(&mut self, op: Op, label: Label, span: Span) {
        if let Some(fused) = self.fuse_compare(op) {
            // The comparison becomes the jump: it pushes nothing now.
            let at = self.proto.code.len() - 1;
            self.proto.code[at] = fused;
            self.fixups.push((at, label));
            self.depth = self.depth.saturating_sub(1);
        } else {
            self.fixups.push((self.proto.code.len(), label));
            self.emit(op, span);
        }
        if self.label_depths[label.0].is_none() {
            // The depth on arrival: `JumpIfFalseOrPop`/`JumpIfTrueOrPop` keep their operand.
            let depth = match op {
                Op::JumpIfFalseOrPop { .. } | Op::JumpIfTrueOrPop { .. } => self.depth + 1,
                // When done, `ForInNext` pops the iterator instead of pushing a key.
                Op::ForInNext { .. } => self.depth.saturating_sub(1),
                _ => self.depth,
            };
            self.label_depths[label.0] = Some(depth);
        }
    }

    /// Sets the tracked stack depth (after code the linear tracking cannot follow, such as a
    /// handler entry where the exception has been pushed).
    pub(super) fn set_depth(&mut self, depth: u32) {
        self.depth = depth;
        self.proto.max_stack = self.proto.max_stack.max(depth);
    }

    // ---- Constants ---------------------------------------------------------------------------

    pub(super) fn string_constant(&mut self, units: &[u16]) -> u32 {
        if let Some(&index) = self.strings.get(units) {
            return index;
        }
        let index = self.proto.constants.len() as u32;
        self.proto.constants.push(Constant::String(units.to_vec()));
        self.strings.insert(units.to_vec(), index);
        index
    }

    /// The constant index of a name (an identifier, as a string constant).
    pub(super) fn name_constant(&mut self, name: &str) -> u32 {
        let units: Vec<u16> = name.encode_utf16().collect();
        self.string_constant(&units)
    }

    pub(super) fn number_constant(&mut self, value: f64) -> u32 {
        let bits = value.to_bits();
        if let Some(&index) = self.numbers.get(&bits) {
            return index;
        }
        let index = self.proto.constants.len() as u32;
        self.proto.constants.push(Constant::Number(value));
        self.numbers.insert(bits, index);
        index
    }

    pub(super) fn regex_constant(&mut self, pattern: &[u16], flags: &str) -> u32 {
        let index = self.proto.constants.len() as u32;
        self.proto.constants.push(Constant::Regex {
            pattern: pattern.to_vec(),
            flags: flags.to_string(),
        });
        index
    }

    /// A fresh inline-cache slot for a property instruction (`u16::MAX` once they run out:
    /// that site then goes uncached).
    pub(super) fn inline_cache(&mut self) -> u16 {
        let ic = self.proto.ic_count;
        if ic < u16::MAX {
            self.proto.ic_count += 1;
        }
        ic
    }

    /// Whether the closures of the function of `scope`, made at the current point, can do
    /// without the environment around them: the function uses no variable of the functions
    /// and blocks around it, and its globals cannot turn out to be such variables at run time
    /// (through a `with` around it or a sloppy direct `eval` in a function around it). Such a
    /// closure keeps nothing alive but its code.
    fn captures_nothing(&self, scope: ScopeId) -> bool {
        let s = &self.tree.scopes[scope];
        let dynamic_around = self.tree.scopes[0].kind == ScopeKindAst::Eval
            || self.chain.iter().any(|link| match *link {
                ChainLink::With => true,
                ChainLink::Scope(id) => {
                    let around = &self.tree.scopes[id];
                    around.kind == ScopeKindAst::Function && around.has_eval && !around.strict
                }
            });
        let may_capture = s.uses_outer || (s.uses_free && dynamic_around);
        !may_capture
    }

    // ---- Names ---------------------------------------------------------------------------

    /// Where `name` lives, seen from the current point.
    pub(super) fn resolve(&self, name: &str) -> Place {
        let mut dynamic = false;
        let mut depth: u32 = 0;
        for (position, link) in self.chain.iter().enumerate().rev() {
            let scope = match *link {
                ChainLink::With => {
                    dynamic = true;
                    depth += 1;
                    continue;
                }
                ChainLink::Scope(scope) => scope,
            };
            let s = &self.tree.scopes[scope];
            if let Some(index) = s.lookup(name) {
                if dynamic {
                    return Place::Dynamic;
                }
                match s.kind {
                    ScopeKindAst::Script => return Place::Global,
                    ScopeKindAst::Eval => return Place::Dynamic,
                    _ => {}
                }
                let own = position >= self.inherited_links;
                let var = &s.vars[index];
                if var.origin == VarOrigin::SelfName && !var.captured && own {
                    return Place::Callee;
                }
                if var.captured {
                    return match u16::try_from(depth) {
                        Ok(depth) => Place::Env {
                            depth,
                            index: env_index(s, index),
                        },
                        Err(_) => Place::Dynamic,
                    };
                }
                return match self.slots.get(&(scope, index)) {
                    Some(Slot::Register(r)) if own => Place::Register(*r),
                    _ => Place::Dynamic,
                };
            }
            if s.kind == ScopeKindAst::Function && s.has_eval && !s.strict {
                dynamic = true;
            }
            if self.scope_has_env(scope) {
                depth += 1;
            }
        }
        // Eval code runs inside a scope chain only known at run time.
        if dynamic || self.tree.scopes[0].kind == ScopeKindAst::Eval {
            Place::Dynamic
        } else {
            Place::Global
        }
    }

    /// Whether `name`, seen from source position `pos`, is a `let` or `const`, and what its
    /// uses must do. Walks the chain as [`FunctionCompiler::resolve`] does.
    pub(super) fn lexical_of(&self, name: &str, pos: u32) -> Option<Lexical> {
        for (position, link) in self.chain.iter().enumerate().rev() {
            let ChainLink::Scope(scope) = *link else {
                continue;
            };
            let s = &self.tree.scopes[scope];
            if let Some(index) = s.lookup(name) {
                let var = &s.vars[index];
                if !var.origin.is_lexical() {
                    return None;
                }
                // A use in a closure may run before the declaration; so may one before it in
                // the source (a loop comes back to it) or in a `switch` (cases are jumped to).
                let own = position >= self.inherited_links;
                return Some(Lexical {
                    constant: var.origin == VarOrigin::Const,
                    check: !own || pos < var.init_end || s.switch,
                });
            }
        }
        None
    }

    /// Emits the check that `name` (at `place`) is not in its temporal dead zone.
    fn check_initialised(
        &mut self,
        name: &str,
        place: Place,
        span: Span,
    ) -> Result<(), SyntaxError> {
        match place {
            Place::Register(index) => {
                let index = u16::try_from(index).map_err(|_| limit_error("registers", span))?;
                let name = self.name_constant(name);
                self.emit(Op::CheckLocal { index, name }, span);
            }
            Place::Env { depth, index } => self.emit(Op::CheckEnv { depth, index }, span),
            // Lookups by name check for themselves.
            _ => {}
        }
        Ok(())
    }

    /// Stores the top of the stack into a `let` or `const` at its declaration (leaving the
    /// value): no checks, this is what ends its temporal dead zone.
    pub(super) fn init_name(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        match self.resolve(name) {
            Place::Register(index) => self.emit(Op::SetLocal { index }, span),
            Place::Env { depth, index } => self.emit(Op::SetEnv { depth, index }, span),
            _ => return self.store_name(name, span),
        }
        Ok(())
    }

    /// Stores the top of the stack into the variable of `scope` at `slot` (leaving the value).
    fn store_slot(&mut self, scope: ScopeId, slot: Slot, span: Span) -> Result<(), SyntaxError> {
        match slot {
            Slot::Register(index) => self.emit(Op::SetLocal { index }, span),
            Slot::Env(index) => {
                // The scope's environment is the innermost one when this is used (prologues and
                // catch clauses store right after entering it).
                let _ = scope;
                self.emit(Op::SetEnv { depth: 0, index }, span);
            }
        }
        Ok(())
    }

    /// The register holding variable `name`, when it is one the one-instruction updates
    /// (`UpdateLocal`) can name.
    pub(super) fn register_of(&self, name: &str, pos: u32) -> Option<u16> {
        // A `const`, or a `let` that needs its check, goes the long way.
        if self
            .lexical_of(name, pos)
            .is_some_and(|l| l.constant || l.check)
        {
            return None;
        }
        match self.resolve(name) {
            Place::Register(index) => u16::try_from(index).ok(),
            _ => None,
        }
    }

    /// Emits code pushing the value of variable `name`.
    pub(super) fn load_name(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let place = self.resolve(name);
        if self.lexical_of(name, span.start).is_some_and(|l| l.check) {
            self.check_initialised(name, place, span)?;
        }
        match place {
            Place::Register(index) => self.emit(Op::GetLocal { index }, span),
            Place::Env { depth, index } => self.emit(Op::GetEnv { depth, index }, span),
            Place::Global => {
                let name = self.name_constant(name);
                let ic = self.inline_cache();
                self.emit(Op::GetGlobal { name, ic }, span);
            }
            Place::Dynamic => {
                let name = self.name_constant(name);
                self.emit(Op::GetName { name }, span);
            }
            Place::Callee => self.emit(Op::Callee, span),
        }
        Ok(())
    }

    /// Emits code storing the top of the stack into variable `name`, leaving the value.
    pub(super) fn store_name(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let place = self.resolve(name);
        if let Some(lexical) = self.lexical_of(name, span.start) {
            // ES2015 8.1.1.1.5: an uninitialised binding is a ReferenceError, a `const` a
            // TypeError (in sloppy code too), both after the value was computed.
            if lexical.check {
                self.check_initialised(name, place, span)?;
            }
            if lexical.constant {
                self.emit(Op::ThrowConstAssign, span);
            }
        }
        match place {
            Place::Register(index) => self.emit(Op::SetLocal { index }, span),
            Place::Env { depth, index } => self.emit(Op::SetEnv { depth, index }, span),
            Place::Global => {
                let name = self.name_constant(name);
                let ic = self.inline_cache();
                self.emit(Op::SetGlobal { name, ic }, span);
            }
            Place::Dynamic => {
                let name = self.name_constant(name);
                self.emit(Op::SetName { name }, span);
            }
            // Assigning a function expression's own name does nothing in sloppy code; strict
            // code gets a TypeError from the VM (ES5.1 10.2.1.1.3, an immutable binding).
            Place::Callee => {
                if self.proto.strict {
                    let name = self.name_constant(name);
                    self.emit(Op::SetName { name }, span);
                }
            }
        }
        Ok(())
    }

    /// The slot of variable `index` of `scope` in this function.
    pub(super) fn catch_param_store(
        &mut self,
        scope: ScopeId,
        span: Span,
    ) -> Result<(), SyntaxError> {
        match self.slots.get(&(scope, 0)).copied() {
            Some(slot) => self.store_slot(scope, slot, span),
            None => Err(SyntaxError::new(
                "internal error: unallocated catch parameter",
                span,
            )),
        }
    }

    /// Pushes a chain link for a scope opened inside this function.
    pub(super) fn push_link(&mut self, link: ChainLink) {
        self.chain.push(link);
    }

    pub(super) fn pop_link(&mut self) {
        self.chain.pop();
    }
}

/// The environment slot index of variable `index` of a scope: its rank among the captured ones.
fn env_index(scope: &super::scope::Scope<'_>, index: usize) -> u16 {
    let rank = scope.vars[..index].iter().filter(|v| v.captured).count();
    u16::try_from(rank).unwrap_or(u16::MAX)
}

impl<'a> FunctionCompiler<'_, 'a> {
    /// Every function declaration in `body`, including those nested in blocks and other
    /// statements (but not inside nested functions), in source order — except those inside a
    /// block scope (of `let`s and `const`s) within `body`: the block creates them when it is
    /// entered, as ES2015 does, so that they see its bindings.
    pub(super) fn function_declarations(&self, body: &'a [Stmt<'a>]) -> Vec<&'a Function<'a>> {
        let mut out = Vec::new();
        super::scope::for_each_statement_where(
            body,
            |list| self.tree.list_scope(list).is_none(),
            |stmt| self.tree.block_scope(stmt).is_none(),
            |stmt| match &stmt.kind {
                StmtKind::FunctionDecl(function) if function.kind == FunctionKind::Declaration => {
                    out.push(*function)
                }
                _ => {}
            },
        );
        out
    }
}
