// 50 children at once, each with its own output and exit code: every one is reaped with the
// right output and code.
// Expected from the API document, "Child Processes" (process.createChildProcess(command,
// args, env); "output"; "exit" with the code) and sh(1).
var sys = require("sys");
var exits = 0, right = 0;
for (var i = 0; i < 50; i++) (function (i) {
  var child = process.createChildProcess("/bin/sh", ["-c", "echo " + i + "; exit " + (i % 4)]);
  var out = "";
  child.addListener("output", function (data) { if (data) out += data; });
  child.addListener("exit", function (code) {
    if (out === i + "\n" && code === i % 4) right++;
    if (++exits === 50) sys.puts(right + " right");
  });
})(i);
