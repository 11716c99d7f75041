// A child killed by a signal (SIGTERM by default, SIGKILL when asked, SIGINT sent by itself)
// exits with the signal's number as its code.
// Expected from the API document, "Child Processes" (child.kill(signal="SIGTERM"): "Send a
// signal to the child process"; "exit": "code is the exit code") and the README's rule for a
// child killed by a signal ("exits with the signal's number", as v0.1.27's did).
var sys = require("sys");
var results = [];
function done(name) {
  return function (code) {
    results.push(name + " " + code);
    if (results.length === 3) sys.puts(results.sort().join("\n"));
  };
}
var a = process.createChildProcess("sleep", ["30"]);
a.addListener("exit", done("SIGTERM"));
a.kill();
var b = process.createChildProcess("sleep", ["30"]);
b.addListener("exit", done("SIGKILL"));
b.kill("SIGKILL");
// One that signals itself.
var c = process.createChildProcess("/bin/sh", ["-c", "kill -INT $$"]);
c.addListener("exit", done("self-SIGINT"));
