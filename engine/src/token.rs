//! The tokens the lexer hands to the parser.
//!
//! [`Tok`] is what the grammar matches on; [`Token`] adds where the token is and whether a line
//! terminator came before it, which automatic semicolon insertion and the restricted productions
//! (`return`/`break`/`continue`/`throw` and postfix `++`/`--`) depend on.

use crate::ast::{NumberLit, RegexLit, Span, StringLit};

/// An identifier token's name, escapes decoded.
#[derive(Clone, Copy, Debug)]
pub struct IdentName<'a> {
    pub name: &'a str,
    /// The source used at least one `\uXXXX` escape in the name.
    pub escaped: bool,
}

/// A token with its position and the line-terminator flag.
#[derive(Clone, Copy, Debug)]
pub struct Token<'a> {
    pub tok: Tok<'a>,
    pub span: Span,
    /// A line terminator (or a multi-line comment containing one) came between the previous
    /// token and this one.
    pub newline_before: bool,
}

/// The kinds of token, with the values the parser needs.
#[derive(Clone, Copy, Debug)]
pub enum Tok<'a> {
    /// An identifier that is not a reserved word. A name spelled with `\uXXXX` escapes is always
    /// lexed as `Ident`, even when it spells a reserved word; the early-error pass rejects such a
    /// name wherever an Identifier (rather than an IdentifierName) is required.
    Ident(IdentName<'a>),
    Number(NumberLit),
    String(StringLit<'a>),
    /// A regular expression literal, pattern and flags as written (unvalidated).
    Regex(RegexLit<'a>),

    // Keywords.
    Break,
    Case,
    Catch,
    Continue,
    Debugger,
    Default,
    Delete,
    Do,
    Else,
    Finally,
    For,
    Function,
    If,
    In,
    Instanceof,
    New,
    Return,
    Switch,
    This,
    Throw,
    Try,
    Typeof,
    Var,
    /// `let` starting a declaration (ES2015): the lexer makes the identifier `let` this token
    /// only when a name follows it, so `var let = 1` and `let = 2` keep it an identifier.
    Let,
    Void,
    While,
    With,
    Null,
    True,
    False,
    // Future reserved words in all code (the strict-only ones are lexed as identifiers and
    // rejected by the early-error pass in strict code).
    Class,
    Const,
    Enum,
    Export,
    Extends,
    Import,
    Super,

    // Punctuators.
    LBrace,
    RBrace,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Dot,
    Semicolon,
    Comma,
    Lt,
    Gt,
    LtEq,
    GtEq,
    EqEq,
    NotEq,
    EqEqEq,
    NotEqEq,
    Plus,
    Minus,
    Star,
    Percent,
    /// `++`
    PlusPlus,
    /// `--`
    MinusMinus,
    /// `++` with a line terminator before it: it can only be a prefix operator, so `a \n ++b`
    /// becomes `a; ++b` as the spec's restricted production says.
    PlusPlusAfterNewline,
    /// `--` with a line terminator before it (see [`Tok::PlusPlusAfterNewline`]).
    MinusMinusAfterNewline,
    /// `=>` (ES2015 arrow functions).
    Arrow,
    /// `=>` with a line terminator before it, which no rule accepts: an arrow function's
    /// parameters and its `=>` must be on one line (ES2015 14.2).
    ArrowAfterNewline,
    Shl,
    Shr,
    UShr,
    Amp,
    Pipe,
    Caret,
    Bang,
    Tilde,
    AmpAmp,
    PipePipe,
    Question,
    Colon,
    Eq,
    PlusEq,
    MinusEq,
    StarEq,
    PercentEq,
    ShlEq,
    ShrEq,
    UShrEq,
    AmpEq,
    PipeEq,
    CaretEq,
    Slash,
    SlashEq,
}

impl Tok<'_> {
    /// A short description for error messages and `--dump-tokens`: the keyword or punctuator
    /// itself, or the kind of literal.
    pub fn describe(&self) -> &'static str {
        match self {
            Tok::Ident(_) => "identifier",
            Tok::Number(_) => "number",
            Tok::String(_) => "string",
            Tok::Regex(_) => "regular expression",
            Tok::Break => "break",
            Tok::Case => "case",
            Tok::Catch => "catch",
            Tok::Continue => "continue",
            Tok::Debugger => "debugger",
            Tok::Default => "default",
            Tok::Delete => "delete",
            Tok::Do => "do",
            Tok::Else => "else",
            Tok::Finally => "finally",
            Tok::For => "for",
            Tok::Function => "function",
            Tok::If => "if",
            Tok::In => "in",
            Tok::Instanceof => "instanceof",
            Tok::New => "new",
            Tok::Return => "return",
            Tok::Switch => "switch",
            Tok::This => "this",
            Tok::Throw => "throw",
            Tok::Try => "try",
            Tok::Typeof => "typeof",
            Tok::Var => "var",
            Tok::Let => "let",
            Tok::Void => "void",
            Tok::While => "while",
            Tok::With => "with",
            Tok::Null => "null",
            Tok::True => "true",
            Tok::False => "false",
            Tok::Class => "class",
            Tok::Const => "const",
            Tok::Enum => "enum",
            Tok::Export => "export",
            Tok::Extends => "extends",
            Tok::Import => "import",
            Tok::Super => "super",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::Dot => ".",
            Tok::Semicolon => ";",
            Tok::Comma => ",",
            Tok::Lt => "<",
            Tok::Gt => ">",
            Tok::LtEq => "<=",
            Tok::GtEq => ">=",
            Tok::EqEq => "==",
            Tok::NotEq => "!=",
            Tok::EqEqEq => "===",
            Tok::NotEqEq => "!==",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Percent => "%",
            Tok::PlusPlus | Tok::PlusPlusAfterNewline => "++",
            Tok::MinusMinus | Tok::MinusMinusAfterNewline => "--",
            Tok::Arrow | Tok::ArrowAfterNewline => "=>",
            Tok::Shl => "<<",
            Tok::Shr => ">>",
            Tok::UShr => ">>>",
            Tok::Amp => "&",
            Tok::Pipe => "|",
            Tok::Caret => "^",
            Tok::Bang => "!",
            Tok::Tilde => "~",
            Tok::AmpAmp => "&&",
            Tok::PipePipe => "||",
            Tok::Question => "?",
            Tok::Colon => ":",
            Tok::Eq => "=",
            Tok::PlusEq => "+=",
            Tok::MinusEq => "-=",
            Tok::StarEq => "*=",
            Tok::PercentEq => "%=",
            Tok::ShlEq => "<<=",
            Tok::ShrEq => ">>=",
            Tok::UShrEq => ">>>=",
            Tok::AmpEq => "&=",
            Tok::PipeEq => "|=",
            Tok::CaretEq => "^=",
            Tok::Slash => "/",
            Tok::SlashEq => "/=",
        }
    }
}
