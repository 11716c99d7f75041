// The "exit" event gets the code passed to process.exit(); calling process.exit() again from
// an "exit" listener does not emit "exit" a second time, and its code is the one the process
// ends with.
// Expected from the API document, "process" ("exit" event: "the parameter code is the integer
// exit code passed to process.exit()"; process.exit(code)). That the listener's exit wins and
// the event is not emitted again: node v0.1.27's process.exit (emit "exit", then the C exit).
var sys = require("sys");
process.addListener("exit", function (code) {
  sys.puts("exit " + code);
  process.exit(3);
});
setTimeout(function () { sys.puts("timer"); process.exit(5); }, 1);
