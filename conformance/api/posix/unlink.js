// The document's first example: deleting a file. The file it deletes is made first, with a
// name of its own (so that examples running at the same time do not meet); the message is
// the document's.
// Expected output from: document, "POSIX module" (the unlink example's message).
var posix = require("posix"),
      sys = require("sys");

var hello = "/tmp/hello-" + process.pid;
posix.writeSync(posix.openSync(hello, process.O_WRONLY | process.O_CREAT, 0644), "hello\n");

var promise = posix.unlink(hello);

promise.addCallback(function () {
  sys.puts("successfully deleted /tmp/hello");
});
