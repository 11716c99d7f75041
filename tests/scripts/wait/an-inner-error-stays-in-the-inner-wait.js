// An error thrown by a wait nested inside another wait is caught where the inner wait is; the
// outer wait then returns its own value.
// Expected from the API document, "events.Promise", promise.wait() ("If "error" was emitted
// instead, wait() throws an error"; the first promise's wait returns after the others).
var sys = require("sys"), events = require("events");
var outer = new events.Promise();
setTimeout(function () {
  var inner = new events.Promise();
  setTimeout(function () { inner.emitError(new Error("inner failed")); }, 1);
  setTimeout(function () { outer.emitSuccess("outer ok"); }, 1);
  try { inner.wait(); } catch (e) { sys.puts("inner threw " + e.message); }
}, 1);
sys.puts("outer returned " + outer.wait());
