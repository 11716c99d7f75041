// process.ChildProcess and process.createChildProcess, as stdlib/node.js hands them out: the
// bootstrap loads this file on first use, so that a script that starts no child does not pay
// for compiling it.
var events = require("events");
var native = process._binding("child_process");

// process.ChildProcess is an emitter: "output" and "error" bring the child's stdout and
// stderr as strings, then null once each stream ends; "exit" brings the exit code, after
// both streams have ended and the child was reaped, so nothing follows it. The pipes and the
// reaping are native (runtime/src/bindings/child_process.rs), which calls onEvent(kind,
// data) below.

function ChildProcess() {
  events.EventEmitter.call(this);
  this.pid = 0;
  this._pipes = null;       // {id, stdin, stdout, stderr}: how the natives know this child
  this._open = 2;           // stdout and stderr, until each has ended
  this._exitCode = null;    // set once the child was reaped
  this._exited = false;
}
process.inherits(ChildProcess, events.EventEmitter);
exports.ChildProcess = ChildProcess;

ChildProcess.prototype._spawn = function (file, args, env) {
  var self = this;
  var pairs = [];
  for (var name in env) pairs.push(name + "=" + env[name]);
  var spawned = native.spawn(file, args, pairs, function (kind, data) {
    self._onEvent(kind, data);
  });
  if (spawned.failure !== undefined) {
    // The program could not be run: what node 0.1.27's forked child did when execvp failed
    // (print the error, exit with 127), without the fork.
    process.nextTick(function () {
      self._onEvent("error", spawned.failure);
      self._onEvent("error", null);
      self._onEvent("output", null);
      self._onEvent("exit", 127);
    });
    return;
  }
  this.pid = spawned.pid;
  this._pipes = spawned;
};

ChildProcess.prototype._onEvent = function (kind, data) {
  if (kind === "exit") {
    this._exitCode = data;
    // The child is gone: its stdin can take nothing more.
    if (this._pipes) native.close(this._pipes.stdin);
  } else {
    if (data === null) this._open--;
    this.emit(kind, data);
  }
  if (this._open === 0 && this._exitCode !== null && !this._exited) {
    this._exited = true;
    this.emit("exit", this._exitCode);
  }
};

// Writes to the child's stdin (encoding "ascii" unless given); false once stdin is closed.
ChildProcess.prototype.write = function (data, encoding) {
  if (!this._pipes) return false;
  return native.write(this._pipes.stdin, data, encoding || "ascii");
};

// Closes the child's stdin once what was written has gone to it.
ChildProcess.prototype.close = function () {
  if (!this._pipes) return false;
  return native.close(this._pipes.stdin);
};

// Sends a signal by name ("SIGTERM" unless given).
ChildProcess.prototype.kill = function (signal) {
  if (!this._pipes) throw new Error("ChildProcess already dead");
  native.kill(this._pipes.id, process._signalNumber(signal));
};

// Beyond the document: how the child's output becomes strings, "utf8" (as in node 0.1.27,
// which always decoded UTF-8) or "binary" / "ascii" (one character per byte, so binary data
// comes through unchanged). Call it before the loop delivers the first data.
ChildProcess.prototype.setEncoding = function (encoding) {
  if (!this._pipes) return;
  native.setEncoding(this._pipes.stdout, encoding);
  native.setEncoding(this._pipes.stderr, encoding);
};

// Starts `command` (searched in PATH when it has no "/") with `args` and the environment
// `env`.
exports.createChildProcess = function (command, args, env) {
  var child = new ChildProcess();
  child._spawn(String(command), args || [], env || process.env);
  return child;
};
