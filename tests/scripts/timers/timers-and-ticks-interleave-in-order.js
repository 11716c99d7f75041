// timers and ticks interleave in order.
// Expected: SOURCE
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
