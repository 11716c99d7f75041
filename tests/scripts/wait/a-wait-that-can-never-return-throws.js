// A wait on a promise that nothing can fire throws once the event loop has run dry, instead of
// hanging; an outer wait then still returns, and the process exits normally.
// Expected: the API document's promise.wait() says only that it "blocks further execution until
// the promise emits a success or error event", and neither it nor the facts file says what
// happens when none can come. Throwing an Error that says why (stdlib/README.md, "the promise
// never fired") is this implementation's choice, made so that such a program ends instead of
// hanging.
var sys = require("sys"), events = require("events");
process.addListener("exit", function (code) { sys.puts("exit " + code); });
var outer = new events.Promise();
setTimeout(function () {
  // This one waits on a promise nothing will fire, while the outer one fires: the loop runs
  // dry, the inner wait throws, and then the outer wait returns.
  setTimeout(function () { outer.emitSuccess("outer fired"); }, 1);
  try {
    new events.Promise().wait();
    sys.puts("returned: never");
  } catch (e) {
    sys.puts("inner: " + e.message);
  }
}, 1);
sys.puts(outer.wait());
try { new events.Promise().wait(); } catch (e) { sys.puts("main: " + (e instanceof Error)); }
