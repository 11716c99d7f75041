// posix calls are independent, so order comes from chaining: 200 writes at the current
// position, each started by the one before's callback, land in order.
// Expected from the API document, "File I/O" ("There is no guaranteed ordering to the POSIX
// wrappers... The correct way to do this is to chain the promises").
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
var fd = posix.openSync(dir + "/log", process.O_WRONLY | process.O_CREAT | process.O_APPEND, 0644);
var order = [];
function step(i) {
  if (i === 200) {
    posix.close(fd).addCallback(function () {
      var expected = "";
      for (var j = 0; j < 200; j++) expected += j + "\n";
      sys.puts("in order: " + (posix.catSync(dir + "/log") === expected) +
               ", callbacks in order: " + order.every(function (n, k) { return n === k; }));
    });
    return;
  }
  posix.write(fd, i + "\n", null, "ascii").addCallback(function () {
    order.push(i);
    step(i + 1);
  });
}
step(0);
