// process.exit(code) ends the process with that status at once; what was
// written to stdout before still comes out.
// Expected output from: document, "The process Object" (exit(code)).
var sys = require("sys");
sys.puts("before exit");
setTimeout(function () {
  sys.puts("never: the process has exited");
}, 10);
process.exit(3);
sys.puts("never: process.exit does not return");
