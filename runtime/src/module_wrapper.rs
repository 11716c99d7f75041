//! The function wrapper around a module's text (shared with the build script, which compiles
//! the built-in modules inside the same wrapper).

/// Before the module's text: the module sees these five names as its own variables.
pub const PREFIX: &str = "(function (exports, require, module, __filename, __dirname) { ";
/// After it. A newline first: the file's last line may be a `//` comment. The semicolon
/// changes nothing but the parser's path: without it the statement ends by automatic
/// semicolon insertion, which goes through lalrpop's error recovery, and that works out
/// every token the parser could have expected (~100,000 instructions, half of what
/// compiling an empty module cost).
pub const SUFFIX: &str = "\n});";
