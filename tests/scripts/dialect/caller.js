// `f.caller` as V8 had it: the function that called f's current call, or null.
var sys = require("sys");

function log() { return log.caller === null ? "(top)" : log.caller.name; }
function handler() { return log(); }
function dispatch() { return handler(); }

// Module code runs inside node's anonymous module wrapper: that is its caller.
sys.puts("[" + log() + "]");
sys.puts(handler());
sys.puts(dispatch());
sys.puts(log.caller);

function strictCaller() { "use strict"; return log(); }
try {
  strictCaller();
} catch (e) {
  sys.puts(e.name);
}

// `arguments.caller` in sloppy code: the calling function, or null when a builtin called
// (expectation from the issue of old programs; V8 of 2010 for f.caller, above). Not
// enumerable, like `callee`. A strict `arguments` has the poisoned accessor (ES5 10.6).
function args() { return arguments.caller; }
function callsArgs() { return args(); }
sys.puts((callsArgs() === callsArgs) + " " + [0].map(function () { return arguments.caller; })[0]);
sys.puts(Object.keys((function () { return arguments; })(1, 2)).join(","));
function strictArgs() { "use strict"; try { return arguments.caller; } catch (e) { return e.name; } }
sys.puts(strictArgs());
