// A stand-in for node v0.1.27's "posix" module on a modern host, with just
// what the stdlib tests use: posix.stat(path), returning a promise with
// addCallback and addErrback. The stat itself is the host's fs.stat. On our
// own runtime the real posix module is used instead (see common.js).

var fs = require("fs");

exports.stat = function (path) {
  var callbacks = [];
  var errbacks = [];
  var promise = {
    addCallback: function (f) { callbacks.push(f); return promise; },
    addErrback: function (f) { errbacks.push(f); return promise; }
  };
  fs.stat(path, function (err, stats) {
    var listeners = err ? errbacks : callbacks;
    for (var i = 0; i < listeners.length; i++) listeners[i](err || stats);
  });
  return promise;
};
