//! The JavaScript engine behind `node`: source text → tokens → syntax tree → bytecode → a
//! stackless VM on a garbage-collected heap.
//!
//! This crate has no I/O and no event loop; the `runtime` crate embeds it.
//!
//! The front end, in the order data flows through it:
//! - [`source`]: source text, a sequence of UTF-16 code units, as the UTF-8 the lexer reads;
//! - [`lexer`]: source text to [`token::Token`]s (a `logos` lexer, plus the regex-vs-division
//!   decision and the line-terminator flag automatic semicolon insertion needs);
//! - [`parser`]: tokens to an [`ast::Program`] (an `lalrpop` grammar, `grammar.lalrpop`,
//!   generated into the build directory);
//! - [`early_errors`]: the checks the spec requires before running anything (strict-mode rules,
//!   labels, assignment targets, a bound on nesting);
//! - [`stack`]: how much native stack is left for the passes that recurse on it;
//! - [`error`]: the `SyntaxError`s all of these report, with lines and columns;
//! - [`dump`]: the readable forms behind `--dump-tokens` and `--dump-ast`.
//!
//! The back end:
//! - [`compiler`]: syntax tree to bytecode, resolving variables to registers and environment
//!   slots where the scope is static; it never touches the heap;
//! - [`bytecode`]: the instruction set (one table defines every instruction), compiled
//!   functions, the disassembler behind `--dump-bytecode`, and bytecode images for code
//!   compiled when the program is built;
//! - [`vm`]: the interpreter on one `gc-arena` heap, running in slices of fuel with the
//!   collector between them; calls push frames on the heap, never recursing on the Rust
//!   stack; inline caches for property access;
//! - [`value`], [`string`], [`object`]: JavaScript values, strings (Latin-1 or UTF-16, ropes
//!   for concatenation) and objects (property maps, shapes, internal classes);
//! - [`builtins`]: the standard library of ES5.1 chapter 15, in Rust and, for the methods that
//!   loop over callbacks, in JavaScript;
//! - [`convert`] and [`date`]: the pure algorithms beneath Number and Date (number ↔ text,
//!   URI encoding, time arithmetic, time zones, date parsing and formatting).

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
pub mod stack;
pub mod string;
pub mod token;
pub mod value;
pub mod vm;

pub use error::SyntaxError;
pub use parser::parse_program;
