// file.write creates or truncates and writes (UTF-8 by default, "binary" when asked); file.read
// is posix.cat and reads it back.
// Expected from ../shared/reference/beyond-the-document.md, "file" (file.read "same as
// posix.cat"; file.write(filename, data, encoding="utf8") "creates or truncates the file").
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
