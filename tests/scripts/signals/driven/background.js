// Started in the background by a shell, which leaves SIGINT ignored, by the test
// sigint_ends_a_node_started_in_the_background (tests/tests/runtime_process.rs): says it is
// ready, then waits. A SIGINT or SIGTERM must end it all the same; with "listen"
// as its argument it listens for SIGINT instead, and ends when it comes.
var sys = require("sys");
var timer = setTimeout(function () { sys.puts("not stopped"); }, 30000);
if (process.argv[2] === "listen") {
  process.addListener("SIGINT", function () {
    sys.puts("SIGINT listener");
    clearTimeout(timer);
  });
}
sys.puts("ready");
