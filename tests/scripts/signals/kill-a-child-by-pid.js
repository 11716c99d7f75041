// process.kill(pid) with the default signal, SIGTERM, ends a child, which exits with 15.
// Expected from the API document, "process" (process.kill(pid, signal="SIGTERM")) and the
// README's rule for a child killed by a signal.
var sys = require("sys");
var child = process.createChildProcess("sleep", ["30"]);
child.addListener("exit", function (code) { sys.puts("exit " + code); });
process.kill(child.pid);
