// process.watchFile and process.unwatchFile, as stdlib/node.js hands them out: the bootstrap
// loads this file on first use.
var events = require("events");
var native = process._binding("watch_file");

// process.watchFile(filename, [options,] listener): one watcher per file name, polling its
// stat every `interval` ms (0: every 5007 ms, libev's default) on a thread of its own; each
// change calls the listeners with (current, previous) posix.Stats. A watcher that is not
// `persistent` does not keep the process alive.

var fileWatchers = {};   // by file name: {id, emitter}

// Stats for a file that is not there, as libev reported it: every field zero.
var MISSING = { dev: 0, ino: 0, mode: 0, nlink: 0, uid: 0, gid: 0, rdev: 0, size: 0,
                blksize: 0, blocks: 0, atime: 0, mtime: 0, ctime: 0 };

exports.watchFile = function (filename, options, listener) {
  if (typeof options === "function") {
    listener = options;
    options = {};
  }
  options = options || {};
  var persistent = options.persistent === undefined ? true : !!options.persistent;
  var interval = options.interval === undefined ? 0 : Number(options.interval);
  filename = String(filename);

  var watcher = fileWatchers[filename];
  if (!Object.prototype.hasOwnProperty.call(fileWatchers, filename)) {
    var emitter = new events.EventEmitter();
    var Stats = require("posix").Stats;
    var id = native.watch(filename, interval, persistent, function (current, previous) {
      emitter.emit("change", new Stats(current || MISSING), new Stats(previous || MISSING));
    });
    watcher = fileWatchers[filename] = { id: id, emitter: emitter };
  }
  if (typeof listener === "function") watcher.emitter.addListener("change", listener);
  return watcher.emitter;
};

exports.unwatchFile = function (filename) {
  filename = String(filename);
  if (Object.prototype.hasOwnProperty.call(fileWatchers, filename)) {
    native.unwatch(fileWatchers[filename].id);
    delete fileWatchers[filename];
  }
};
