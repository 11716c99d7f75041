// setInterval calls its callback every period with its extra arguments until clearInterval;
// an interval cleared at once never fires.
// Expected from the API document, "Timers" ("setInterval(callback, delay, [arg, ...]): To
// schedule the repeated execution of callback every delay milliseconds"; clearInterval "Stops
// a interval from triggering").
var sys = require("sys");
var count = 0;
var id = setInterval(function (tag, n) {
  count++;
  sys.puts(tag + " " + n + " " + count);
  if (count === 3) clearInterval(id);
}, 2, "tick", 7);
var never = setInterval(function () { sys.puts("cleared interval: never"); }, 1);
clearInterval(never);
process.addListener("exit", function () { sys.puts("exit after " + count); });
