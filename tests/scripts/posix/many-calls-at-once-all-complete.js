// 100 unchained posix.cat calls all complete, each with its own file's text, and the loop
// stays alive for them.
// Expected from the API document, "File I/O" (every call returns a promise that fires).
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
for (var i = 0; i < 100; i++) posix.writeSync(posix.openSync(dir + "/f" + i, process.O_WRONLY | process.O_CREAT, 0644), "x" + i);
var seen = {}, count = 0;
for (var i = 0; i < 100; i++) (function (i) {
  posix.cat(dir + "/f" + i).addCallback(function (text) {
    if (text === "x" + i && !seen[i]) { seen[i] = true; count++; }
  });
})(i);
process.addListener("exit", function () { sys.puts(count + " completed"); });
