// setInterval(callback, delay, [arg, ...]) and clearInterval(intervalId).
// Expected output from: document, "Timers" (setInterval with arguments, clearInterval).
var sys = require("sys");
var count = 0;
var intervalId = setInterval(function (label) {
  count += 1;
  sys.puts(label + " " + count);
  if (count === 3) {
    clearInterval(intervalId);
    sys.puts("cleared");
  }
}, 10, "tick");
