//! Scope analysis: which names each function declares, which of them inner functions capture,
//! and where `with` and direct `eval` force names to be looked up at run time.
//!
//! The compiler resolves every identifier it can at compile time. A variable lives in a frame
//! register unless an inner function captures it, in which case it lives in a heap
//! environment the closure keeps alive. That decision needs the whole function analysed first,
//! so this pass walks the tree once, before any code is generated, and records for every
//! function and `catch` clause a [`Scope`]: its variables and whether each is captured.
//!
//! `let` and `const` (ES2015) declare variables of a block: a block, `switch` or `for` that
//! declares any gets a [`ScopeKindAst::Block`] scope of its own (a function body's go in the
//! function's scope; a script's in a block scope around it). Such a variable is uninitialised
//! until its declaration runs (the temporal dead zone); a use the compiler cannot prove comes
//! after the declaration (one before it in the source, in a closure, or in a `switch`, whose
//! cases may be jumped over) is checked at run time, and only then does the variable start out
//! as the VM's hole marker.
//!
//! Two constructs defeat static resolution. Inside `with (obj)`, any name may be a property of
//! `obj`; and a direct `eval` in sloppy code may declare new variables in its caller. Names
//! affected by either are compiled as run-time lookups by name, and every variable those
//! lookups could reach is kept in a named heap environment.

use crate::ast::{
    CatchClause, Expr, ExprKind, ForInTarget, ForInit, Function, Ident, LexicalKind, Program,
    PropertyValue, Stmt, StmtKind, VarDecl,
};
use crate::early_errors::with_stack;
use std::collections::HashMap;

/// Index of a [`Scope`] in a [`ScopeTree`].
pub type ScopeId = usize;

/// The scopes of one script (or eval code), found before code generation.
#[derive(Debug, Default)]
pub struct ScopeTree<'a> {
    pub scopes: Vec<Scope<'a>>,
    /// The scope of each function and catch clause, keyed by the node's address (the tree is
    /// immutable and arena-allocated, so addresses identify nodes).
    by_node: HashMap<usize, ScopeId>,
    /// The block scope of each statement list (a block's, or a `try`, `catch` or `finally`
    /// body) that declares `let`s or `const`s, keyed by the list's address. (A map of its
    /// own: a list starts where its first statement is, which may have a scope too.)
    by_list: HashMap<usize, ScopeId>,
    /// The code is the engine's own self-hosted library: `__call(f, this, args...)` compiles
    /// to a direct call with an explicit `this`.
    pub intrinsics: bool,
}

/// A function's or a catch clause's bindings.
#[derive(Debug)]
pub struct Scope<'a> {
    pub kind: ScopeKindAst,
    pub parent: Option<ScopeId>,
    /// Variables in declaration order: for functions, parameters first.
    pub vars: Vec<Var<'a>>,
    index: HashMap<&'a str, usize>,
    /// A direct `eval` appears in this function (not counting nested functions).
    pub has_eval: bool,
    /// `arguments` is referenced in this function (or may be, through `eval`).
    pub uses_arguments: bool,
    /// The code of this scope is strict.
    pub strict: bool,
    /// Every variable must be kept in a named heap environment: `with` or `eval` inside this
    /// scope or a nested one may look any of them up by name.
    pub named: bool,
    /// A function expression's own name, visible inside it (`function f() { f() }`).
    pub self_name: Option<&'a str>,
    /// (Functions.) An arrow function: it has no `arguments` of its own, and `arguments`
    /// inside it is the enclosing function's.
    pub arrow: bool,
    /// A `switch` block: control may jump past a declaration of it, so every use of its
    /// `let`s and `const`s is checked.
    pub switch: bool,
    /// (Functions.) This function, or one nested in it, uses a variable of an enclosing
    /// function, block or catch clause, or has a direct `eval` (which may name any of them).
    pub uses_outer: bool,
    /// (Functions.) This function, or one nested in it, uses a name declared nowhere around
    /// it (a global), which a `with` or a sloppy direct `eval` around it could turn into a
    /// variable found at run time.
    pub uses_free: bool,
}

/// What made a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKindAst {
    /// The global code of a script: its variables are properties of the global object.
    Script,
    /// Eval code: its variables go wherever the eval's caller keeps them.
    Eval,
    Function,
    Catch,
    /// A block, `switch` or `for` that declares `let`s or `const`s (or the top level of a
    /// script or eval code that does).
    Block,
}

/// A declared variable.
#[derive(Debug)]
pub struct Var<'a> {
    pub name: &'a str,
    /// An inner function (or a run-time lookup by name) may reach it: it lives in the heap.
    pub captured: bool,
    /// How the variable came to be.
    pub origin: VarOrigin,
    /// For `let` and `const`: where the declaration ends (a use after it, in the same
    /// function and block, needs no check).
    pub init_end: u32,
    /// Some use of this `let` or `const` is checked at run time: it must start as the hole.
    pub tdz: bool,
}

/// How a variable was declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarOrigin {
    /// The parameter at this position.
    Param(u32),
    Var,
    Function,
    /// The implicit `arguments` binding.
    Arguments,
    /// A function expression's own name: read-only.
    SelfName,
    /// A catch clause's parameter.
    CatchParam,
    Let,
    Const,
}

impl VarOrigin {
    /// Whether this is a `let` or `const`.
    pub fn is_lexical(self) -> bool {
        matches!(self, VarOrigin::Let | VarOrigin::Const)
    }
}

impl<'a> Scope<'a> {
    fn new(kind: ScopeKindAst, parent: Option<ScopeId>, strict: bool) -> Scope<'a> {
        Scope {
            kind,
            parent,
            vars: Vec::new(),
            index: HashMap::new(),
            has_eval: false,
            uses_arguments: false,
            strict,
            named: false,
            self_name: None,
            arrow: false,
            switch: false,
            uses_outer: false,
            uses_free: false,
        }
    }

    /// The variable called `name`, if this scope declares it.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// Declares `name`; a second declaration of the same name is the same variable (a later
    /// parameter of the same name takes over its position, as in sloppy code).
    fn declare(&mut self, name: &'a str, origin: VarOrigin) -> usize {
        if let Some(&i) = self.index.get(name) {
            if let VarOrigin::Param(_) = origin {
                self.vars[i].origin = origin;
            }
            return i;
        }
        self.vars.push(Var {
            name,
            captured: false,
            origin,
            init_end: 0,
            tdz: false,
        });
        self.index.insert(name, self.vars.len() - 1);
        self.vars.len() - 1
    }

    /// Declares the `let`s and `const`s of `decls`.
    fn declare_lexical(&mut self, kind: LexicalKind, decls: &[VarDecl<'a>]) {
        let origin = match kind {
            LexicalKind::Let => VarOrigin::Let,
            LexicalKind::Const => VarOrigin::Const,
        };
        for decl in decls {
            let i = self.declare(decl.name.name, origin);
            self.vars[i].origin = origin;
            self.vars[i].init_end = decl.span.end;
        }
    }

    /// Whether this scope's variables need a heap environment at run time.
    pub fn needs_env(&self) -> bool {
        self.vars.iter().any(|v| v.captured)
    }
}

impl<'a> ScopeTree<'a> {
    /// Analyses a script (or eval code, when `kind` is `Eval`; `strict` is the strictness of
    /// the code around the eval).
    pub fn analyse(program: &'a Program<'a>, kind: ScopeKindAst, strict: bool) -> ScopeTree<'a> {
        let mut tree = ScopeTree::default();
        let strict = strict || program.use_strict;
        tree.scopes.push(Scope::new(kind, None, strict));
        let mut walker = Walker {
            tree: &mut tree,
            scope: 0,
            with_depth: 0,
        };
        walker.declarations(0, program.body);
        // A script's `let`s and `const`s are not properties of the global object: they live
        // in a block scope around the whole script (shared by its functions).
        match lexical_declarations(program.body) {
            Some(decls) => {
                let id = walker.block(program as *const Program<'_> as usize, decls);
                walker.scope = id;
                walker.statements(program.body);
            }
            None => walker.statements(program.body),
        }
        tree
    }

    /// The scope made for a function node.
    pub fn function_scope(&self, function: &Function<'_>) -> Option<ScopeId> {
        self.by_node
            .get(&(function as *const Function<'_> as usize))
            .copied()
    }

    /// The block scope made for a statement (a block, `switch`, `for` or `for-in` that
    /// declares `let`s or `const`s), if it has one.
    pub fn block_scope(&self, stmt: &Stmt<'_>) -> Option<ScopeId> {
        self.by_node
            .get(&(stmt as *const Stmt<'_> as usize))
            .copied()
    }

    /// The block scope of a statement list (a block's body, or a `try`, `catch` or
    /// `finally` body), if it declares `let`s or `const`s.
    pub fn list_scope(&self, body: &[Stmt<'_>]) -> Option<ScopeId> {
        self.by_list.get(&(body.as_ptr() as usize)).copied()
    }

    /// The block scope around the top level of a script or eval code that declares `let`s
    /// or `const`s.
    pub fn program_scope(&self, program: &Program<'_>) -> Option<ScopeId> {
        self.by_node
            .get(&(program as *const Program<'_> as usize))
            .copied()
    }

    /// The scope made for a catch clause.
    pub fn catch_scope(&self, clause: &CatchClause<'_>) -> Option<ScopeId> {
        self.by_node
            .get(&(clause as *const CatchClause<'_> as usize))
            .copied()
    }

    /// The nearest function (or script/eval) scope enclosing `scope`, itself included.
    pub fn function_of(&self, mut scope: ScopeId) -> ScopeId {
        while matches!(
            self.scopes[scope].kind,
            ScopeKindAst::Catch | ScopeKindAst::Block
        ) {
            match self.scopes[scope].parent {
                Some(parent) => scope = parent,
                None => break,
            }
        }
        scope
    }
}

/// Calls `f` on every statement of a function body (or script), nested ones included, in
/// source order, without entering nested functions: the statements whose declarations are
/// hoisted to the function (`var`s and, in blocks too, function declarations).
pub(crate) fn for_each_statement<'a>(body: &'a [Stmt<'a>], f: impl FnMut(&'a Stmt<'a>)) {
    for_each_statement_where(body, |_| true, |_| true, f);
}

/// [`for_each_statement`], entering a block's or a `try`'s statement list only when
/// `enter_list` says so, and the statements nested in any other statement (loops, `switch`,
/// `with`, labels, `if`) only when `enter` says so; `f` still sees the statement itself.
pub(crate) fn for_each_statement_where<'a>(
    body: &'a [Stmt<'a>],
    enter_list: impl Fn(&'a [Stmt<'a>]) -> bool,
    enter: impl Fn(&'a Stmt<'a>) -> bool,
    mut f: impl FnMut(&'a Stmt<'a>),
) {
    let mut pending: Vec<&'a Stmt<'a>> = body.iter().rev().collect();
    while let Some(stmt) = pending.pop() {
        f(stmt);
        match &stmt.kind {
            StmtKind::Block(body) if enter_list(body) => pending.extend(body.iter().rev()),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                for list in [*finalizer, handler.as_ref().map(|h| h.body), Some(*block)]
                    .into_iter()
                    .flatten()
                {
                    if enter_list(list) {
                        pending.extend(list.iter().rev());
                    }
                }
            }
            _ if !enter(stmt) => {}
            StmtKind::If {
                then, otherwise, ..
            } => {
                pending.extend(otherwise.iter().copied());
                pending.push(then);
            }
            StmtKind::DoWhile { body, .. }
            | StmtKind::While { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::ForIn { body, .. }
            | StmtKind::With { body, .. }
            | StmtKind::Labeled { body, .. } => pending.push(body),
            StmtKind::Switch { cases, .. } => {
                for case in cases.iter().rev() {
                    pending.extend(case.body.iter().rev());
                }
            }
            _ => {}
        }
    }
}

/// The `let` and `const` declarations directly in `body` (not in nested blocks), if any.
pub(super) fn lexical_declarations<'a>(
    body: &'a [Stmt<'a>],
) -> Option<Vec<(LexicalKind, &'a [VarDecl<'a>])>> {
    let decls: Vec<_> = body
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::Lexical { kind, decls } => Some((*kind, *decls)),
            _ => None,
        })
        .collect();
    (!decls.is_empty()).then_some(decls)
}

/// The analysis walk.
struct Walker<'t, 'a> {
    tree: &'t mut ScopeTree<'a>,
    /// The innermost scope at the current point.
    scope: ScopeId,
    /// How many `with` bodies enclose the current point within the current function.
    with_depth: usize,
}

impl<'a> Walker<'_, 'a> {
    /// Hoists the declarations of a function body (or script) into `scope`: `var`s anywhere in
    /// it and function declarations anywhere in it (in blocks too, as the engines of the web
    /// do), but not those of nested functions.
    fn declarations(&mut self, scope: ScopeId, body: &'a [Stmt<'a>]) {
        let scope = &mut self.tree.scopes[scope];
        for_each_statement(body, |stmt| match &stmt.kind {
            StmtKind::Var(decls) => {
                for decl in decls.iter() {
                    scope.declare(decl.name.name, VarOrigin::Var);
                }
            }
            StmtKind::FunctionDecl(function) => {
                if let Some(name) = &function.name {
                    scope.declare(name.name, VarOrigin::Function);
                }
            }
            StmtKind::For {
                init: Some(ForInit::Var(decls)),
                ..
            } => {
                for decl in decls.iter() {
                    scope.declare(decl.name.name, VarOrigin::Var);
                }
            }
            StmtKind::ForIn {
                target: ForInTarget::Var(decl),
                ..
            } => {
                scope.declare(decl.name.name, VarOrigin::Var);
            }
            _ => {}
        });
    }

    fn statements(&mut self, body: &'a [Stmt<'a>]) {
        for stmt in body {
            self.statement(stmt);
        }
    }

    fn statement(&mut self, stmt: &'a Stmt<'a>) {
        with_stack(|| self.statement_inner(stmt));
    }

    fn statement_inner(&mut self, stmt: &'a Stmt<'a>) {
        match &stmt.kind {
            StmtKind::Block(body) => self.block_statements(body),
            // (The declared name itself is no use: it needs no check.)
            StmtKind::Lexical { decls, .. } => {
                for decl in decls.iter() {
                    if let Some(init) = decl.init {
                        self.expr(init);
                    }
                }
            }
            StmtKind::For {
                init: Some(ForInit::Lexical { kind, decls }),
                test,
                update,
                body,
            } => {
                let id = self.block(stmt as *const Stmt<'_> as usize, vec![(*kind, *decls)]);
                let outer = std::mem::replace(&mut self.scope, id);
                for decl in decls.iter() {
                    if let Some(init) = decl.init {
                        self.expr(init);
                    }
                }
                for expr in [test, update].into_iter().flatten() {
                    self.expr(expr);
                }
                self.statement(body);
                self.scope = outer;
            }
            StmtKind::ForIn {
                target: ForInTarget::Lexical { kind, decl },
                object,
                body,
            } => {
                self.expr(object);
                let decls = std::slice::from_ref(*decl);
                let id = self.block(stmt as *const Stmt<'_> as usize, vec![(*kind, decls)]);
                let outer = std::mem::replace(&mut self.scope, id);
                self.statement(body);
                self.scope = outer;
            }
            StmtKind::Var(decls) => {
                for decl in decls.iter() {
                    self.reference(&decl.name);
                    if let Some(init) = decl.init {
                        self.expr(init);
                    }
                }
            }
            StmtKind::Empty | StmtKind::Debugger | StmtKind::Continue(_) | StmtKind::Break(_) => {}
            StmtKind::Expr(expr) | StmtKind::Throw(expr) => self.expr(expr),
            StmtKind::If {
                test,
                then,
                otherwise,
            } => {
                self.expr(test);
                self.statement(then);
                if let Some(otherwise) = otherwise {
                    self.statement(otherwise);
                }
            }
            StmtKind::DoWhile { body, test } | StmtKind::While { test, body } => {
                self.expr(test);
                self.statement(body);
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                match init {
                    Some(ForInit::Var(decls)) => {
                        for decl in decls.iter() {
                            self.reference(&decl.name);
                            if let Some(init) = decl.init {
                                self.expr(init);
                            }
                        }
                    }
                    Some(ForInit::Expr(expr)) => self.expr(expr),
                    // Handled above, in a block scope of its own.
                    Some(ForInit::Lexical { .. }) | None => {}
                }
                for expr in [test, update].into_iter().flatten() {
                    self.expr(expr);
                }
                self.statement(body);
            }
            StmtKind::ForIn {
                target,
                object,
                body,
            } => {
                match target {
                    ForInTarget::Var(decl) => {
                        self.reference(&decl.name);
                        if let Some(init) = decl.init {
                            self.expr(init);
                        }
                    }
                    ForInTarget::Expr(expr) => self.expr(expr),
                    ForInTarget::Lexical { .. } => {}
                }
                self.expr(object);
                self.statement(body);
            }
            StmtKind::Return(value) => {
                if let Some(value) = value {
                    self.expr(value);
                }
            }
            StmtKind::With { object, body } => {
                self.expr(object);
                self.mark_named_from(self.scope);
                self.with_depth += 1;
                self.statement(body);
                self.with_depth -= 1;
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.expr(discriminant);
                let decls: Vec<_> = cases
                    .iter()
                    .filter_map(|case| lexical_declarations(case.body))
                    .flatten()
                    .collect();
                let outer = self.scope;
                if !decls.is_empty() {
                    self.scope = self.block(stmt as *const Stmt<'_> as usize, decls);
                    self.tree.scopes[self.scope].switch = true;
                }
                for case in cases.iter() {
                    if let Some(test) = case.test {
                        self.expr(test);
                    }
                    self.statements(case.body);
                }
                self.scope = outer;
            }
            StmtKind::Labeled { body, .. } => self.statement(body),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                self.block_statements(block);
                if let Some(handler) = handler {
                    self.catch_clause(handler);
                }
                if let Some(finalizer) = finalizer {
                    self.block_statements(finalizer);
                }
            }
            StmtKind::FunctionDecl(function) => self.function(function),
        }
    }

    /// Makes the block scope of node `node` (a statement or program; `usize::MAX` for a
    /// statement list, which the caller records) declaring `decls`, inside the current scope.
    fn block(&mut self, node: usize, decls: Vec<(LexicalKind, &'a [VarDecl<'a>])>) -> ScopeId {
        let strict = self.tree.scopes[self.scope].strict;
        let mut scope = Scope::new(ScopeKindAst::Block, Some(self.scope), strict);
        for (kind, decls) in decls {
            scope.declare_lexical(kind, decls);
        }
        // Inside `with` or beside a direct `eval`, the block's names may be looked up by name.
        if self.tree.scopes[self.scope].named {
            scope.named = true;
            for var in &mut scope.vars {
                var.captured = true;
            }
        }
        let id = self.tree.scopes.len();
        self.tree.scopes.push(scope);
        if node != usize::MAX {
            self.tree.by_node.insert(node, id);
        }
        id
    }

    fn catch_clause(&mut self, clause: &'a CatchClause<'a>) {
        let strict = self.tree.scopes[self.scope].strict;
        let mut scope = Scope::new(ScopeKindAst::Catch, Some(self.scope), strict);
        scope.declare(clause.param.name, VarOrigin::CatchParam);
        let id = self.tree.scopes.len();
        self.tree.scopes.push(scope);
        self.tree
            .by_node
            .insert(clause as *const CatchClause<'_> as usize, id);
        let outer = std::mem::replace(&mut self.scope, id);
        self.block_statements(clause.body);
        self.scope = outer;
    }

    /// The statements of a block (or a `try`, `catch` or `finally` body), in a block scope
    /// of their own if they declare `let`s or `const`s.
    fn block_statements(&mut self, body: &'a [Stmt<'a>]) {
        match lexical_declarations(body) {
            Some(decls) => {
                let id = self.block(usize::MAX, decls);
                self.tree.by_list.insert(body.as_ptr() as usize, id);
                let outer = std::mem::replace(&mut self.scope, id);
                self.statements(body);
                self.scope = outer;
            }
            None => self.statements(body),
        }
    }

    fn function(&mut self, function: &'a Function<'a>) {
        let strict = self.tree.scopes[self.scope].strict || function.use_strict;
        let mut scope = Scope::new(ScopeKindAst::Function, Some(self.scope), strict);
        for (i, param) in function.params.iter().enumerate() {
            scope.declare(param.name, VarOrigin::Param(i as u32));
        }
        if function.kind == crate::ast::FunctionKind::Expression {
            scope.self_name = function.name.map(|n| n.name);
        }
        scope.arrow = function.kind == crate::ast::FunctionKind::Arrow;
        let id = self.tree.scopes.len();
        self.tree.scopes.push(scope);
        self.tree
            .by_node
            .insert(function as *const Function<'_> as usize, id);
        self.declarations(id, function.body);
        for (kind, decls) in lexical_declarations(function.body).unwrap_or_default() {
            self.tree.scopes[id].declare_lexical(kind, decls);
        }

        let outer = std::mem::replace(&mut self.scope, id);
        let outer_with = std::mem::replace(&mut self.with_depth, 0);
        self.statements(function.body);
        self.scope = outer;
        self.with_depth = outer_with;
        // A sloppy function's `arguments` object is mapped to its parameters (10.6): they
        // must live in the function's environment, where the object can reach them.
        let scope = &mut self.tree.scopes[id];
        if scope.uses_arguments && !scope.strict {
            for var in &mut scope.vars {
                if let VarOrigin::Param(_) = var.origin {
                    var.captured = true;
                }
            }
        }
    }

    fn expr(&mut self, expr: &'a Expr<'a>) {
        with_stack(|| self.expr_inner(expr));
    }

    fn expr_inner(&mut self, expr: &'a Expr<'a>) {
        match &expr.kind {
            ExprKind::This
            | ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Number(_)
            | ExprKind::String(_)
            | ExprKind::Regex(_) => {}
            ExprKind::Ident(name) => self.reference(name),
            ExprKind::Array(elements) => {
                for element in elements.iter().flatten() {
                    self.expr(element);
                }
            }
            ExprKind::Object(properties) => {
                for property in properties.iter() {
                    match &property.value {
                        PropertyValue::Init(value) => self.expr(value),
                        PropertyValue::Getter(f) | PropertyValue::Setter(f) => self.function(f),
                    }
                }
            }
            ExprKind::Function(function) => self.function(function),
            ExprKind::Unary { argument, .. } => self.expr(argument),
            ExprKind::Update { target, .. } => self.expr(target),
            ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Assign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            ExprKind::Conditional {
                test,
                then,
                otherwise,
            } => {
                self.expr(test);
                self.expr(then);
                self.expr(otherwise);
            }
            ExprKind::Call { callee, arguments } => {
                if let ExprKind::Ident(name) = &callee.kind {
                    if name.name == "eval" {
                        self.direct_eval();
                    }
                }
                self.expr(callee);
                for argument in arguments.iter() {
                    self.expr(argument);
                }
            }
            ExprKind::New { callee, arguments } => {
                self.expr(callee);
                for argument in arguments.iter() {
                    self.expr(argument);
                }
            }
            ExprKind::Member { object, .. } => self.expr(object),
            ExprKind::Index { object, index } => {
                self.expr(object);
                self.expr(index);
            }
            ExprKind::Sequence(items) => {
                for item in items.iter() {
                    self.expr(item);
                }
            }
        }
    }

    /// A possible direct `eval`: its code may use `arguments` and any variable in scope.
    fn direct_eval(&mut self) {
        let function = self.tree.function_of(self.scope);
        // The code may name a variable of any function around it.
        self.mark_functions(self.scope, None, |s| s.uses_outer = true);
        self.tree.scopes[function].has_eval = true;
        // Its `arguments` is that of the innermost function around it that has one (an
        // arrow function has none of its own).
        let mut owner = Some(function);
        while let Some(id) = owner.filter(|&id| self.tree.scopes[id].arrow) {
            owner = self.tree.scopes[id]
                .parent
                .map(|p| self.tree.function_of(p));
        }
        if let Some(owner) = owner {
            let scope = &mut self.tree.scopes[owner];
            if scope.kind == ScopeKindAst::Function {
                scope.uses_arguments = true;
                scope.declare("arguments", VarOrigin::Arguments);
            }
        }
        self.mark_named_from(self.scope);
    }

    /// Keeps every variable of `scope` and of the scopes around it in named heap environments.
    fn mark_named_from(&mut self, scope: ScopeId) {
        let mut current = Some(scope);
        while let Some(id) = current {
            let scope = &mut self.tree.scopes[id];
            scope.named = true;
            for var in &mut scope.vars {
                var.captured = true;
            }
            current = scope.parent;
        }
    }

    /// Calls `mark` on every function scope from `from` (included) up to `until` (excluded;
    /// `None`: all the way out).
    fn mark_functions(
        &mut self,
        from: ScopeId,
        until: Option<ScopeId>,
        mark: impl Fn(&mut Scope<'a>),
    ) {
        let mut current = Some(from);
        while let Some(id) = current.filter(|&id| Some(id) != until) {
            let scope = &mut self.tree.scopes[id];
            if scope.kind == ScopeKindAst::Function {
                mark(scope);
            }
            current = scope.parent;
        }
    }

    /// A use of `name` at the current point: find its declaration, and mark it captured if it
    /// belongs to an enclosing function (and the functions in between as using it).
    fn reference(&mut self, name: &Ident<'a>) {
        match self.resolve_reference(name) {
            // A variable of an enclosing function, block or catch clause: every function
            // between here and there needs the environment it is made in.
            Some((id, crossed)) if self.tree.scopes[id].kind != ScopeKindAst::Script => {
                if crossed {
                    self.mark_functions(self.scope, Some(id), |s| s.uses_outer = true);
                }
            }
            // A global (declared by the script or not at all).
            _ => self.mark_functions(self.scope, None, |s| s.uses_free = true),
        }
    }

    /// Finds the declaration `name` refers to, marking it captured if it belongs to an
    /// enclosing function: its scope, and whether a function boundary was crossed to get
    /// there (`None` when nothing declares it).
    fn resolve_reference(&mut self, name: &Ident<'a>) -> Option<(ScopeId, bool)> {
        let mut current = Some(self.scope);
        let mut crossed_function = false;
        while let Some(id) = current {
            let scope = &mut self.tree.scopes[id];
            if let Some(index) = scope.lookup(name.name) {
                if crossed_function {
                    scope.vars[index].captured = true;
                }
                let var = &mut scope.vars[index];
                if var.origin.is_lexical()
                    && (crossed_function || name.span.start < var.init_end || scope.switch)
                {
                    var.tdz = true;
                }
                // `var arguments` does not replace the arguments object (10.5 step 7 creates
                // it unless a parameter or function is so named; the `var` then changes
                // nothing): the variable starts as the arguments object.
                if name.name == "arguments"
                    && scope.kind == ScopeKindAst::Function
                    && !scope.arrow
                    && scope.vars[index].origin == VarOrigin::Var
                {
                    scope.vars[index].origin = VarOrigin::Arguments;
                    scope.uses_arguments = true;
                }
                return Some((id, crossed_function));
            }
            if scope.kind == ScopeKindAst::Function {
                if name.name == "arguments" && !scope.arrow {
                    scope.uses_arguments = true;
                    let index = scope.declare("arguments", VarOrigin::Arguments);
                    if crossed_function || scope.named {
                        scope.vars[index].captured = true;
                    }
                    return Some((id, crossed_function));
                }
                if scope.self_name == Some(name.name) {
                    let index = scope.declare(name.name, VarOrigin::SelfName);
                    if crossed_function || scope.named {
                        scope.vars[index].captured = true;
                    }
                    return Some((id, crossed_function));
                }
                crossed_function = true;
            }
            current = scope.parent;
        }
        None
    }
}
