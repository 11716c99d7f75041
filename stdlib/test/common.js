// Shared by the tests of stdlib/: require("./common") first in each.
//
// The modules require each other by name, as node v0.1.27's library did:
// url.js calls require("querystring"), sys.js calls require("events"), and
// path.exists calls require("posix"). On our own runtime those names are these very modules.
// On a modern node, which also runs these tests (to show that the modules do
// not depend on our engine's quirks; it says nothing about whether the
// expected values are right), they would be node's own
// built-ins ("querystring" there parses differently), so here the names of
// this directory's modules are sent to its files, and "posix", which a
// modern node does not have, to a small stand-in (host-posix.js).
//
// A modern host is recognised by its "module" module; on our runtime
// require("module") throws and nothing here is changed.

var hostModule = null;
try {
  hostModule = require("module");
} catch (e) {
  hostModule = null;
}

if (hostModule && hostModule.prototype && typeof hostModule.prototype.require === "function") {
  var stdlib = __dirname.replace(/\/test$/, "") + "/";
  var redirect = {
    assert: stdlib + "assert.js",
    events: stdlib + "events.js",
    mjsunit: stdlib + "mjsunit.js",
    path: stdlib + "path.js",
    querystring: stdlib + "querystring.js",
    sys: stdlib + "sys.js",
    url: stdlib + "url.js",
    posix: __dirname + "/host-posix.js"
  };
  var hostRequire = hostModule.prototype.require;
  hostModule.prototype.require = function (id) {
    // Only the stdlib's own files are redirected: node's internals and the
    // test runner keep their host modules.
    var fromStdlib = typeof this.filename === "string" && this.filename.indexOf(stdlib) === 0;
    if (fromStdlib && Object.prototype.hasOwnProperty.call(redirect, id)) {
      return hostRequire.call(this, redirect[id]);
    }
    return hostRequire.apply(this, arguments);
  };

  // process._waitPromise is our runtime's native behind promise.wait(): it
  // suspends the JavaScript stack until the promise fires. A modern node
  // cannot suspend a stack, so this stand-in only answers for a promise that
  // has already fired (true) and otherwise reports what the runtime reports
  // when the event loop runs out of work first (false).
  if (typeof process._waitPromise !== "function") {
    process._waitPromise = function (promise) {
      return !!promise.hasFired;
    };
  }
}

// Runs `block` with process.stdio replaced by one that records what is
// written, and returns {stdout, stderr, result}. It works on both hosts:
// the modules read process.stdio at each call. The real stdio (or none, on
// a modern node) is put back even if `block` throws.
exports.captureStdio = function (block) {
  var saved = process.stdio;
  var captured = { stdout: "", stderr: "", result: undefined };
  process.stdio = {
    write: function (data) { captured.stdout += data; },
    writeError: function (data) { captured.stderr += data; }
  };
  try {
    captured.result = block();
  } finally {
    process.stdio = saved;
  }
  return captured;
};

exports.assert = require("../assert");

// The events module that the modules under test use: on our runtime the built-in "events"
// (a file's require("../events") would be a second copy, whose Promise is another class); on
// a modern node, this directory's file, to which their requires are sent.
exports.events = hostModule ? require("../events") : require("events");
