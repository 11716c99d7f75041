// Every example of the Path Module section, verbatim. The document shows
// each result as the REPL printed it, which is what JSON.stringify(result,
// null, 2) writes.
// Expected output from: document, "Path Module" (every result is the document's).
var sys = require("sys");
function show(result) {
  sys.puts(JSON.stringify(result, null, 2));
}

show(require("path").join("/foo", "bar", "baz/asdf", "quux", ".."));
show(require("path").normalizeArray(["", "foo", "bar", "baz", "asdf", "quux", ".."]));
show(require("path").normalize("/foo/bar/baz/asdf/quux/.."));
show(require("path").dirname("/foo/bar/baz/asdf/quux"));
show(require("path").basename("/foo/bar/baz/asdf/quux.html"));
show(require("path").basename("/foo/bar/baz/asdf/quux.html", ".html"));
show(require("path").extname("index.html"));
show(require("path").extname("index"));
