// Started with SIGHUP ignored, as `nohup` starts a program (by runtime_process.rs): SIGHUP
// stays ignored here — the process survives one sent to itself — but a child starts with
// every signal at its default, as node's children do, so one that sends itself SIGHUP dies
// of it (exit code 1, the signal's number).
var sys = require("sys");
process.kill(process.pid, "SIGHUP");
setTimeout(function () {
  sys.puts("survived SIGHUP");
  var child = process.createChildProcess("/bin/sh", ["-c", "kill -HUP $$; echo not dead"]);
  child.addListener("output", function (data) { if (data) sys.print(data); });
  child.addListener("exit", function (code) { sys.puts("child exit " + code); });
}, 100);
