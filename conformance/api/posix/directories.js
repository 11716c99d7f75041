// posix.mkdir, posix.readdir (without "." and "..") and posix.rmdir, chained.
// Expected output from: document, "POSIX module" (mkdir, readdir without "." and "..", rmdir: no
// parameters). The errback's Error with `code` "ENOTEMPTY": NO SOURCE (the document says "on
// error: no parameters").
var posix = require("posix"),
      sys = require("sys");

var dir = "/tmp/dir-" + process.pid;
posix.mkdir(dir, 0755).addCallback(function () {
  posix.closeSync(posix.openSync(dir + "/b", process.O_WRONLY | process.O_CREAT, 0644));
  posix.mkdirSync(dir + "/a", 0755);
  posix.readdir(dir).addCallback(function (names) {
    sys.puts("readdir: " + JSON.stringify(names.sort()));
    posix.rmdir(dir).addErrback(function (error) {
      sys.puts("rmdir of a full directory: " + error.code);
      posix.unlinkSync(dir + "/b");
      posix.rmdirSync(dir + "/a");
      posix.rmdir(dir).addCallback(function () {
        sys.puts("rmdir: no arguments: " + arguments.length);
        sys.puts("exists after rmdir: " + posix.readdirSync("/tmp").some(function (name) {
          return name === "dir-" + process.pid;
        }));
      });
    });
  });
});
