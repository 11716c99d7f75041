//! The JavaScript half of node (stdlib/), built into the binary: `require("sys")` and the
//! other built-in modules load from here, never from the disk.

/// The bootstrap: sets up the globals and the module system, then runs the main script.
pub const BOOTSTRAP: &str = include_str!("../../stdlib/node.js");

/// Built-in modules by name.
const MODULES: &[(&str, &str)] = &[
    ("assert", include_str!("../../stdlib/assert.js")),
    (
        "child_process",
        include_str!("../../stdlib/child_process.js"),
    ),
    ("events", include_str!("../../stdlib/events.js")),
    ("file", include_str!("../../stdlib/file.js")),
    ("http", include_str!("../../stdlib/http.js")),
    ("mjsunit", include_str!("../../stdlib/mjsunit.js")),
    ("multipart", include_str!("../../stdlib/multipart.js")),
    ("path", include_str!("../../stdlib/path.js")),
    ("posix", include_str!("../../stdlib/posix.js")),
    ("querystring", include_str!("../../stdlib/querystring.js")),
    ("sys", include_str!("../../stdlib/sys.js")),
    ("tcp", include_str!("../../stdlib/tcp.js")),
    ("url", include_str!("../../stdlib/url.js")),
    ("watch_file", include_str!("../../stdlib/watch_file.js")),
];

/// The source of built-in module `name`.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
