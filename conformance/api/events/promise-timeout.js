// promise.timeout(): an "error" after the given milliseconds, told apart from
// a regular error by the document's test; canceled by any success or error.
// Expected output from: document, "events.Promise" (timeout: the "error" after the given ms, the
// test that tells it apart, "canceled by any", the current value returned).
var sys = require("sys");
var events = require("events");

function errback(name) {
  return function (e) {
    if (e instanceof Error && e.message === "timeout") {
      // handle timeout
      sys.puts(name + ": timeout");
    } else {
      // handle regular error
      sys.puts(name + ": regular error (" + e.message + ")");
    }
  };
}

var slow = new events.Promise();
slow.timeout(100);
sys.puts("slow.timeout() is " + slow.timeout());
slow.addErrback(errback("slow"));
slow.addCallback(function () {
  sys.puts("never: slow timed out first");
});
setTimeout(function () {
  slow.emitSuccess("Am I too late?");
}, 200);

var failing = new events.Promise();
failing.timeout(100);
failing.addErrback(errback("failing"));
failing.emitError(new Error("disk full"));

var fast = new events.Promise();
fast.timeout(100);
fast.addErrback(errback("fast"));
fast.addCallback(function () {
  sys.puts("fast: success before the timeout");
});
setTimeout(function () {
  fast.emitSuccess();
}, 10);

var none = new events.Promise();
sys.puts("without a timeout, timeout() is " + none.timeout());
