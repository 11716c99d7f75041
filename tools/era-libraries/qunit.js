// A minimal stand-in for the QUnit + jQuery page that ran underscore's tests
// in a browser: module/test/ok/equals/same/expect, and $(document).ready.
var sys = require('sys'), posix = require('posix');
var dir = process.ARGV[2];
var passed = 0, failed = 0, current = "";
function deepEq(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a != "object" || typeof b != "object") return a == b;
  if (a instanceof Date && b instanceof Date) return a.getTime() == b.getTime();
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length != kb.length) return false;
  for (var i = 0; i < ka.length; i++) if (!deepEq(a[ka[i]], b[ka[i]])) return false;
  return true;
}
function report(ok, msg, extra) {
  if (ok) passed++;
  else { failed++; sys.puts("FAIL [" + current + "] " + msg + (extra || "")); }
}
GLOBAL.module = function (name) {};
GLOBAL.test = function (name, fn) {
  current = name;
  try { fn(); } catch (e) { report(false, "threw " + (e.stack || e)); }
};
GLOBAL.asyncTest = GLOBAL.test;
GLOBAL.expect = function () {};
GLOBAL.ok = function (v, msg) { report(!!v, msg); };
GLOBAL.equals = function (a, b, msg) { report(a == b, msg, ": " + sys.inspect(a) + " != " + sys.inspect(b)); };
GLOBAL.same = function (a, b, msg) { report(deepEq(a, b), msg, ": " + sys.inspect(a) + " !~ " + sys.inspect(b)); };
GLOBAL.start = GLOBAL.stop = function () {};
// What collections.js reads from its test page (test.html): the body's
// children include #qunit-header, and the first image is #chart_image.
GLOBAL.document = { body: { childNodes: [{ id: "qunit-header" }] }, images: [{ id: "chart_image" }] };
GLOBAL.$ = GLOBAL.jQuery = function (x) { return { ready: function (f) { f(); } }; };
GLOBAL.window = GLOBAL;
var _ = require(dir + "/underscore");
GLOBAL._ = _._ || _;
var files = process.ARGV.slice(3);
files.forEach(function (f) {
  var src = posix.cat(dir + "/test/" + f).wait();
  process.compile(src, dir + "/test/" + f);
});
process.addListener("exit", function () {
  sys.puts(passed + " passed, " + failed + " failed");
});
