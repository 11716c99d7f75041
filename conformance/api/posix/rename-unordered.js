// The document's example of calls that are "very much prone to error": the stat may run
// before the rename, so it may or may not find /tmp/world. Either way both calls complete;
// what the stat found is not printed, since it changes from run to run.
// Expected output from: document, "POSIX module" ("very much prone to error": both calls
// complete, in either order).
var posix = require("posix"),
      sys = require("sys");

var hello = "/tmp/hello-" + process.pid, world = "/tmp/world-" + process.pid;
posix.closeSync(posix.openSync(hello, process.O_WRONLY | process.O_CREAT, 0644));

var done = [];
posix.rename(hello, world).addCallback(function () {
  done.push("rename");
});
posix.stat(world).addCallback(function (stats) {
  done.push("stat");
}).addErrback(function (error) {
  done.push("stat");          // ENOENT: the stat ran first
});

process.addListener("exit", function () {
  sys.puts("completed: " + done.sort().join(", "));
  posix.unlinkSync(world);
});
