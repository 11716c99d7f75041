// Every posix call through its promise, chained: mkdir (with its mode under umask 0), open,
// write, close, rename, readdir, stat, cat, unlink, rmdir, each with the callback arguments
// the document gives.
// Expected from the API document, "File I/O" (each call and "the callback" arguments it lists,
// e.g. posix.open: "callback(fd)", posix.write: "callback(written)", posix.stat:
// "callback(stats)") and mkdir(2)/open(2) for modes.
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
process.umask(0);
posix.mkdir(dir + "/d", 0750).addCallback(function () {
  sys.puts("mkdir: " + arguments.length + " arguments, mode " +
           (posix.statSync(dir + "/d").mode & 511).toString(8));
  posix.open(dir + "/d/a", process.O_WRONLY | process.O_CREAT | process.O_EXCL, 0640)
    .addCallback(function (fd) {
      sys.puts("open: " + typeof fd + ", mode " + (posix.statSync(dir + "/d/a").mode & 511).toString(8));
      posix.write(fd, "abcdef", null).addCallback(function (written) {
        sys.puts("write: " + written);
        posix.close(fd).addCallback(function () {
          sys.puts("close: " + arguments.length + " arguments");
          posix.rename(dir + "/d/a", dir + "/d/b").addCallback(function () {
            sys.puts("rename: " + arguments.length + " arguments");
            posix.readdir(dir + "/d").addCallback(function (names) {
              sys.puts("readdir: " + JSON.stringify(names));
              posix.stat(dir + "/d/b").addCallback(function (stats) {
                sys.puts("stat: " + stats.size + " " + stats.isFile() + " " +
                         (stats.mtime instanceof Date));
                posix.cat(dir + "/d/b").addCallback(function (text) {
                  sys.puts("cat: " + text);
                  posix.unlink(dir + "/d/b").addCallback(function () {
                    sys.puts("unlink: " + arguments.length + " arguments");
                    posix.rmdir(dir + "/d").addCallback(function () {
                      sys.puts("rmdir: " + arguments.length + " arguments; left: " +
                               JSON.stringify(posix.readdirSync(dir).filter(function (n) {
                                 return n === "d";
                               })));
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
});
