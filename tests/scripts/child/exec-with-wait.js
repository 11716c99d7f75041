// sys.exec's promise with wait(): success has two values (stdout, stderr), so wait() returns
// them as an array.
// Expected from the API document, "sys" (exec's promise callback gets stdout and stderr) and
// promise.wait() ("If there were multiple arguments to "success" then they are returned as an
// array").
var sys = require("sys");
var promise = sys.exec("echo waited");
// Success has two values (stdout, stderr): wait() returns them as an array.
sys.puts("wait: " + JSON.stringify(promise.wait()));
