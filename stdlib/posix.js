// The POSIX module: file system calls as promises (events.Promise), as node v0.1.27 had them.
// Each call runs on the runtime's worker pool (process._posix, runtime/src/posix.rs) and
// completes through the event loop, so calls made one after the other may finish in any
// order: chain them through their promises. Each has a synchronous twin (`statSync`, ...)
// that returns the result or throws.

var events = require("events");
var binding = process._posix;

// posix.Stats: what stat gives.
function Stats(raw) {
  for (var name in raw) this[name] = raw[name];
  this.atime = new Date(raw.atime);
  this.mtime = new Date(raw.mtime);
  this.ctime = new Date(raw.ctime);
}
exports.Stats = Stats;

function isType(mask) {
  return function () {
    return (this.mode & process.S_IFMT) === mask;
  };
}
Stats.prototype.isFile = isType(process.S_IFREG);
Stats.prototype.isDirectory = isType(process.S_IFDIR);
Stats.prototype.isBlockDevice = isType(process.S_IFBLK);
Stats.prototype.isCharacterDevice = isType(process.S_IFCHR);
Stats.prototype.isSymbolicLink = isType(process.S_IFLNK);
Stats.prototype.isFIFO = isType(process.S_IFIFO);
Stats.prototype.isSocket = isType(process.S_IFSOCK);

// A promise settled by a node-style callback: (error) or (null, results...), with the
// results first passed through `convert` when given.
function promised(convert) {
  var promise = new events.Promise();
  function done(error) {
    if (error) {
      promise.emitError(error);
      return;
    }
    var results = Array.prototype.slice.call(arguments, 1);
    if (convert) results = [convert.apply(null, results)];
    promise.emitSuccess.apply(promise, results);
  }
  return { promise: promise, done: done };
}

function toStats(raw) {
  return new Stats(raw);
}

exports.stat = function (path) {
  var call = promised(toStats);
  binding.stat(path, call.done);
  return call.promise;
};

exports.statSync = function (path) {
  return new Stats(binding.statSync(path));
};
