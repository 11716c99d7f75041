// exec with wait.
// Success has two values (stdout, stderr): wait() returns them as an array.
// Expected: SOURCE
var sys = require("sys");
var promise = sys.exec("echo waited");
// Success has two values (stdout, stderr): wait() returns them as an array.
sys.puts("wait: " + JSON.stringify(promise.wait()));
