//! The parser: tokens to an [`ast::Program`](crate::ast::Program).
//!
//! The grammar itself is `grammar.lalrpop`, the readable specification of ES5.1's syntax. This
//! module holds what the grammar's actions need ([`Ctx`]: the arena, and the automatic semicolon
//! insertion check) and the token stream adapter that handles the restricted productions.
//!
//! ## Automatic semicolon insertion
//! Wherever a statement may end with an inserted semicolon, the grammar accepts either `";"` or
//! lalrpop's error-recovery symbol `!`. When the parser meets a token no production allows, it
//! performs the reductions the error triggers and shifts `!` in a state that can continue with
//! the offending token. The statement's action then asks [`Ctx::semicolon`] whether the spec
//! allows inserting a semicolon there: only if the offending token follows a line terminator, is
//! `}`, or is the end of input, and only if error recovery neither dropped tokens nor unwound
//! part of the statement.
//!
//! ## Restricted productions
//! `return`, `break`, `continue` and `throw` may not be followed by a line terminator before
//! their operand, and postfix `++`/`--` may not follow one. The lexer marks `++`/`--` after a
//! line terminator as prefix-only tokens; `TokenStream` inserts the `;` after `return`,
//! `break` and `continue`, and rejects a line break after `throw`.

pub use crate::ast::Program;
use crate::ast::{
    ArrowBody, ArrowParams, BinaryOp, Expr, ExprKind, Function, FunctionKind, Ident, LogicalOp,
    Property, PropertyKey, PropertyValue, Span, Stmt, StmtKind, SwitchCase,
};
use crate::early_errors;
use crate::error::SyntaxError;
use crate::lexer::Lexer;
use crate::source::Source;
use crate::token::{Tok, Token};
use bumpalo::Bump;
use lalrpop_util::{lalrpop_mod, ErrorRecovery, ParseError};
use std::cell::Cell;

lalrpop_mod!(
    #[allow(clippy::all, clippy::unwrap_used, unused)]
    grammar
);

/// The error-recovery value the grammar's `!` symbol produces.
pub type Recovery<'a> = ErrorRecovery<usize, Tok<'a>, SyntaxError>;
/// The error type of the generated parser.
pub type PError<'a> = ParseError<usize, Tok<'a>, SyntaxError>;

/// The largest source the parser accepts: spans are `u32` byte offsets.
pub const MAX_SOURCE_LEN: usize = u32::MAX as usize;

/// Parses a whole script (a `&str`, or a [`Source`] that holds lone surrogates) and checks its
/// early errors.
///
/// # Errors
/// A [`SyntaxError`] for text that is not a valid ES5.1 program.
pub fn parse_program<'a>(
    source: impl Into<Source<'a>>,
    arena: &'a Bump,
) -> Result<Program<'a>, SyntaxError> {
    let program = parse_program_syntax(source, arena)?;
    early_errors::check_program(&program)?;
    Ok(program)
}

/// Parses a whole script without the early-error pass (the grammar only).
///
/// # Errors
/// A [`SyntaxError`] for text the grammar does not accept.
pub fn parse_program_syntax<'a>(
    source: impl Into<Source<'a>>,
    arena: &'a Bump,
) -> Result<Program<'a>, SyntaxError> {
    let source = source.into();
    if source.text.len() > MAX_SOURCE_LEN {
        return Err(SyntaxError::new("source text is too long", Span::default()));
    }
    let ctx = Ctx::new(source.text, arena);
    let tokens = TokenStream::new(Lexer::new(source, arena), &ctx);
    grammar::ProgramParser::new()
        .parse(&ctx, tokens)
        .map_err(|e| convert_error(&ctx, e))
}

/// Turns lalrpop's error into a [`SyntaxError`] with a readable message.
fn convert_error(ctx: &Ctx<'_>, error: PError<'_>) -> SyntaxError {
    match error {
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken {
            token: (start, tok, end),
            ..
        } => SyntaxError::new(unexpected(&tok), Span::new(start, end)),
        ParseError::ExtraToken {
            token: (start, tok, end),
        } => SyntaxError::new(unexpected(&tok), Span::new(start, end)),
        ParseError::UnrecognizedEof { .. } | ParseError::InvalidToken { .. } => {
            let end = ctx.source.len();
            SyntaxError::new("Unexpected end of input", Span::new(end, end))
        }
    }
}

/// A [`SyntaxError`] raised from a grammar action.
fn user_error<'a>(message: impl Into<String>, span: Span) -> PError<'a> {
    ParseError::User {
        error: SyntaxError::new(message, span),
    }
}

/// The message for a token no production allows here.
fn unexpected(tok: &Tok<'_>) -> String {
    match tok {
        Tok::Ident(name) => format!("Unexpected identifier '{}'", name.name),
        Tok::Number(_) => "Unexpected number".to_string(),
        Tok::String(_) => "Unexpected string".to_string(),
        Tok::Regex(_) => "Unexpected regular expression".to_string(),
        other => format!("Unexpected token '{}'", other.describe()),
    }
}

/// Where a recent token was, for the semicolon-insertion check.
#[derive(Clone, Copy, Default)]
struct SeenToken {
    start: usize,
    end: usize,
    newline_before: bool,
    is_rbrace: bool,
}

/// How many recent tokens [`Ctx`] remembers. The check only ever looks at the lookahead token
/// and the one before it; a few more cover the tokens error recovery may read ahead.
const RECENT: usize = 4;

/// What the grammar's actions can reach: the arena the tree is built in, and the recent tokens.
pub struct Ctx<'a> {
    /// The text being parsed.
    pub source: &'a str,
    /// Where every node of the tree is allocated.
    pub arena: &'a Bump,
    recent: [Cell<SeenToken>; RECENT],
    /// How many tokens the stream has handed out (indexes `recent` modulo `RECENT`).
    count: Cell<usize>,
}

impl<'a> Ctx<'a> {
    fn new(source: &'a str, arena: &'a Bump) -> Ctx<'a> {
        Ctx {
            source,
            arena,
            recent: Default::default(),
            count: Cell::new(0),
        }
    }

    fn record(&self, token: &Token<'_>) {
        let n = self.count.get();
        self.recent[n % RECENT].set(SeenToken {
            start: token.span.start as usize,
            end: token.span.end as usize,
            newline_before: token.newline_before,
            is_rbrace: matches!(token.tok, Tok::RBrace),
        });
        self.count.set(n + 1);
    }

    /// The remembered token starting at `start`, and the end of the token before it.
    fn find(&self, start: usize) -> Option<(SeenToken, usize)> {
        let n = self.count.get();
        let oldest = n.saturating_sub(RECENT);
        (oldest..n).rev().find_map(|index| {
            let token = self.recent[index % RECENT].get();
            if token.start != start {
                return None;
            }
            let previous_end = if index == 0 {
                0
            } else if index > oldest {
                self.recent[(index - 1) % RECENT].get().end
            } else {
                return None;
            };
            Some((token, previous_end))
        })
    }

    /// Allocates a node in the arena.
    pub fn alloc<T>(&self, value: T) -> &'a T {
        self.arena.alloc(value)
    }

    /// Moves a list of nodes into the arena.
    pub fn slice<T>(&self, items: Vec<T>) -> &'a [T] {
        self.arena.alloc_slice_fill_iter(items)
    }

    /// A statement node spanning `l..r`.
    pub fn stmt(&self, kind: StmtKind<'a>, l: usize, r: usize) -> Stmt<'a> {
        Stmt {
            kind,
            span: Span::new(l, r),
        }
    }

    /// An expression node spanning `l..r`, in the arena.
    pub fn expr(&self, kind: ExprKind<'a>, l: usize, r: usize) -> &'a Expr<'a> {
        self.alloc(Expr {
            kind,
            span: Span::new(l, r),
        })
    }

    /// `left op right`.
    pub fn binary(&self, op: BinaryOp, left: &'a Expr<'a>, right: &'a Expr<'a>) -> &'a Expr<'a> {
        self.alloc(Expr {
            kind: ExprKind::Binary { op, left, right },
            span: left.span.to(right.span),
        })
    }

    /// `left && right` or `left || right`.
    pub fn logical(&self, op: LogicalOp, left: &'a Expr<'a>, right: &'a Expr<'a>) -> &'a Expr<'a> {
        self.alloc(Expr {
            kind: ExprKind::Logical { op, left, right },
            span: left.span.to(right.span),
        })
    }

    /// `first, rest...` as one flat sequence.
    pub fn sequence(&self, first: &'a Expr<'a>, rest: Vec<&'a Expr<'a>>) -> &'a Expr<'a> {
        let span = rest
            .last()
            .map_or(first.span, |last| first.span.to(last.span));
        let mut items = rest;
        items.insert(0, first);
        self.alloc(Expr {
            kind: ExprKind::Sequence(self.slice(items)),
            span,
        })
    }

    /// An arrow function spanning `l..r` (ES2015 14.2): its parameters, and its body, an
    /// expression body becoming a `return` of it.
    ///
    /// # Errors
    /// Parenthesised "parameters" that are not a list of names (`(a + 1) => a`).
    pub fn arrow(
        &self,
        params: ArrowParams<'a>,
        body: ArrowBody<'a>,
        l: usize,
        r: usize,
    ) -> Result<&'a Expr<'a>, PError<'a>> {
        let name = |expr: &'a Expr<'a>| match expr.kind {
            ExprKind::Ident(name) => Ok(name),
            _ => Err(user_error(
                "Malformed arrow function parameter list",
                expr.span,
            )),
        };
        let params: Vec<Ident<'a>> = match params {
            ArrowParams::Empty => Vec::new(),
            ArrowParams::Name(name) => vec![name],
            ArrowParams::Cover(Expr {
                kind: ExprKind::Sequence(items),
                ..
            }) => items
                .iter()
                .map(|item| name(item))
                .collect::<Result<_, _>>()?,
            ArrowParams::Cover(expr) => vec![name(expr)?],
        };
        let body = match body {
            ArrowBody::Block(body) => body,
            ArrowBody::Expr(value) => self.slice(vec![Stmt {
                kind: StmtKind::Return(Some(value)),
                span: value.span,
            }]),
        };
        let function = self.function(FunctionKind::Arrow, None, (self.slice(params), body), l, r);
        Ok(self.expr(ExprKind::Function(function), l, r))
    }

    /// A method `key(params) { body }` of an object literal spanning `l..r` (ES2015 14.3):
    /// a property whose value is a function named by the key.
    pub fn method(
        &self,
        key: PropertyKey<'a>,
        rest: (&'a [Ident<'a>], &'a [Stmt<'a>]),
        l: usize,
        r: usize,
    ) -> Property<'a> {
        let name = match key {
            PropertyKey::Ident(name) => Some(name),
            _ => None,
        };
        let function = self.function(FunctionKind::Method, name, rest, l, r);
        let value = self.expr(ExprKind::Function(function), l, r);
        Property {
            key,
            value: PropertyValue::Init(value),
            span: Span::new(l, r),
        }
    }

    /// A function of any kind spanning `l..r`, its directive prologue examined.
    pub fn function(
        &self,
        kind: FunctionKind,
        name: Option<Ident<'a>>,
        (params, body): (&'a [Ident<'a>], &'a [Stmt<'a>]),
        l: usize,
        r: usize,
    ) -> &'a Function<'a> {
        self.alloc(Function {
            kind,
            name,
            params,
            body,
            use_strict: self.has_use_strict(body),
            span: Span::new(l, r),
        })
    }

    /// `get key() {}` or `set key(v) {}` in an object literal; `kind` is the identifier
    /// before the key, which must be `get` or `set`. ES5 11.1.5 gives a getter no parameters
    /// and a setter exactly one; the V8 of 2010 (node v0.1.27's) parsed the accessor's
    /// parameter list as any function's and did not count it, and code of the time relies on
    /// that (jsdom 0.0.1's level1/core.js writes `set nodeName() { throw ...; }` for read-only
    /// attributes). So any count is accepted: a setter's missing parameter is simply never
    /// bound, a getter's are undefined.
    ///
    /// # Errors
    /// Any other identifier is a syntax error.
    pub fn accessor(
        &self,
        kind: Ident<'a>,
        key: PropertyKey<'a>,
        rest: (&'a [Ident<'a>], &'a [Stmt<'a>]),
        l: usize,
        r: usize,
    ) -> Result<Property<'a>, PError<'a>> {
        let value = match (kind.name, kind.escaped) {
            ("get", false) => {
                PropertyValue::Getter(self.function(FunctionKind::Getter, None, rest, l, r))
            }
            ("set", false) => {
                PropertyValue::Setter(self.function(FunctionKind::Setter, None, rest, l, r))
            }
            _ => {
                return Err(user_error(
                    format!("Unexpected identifier '{}'", kind.name),
                    kind.span,
                ))
            }
        };
        Ok(Property {
            key,
            value,
            span: Span::new(l, r),
        })
    }

    /// The cases of a `switch`, of which at most one may be `default`.
    ///
    /// # Errors
    /// A second `default` clause.
    pub fn switch_cases(
        &self,
        cases: Vec<SwitchCase<'a>>,
    ) -> Result<&'a [SwitchCase<'a>], PError<'a>> {
        let mut defaults = cases.iter().filter(|case| case.test.is_none());
        if let (Some(_), Some(second)) = (defaults.next(), defaults.next()) {
            return Err(user_error(
                "More than one default clause in switch statement",
                second.span,
            ));
        }
        Ok(self.slice(cases))
    }

    /// Decides whether a statement whose last token ends at byte `end` may end here, and
    /// returns where the statement ends: after its `;` (at `semi_end`) if it has one, else
    /// at `end`.
    ///
    /// `semi` is `None` when the source has an explicit `;`, or the error recovery the grammar's
    /// `!` produced when it has none. `anywhere` allows insertion without a line terminator (the
    /// `;` after `do ... while (x)`).
    ///
    /// # Errors
    /// The original "unexpected token" error when a semicolon may not be inserted.
    pub fn semicolon(
        &self,
        semi: Option<Recovery<'a>>,
        end: usize,
        semi_end: usize,
        anywhere: bool,
    ) -> Result<usize, PError<'a>> {
        let Some(recovery) = semi else {
            return Ok(semi_end);
        };
        if !recovery.dropped_tokens.is_empty() {
            return Err(recovery.error);
        }
        let allowed = match &recovery.error {
            ParseError::UnrecognizedToken {
                token: (start, _, _),
                ..
            } => match self.find(*start) {
                // The statement must reach right up to the offending token: if error recovery
                // had to unwind part of it, the source is not a statement followed by a
                // missing semicolon.
                Some((token, previous_end)) => {
                    previous_end == end && (anywhere || token.newline_before || token.is_rbrace)
                }
                None => false,
            },
            ParseError::UnrecognizedEof { .. } => {
                let n = self.count.get();
                let last_end = if n == 0 {
                    0
                } else {
                    self.recent[(n - 1) % RECENT].get().end
                };
                last_end == end
            }
            _ => false,
        };
        if allowed {
            Ok(end)
        } else {
            Err(recovery.error)
        }
    }

    /// Whether a directive prologue (the string-literal statements a body starts with) holds a
    /// `"use strict"` directive. Only the exact source text counts: `"use\x20strict"` or a
    /// parenthesised string is not the directive.
    pub fn has_use_strict(&self, body: &[Stmt<'a>]) -> bool {
        for stmt in body {
            let StmtKind::Expr(expr) = &stmt.kind else {
                return false;
            };
            if !matches!(expr.kind, ExprKind::String(_)) || expr.span.start != stmt.span.start {
                return false;
            }
            let raw = &self.source[expr.span.start as usize..expr.span.end as usize];
            if raw == "\"use strict\"" || raw == "'use strict'" {
                return true;
            }
        }
        false
    }
}

/// The lexer's tokens as the generated parser wants them, with the restricted productions
/// applied and each token recorded in [`Ctx`] for the semicolon check.
struct TokenStream<'a, 'c> {
    lexer: Lexer<'a>,
    ctx: &'c Ctx<'a>,
    /// A token read ahead while deciding about a restricted production.
    pending: Option<Token<'a>>,
    /// The previous token was `return`, `break`, `continue` or `throw`.
    after_restricted: Option<Tok<'a>>,
    /// End of the previous token (where an inserted `;` is placed).
    previous_end: u32,
}

impl<'a, 'c> TokenStream<'a, 'c> {
    fn new(lexer: Lexer<'a>, ctx: &'c Ctx<'a>) -> TokenStream<'a, 'c> {
        TokenStream {
            lexer,
            ctx,
            pending: None,
            after_restricted: None,
            previous_end: 0,
        }
    }

    fn next_token(&mut self) -> Option<Result<Token<'a>, SyntaxError>> {
        if let Some(token) = self.pending.take() {
            return Some(Ok(token));
        }
        self.lexer.next()
    }
}

type Triple<'a> = Result<(usize, Tok<'a>, usize), SyntaxError>;

impl<'a> Iterator for TokenStream<'a, '_> {
    type Item = Triple<'a>;

    fn next(&mut self) -> Option<Triple<'a>> {
        let token = match self.next_token()? {
            Ok(token) => token,
            Err(error) => return Some(Err(error)),
        };
        let restricted = self.after_restricted.take();
        if let Some(keyword) = restricted {
            if token.newline_before && !matches!(token.tok, Tok::Semicolon) {
                if matches!(keyword, Tok::Throw) {
                    let error = SyntaxError::new("Illegal newline after throw", token.span);
                    return Some(Err(error));
                }
                // `return \n x` is `return; x`: hand out a `;` first, the token after it.
                self.pending = Some(token);
                let at = self.previous_end;
                let semicolon = Token {
                    tok: Tok::Semicolon,
                    span: Span { start: at, end: at },
                    newline_before: false,
                };
                self.ctx.record(&semicolon);
                return Some(Ok((at as usize, Tok::Semicolon, at as usize)));
            }
        }
        if matches!(
            token.tok,
            Tok::Return | Tok::Break | Tok::Continue | Tok::Throw
        ) {
            self.after_restricted = Some(token.tok);
        }
        self.previous_end = token.span.end;
        self.ctx.record(&token);
        Some(Ok((
            token.span.start as usize,
            token.tok,
            token.span.end as usize,
        )))
    }
}
