//! Deciding whether a `/` starts a regular expression literal or is the division operator.
//!
//! The lexical grammar has two goal symbols (§7): where the syntactic grammar allows a
//! regular expression literal the lexer must use `InputElementRegExp`, elsewhere `InputElementDiv`.
//! Only the parser really knows which applies, but the parser wants tokens from the lexer.
//! Engines solve this by letting the parser tell the lexer; this lexer is a plain iterator
//! feeding a generated parser, so instead it decides by itself, the way sweet.js's reader does
//! (Disney et al., "Sweet.js: a Reader for JavaScript"): from the previous significant token,
//! plus a stack of the open brackets that remembers what each was opened for.
//!
//! The rule of thumb is simple: `/` is division right after something that ends an operand
//! (an identifier, a literal, `this`, `)`, `]`, `}`), and a regex anywhere else. Three tokens
//! end an operand only sometimes, and that is what the state below is for:
//!
//! - `)` usually closes a parenthesised expression or an argument list, but the `)` that closes
//!   the head of `if`, `while`, `for` or `with` is followed by a statement:
//!   `if (x) /re/.test(y)`. So each open `(` records whether the token before it was one of
//!   those keywords.
//! - `}` closes an object literal or a function *expression*'s body (both operands:
//!   `x = function(){} / 2`), or a block or a function *declaration*'s body (after which a
//!   statement begins: `function f(){} /re/.test(s)`). So each open `{` records which it is.
//!   Whether a `{` opens an object literal, and whether a `function` keyword starts an
//!   expression, is decided the same way: by whether the token before it leaves the parser
//!   expecting an operand (after `=`, `(`, `return`, ...) or a statement (after `;`, `{`, `}`,
//!   the `)` of a statement head, a label's `:`, ...).
//! - `++`/`--` after an operand, on the same line, is postfix and ends an operand (`a++ / 2`);
//!   otherwise it is prefix and an operand must follow.
//!
//! A `:` is ambiguous too: after a label or `case`/`default` a statement follows, but in
//! `a ? b : {}` or `{a: {}}` an expression does. Counting the `?`s still waiting for their `:`
//! at each bracket level, and knowing whether the innermost bracket is an object literal's
//! `{`, tells them apart.
//!
//! None of this needs lookahead or backtracking, and all of it is bounded work per token.

use crate::token::Tok;

/// What the previous significant token leaves the parser expecting next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum After {
    /// An operand just ended: `/` is division.
    Operand,
    /// An operand must follow (after an operator, `(`, `,`, `typeof`, ...): `{` opens an
    /// object literal and `function` starts a function expression.
    ExprStart,
    /// A statement may start: `{` opens a block and `function` starts a declaration.
    StmtStart,
    /// `return`: like `ExprStart`, unless a line break follows, which ends the statement.
    Return,
    /// `.`: the next word is a property name, even if it is a keyword (`a.return / 2`).
    Dot,
    /// `if`, `while`, `for` or `with`: the `(` that follows opens a statement head.
    HeadKeyword,
    /// `function`, then its name: the `(` that follows opens the parameter list.
    Function { expression: bool },
    /// The `)` that closes a function's parameter list: the `{` that follows opens its body.
    Params { expression: bool },
    /// `=>`: a `{` opens the arrow function's body, anything else starts its expression.
    Arrow,
}

/// What an open bracket was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    /// A `(` of an expression, call, `catch`, `switch`.
    Paren,
    /// The `(` after `if`, `while`, `for` or `with`.
    HeadParen,
    /// The `(` of a function's parameter list.
    ParamsParen {
        expression: bool,
    },
    Bracket,
    /// A `{` of an object literal.
    Object,
    /// A `{` of a block (or of a `switch` body, or anything else that holds statements).
    Block,
    /// The `{` of a function body.
    FunctionBody {
        expression: bool,
    },
}

/// One open bracket, and how many `?`s were waiting for their `:` outside it.
#[derive(Clone, Copy, Debug)]
struct Frame {
    open: Open,
    saved_pending_conditionals: u32,
}

/// The regex-or-division state, updated once per token.
#[derive(Debug)]
pub(super) struct Context {
    after: After,
    /// Open brackets, innermost last. It only grows with nesting depth, not with input length.
    stack: Vec<Frame>,
    /// `?`s at the current bracket level whose `:` has not come yet.
    pending_conditionals: u32,
}

impl Context {
    pub(super) fn new() -> Context {
        Context {
            after: After::StmtStart,
            stack: Vec::new(),
            pending_conditionals: 0,
        }
    }

    /// The state as seen by a token with or without a line break before it: after `return`, a
    /// line break ends the statement (automatic semicolon insertion), so a statement follows.
    fn effective(&self, newline_before: bool) -> After {
        match self.after {
            After::Return if newline_before => After::StmtStart,
            After::Return => After::ExprStart,
            after => after,
        }
    }

    /// Whether a `/` or `/=` here starts a regular expression literal.
    pub(super) fn regex_allowed(&self) -> bool {
        self.after != After::Operand
    }

    /// Records the token `tok` (after a line break if `newline_before`).
    #[inline]
    /// Whether the previous token was a `.`: the next word is a property name.
    pub(super) fn after_dot(&self) -> bool {
        self.after == After::Dot
    }

    pub(super) fn advance(&mut self, tok: &Tok<'_>, newline_before: bool) {
        let before = self.effective(newline_before);
        self.after = match tok {
            Tok::Ident(_) => match before {
                After::Function { expression } => After::Function { expression },
                _ => After::Operand,
            },
            Tok::Number(_) | Tok::String(_) | Tok::Regex(_) => After::Operand,
            Tok::This | Tok::Null | Tok::True | Tok::False | Tok::Super => After::Operand,
            Tok::If | Tok::While | Tok::For | Tok::With => keyword(before, After::HeadKeyword),
            Tok::Function => keyword(
                before,
                After::Function {
                    expression: expects_expression(before),
                },
            ),
            Tok::Return => keyword(before, After::Return),
            Tok::Typeof
            | Tok::Instanceof
            | Tok::In
            | Tok::New
            | Tok::Delete
            | Tok::Void
            | Tok::Throw
            | Tok::Case
            | Tok::Var
            | Tok::Let => keyword(before, After::ExprStart),
            Tok::Do
            | Tok::Else
            | Tok::Try
            | Tok::Finally
            | Tok::Break
            | Tok::Continue
            | Tok::Debugger
            | Tok::Default
            | Tok::Catch
            | Tok::Switch
            | Tok::Class
            | Tok::Const
            | Tok::Enum
            | Tok::Export
            | Tok::Extends
            | Tok::Import => keyword(before, After::StmtStart),
            Tok::LParen => {
                let open = match before {
                    After::HeadKeyword => Open::HeadParen,
                    After::Function { expression } => Open::ParamsParen { expression },
                    _ => Open::Paren,
                };
                self.push(open);
                After::ExprStart
            }
            Tok::RParen => match self.pop() {
                Some(Open::HeadParen) => After::StmtStart,
                Some(Open::ParamsParen { expression }) => After::Params { expression },
                _ => After::Operand,
            },
            Tok::LBracket => {
                self.push(Open::Bracket);
                After::ExprStart
            }
            Tok::RBracket => {
                self.pop();
                After::Operand
            }
            Tok::Arrow | Tok::ArrowAfterNewline => After::Arrow,
            Tok::LBrace => {
                let open = match before {
                    After::Params { expression } => Open::FunctionBody { expression },
                    // An arrow function is an expression: an operand ends with its body.
                    After::Arrow => Open::FunctionBody { expression: true },
                    _ if expects_expression(before) => Open::Object,
                    _ => Open::Block,
                };
                self.push(open);
                if open == Open::Object {
                    After::ExprStart
                } else {
                    After::StmtStart
                }
            }
            Tok::RBrace => match self.pop() {
                Some(Open::Object | Open::FunctionBody { expression: true }) => After::Operand,
                _ => After::StmtStart,
            },
            Tok::Question => {
                self.pending_conditionals = self.pending_conditionals.saturating_add(1);
                After::ExprStart
            }
            Tok::Colon => {
                if self.pending_conditionals > 0 {
                    // The `:` of `a ? b : c`.
                    self.pending_conditionals -= 1;
                    After::ExprStart
                } else if self.innermost() == Some(Open::Object) {
                    // The `:` after a property name.
                    After::ExprStart
                } else {
                    // After a label, `case x` or `default`.
                    After::StmtStart
                }
            }
            Tok::Semicolon => {
                // Inside `for (;;)` the parts between `;`s are expressions.
                if self.innermost() == Some(Open::HeadParen) {
                    After::ExprStart
                } else {
                    After::StmtStart
                }
            }
            Tok::PlusPlus | Tok::MinusMinus if before == After::Operand && !newline_before => {
                After::Operand
            }
            Tok::Dot => After::Dot,
            // Every other punctuator is an operator (or `,`), which an operand must follow.
            _ => After::ExprStart,
        };
    }

    fn push(&mut self, open: Open) {
        self.stack.push(Frame {
            open,
            saved_pending_conditionals: self.pending_conditionals,
        });
        self.pending_conditionals = 0;
    }

    /// Closes the innermost bracket. Mismatched or unopened brackets are the parser's to
    /// report; here they just leave the state as sensible as possible.
    fn pop(&mut self) -> Option<Open> {
        let frame = self.stack.pop()?;
        self.pending_conditionals = frame.saved_pending_conditionals;
        Some(frame.open)
    }

    fn innermost(&self) -> Option<Open> {
        self.stack.last().map(|frame| frame.open)
    }
}

/// The state after a keyword that leads to `state`, unless it follows a `.`: then it is a
/// property name (`a.return / 2`), which ends an operand.
fn keyword(before: After, state: After) -> After {
    if before == After::Dot {
        After::Operand
    } else {
        state
    }
}

/// Whether, in state `after`, the parser expects an operand: then `{` is an object literal and
/// `function` a function expression.
fn expects_expression(after: After) -> bool {
    matches!(after, After::ExprStart | After::Dot | After::Arrow)
}
