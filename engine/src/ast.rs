//! The abstract syntax tree of an ES5.1 program.
//!
//! Every node lives in one `bumpalo` arena (`'a`) owned by whoever called the parser, and children
//! are plain `&'a` references. That choice is deliberate: a tree built from `Box`es is dropped
//! recursively, so a 100,000-deep nest of parentheses would overflow the Rust stack while being
//! freed. An arena is freed in one go, whatever the tree's shape.
//!
//! Every node carries its [`Span`] (byte offsets into the source), so that errors and
//! `--dump-ast` can point at the text a node came from.

/// A half-open range of byte offsets `start..end` into the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        // Sources are limited to u32::MAX bytes by `parser::parse_script`.
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A whole script: its statements and whether its directive prologue says `"use strict"`.
#[derive(Debug)]
pub struct Program<'a> {
    pub body: &'a [Stmt<'a>],
    /// The script's own directive prologue contains a `"use strict"` directive.
    pub use_strict: bool,
    pub span: Span,
}

/// An identifier as written: a binding name, a variable reference, a label, or a property name
/// after `.`.
#[derive(Clone, Copy, Debug)]
pub struct Ident<'a> {
    /// The name with any `\uXXXX` escapes already decoded.
    pub name: &'a str,
    /// The source spelled the name with at least one `\uXXXX` escape. An escaped identifier that
    /// spells a reserved word is an early error (it may still be a property name).
    pub escaped: bool,
    pub span: Span,
}

/// Which syntactic form a function came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// `function f() {}` as a statement.
    Declaration,
    /// `function () {}` or `function f() {}` inside an expression.
    Expression,
    /// `get x() {}` in an object literal.
    Getter,
    /// `set x(v) {}` in an object literal.
    Setter,
    /// `key(a, b) { ... }` in an object literal (ES2015): named by its key, and not a
    /// constructor.
    Method,
    /// `(a, b) => a + b` or `x => { ... }` (ES2015): no `this`, `arguments` or `prototype` of
    /// its own, and not a constructor.
    Arrow,
}

/// What stood before an arrow function's `=>` (the parser's, until it makes the function).
#[derive(Debug)]
pub enum ArrowParams<'a> {
    /// `x => ...`
    Name(Ident<'a>),
    /// `() => ...`
    Empty,
    /// `(a, b) => ...`, parsed as the parenthesised expression `(a, b)`.
    Cover(&'a Expr<'a>),
}

/// An arrow function's body as written (the parser's, until it makes the function).
#[derive(Debug)]
pub enum ArrowBody<'a> {
    /// `=> { statements }`
    Block(&'a [Stmt<'a>]),
    /// `=> expression`, the same as `=> { return expression; }`.
    Expr(&'a Expr<'a>),
}

/// A function: declaration, expression, getter, setter or arrow.
#[derive(Debug)]
pub struct Function<'a> {
    pub kind: FunctionKind,
    pub name: Option<Ident<'a>>,
    pub params: &'a [Ident<'a>],
    pub body: &'a [Stmt<'a>],
    /// The body's own directive prologue contains a `"use strict"` directive. Whether the
    /// function is strict also depends on the code around it (strictness is inherited).
    pub use_strict: bool,
    pub span: Span,
}

/// A statement, with its span.
#[derive(Debug)]
pub struct Stmt<'a> {
    pub kind: StmtKind<'a>,
    pub span: Span,
}

/// The forms of statement.
#[derive(Debug)]
pub enum StmtKind<'a> {
    /// `{ ... }`
    Block(&'a [Stmt<'a>]),
    /// `var a = 1, b;`
    Var(&'a [VarDecl<'a>]),
    /// `let` or `const` (ES2015): block-scoped bindings.
    Lexical {
        kind: LexicalKind,
        decls: &'a [VarDecl<'a>],
    },
    /// `;`
    Empty,
    /// An expression followed by `;`. Also how directives (`"use strict";`) appear.
    Expr(&'a Expr<'a>),
    /// `if (test) then else otherwise`
    If {
        test: &'a Expr<'a>,
        then: &'a Stmt<'a>,
        otherwise: Option<&'a Stmt<'a>>,
    },
    /// `do body while (test);`
    DoWhile {
        body: &'a Stmt<'a>,
        test: &'a Expr<'a>,
    },
    /// `while (test) body`
    While {
        test: &'a Expr<'a>,
        body: &'a Stmt<'a>,
    },
    /// `for (init; test; update) body`
    For {
        init: Option<ForInit<'a>>,
        test: Option<&'a Expr<'a>>,
        update: Option<&'a Expr<'a>>,
        body: &'a Stmt<'a>,
    },
    /// `for (target in object) body`
    ForIn {
        target: ForInTarget<'a>,
        object: &'a Expr<'a>,
        body: &'a Stmt<'a>,
    },
    /// `continue;` or `continue label;`
    Continue(Option<Ident<'a>>),
    /// `break;` or `break label;`
    Break(Option<Ident<'a>>),
    /// `return;` or `return value;`
    Return(Option<&'a Expr<'a>>),
    /// `with (object) body`
    With {
        object: &'a Expr<'a>,
        body: &'a Stmt<'a>,
    },
    /// `switch (discriminant) { cases }`
    Switch {
        discriminant: &'a Expr<'a>,
        cases: &'a [SwitchCase<'a>],
    },
    /// `label: body`
    Labeled {
        label: Ident<'a>,
        body: &'a Stmt<'a>,
    },
    /// `throw value;`
    Throw(&'a Expr<'a>),
    /// `try { block } catch (param) { ... } finally { ... }`
    Try {
        block: &'a [Stmt<'a>],
        handler: Option<CatchClause<'a>>,
        finalizer: Option<&'a [Stmt<'a>]>,
    },
    /// `debugger;`
    Debugger,
    /// `function name(params) { body }` in statement position.
    FunctionDecl(&'a Function<'a>),
}

/// One declarator of a `var` statement: `name` or `name = init`.
#[derive(Debug)]
pub struct VarDecl<'a> {
    pub name: Ident<'a>,
    pub init: Option<&'a Expr<'a>>,
    pub span: Span,
}

/// Which lexical declaration: `let` or `const`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexicalKind {
    Let,
    Const,
}

/// The first clause of a `for (;;)` loop.
#[derive(Debug)]
pub enum ForInit<'a> {
    Var(&'a [VarDecl<'a>]),
    /// `for (let i = 0; ...)`: a fresh binding per iteration (ES2015 13.7.4.8).
    Lexical {
        kind: LexicalKind,
        decls: &'a [VarDecl<'a>],
    },
    Expr(&'a Expr<'a>),
}

/// What a `for-in` loop assigns each key to.
#[derive(Debug)]
pub enum ForInTarget<'a> {
    /// `for (var x in o)`; ES5 allows an initialiser: `for (var x = 1 in o)`.
    Var(&'a VarDecl<'a>),
    /// `for (let x in o)`: a fresh binding per iteration.
    Lexical {
        kind: LexicalKind,
        decl: &'a VarDecl<'a>,
    },
    /// `for (x.y in o)`: any left-hand-side expression.
    Expr(&'a Expr<'a>),
}

/// `case test: body` or, when `test` is `None`, `default: body`.
#[derive(Debug)]
pub struct SwitchCase<'a> {
    pub test: Option<&'a Expr<'a>>,
    pub body: &'a [Stmt<'a>],
    pub span: Span,
}

/// `catch (param) { body }`
#[derive(Debug)]
pub struct CatchClause<'a> {
    pub param: Ident<'a>,
    pub body: &'a [Stmt<'a>],
    pub span: Span,
}

/// An expression, with its span.
#[derive(Debug)]
pub struct Expr<'a> {
    pub kind: ExprKind<'a>,
    pub span: Span,
}

/// The forms of expression.
#[derive(Debug)]
pub enum ExprKind<'a> {
    /// `this`
    This,
    /// A variable reference.
    Ident(Ident<'a>),
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A numeric literal.
    Number(NumberLit),
    /// A string literal.
    String(StringLit<'a>),
    /// `/pattern/flags`; the pattern is checked when the RegExp is created.
    Regex(RegexLit<'a>),
    /// `[a, , b]`: `None` is a hole (elision).
    Array(&'a [Option<&'a Expr<'a>>]),
    /// `{ key: value, get k() {}, set k(v) {} }`
    Object(&'a [Property<'a>]),
    /// `function name(params) { body }` as an expression.
    Function(&'a Function<'a>),
    /// `op argument` for `delete void typeof + - ~ !`
    Unary { op: UnaryOp, argument: &'a Expr<'a> },
    /// `++x`, `x++`, `--x`, `x--`
    Update {
        op: UpdateOp,
        prefix: bool,
        target: &'a Expr<'a>,
    },
    /// `left op right` for every binary operator except `&&` and `||`.
    Binary {
        op: BinaryOp,
        left: &'a Expr<'a>,
        right: &'a Expr<'a>,
    },
    /// `left && right`, `left || right`: the right side may not be evaluated.
    Logical {
        op: LogicalOp,
        left: &'a Expr<'a>,
        right: &'a Expr<'a>,
    },
    /// `target = value` and the compound forms `target op= value`.
    Assign {
        op: AssignOp,
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
    },
    /// `test ? then : otherwise`
    Conditional {
        test: &'a Expr<'a>,
        then: &'a Expr<'a>,
        otherwise: &'a Expr<'a>,
    },
    /// `callee(arguments)`
    Call {
        callee: &'a Expr<'a>,
        arguments: &'a [&'a Expr<'a>],
    },
    /// `new callee(arguments)`; `new callee` has no arguments.
    New {
        callee: &'a Expr<'a>,
        arguments: &'a [&'a Expr<'a>],
    },
    /// `object.property`
    Member {
        object: &'a Expr<'a>,
        property: Ident<'a>,
    },
    /// `object[index]`
    Index {
        object: &'a Expr<'a>,
        index: &'a Expr<'a>,
    },
    /// `a, b, c`
    Sequence(&'a [&'a Expr<'a>]),
}

/// A numeric literal's value, and whether it was a legacy octal (`017`), which strict code
/// forbids.
#[derive(Clone, Copy, Debug)]
pub struct NumberLit {
    pub value: f64,
    pub legacy_octal: bool,
}

/// A string literal's value (UTF-16 code units, so lone surrogates survive) and whether it used
/// a legacy octal escape (`"\012"`), which strict code forbids.
#[derive(Clone, Copy, Debug)]
pub struct StringLit<'a> {
    pub value: &'a [u16],
    pub has_octal_escape: bool,
}

/// A regular expression literal as written: the pattern between the slashes (UTF-16 code
/// units, like a string literal's value: it may hold a lone surrogate) and the flags.
#[derive(Clone, Copy, Debug)]
pub struct RegexLit<'a> {
    pub pattern: &'a [u16],
    pub flags: &'a str,
}

/// One property of an object literal.
#[derive(Debug)]
pub struct Property<'a> {
    pub key: PropertyKey<'a>,
    pub value: PropertyValue<'a>,
    pub span: Span,
}

impl Property<'_> {
    /// Whether this is `__proto__: value` (or `"__proto__": value`), which sets the new
    /// object's prototype instead of defining a property (ES2015 B.3.1).
    pub fn sets_prototype(&self) -> bool {
        let named_proto = match self.key {
            PropertyKey::Ident(ident) => ident.name == "__proto__",
            PropertyKey::String(string, _) => {
                string.value.iter().copied().eq("__proto__".encode_utf16())
            }
            PropertyKey::Number(..) => false,
        };
        named_proto && matches!(self.value, PropertyValue::Init(_))
    }
}

/// The key of an object literal property, as written.
#[derive(Clone, Copy, Debug)]
pub enum PropertyKey<'a> {
    /// `name: ...` (any IdentifierName, reserved words included).
    Ident(Ident<'a>),
    /// `"name": ...`
    String(StringLit<'a>, Span),
    /// `1.5: ...`; the property's name is the number's string form.
    Number(NumberLit, Span),
}

/// What an object literal property holds.
#[derive(Debug)]
pub enum PropertyValue<'a> {
    /// `key: value`
    Init(&'a Expr<'a>),
    /// `get key() {}`
    Getter(&'a Function<'a>),
    /// `set key(v) {}`
    Setter(&'a Function<'a>),
}

/// The unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Delete,
    Void,
    Typeof,
    Plus,
    Minus,
    BitNot,
    Not,
}

/// `++` and `--`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateOp {
    Increment,
    Decrement,
}

/// The binary operators that always evaluate both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Shl,
    Shr,
    UShr,
    BitAnd,
    BitOr,
    BitXor,
    Eq,
    NotEq,
    StrictEq,
    StrictNotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    In,
    Instanceof,
}

/// `&&` and `||`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogicalOp {
    And,
    Or,
}

/// `=` (`None`) or a compound assignment such as `+=` (`Some(BinaryOp::Add)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssignOp(pub Option<BinaryOp>);

impl UnaryOp {
    /// The operator as written in source.
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Delete => "delete",
            UnaryOp::Void => "void",
            UnaryOp::Typeof => "typeof",
            UnaryOp::Plus => "+",
            UnaryOp::Minus => "-",
            UnaryOp::BitNot => "~",
            UnaryOp::Not => "!",
        }
    }
}

impl UpdateOp {
    /// The operator as written in source.
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateOp::Increment => "++",
            UpdateOp::Decrement => "--",
        }
    }
}

impl BinaryOp {
    /// The operator as written in source.
    pub fn as_str(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Mod => "%",
            BinaryOp::Shl => "<<",
            BinaryOp::Shr => ">>",
            BinaryOp::UShr => ">>>",
            BinaryOp::BitAnd => "&",
            BinaryOp::BitOr => "|",
            BinaryOp::BitXor => "^",
            BinaryOp::Eq => "==",
            BinaryOp::NotEq => "!=",
            BinaryOp::StrictEq => "===",
            BinaryOp::StrictNotEq => "!==",
            BinaryOp::Lt => "<",
            BinaryOp::Gt => ">",
            BinaryOp::LtEq => "<=",
            BinaryOp::GtEq => ">=",
            BinaryOp::In => "in",
            BinaryOp::Instanceof => "instanceof",
        }
    }
}

impl LogicalOp {
    /// The operator as written in source.
    pub fn as_str(self) -> &'static str {
        match self {
            LogicalOp::And => "&&",
            LogicalOp::Or => "||",
        }
    }
}

impl AssignOp {
    /// The operator as written in source (`=`, `+=`, ...).
    pub fn as_str(self) -> &'static str {
        match self.0 {
            None => "=",
            Some(BinaryOp::Add) => "+=",
            Some(BinaryOp::Sub) => "-=",
            Some(BinaryOp::Mul) => "*=",
            Some(BinaryOp::Div) => "/=",
            Some(BinaryOp::Mod) => "%=",
            Some(BinaryOp::Shl) => "<<=",
            Some(BinaryOp::Shr) => ">>=",
            Some(BinaryOp::UShr) => ">>>=",
            Some(BinaryOp::BitAnd) => "&=",
            Some(BinaryOp::BitOr) => "|=",
            Some(BinaryOp::BitXor) => "^=",
            Some(_) => "?=",
        }
    }
}
