//! The JavaScript engine behind `node`: source text → tokens → syntax tree → (bytecode → VM).
//!
//! This crate has no I/O and no event loop; the `runtime` crate embeds it.
//!
//! The front end, in the order data flows through it:
//! - [`source`]: source text, a sequence of UTF-16 code units, as the UTF-8 the lexer reads;
//! - [`lexer`]: source text to [`token::Token`]s (a `logos` lexer, plus the regex-vs-division
//!   decision and the line-terminator flag automatic semicolon insertion needs);
//! - [`parser`]: tokens to an [`ast::Program`] (an `lalrpop` grammar, `grammar.lalrpop`);
//! - [`early_errors`]: the checks the spec requires before running anything (strict-mode rules,
//!   labels, assignment targets);
//! - [`dump`]: the readable forms behind `--dump-tokens` and `--dump-ast`.

pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod convert;
pub mod date;
pub mod dump;
pub mod early_errors;
pub mod error;
pub mod lexer;
pub mod object;
pub mod parser;
pub mod source;
pub mod string;
pub mod token;
pub mod value;
pub mod vm;

pub use error::SyntaxError;
pub use parser::parse_program;
