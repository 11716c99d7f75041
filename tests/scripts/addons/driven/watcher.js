// An addon watching a pipe (its stdin, fed by tests/tests/addons.rs in chunks with pauses)
// emits "data" events and "end"; its writability watch, timers and a signal listener fire on
// the loop (examples/addons/watcher.c). The timers run first, one after another, then the
// process sends itself SIGUSR1, which C hears; stdin is watched once it has.
var sys = require("sys");
var watcher = require("./watcher");

// A pipe to the test: writable at once (NODE_WRITABLE is 2).
watcher.whenWritable(1, function (events) {
  sys.puts("stdout writable: " + events);
  watcher.after(20, function (i) {
    sys.puts("after: " + i);
    watcher.every(30, 3, function (i) {
      sys.puts("every: " + i);
      if (i === 2) {
        // A signal listener does not keep the loop alive by itself: a timer waits for it.
        waiting = setTimeout(function () { sys.puts("no SIGUSR1"); }, 10000);
        process.kill(process.pid, "SIGUSR1");
      }
    });
  });
});

var waiting = null;
watcher.onSignal("SIGUSR1", function (how) {
  clearTimeout(waiting);
  sys.puts("SIGUSR1 " + how);
  watchStdin();
});

function watchStdin() {
  var reader = watcher.watch(0);
  var text = "";
  reader.addListener("data", function (chunk) {
    text += chunk;
    sys.puts("data: " + JSON.stringify(chunk));
  });
  reader.addListener("end", function () {
    sys.puts("end: " + text.length + " characters");
  });
}
