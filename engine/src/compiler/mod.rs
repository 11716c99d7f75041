//! The compiler: syntax tree to bytecode.
//!
//! It runs in two passes. [`scope`] analyses the whole script first, deciding where every
//! variable lives; then one `FunctionCompiler` per function emits
//! its instructions (`stmt` for statements, `expr` for expressions), with `control`
//! handling what jumps out of statements: `break`, `continue` and `return` through `finally`
//! blocks and `with` scopes.
//!
//! The compiler never touches the garbage-collected heap: its output is a plain
//! [`FunctionProto`] tree that the VM loads.

mod control;
mod expr;
mod function;
pub mod scope;
mod stmt;

use crate::ast::Program;
use crate::bytecode::FunctionProto;
use crate::error::SyntaxError;
use crate::source::{Source, SourceText};
use function::FunctionCompiler;
use scope::{ScopeKindAst, ScopeTree};

/// Compiles a parsed script (global code).
///
/// # Errors
/// A [`SyntaxError`] when the script exceeds one of the bytecode's limits (such as 65,535
/// captured variables in one function).
pub fn compile_script(program: &Program<'_>, source: &str) -> Result<FunctionProto, SyntaxError> {
    let tree = ScopeTree::analyse(program, ScopeKindAst::Script, false);
    FunctionCompiler::compile_program(&tree, program, source)
}

/// Compiles part of the engine's self-hosted library (see `builtins::self_hosted`): like a
/// script, with the `__call` intrinsic enabled.
///
/// # Errors
/// As [`compile_script`].
pub fn compile_builtin(program: &Program<'_>, source: &str) -> Result<FunctionProto, SyntaxError> {
    let mut tree = ScopeTree::analyse(program, ScopeKindAst::Script, false);
    tree.intrinsics = true;
    FunctionCompiler::compile_program(&tree, program, source)
}

/// Compiles code given to `eval`. `strict_caller` says whether the code that called `eval`
/// is strict (direct eval in strict code is strict eval code, 10.1.1).
///
/// # Errors
/// As [`compile_script`].
pub fn compile_eval(
    program: &Program<'_>,
    source: &str,
    strict_caller: bool,
) -> Result<FunctionProto, SyntaxError> {
    let tree = ScopeTree::analyse(program, ScopeKindAst::Eval, strict_caller);
    FunctionCompiler::compile_program(&tree, program, source)
}

/// Parses, checks and compiles `prefix + source + suffix` as a script (global code): how a
/// host compiles a file inside a wrapper of its own, such as node's module function. Gives
/// the proto and the whole text it was compiled from (which the VM keeps for `toString` and
/// stack traces).
///
/// # Errors
/// A [`SyntaxError`], with its span in `source`, as if the wrapper were not there.
pub fn compile_wrapped(
    prefix: &str,
    source: Source<'_>,
    suffix: &str,
) -> Result<(FunctionProto, SourceText), SyntaxError> {
    let text = SourceText::concat(&[prefix.into(), source, suffix.into()]);
    let shift = u32::try_from(prefix.len()).unwrap_or(u32::MAX);
    let in_source = |mut error: SyntaxError| {
        let end = u32::try_from(source.text.len()).unwrap_or(u32::MAX);
        error.span.start = error.span.start.saturating_sub(shift).min(end);
        error.span.end = error.span.end.saturating_sub(shift).min(end);
        error
    };
    let arena = bumpalo::Bump::new();
    let program = crate::parser::parse_program_syntax(&text, &arena).map_err(in_source)?;
    crate::early_errors::check_code(&program, false).map_err(in_source)?;
    let proto = compile_script(&program, &text.text).map_err(in_source)?;
    Ok((proto, text))
}
