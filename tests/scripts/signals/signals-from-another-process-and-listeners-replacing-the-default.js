// signals from another process and listeners replacing the default.
// A signal from another process (a child that signals its parent), and one whose default
// action would end the process (SIGINT, SIGTERM) but has a listener.
// Sent one at a time, so that two signals cannot arrive as one.
// Expected: SOURCE
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
