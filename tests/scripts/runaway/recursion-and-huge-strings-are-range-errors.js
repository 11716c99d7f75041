// A script that runs away where the language gives it an error gets that error, catchable,
// and the process goes on: runaway recursion is "RangeError: Maximum call stack size
// exceeded" (as V8), a string doubled until it is too long is "RangeError: Invalid string
// length" (V8's message), and neither crashes, aborts or eats the machine's memory.
var sys = require("sys");

function down(n) { return down(n + 1) + 1; }
try {
  down(0);
} catch (e) {
  sys.puts(e.name + ": " + e.message);
}
// Through a getter and a native (Array.prototype.map) too.
var o = {};
o.__defineGetter__("x", function () { return [1].map(function () { return o.x; }); });
try {
  o.x;
} catch (e) {
  sys.puts(e.name + ": " + e.message);
}
var s = "x";
try {
  for (;;) s += s;
} catch (e) {
  sys.puts(e.name + ": " + e.message);
}
sys.puts("still running: " + (s.length > 1000000));
