// wait on an error throws it.
// The error was handled by wait(): no unhandled-error throw on the next tick.
// Expected: SOURCE
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
