// Listening for a signal does not keep the process alive: with nothing else to do, it exits
// (were it kept alive, the run would hit its time limit).
// Expected: node v0.1.27's signal watchers were unref'd (ev_unref after ev_signal_start in
// its SignalHandler), so they did not count as pending work; the API document's "SIGINT,
// SIGUSR1, ..." events say nothing either way.
var sys = require("sys"), start = Date.now();
process.addListener("SIGHUP", function () {});
sys.puts("end of script");
// It ends at once; 2 s leaves a loaded machine plenty.
process.addListener("exit", function () { sys.puts("exits at once: " + (Date.now() - start < 2000)); });
