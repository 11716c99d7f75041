//! Leaving statements early: `break`, `continue` and `return`, and the `try` statements and
//! environments they may cross.
//!
//! A jump out of a `try` that has a `finally` must run the `finally` block first. The compiler
//! does this by copying the block's code at each such exit (the way many compilers treat
//! `finally`), so nothing needs deciding at run time. While that copy runs, the exception
//! handlers of the statements being left must not cover it, so every handler is kept as a list
//! of instruction ranges that an exit closes and reopens around its own code.

use super::function::{FunctionCompiler, Label};
use crate::ast::{Span, Stmt};
use crate::bytecode::{Handler, Op};
use crate::error::SyntaxError;

/// A statement enclosing the current point, as far as leaving it is concerned.
#[derive(Debug)]
pub enum Context<'a> {
    /// A loop, `switch` or labelled statement: what `break` and `continue` can target.
    Jump(JumpContext<'a>),
    /// A `try` statement.
    Try(TryContext<'a>),
    /// An environment this function pushed (`with`, or a captured `catch` parameter): leaving
    /// the statement pops it.
    Env,
}

/// Where `break` and `continue` go for one statement.
#[derive(Debug)]
pub struct JumpContext<'a> {
    /// The labels naming this statement (`a: b: while (...)`).
    pub labels: Vec<&'a str>,
    pub break_label: Label,
    /// Set for loops.
    pub continue_label: Option<Label>,
    /// A plain `break;` may target it (loops and `switch`, not labelled blocks).
    pub unlabeled_break: bool,
}

/// A `try` statement being compiled.
#[derive(Debug)]
pub struct TryContext<'a> {
    /// The `finally` block's statements, while code inside the `try` (or `catch`) may jump out.
    pub finalizer: Option<&'a [Stmt<'a>]>,
    /// The handler taking exceptions to the `catch` clause (covers the `try` block).
    pub catch_handler: Option<HandlerRanges>,
    /// The handler running the `finally` block for an exception (covers the `try` block and
    /// the `catch` clause).
    pub finally_handler: Option<HandlerRanges>,
}

impl TryContext<'_> {
    /// The catch handler and the finally handler, in that order.
    pub fn handlers_mut(&mut self) -> [Option<&mut HandlerRanges>; 2] {
        [self.catch_handler.as_mut(), self.finally_handler.as_mut()]
    }
}

/// One handler as a set of instruction ranges, one of which may still be open.
#[derive(Debug)]
pub struct HandlerRanges {
    pub env_depth: u32,
    pub ranges: Vec<(u32, u32)>,
    pub open: Option<u32>,
}

impl HandlerRanges {
    pub fn new(env_depth: u32, start: u32) -> HandlerRanges {
        HandlerRanges {
            env_depth,
            ranges: Vec::new(),
            open: Some(start),
        }
    }

    /// Ends the open range at `at`.
    pub fn close(&mut self, at: u32) {
        if let Some(start) = self.open.take() {
            if start < at {
                self.ranges.push((start, at));
            }
        }
    }

    /// Starts a new range at `at` (if the handler was open before the exit).
    fn reopen(&mut self, at: u32) {
        self.open = Some(at);
    }
}

/// What an exit leaves.
#[derive(Clone, Copy)]
enum Exit {
    /// Everything: a `return`.
    Function,
    /// The contexts above index `n` (a `break` or `continue` to context `n`).
    To(usize),
}

impl<'a> FunctionCompiler<'_, 'a> {
    /// Emits `break` (with an optional label).
    pub(super) fn break_statement(
        &mut self,
        label: Option<&str>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let found = self
            .contexts
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, c)| match c {
                Context::Jump(j) => match label {
                    Some(label) if j.labels.contains(&label) => Some((i, j.break_label)),
                    None if j.unlabeled_break => Some((i, j.break_label)),
                    _ => None,
                },
                _ => None,
            });
        let Some((index, target)) = found else {
            return Err(SyntaxError::new("Illegal break statement", span));
        };
        self.jump_out(index, target, span)
    }

    /// Emits `continue` (with an optional label).
    pub(super) fn continue_statement(
        &mut self,
        label: Option<&str>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let found = self
            .contexts
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, c)| match c {
                Context::Jump(j) => match (label, j.continue_label) {
                    (Some(label), Some(target)) if j.labels.contains(&label) => Some((i, target)),
                    (None, Some(target)) => Some((i, target)),
                    _ => None,
                },
                _ => None,
            });
        let Some((index, target)) = found else {
            return Err(SyntaxError::new("Illegal continue statement", span));
        };
        self.jump_out(index, target, span)
    }

    /// Jumps to `target`, a label of context `index`, leaving the contexts above it.
    fn jump_out(&mut self, index: usize, target: Label, span: Span) -> Result<(), SyntaxError> {
        self.leave(Exit::To(index), span, |compiler| {
            compiler.jump(Op::Jump { target: 0 }, target, span);
            Ok(())
        })
    }

    /// Emits `return` of the value on top of the stack.
    pub(super) fn return_value(&mut self, span: Span) -> Result<(), SyntaxError> {
        let crosses_finally = self
            .contexts
            .iter()
            .any(|c| matches!(c, Context::Try(t) if t.finalizer.is_some()));
        if !crosses_finally {
            self.emit(Op::Return, span);
            return Ok(());
        }
        // The value is computed before the `finally` blocks run, and returned after.
        let temp = self.register(span)?;
        self.emit(Op::SetLocal { index: temp }, span);
        self.emit(Op::Pop, span);
        self.leave(Exit::Function, span, |compiler| {
            compiler.emit(Op::GetLocal { index: temp }, span);
            compiler.emit(Op::Return, span);
            Ok(())
        })
    }

    /// Leaves the contexts an exit crosses: closes their handlers' ranges, pops their
    /// environments and runs copies of their `finally` blocks, then emits the jump itself
    /// (`finish`) and reopens the handlers for the code that follows.
    fn leave(
        &mut self,
        exit: Exit,
        span: Span,
        finish: impl FnOnce(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        let bottom = match exit {
            Exit::Function => 0,
            Exit::To(index) => index + 1,
        };
        let here = self.here();
        // (context index, 0 for the catch handler or 1 for the finally handler)
        let mut reopen = Vec::new();
        for (i, context) in self.contexts.iter_mut().enumerate().skip(bottom) {
            if let Context::Try(t) = context {
                for (which, handler) in t.handlers_mut().into_iter().enumerate() {
                    if let Some(handler) = handler.filter(|h| h.open.is_some()) {
                        handler.close(here);
                        reopen.push((i, which));
                    }
                }
            }
        }
        let saved_env_count = self.env_count;
        for i in (bottom..self.contexts.len()).rev() {
            match &self.contexts[i] {
                Context::Env => {
                    self.emit(Op::LeaveEnv, span);
                    self.env_count -= 1;
                }
                Context::Try(t) => {
                    if let Some(finalizer) = t.finalizer {
                        // The copy of the `finally` block runs outside this `try`: its own
                        // exits must not come back through it.
                        let inner = self.contexts.split_off(i);
                        let result = self.block_statements(finalizer, span);
                        self.contexts.extend(inner);
                        result?;
                    }
                }
                Context::Jump(_) => {}
            }
        }
        finish(self)?;
        self.env_count = saved_env_count;
        let here = self.here();
        for (i, which) in reopen {
            if let Context::Try(t) = &mut self.contexts[i] {
                if let Some(handler) = t.handlers_mut().into_iter().nth(which).flatten() {
                    handler.reopen(here);
                }
            }
        }
        Ok(())
    }

    /// Records a finished handler's ranges in the proto's handler table.
    pub(super) fn add_handler(&mut self, handler: HandlerRanges, target: u32) {
        for (start, end) in handler.ranges {
            self.proto.handlers.push(Handler {
                start,
                end,
                target,
                stack_depth: 0,
                env_depth: handler.env_depth,
            });
        }
    }
}
