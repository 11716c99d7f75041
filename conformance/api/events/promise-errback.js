// addErrback, emitError.
// Expected output from: document, "events.Promise" (addErrback, emitError; one event, once).
var sys = require("sys");
var events = require("events");

var promise = new events.Promise();
promise.addErrback(function (error, detail) {
  sys.puts("error: " + error.message + ", " + detail);
});
promise.addCallback(function () {
  sys.puts("never: the promise failed");
});
promise.emitError(new Error("disk full"), "while writing");
promise.emitSuccess();                   // ignored: it has fired

promise.addErrback(function (error) {
  sys.puts("late errback, right away: " + error.message);
});
