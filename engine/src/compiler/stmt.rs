//! Code generation for statements.
//!
//! Every statement starts and ends with an empty operand stack; values that live across a
//! statement's parts (a `switch` discriminant, a `for-in` iterator, an exception) are kept in
//! registers. That keeps exits simple: a `break` never has stack values to discard.

use super::control::{Context, HandlerRanges, JumpContext, TryContext};
use super::function::{ChainLink, FunctionCompiler};
use crate::ast::{
    CatchClause, Expr, ExprKind, ForInTarget, ForInit, Span, Stmt, StmtKind, SwitchCase,
};
use crate::bytecode::proto::ProtoKind;
use crate::bytecode::Op;
use crate::early_errors::with_stack;
use crate::error::SyntaxError;

type Result<T> = std::result::Result<T, SyntaxError>;

impl<'a> FunctionCompiler<'_, 'a> {
    pub(super) fn statements(&mut self, body: &'a [Stmt<'a>]) -> Result<()> {
        body.iter().try_for_each(|stmt| self.statement(stmt))
    }

    pub(super) fn statement(&mut self, stmt: &'a Stmt<'a>) -> Result<()> {
        with_stack(|| self.statement_inner(stmt, Vec::new()))
    }

    /// Compiles `stmt`; `labels` are the labels directly in front of it.
    fn statement_inner(&mut self, stmt: &'a Stmt<'a>, labels: Vec<&'a str>) -> Result<()> {
        let span = stmt.span;
        if self.proto.kind != ProtoKind::Function
            && matches!(
                stmt.kind,
                StmtKind::If { .. }
                    | StmtKind::DoWhile { .. }
                    | StmtKind::While { .. }
                    | StmtKind::For { .. }
                    | StmtKind::ForIn { .. }
                    | StmtKind::With { .. }
                    | StmtKind::Switch { .. }
                    | StmtKind::Try { .. }
            )
        {
            // The completion value `eval` returns (ES2015's UpdateEmpty): these statements
            // complete with `undefined` unless their body produces a value, so the value of an
            // earlier statement does not show through them.
            self.emit(Op::Undefined, span);
            self.emit(Op::SetLocal { index: 0 }, span);
            self.emit(Op::Pop, span);
        }
        match &stmt.kind {
            StmtKind::Block(body) => self.block_statements(body, span),
            StmtKind::Lexical { decls, .. } => {
                for decl in decls.iter() {
                    match decl.init {
                        Some(init) => self.expr(init)?,
                        // `let x;` is `undefined` from here on (each time: a loop may come
                        // back).
                        None => self.emit(Op::Undefined, decl.span),
                    }
                    self.init_name(decl.name.name, decl.span)?;
                    self.emit(Op::Pop, decl.span);
                }
                Ok(())
            }
            StmtKind::For {
                init: Some(ForInit::Lexical { decls, .. }),
                test,
                update,
                body,
            } => {
                let Some(scope) = self.tree.block_scope(stmt) else {
                    return Err(SyntaxError::new("internal error: unanalysed for", span));
                };
                self.open_block(scope, span)?;
                let functions = self.function_declarations(std::slice::from_ref(*body));
                let mut result = self.declare_functions(functions);
                if result.is_ok() {
                    result = self.for_lexical(labels, scope, decls, *test, *update, body, span);
                }
                self.close_block(scope, span, result.is_ok());
                result
            }
            StmtKind::Var(decls) => {
                for decl in decls.iter() {
                    if let Some(init) = decl.init {
                        self.expr(init)?;
                        self.store_name(decl.name.name, decl.span)?;
                        self.emit(Op::Pop, decl.span);
                    }
                }
                Ok(())
            }
            StmtKind::Empty | StmtKind::FunctionDecl(_) => Ok(()),
            StmtKind::Expr(expr) => {
                if self.proto.kind == ProtoKind::Function {
                    return self.effect(expr);
                }
                self.expr(expr)?;
                // Script and eval code remember the value: it is eval's result.
                self.emit(Op::SetLocal { index: 0 }, span);
                self.emit(Op::Pop, span);
                Ok(())
            }
            StmtKind::If {
                test,
                then,
                otherwise,
            } => {
                let otherwise_label = self.new_label();
                self.jump_unless(test, otherwise_label, span)?;
                self.statement(then)?;
                match otherwise {
                    Some(otherwise) => {
                        let end = self.new_label();
                        self.jump(Op::Jump { target: 0 }, end, span);
                        self.bind(otherwise_label);
                        self.statement(otherwise)?;
                        self.bind(end);
                    }
                    None => self.bind(otherwise_label),
                }
                Ok(())
            }
            StmtKind::While { test, body } => self.loop_statement(labels, span, |c, top, exit| {
                c.bind(top);
                c.jump_unless(test, exit, span)?;
                c.statement(body)?;
                c.jump(Op::Jump { target: 0 }, top, span);
                Ok(())
            }),
            StmtKind::DoWhile { body, test } => {
                let start = self.new_label();
                self.bind(start);
                self.loop_statement(labels, span, |c, next, _exit| {
                    c.statement(body)?;
                    c.bind(next);
                    c.jump_if(test, start, span)?;
                    Ok(())
                })
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
                            if let Some(init) = decl.init {
                                self.expr(init)?;
                                self.store_name(decl.name.name, decl.span)?;
                                self.emit(Op::Pop, decl.span);
                            }
                        }
                    }
                    Some(ForInit::Expr(expr)) => {
                        self.expr(expr)?;
                        self.emit(Op::Pop, span);
                    }
                    // Compiled above, with a block scope.
                    Some(ForInit::Lexical { .. }) | None => {}
                }
                let top = self.new_label();
                self.bind(top);
                self.loop_statement(labels, span, |c, next, exit| {
                    if let Some(test) = test {
                        c.jump_unless(test, exit, span)?;
                    }
                    c.statement(body)?;
                    c.bind(next);
                    if let Some(update) = update {
                        c.effect(update)?;
                    }
                    c.jump(Op::Jump { target: 0 }, top, span);
                    Ok(())
                })
            }
            StmtKind::ForIn {
                target,
                object,
                body,
            } => {
                let scope = match target {
                    ForInTarget::Lexical { .. } => self.tree.block_scope(stmt),
                    _ => None,
                };
                self.for_in(labels, target, object, body, scope, span)
            }
            StmtKind::Continue(label) => self.continue_statement(label.map(|l| l.name), span),
            StmtKind::Break(label) => self.break_statement(label.map(|l| l.name), span),
            StmtKind::Return(value) => {
                match value {
                    Some(value) => self.expr(value)?,
                    None => self.emit(Op::Undefined, span),
                }
                self.return_value(span)
            }
            StmtKind::With { object, body } => {
                self.expr(object)?;
                self.emit(Op::EnterWith, span);
                self.env_count += 1;
                self.push_link(ChainLink::With);
                self.contexts.push(Context::Env);
                let result = self.statement(body);
                self.contexts.pop();
                self.pop_link();
                self.env_count -= 1;
                result?;
                self.emit(Op::LeaveEnv, span);
                Ok(())
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                let scope = self.tree.block_scope(stmt);
                self.switch(labels, discriminant, cases, scope, span)
            }
            StmtKind::Labeled { label, body } => {
                let mut labels = labels;
                labels.push(label.name);
                match &body.kind {
                    StmtKind::While { .. }
                    | StmtKind::DoWhile { .. }
                    | StmtKind::For { .. }
                    | StmtKind::ForIn { .. }
                    | StmtKind::Labeled { .. } => with_stack(|| self.statement_inner(body, labels)),
                    _ => {
                        // A labelled statement that is not a loop: only `break label` targets it.
                        let exit = self.new_label();
                        self.contexts.push(Context::Jump(JumpContext {
                            labels,
                            break_label: exit,
                            continue_label: None,
                            unlabeled_break: false,
                        }));
                        let result = self.statement(body);
                        self.contexts.pop();
                        result?;
                        self.bind(exit);
                        Ok(())
                    }
                }
            }
            StmtKind::Throw(value) => {
                self.expr(value)?;
                self.emit(Op::Throw, span);
                Ok(())
            }
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => self.try_statement(block, handler.as_ref(), *finalizer, span),
            StmtKind::Debugger => {
                self.emit(Op::Debugger, span);
                Ok(())
            }
        }
    }

    /// Compiles a loop whose `body` closure gets the label `continue` goes to and the label
    /// after the loop (which `break` goes to, bound here).
    fn loop_statement(
        &mut self,
        labels: Vec<&'a str>,
        _span: Span,
        body: impl FnOnce(&mut Self, super::function::Label, super::function::Label) -> Result<()>,
    ) -> Result<()> {
        let next = self.new_label();
        let exit = self.new_label();
        self.contexts.push(Context::Jump(JumpContext {
            labels,
            break_label: exit,
            continue_label: Some(next),
            unlabeled_break: true,
        }));
        let result = body(self, next, exit);
        self.contexts.pop();
        result?;
        self.bind(exit);
        Ok(())
    }

    /// The statements of a block (or a `try`, `catch` or `finally` body), in their block
    /// scope if they declare `let`s or `const`s.
    pub(super) fn block_statements(&mut self, body: &'a [Stmt<'a>], span: Span) -> Result<()> {
        match self.tree.list_scope(body) {
            Some(scope) => {
                self.open_block(scope, span)?;
                let functions = self.function_declarations(body);
                let mut result = self.declare_functions(functions);
                if result.is_ok() {
                    result = self.statements(body);
                }
                self.close_block(scope, span, result.is_ok());
                result
            }
            None => self.statements(body),
        }
    }

    /// `for (let ...; test; update) body`, inside the loop's block scope. When closures
    /// capture the bindings (they live in an environment), each iteration gets a copy of the
    /// environment before the test runs (ES2015 13.7.4.8-9), so that a closure made in one
    /// iteration keeps that iteration's values; bindings in registers need nothing.
    #[allow(clippy::too_many_arguments)]
    fn for_lexical(
        &mut self,
        labels: Vec<&'a str>,
        scope: super::scope::ScopeId,
        decls: &'a [crate::ast::VarDecl<'a>],
        test: Option<&'a Expr<'a>>,
        update: Option<&'a Expr<'a>>,
        body: &'a Stmt<'a>,
        span: Span,
    ) -> Result<()> {
        for decl in decls.iter() {
            match decl.init {
                Some(init) => self.expr(init)?,
                None => self.emit(Op::Undefined, decl.span),
            }
            self.init_name(decl.name.name, decl.span)?;
            self.emit(Op::Pop, decl.span);
        }
        let per_iteration = self.scope_has_env(scope);
        if per_iteration {
            self.emit(Op::CopyEnv, span);
        }
        let top = self.new_label();
        self.bind(top);
        self.loop_statement(labels, span, |c, next, exit| {
            if let Some(test) = test {
                c.jump_unless(test, exit, span)?;
            }
            c.statement(body)?;
            c.bind(next);
            if per_iteration {
                c.emit(Op::CopyEnv, span);
            }
            if let Some(update) = update {
                c.effect(update)?;
            }
            c.jump(Op::Jump { target: 0 }, top, span);
            Ok(())
        })
    }

    /// `for (target in object) body`: the iterator lives in a register across iterations.
    fn for_in(
        &mut self,
        labels: Vec<&'a str>,
        target: &'a ForInTarget<'a>,
        object: &'a Expr<'a>,
        body: &'a Stmt<'a>,
        scope: Option<super::scope::ScopeId>,
        span: Span,
    ) -> Result<()> {
        if let ForInTarget::Var(decl) = target {
            // `for (var x = init in o)` assigns `init` before the object is evaluated.
            if let Some(init) = decl.init {
                self.expr(init)?;
                self.store_name(decl.name.name, decl.span)?;
                self.emit(Op::Pop, decl.span);
            }
        }
        let iterator = self.register(span)?;
        let key = self.register(span)?;
        self.expr(object)?;
        self.emit(Op::ForInStart, span);
        self.emit(Op::SetLocal { index: iterator }, span);
        self.emit(Op::Pop, span);
        let next = self.new_label();
        let exit = self.new_label();
        self.bind(next);
        self.emit(Op::GetLocal { index: iterator }, span);
        self.jump(Op::ForInNext { done: 0 }, exit, span);
        // (Before a `let`'s block scope is entered: `continue` and `break` leave it.)
        self.contexts.push(Context::Jump(JumpContext {
            labels,
            break_label: exit,
            continue_label: Some(next),
            unlabeled_break: true,
        }));
        match target {
            ForInTarget::Var(decl) => self.store_name(decl.name.name, decl.span)?,
            ForInTarget::Expr(target) => {
                self.emit(Op::SetLocal { index: key }, span);
                self.emit(Op::Pop, span);
                self.assign_from_register(target, key)?;
            }
            // `for (let x in o)`: a fresh binding (a fresh environment, if captured) for each
            // key, its block scope entered for the body only.
            ForInTarget::Lexical { decl, .. } => {
                let Some(scope) = scope else {
                    return Err(SyntaxError::new("internal error: unanalysed for-in", span));
                };
                self.open_block(scope, span)?;
                self.init_name(decl.name.name, decl.span)?;
                let functions = self.function_declarations(std::slice::from_ref(body));
                self.declare_functions(functions)?;
            }
        }
        self.emit(Op::Pop, span);
        let result = self.statement(body);
        if let Some(scope) = scope {
            self.close_block(scope, span, result.is_ok());
        }
        self.contexts.pop();
        result?;
        self.jump(Op::Jump { target: 0 }, next, span);
        // `ForInNext` pops the iterator before jumping here.
        self.set_depth(0);
        self.bind(exit);
        Ok(())
    }

    /// `switch`: the discriminant is compared with each `case` in order (`===`), then control
    /// enters the matching clause's body (or `default`'s) and falls through the rest.
    fn switch(
        &mut self,
        labels: Vec<&'a str>,
        discriminant: &'a Expr<'a>,
        cases: &'a [SwitchCase<'a>],
        scope: Option<super::scope::ScopeId>,
        span: Span,
    ) -> Result<()> {
        let value = self.register(span)?;
        self.expr(discriminant)?;
        self.emit(Op::SetLocal { index: value }, span);
        self.emit(Op::Pop, span);
        // The cases' `let`s and `const`s share one block scope, entered after the
        // discriminant and left at the exit (where `break` goes too).
        let mut result = Ok(());
        if let Some(scope) = scope {
            self.open_block(scope, span)?;
            let mut functions = Vec::new();
            for case in cases.iter() {
                functions.extend(self.function_declarations(case.body));
            }
            result = self.declare_functions(functions);
        }
        if result.is_ok() {
            result = self.switch_cases(labels, value, cases, span);
        }
        if let Some(scope) = scope {
            self.close_block(scope, span, result.is_ok());
        }
        result
    }

    fn switch_cases(
        &mut self,
        labels: Vec<&'a str>,
        value: u32,
        cases: &'a [SwitchCase<'a>],
        span: Span,
    ) -> Result<()> {
        let bodies: Vec<_> = cases.iter().map(|_| self.new_label()).collect();
        let exit = self.new_label();
        for (case, &body) in cases.iter().zip(&bodies) {
            if let Some(test) = case.test {
                self.emit(Op::GetLocal { index: value }, case.span);
                self.expr(test)?;
                self.emit(Op::StrictEq, case.span);
                self.jump(Op::JumpIfTrue { target: 0 }, body, case.span);
            }
        }
        let default = cases.iter().position(|case| case.test.is_none());
        let no_match = default.map_or(exit, |i| bodies[i]);
        self.jump(Op::Jump { target: 0 }, no_match, span);
        self.contexts.push(Context::Jump(JumpContext {
            labels,
            break_label: exit,
            continue_label: None,
            unlabeled_break: true,
        }));
        let mut result = Ok(());
        for (case, &body) in cases.iter().zip(&bodies) {
            self.bind(body);
            result = self.statements(case.body);
            if result.is_err() {
                break;
            }
        }
        self.contexts.pop();
        result?;
        self.bind(exit);
        Ok(())
    }

    /// `try`/`catch`/`finally`. The layout:
    ///
    /// ```text
    ///         try block                  (catch handler + finally handler)
    ///         jump normal
    /// catch:  store exception; catch body (finally handler)
    ///         jump normal
    /// throw:  save exception; finally body; throw it again
    /// normal: finally body
    /// ```
    fn try_statement(
        &mut self,
        block: &'a [Stmt<'a>],
        handler: Option<&'a CatchClause<'a>>,
        finalizer: Option<&'a [Stmt<'a>]>,
        span: Span,
    ) -> Result<()> {
        let catch_entry = self.new_label();
        let finally_entry = self.new_label();
        let normal = self.new_label();
        let start = self.here();
        self.contexts.push(Context::Try(TryContext {
            finalizer,
            catch_handler: handler.map(|_| HandlerRanges::new(self.env_count, start)),
            finally_handler: finalizer.map(|_| HandlerRanges::new(self.env_count, start)),
        }));

        let mut result = self.block_statements(block, span);
        let here = self.here();
        if let Some(Context::Try(t)) = self.contexts.last_mut() {
            if let Some(h) = t.catch_handler.as_mut() {
                h.close(here);
            }
        }
        if result.is_ok() {
            self.jump(Op::Jump { target: 0 }, normal, span);
        }

        if let (Some(clause), true) = (handler, result.is_ok()) {
            self.bind(catch_entry);
            self.set_depth(1);
            result = self.catch_clause(clause);
            if result.is_ok() {
                self.jump(Op::Jump { target: 0 }, normal, span);
            }
        }
        let here = self.here();
        let Some(Context::Try(mut t)) = self.contexts.pop() else {
            return Err(SyntaxError::new("internal error: try context lost", span));
        };
        result?;
        // The handler table is searched in order, so this statement's handlers go after those
        // of the statements nested in it (added while they were compiled), the catch handler
        // before the finally handler.
        if let Some(h) = t.catch_handler.take() {
            let target = self.label_target(catch_entry);
            self.add_handler(h, target);
        }
        if let Some(mut h) = t.finally_handler.take() {
            h.close(here);
            self.bind(finally_entry);
            let target = self.label_target(finally_entry);
            self.add_handler(h, target);
        }
        if let Some(finalizer) = finalizer {
            // An exception: run the block, then rethrow.
            self.set_depth(1);
            let exception = self.register(span)?;
            self.emit(Op::SetLocal { index: exception }, span);
            self.emit(Op::Pop, span);
            self.block_statements(finalizer, span)?;
            self.emit(Op::GetLocal { index: exception }, span);
            self.emit(Op::Throw, span);
        }
        self.bind(normal);
        if let Some(finalizer) = finalizer {
            self.block_statements(finalizer, span)?;
        }
        Ok(())
    }

    /// The body of a `catch` clause, entered with the exception on the stack.
    fn catch_clause(&mut self, clause: &'a CatchClause<'a>) -> Result<()> {
        let span = clause.span;
        let Some(scope) = self.tree.catch_scope(clause) else {
            return Err(SyntaxError::new(
                "internal error: unanalysed catch clause",
                span,
            ));
        };
        self.allocate_scope(scope, span)?;
        let has_env = self.scope_has_env(scope);
        if has_env {
            self.enter_env(scope, span)?;
            self.contexts.push(Context::Env);
        }
        self.push_link(ChainLink::Scope(scope));
        let mut result = self.catch_param_store(scope, span);
        if result.is_ok() {
            self.emit(Op::Pop, span);
            result = self.block_statements(clause.body, span);
        }
        self.pop_link();
        if has_env {
            self.contexts.pop();
            self.env_count -= 1;
        }
        result?;
        if has_env {
            self.emit(Op::LeaveEnv, span);
        }
        Ok(())
    }

    /// Stores the value in register `from` into an assignment target expression (a for-in
    /// loop's left-hand side), leaving it on the stack.
    fn assign_from_register(&mut self, target: &'a Expr<'a>, from: u32) -> Result<()> {
        let span = target.span;
        match &target.kind {
            ExprKind::Ident(name) => {
                self.emit(Op::GetLocal { index: from }, span);
                self.store_name(name.name, span)
            }
            ExprKind::Member { object, property } => {
                self.expr(object)?;
                self.emit(Op::GetLocal { index: from }, span);
                let name = self.name_constant(property.name);
                let ic = self.inline_cache();
                self.emit(Op::SetProp { name, ic }, span);
                Ok(())
            }
            ExprKind::Index { object, index } => {
                self.expr(object)?;
                self.expr(index)?;
                self.emit(Op::GetLocal { index: from }, span);
                self.emit(Op::SetIndex, span);
                Ok(())
            }
            _ => {
                self.expr(target)?;
                self.emit(Op::Pop, span);
                self.emit(Op::ThrowInvalidTarget, span);
                self.emit(Op::Undefined, span);
                Ok(())
            }
        }
    }
}
