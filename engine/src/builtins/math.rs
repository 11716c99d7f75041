//! math builtins (ES5.1 chapter 15). Being written.

use crate::vm::Ctx;

pub fn install(_ctx: Ctx<'_>) {}
