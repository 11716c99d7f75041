// promise timeout.
// Expected: SOURCE
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
