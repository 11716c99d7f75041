// Reads the file named by argv[2] with posix.read in 64 KB chunks ("binary"), one after the
// other, and checks the total against argv[3].
var posix = require("posix");
var path = process.argv[2], size = Number(process.argv[3]);
var CHUNK = 64 * 1024;
posix.open(path, process.O_RDONLY).addCallback(function (fd) {
  var total = 0;
  (function next() {
    posix.read(fd, CHUNK, null, "binary").addCallback(function (data, bytesRead) {
      if (bytesRead === 0) {
        posix.close(fd);
        if (total !== size) throw new Error("read " + total + " bytes");
        return;
      }
      total += data.length;
      next();
    });
  })();
});
