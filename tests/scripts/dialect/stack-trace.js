// V8's stack-trace API as V8 documents it (the 2010 "JavaScriptStackTraceApi" wiki page, now
// https://v8.dev/docs/stack-trace-api): `stack` is recorded when an error is made,
// Error.captureStackTrace(object, fn) leaves out fn and the frames above it, and
// Error.stackTraceLimit bounds the frames.
var sys = require("sys");

// The frames below this script's own (node.js's bootstrap) and the script's path vary:
// show only this file's frames, with its name as FILE.
function show(stack) {
  sys.puts(stack.split("\n").filter(function (line) {
    return line.indexOf("node.js:") < 0;
  }).join("\n").split(__filename).join("FILE"));
}

function make() { return new TypeError("bad"); }
function outer() { return make(); }
// Handed to an errback rather than thrown, an error still shows where it was made.
function errback(callback) { callback(outer()); }
errback(function (err) { show(err.stack); });

function Foo() { this.error = new Error(); }
show(new Foo().error.stack);

// A custom error type of the time.
function MyError(message) {
  this.message = message;
  Error.captureStackTrace(this, MyError);
}
MyError.prototype = Object.create(Error.prototype);
MyError.prototype.name = "MyError";
function fail() { throw new MyError("custom"); }
try { fail(); } catch (e) { show(e.stack); sys.puts(e instanceof Error); }

// Errors the engine throws have a stack too.
function read(o) { return o.property; }
try { read(undefined); } catch (e) { show(e.stack); }

// `stack` is own and writable but not enumerable.
var e = new Error("m");
var keys = [];
for (var k in e) keys.push(k);
sys.puts(e.hasOwnProperty("stack") + " " + e.propertyIsEnumerable("stack") + " " + keys.length);

sys.puts(Error.stackTraceLimit);
Error.stackTraceLimit = 1;
show(outer().stack);
Error.stackTraceLimit = 0;
show(outer().stack);
Error.stackTraceLimit = "none";
sys.puts(outer().stack);
