// The "exit" event is made when the process exits, here after the event
// loop has run out of work; the status is 0. The document advises against
// I/O in an "exit" listener, since the process exits right after, so the
// listener writes with sys.error, which is synchronous (stderr).
// Expected output from: document, "The process Object" (the "exit" event) and facts file, "##
// sys" (sys.error writes to stderr).
var sys = require("sys");
var ticks = 0;
process.addListener("exit", function () {
  // "a good hook to perform constant time checks of the module's state"
  sys.error("exit: " + ticks + " timers ran");
});
setTimeout(function () { ticks++; }, 10);
setTimeout(function () { ticks++; }, 20);
sys.puts("scheduled");
