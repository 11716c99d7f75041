//! The lexer: source text to tokens. (Stub: being written.)

use crate::error::SyntaxError;
use crate::token::Token;
use bumpalo::Bump;

/// Turns source text into [`Token`]s, one at a time.
pub struct Lexer<'a> {
    #[allow(dead_code)]
    source: &'a str,
    #[allow(dead_code)]
    arena: &'a Bump,
}

impl<'a> Lexer<'a> {
    /// A lexer over `source`; decoded names and string values are allocated in `arena`.
    pub fn new(source: &'a str, arena: &'a Bump) -> Lexer<'a> {
        Lexer { source, arena }
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Token<'a>, SyntaxError>;
    fn next(&mut self) -> Option<Self::Item> {
        None
    }
}
