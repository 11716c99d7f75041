// The exception of an unhandled emitError reaches "uncaughtException" (here
// an Error given to emitError is thrown as it is), and a listener for it
// keeps the process alive.
// Expected output from: document, "events.Promise" (emitError throws) and "The process Object"
// ("uncaughtException" keeps the process alive). That the Error given to emitError is what is
// thrown: NO SOURCE.
var sys = require("sys");
var events = require("events");

process.addListener("uncaughtException", function (e) {
  sys.puts("uncaught: " + e.message);
});

var promise = new events.Promise();
promise.emitError(new Error("nobody listens"));

setTimeout(function () {
  sys.puts("still running");
}, 10);
