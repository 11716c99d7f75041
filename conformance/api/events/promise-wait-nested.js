// "If any other promises are created and made to wait while the first
// promise waits, the first promise's wait will not return until all others
// return."
// Expected output from: document, "events.Promise" (wait: "the first promise's wait will not
// return until all others return").
var sys = require("sys");
var events = require("events");

var outer = new events.Promise();
var inner = new events.Promise();

setTimeout(function () {
  // Runs while outer.wait() below is blocked.
  sys.puts("inner wait begins");
  inner.wait();
  sys.puts("inner wait returned");
}, 10);
setTimeout(function () {
  outer.emitSuccess();
  sys.puts("outer fired");
}, 20);
setTimeout(function () {
  inner.emitSuccess();
  sys.puts("inner fired");
}, 40);

outer.wait();
sys.puts("outer wait returned");
