// child.kill with an unknown signal name throws "Unknown signal: NAME"; kill after the child
// has exited throws "ChildProcess already dead".
// Expected from the API document, "Child Processes" (child.kill(signal="SIGTERM"): "Send a
// signal to the child process"). Neither document gives these errors' messages; they are
// this implementation's (stdlib/node.js, stdlib/internal/child_process.js), each naming
// what went wrong.
var sys = require("sys");
var child = process.createChildProcess("true");
try { child.kill("SIGBOGUS"); } catch (e) { sys.puts(e.message); }
child.addListener("exit", function (code) {
  try { child.kill(); } catch (e) { sys.puts("after exit: " + e.message); }
});
