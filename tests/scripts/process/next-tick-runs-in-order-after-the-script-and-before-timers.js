// next tick runs in order after the script and before timers.
// Expected: SOURCE
var sys = require("sys");
setTimeout(function () { sys.puts("timer"); }, 0);
process.nextTick(function () {
  sys.puts("tick 1");
  process.nextTick(function () { sys.puts("tick 3 (queued by tick 1)"); });
});
process.nextTick(function () { sys.puts("tick 2"); });
sys.puts("script");
