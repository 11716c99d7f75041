// Timers due at the same time fire in the order they were set; a nextTick queued by a timer runs
// before the next timer; a timer set from a timer waits for the next turn.
// Expected from the API document, "Timers" and "process" (process.nextTick(callback): "On the
// next loop around the event loop call this callback") and node's event loop order.
var sys = require("sys");
setTimeout(function () {
  sys.puts("timer 1");
  process.nextTick(function () { sys.puts("tick from timer 1"); });
}, 1);
setTimeout(function () { sys.puts("timer 2"); }, 1);
setTimeout(function () {
  sys.puts("timer 3");
  setTimeout(function () { sys.puts("timer from timer 3"); }, 0);
}, 3);
