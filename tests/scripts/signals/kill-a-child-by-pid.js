// kill a child by pid.
// process.kill with the default signal (SIGTERM) ends a child.
// Expected: SOURCE
var sys = require("sys");
var child = process.createChildProcess("sleep", ["30"]);
child.addListener("exit", function (code) { sys.puts("exit " + code); });
process.kill(child.pid);
