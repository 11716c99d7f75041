// A file with mode 0000 cannot be opened for reading by a user other than root: the errback
// gets EACCES naming the path. Run by tests/tests/posix.rs (as `nobody` when the tests run as
// root). Expected from the API document, "File I/O" (posix.open's promise emits "error") and
// open(2) (EACCES).
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = __dirname;
var locked = dir + "/locked";
posix.closeSync(posix.openSync(locked, process.O_WRONLY | process.O_CREAT, 0000));
posix.open(locked, process.O_RDONLY).addCallback(function (fd) {
  sys.puts("opened");
  posix.closeSync(fd);
}).addErrback(function (error) {
  sys.puts(error.code + " " + (error.errno === process.EACCES) + " " + (error.message.indexOf(locked) > 0));
});
