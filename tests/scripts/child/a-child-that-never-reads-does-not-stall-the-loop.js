// a child that never reads does not stall the loop.
// A child that never reads its stdin and exits: the writes are buffered (the loop goes on:
// the timer fires), and what it never took is dropped without an error.
// Expected: SOURCE
var sys = require("sys");
var child = process.createChildProcess("sleep", ["0.3"]);
var chunk = new Array(65537).join("x");
for (var i = 0; i < 160; i++) child.write(chunk);
var timerFired = false;
setTimeout(function () { timerFired = true; }, 20);
child.addListener("exit", function (code) {
  sys.puts("exit " + code + ", timer fired meanwhile: " + timerFired);
  sys.puts("write after exit: " + child.write("more"));
});
