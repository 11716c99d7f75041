// Without an "uncaughtException" listener, a listener's exception is printed with its stack
// and the process exits with status 1 at once: emit does not return.
// Expected output from: the facts file, "### events". The stdout line written just before
// must not be lost (the brief: stdout is flushed on every exit path).
var sys = require("sys");
var events = require("events");
var emitter = new events.EventEmitter();
emitter.addListener("x", function () { throw new Error("boom from a listener"); });
sys.puts("before");
emitter.emit("x");
sys.puts("after: never");
