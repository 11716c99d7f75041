// A watched file that is not there has zero stats (nlink 0); its appearing is a change. Two
// listeners on one file share a watcher, and unwatchFile stops both.
// Expected from the API document, "process" (process.watchFile, process.unwatchFile) and node
// v0.1.27's watcher (libev's ev_stat: a missing file has zeroed stats).
var sys = require("sys");
var f = require("../common").tmpDir() + "/later";
process.watchFile(f, { interval: 100 }, function (curr, prev) {
  sys.puts("first: nlink " + prev.nlink + " -> " + curr.nlink + ", size " + curr.size);
});
process.watchFile(f, { interval: 100 }, function (curr, prev) {
  sys.puts("second");
  process.unwatchFile(f);
});
// Written aside and renamed, so that the file appears whole; 1.5 s on, long after the
// watcher's first look (which must find no file) even on a loaded machine.
setTimeout(function () {
  sys.exec("printf 12345 > " + f + ".tmp && mv " + f + ".tmp " + f);
}, 1500);
