// Lets a modern node run some of the API examples (conformance/api/) with
// our JavaScript modules (stdlib/) on V8:
//
//   NODE="node -r $PWD/conformance/modern-node.js" conformance/run.sh
//
// Preloaded with -r, it gives the examples node v0.1.27's names: require("sys"),
// "events", "assert", "path", "url" and "querystring" load stdlib/'s files,
// "posix" a stand-in with stat(); and it adds process.stdio, process.mixin,
// process.createChildProcess and GLOBAL. Not everything can be imitated:
// promise.wait() needs a stack that can be suspended (process._waitPromise),
// require.paths and process.memoryUsage's keys are not v0.1.27's, and a
// modern node passes the exit code to "exit" listeners and prints uncaught
// errors its own way; tcp, http, multipart, most of posix and parts of the
// child processes are not imitated at all. Those examples fail here and pass
// only on our runtime (25 of the 64 when this was written).
//
// An example that passes here shows that our modules give the same output on
// V8 as on our engine (they do not rely on its quirks). It does not show that
// the expected output is right: each example says where that comes from (the
// API document or the facts file), and a value with no such source is just
// what our modules print, on either engine.
//
// This file is for the host only; it is modern JavaScript's host, so it may
// use the host's modules, but it is kept to ES5 like everything else here.

var Module = require("module");
var fs = require("fs");
var childProcess = require("child_process");

var stdlib = require("path").resolve(__dirname, "../stdlib") + "/";
var redirect = {
  assert: stdlib + "assert.js",
  events: stdlib + "events.js",
  path: stdlib + "path.js",
  querystring: stdlib + "querystring.js",
  sys: stdlib + "sys.js",
  url: stdlib + "url.js",
  posix: stdlib + "test/host-posix.js"
};
var hostRequire = Module.prototype.require;
Module.prototype.require = function (id) {
  if (Object.prototype.hasOwnProperty.call(redirect, id)) {
    return hostRequire.call(this, redirect[id]);
  }
  return hostRequire.apply(this, arguments);
};

global.GLOBAL = global;

process.stdio = {
  write: function (data) { process.stdout.write(data); },
  writeError: function (data) { fs.writeSync(2, data); }
};

// Where stdlib/events.js sends a listener's exception (facts file, "### events"): the
// "uncaughtException" listeners, or thrown from a fresh tick, where the host prints it and
// exits with status 1.
process._uncaught = function (error) {
  if (process.listeners("uncaughtException").length > 0) {
    process.emit("uncaughtException", error);
  } else {
    process.nextTick(function () { throw error; });
  }
};

// As v0.1.27 had it (jQuery.extend; facts file, "### process"): an optional `true` first for
// a deep copy; one object alone extends GLOBAL; undefined values are copied too;
// inherited properties are copied.
process.mixin = function () {
  var args = Array.prototype.slice.call(arguments);
  var deep = false;
  if (typeof args[0] === "boolean") deep = args.shift();
  var target = args.length === 1 ? global : (args.shift() || {});
  args.forEach(function (source) {
    if (source === null || source === undefined) return;
    for (var name in source) {
      var copy = source[name];
      // As stdlib/node.js (facts file, "### process"): undefined is copied too.
      if (copy === target) continue;
      if (deep && copy && typeof copy === "object") {
        var base = target[name] || (copy.length != null ? [] : {});
        target[name] = process.mixin(true, base, copy);
      } else {
        target[name] = copy;
      }
    }
  });
  return target;
};

// A child process as v0.1.27's: an emitter of "output" and "error" (strings,
// then null when the stream closes) and "exit" with the status.
process.createChildProcess = function (command, args, env) {
  var EventEmitter = require(redirect.events).EventEmitter;
  var emitter = new EventEmitter();
  var child = childProcess.spawn(command, args || [], { env: env || process.env });
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", function (data) { emitter.emit("output", data); });
  child.stderr.on("data", function (data) { emitter.emit("error", data); });
  child.stdout.on("end", function () { emitter.emit("output", null); });
  child.stderr.on("end", function () { emitter.emit("error", null); });
  child.on("close", function (code) { emitter.emit("exit", code); });
  emitter.pid = child.pid;
  return emitter;
};
