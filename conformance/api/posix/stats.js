// posix.Stats: the type tests of the document, on a file, a directory and a character device.
// Expected output from: document, "posix.Stats" (the is* tests); the instanceof test: facts file
// ("process.Stats is posix.Stats").
var posix = require("posix"),
      sys = require("sys");

var file = "/tmp/stats-" + process.pid;
posix.closeSync(posix.openSync(file, process.O_WRONLY | process.O_CREAT, 0644));

var tests = ["isFile", "isDirectory", "isBlockDevice", "isCharacterDevice",
             "isSymbolicLink", "isFIFO", "isSocket"];
[file, "/tmp", "/dev/null"].forEach(function (path) {
  var stats = posix.stat(path).wait();
  var yes = tests.filter(function (test) { return stats[test](); });
  sys.puts((path === file ? "a file" : path) + ": " + yes.join(", ") +
           " (instanceof posix.Stats: " + (stats instanceof posix.Stats) + ")");
});
posix.unlinkSync(file);
