//! The JavaScript half of node (stdlib/), built into the binary: `require("sys")` and the
//! other built-in modules load from here, never from the disk.
//!
//! Each file is here twice: its text, and the bytecode image the build script (build.rs)
//! compiled it to. Running one decodes the image; the text is what its functions' `toString`
//! and stack traces show. The build script also writes the list of files (stdlib_modules.rs,
//! included below), so adding a file to stdlib/ is all it takes to add a module.
//!
//! Two kinds of modules: those in stdlib/ are node's, and `require` finds them by name; those
//! in stdlib/internal/ are the runtime's own (the JavaScript behind `process.createChildProcess`
//! and `process.watchFile`, which v0.1.27 had in C++ or in node.js itself). Only stdlib/node.js
//! loads those, so `require("child_process")` fails as it did in v0.1.27.

/// A built-in script: the text its image was compiled from, and its compiled image.
#[derive(Debug)]
pub struct Native {
    /// The file's text, inside the module wrapper for a module.
    pub text: &'static str,
    /// How many bytes of `text` the wrapper adds before the file's own.
    pub prefix: usize,
    pub image: &'static [u8],
}

// `BOOTSTRAP` (stdlib/node.js, compiled as a global script: it sets up the globals and the
// module system, then runs the main script), `MODULES` (stdlib/NAME.js by NAME) and
// `INTERNAL_MODULES` (stdlib/internal/NAME.js by NAME), each module compiled inside the module
// wrapper (`crate::module_wrapper`).
include!(concat!(env!("OUT_DIR"), "/stdlib_modules.rs"));

/// The built-in module `name`, as `require(name)` may load it.
pub fn module(name: &str) -> Option<&'static Native> {
    find(MODULES, name)
}

/// The runtime's own module `name` (stdlib/internal/NAME.js), which no script can `require`.
pub fn internal_module(name: &str) -> Option<&'static Native> {
    find(INTERNAL_MODULES, name)
}

fn find(modules: &'static [(&str, Native)], name: &str) -> Option<&'static Native> {
    modules.iter().find(|(n, _)| *n == name).map(|(_, m)| m)
}
