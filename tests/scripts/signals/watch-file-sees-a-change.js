// process.watchFile sees a file grow: the listener gets the current and previous stats
// (posix.Stats, isFile()).
// Expected from the API document, "process" (process.watchFile(filename, [options,] listener):
// "The listener gets two arguments the current stat object and the previous stat object...
// These stat objects are instances of posix.Stat"; options.interval).
var sys = require("sys");
var posix = require("posix");
var f = require("../common").tmpDir() + "/watched";
sys.exec("echo one > " + f).addCallback(function () {
  var changes = 0;
  process.watchFile(f, { interval: 100 }, function (curr, prev) {
    changes++;
    sys.puts("size " + prev.size + " -> " + curr.size + ", Stats: " +
             (curr instanceof posix.Stats) + ", isFile: " + curr.isFile());
    process.unwatchFile(f);
  });
  // Changed 1.5 s on, long after the watcher's first look at the file even on a loaded machine.
  setTimeout(function () { sys.exec("echo three >> " + f); }, 1500);
});
