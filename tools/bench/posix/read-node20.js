// read.js for modern node: fs.read in 64 KB chunks, each made a "latin1" string (node 20's
// name for v0.1.27's "binary").
var fs = require("fs");
var path = process.argv[2], size = Number(process.argv[3]);
var CHUNK = 64 * 1024;
fs.open(path, "r", function (error, fd) {
  if (error) throw error;
  var buffer = Buffer.alloc(CHUNK), total = 0;
  (function next() {
    fs.read(fd, buffer, 0, CHUNK, null, function (error, bytesRead) {
      if (error) throw error;
      if (bytesRead === 0) {
        fs.close(fd, function () {});
        if (total !== size) throw new Error("read " + total + " bytes");
        return;
      }
      total += buffer.toString("latin1", 0, bytesRead).length;
      next();
    });
  })();
});
