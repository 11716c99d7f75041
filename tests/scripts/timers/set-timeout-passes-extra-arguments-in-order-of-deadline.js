// setTimeout passes its extra arguments to the callback, calls it with `this` the timer,
// and calls timers in order of their deadlines (0 before 2); no delay means 0.
// Expected from the API document, "Timers" ("setTimeout(callback, delay, [arg, ...]): To
// schedule execution of callback after delay milliseconds... Optionally, you can also pass
// arguments to the callback") and ../shared/reference/beyond-the-document.md, "timers".
var sys = require("sys");
setTimeout(function (a, b, c) {
  sys.puts("args " + a + " " + b + " " + c + " " + arguments.length + " " + (this instanceof process.Timer));
}, 2, "x", 2, undefined);
setTimeout(function () { sys.puts("zero fires before two"); }, 0);
setTimeout(function () { sys.puts("no delay means zero: " + arguments.length); });
