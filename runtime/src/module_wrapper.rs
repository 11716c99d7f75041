//! The function wrapper around a module's text (shared with the build script, which compiles
//! the built-in modules inside the same wrapper).

/// Before the module's text: the module sees these five names as its own variables.
pub const PREFIX: &str = "(function (exports, require, module, __filename, __dirname) { ";
/// After it. A newline first: the file's last line may be a `//` comment.
pub const SUFFIX: &str = "\n})";
