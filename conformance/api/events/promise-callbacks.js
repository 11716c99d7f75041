// addCallback, emitSuccess: a promise emits one event, once; a listener added
// after it fired is "executed right away"; both return the promise.
// Expected output from: document, "events.Promise" (one event, once; "executed right away";
// "Returns the same promise object").
var sys = require("sys");
var events = require("events");

var promise = new events.Promise();
var returned = promise.addCallback(function (a, b) {
  sys.puts("success: " + a + ", " + b);
});
sys.puts("addCallback returns the promise: " + (returned === promise));

promise.emitSuccess("one", "two");
promise.emitSuccess("again");            // ignored: it has fired
promise.emitError(new Error("late"));    // ignored too

promise.addCallback(function (a, b) {
  sys.puts("late callback, right away: " + a + ", " + b);
});
promise.addErrback(function () {
  sys.puts("never: the promise succeeded");
});
sys.puts("done");
