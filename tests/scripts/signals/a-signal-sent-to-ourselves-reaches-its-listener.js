// A signal sent to ourselves with process.kill reaches every listener once per delivery
// (removing a listener and adding it again leaves one call).
// Expected from the API document, "process" (the "SIGINT", "SIGUSR1", ... events: "Emitted
// when the processes receives a signal"; process.kill(pid, signal)).
var sys = require("sys");
var count = 0;
// Something to keep the process alive while the signal is on its way.
var timer = setTimeout(function () { sys.puts("no signal"); }, 5000);
process.addListener("SIGUSR1", function () {
  count++;
  sys.puts("SIGUSR1, listener " + count);
  clearTimeout(timer);
});
process.addListener("SIGUSR1", function () { sys.puts("second listener"); });
// Removed and added again: still one call per delivery.
var third = function () { sys.puts("third listener"); };
process.addListener("SIGUSR1", third);
process.removeListener("SIGUSR1", third);
process.addListener("SIGUSR1", third);
process.kill(process.pid, "SIGUSR1");
