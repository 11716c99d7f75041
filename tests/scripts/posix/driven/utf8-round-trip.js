// UTF-8 text (2-, 3- and 4-byte characters) written through posix: write() counts bytes,
// and cat and read give the same text back. Run by tests/tests/posix.rs, which checks the
// file's bytes afterwards. Expected from the API document, "File I/O" (posix.write(fd, data,
// position, encoding) "the number of bytes written"; "utf8") and UTF-8 itself.
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = __dirname;
var text = "a\u00e9\u20ac\ud83d\ude00z";
var fd = posix.openSync(dir + "/u.txt", process.O_RDWR | process.O_CREAT, 0644);
sys.puts("bytes written: " + posix.write(fd, text, null, "utf8").wait());
sys.puts("same text back: " + (posix.cat(dir + "/u.txt").wait() === text));
var r = posix.read(fd, 100, 0, "utf8").wait();
sys.puts("read: " + (r[0] === text) + " " + r[1]);
posix.closeSync(fd);
