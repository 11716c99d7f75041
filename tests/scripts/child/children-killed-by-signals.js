// children killed by signals.
// One that signals itself.
// Expected: SOURCE
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
