//! The lexer: source text to tokens (ES5.1 chapter 7).
//!
//! Lexing is split between a generated automaton and a little hand-written code:
//!
//! - `raw` is a `logos` state machine for everything that is a plain regular language:
//!   punctuators, keywords, ASCII identifiers, numbers, white space, line breaks and `//`
//!   comments. It does the bulk of the work at the speed of a table-driven loop.
//! - This module drives it and handles, by hand, what the automaton only starts: `/* */`
//!   comments, string literals (`string`), non-ASCII and escaped identifiers (`ident`),
//!   regular expression literals (`regex`), and numeric values (`number`).
//! - `context` decides whether a `/` starts a regular expression or divides, from the tokens
//!   seen so far. The spec leaves that choice to the parser; deciding it here keeps the lexer a
//!   plain iterator, which is what the generated parser consumes.
//!
//! Each token carries `newline_before`, whether a line terminator (or a multi-line comment
//! containing one) separates it from the previous token: automatic semicolon insertion and the
//! restricted productions (`return`, postfix `++`, ...) depend on it.
//!
//! Source text that held lone surrogates arrives with U+FFFD standing in for each (see
//! [`crate::source`]): the lexer treats the stand-ins as the characters they are, which gives
//! the tokens and errors the surrogates would, and only the string and regular expression
//! scanners look up what a stand-in stands for, to put the real code unit in the value.
//!
//! Nothing here allocates on the heap per token: names and string values that need decoding go
//! into the arena, everything else is a slice of the source. The only heap memory is the
//! bracket stack of `context`, which grows with nesting depth. No function recurses, and
//! every loop consumes input, so any input is lexed in linear time without panicking; the
//! first error ends the token stream.

mod context;
mod ident;
mod number;
mod raw;
mod regex;
mod string;
#[cfg(test)]
mod tests;
mod unicode;

use crate::ast::{NumberLit, Span};
use crate::error::SyntaxError;
use crate::source::Source;
use crate::token::{IdentName, Tok, Token};
use bumpalo::Bump;
use context::Context;
use logos::Logos;
use raw::Raw;
use unicode::is_id_start;

/// Turns source text into [`Token`]s, one at a time.
pub struct Lexer<'a> {
    source: Source<'a>,
    arena: &'a Bump,
    /// The automaton, running over `source[base..]`: its spans are relative to `base`.
    raw: logos::Lexer<'a, Raw<'a>>,
    base: usize,
    /// The regex-or-division state.
    context: Context,
    /// Set after the end of input or an error: the iterator then yields nothing more.
    finished: bool,
}

impl<'a> Lexer<'a> {
    /// A lexer over `source` (a `&str`, or a [`Source`] with lone surrogates); decoded names
    /// and string values are allocated in `arena`.
    pub fn new(source: impl Into<Source<'a>>, arena: &'a Bump) -> Lexer<'a> {
        let source = source.into();
        Lexer {
            source,
            arena,
            raw: Raw::lexer(source.text),
            base: 0,
            context: Context::new(),
            finished: false,
        }
    }

    /// Makes the automaton resume at byte `pos`, after a token the hand-written code scanned.
    ///
    /// A fresh `logos` lexer over the rest of the source costs no more than moving the old
    /// one, and cannot fail: `Lexer::bump` would panic on a bad offset.
    fn seek(&mut self, pos: usize) {
        if pos != self.base + self.raw.span().end {
            debug_assert!(self.source.text.is_char_boundary(pos));
            self.base = pos;
            self.raw = Raw::lexer(self.source.text.get(pos..).unwrap_or(""));
        }
    }

    /// The next token, or `None` at the end of input.
    fn next_token(&mut self) -> Option<Result<Token<'a>, SyntaxError>> {
        let mut newline_before = false;
        loop {
            let item = self.raw.next()?;
            let span = self.raw.span();
            let (start, end) = (self.base + span.start, self.base + span.end);
            let raw = match item {
                Ok(Raw::LineBreak) => {
                    newline_before = true;
                    continue;
                }
                Ok(Raw::LineComment) => continue,
                Ok(Raw::BlockCommentStart) => match self.block_comment(start, end) {
                    Ok(multi_line) => {
                        newline_before |= multi_line;
                        continue;
                    }
                    Err(error) => return Some(Err(error)),
                },
                Ok(raw) => Some(raw),
                // Nothing the automaton knows starts here: a non-ASCII identifier, an escape,
                // or a character that has no place in JavaScript source.
                Err(()) => None,
            };
            let result = self.token(raw, start, end, newline_before);
            return Some(result.map(|(tok, end)| {
                self.seek(end);
                self.context.advance(&tok, newline_before);
                Token {
                    tok,
                    span: Span::new(start, end),
                    newline_before,
                }
            }));
        }
    }

    /// Skips the `/* */` comment whose `/*` spans `start..end`. Returns whether it contains a
    /// line terminator, in which case it counts as one (§7.4).
    fn block_comment(&mut self, start: usize, end: usize) -> Result<bool, SyntaxError> {
        let rest = self.source.text.get(end..).unwrap_or("");
        let Some(length) = rest.find("*/") else {
            let span = Span::new(start, self.source.text.len());
            return Err(SyntaxError::new("Unterminated comment", span));
        };
        let multi_line = contains_line_terminator(&rest.as_bytes()[..length]);
        self.seek(end + length + 2);
        Ok(multi_line)
    }

    /// Completes the token the automaton matched as `raw` at `start..end` (`None`: it matched
    /// nothing). Returns the token and where it really ends.
    fn token(
        &mut self,
        raw: Option<Raw<'a>>,
        start: usize,
        end: usize,
        newline_before: bool,
    ) -> Result<(Tok<'a>, usize), SyntaxError> {
        let Some(raw) = raw else {
            return self.unexpected_char(start);
        };
        let tok = match raw {
            Raw::Fixed(Tok::Slash | Tok::SlashEq) if self.context.regex_allowed() => {
                let (lit, end) = regex::scan_regex(self.source, start, self.arena)?;
                return Ok((Tok::Regex(lit), end));
            }
            Raw::Fixed(Tok::PlusPlus) if newline_before => Tok::PlusPlusAfterNewline,
            Raw::Fixed(Tok::MinusMinus) if newline_before => Tok::MinusMinusAfterNewline,
            Raw::Fixed(Tok::Arrow) if newline_before => Tok::ArrowAfterNewline,
            Raw::Fixed(tok) => tok,
            Raw::Ident
                if &self.source.text[start..end] == "let"
                    && !self.context.after_dot()
                    && self.name_follows(end) =>
            {
                Tok::Let
            }
            Raw::Ident => Tok::Ident(IdentName {
                name: &self.source.text[start..end],
                escaped: false,
            }),
            Raw::WordContinues => return self.word_continues(start),
            Raw::Quote => {
                let (lit, end) = string::scan_string(self.source, start, self.arena)?;
                return Ok((Tok::String(lit), end));
            }
            Raw::Decimal | Raw::NonOctalDecimal => {
                let text = &self.source.text[start..end];
                let value = number::decimal_value(text).ok_or_else(|| invalid(start, end))?;
                self.check_after_number(start, end)?;
                Tok::Number(NumberLit {
                    value,
                    legacy_octal: matches!(raw, Raw::NonOctalDecimal),
                })
            }
            Raw::Hex => {
                self.check_after_number(start, end)?;
                let digits = &self.source.text.as_bytes()[start + 2..end];
                Tok::Number(NumberLit {
                    value: number::radix_value(digits, 4),
                    legacy_octal: false,
                })
            }
            Raw::LegacyOctal => {
                self.check_after_number(start, end)?;
                let digits = &self.source.text.as_bytes()[start + 1..end];
                Tok::Number(NumberLit {
                    value: number::radix_value(digits, 3),
                    legacy_octal: true,
                })
            }
            // Comments and line breaks never get here: the caller skips them.
            Raw::LineBreak | Raw::LineComment | Raw::BlockCommentStart => {
                return Err(invalid(start, end))
            }
        };
        Ok((tok, end))
    }

    /// Handles an ASCII word that runs into a backslash or a non-ASCII character at `start`:
    /// the whole name is re-scanned. With an escape it is an identifier even if it spells a
    /// keyword; if the character after the ASCII part turns out not to continue the name (a
    /// non-ASCII space, say), the ASCII part is the token, keyword or not.
    fn word_continues(&mut self, start: usize) -> Result<(Tok<'a>, usize), SyntaxError> {
        let (name, end) = ident::scan_identifier(self.source.text, start, self.arena)?;
        if !name.escaped && name.name.is_ascii() {
            // Let the automaton tell keywords from identifiers, on just the word.
            if let Some(Ok(Raw::Fixed(tok))) = Raw::lexer(name.name).next() {
                return Ok((tok, end));
            }
        }
        Ok((Tok::Ident(name), end))
    }

    /// Whether a name (not a keyword) comes next after byte `pos`, past white space, line
    /// breaks and `//` comments: then a `let` just before it starts a declaration (ES2015 13.3.1: `let x` can be
    /// nothing else; `let` before `=`, `(`, `.`, `in`, ... stays an identifier).
    fn name_follows(&self, pos: usize) -> bool {
        let rest = self.source.text.get(pos..).unwrap_or("");
        let mut raw = Raw::lexer(rest);
        loop {
            return match raw.next() {
                Some(Ok(Raw::LineBreak | Raw::LineComment)) => continue,
                Some(Ok(Raw::Ident | Raw::WordContinues)) => true,
                // A name starting with a non-ASCII letter or an escape.
                Some(Err(())) => rest[raw.span().start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == '\\' || is_id_start(c)),
                _ => false,
            };
        }
    }

    /// The character at byte `pos`, if there is one.
    fn char_at(&self, pos: usize) -> Option<char> {
        self.source.text.get(pos..)?.chars().next()
    }

    /// A numeric literal must not run straight into a name or a digit (§7.8.3): `3in` and
    /// `0x` are errors, not `3` `in` or `0` `x`.
    fn check_after_number(&self, start: usize, end: usize) -> Result<(), SyntaxError> {
        let Some(c) = self.char_at(end) else {
            return Ok(());
        };
        if c.is_ascii_digit() || c == '\\' || is_id_start(c) {
            return Err(invalid(start, end + c.len_utf8()));
        }
        Ok(())
    }

    /// Handles a character the automaton does not recognise at `start`: an identifier that
    /// starts with a non-ASCII letter or an escape, or else an error.
    fn unexpected_char(&mut self, start: usize) -> Result<(Tok<'a>, usize), SyntaxError> {
        let Some(c) = self.char_at(start) else {
            return Err(invalid(start, start));
        };
        if c == '\\' || is_id_start(c) {
            let (name, end) = ident::scan_identifier(self.source.text, start, self.arena)?;
            return Ok((Tok::Ident(name), end));
        }
        Err(invalid(start, start + c.len_utf8()))
    }
}

/// Whether UTF-8 `bytes` contain LF, CR, U+2028 or U+2029.
fn contains_line_terminator(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' || b == b'\r' || (b == 0xE2 && string::is_ls_or_ps(bytes, i)))
}

/// The generic error for text that is no token.
fn invalid(start: usize, end: usize) -> SyntaxError {
    SyntaxError::new("Invalid or unexpected token", Span::new(start, end))
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Token<'a>, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let item = self.next_token();
        if !matches!(item, Some(Ok(_))) {
            self.finished = true;
        }
        item
    }
}
