// Signals from another process (a child that signals its parent): SIGUSR2, and SIGINT and
// SIGTERM, whose default action would end the process but which have listeners here.
// Expected from the API document, "process" (the signal events; a listener replaces the
// default action, as sigaction(2) does).
var sys = require("sys");
var got = [];
var timer = setTimeout(function () { sys.puts("timed out: " + got); }, 5000);
function note(name) {
  return function () {
    got.push(name);
    if (got.length === 3) {
      sys.puts(got.join(" "));
      clearTimeout(timer);
    }
  };
}
process.addListener("SIGUSR2", note("SIGUSR2"));
process.addListener("SIGINT", note("SIGINT"));
process.addListener("SIGTERM", note("SIGTERM"));
// Sent one at a time, so that two signals cannot arrive as one.
var child = process.createChildProcess("/bin/sh",
    ["-c", "kill -USR2 $PPID; sleep 0.1; kill -INT $PPID; sleep 0.1; kill -TERM $PPID"]);
