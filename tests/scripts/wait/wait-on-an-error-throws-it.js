// promise.wait() on a promise that emits "error" throws: the Error given, a string given, or an
// Error saying no arguments were given; a timeout is such an error; the wait counts as an
// errback, so nothing is thrown again on the next tick.
// Expected from the API document, "events.Promise", promise.wait() ("If "error" was emitted
// instead, wait() throws an error") and stdlib/README.md, "events" (what is thrown for no
// arguments, and that wait() counts as an errback), as v0.1.27's events.js did.
var sys = require("sys"), events = require("events");
var bad = new events.Promise();
setTimeout(function () { bad.emitError(new Error("it failed"), "extra"); }, 1);
try { bad.wait(); sys.puts("no throw"); } catch (e) { sys.puts("caught " + e.message); }

var plain = new events.Promise();
setTimeout(function () { plain.emitError("a string"); }, 1);
try { plain.wait(); } catch (e) { sys.puts("caught " + e); }

var bare = new events.Promise();
bare.emitError();
try { bare.wait(); } catch (e) { sys.puts("caught " + e.message); }

// The error was handled by wait(): no unhandled-error throw on the next tick.
var timedOut = new events.Promise().timeout(5);
try { timedOut.wait(); } catch (e) { sys.puts("caught " + e.message); }
setTimeout(function () { sys.puts("still running"); }, 10);
