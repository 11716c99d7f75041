// An addon watching a pipe (its stdin, fed by tests/tests/addons.rs in chunks with pauses)
// emits "data" events and "end"; its writability watch and timers fire on the loop
// (examples/addons/watcher.c). The timers run first, one after another; stdin is watched
// once they are done.
var sys = require("sys");
var watcher = require("./watcher");

// A pipe to the test: writable at once (NODE_WRITABLE is 2).
watcher.whenWritable(1, function (events) {
  sys.puts("stdout writable: " + events);
  watcher.after(20, function (i) {
    sys.puts("after: " + i);
    watcher.every(30, 3, function (i) {
      sys.puts("every: " + i);
      if (i === 2) watchStdin();
    });
  });
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
