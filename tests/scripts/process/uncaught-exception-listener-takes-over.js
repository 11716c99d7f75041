// uncaught exception listener takes over.
// Expected: SOURCE
var sys = require("sys");
process.addListener("uncaughtException", function (e) { sys.puts("caught " + e.message); });
process.addListener("exit", function (code) { sys.puts("exit " + code); });
setTimeout(function () { throw new Error("in timer"); }, 1);
setTimeout(function () { sys.puts("a later timer still runs"); }, 5);
process.nextTick(function () { throw new Error("in tick"); });
process.nextTick(function () { sys.puts("the next tick still runs"); });
throw new Error("in the main script");
