//! Code generation for expressions: each leaves exactly one value on the operand stack.

use super::function::{FunctionCompiler, Label, Place};
use crate::ast::{
    AssignOp, BinaryOp, Expr, ExprKind, LogicalOp, PropertyKey, PropertyValue, Span, UnaryOp,
    UpdateOp,
};
use crate::bytecode::Op;
use crate::early_errors::with_stack;
use crate::error::SyntaxError;

type Result<T> = std::result::Result<T, SyntaxError>;

/// The instruction for a binary operator.
fn binary_op(op: BinaryOp) -> Op {
    match op {
        BinaryOp::Add => Op::Add,
        BinaryOp::Sub => Op::Sub,
        BinaryOp::Mul => Op::Mul,
        BinaryOp::Div => Op::Div,
        BinaryOp::Mod => Op::Mod,
        BinaryOp::Shl => Op::Shl,
        BinaryOp::Shr => Op::Shr,
        BinaryOp::UShr => Op::UShr,
        BinaryOp::BitAnd => Op::BitAnd,
        BinaryOp::BitOr => Op::BitOr,
        BinaryOp::BitXor => Op::BitXor,
        BinaryOp::Eq => Op::Eq,
        BinaryOp::NotEq => Op::NotEq,
        BinaryOp::StrictEq => Op::StrictEq,
        BinaryOp::StrictNotEq => Op::StrictNotEq,
        BinaryOp::Lt => Op::Lt,
        BinaryOp::Gt => Op::Gt,
        BinaryOp::LtEq => Op::LtEq,
        BinaryOp::GtEq => Op::GtEq,
        BinaryOp::In => Op::In,
        BinaryOp::Instanceof => Op::Instanceof,
    }
}

impl<'a> FunctionCompiler<'_, 'a> {
    pub(super) fn expr(&mut self, expr: &'a Expr<'a>) -> Result<()> {
        with_stack(|| self.expr_inner(expr))
    }

    /// Jumps to `otherwise` when `test` is falsy and falls through when it is truthy: an
    /// `if`'s, a loop's or a `?:`'s condition. `&&`, `||` and `!` become jumps rather than
    /// values tested again (`i < n && x` ends in two compare-and-jumps, see
    /// `FunctionCompiler::jump`), which is also what lets a comparison inside them fuse with
    /// its jump.
    pub(super) fn jump_unless(
        &mut self,
        test: &'a Expr<'a>,
        otherwise: Label,
        span: Span,
    ) -> Result<()> {
        self.jump_when(test, false, otherwise, span)
    }

    /// Jumps to `then` when `test` is truthy and falls through when it is falsy (a
    /// `do`-`while`'s condition; the mirror of [`FunctionCompiler::jump_unless`]).
    pub(super) fn jump_if(&mut self, test: &'a Expr<'a>, then: Label, span: Span) -> Result<()> {
        self.jump_when(test, true, then, span)
    }

    /// Jumps to `target` when `test`'s truthiness is `when`, and falls through otherwise.
    fn jump_when(
        &mut self,
        test: &'a Expr<'a>,
        when: bool,
        target: Label,
        span: Span,
    ) -> Result<()> {
        with_stack(|| match &test.kind {
            // `a && b` is falsy when either is (`a || b` truthy when either is): both sides
            // jump to the target on their own.
            ExprKind::Logical { op, left, right } if (*op == LogicalOp::Or) == when => {
                self.jump_when(left, when, target, span)?;
                self.jump_when(right, when, target, span)
            }
            // The other way round, the left side decides only when it goes the other way: it
            // skips the right side then.
            ExprKind::Logical { left, right, .. } => {
                let skip = self.new_label();
                self.jump_when(left, !when, skip, span)?;
                self.jump_when(right, when, target, span)?;
                self.bind(skip);
                Ok(())
            }
            ExprKind::Unary {
                op: UnaryOp::Not,
                argument,
            } => self.jump_when(argument, !when, target, span),
            _ => {
                self.expr(test)?;
                let jump = if when {
                    Op::JumpIfTrue { target: 0 }
                } else {
                    Op::JumpIfFalse { target: 0 }
                };
                self.jump(jump, target, span);
                Ok(())
            }
        })
    }

    fn expr_inner(&mut self, expr: &'a Expr<'a>) -> Result<()> {
        let span = expr.span;
        match &expr.kind {
            ExprKind::This => self.emit(Op::This, span),
            ExprKind::Ident(name) => self.load_name(name.name, span)?,
            ExprKind::Null => self.emit(Op::Null, span),
            ExprKind::Bool(true) => self.emit(Op::True, span),
            ExprKind::Bool(false) => self.emit(Op::False, span),
            ExprKind::Number(number) => self.number(number.value, span),
            ExprKind::String(string) => {
                let index = self.string_constant(string.value);
                self.emit(Op::Const { index }, span);
            }
            ExprKind::Regex(regex) => {
                let index = self.regex_constant(regex.pattern, regex.flags);
                self.emit(Op::Regex { index }, span);
            }
            ExprKind::Array(elements) => {
                let length = u32::try_from(elements.len())
                    .map_err(|_| SyntaxError::new("Array literal too large", span))?;
                self.emit(Op::NewArray { length }, span);
                for (index, element) in elements.iter().enumerate() {
                    if let Some(element) = element {
                        self.expr(element)?;
                        self.emit(
                            Op::InitElement {
                                index: index as u32,
                            },
                            element.span,
                        );
                    }
                }
            }
            ExprKind::Object(properties) => {
                self.emit(Op::NewObject, span);
                for property in properties.iter() {
                    if let (true, PropertyValue::Init(value)) =
                        (property.sets_prototype(), &property.value)
                    {
                        self.expr(value)?;
                        self.emit(Op::InitProto, property.span);
                        continue;
                    }
                    let name = match property.key {
                        PropertyKey::Ident(ident) => self.name_constant(ident.name),
                        PropertyKey::String(string, _) => self.string_constant(string.value),
                        PropertyKey::Number(number, _) => {
                            let text = crate::convert::number_to_string(number.value);
                            self.name_constant(&text)
                        }
                    };
                    match &property.value {
                        PropertyValue::Init(value) => {
                            self.expr(value)?;
                            let ic = self.inline_cache();
                            self.emit(Op::InitProp { name, ic }, property.span);
                        }
                        PropertyValue::Getter(function) => {
                            self.closure(function)?;
                            self.emit(Op::InitGetter { name }, property.span);
                        }
                        PropertyValue::Setter(function) => {
                            self.closure(function)?;
                            self.emit(Op::InitSetter { name }, property.span);
                        }
                    }
                }
            }
            ExprKind::Function(function) => self.closure(function)?,
            ExprKind::Unary { op, argument } => self.unary(*op, argument, span)?,
            ExprKind::Update { op, prefix, target } => self.update(*op, *prefix, target, span)?,
            ExprKind::Binary { op, left, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(binary_op(*op), span);
            }
            ExprKind::Logical { op, left, right } => {
                let end = self.new_label();
                self.expr(left)?;
                let jump = match op {
                    LogicalOp::And => Op::JumpIfFalseOrPop { target: 0 },
                    LogicalOp::Or => Op::JumpIfTrueOrPop { target: 0 },
                };
                self.jump(jump, end, span);
                self.expr(right)?;
                self.bind(end);
            }
            ExprKind::Assign { op, target, value } => self.assign(*op, target, value, span)?,
            ExprKind::Conditional {
                test,
                then,
                otherwise,
            } => {
                let otherwise_label = self.new_label();
                let end = self.new_label();
                self.jump_unless(test, otherwise_label, span)?;
                self.expr(then)?;
                self.jump(Op::Jump { target: 0 }, end, span);
                self.bind(otherwise_label);
                self.expr(otherwise)?;
                self.bind(end);
            }
            ExprKind::Call { callee, arguments } => self.call(callee, arguments, span)?,
            ExprKind::New { callee, arguments } => {
                self.expr(callee)?;
                for argument in arguments.iter() {
                    self.expr(argument)?;
                }
                let argc = self.argument_count(arguments.len(), span)?;
                self.emit(Op::New { argc }, span);
            }
            ExprKind::Member { object, property } => {
                self.expr(object)?;
                let name = self.name_constant(property.name);
                let ic = self.inline_cache();
                self.emit(Op::GetProp { name, ic }, span);
            }
            ExprKind::Index { object, index } => {
                self.expr(object)?;
                self.expr(index)?;
                self.emit(Op::GetIndex, span);
            }
            ExprKind::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.expr(item)?;
                    if i + 1 < items.len() {
                        self.emit(Op::Pop, item.span);
                    }
                }
            }
        }
        Ok(())
    }

    /// A numeric literal: small integers are encoded in the instruction.
    fn number(&mut self, value: f64, span: Span) {
        let small = value as i32;
        if f64::from(small) == value && !(value == 0.0 && value.is_sign_negative()) {
            self.emit(Op::Int { value: small }, span);
        } else {
            let index = self.number_constant(value);
            self.emit(Op::Const { index }, span);
        }
    }

    fn argument_count(&self, count: usize, span: Span) -> Result<u32> {
        u32::try_from(count).map_err(|_| SyntaxError::new("Too many arguments", span))
    }

    fn unary(&mut self, op: UnaryOp, argument: &'a Expr<'a>, span: Span) -> Result<()> {
        match op {
            UnaryOp::Delete => self.delete(argument, span)?,
            UnaryOp::Void => {
                self.expr(argument)?;
                self.emit(Op::Pop, span);
                self.emit(Op::Undefined, span);
            }
            UnaryOp::Typeof => match &argument.kind {
                // `typeof undeclared` is "undefined", not a ReferenceError.
                ExprKind::Ident(name) => match self.resolve(name.name) {
                    Place::Global => {
                        let name = self.name_constant(name.name);
                        self.emit(Op::TypeofGlobal { name }, span);
                    }
                    Place::Dynamic => {
                        let name = self.name_constant(name.name);
                        self.emit(Op::TypeofName { name }, span);
                    }
                    _ => {
                        self.load_name(name.name, span)?;
                        self.emit(Op::Typeof, span);
                    }
                },
                _ => {
                    self.expr(argument)?;
                    self.emit(Op::Typeof, span);
                }
            },
            UnaryOp::Plus => {
                self.expr(argument)?;
                self.emit(Op::ToNumber, span);
            }
            UnaryOp::Minus => {
                self.expr(argument)?;
                self.emit(Op::Neg, span);
            }
            UnaryOp::BitNot => {
                self.expr(argument)?;
                self.emit(Op::BitNot, span);
            }
            UnaryOp::Not => {
                self.expr(argument)?;
                self.emit(Op::Not, span);
            }
        }
        Ok(())
    }

    /// `delete argument`: properties can be deleted; declared variables cannot (false).
    fn delete(&mut self, argument: &'a Expr<'a>, span: Span) -> Result<()> {
        match &argument.kind {
            ExprKind::Ident(name) => match self.resolve(name.name) {
                Place::Global | Place::Dynamic => {
                    let name = self.name_constant(name.name);
                    self.emit(Op::DeleteName { name }, span);
                }
                _ => self.emit(Op::False, span),
            },
            ExprKind::Member { object, property } => {
                self.expr(object)?;
                let name = self.name_constant(property.name);
                self.emit(Op::DeleteProp { name }, span);
            }
            ExprKind::Index { object, index } => {
                self.expr(object)?;
                self.expr(index)?;
                self.emit(Op::DeleteIndex, span);
            }
            _ => {
                self.expr(argument)?;
                self.emit(Op::Pop, span);
                self.emit(Op::True, span);
            }
        }
        Ok(())
    }

    /// An expression evaluated for its effects only (its value is popped). `x++` here is
    /// compiled as `++x`: the same conversions and store, without keeping the old value.
    pub(super) fn effect(&mut self, expr: &'a Expr<'a>) -> Result<()> {
        match &expr.kind {
            ExprKind::Update { op, target, .. } => self.update(*op, true, target, expr.span)?,
            _ => self.expr(expr)?,
        }
        self.emit(Op::Pop, expr.span);
        Ok(())
    }

    /// `++x`, `x--`, ...: prefix forms leave the new value, postfix forms the old one
    /// converted to a number.
    fn update(
        &mut self,
        op: UpdateOp,
        prefix: bool,
        target: &'a Expr<'a>,
        span: Span,
    ) -> Result<()> {
        let step = match op {
            UpdateOp::Increment => Op::Inc,
            UpdateOp::Decrement => Op::Dec,
        };
        match &target.kind {
            ExprKind::Ident(name) if self.resolve(name.name) == Place::Dynamic => {
                // The reference is resolved once, before the value is read and written.
                let name_index = self.name_constant(name.name);
                self.emit(Op::ResolveName { name: name_index }, span);
                self.emit(Op::GetRef { name: name_index }, span);
                self.updated_property(prefix, step, Op::SetRef { name: name_index }, span)?;
            }
            ExprKind::Ident(name) => {
                // A register is updated in place by one instruction.
                if let Some(index) = self.register_of(name.name, span.start) {
                    let step = match op {
                        UpdateOp::Increment => 1,
                        UpdateOp::Decrement => -1,
                    };
                    if prefix {
                        self.emit(Op::UpdateLocal { index, step }, span);
                        self.emit(
                            Op::GetLocal {
                                index: index.into(),
                            },
                            span,
                        );
                    } else {
                        self.emit(Op::PostUpdateLocal { index, step }, span);
                    }
                    return Ok(());
                }
                self.load_name(name.name, span)?;
                if prefix {
                    self.emit(step, span);
                    self.store_name(name.name, span)?;
                } else {
                    self.emit(Op::ToNumber, span);
                    self.emit(Op::Dup, span);
                    self.emit(step, span);
                    self.store_name(name.name, span)?;
                    self.emit(Op::Pop, span);
                }
            }
            ExprKind::Member { object, property } => {
                self.expr(object)?;
                self.emit(Op::Dup, span);
                let name = self.name_constant(property.name);
                let ic = self.inline_cache();
                self.emit(Op::GetProp { name, ic }, span);
                let ic = self.inline_cache();
                self.updated_property(prefix, step, Op::SetProp { name, ic }, span)?;
            }
            ExprKind::Index { object, index } => {
                self.expr(object)?;
                self.expr(index)?;
                self.emit(Op::Dup2, span);
                self.emit(Op::GetIndex, span);
                self.updated_property(prefix, step, Op::SetIndex, span)?;
            }
            _ => self.invalid_target(target, span)?,
        }
        Ok(())
    }

    /// With `obj [key] old` on the stack, stores the stepped value with `store` and leaves the
    /// expression's result.
    fn updated_property(&mut self, prefix: bool, step: Op, store: Op, span: Span) -> Result<()> {
        if prefix {
            self.emit(step, span);
            self.emit(store, span);
        } else {
            let old = self.register(span)?;
            self.emit(Op::ToNumber, span);
            self.emit(Op::SetLocal { index: old }, span);
            self.emit(step, span);
            self.emit(store, span);
            self.emit(Op::Pop, span);
            self.emit(Op::GetLocal { index: old }, span);
        }
        Ok(())
    }

    /// `target = value` and the compound assignments.
    fn assign(
        &mut self,
        op: AssignOp,
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
        span: Span,
    ) -> Result<()> {
        let compound = op.0.map(binary_op);
        match &target.kind {
            ExprKind::Ident(name) if self.resolve(name.name) == Place::Dynamic => {
                // 11.13.1: the left-hand side is resolved before the right-hand side runs (which
                // may delete or shadow the binding), and the value goes where it was resolved.
                let name_index = self.name_constant(name.name);
                self.emit(Op::ResolveName { name: name_index }, span);
                if let Some(operator) = compound {
                    self.emit(Op::GetRef { name: name_index }, span);
                    self.expr(value)?;
                    self.emit(operator, span);
                } else {
                    self.expr(value)?;
                }
                self.emit(Op::SetRef { name: name_index }, span);
            }
            ExprKind::Ident(name) => {
                if let Some(operator) = compound {
                    self.load_name(name.name, span)?;
                    self.expr(value)?;
                    self.emit(operator, span);
                } else {
                    self.expr(value)?;
                }
                self.store_name(name.name, span)?;
            }
            ExprKind::Member { object, property } => {
                self.expr(object)?;
                let name = self.name_constant(property.name);
                if let Some(operator) = compound {
                    self.emit(Op::Dup, span);
                    let ic = self.inline_cache();
                    self.emit(Op::GetProp { name, ic }, span);
                    self.expr(value)?;
                    self.emit(operator, span);
                } else {
                    self.expr(value)?;
                }
                let ic = self.inline_cache();
                self.emit(Op::SetProp { name, ic }, span);
            }
            ExprKind::Index { object, index } => {
                self.expr(object)?;
                self.expr(index)?;
                if let Some(operator) = compound {
                    self.emit(Op::Dup2, span);
                    self.emit(Op::GetIndex, span);
                    self.expr(value)?;
                    self.emit(operator, span);
                } else {
                    self.expr(value)?;
                }
                self.emit(Op::SetIndex, span);
            }
            _ => self.invalid_target(target, span)?,
        }
        Ok(())
    }

    /// An assignment to something that is not a reference (`f() = 1`): ES5 evaluates it and
    /// then throws a ReferenceError.
    fn invalid_target(&mut self, target: &'a Expr<'a>, span: Span) -> Result<()> {
        self.expr(target)?;
        self.emit(Op::Pop, span);
        self.emit(Op::ThrowInvalidTarget, span);
        // Unreachable, but keeps the expression's one-value contract for the stack tracking.
        self.emit(Op::Undefined, span);
        Ok(())
    }

    /// A call: method calls pass the object as `this`, other calls `undefined`.
    fn call(
        &mut self,
        callee: &'a Expr<'a>,
        arguments: &'a [&'a Expr<'a>],
        span: Span,
    ) -> Result<()> {
        if let ExprKind::Ident(name) = &callee.kind {
            if name.name == "__call" && self.tree.intrinsics && arguments.len() >= 2 {
                // The self-hosted library's `__call(f, this, ...args)`: a call with an explicit
                // `this` that user code cannot intercept (unlike `f.call(this, ...)`).
                for argument in arguments.iter() {
                    self.expr(argument)?;
                }
                let argc = self.argument_count(arguments.len() - 2, span)?;
                self.emit(Op::Call { argc }, span);
                return Ok(());
            }
        }
        let mut direct_eval = false;
        match &callee.kind {
            ExprKind::Member { object, property } => {
                self.expr(object)?;
                self.emit(Op::Dup, span);
                let name = self.name_constant(property.name);
                let ic = self.inline_cache();
                self.emit(Op::GetProp { name, ic }, callee.span);
                self.emit(Op::Swap, span);
            }
            ExprKind::Index { object, index } => {
                self.expr(object)?;
                self.emit(Op::Dup, span);
                self.expr(index)?;
                self.emit(Op::GetIndex, callee.span);
                self.emit(Op::Swap, span);
            }
            ExprKind::Ident(name) if self.resolve(name.name) == Place::Dynamic => {
                direct_eval = name.name == "eval";
                // The name may be found on a `with` object, which is then `this`.
                let name = self.name_constant(name.name);
                self.emit(Op::GetNameThis { name }, callee.span);
            }
            ExprKind::Ident(name) => {
                direct_eval = name.name == "eval";
                self.load_name(name.name, callee.span)?;
                self.emit(Op::Undefined, span);
            }
            _ => {
                self.expr(callee)?;
                self.emit(Op::Undefined, span);
            }
        }
        for argument in arguments.iter() {
            self.expr(argument)?;
        }
        let argc = self.argument_count(arguments.len(), span)?;
        if direct_eval {
            self.emit(Op::CallEval { argc }, span);
        } else {
            self.emit(Op::Call { argc }, span);
        }
        Ok(())
    }
}
