//! Scope analysis: which names each function declares, which of them inner functions capture,
//! and where `with` and direct `eval` force names to be looked up at run time.
//!
//! The compiler resolves every identifier it can at compile time. A variable lives in a frame
//! register unless an inner function captures it, in which case it lives in a heap
//! environment the closure keeps alive. That decision needs the whole function analysed first,
//! so this pass walks the tree once, before any code is generated, and records for every
//! function and `catch` clause a [`Scope`]: its variables and whether each is captured.
//!
//! Two constructs defeat static resolution. Inside `with (obj)`, any name may be a property of
//! `obj`; and a direct `eval` in sloppy code may declare new variables in its caller. Names
//! affected by either are compiled as run-time lookups by name, and every variable those
//! lookups could reach is kept in a named heap environment.

use crate::ast::{
    CatchClause, Expr, ExprKind, ForInTarget, ForInit, Function, Ident, Program, PropertyValue,
    Stmt, StmtKind,
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
}

/// A declared variable.
#[derive(Debug)]
pub struct Var<'a> {
    pub name: &'a str,
    /// An inner function (or a run-time lookup by name) may reach it: it lives in the heap.
    pub captured: bool,
    /// How the variable came to be.
    pub origin: VarOrigin,
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
        });
        self.index.insert(name, self.vars.len() - 1);
        self.vars.len() - 1
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
        walker.statements(program.body);
        tree
    }

    /// The scope made for a function node.
    pub fn function_scope(&self, function: &Function<'_>) -> Option<ScopeId> {
        self.by_node
            .get(&(function as *const Function<'_> as usize))
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
        while self.scopes[scope].kind == ScopeKindAst::Catch {
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
pub(super) fn for_each_statement<'a>(body: &'a [Stmt<'a>], mut f: impl FnMut(&'a Stmt<'a>)) {
    let mut pending: Vec<&'a Stmt<'a>> = body.iter().rev().collect();
    while let Some(stmt) = pending.pop() {
        f(stmt);
        match &stmt.kind {
            StmtKind::Block(body) => pending.extend(body.iter().rev()),
            StmtKind::If {
                then, otherwise, ..
            } => {
                if let Some(otherwise) = otherwise {
                    pending.push(otherwise);
                }
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
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                if let Some(finalizer) = finalizer {
                    pending.extend(finalizer.iter().rev());
                }
                if let Some(handler) = handler {
                    pending.extend(handler.body.iter().rev());
                }
                pending.extend(block.iter().rev());
            }
            _ => {}
        }
    }
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
            StmtKind::Block(body) => self.statements(body),
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
                    None => {}
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
                for case in cases.iter() {
                    if let Some(test) = case.test {
                        self.expr(test);
                    }
                    self.statements(case.body);
                }
            }
            StmtKind::Labeled { body, .. } => self.statement(body),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                self.statements(block);
                if let Some(handler) = handler {
                    self.catch_clause(handler);
                }
                if let Some(finalizer) = finalizer {
                    self.statements(finalizer);
                }
            }
            StmtKind::FunctionDecl(function) => self.function(function),
        }
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
        self.statements(clause.body);
        self.scope = outer;
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
        let id = self.tree.scopes.len();
        self.tree.scopes.push(scope);
        self.tree
            .by_node
            .insert(function as *const Function<'_> as usize, id);
        self.declarations(id, function.body);

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
        let scope = &mut self.tree.scopes[function];
        scope.has_eval = true;
        if scope.kind == ScopeKindAst::Function {
            scope.uses_arguments = true;
            scope.declare("arguments", VarOrigin::Arguments);
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

    /// A use of `name` at the current point: find its declaration, and mark it captured if it
    /// belongs to an enclosing function.
    fn reference(&mut self, name: &Ident<'a>) {
        let mut current = Some(self.scope);
        let mut crossed_function = false;
        while let Some(id) = current {
            let scope = &mut self.tree.scopes[id];
            if let Some(index) = scope.lookup(name.name) {
                if crossed_function {
                    scope.vars[index].captured = true;
                }
                // `var arguments` does not replace the arguments object (10.5 step 7 creates
                // it unless a parameter or function is so named; the `var` then changes
                // nothing): the variable starts as the arguments object.
                if name.name == "arguments"
                    && scope.kind == ScopeKindAst::Function
                    && scope.vars[index].origin == VarOrigin::Var
                {
                    scope.vars[index].origin = VarOrigin::Arguments;
                    scope.uses_arguments = true;
                }
                return;
            }
            if scope.kind == ScopeKindAst::Function {
                if name.name == "arguments" {
                    scope.uses_arguments = true;
                    let index = scope.declare("arguments", VarOrigin::Arguments);
                    if crossed_function || scope.named {
                        scope.vars[index].captured = true;
                    }
                    return;
                }
                if scope.self_name == Some(name.name) {
                    let index = scope.declare(name.name, VarOrigin::SelfName);
                    if crossed_function || scope.named {
                        scope.vars[index].captured = true;
                    }
                    return;
                }
                crossed_function = true;
            }
            current = scope.parent;
        }
    }
}
