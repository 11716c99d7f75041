// promise.wait(): returns the single argument of "success", an array of
// several, or throws on "error". Events set up before the wait still run
// while it blocks.
// Expected output from: document, "events.Promise" (wait: a single argument, an array of
// several, throws on "error", events set up before still run).
var sys = require("sys");
var events = require("events");

var one = new events.Promise();
setTimeout(function () {
  sys.puts("a timer ran during the wait");
}, 5);
setTimeout(function () {
  one.emitSuccess("done");
}, 10);
sys.puts("waiting");
sys.puts("wait returned " + one.wait());

var several = new events.Promise();
setTimeout(function () {
  several.emitSuccess(1, "two", 3);
}, 10);
sys.puts("wait returned " + JSON.stringify(several.wait()));

var fired = new events.Promise();
fired.emitSuccess("already");
sys.puts("wait on a fired promise returned " + fired.wait());

var failing = new events.Promise();
setTimeout(function () {
  failing.emitError(new Error("no luck"));
}, 10);
try {
  failing.wait();
  sys.puts("never: the promise failed");
} catch (e) {
  sys.puts("wait threw " + e.message);
}
