// The document's posix.cat example. It reads a file of its own rather than /etc/passwd, whose
// contents differ between machines.
// Expected output from: document, "POSIX module" (posix.cat: the file's contents).
var posix = require("posix"),
      sys = require("sys");

var passwd = "/tmp/passwd-" + process.pid;
var fd = posix.openSync(passwd, process.O_WRONLY | process.O_CREAT, 0644);
posix.writeSync(fd, "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin", null, "utf8");
posix.closeSync(fd);

posix.cat(passwd).addCallback(function (content) {
  sys.puts(content);
  posix.unlinkSync(passwd);
});
