// An exception thrown by JavaScript called from a C timer callback is an uncaught exception
// on the loop, as from any callback: printed, status 1.
var watcher = require("./watcher");
watcher.after(1, function () {
  throw new Error("thrown in a callback an addon's timer called");
});
