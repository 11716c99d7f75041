// Run by tests/tests/runtime_modules.rs with NODE_PATH=../fixtures/order/np (absolute): a
// module on NODE_PATH is found, and a path unshifted at runtime comes before NODE_PATH's.
// Expected from the API document, "Modules" (require.paths "can be modified at runtime by
// simply unshifting new paths onto it, or at startup with the NODE_PATH environmental
// variable").
var sys = require("sys");
require.paths.unshift(__dirname + "/../fixtures/order/first");
sys.puts(require("both").where);
sys.puts(require("fromnodepath").where);
