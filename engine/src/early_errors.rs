//! The spec's early errors, checked in one pass over the syntax tree after parsing.
//!
//! The grammar accepts a little more than the language allows; the rest is decided here, where
//! the context is easy to see: whether code is strict (a `"use strict"` directive applies to the
//! function it is in and everything nested inside), which labels and loops enclose a `break`,
//! and whether we are inside a function at all.
//!
//! The pass also bounds the nesting depth of the tree. Every later pass (the compiler, the
//! dumps) walks the tree recursively, so a tree deeper than [`MAX_DEPTH`] is rejected here, with
//! a `SyntaxError`, instead of overflowing the Rust stack later.

use crate::ast::{
    Expr, ExprKind, ForInTarget, ForInit, Function, FunctionKind, Ident, LexicalKind, Program,
    Property, PropertyValue, RegexLit, Span, Stmt, StmtKind, UnaryOp, VarDecl,
};
use crate::error::SyntaxError;

/// How deeply statements and expressions may nest. Real programs stay far below it; generated
/// code with long `a + b + ...` chains reaches a few thousand.
pub const MAX_DEPTH: usize = 20_000;

/// Words that are reserved in all code: an identifier spelled with escapes must not be one.
const RESERVED_WORDS: &[&str] = &[
    "break",
    "case",
    "catch",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "finally",
    "for",
    "function",
    "if",
    "in",
    "instanceof",
    "new",
    "return",
    "switch",
    "this",
    "throw",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "null",
    "true",
    "false",
    "class",
    "const",
    "enum",
    "export",
    "extends",
    "import",
    "super",
];

/// Words that are reserved only in strict code (ES5.1 7.6.1.2).
const STRICT_RESERVED_WORDS: &[&str] = &[
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    "yield",
];

/// Checks the early errors of a whole script.
///
/// # Errors
/// The first early error found, as a [`SyntaxError`].
pub fn check_program(program: &Program<'_>) -> Result<(), SyntaxError> {
    check_code(program, false)
}

/// Checks the early errors of code that runs inside code whose strictness is `strict_context`:
/// code given to a direct `eval` from strict code is strict even without its own directive.
///
/// # Errors
/// The first early error found, as a [`SyntaxError`].
pub fn check_code(program: &Program<'_>, strict_context: bool) -> Result<(), SyntaxError> {
    let mut checker = Checker {
        strict: strict_context || program.use_strict,
        in_function: false,
        labels: Vec::new(),
        loops: 0,
        breakables: 0,
        depth: 0,
    };
    redeclarations(&[program.body], &[], &[], None)?;
    checker.statements(program.body)
}

/// ES2015's redeclaration early errors for one scope of `let`s and `const`s (a block, the
/// cases of a `switch`, a function body, a script, a `for` head): the names `lexical` declares
/// (the declarations directly in `lists`, plus `extra` from a `for` head) may not be declared
/// twice, nor also by a function declaration in the same lists, a parameter, or a `var`
/// anywhere inside (13.2.1.1, 13.12.1, 14.1.2, 15.1.1). In a block (`block` is then the
/// strictness), function declarations are lexical too: a `var` of the same name is an error,
/// and so, in strict code, are two of them (ES2015 B.3.3.4 allows that in sloppy code).
fn redeclarations<'a>(
    lists: &[&'a [Stmt<'a>]],
    extra: &[&'a VarDecl<'a>],
    params: &[Ident<'a>],
    block: Option<bool>,
) -> Result<(), SyntaxError> {
    let mut lexical: Vec<&Ident<'a>> = extra.iter().map(|d| &d.name).collect();
    let mut functions: Vec<&Ident<'a>> = Vec::new();
    for stmt in lists.iter().flat_map(|list| list.iter()) {
        match &stmt.kind {
            StmtKind::Lexical { decls, .. } => lexical.extend(decls.iter().map(|d| &d.name)),
            StmtKind::FunctionDecl(Function {
                name: Some(name), ..
            }) if block.is_some() => functions.push(name),
            _ => {}
        }
    }
    if lexical.is_empty() && functions.is_empty() {
        return Ok(());
    }
    if block == Some(true) {
        for (i, name) in functions.iter().enumerate() {
            if functions[..i].iter().any(|n| n.name == name.name) {
                return error(
                    format!("Identifier '{}' has already been declared", name.name),
                    name.span,
                );
            }
        }
    }
    let declared = |name: &Ident<'_>| {
        error(
            format!("Identifier '{}' has already been declared", name.name),
            name.span,
        )
    };
    for (i, name) in lexical.iter().enumerate() {
        if lexical[..i].iter().any(|n| n.name == name.name) {
            return declared(name);
        }
    }
    let is_lexical = |name: &str| lexical.iter().any(|n| n.name == name);
    let is_block_level = |name: &str| is_lexical(name) || functions.iter().any(|n| n.name == name);
    for stmt in lists.iter().flat_map(|list| list.iter()) {
        if let StmtKind::FunctionDecl(Function {
            name: Some(name), ..
        }) = &stmt.kind
        {
            if is_lexical(name.name) {
                return declared(name);
            }
        }
    }
    if let Some(param) = params.iter().find(|p| is_lexical(p.name)) {
        return declared(param);
    }
    let mut clash = None;
    for list in lists {
        crate::compiler::scope::for_each_statement(list, |stmt| {
            let vars: &[VarDecl<'_>] = match &stmt.kind {
                StmtKind::Var(decls)
                | StmtKind::For {
                    init: Some(ForInit::Var(decls)),
                    ..
                } => decls,
                StmtKind::ForIn {
                    target: ForInTarget::Var(decl),
                    ..
                } => std::slice::from_ref(*decl),
                _ => &[],
            };
            if let Some(decl) = vars.iter().find(|d| is_block_level(d.name.name)) {
                clash = clash.or(Some(decl.name));
            }
        });
    }
    match clash {
        Some(name) => declared(&name),
        None => Ok(()),
    }
}

/// A label in scope, and whether it labels a loop (only those can be `continue`d).
struct Label<'a> {
    name: &'a str,
    is_loop: bool,
}

/// The context of the code being checked.
struct Checker<'a> {
    /// The code is strict mode code.
    strict: bool,
    /// Inside a function body (`return` is allowed).
    in_function: bool,
    /// Labels enclosing the current statement, innermost last (reset at function boundaries).
    labels: Vec<Label<'a>>,
    /// Enclosing loops in the current function (`continue` needs one).
    loops: usize,
    /// Enclosing loops and switches in the current function (`break` needs one).
    breakables: usize,
    /// Current nesting depth of statements and expressions.
    depth: usize,
}

/// Runs `f`, first growing the stack if little of it is left, so that walking a tree
/// [`MAX_DEPTH`] deep works on any thread, whatever its stack size.
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    crate::stack::maybe_grow(64 * 1024, 2 * 1024 * 1024, f)
}

fn error(message: impl Into<String>, span: Span) -> Result<(), SyntaxError> {
    Err(SyntaxError::new(message, span))
}

impl<'a> Checker<'a> {
    /// Enters one level of nesting.
    fn enter(&mut self, span: Span) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return error("Program is nested too deeply", span);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn statements(&mut self, body: &'a [Stmt<'a>]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|stmt| self.statement(stmt))
    }

    fn statement(&mut self, stmt: &'a Stmt<'a>) -> Result<(), SyntaxError> {
        self.enter(stmt.span)?;
        with_stack(|| self.statement_inner(stmt))?;
        self.leave();
        Ok(())
    }

    fn statement_inner(&mut self, stmt: &'a Stmt<'a>) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::Block(body) => {
                redeclarations(&[body], &[], &[], Some(self.strict))?;
                self.statements(body)
            }
            StmtKind::Lexical { kind, decls } => self.lexical(*kind, decls, true),
            StmtKind::Var(decls) => decls.iter().try_for_each(|decl| {
                self.binding(&decl.name)?;
                decl.init.map_or(Ok(()), |init| self.expr(init))
            }),
            StmtKind::Empty | StmtKind::Debugger => Ok(()),
            StmtKind::Expr(expr) => self.expr(expr),
            StmtKind::If {
                test,
                then,
                otherwise,
            } => {
                self.expr(test)?;
                self.sub_statement(then)?;
                otherwise.map_or(Ok(()), |s| self.sub_statement(s))
            }
            StmtKind::DoWhile { body, test } => {
                self.loop_body(body)?;
                self.expr(test)
            }
            StmtKind::While { test, body } => {
                self.expr(test)?;
                self.loop_body(body)
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                match init {
                    Some(ForInit::Var(decls)) => decls.iter().try_for_each(|decl| {
                        self.binding(&decl.name)?;
                        decl.init.map_or(Ok(()), |init| self.expr(init))
                    })?,
                    Some(ForInit::Expr(expr)) => self.expr(expr)?,
                    Some(ForInit::Lexical { kind, decls }) => {
                        let extra: Vec<&VarDecl<'a>> = decls.iter().collect();
                        redeclarations(&[std::slice::from_ref(*body)], &extra, &[], None)?;
                        self.lexical(*kind, decls, true)?;
                    }
                    None => {}
                }
                test.map_or(Ok(()), |e| self.expr(e))?;
                update.map_or(Ok(()), |e| self.expr(e))?;
                self.loop_body(body)
            }
            StmtKind::ForIn {
                target,
                object,
                body,
            } => {
                match target {
                    ForInTarget::Var(decl) => {
                        self.binding(&decl.name)?;
                        decl.init.map_or(Ok(()), |init| self.expr(init))?;
                    }
                    ForInTarget::Expr(expr) => self.assignment_target(expr)?,
                    // `for (const x in o)` needs no initialiser: each key initialises it.
                    ForInTarget::Lexical { kind, decl } => {
                        redeclarations(&[std::slice::from_ref(*body)], &[decl], &[], None)?;
                        self.lexical(*kind, std::slice::from_ref(*decl), false)?;
                    }
                }
                self.expr(object)?;
                self.loop_body(body)
            }
            StmtKind::Continue(label) => self.check_continue(label.as_ref(), stmt.span),
            StmtKind::Break(label) => self.check_break(label.as_ref(), stmt.span),
            StmtKind::Return(value) => {
                if !self.in_function {
                    return error("Illegal return statement", stmt.span);
                }
                value.map_or(Ok(()), |e| self.expr(e))
            }
            StmtKind::With { object, body } => {
                if self.strict {
                    return error(
                        "Strict mode code may not include a with statement",
                        stmt.span,
                    );
                }
                self.expr(object)?;
                self.sub_statement(body)
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.expr(discriminant)?;
                let bodies: Vec<_> = cases.iter().map(|case| case.body).collect();
                redeclarations(&bodies, &[], &[], Some(self.strict))?;
                self.breakables += 1;
                for case in cases.iter() {
                    case.test.map_or(Ok(()), |e| self.expr(e))?;
                    self.statements(case.body)?;
                }
                self.breakables -= 1;
                Ok(())
            }
            StmtKind::Labeled { label, body } => self.labeled(label, body),
            StmtKind::Throw(value) => self.expr(value),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                redeclarations(&[block], &[], &[], Some(self.strict))?;
                self.statements(block)?;
                if let Some(handler) = handler {
                    self.binding(&handler.param)?;
                    redeclarations(
                        &[handler.body],
                        &[],
                        std::slice::from_ref(&handler.param),
                        Some(self.strict),
                    )?;
                    self.statements(handler.body)?;
                }
                if let Some(finalizer) = finalizer {
                    redeclarations(&[finalizer], &[], &[], Some(self.strict))?;
                }
                finalizer.map_or(Ok(()), |f| self.statements(f))
            }
            StmtKind::FunctionDecl(function) => self.function(function),
        }
    }

    /// The body of `if`, `else`, `with` or a label. A function declaration there is an Annex B
    /// extension that strict code does not have.
    fn sub_statement(&mut self, stmt: &'a Stmt<'a>) -> Result<(), SyntaxError> {
        if self.strict {
            if let StmtKind::FunctionDecl(function) = &stmt.kind {
                return error(
                    "In strict mode code, functions can only be declared at top level or inside a block",
                    function.span,
                );
            }
        }
        self.statement(stmt)
    }

    fn loop_body(&mut self, body: &'a Stmt<'a>) -> Result<(), SyntaxError> {
        self.loops += 1;
        self.breakables += 1;
        self.statement(body)?;
        self.loops -= 1;
        self.breakables -= 1;
        Ok(())
    }

    fn labeled(&mut self, label: &Ident<'a>, body: &'a Stmt<'a>) -> Result<(), SyntaxError> {
        self.reference(label)?;
        if self.labels.iter().any(|l| l.name == label.name) {
            return error(
                format!("Label '{}' has already been declared", label.name),
                label.span,
            );
        }
        // `a: b: while (x) continue a;` is fine: a label chain ending in a loop labels the loop.
        let mut inner = body;
        while let StmtKind::Labeled { body, .. } = &inner.kind {
            inner = body;
        }
        let is_loop = matches!(
            inner.kind,
            StmtKind::DoWhile { .. }
                | StmtKind::While { .. }
                | StmtKind::For { .. }
                | StmtKind::ForIn { .. }
        );
        self.labels.push(Label {
            name: label.name,
            is_loop,
        });
        let result = self.sub_statement(body);
        self.labels.pop();
        result
    }

    fn check_continue(&mut self, label: Option<&Ident<'a>>, span: Span) -> Result<(), SyntaxError> {
        match label {
            None if self.loops == 0 => error(
                "Illegal continue statement: no surrounding iteration statement",
                span,
            ),
            None => Ok(()),
            Some(label) => match self.labels.iter().find(|l| l.name == label.name) {
                None => error(format!("Undefined label '{}'", label.name), label.span),
                Some(l) if !l.is_loop => error(
                    format!(
                        "Illegal continue statement: '{}' does not denote an iteration statement",
                        label.name
                    ),
                    label.span,
                ),
                Some(_) => Ok(()),
            },
        }
    }

    fn check_break(&mut self, label: Option<&Ident<'a>>, span: Span) -> Result<(), SyntaxError> {
        match label {
            None if self.breakables == 0 => error("Illegal break statement", span),
            None => Ok(()),
            Some(label) if self.labels.iter().any(|l| l.name == label.name) => Ok(()),
            Some(label) => error(format!("Undefined label '{}'", label.name), label.span),
        }
    }

    /// A function: its name, parameters and body, in the function's own strictness (a
    /// `"use strict"` directive in the body applies to the name and parameters too).
    fn function(&mut self, function: &'a Function<'a>) -> Result<(), SyntaxError> {
        let outer_strict = self.strict;
        self.strict = outer_strict || function.use_strict;
        let saved = (
            self.in_function,
            std::mem::take(&mut self.labels),
            self.loops,
            self.breakables,
        );
        self.in_function = true;
        self.loops = 0;
        self.breakables = 0;

        let result = self.function_inner(function);

        self.strict = outer_strict;
        (self.in_function, self.labels, self.loops, self.breakables) = saved;
        result
    }

    fn function_inner(&mut self, function: &'a Function<'a>) -> Result<(), SyntaxError> {
        if let Some(name) = &function.name {
            self.binding(name)?;
        }
        for (i, param) in function.params.iter().enumerate() {
            self.binding(param)?;
            // Arrow functions and methods reject duplicates in sloppy code too (ES2015
            // 14.2.1, 14.3.1).
            let unique =
                self.strict || matches!(function.kind, FunctionKind::Arrow | FunctionKind::Method);
            if unique && function.params[..i].iter().any(|p| p.name == param.name) {
                return error(
                    "Duplicate parameter name not allowed in this context",
                    param.span,
                );
            }
        }
        redeclarations(&[function.body], &[], function.params, None)?;
        self.statements(function.body)
    }

    /// A `let` or `const` declaration: `let` cannot name one (ES2015 13.3.1.1), and a
    /// `const` needs an initialiser (except in a `for-in` head).
    fn lexical(
        &mut self,
        kind: LexicalKind,
        decls: &'a [VarDecl<'a>],
        needs_init: bool,
    ) -> Result<(), SyntaxError> {
        decls.iter().try_for_each(|decl| {
            self.binding(&decl.name)?;
            if decl.name.name == "let" {
                return error(
                    "let is disallowed as a lexically bound name",
                    decl.name.span,
                );
            }
            if kind == LexicalKind::Const && needs_init && decl.init.is_none() {
                return error("Missing initializer in const declaration", decl.span);
            }
            decl.init.map_or(Ok(()), |init| self.expr(init))
        })
    }

    /// A name being declared (var, function, parameter, catch parameter) or assigned.
    fn binding(&mut self, name: &Ident<'a>) -> Result<(), SyntaxError> {
        self.reference(name)?;
        if self.strict && (name.name == "eval" || name.name == "arguments") {
            return error(
                format!(
                    "Unexpected eval or arguments in strict mode ('{}')",
                    name.name
                ),
                name.span,
            );
        }
        Ok(())
    }

    /// Any use of an identifier (not a property name): it must not be a reserved word.
    fn reference(&mut self, name: &Ident<'a>) -> Result<(), SyntaxError> {
        if name.escaped && RESERVED_WORDS.contains(&name.name) {
            return error(
                format!(
                    "Keyword must not contain escaped characters ('{}')",
                    name.name
                ),
                name.span,
            );
        }
        if self.strict && STRICT_RESERVED_WORDS.contains(&name.name) {
            return error(
                format!("Unexpected strict mode reserved word '{}'", name.name),
                name.span,
            );
        }
        Ok(())
    }

    /// The target of `=`, a compound assignment, `++`/`--`, or a for-in loop.
    fn assignment_target(&mut self, target: &'a Expr<'a>) -> Result<(), SyntaxError> {
        match &target.kind {
            // Assigning `eval` or `arguments` is ruled out in strict code as declaring them is.
            ExprKind::Ident(name) => self.binding(name),
            ExprKind::Member { .. } | ExprKind::Index { .. } => self.expr(target),
            // `f() = 1` is a ReferenceError at run time, as the engines of the web have it.
            ExprKind::Call { .. } if !self.strict => self.expr(target),
            _ => error("Invalid left-hand side in assignment", target.span),
        }
    }

    fn object_literal(&mut self, properties: &'a [Property<'a>]) -> Result<(), SyntaxError> {
        properties.iter().try_for_each(|property| {
            if let crate::ast::PropertyKey::Number(number, span) = property.key {
                if self.strict && number.legacy_octal {
                    return error("Octal literals are not allowed in strict mode", span);
                }
            }
            if let crate::ast::PropertyKey::String(string, span) = property.key {
                if self.strict && string.has_octal_escape {
                    return error(
                        "Octal escape sequences are not allowed in strict mode",
                        span,
                    );
                }
            }
            match &property.value {
                PropertyValue::Init(value) => self.expr(value),
                PropertyValue::Getter(function) | PropertyValue::Setter(function) => {
                    self.function(function)
                }
            }
        })
    }

    fn expr(&mut self, expr: &'a Expr<'a>) -> Result<(), SyntaxError> {
        self.enter(expr.span)?;
        with_stack(|| self.expr_inner(expr))?;
        self.leave();
        Ok(())
    }

    fn expr_inner(&mut self, expr: &'a Expr<'a>) -> Result<(), SyntaxError> {
        match &expr.kind {
            ExprKind::This | ExprKind::Null | ExprKind::Bool(_) => Ok(()),
            ExprKind::Ident(name) => self.reference(name),
            ExprKind::Number(number) => {
                if self.strict && number.legacy_octal {
                    return error("Octal literals are not allowed in strict mode", expr.span);
                }
                Ok(())
            }
            ExprKind::String(string) => {
                if self.strict && string.has_octal_escape {
                    return error(
                        "Octal escape sequences are not allowed in strict mode",
                        expr.span,
                    );
                }
                Ok(())
            }
            ExprKind::Regex(regex) => check_regex(regex, expr.span),
            ExprKind::Array(elements) => elements
                .iter()
                .flatten()
                .try_for_each(|element| self.expr(element)),
            ExprKind::Object(properties) => {
                // ES2015 B.3.1: a literal may set its prototype once.
                if properties.iter().filter(|p| p.sets_prototype()).count() > 1 {
                    return error(
                        "Duplicate __proto__ fields are not allowed in object literals",
                        expr.span,
                    );
                }
                self.object_literal(properties)
            }
            ExprKind::Function(function) => {
                debug_assert!(matches!(
                    function.kind,
                    FunctionKind::Expression | FunctionKind::Arrow | FunctionKind::Method
                ));
                self.function(function)
            }
            ExprKind::Unary { op, argument } => {
                if *op == UnaryOp::Delete && self.strict {
                    if let ExprKind::Ident(_) = argument.kind {
                        return error(
                            "Delete of an unqualified identifier in strict mode",
                            expr.span,
                        );
                    }
                }
                self.expr(argument)
            }
            ExprKind::Update { target, .. } => self.assignment_target(target),
            ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::Assign { target, value, .. } => {
                self.assignment_target(target)?;
                self.expr(value)
            }
            ExprKind::Conditional {
                test,
                then,
                otherwise,
            } => {
                self.expr(test)?;
                self.expr(then)?;
                self.expr(otherwise)
            }
            ExprKind::Call { callee, arguments } | ExprKind::New { callee, arguments } => {
                self.expr(callee)?;
                arguments.iter().try_for_each(|a| self.expr(a))
            }
            ExprKind::Member { object, .. } => self.expr(object),
            ExprKind::Index { object, index } => {
                self.expr(object)?;
                self.expr(index)
            }
            ExprKind::Sequence(items) => items.iter().try_for_each(|e| self.expr(e)),
        }
    }
}

/// A regular expression literal (ES5.1 7.8.5): its flags must be `g`, `i`, `m`, each at most
/// once, and its pattern a valid Pattern (15.10.1); either mistake is an early error (16).
///
/// The check is the RegExp builtin's own (`builtins::regexp::check_literal`, which compiles
/// the pattern with `regress`), so a literal parses exactly when its RegExp can be made. Like
/// browsers, `regress` accepts the Annex B syntax of non-unicode patterns (`/]/`, `/a{/`,
/// `/\c/`, `/\8/`, ...) and the later additions that do not clash with it (lookbehind, named
/// groups). Its own limits: groups nested more than 256 deep, and more than 50,000 `|`.
fn check_regex(regex: &RegexLit<'_>, span: Span) -> Result<(), SyntaxError> {
    match crate::builtins::regexp::check_literal(regex.pattern, regex.flags) {
        Ok(()) => Ok(()),
        Err(message) => error(message, span),
    }
}

/// Whether `pattern` puts a quantifier on a `\b` or `\B` assertion (`/\b*/`, `/\B{2}/`): the
/// grammar gives an Assertion no Quantifier and browsers reject it, but `regress` accepts it.
pub(crate) fn quantifies_word_boundary(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let escaped = chars.next();
                if !in_class
                    && matches!(escaped, Some('b' | 'B'))
                    && starts_with_quantifier(chars.as_str())
                {
                    return true;
                }
            }
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
    }
    false
}

/// Whether `text` starts with `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` (any other `{` is a
/// literal brace in a non-unicode pattern).
fn starts_with_quantifier(text: &str) -> bool {
    fn skip_digits(s: &str) -> &str {
        s.trim_start_matches(|c: char| c.is_ascii_digit())
    }
    if text.starts_with(['*', '+', '?']) {
        return true;
    }
    let Some(braced) = text.strip_prefix('{') else {
        return false;
    };
    let after_min = skip_digits(braced);
    if after_min.len() == braced.len() {
        return false; // no digits
    }
    let after_max = after_min.strip_prefix(',').map_or(after_min, skip_digits);
    after_max.starts_with('}')
}
