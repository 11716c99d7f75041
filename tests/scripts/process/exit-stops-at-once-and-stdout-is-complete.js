// process.exit() ends the process at once (no pending timer or tick runs, nor the rest of the
// script), and every line written to stdout before it is out.
// Expected from the API document, "process" (process.exit: "Ends the process with the
// specified code") and "Standard I/O" (stdout is written, not dropped).
var sys = require("sys");
for (var i = 0; i < 1000; i++) sys.puts("line " + i);
setTimeout(function () { sys.puts("never"); }, 0);
process.nextTick(function () { sys.puts("never either"); });
process.exit(9);
sys.puts("not after exit");
