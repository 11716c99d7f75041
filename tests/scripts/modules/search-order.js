// require("name") searches require.paths in order, and within one path tries X.js, then X.node,
// then X/index.js; a binary addon (X.node) is found and refused.
// Expected from the API document, "Modules" (the files looked for, in order, "interrupting
// once a file is found"; paths unshifted at runtime); that a .node addon cannot load is this
// implementation's limit (the document's addons need V8's C++ API).
// NODE_PATH's place in the order is checked by tests/tests/runtime_modules.rs.
var sys = require("sys");
require.paths.unshift(__dirname + "/fixtures/order/second");
require.paths.unshift(__dirname + "/fixtures/order/first");
sys.puts(require("both").where);
sys.puts(require("dironly").where);
sys.puts(require("onlyinsecond").where);
try { require("addon"); } catch (e) { sys.puts(e.message.replace(__dirname, "DIR")); }
