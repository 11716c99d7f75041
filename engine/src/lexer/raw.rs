//! The `logos` state machine: the part of lexing that is a plain regular language.
//!
//! `logos` compiles every pattern below into one deterministic automaton, so recognising a
//! punctuator, a keyword or a number costs one table-driven pass over its bytes, with no
//! backtracking between alternatives. What a finite automaton cannot do, or does badly, is left
//! to hand-written code in the parent module, which takes over at the token `logos` reports:
//!
//! - `/*` comments are scanned by hand because the parent must know whether one contains a line
//!   terminator (ASI treats such a comment as a line break);
//! - string literals are scanned by hand from their opening quote, since their value has to be
//!   decoded anyway;
//! - a `/` may start a regular expression literal, which depends on the tokens before it (a
//!   context no regular language sees), so `/` and `/=` are reported as punctuators and the
//!   parent re-scans them as a regex when one is expected;
//! - identifiers are matched here only when they are pure ASCII; a name that continues with a
//!   non-ASCII character or a `\uXXXX` escape (or starts with one: `logos` reports an error
//!   for those) is re-scanned by hand, checking Unicode categories (see `unicode.rs`).
//!
//! White space is skipped here. A line terminator followed by any mix of white space and line
//! terminators is one [`Raw::LineBreak`], so the indentation after a newline costs no extra trip
//! through the parent's loop.

use crate::token::Tok;
use logos::Logos;

/// A token as the automaton sees it, before values are computed and context is applied.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
// WhiteSpace (§7.2): TAB VT FF SP NBSP BOM, and the rest of category Zs.
#[logos(subpattern ws = r"[\t\x0B\x0C \u{A0}\u{FEFF}\u{1680}\u{2000}-\u{200A}\u{202F}\u{205F}\u{3000}]")]
// LineTerminator (§7.3): LF CR LS PS. A CRLF pair is two of them, which only matters for line
// counting, not for the "a line terminator came before this token" flag.
#[logos(subpattern lt = r"[\n\r\u{2028}\u{2029}]")]
#[logos(skip r"(?&ws)+")]
pub(super) enum Raw {
    /// One or more line terminators, with any white space between and after them.
    #[regex(r"(?&lt)((?&lt)|(?&ws))*")]
    LineBreak,
    /// `//` up to (not including) the end of the line.
    #[regex(r"//[^\n\r\u{2028}\u{2029}]*")]
    LineComment,
    /// `/*`: the rest of the comment is scanned by hand.
    #[token("/*")]
    BlockCommentStart,

    /// An identifier or keyword-like word made of ASCII characters only.
    #[regex(r"[A-Za-z_$][A-Za-z0-9_$]*")]
    Ident,
    /// An ASCII word and the character after it, when that is a backslash or non-ASCII: the
    /// name may go on (`caf\u{e9}`, `a\u0062`), so it is re-scanned by hand. Matching this
    /// here, as the longer match, spares every other word a look at the byte after it.
    #[regex(r"[A-Za-z_$][A-Za-z0-9_$]*[\\\x80-\u{10FFFF}]")]
    WordContinues,

    /// `"` or `'`: the string literal is scanned by hand.
    #[token("\"")]
    #[token("'")]
    Quote,

    /// `DecimalLiteral` (§7.8.3): `1`, `1.`, `.5`, `1.5e10`, `0.0`. The integer part is `0` or
    /// starts with a non-zero digit: `017` is a [`Raw::LegacyOctal`] instead.
    #[regex(r"(0|[1-9][0-9]*)(\.[0-9]*)?([eE][+-]?[0-9]+)?")]
    #[regex(r"\.[0-9]+([eE][+-]?[0-9]+)?")]
    Decimal,
    /// A decimal literal whose integer part has a leading zero but is not octal because it
    /// contains an 8 or a 9 (`08`, `019.5`): decimal, but forbidden in strict code like octal.
    #[regex(r"0[0-7]*[89][0-9]*(\.[0-9]*)?([eE][+-]?[0-9]+)?")]
    NonOctalDecimal,
    /// `OctalIntegerLiteral` (Annex B.1.1): `017` is 15.
    #[regex(r"0[0-7]+")]
    LegacyOctal,
    /// `HexIntegerLiteral`: `0x1F`, `0X1f`.
    #[regex(r"0[xX][0-9a-fA-F]+")]
    Hex,

    // Keywords (§7.6.1.1), the null and boolean literals, and the future reserved words that
    // are reserved in all code (§7.6.1.2). A literal pattern outranks the `Ident` pattern when
    // both match the same text, and `Ident` wins when it matches more (`iffy`).
    #[token("break")]
    Break,
    #[token("case")]
    Case,
    #[token("catch")]
    Catch,
    #[token("continue")]
    Continue,
    #[token("debugger")]
    Debugger,
    #[token("default")]
    Default,
    #[token("delete")]
    Delete,
    #[token("do")]
    Do,
    #[token("else")]
    Else,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("function")]
    Function,
    #[token("if")]
    If,
    #[token("in")]
    In,
    #[token("instanceof")]
    Instanceof,
    #[token("new")]
    New,
    #[token("return")]
    Return,
    #[token("switch")]
    Switch,
    #[token("this")]
    This,
    #[token("throw")]
    Throw,
    #[token("try")]
    Try,
    #[token("typeof")]
    Typeof,
    #[token("var")]
    Var,
    #[token("void")]
    Void,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("null")]
    Null,
    #[token("true")]
    True,
    #[token("false")]
    False,
    #[token("class")]
    Class,
    #[token("const")]
    Const,
    #[token("enum")]
    Enum,
    #[token("export")]
    Export,
    #[token("extends")]
    Extends,
    #[token("import")]
    Import,
    #[token("super")]
    Super,

    // Punctuators (§7.7). The automaton always takes the longest match, so `>>>=` is one
    // token, never `>>` followed by `>=`.
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token(".")]
    Dot,
    #[token(";")]
    Semicolon,
    #[token(",")]
    Comma,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    LtEq,
    #[token(">=")]
    GtEq,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("===")]
    EqEqEq,
    #[token("!==")]
    NotEqEq,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("%")]
    Percent,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token(">>>")]
    UShr,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("!")]
    Bang,
    #[token("~")]
    Tilde,
    #[token("&&")]
    AmpAmp,
    #[token("||")]
    PipePipe,
    #[token("?")]
    Question,
    #[token(":")]
    Colon,
    #[token("=")]
    Eq,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("%=")]
    PercentEq,
    #[token("<<=")]
    ShlEq,
    #[token(">>=")]
    ShrEq,
    #[token(">>>=")]
    UShrEq,
    #[token("&=")]
    AmpEq,
    #[token("|=")]
    PipeEq,
    #[token("^=")]
    CaretEq,
    #[token("/")]
    Slash,
    #[token("/=")]
    SlashEq,
}

impl Raw {
    /// The token a keyword or punctuator stands for, or `None` for the kinds whose token needs
    /// more work (names, literals, comments, line breaks).
    #[inline]
    pub(super) fn fixed_tok(self) -> Option<Tok<'static>> {
        Some(match self {
            Raw::LineBreak
            | Raw::LineComment
            | Raw::BlockCommentStart
            | Raw::Ident
            | Raw::WordContinues
            | Raw::Quote
            | Raw::Decimal
            | Raw::NonOctalDecimal
            | Raw::LegacyOctal
            | Raw::Hex => return None,
            Raw::Break => Tok::Break,
            Raw::Case => Tok::Case,
            Raw::Catch => Tok::Catch,
            Raw::Continue => Tok::Continue,
            Raw::Debugger => Tok::Debugger,
            Raw::Default => Tok::Default,
            Raw::Delete => Tok::Delete,
            Raw::Do => Tok::Do,
            Raw::Else => Tok::Else,
            Raw::Finally => Tok::Finally,
            Raw::For => Tok::For,
            Raw::Function => Tok::Function,
            Raw::If => Tok::If,
            Raw::In => Tok::In,
            Raw::Instanceof => Tok::Instanceof,
            Raw::New => Tok::New,
            Raw::Return => Tok::Return,
            Raw::Switch => Tok::Switch,
            Raw::This => Tok::This,
            Raw::Throw => Tok::Throw,
            Raw::Try => Tok::Try,
            Raw::Typeof => Tok::Typeof,
            Raw::Var => Tok::Var,
            Raw::Void => Tok::Void,
            Raw::While => Tok::While,
            Raw::With => Tok::With,
            Raw::Null => Tok::Null,
            Raw::True => Tok::True,
            Raw::False => Tok::False,
            Raw::Class => Tok::Class,
            Raw::Const => Tok::Const,
            Raw::Enum => Tok::Enum,
            Raw::Export => Tok::Export,
            Raw::Extends => Tok::Extends,
            Raw::Import => Tok::Import,
            Raw::Super => Tok::Super,
            Raw::LBrace => Tok::LBrace,
            Raw::RBrace => Tok::RBrace,
            Raw::LParen => Tok::LParen,
            Raw::RParen => Tok::RParen,
            Raw::LBracket => Tok::LBracket,
            Raw::RBracket => Tok::RBracket,
            Raw::Dot => Tok::Dot,
            Raw::Semicolon => Tok::Semicolon,
            Raw::Comma => Tok::Comma,
            Raw::Lt => Tok::Lt,
            Raw::Gt => Tok::Gt,
            Raw::LtEq => Tok::LtEq,
            Raw::GtEq => Tok::GtEq,
            Raw::EqEq => Tok::EqEq,
            Raw::NotEq => Tok::NotEq,
            Raw::EqEqEq => Tok::EqEqEq,
            Raw::NotEqEq => Tok::NotEqEq,
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Percent => Tok::Percent,
            Raw::PlusPlus => Tok::PlusPlus,
            Raw::MinusMinus => Tok::MinusMinus,
            Raw::Shl => Tok::Shl,
            Raw::Shr => Tok::Shr,
            Raw::UShr => Tok::UShr,
            Raw::Amp => Tok::Amp,
            Raw::Pipe => Tok::Pipe,
            Raw::Caret => Tok::Caret,
            Raw::Bang => Tok::Bang,
            Raw::Tilde => Tok::Tilde,
            Raw::AmpAmp => Tok::AmpAmp,
            Raw::PipePipe => Tok::PipePipe,
            Raw::Question => Tok::Question,
            Raw::Colon => Tok::Colon,
            Raw::Eq => Tok::Eq,
            Raw::PlusEq => Tok::PlusEq,
            Raw::MinusEq => Tok::MinusEq,
            Raw::StarEq => Tok::StarEq,
            Raw::PercentEq => Tok::PercentEq,
            Raw::ShlEq => Tok::ShlEq,
            Raw::ShrEq => Tok::ShrEq,
            Raw::UShrEq => Tok::UShrEq,
            Raw::AmpEq => Tok::AmpEq,
            Raw::PipeEq => Tok::PipeEq,
            Raw::CaretEq => Tok::CaretEq,
            Raw::Slash => Tok::Slash,
            Raw::SlashEq => Tok::SlashEq,
        })
    }
}
