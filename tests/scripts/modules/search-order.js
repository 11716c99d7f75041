// require("name") searches require.paths in order, and within one path tries X.js, then X.node,
// then X/index.js; a binary addon (X.node) is found first, and this one, not a shared object,
// is refused with the dynamic loader's reason (real addons: tests/tests/addons.rs).
// Expected from the API document, "Modules" (the files looked for, in order, "interrupting
// once a file is found"; paths unshifted at runtime).
// NODE_PATH's place in the order is checked by tests/tests/runtime_modules.rs.
var sys = require("sys");
require.paths.unshift(__dirname + "/fixtures/order/second");
require.paths.unshift(__dirname + "/fixtures/order/first");
sys.puts(require("both").where);
sys.puts(require("dironly").where);
sys.puts(require("onlyinsecond").where);
try { require("addon"); } catch (e) { sys.puts(e.message.split(__dirname).join("DIR")); }
