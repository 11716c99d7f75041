// The document's correct way: chain the promises. The stats are printed with JSON.stringify as
// in the document, with each value that differs between machines and runs (device, inode,
// times, ...) shown by its type; the size is the 6 bytes written.
// Expected output from: document, "POSIX module" (the chained example; the keys of the Stats
// object shown there; the 6 bytes written).
var posix = require("posix"),
      sys = require("sys");

var hello = "/tmp/hello-" + process.pid, world = "/tmp/world-" + process.pid;
posix.writeSync(posix.openSync(hello, process.O_WRONLY | process.O_CREAT, 0644), "hello\n");

function stable(key, value) {
  return key === "" || key === "size" ? value : typeof value;
}

posix.rename(hello, world).addCallback(function () {
  posix.stat(world).addCallback(function (stats) {
    sys.puts("stats: " + JSON.stringify(stats, stable));
    posix.unlinkSync(world);
  });
});
