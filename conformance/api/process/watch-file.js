// process.watchFile(filename, [options,] listener): the document's example
// prints the current and previous mtime. To make them known, the file's
// mtime is set with `touch -d`; the watcher polls every 100 ms, and stops
// (unwatchFile) after the first change, which lets the process exit.
// Expected output from: document, "The process Object" (watchFile's example prints curr.mtime
// and prev.mtime; the stats are posix.Stats). The mtimes are the ones the example sets; their
// printed form (toUTCString): NO SOURCE (the document's posix.stat shows ISO strings).
var sys = require("sys");
var posix = require("posix");
var f = "/tmp/node-watch-file-example-" + process.pid;

sys.exec("touch -d '2010-02-19 12:00:00 UTC' " + f).addCallback(function () {
  process.watchFile(f, { interval: 100 }, function (curr, prev) {
    sys.puts("the current mtime is: " + curr.mtime.toUTCString());
    sys.puts("the previous mtime was: " + prev.mtime.toUTCString());
    sys.puts("posix.Stats: " + (curr instanceof posix.Stats && prev instanceof posix.Stats));
    process.unwatchFile(f);
    sys.exec("rm " + f);
  });
  sys.exec("touch -d '2010-02-20 12:00:00 UTC' " + f);
});
