// A File that cannot be opened fails every operation asked of it with the open's error
// (ENOENT naming the path); after close, operations fail with EBADF.
// Expected from ../shared/reference/beyond-the-document.md, "file" (operations are queued
// behind the open) and open(2)/write(2).
var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = require("../common").tmpDir();
var missing = new file.File(dir + "/missing", "r");
missing.read(10).addErrback(function (e) {
  sys.puts("read: " + e.code + " " + (e.message.indexOf(dir + "/missing") > 0));
});
missing.close().addErrback(function (e) { sys.puts("close: " + e.code); });

var f = new file.File(dir + "/c.txt", "w");
f.close();
f.write("late").addErrback(function (e) { sys.puts("write after close: " + e.code); });
