// The POSIX module: file system calls as promises (events.Promise), as node v0.1.27 had them.
// Each call runs on the runtime's worker pool (process._binding("posix"),
// runtime/src/bindings/posix.rs) and completes through the event loop, so calls made one
// after the other may finish in any order: chain them through their promises. Each has a
// synchronous twin (`statSync`, ...) that returns the result or throws.
//
// The binding decides as node's C++ binding did: a native given a callback as its last
// argument runs on the pool and calls it with (error) or (null, results...); the same native
// without one runs at once.

var events = require("events");
var binding = process._binding("posix");

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

// Calls binding[name] with `args` and a callback, and returns a promise that the callback
// settles: emitError(error), or emitSuccess(results...) with the results first passed through
// `convert` when given.
function promised(name, args, convert) {
  var promise = new events.Promise();
  args.push(function (error) {
    if (error) {
      promise.emitError(error);
      return;
    }
    var results = Array.prototype.slice.call(arguments, 1);
    if (convert) results = [convert.apply(null, results)];
    promise.emitSuccess.apply(promise, results);
  });
  binding[name].apply(binding, args);
  return promise;
}

function toStats(raw) {
  return new Stats(raw);
}

exports.rename = function (path1, path2) {
  return promised("rename", [path1, path2]);
};
exports.renameSync = function (path1, path2) {
  return binding.rename(path1, path2);
};

exports.stat = function (path) {
  return promised("stat", [path], toStats);
};
exports.statSync = function (path) {
  return new Stats(binding.stat(path));
};

exports.unlink = function (path) {
  return promised("unlink", [path]);
};
exports.unlinkSync = function (path) {
  return binding.unlink(path);
};

exports.rmdir = function (path) {
  return promised("rmdir", [path]);
};
exports.rmdirSync = function (path) {
  return binding.rmdir(path);
};

exports.mkdir = function (path, mode) {
  return promised("mkdir", [path, mode]);
};
exports.mkdirSync = function (path, mode) {
  return binding.mkdir(path, mode);
};

// The names in a directory, without "." and "..".
exports.readdir = function (path) {
  return promised("readdir", [path]);
};
exports.readdirSync = function (path) {
  return binding.readdir(path);
};

// flags: process.O_RDONLY, process.O_WRONLY | process.O_CREAT, ...; success gives the fd.
exports.open = function (path, flags, mode) {
  return promised("open", [path, flags, mode]);
};
exports.openSync = function (path, flags, mode) {
  return binding.open(path, flags, mode);
};

exports.close = function (fd) {
  return promised("close", [fd]);
};
exports.closeSync = function (fd) {
  return binding.close(fd);
};

// position null: at the file's current position. Success gives the bytes written.
exports.write = function (fd, data, position, encoding) {
  return promised("write", [fd, data, position, encoding]);
};
exports.writeSync = function (fd, data, position, encoding) {
  return binding.write(fd, data, position, encoding || "binary");
};

// Success gives (data, bytesRead); at the end of the file, ("", 0). readSync returns
// [data, bytesRead].
exports.read = function (fd, length, position, encoding) {
  return promised("read", [fd, length, position, encoding]);
};
exports.readSync = function (fd, length, position, encoding) {
  return binding.read(fd, length, position, encoding || "binary");
};

// The whole file as a string.
exports.cat = function (filename, encoding) {
  return promised("cat", [filename, encoding || "utf8"]);
};
exports.catSync = function (filename, encoding) {
  return binding.cat(filename, encoding || "utf8");
};

// Copies `length` bytes from inFd (starting at inOffset) to outFd in the kernel; success
// gives the bytes sent.
exports.sendfile = function (outFd, inFd, inOffset, length) {
  return promised("sendfile", [outFd, inFd, inOffset, length]);
};
exports.sendfileSync = function (outFd, inFd, inOffset, length) {
  return binding.sendfile(outFd, inFd, inOffset, length);
};
