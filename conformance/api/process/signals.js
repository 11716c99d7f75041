// Signal events: a listener for "SIGUSR1" on process is called when the
// process receives that signal; process.kill(pid, signal="SIGTERM") sends
// one. A signal listener does not keep the process alive by itself, so a
// timer waits for the signal here.
// Expected output from: document, "The process Object" (the "SIGUSR1" event, process.kill). The
// message "Unknown signal: SIGNOTHING": NO SOURCE.
var sys = require("sys");
var timer = setTimeout(function () {
  sys.puts("no signal came");
}, 5000);
process.addListener("SIGUSR1", function () {
  sys.puts("got SIGUSR1");
  clearTimeout(timer);
});
process.kill(process.pid, "SIGUSR1");
try {
  process.kill(process.pid, "SIGNOTHING");
} catch (e) {
  sys.puts(e.message);
}
