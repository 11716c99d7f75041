// The API document's addon example (examples/addons/hello.c: target.hello = "World"),
// required as ./hello (hello.node), as ./hello.node, and as a directory's index.node.
// tests/tests/addons.rs builds the addons with cc next to this script and runs it.
var sys = require("sys");
var hello = require("./hello");
sys.puts(hello.hello);
// Loaded once: every require gives the same exports.
sys.puts(require("./hello.node") === hello);
sys.puts(require("./greeting").hello);
sys.puts(JSON.stringify(Object.keys(hello)));
