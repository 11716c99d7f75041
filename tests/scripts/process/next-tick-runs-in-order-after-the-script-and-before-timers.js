// process.nextTick callbacks run after the script, in the order queued (a tick queued by a tick
// after those already queued), and before a timer of 0 ms.
// Expected from the API document, "process" (process.nextTick(callback): "On the next loop
// around the event loop call this callback. This is not a simple alias to setTimeout(fn, 0),
// it's much more efficient").
var sys = require("sys");
setTimeout(function () { sys.puts("timer"); }, 0);
process.nextTick(function () {
  sys.puts("tick 1");
  process.nextTick(function () { sys.puts("tick 3 (queued by tick 1)"); });
});
process.nextTick(function () { sys.puts("tick 2"); });
sys.puts("script");
