// The bootstrap, as node v0.1.27's src/node.js was: the runtime makes the `process` object
// with its natives (runtime/src/bindings/process/), runs this script in the global scope, and from
// then on calls the hooks it leaves on `process` (`_onTimer`, `_tickCallback`, `_uncaught`,
// ...) for each event of the loop. This file builds the documented API on those natives: the
// globals, timers, nextTick, process.stdio, the module system, and finally runs the main
// script (process.argv[1]).
(function (global) {

// ---- Globals ------------------------------------------------------------------------------

global.global = global;
global.GLOBAL = global;

// ---- Modules ------------------------------------------------------------------------------
// CommonJS modules, each compiled in a function wrapper so that its variables are its own.
// Built-in modules (stdlib/*.js, inside the binary) come first; then "./" and "../" are
// relative to the requiring file, "/" is absolute, and other names are searched in
// require.paths.

function Module(id, parent) {
  this.id = id;
  this.exports = {};
  this.parent = parent || null;
  this.filename = null;
  this.loaded = false;
  this.children = [];
  if (parent) parent.children.push(this);
}
process.Module = Module;

var path = null;         // the path module, loaded when a file is first looked for

function pathModule() {
  if (!path) path = loadBuiltin("path").exports;
  return path;
}

// The directory part of a file name (what path.dirname gives for the absolute names and URLs
// of modules), without loading the path module: an empty script needs no more.
function dirnameOf(filename) {
  var slash = filename.lastIndexOf("/");
  return slash > 0 ? filename.slice(0, slash) : slash === 0 ? "/" : ".";
}

// `dir` and `name` joined by one slash.
function joinPath(dir, name) {
  var end = dir.length;
  while (end > 0 && dir.charAt(end - 1) === "/") end--;
  return dir.slice(0, end) + "/" + name;
}

// Whether `text` starts with `prefix` / ends with `suffix`. The start-up path and `require`
// test names with these rather than regular expressions: the first pattern a process uses
// costs it the compiling of patterns, tens of thousands of instructions and their code's pages.
function startsWith(text, prefix) {
  return text.slice(0, prefix.length) === prefix;
}
function endsWith(text, suffix) {
  return text.length >= suffix.length && text.slice(text.length - suffix.length) === suffix;
}
var builtinCache = {};   // built-in modules by name
var internalCache = {};  // the runtime's own modules (stdlib/internal/), by name
var fileCache = {};      // modules loaded from files, by file name

// Built-in module `name` (stdlib/NAME.js), or null: what `require(name)` finds first.
function loadBuiltin(name) {
  return loadEmbedded(name, builtinCache, process._nativeModule, name + ".js");
}

// The runtime's own module `name` (stdlib/internal/NAME.js): the JavaScript half of
// process.ChildProcess and process.watchFile. `require` never reaches these (v0.1.27 had no
// such modules), and their cache is not require's.
function loadInternal(name) {
  return loadEmbedded(name, internalCache, process._internalModule,
                      "internal/" + name + ".js");
}

function loadEmbedded(name, cache, nativeModule, filename) {
  if (Object.prototype.hasOwnProperty.call(cache, name)) {
    return cache[name];
  }
  // The module's function, compiled when node was built.
  var compiled = nativeModule(name);
  if (compiled === undefined) return null;
  var module = new Module(name);
  cache[name] = module;
  module.filename = filename;
  module._run(compiled);
  module.loaded = true;
  return module;
}

Module.prototype._compile = function (content, filename) {
  // A script may start with "#!/usr/bin/env node".
  if (content.charAt(0) === "#") content = content.replace(/^#!.*/, "");
  this.filename = filename;
  // The module's text inside `function (exports, require, module, __filename, __dirname)`,
  // compiled so that positions in stack traces stay the file's own.
  this._run(process._compileModule(content, filename));
};

// Runs the module's function (see _compile) with the module's own `require`.
Module.prototype._run = function (compiled) {
  var self = this;
  function require(request) {
    return self.require(request);
  }
  require.paths = modulePaths;
  require.main = process.mainModule;
  compiled.call(this.exports, this.exports, require, this, this.filename,
                dirnameOf(this.filename));
};

Module.prototype.require = function (request) {
  request = String(request);
  var relative = startsWith(request, "./") || startsWith(request, "../");
  if (isURL(request)) return loadRemote(request, this);
  if (relative && isURL(this.filename)) {
    return loadRemote(loadBuiltin("url").exports.resolve(this.filename, request), this);
  }
  if (!relative && request.charAt(0) !== "/") {
    var builtin = loadBuiltin(request);
    if (builtin) return builtin.exports;
  }
  var dirs = relative ? [dirnameOf(this.filename)]
           : request.charAt(0) === "/" ? [""] : modulePaths;
  var filename = findModule(request, dirs);
  if (Object.prototype.hasOwnProperty.call(fileCache, filename)) {
    return fileCache[filename].exports;
  }
  var module = new Module(filename, this);
  // Cached before it runs: a circular require gets the exports made so far.
  fileCache[filename] = module;
  try {
    if (endsWith(filename, ".node")) {
      // A binary addon: its init(target) fills the exports (runtime/src/bindings/addon/).
      process._binding("addon").load(filename, module.exports);
    } else {
      module._compile(process._readFile(filename), filename);
    }
  } catch (e) {
    delete fileCache[filename];
    throw e;
  }
  module.loaded = true;
  return module.exports;
};

// Remote modules, as v0.1.27 had them: require("http://host:port/path.js") fetches the
// module with http.cat and waits for it (promise.wait() suspends the script meanwhile, the
// loop goes on); relative requires inside it are resolved against its URL.
function isURL(id) {
  return typeof id === "string" && startsWith(id, "http://");
}

function loadRemote(url, parent) {
  if (!endsWith(url, ".js")) url += ".js";
  if (Object.prototype.hasOwnProperty.call(fileCache, url)) return fileCache[url].exports;
  var content = fetchRemote(url);
  var module = new Module(url, parent);
  fileCache[url] = module;
  try {
    module._compile(content, url);
  } catch (e) {
    delete fileCache[url];
    throw e;
  }
  module.loaded = true;
  return module.exports;
}

// The text at `url`, or an Error saying why not.
function fetchRemote(url) {
  try {
    return loadBuiltin("http").exports.cat(url, "utf8").wait();
  } catch (e) {
    throw new Error("Cannot load module '" + url + "': " +
                    (typeof e === "number" ? "HTTP status " + e : e && e.message));
  }
}

// The first of X.js, X.node, X/index.js, X/index.node that exists in each directory, in
// order; an Error naming every place looked at when none does.
function findModule(request, dirs) {
  var tried = [];
  for (var i = 0; i < dirs.length; i++) {
    var path = pathModule();
    var base = dirs[i] === "" ? request : path.join(dirs[i], request);
    var candidates = [base + ".js", base + ".node",
                      path.join(base, "index.js"), path.join(base, "index.node")];
    // Also the name as given, when it already ends in .js or .node.
    if (endsWith(request, ".js") || endsWith(request, ".node")) candidates.unshift(base);
    for (var j = 0; j < candidates.length; j++) {
      tried.push(candidates[j]);
      if (process._isFile(candidates[j])) return candidates[j];
    }
  }
  // The message is v0.1.27's, word for word (programs and test suites compared it); the files
  // looked for are in the error's `lookedFor` (not enumerable).
  var error = new Error("Cannot find module '" + request + "'");
  Object.defineProperty(error, "lookedFor", {value: tried, writable: true, configurable: true});
  throw error;
}

// require.paths: ~/.node_libraries and the install's library directory, after NODE_PATH's.
var modulePaths = [joinPath(process.installPrefix, "lib/node/libraries")];
if (process.env.HOME) modulePaths.unshift(joinPath(process.env.HOME, ".node_libraries"));
if (process.env.NODE_PATH) {
  modulePaths = process.env.NODE_PATH.split(":").filter(function (p) {
    return p !== "";
  }).concat(modulePaths);
}

// ---- Events -------------------------------------------------------------------------------

var events = loadBuiltin("events").exports;
process.EventEmitter = events.EventEmitter;
// process.Promise is events.Promise (facts file, "### process").
process.Promise = events.Promise;
// `process` is an emitter ("exit", "uncaughtException", signals).
for (var method in events.EventEmitter.prototype) {
  process[method] = events.EventEmitter.prototype[method];
}

// ---- process ------------------------------------------------------------------------------

process.inherits = function (ctor, superCtor) {
  function Prototype() {}
  Prototype.prototype = superCtor.prototype;
  ctor.super_ = superCtor;
  ctor.prototype = new Prototype();
  ctor.prototype.constructor = ctor;
};

process.assert = function (value, message) {
  if (!value) throw new Error(message || "assertion error");
};

// process.mixin([deep], [target], object1, [objectN]): jQuery's extend, as v0.1.27 had it
// (facts file, "### process"): every for-in property is copied, inherited ones and ones whose
// value is undefined too; an accessor is read (its getter runs) and its value copied; in a deep
// copy a nested object is merged into `target[name] || (copy.length != null ? [] : {})`.
process.mixin = function () {
  var target = arguments[0] || {}, i = 1, length = arguments.length, deep = false;
  if (typeof target === "boolean") {
    deep = target;
    target = arguments[1] || {};
    i = 2;
  }
  if (typeof target !== "object" && typeof target !== "function") target = {};
  // Only one object: it extends GLOBAL.
  if (length === i) {
    target = GLOBAL;
    --i;
  }
  for (; i < length; i++) {
    var source = arguments[i];
    if (source === null || source === undefined) continue;
    for (var name in source) {
      var copy = source[name];
      // An object that contains itself would make a deep copy loop for ever.
      if (copy === target) continue;
      if (deep && copy && typeof copy === "object") {
        target[name] = process.mixin(true, target[name] || (copy.length != null ? [] : {}),
                                     copy);
      } else {
        target[name] = copy;
      }
    }
  }
  return target;
};

// ---- nextTick -----------------------------------------------------------------------------

var tickQueue = [];

process.nextTick = function (callback) {
  tickQueue.push(callback);
  process._needTick();
};

// Called by the loop after each event while callbacks are queued. One that throws leaves the
// rest queued for the next turn.
process._tickCallback = function () {
  var queue = tickQueue;
  tickQueue = [];
  var i = 0;
  try {
    for (; i < queue.length; i++) queue[i]();
  } finally {
    if (i + 1 < queue.length) {
      tickQueue = queue.slice(i + 1).concat(tickQueue);
      process._needTick();
    }
  }
};

// ---- Timers -------------------------------------------------------------------------------
// As in v0.1.27 (facts file, "### timers"): setTimeout and setInterval return a process.Timer,
// an EventEmitter with start(after, repeat), stop(), a "timeout" event and a `repeat`
// property, and the callback runs with `this` set to that timer, so `setInterval(function ()
// { clearInterval(this) }, 20)` stops itself. The loop keeps the native timers
// (runtime/src/event_loop/timers.rs, through process._setTimeout, _setInterval and
// _clearTimer, which take and give numeric ids); a Timer holds the id of its native one.

function Timer() {
  this._id = 0;
  this.repeat = 0;
}
Timer.prototype = Object.create(events.EventEmitter.prototype);
Timer.prototype.constructor = Timer;
process.Timer = Timer;

// Emits "timeout" after `after` ms, then every `repeat` ms if `repeat` is not 0. Starting a
// started timer starts it again.
Timer.prototype.start = function (after, repeat) {
  this.stop();
  var self = this;
  repeat = Number(repeat) || 0;
  this.repeat = repeat;
  if (!repeat) {
    this._id = process._setTimeout(function () {
      self._id = 0;
      self.emit("timeout");
    }, after);
  } else if (Number(after) === repeat) {
    startInterval(this, repeat);
  } else {
    this._id = process._setTimeout(function () {
      startInterval(self, repeat);
      self.emit("timeout");
    }, after);
  }
};

// Makes `timer` emit "timeout" every `repeat` ms from now (a repeat of 0: every turn).
function startInterval(timer, repeat) {
  timer._id = process._setInterval(function () {
    timer.emit("timeout");
  }, repeat);
}

Timer.prototype.stop = function () {
  if (this._id) {
    process._clearTimer(this._id);
    this._id = 0;
  }
};

// A timer whose "timeout" calls `callback` with the arguments after the first two, `this` the
// timer.
function makeTimer(callback, args) {
  if (typeof callback !== "function") {
    throw new TypeError("the timer's callback must be a function");
  }
  var timer = new Timer();
  if (args.length > 2) {
    var extra = Array.prototype.slice.call(args, 2);
    timer.addListener("timeout", function () {
      callback.apply(timer, extra);
    });
  } else {
    timer.addListener("timeout", callback);
  }
  return timer;
}

global.setTimeout = function (callback, after) {
  var timer = makeTimer(callback, arguments);
  timer.start(after, 0);
  return timer;
};

global.setInterval = function (callback, repeat) {
  var timer = makeTimer(callback, arguments);
  timer.repeat = Number(repeat) || 0;
  // Not timer.start(repeat, repeat): a repeat of 0 there means "once", here "every turn".
  startInterval(timer, repeat);
  return timer;
};

// clearTimeout and clearInterval are the same function and ignore anything that is not a
// timer.
function clearTimer(timer) {
  if (timer instanceof Timer) timer.stop();
}
global.clearTimeout = clearTimer;
global.clearInterval = clearTimer;

// ---- IdleWatcher --------------------------------------------------------------------------
// Its callback runs on each turn of the loop while started (nextTick was built on one).

process.EVMAXPRI = 2;
process.EVMINPRI = -2;
var idleWatchers = [];

function IdleWatcher() {
  this.callback = null;
  this.priority = 0;
  this.started = false;
}
IdleWatcher.prototype.setPriority = function (priority) {
  this.priority = Math.max(process.EVMINPRI, Math.min(process.EVMAXPRI, Number(priority) || 0));
};
IdleWatcher.prototype.start = function () {
  if (this.started) return;
  this.started = true;
  idleWatchers.push(this);
  process._idleWatchers(1);
};
IdleWatcher.prototype.stop = function () {
  if (!this.started) return;
  this.started = false;
  idleWatchers.splice(idleWatchers.indexOf(this), 1);
  process._idleWatchers(-1);
};
process.IdleWatcher = IdleWatcher;

process._onIdle = function () {
  var watchers = idleWatchers.slice().sort(function (a, b) {
    return b.priority - a.priority;
  });
  for (var i = 0; i < watchers.length; i++) {
    if (watchers[i].started && typeof watchers[i].callback === "function") {
      watchers[i].callback();
    }
  }
};

// ---- Standard I/O -------------------------------------------------------------------------

var stdio = new events.EventEmitter();
process.stdio = stdio;
// Whether "close" has been emitted since stdin was last opened: it fires once, at end of
// input or after close(), whichever comes first.
var stdinClosed = false;
stdio.open = function (encoding) {
  stdinClosed = false;
  process._stdinOpen(encoding);
};
stdio.write = function (data, encoding) {
  process._writeStdout(data, encoding);
};
stdio.writeError = function (data, encoding) {
  process._writeStderr(data, encoding);
};
// Stops reading stdin; "close" follows, from the next tick (not from inside close(), so that
// a listener added just after the call hears it).
stdio.close = function () {
  process._stdinClose();
  if (stdinClosed) return;
  stdinClosed = true;
  process.nextTick(function () {
    stdio.emit("close");
  });
};
process._onStdinData = function (data) {
  stdio.emit("data", data);
};
process._onStdinClose = function () {
  if (stdinClosed) return;
  stdinClosed = true;
  stdio.emit("close");
};

// ---- Signals ------------------------------------------------------------------------------
// A signal is watched from the moment its first listener is added; each delivery emits the
// signal's name on process.
// Watching does not keep the process alive (runtime/src/bindings/signals.rs).

function isSignal(name) {
  return typeof name === "string" && name.slice(0, 3) === "SIG" &&
         typeof process[name] === "number";
}

var watchedSignals = {};   // once watched, a signal stays watched (as in node 0.1.27)

// Watching starts in process.addListener itself, before the listener is added, rather than in
// a "newListener" listener: a signal that cannot be watched (SIGKILL) throws, and that error is
// for the caller of addListener, whereas one thrown by a listener would go to
// "uncaughtException" (facts file, "### events").
var addListener = process.addListener;
process.addListener = function (type, listener) {
  if (typeof listener === "function" && isSignal(type) && !watchedSignals[type]) {
    process._binding("signals").watch(process[type], function () {
      process.emit(type);
    });
    watchedSignals[type] = true;
  }
  return addListener.call(this, type, listener);
};

// The number of a signal given by name ("SIGTERM"); a number is taken as it is.
function signalNumber(signal) {
  if (signal === undefined) return process.SIGTERM;
  if (typeof signal === "number") return signal;
  if (!isSignal(signal)) throw new Error("Unknown signal: " + signal);
  return process[signal];
}

process.kill = function (pid, signal) {
  process._binding("signals").kill(pid, signalNumber(signal));
};

// ---- Child processes and watching files ---------------------------------------------------
// Their JavaScript (stdlib/internal/child_process.js, stdlib/internal/watch_file.js) loads on
// first use: most scripts start no child and watch no file, and start-up is shorter without
// compiling them. The native halves are runtime/src/bindings/child_process.rs and
// runtime/src/bindings/watch_file.rs.

process._signalNumber = signalNumber;

function childProcesses() {
  return loadInternal("child_process").exports;
}
Object.defineProperty(process, "ChildProcess", {
  get: function () { return childProcesses().ChildProcess; },
  enumerable: true,
  configurable: true
});
// process.Stats is posix.Stats (facts file, "### process"), loaded on first use like the above.
Object.defineProperty(process, "Stats", {
  get: function () { return loadBuiltin("posix").exports.Stats; },
  enumerable: true,
  configurable: true
});
process.createChildProcess = function (command, args, env) {
  return childProcesses().createChildProcess(command, args, env);
};

process.watchFile = function (filename, options, listener) {
  return loadInternal("watch_file").exports.watchFile(filename, options, listener);
};
process.unwatchFile = function (filename) {
  return loadInternal("watch_file").exports.unwatchFile(filename);
};

// ---- Exceptions and exit ------------------------------------------------------------------

// An exception no JavaScript caught: an "uncaughtException" listener takes it, or the
// process prints it and exits with status 1.
// EventEmitter.emit sends a listener's exception here too (facts file, "### events"); so an
// "uncaughtException" listener that throws would come back here from its own emit, for ever:
// that exception is fatal instead.
var handlingUncaught = false;
process._uncaught = function (error) {
  if (handlingUncaught || process.listeners("uncaughtException").length === 0) {
    process._fatal(error);
    return;
  }
  handlingUncaught = true;
  try {
    process.emit("uncaughtException", error);
  } finally {
    handlingUncaught = false;
  }
};

var exiting = false;

// "exit" is emitted once, whether the loop ran dry or process.exit was called (also from an
// "exit" listener).
process._emitExit = function (code) {
  if (exiting) return;
  exiting = true;
  process.emit("exit", code);
};

process.exit = function (code) {
  code = code === undefined ? 0 : code;
  process._emitExit(code);
  process.reallyExit(code);
};

// ---- What moved before v0.1.27 ------------------------------------------------------------
// Old programs get an Error saying where it went.

function removed(reason) {
  return function () {
    throw new Error(reason);
  };
}
global.puts = removed("puts() has moved. Use require('sys') to bring it back.");
global.print = removed("print() has moved. Use require('sys') to bring it back.");
global.p = removed("p() has moved. Use require('sys') to bring it back.");
global.include = removed("include(module) has been removed. " +
                         "Use process.mixin(GLOBAL, require(module)) to get the same effect.");
process.debug = removed("process.debug() has moved. Use require('sys') to bring it back.");
process.error = removed("process.error() has moved. Use require('sys') to bring it back.");
Object.defineProperty(global, "__module", {
  get: removed("__module has been renamed to module"),
  configurable: true
});
global.node = {
  createProcess: removed("node.createProcess() has been changed to " +
                         "process.createChildProcess() update your code"),
  exec: removed("process.exec() has moved. Use require('sys') to bring it back."),
  inherits: removed("node.inherits() has moved. Use require('sys') to access it."),
  http: {
    createServer: removed("node.http.createServer() has moved. " +
                          "Use require('http') to access it."),
    createClient: removed("node.http.createClient() has moved. " +
                          "Use require('http') to access it.")
  },
  tcp: {
    createServer: removed("node.tcp.createServer() has moved. " +
                          "Use require('tcp') to access it."),
    createConnection: removed("node.tcp.createConnection() has moved. " +
                              "Use require('tcp') to access it.")
  },
  dns: {},
  fs: {}
};

// ---- The main script ----------------------------------------------------------------------

var main = new Module(".");
process.mainModule = main;
var mainFile = process.argv[1];
if (process._replMain) {
  // `node-repl`: the main program is stdlib/internal/node_repl.js, what v0.1.27 installed as
  // bin/node-repl (its welcome lines, then require("repl").start()).
  delete process._replMain;
  main.filename = "node-repl";
  main._run(process._internalModule("node_repl"));
} else if (isURL(mainFile)) {
  fileCache[mainFile] = main;
  // `node http://host:port/script.js`
  main._compile(fetchRemote(mainFile), mainFile);
} else {
  fileCache[mainFile] = main;
  main._compile(process._readFile(mainFile), mainFile);
}
main.loaded = true;

})(this);
