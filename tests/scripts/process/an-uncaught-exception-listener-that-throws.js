// An "uncaughtException" listener that throws is fatal: what is reported is the listener's
// own exception, and the process ends with status 1 before any timer runs.
// Expected from the API document, "process" ("uncaughtException"; an exception that reaches
// the event loop with no listener to take it prints its stack trace and exits).
var sys = require("sys");
process.addListener("uncaughtException", function (e) {
  sys.puts("listener got " + e.message);
  throw new Error("the listener failed");
});
setTimeout(function () { sys.puts("timer must not run"); }, 5);
throw new Error("first");
