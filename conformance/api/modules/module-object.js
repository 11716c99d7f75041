// module.exports is the same object as exports; a module is loaded once.
// Expected output from: document, "Global Objects" (module, require.paths) and "Modules"
// (exports). "A module is loaded once": NO SOURCE in the document (the usual CommonJS rule).
var sys = require("sys");
sys.puts(module.exports === exports);
sys.puts(require("./circle") === require("./circle"));
sys.puts(typeof require.paths);
