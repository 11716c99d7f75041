// The document's other correct way: promise.wait(). (Values that vary are shown by their type,
// as in rename-chained.js.)
// Expected output from: document, "POSIX module" (the promise.wait() example; the Stats keys
// shown there).
var posix = require("posix"),
      sys = require("sys");

var hello = "/tmp/hello-" + process.pid, world = "/tmp/world-" + process.pid;
posix.writeSync(posix.openSync(hello, process.O_WRONLY | process.O_CREAT, 0644), "hello\n");

function stable(key, value) {
  return key === "" || key === "size" ? value : typeof value;
}

posix.rename(hello, world).wait();
var stats = posix.stat(world).wait();
sys.puts("stats: " + JSON.stringify(stats, stable));
posix.unlinkSync(world);
