// posix.open with the process.O_* constants, posix.write (at a position, and at the current
// position with null), posix.read (data and bytes read) and posix.close, chained.
// Expected output from: document, "POSIX module" (open: fd; write: bytes written; read: data,
// bytes_read; position null = current position).
var posix = require("posix"),
      sys = require("sys");

var path = "/tmp/descriptors-" + process.pid;
var flags = process.O_RDWR | process.O_CREAT | process.O_TRUNC;

posix.open(path, flags, 0644).addCallback(function (fd) {
  sys.puts("open: fd is a number: " + (typeof fd === "number"));
  posix.write(fd, "héllo ", null, "utf8").addCallback(function (written) {
    sys.puts("write: " + written + " bytes");
    posix.write(fd, "world", null, "ascii").addCallback(function (written) {
      sys.puts("write: " + written + " bytes");
      posix.write(fd, "J", 0, "ascii").addCallback(function () {
        posix.read(fd, 100, 0, "utf8").addCallback(function (data, bytesRead) {
          sys.puts("read: " + JSON.stringify(data) + ", " + bytesRead + " bytes");
          posix.read(fd, 100, 12, "utf8").addCallback(function (data, bytesRead) {
            sys.puts("read at the end: " + JSON.stringify(data) + ", " + bytesRead + " bytes");
            posix.close(fd).addCallback(function () {
              sys.puts("close: done");
              posix.unlinkSync(path);
            });
          });
        });
      });
    });
  });
});
