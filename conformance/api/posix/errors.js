// A failed call goes to the errback with an Error naming the path, with errno and code; the
// synchronous twin throws the same error.
// Expected output from: NO SOURCE: the document says each call's errback gets "no parameters";
// the Error, its errno and code, and the messages "ENOENT, No such file or directory 'PATH'" and
// "EBADF, Bad file number" are not in the document or the facts file. statSync throwing: facts
// file, "## posix".
var posix = require("posix"),
      sys = require("sys");

var missing = "/tmp/no-such-file-" + process.pid;
posix.stat(missing).addErrback(function (error) {
  sys.puts("errback: " + (error instanceof Error) + ", " + error.code + ", errno " +
           (error.errno === process.ENOENT ? "ENOENT" : error.errno));
  sys.puts("message names the path: " + (error.message.indexOf(missing) >= 0));
  try {
    posix.statSync(missing);
  } catch (e) {
    sys.puts("statSync threw: " + e.message.replace(missing, "MISSING"));
  }
  posix.cat(missing).addErrback(function (error) {
    sys.puts("cat: " + error.message.replace(missing, "MISSING"));
    posix.close(12345).addErrback(function (error) {
      sys.puts("close of a bad fd: " + error.message);
    });
  });
});
