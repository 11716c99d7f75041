// child.kill(signal="SIGTERM") signals the child. A child killed by a
// signal exits with the signal's number as its code (SIGTERM is 15,
// SIGKILL 9).
// Expected output from: document, "Child Processes" (kill(signal="SIGTERM")). The exit codes 15
// and 9 for a killed child: NO SOURCE in the document or the facts file.
var sys = require("sys");
var first = process.createChildProcess("sleep", ["10"]);
first.addListener("exit", function (code) {
  sys.puts("killed with SIGTERM: exit " + code);
  var second = process.createChildProcess("sleep", ["10"]);
  second.addListener("exit", function (code) {
    sys.puts("killed with SIGKILL: exit " + code);
  });
  second.kill("SIGKILL");
});
first.kill();
