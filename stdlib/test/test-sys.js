// Tests of the "sys" module.
//
// Where the expected values come from (none may come from what our code happens to print;
// run.sh also runs this file on modern node, which shows only that our modules do not depend
// on our engine's quirks, not that these values are right):
//   - puts, print, exec: the document ("System module");
//   - error, p, inherits, [Getter]/[Setter]/[Circular]: the facts file ("## sys");
//   - debug on stderr with "DEBUG: ": NO SOURCE; the document says debug writes to stdout;
//   - inspect's layout (one-space indents, quoted names, "[Error: ...]", "{ [Function]",
//     the hidden-properties flag and "[length]"): NO SOURCE; the document says only "a string
//     representation". Lines marked "From the facts file" come from the facts file, "### sys",
//     which wins.
var common = require("./common");
var assert = common.assert;
var sys = require("../sys");
var events = common.events;
var inspect = sys.inspect;
var capture = common.captureStdio;

// --- puts, print, debug, error, p ---
assert.equal(capture(function () { sys.puts("hello"); }).stdout, "hello\n");
assert.equal(capture(function () { sys.puts("hello"); }).stderr, "");
assert.equal(capture(function () { sys.puts(42); }).stdout, "42\n");
assert.equal(capture(function () { sys.puts(); }).stdout, "undefined\n");
// NO SOURCE: only the first argument is written.
assert.equal(capture(function () { sys.puts("a", "b"); }).stdout, "a\n");   // one value, as in 0.1.27
assert.equal(capture(function () { sys.print("hello"); }).stdout, "hello");
assert.strictEqual(capture(function () { sys.print(7); }).stdout, "7");     // a string reaches stdio
// NO SOURCE, and against the document ("output the string immediately to stdout").
assert.equal(capture(function () { sys.debug("here"); }).stderr, "DEBUG: here\n");
assert.equal(capture(function () { sys.debug("here"); }).stdout, "");
assert.equal(capture(function () { sys.error("oops"); }).stderr, "oops\n");
assert.equal(capture(function () { sys.error("oops"); }).stdout, "");
assert.equal(capture(function () { sys.p({a: 1}); }).stderr, '{\n "a": 1\n}\n');
assert.equal(capture(function () { sys.p("s"); }).stderr, '"s"\n');

// --- inspect: primitives ---
assert.equal(inspect(0), "0");
assert.equal(inspect(1.5), "1.5");
assert.equal(inspect(-1), "-1");
assert.equal(inspect(NaN), "NaN");
assert.equal(inspect(false), "false");
assert.equal(inspect(true), "true");
assert.equal(inspect(""), '""');
assert.equal(inspect("hello"), '"hello"');
assert.equal(inspect("\n\u0001"), '"\\n\\u0001"');
assert.equal(inspect('say "hi"'), '"say \\"hi\\""');
assert.equal(inspect(undefined), "undefined");
assert.equal(inspect(), "undefined");
assert.equal(inspect(null), "null");

// --- inspect: functions, regular expressions, dates, errors ---
assert.equal(inspect(function () {}), "[Function]");
assert.equal(inspect(function named() {}), "[Function]");
// From the facts file ("### sys"): Date and RegExp objects print as "{}".
assert.equal(inspect(/foo(bar\n)?/gi), "{}");
assert.equal(inspect(new Date("Sun, 14 Feb 2010 11:48:40 GMT")), "{}");
assert.equal(inspect(new Error("boom")), "[Error: boom]");
assert.equal(inspect(new TypeError("bad type")), "[TypeError: bad type]");

// --- inspect: arrays ---
assert.equal(inspect([]), "[]");
assert.equal(inspect(Object.create([])), "[]");
assert.equal(inspect([1, 2]), "[\n 1,\n 2\n]");
assert.equal(inspect([1, [2, 3]]), "[\n 1,\n [\n  2,\n  3\n ]\n]");
assert.equal(inspect(["a", null, undefined]), '[\n "a",\n null,\n undefined\n]');
// An array with holes has fewer keys than its length, so by the facts file's rule ("### sys":
// [ ... ] only when Object.keys(value).length === value.length) it takes the { ... } form.
assert.equal(inspect([1, , 3]), '{\n "0": 1,\n "2": 3\n}');
// From the facts file ("### sys"): an array whose keys are not just its indices is
// printed in the { ... } form, indices quoted.
(function () {
  var a = [1];
  a.extra = true;
  assert.equal(inspect(a), '{\n "0": 1,\n "extra": true\n}');
})();
// From the facts file ("### sys"): inspect(Object.create([])) is "[]"; after push(1) it is
// '{\n "0": 1,\n "length": 1\n}'.
(function () {
  var value = Object.create([]);
  assert.equal(inspect(value), "[]");
  value.push(1);
  assert.equal(inspect(value), '{\n "0": 1,\n "length": 1\n}');
})();

// --- inspect: objects ---
assert.equal(inspect({}), "{}");
assert.equal(inspect({a: 1}), '{\n "a": 1\n}');
assert.equal(inspect({a: function () {}}), '{\n "a": [Function]\n}');
assert.equal(inspect({a: 1, b: 2}), '{\n "a": 1,\n "b": 2\n}');
assert.equal(inspect({a: {}}), '{\n "a": {}\n}');
assert.equal(inspect({a: {b: 2}}), '{\n "a": {\n  "b": 2\n }\n}');
assert.equal(inspect({a: [1, {b: [2]}]}),
             '{\n "a": [\n  1,\n  {\n   "b": [\n    2\n   ]\n  }\n ]\n}');
// Names are always JSON-quoted, whatever they look like.
assert.equal(inspect({"a b": 1, "x-y": 2}), '{\n "a b": 1,\n "x-y": 2\n}');
assert.equal(inspect({'q"': 1}), '{\n "q\\"": 1\n}');
// From the facts file ("### sys"): every enumerable for-in key is listed, inherited
// ones too.
(function () {
  function Point(x) { this.x = x; }
  Point.prototype.norm = function () { return this.x; };
  assert.equal(inspect(new Point(3)), '{\n "x": 3,\n "norm": [Function]\n}');
})();
// An object without a prototype.
assert.equal(inspect(Object.create(null, {name: {value: "Tim", enumerable: true}})),
             '{\n "name": "Tim"\n}');

// --- inspect: hidden properties ---
assert.equal(inspect([1, 2, 3], true), "[\n 1,\n 2,\n 3,\n [length]: 3\n]");
(function () {
  var value = Object.create({}, {visible: {value: 1, enumerable: true}, hidden: {value: 2}});
  assert.equal(inspect(value), '{\n "visible": 1\n}');
  assert.equal(inspect(value, true), '{\n "visible": 1,\n [hidden]: 2\n}');
})();
(function () {
  var value = Object.create(null, {name: {value: "Tim", enumerable: true}, hidden: {value: "secret"}});
  assert.equal(inspect(value, true), '{\n "name": "Tim",\n [hidden]: "secret"\n}');
})();

// --- inspect: accessors ---
(function () {
  var value = {};
  Object.defineProperty(value, "readonly", {get: function () {}, enumerable: true});
  Object.defineProperty(value, "readwrite", {get: function () {}, set: function (v) {}, enumerable: true});
  Object.defineProperty(value, "writeonly", {set: function (v) {}, enumerable: true});
  assert.equal(inspect(value),
               '{\n "readonly": [Getter],\n "readwrite": [Getter/Setter],\n "writeonly": [Setter]\n}');
})();
// From the facts file ("### sys"): the getter is not called, and this array prints in the
// { ... } form.
(function () {
  var value = [1, 2, 3];
  Object.defineProperty(value, "growingLength", {
    get: function () { this.push(true); return this.length; },
    enumerable: true
  });
  assert.equal(inspect(value), '{\n "0": 1,\n "1": 2,\n "2": 3,\n "growingLength": [Getter]\n}');
  assert.equal(value.length, 3);
})();

// --- inspect: cycles ---
(function () {
  var value = {};
  value.a = value;
  assert.equal(inspect(value), '{\n "a": [Circular]\n}');
})();
(function () {
  var a = [1];
  a.push(a);
  assert.equal(inspect(a), "[\n 1,\n [Circular]\n]");
})();
(function () {
  var outer = {inner: {}};
  outer.inner.up = outer;
  assert.equal(inspect(outer), '{\n "inner": {\n  "up": [Circular]\n }\n}');
})();
// The same object reached twice, without a cycle, is printed both times.
(function () {
  var shared = {x: 1};
  assert.equal(inspect({a: shared, b: shared}),
               '{\n "a": {\n  "x": 1\n },\n "b": {\n  "x": 1\n }\n}');
})();

// RegExp and Date objects have no label (facts file, "### sys": they print as {}), so only
// their properties show.
// --- inspect: objects with a label and properties ---
(function () {
  var value = function () {};
  value.aprop = 42;
  assert.equal(inspect(value), '{ [Function]\n "aprop": 42\n}');
})();
(function () {
  var value = /123/ig;
  value.aprop = 42;
  assert.equal(inspect(value), '{\n "aprop": 42\n}');
})();
(function () {
  var value = new Date("Sun, 14 Feb 2010 11:48:40 GMT");
  value.aprop = 42;
  assert.equal(inspect(value), '{\n "aprop": 42\n}');
})();
(function () {
  var value = new Error("boom");
  value.code = 3;
  assert.equal(inspect(value), '{ [Error: boom]\n "code": 3\n}');
})();
// Nested, such a label moves with its object's indentation.
(function () {
  var f = function () {};
  f.aprop = 1;
  assert.equal(inspect({f: f}), '{\n "f": { [Function]\n  "aprop": 1\n }\n}');
})();

// --- inherits ---
(function () {
  function Base() { this.base = true; }
  Base.prototype.hello = function () { return "hello from " + this.name; };
  function Derived(name) { Derived.super_.call(this); this.name = name; }
  sys.inherits(Derived, Base);
  var d = new Derived("d");
  assert.strictEqual(Derived.super_, Base);
  assert.ok(d instanceof Derived);
  assert.ok(d instanceof Base);
  assert.strictEqual(d.constructor, Derived);
  assert.strictEqual(Object.getPrototypeOf(Derived.prototype), Base.prototype);
  assert.equal(d.hello(), "hello from d");
  assert.strictEqual(d.base, true);
})();
// The usual use: an EventEmitter of one's own.
(function () {
  function Stream() { events.EventEmitter.call(this); }
  sys.inherits(Stream, events.EventEmitter);
  var s = new Stream();
  var got;
  s.addListener("data", function (d) { got = d; });
  s.emit("data", "chunk");
  assert.equal(got, "chunk");
})();

// exec: the document (on success stdout, stderr; on error exit code, stdout, stderr). That it
// runs "/bin/sh -c": NO SOURCE.
// --- exec ---
// process.createChildProcess is replaced by a fake child, an EventEmitter
// that the test drives, so no process is started.
function withFakeChild(block) {
  var saved = process.createChildProcess;
  var spawned = [];
  process.createChildProcess = function (command, args, env) {
    var child = new events.EventEmitter();
    spawned.push({command: command, args: args, env: env, child: child});
    return child;
  };
  try {
    block(spawned);
  } finally {
    process.createChildProcess = saved;
  }
}
withFakeChild(function (spawned) {
  var promise = sys.exec("ls /");
  assert.ok(promise instanceof events.Promise);
  assert.equal(spawned.length, 1);
  assert.equal(spawned[0].command, "/bin/sh");
  assert.deepEqual(spawned[0].args, ["-c", "ls /"]);
});
// Exit status 0: success with all of stdout and stderr.
withFakeChild(function (spawned) {
  var got;
  sys.exec("cmd").addCallback(function (stdout, stderr) { got = [stdout, stderr]; });
  var child = spawned[0].child;
  child.emit("output", "hel");
  child.emit("error", "warn");
  child.emit("output", "lo\n");
  child.emit("output", null);              // stdout closed
  child.emit("error", null);
  assert.strictEqual(got, undefined);      // nothing before "exit"
  child.emit("exit", 0);
  assert.deepEqual(got, ["hello\n", "warn"]);
});
// Another status: error with (code, stdout, stderr).
withFakeChild(function (spawned) {
  var got;
  sys.exec("cmd").addErrback(function (code, stdout, stderr) { got = [code, stdout, stderr]; });
  var child = spawned[0].child;
  child.emit("output", "out");
  child.emit("error", "err");
  child.emit("exit", 2);
  assert.deepEqual(got, [2, "out", "err"]);
});
// Nothing written: empty strings.
withFakeChild(function (spawned) {
  var got;
  sys.exec("true").addCallback(function (stdout, stderr) { got = [stdout, stderr]; });
  spawned[0].child.emit("exit", 0);
  assert.deepEqual(got, ["", ""]);
});
