// Writes to a file on a small file system (a 1 MB tmpfs that tests/tests/disk_faults.rs mounts
// in a private mount namespace and passes as the first argument) until it is full, in 64 KB
// pieces through posix.write's promise. The write that does not fit reaches its errback with
// ENOSPC (or a short write is reported as such); every byte a write acknowledged is in the
// file afterwards. Then a file disappears between two operations: its next open fails with
// ENOENT. Prints what happens.
var posix = require("posix"), sys = require("sys");
var dir = process.argv[2];
var piece = new Array(64 * 1024 + 1).join("x");
var path = dir + "/big";
var fd = posix.openSync(path, process.O_WRONLY | process.O_CREAT | process.O_TRUNC, 0644);
var acknowledged = 0;

function write() {
  posix.write(fd, piece, acknowledged).addCallback(function (written) {
    acknowledged += written;
    if (written < piece.length) {
      sys.puts("short write of " + written);
    }
    write();
  }).addErrback(function (error) {
    sys.puts("write failed: " + error.code + ", errno is ENOSPC: " +
             (error.errno === process.ENOSPC));
    posix.closeSync(fd);
    var size = posix.statSync(path).size;
    sys.puts("acknowledged bytes all in the file: " + (size >= acknowledged && acknowledged > 0));
    posix.cat(path, "binary").addCallback(function (content) {
      sys.puts("and they read back: " +
               (content.slice(0, acknowledged) === new Array(acknowledged + 1).join("x")));
      disappear();
    });
  });
}

function disappear() {
  posix.unlinkSync(path);
  posix.open(path, process.O_RDONLY).addErrback(function (error) {
    sys.puts("a file gone between two calls: " + error.code);
    posix.cat(dir + "/nothing-here").addErrback(function (error) {
      sys.puts("cat of a missing file: " + error.code);
      // The disk has room again.
      var again = posix.openSync(dir + "/small", process.O_WRONLY | process.O_CREAT, 0644);
      posix.write(again, "room again", 0).addCallback(function (n) {
        sys.puts("after freeing: wrote " + n);
        posix.closeSync(again);
      });
    });
  });
}

write();
