// process.IdleWatcher: its callback runs on loop iterations while started (start twice is one
// watcher) until stop(); a nextTick still runs; EVMAXPRI is above EVMINPRI.
// Expected from ../shared/reference/beyond-the-document.md, "process" (process.IdleWatcher,
// EVMAXPRI and EVMINPRI).
var sys = require("sys");
var watcher = new process.IdleWatcher();
var calls = 0;
watcher.setPriority(process.EVMAXPRI);
watcher.callback = function () {
  calls++;
  if (calls === 3) {
    watcher.stop();
    sys.puts("stopped after 3");
  }
};
watcher.start();
watcher.start();
process.nextTick(function () { sys.puts("tick"); });
process.addListener("exit", function () { sys.puts("exit with " + calls + " calls"); });
sys.puts(process.EVMAXPRI > process.EVMINPRI);
