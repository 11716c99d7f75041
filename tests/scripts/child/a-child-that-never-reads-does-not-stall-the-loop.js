// A child that never reads its stdin and exits: the writes are buffered (the loop goes on: the
// timer fires), what it never took is dropped without an error, and a write after its exit
// returns false.
// Expected from the API document, "Child Processes" (child.write(data): "Write data to the
// child process's stdin"; "exit") and node v0.1.27's ChildProcess.write returning false once
// the child is gone.
var sys = require("sys");
// The child lives 2 s, the timer is due after 20 ms: seconds for a loaded machine.
var child = process.createChildProcess("sleep", ["2"]);
var chunk = new Array(65537).join("x");
for (var i = 0; i < 160; i++) child.write(chunk);
var timerFired = false;
setTimeout(function () { timerFired = true; }, 20);
child.addListener("exit", function (code) {
  sys.puts("exit " + code + ", timer fired meanwhile: " + timerFired);
  sys.puts("write after exit: " + child.write("more"));
});
