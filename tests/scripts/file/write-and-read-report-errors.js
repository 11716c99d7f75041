// write and read report errors.
// Expected: SOURCE
var file = require("file"), posix = require("posix"), sys = require("sys");
var dir = require("../common").tmpDir();
file.write(dir + "/no/such/dir/f", "x").addErrback(function (error) {
  sys.puts("write: " + error.code + " " + (error.message.indexOf(dir + "/no/such/dir/f") > 0));
  file.read(dir + "/missing").addErrback(function (error) {
    sys.puts("read: " + error.code);
    file.write(dir, "x").addErrback(function (error) {
      sys.puts("write to a directory: " + error.code);
    });
  });
});
