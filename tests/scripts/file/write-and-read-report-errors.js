// file.write and file.read report failures through their errback: ENOENT naming the path for a
// missing directory or file, EISDIR for a directory.
// Expected from ../shared/reference/beyond-the-document.md, "file" (promises) and open(2).
var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = require("../common").tmpDir();
file.write(dir + "/no/such/dir/f", "x").addErrback(function (error) {
  sys.puts("write: " + error.code + " " + (error.message.indexOf(dir + "/no/such/dir/f") > 0));
  file.read(dir + "/missing").addErrback(function (error) {
    sys.puts("read: " + error.code);
    file.write(dir, "x").addErrback(function (error) {
      sys.puts("write to a directory: " + error.code);
    });
  });
});
