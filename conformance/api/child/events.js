// The events of process.ChildProcess: "output" (stdout), "error" (stderr),
// each ending with null, then "exit" with the exit code, after which no
// "output" or "error" comes.
// Expected output from: document, "Child Processes" (the "output", "error", "exit" table).
var sys = require("sys");
var child = process.createChildProcess("/bin/sh",
    ["-c", "echo out; echo err >&2; exit 7"]);
var log = [];
var exited = false;
child.addListener("output", function (data) {
  if (exited) sys.puts("output after exit!");
  log.push("output " + JSON.stringify(data));
});
child.addListener("error", function (data) {
  if (exited) sys.puts("error after exit!");
  log.push("error " + JSON.stringify(data));
});
child.addListener("exit", function (code) {
  exited = true;
  // stdout and stderr are read independently: sort to print in one order.
  sys.puts(log.sort().join("\n"));
  sys.puts("exit " + code);
  sys.puts("pid was a number: " + (typeof child.pid === "number" && child.pid > 0));
});
