// an inner error stays in the inner wait.
// Expected: SOURCE
var sys = require("sys"), events = require("events");
var outer = new events.Promise();
setTimeout(function () {
  var inner = new events.Promise();
  setTimeout(function () { inner.emitError(new Error("inner failed")); }, 1);
  setTimeout(function () { outer.emitSuccess("outer ok"); }, 1);
  try { inner.wait(); } catch (e) { sys.puts("inner threw " + e.message); }
}, 1);
sys.puts("outer returned " + outer.wait());
