// Closes stdin from its first "data" event: the process ends then, although the writer still
// holds the pipe open. Run by tests/tests/runtime_stdio.rs.
// Expected from the API document, "Standard I/O" (process.stdio.close(): "Close stdin";
// open(): "The program will not exit until process.stdio.close() has been called or the
// "close" event has been emitted").
var sys = require("sys");
process.stdio.open();
process.stdio.addListener("data", function (data) {
  sys.puts("got " + data);
  process.stdio.close();
});
process.addListener("exit", function () { sys.puts("exit"); });
