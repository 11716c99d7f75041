// module.exports is the same object as exports; a module is loaded once.
var sys = require("sys");
sys.puts(module.exports === exports);
sys.puts(require("./circle") === require("./circle"));
sys.puts(typeof require.paths);
