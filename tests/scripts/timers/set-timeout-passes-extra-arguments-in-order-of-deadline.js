// set timeout passes extra arguments in order of deadline.
// Expected: SOURCE
var sys = require("sys");
setTimeout(function (a, b, c) {
  sys.puts("args " + a + " " + b + " " + c + " " + arguments.length + " " + (this === GLOBAL));
}, 2, "x", 2, undefined);
setTimeout(function () { sys.puts("zero fires before two"); }, 0);
setTimeout(function () { sys.puts("no delay means zero: " + arguments.length); });
