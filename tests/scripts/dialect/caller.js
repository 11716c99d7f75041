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
