// An errback added after the next tick is too late: the unhandled error reaches the process,
// which prints it and exits with status 1, and the errback never runs.
// Expected from the API document, "events.Promise" (its example whose errback "never
// executes") and "process" (an uncaught exception prints a stack trace and exits).
var sys = require("sys"), events = require("events");
var promise = new events.Promise();
promise.emitError("wrong answer");
setTimeout(function () {
  promise.addErrback(function () { sys.puts("never executes"); });
}, 10);
