// A 40 MB file (written by tests/tests/posix.rs: "abc...z" repeated) through cat, as
// "binary" and as "utf8", and through read in 1 MB chunks until a read of 0 bytes.
// Expected from the API document, "File I/O" (posix.cat, posix.read(fd, length, position,
// encoding) with position null reading on from the current position; 0 bytes at the end).
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = __dirname;
var path = dir + "/big";
var text = posix.cat(path, "binary").wait();
sys.puts("cat binary " + text.length + " " + text.charAt(27) + text.charAt(text.length - 1));
text = null;
sys.puts("cat utf8 " + posix.cat(path).wait().length);
var fd = posix.openSync(path, process.O_RDONLY), total = 0, chunks = 0, last = "";
(function next() {
  posix.read(fd, 1 << 20, null, "binary").addCallback(function (data, n) {
    if (n === 0) {
      posix.closeSync(fd);
      sys.puts("read " + total + " in " + chunks + " chunks, last ends " + last);
      return;
    }
    total += n;
    chunks++;
    last = data.charAt(data.length - 1);
    next();
  });
})();
