// setTimeout/setInterval return a process.Timer; the callback's `this` is that timer;
// clearTimeout and clearInterval are one function that ignores non-timers.
// Expected output from: the facts file, "### timers".
var sys = require("sys");
var events = require("events");

var t = setTimeout(function (a, b) {
  sys.puts("timeout this is the timer: " + (this === t) + " " + a + " " + b);
}, 5, "x", "y");
sys.puts((t instanceof process.Timer) + " " + (t instanceof events.EventEmitter) + " " +
         typeof t.start + " " + typeof t.stop + " " + t.repeat);
sys.puts("same function: " + (clearTimeout === clearInterval));
clearTimeout(42);
clearTimeout("not a timer");
clearTimeout({});
clearTimeout(null);

var count = 0;
var i = setInterval(function () {
  count++;
  sys.puts("interval " + count + " this is the timer: " + (this === i) + " repeat " + this.repeat);
  if (count === 2) clearInterval(this);
}, 20);

// A Timer used directly: start(after, repeat), "timeout", stop().
var direct = new process.Timer();
var fired = 0;
direct.addListener("timeout", function () {
  fired++;
  if (fired === 3) {
    direct.stop();
    sys.puts("direct timer fired 3 times, repeat " + direct.repeat);
  }
});
direct.start(60, 10);

process.addListener("exit", function () { sys.puts("exit"); });
