// An uncaught exception prints its stack (naming the function and this file's line) on
// stderr and ends the process with status 1 at once: no "exit" listener, no pending timer.
// Expected from the API document, "process" ("uncaughtException": without a listener "the
// default action (which is to print a stack trace and exit)").
var sys = require("sys");
process.addListener("exit", function () { sys.puts("exit listener must not run"); });
sys.puts("before");
setTimeout(function () { sys.puts("timer must not run"); }, 0);
function thrower() { throw new Error("kaboom"); }
thrower();
