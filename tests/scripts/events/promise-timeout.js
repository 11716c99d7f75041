// promise.timeout(ms): without an argument it returns the timeout set (undefined at first);
// with one it returns the promise; when the time runs out the promise emits "error" with an
// Error "timeout"; a promise that succeeds or fails in time is not timed out.
// Expected from the API document, "events.Promise" (promise.timeout(timeout = undefined): "If
// the timeout parameter is provided, the promise will emit an error event after the given
// amount of milliseconds. The error event will be emitted with an Error("timeout")"; without
// it, "the currently set timeout is returned").
var sys = require("sys"), events = require("events");
var slow = new events.Promise();
sys.puts(slow.timeout() === undefined);
sys.puts(slow.timeout(10) === slow);
sys.puts(slow.timeout());
slow.addErrback(function (e) {
  sys.puts("slow: " + (e instanceof Error && e.message === "timeout"));
});
slow.addCallback(function () { sys.puts("slow succeeded: never"); });

var quick = new events.Promise();
quick.timeout(20);
quick.addErrback(function () { sys.puts("quick timed out: never"); });
quick.addCallback(function (v) { sys.puts("quick: " + v); });
setTimeout(function () { quick.emitSuccess("in time"); }, 1);

var failed = new events.Promise();
failed.timeout(20);
failed.addErrback(function (e) { sys.puts("failed: " + e); });
failed.emitError("its own error");
