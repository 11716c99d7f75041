// What the test scripts share, as node's own test/mjsunit/common.js did: a scratch directory
// and a free port. Scripts load it with require("../common").
var posix = require("posix");

var made = 0;

// Removes `path` and, for a directory, everything in it.
function removeTree(path) {
  var stats;
  try { stats = posix.statSync(path); } catch (e) { return; }
  if (stats.isDirectory()) {
    posix.readdirSync(path).forEach(function (name) { removeTree(path + "/" + name); });
    posix.rmdirSync(path);
  } else {
    posix.unlinkSync(path);
  }
}

// A new, empty directory of this process's own under $TMPDIR (or /tmp), removed with what is in
// it when the process exits: the scripts leave nothing behind in the source tree.
exports.tmpDir = function () {
  var dir = (process.env.TMPDIR || "/tmp") + "/node-script-" + process.pid + "-" + made++;
  removeTree(dir);
  posix.mkdirSync(dir, parseInt("0755", 8));
  process.addListener("exit", function () { removeTree(dir); });
  return dir;
};

// Makes `server` (tcp or http) listen on a port that is free now and returns the port. node
// v0.1.27 has no way to ask a server which port it got for port 0, but listen() throws
// EADDRINUSE synchronously, so a random port is tried until one is free.
exports.listen = function (server, host) {
  for (var attempt = 0; ; attempt++) {
    var port = 20000 + Math.floor(Math.random() * 30000);
    try {
      server.listen(port, host);
      return port;
    } catch (e) {
      if (e.errno !== process.EADDRINUSE || attempt === 100) throw e;
    }
  }
};
