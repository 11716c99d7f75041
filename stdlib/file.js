// The file module of node v0.1.27 (beyond its document): whole-file helpers and a File whose
// operations are queued, on top of the posix module.
//
// The posix calls of one file, made one after the other, may complete in any order (they run
// on a pool of threads). A File runs its operations one at a time instead, in the order they
// were asked for: each waits for the one before it to complete.

var posix = require("posix");
var events = require("events");

// The whole file as a string: posix.cat.
exports.read = posix.cat;

// Writes `data` to `filename`, creating or truncating it. Success: no arguments.
exports.write = function (filename, data, encoding) {
  var promise = new events.Promise();
  var flags = process.O_WRONLY | process.O_TRUNC | process.O_CREAT;

  posix.open(filename, flags, 438 /* 0666 */).addCallback(function (fd) {
    posix.write(fd, data, null, encoding || "utf8").addCallback(function () {
      posix.close(fd).addCallback(function () {
        promise.emitSuccess();
      }).addErrback(function (error) {
        promise.emitError(error);
      });
    }).addErrback(function (error) {
      closeQuietly(fd);
      promise.emitError(error);
    });
  }).addErrback(function (error) {
    promise.emitError(error);
  });

  return promise;
};

// Closes a file after an error that is being reported already.
function closeQuietly(fd) {
  posix.close(fd).addErrback(function () {});
}

// fopen(3)'s modes as open(2) flags.
var MODES = {
  "r": process.O_RDONLY,
  "r+": process.O_RDWR,
  "w": process.O_CREAT | process.O_TRUNC | process.O_WRONLY,
  "w+": process.O_CREAT | process.O_TRUNC | process.O_RDWR,
  "a": process.O_APPEND | process.O_CREAT | process.O_WRONLY,
  "a+": process.O_APPEND | process.O_CREAT | process.O_RDWR
};

// new File(filename, mode, options): opens the file (mode "r", "r+", "w", "w+", "a" or "a+",
// as fopen(3) has them). options.encoding is the encoding of what write() takes and read()
// gives (default "utf8").
//
// If the file cannot be opened, the open's error goes to the errback of every operation asked
// for later.
function File(filename, mode, options) {
  if (!MODES.hasOwnProperty(mode)) throw new Error("Unknown mode: " + mode);
  options = options || {};

  this.filename = filename;
  this.encoding = options.encoding || "utf8";
  this.flags = MODES[mode];
  this.fd = null;
  this.openError = null;

  this._queue = [];      // operations not started yet: { method, args, promise }
  this._running = false; // an operation has started and not completed

  // The open's own promise has nobody to report to: its error is reported by the operations
  // that follow (see _next).
  this._enqueue("open", [filename, this.flags, 438 /* 0666 */]).addErrback(function () {});
}
exports.File = File;

// write(data, position, encoding): success gives the bytes written. Without a position, at
// the current position (the end of the file in modes "a" and "a+").
File.prototype.write = function (data, position, encoding) {
  return this._enqueue("write", [data, position, encoding || this.encoding]);
};

// read(length, position, encoding): success gives (data, bytesRead); ("", 0) at the end.
// Without a position, from the current position, so reads follow each other.
File.prototype.read = function (length, position, encoding) {
  return this._enqueue("read", [length, position, encoding || this.encoding]);
};

File.prototype.close = function () {
  return this._enqueue("close", []);
};

// Queues posix[method](fd, args...) and returns a promise of its outcome.
File.prototype._enqueue = function (method, args) {
  var promise = new events.Promise();
  this._queue.push({ method: method, args: args, promise: promise });
  this._next();
  return promise;
};

// Starts the next operation, unless one is running.
File.prototype._next = function () {
  if (this._running || this._queue.length === 0) return;
  var action = this._queue.shift();
  var self = this;

  if (action.method !== "open") {
    if (this.openError) {
      action.promise.emitError(this.openError);
      this._next();
      return;
    }
    action.args.unshift(this.fd);
  }

  // The queue moves on before the user's promise settles, so that a callback that throws
  // cannot stall it; the next operation cannot complete before this one's callbacks run.
  this._running = true;
  posix[action.method].apply(posix, action.args).addCallback(function () {
    if (action.method === "open") self.fd = arguments[0];
    self._running = false;
    self._next();
    action.promise.emitSuccess.apply(action.promise, arguments);
  }).addErrback(function (error) {
    if (action.method === "open") self.openError = error;
    self._running = false;
    self._next();
    action.promise.emitError.apply(action.promise, arguments);
  });
};
