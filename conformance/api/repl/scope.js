// The document's "REPL" example of repl.scope, with the `require` it leaves out. conformance/
// run.sh gives examples an empty stdin: the REPL prints its prompt, reads the end of the input
// and stops (ending the prompt's line), and the program ends. The tcp server example of the
// same section runs in tests/tests/repl.rs, where a test types at the prompt and connects.
// Expected output from: document, "REPL" (the prompt "node> "; repl.scope exposes `count`).
var sys = require("sys"),
   repl = require("repl");
var count = 5;
repl.start();
repl.scope.count = count;
process.addListener("exit", function () {
  sys.error("count in the REPL's scope: " + repl.scope.count);
});
