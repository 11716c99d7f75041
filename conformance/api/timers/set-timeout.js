// setTimeout(callback, delay, [arg, ...]) and clearTimeout(timeoutId).
// Expected output from: document, "Timers" (setTimeout with arguments, clearTimeout).
var sys = require("sys");
setTimeout(function () {
  sys.puts("second, after 20 ms");
}, 20);
setTimeout(function (a, b) {
  sys.puts("first, after 10 ms, " + a + " " + b);
}, 10, "with", "arguments");
var timeoutId = setTimeout(function () {
  sys.puts("never: cleared");
}, 15);
clearTimeout(timeoutId);
sys.puts("scheduled");
