//! RegExp (ES5.1 15.10). Being written.

use crate::object::Object;
use crate::value::Value;
use crate::vm::{Ctx, Throw};
use gc_arena::Collect;

/// The internal state of a RegExp object.
#[derive(Collect)]
#[collect(require_static)]
pub struct RegExpData {
    /// The pattern as written.
    pub source: String,
    /// The flags as written.
    pub flags: String,
}

/// Makes a RegExp object for a regular expression literal (`/pattern/flags`).
///
/// # Errors
/// A SyntaxError for an invalid pattern or flags.
pub fn new_regexp<'gc>(
    ctx: Ctx<'gc>,
    pattern: &str,
    flags: &str,
) -> Result<Object<'gc>, Throw<'gc>> {
    let _ = (pattern, flags);
    Err(ctx.error(
        ctx.realm().syntax_error_prototype,
        "regular expressions are not implemented yet",
    ))
}

pub fn install(_ctx: Ctx<'_>) {
    let _ = Value::Undefined;
}
