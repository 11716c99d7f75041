// write and read whole files.
// Writing again truncates.
// Expected: SOURCE
var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = require("../common").tmpDir();
var path = dir + "/w.txt";
file.write(path, "first version, longer\n").addCallback(function () {
  sys.puts("write: " + arguments.length + " arguments");
  // Writing again truncates.
  file.write(path, "h\u00e9llo \u20ac\n").addCallback(function () {
    file.read(path).addCallback(function (text) {
      sys.puts("read: " + text.trim() + " (" + posix.statSync(path).size + " bytes)");
      sys.puts("read is posix.cat: " + (file.read === posix.cat));
      file.write(path, "\u00ff\u0000\u0080", "binary").wait();
      var data = file.read(path, "binary").wait();
      sys.puts("binary: " + data.length + " " + data.charCodeAt(0) + " " + data.charCodeAt(2));
    });
  });
});
