// A command that cannot be run: as in node 0.1.27, whose child called
// execvp and, when it failed, printed the error on its stderr and exited
// with 127.
// Expected output from: NO SOURCE in the document or the facts file: the execvp() message on the
// child's stderr and exit code 127 are recalled from v0.1.27's C++ code.
var sys = require("sys");
var child = process.createChildProcess("no-such-command-here");
child.addListener("error", function (data) {
  sys.puts("error " + JSON.stringify(data));
});
child.addListener("exit", function (code) {
  sys.puts("exit " + code);
});
