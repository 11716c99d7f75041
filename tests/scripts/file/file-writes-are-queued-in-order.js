// 1,000 writes asked of a File at once, without chaining, land in the order they were asked
// for, and their callbacks come in that order with the bytes written.
// Expected from ../shared/reference/beyond-the-document.md, "file" ("writes are queued and
// performed in order").
var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = require("../common").tmpDir();
var f = new file.File(dir + "/q.txt", "w");
var expected = "", completed = [];
for (var i = 0; i < 1000; i++) {
  expected += i + ",";
  (function (i) {
    f.write(i + ",").addCallback(function (written) {
      if (written === String(i).length + 1) completed.push(i);
    });
  })(i);
}
f.close().addCallback(function () {
  sys.puts("content in order: " + (posix.catSync(dir + "/q.txt") === expected));
  sys.puts("callbacks in order: " + completed.length + " " +
           completed.every(function (n, k) { return n === k; }));
});
