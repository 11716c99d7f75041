//! The JavaScript half of node (stdlib/), built into the binary: `require("sys")` and the
//! other built-in modules load from here, never from the disk.
//!
//! Each file is here twice: its text, and the bytecode image the build script (build.rs)
//! compiled it to. Running one decodes the image; the text is what its functions' `toString`
//! and stack traces show.

/// A built-in script: its text and its compiled image.
#[derive(Debug)]
pub struct Native {
    pub source: &'static str,
    pub image: &'static [u8],
}

/// The [`Native`] made from `stdlib/NAME.js`.
macro_rules! native {
    ($name:literal) => {
        Native {
            source: include_str!(concat!("../../stdlib/", $name, ".js")),
            image: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".jsbc")),
        }
    };
}

/// The bootstrap: sets up the globals and the module system, then runs the main script.
/// Compiled as a global script.
pub const BOOTSTRAP: Native = native!("node");

/// Built-in modules by name, each compiled inside the module wrapper
/// (`crate::module_wrapper`).
const MODULES: &[(&str, Native)] = &[
    ("assert", native!("assert")),
    ("child_process", native!("child_process")),
    ("events", native!("events")),
    ("file", native!("file")),
    ("http", native!("http")),
    ("mjsunit", native!("mjsunit")),
    ("multipart", native!("multipart")),
    ("path", native!("path")),
    ("posix", native!("posix")),
    ("querystring", native!("querystring")),
    ("sys", native!("sys")),
    ("tcp", native!("tcp")),
    ("url", native!("url")),
    ("watch_file", native!("watch_file")),
];

/// Built-in module `name`.
pub fn module(name: &str) -> Option<&'static Native> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, m)| m)
}
