// Listens for "data" without process.stdio.open(): stdin is not read and does not keep the
// process alive. Run by tests/tests/runtime_stdio.rs with a writer that holds stdin open.
// Expected from the API document, "Standard I/O" ("data": "This event will only be emited
// after process.stdio.open() has been called"; open(): "The program will not exit until
// process.stdio.close() has been called or the "close" event has been emitted" — so without
// open() stdin is not waited for).
var sys = require("sys");
process.stdio.addListener("data", function () { sys.puts("data: never"); });
sys.puts("done");
