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
///
/// `'s` is the source's lifetime. None of the tokens produced here borrow from the source, but
/// `Tok` has a lifetime parameter and the derive ties callback results to the source's.
#[derive(Logos, Clone, Copy, Debug)]
// WhiteSpace (§7.2): TAB VT FF SP NBSP BOM, and the rest of category Zs.
#[logos(subpattern ws = r"[\t\x0B\x0C \u{A0}\u{FEFF}\u{1680}\u{2000}-\u{200A}\u{202F}\u{205F}\u{3000}]")]
// LineTerminator (§7.3): LF CR LS PS. A CRLF pair is two of them, which only matters for line
// counting, not for the "a line terminator came before this token" flag.
#[logos(subpattern lt = r"[\n\r\u{2028}\u{2029}]")]
#[logos(skip r"(?&ws)+")]
pub(super) enum Raw<'s> {
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

    /// A keyword (§7.6.1.1), the null and boolean literals, a future reserved word that is
    /// reserved in all code (§7.6.1.2), or a punctuator (§7.7): the token itself.
    ///
    /// A literal pattern outranks the `Ident` pattern when both match the same text, and
    /// `Ident` wins when it matches more (`iffy`). Among punctuators the automaton always takes
    /// the longest match, so `>>>=` is one token, never `>>` followed by `>=`. Producing the
    /// [`Tok`] right here, where the automaton already knows which pattern matched, saves a
    /// second dispatch on the kind of token.
    #[token("break", |_| Tok::Break)]
    #[token("case", |_| Tok::Case)]
    #[token("catch", |_| Tok::Catch)]
    #[token("continue", |_| Tok::Continue)]
    #[token("debugger", |_| Tok::Debugger)]
    #[token("default", |_| Tok::Default)]
    #[token("delete", |_| Tok::Delete)]
    #[token("do", |_| Tok::Do)]
    #[token("else", |_| Tok::Else)]
    #[token("finally", |_| Tok::Finally)]
    #[token("for", |_| Tok::For)]
    #[token("function", |_| Tok::Function)]
    #[token("if", |_| Tok::If)]
    #[token("in", |_| Tok::In)]
    #[token("instanceof", |_| Tok::Instanceof)]
    #[token("new", |_| Tok::New)]
    #[token("return", |_| Tok::Return)]
    #[token("switch", |_| Tok::Switch)]
    #[token("this", |_| Tok::This)]
    #[token("throw", |_| Tok::Throw)]
    #[token("try", |_| Tok::Try)]
    #[token("typeof", |_| Tok::Typeof)]
    #[token("var", |_| Tok::Var)]
    #[token("void", |_| Tok::Void)]
    #[token("while", |_| Tok::While)]
    #[token("with", |_| Tok::With)]
    #[token("null", |_| Tok::Null)]
    #[token("true", |_| Tok::True)]
    #[token("false", |_| Tok::False)]
    #[token("class", |_| Tok::Class)]
    #[token("const", |_| Tok::Const)]
    #[token("enum", |_| Tok::Enum)]
    #[token("export", |_| Tok::Export)]
    #[token("extends", |_| Tok::Extends)]
    #[token("import", |_| Tok::Import)]
    #[token("super", |_| Tok::Super)]
    #[token("{", |_| Tok::LBrace)]
    #[token("}", |_| Tok::RBrace)]
    #[token("(", |_| Tok::LParen)]
    #[token(")", |_| Tok::RParen)]
    #[token("[", |_| Tok::LBracket)]
    #[token("]", |_| Tok::RBracket)]
    #[token(".", |_| Tok::Dot)]
    #[token(";", |_| Tok::Semicolon)]
    #[token(",", |_| Tok::Comma)]
    #[token("<", |_| Tok::Lt)]
    #[token(">", |_| Tok::Gt)]
    #[token("<=", |_| Tok::LtEq)]
    #[token(">=", |_| Tok::GtEq)]
    #[token("==", |_| Tok::EqEq)]
    #[token("!=", |_| Tok::NotEq)]
    #[token("===", |_| Tok::EqEqEq)]
    #[token("!==", |_| Tok::NotEqEq)]
    #[token("+", |_| Tok::Plus)]
    #[token("-", |_| Tok::Minus)]
    #[token("*", |_| Tok::Star)]
    #[token("%", |_| Tok::Percent)]
    #[token("++", |_| Tok::PlusPlus)]
    #[token("--", |_| Tok::MinusMinus)]
    #[token("<<", |_| Tok::Shl)]
    #[token(">>", |_| Tok::Shr)]
    #[token(">>>", |_| Tok::UShr)]
    #[token("&", |_| Tok::Amp)]
    #[token("|", |_| Tok::Pipe)]
    #[token("^", |_| Tok::Caret)]
    #[token("!", |_| Tok::Bang)]
    #[token("~", |_| Tok::Tilde)]
    #[token("&&", |_| Tok::AmpAmp)]
    #[token("||", |_| Tok::PipePipe)]
    #[token("?", |_| Tok::Question)]
    #[token(":", |_| Tok::Colon)]
    #[token("=", |_| Tok::Eq)]
    #[token("=>", |_| Tok::Arrow)]
    #[token("+=", |_| Tok::PlusEq)]
    #[token("-=", |_| Tok::MinusEq)]
    #[token("*=", |_| Tok::StarEq)]
    #[token("%=", |_| Tok::PercentEq)]
    #[token("<<=", |_| Tok::ShlEq)]
    #[token(">>=", |_| Tok::ShrEq)]
    #[token(">>>=", |_| Tok::UShrEq)]
    #[token("&=", |_| Tok::AmpEq)]
    #[token("|=", |_| Tok::PipeEq)]
    #[token("^=", |_| Tok::CaretEq)]
    #[token("/", |_| Tok::Slash)]
    #[token("/=", |_| Tok::SlashEq)]
    Fixed(Tok<'s>),
}
