// createChildProcess(command, args, env): the command is searched in PATH,
// and the child's environment is `env` (process.env when not given).
// Expected output from: document, "Child Processes" (createChildProcess(command, args,
// env=process.env)). Searching PATH: no source (execvp was v0.1.27's code).
var sys = require("sys");
var child = process.createChildProcess("sh", ["-c", "echo $GREETING"],
    { GREETING: "hello from env", PATH: process.env.PATH });
child.addListener("output", function (data) {
  if (data) sys.print(data);
});
child.addListener("exit", function (code) {
  var inherited = process.createChildProcess("sh", ["-c", "echo $HOME"]);
  inherited.addListener("output", function (data) {
    if (data) sys.puts("inherits HOME: " + (data === process.env.HOME + "\n"));
  });
});
