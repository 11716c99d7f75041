// watch file sees a file appear.
// A file that is not there has zero stats; its appearing is a change. Two listeners on one
// file share a watcher.
// Written aside and renamed, so that the file appears whole.
// Expected: SOURCE
var sys = require("sys");
var f = require("../common").tmpDir() + "/later";
process.watchFile(f, { interval: 100 }, function (curr, prev) {
  sys.puts("first: nlink " + prev.nlink + " -> " + curr.nlink + ", size " + curr.size);
});
process.watchFile(f, { interval: 100 }, function (curr, prev) {
  sys.puts("second");
  process.unwatchFile(f);
});
// Written aside and renamed, so that the file appears whole.
sys.exec("printf 12345 > " + f + ".tmp && mv " + f + ".tmp " + f);
