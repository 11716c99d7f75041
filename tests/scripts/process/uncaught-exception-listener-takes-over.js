// With an "uncaughtException" listener, exceptions from the main script, a tick or a timer go
// to the listener and the program goes on: later ticks and timers run, and it exits with 0.
// Expected from the API document, "process" ("uncaughtException": "If a listener is added for
// this exception, the default action (which is to print a stack trace and exit) will not
// occur").
var sys = require("sys");
process.addListener("uncaughtException", function (e) { sys.puts("caught " + e.message); });
process.addListener("exit", function (code) { sys.puts("exit " + code); });
setTimeout(function () { throw new Error("in timer"); }, 1);
setTimeout(function () { sys.puts("a later timer still runs"); }, 5);
process.nextTick(function () { throw new Error("in tick"); });
process.nextTick(function () { sys.puts("the next tick still runs"); });
throw new Error("in the main script");
