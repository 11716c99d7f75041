// Reads the whole file named by argv[2] with posix.cat (UTF-8, the default) and checks its
// length against argv[3].
var posix = require("posix");
var path = process.argv[2], size = Number(process.argv[3]);
posix.cat(path).addCallback(function (text) {
  if (text.length !== size) throw new Error("read " + text.length + " characters");
});
