// watch file sees a change.
// Expected: SOURCE
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
  setTimeout(function () { sys.exec("echo three >> " + f); }, 250);
});
