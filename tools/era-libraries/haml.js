// Runs haml-js's own fixtures (test/*.haml against test/*.html) with the
// v0.1.27 API: posix.readdir/posix.cat promises instead of the later fs.
var posix = require('posix'), sys = require('sys'), assert = require('assert');
var dir = process.ARGV[2];
var Haml = require(dir + "/lib/haml");
var files = posix.readdir(dir + "/test").wait();
var passed = 0, failed = 0;
files.sort().forEach(function (haml_file) {
  var m = haml_file.match(/^([^.].*)\.haml$/);
  if (!m) return;
  var base = m[1], scope = {};
  if (files.indexOf(base + ".js") >= 0) {
    scope = eval("(" + posix.cat(dir + "/test/" + base + ".js").wait() + ")");
  }
  var haml = posix.cat(dir + "/test/" + haml_file).wait();
  var expected = posix.cat(dir + "/test/" + base + ".html").wait();
  try {
    var js = Haml.compile(haml);
    Haml.optimize(js);
    var actual = Haml(haml).call(scope.context, scope.locals);
    assert.equal(actual, expected);
    passed++;
    sys.puts(haml_file + " Passed");
  } catch (e) {
    failed++;
    sys.puts(haml_file + " FAILED: " + e.name + ": " + e.message);
    if (actual !== undefined) sys.puts("actual:\n" + actual + "\nexpected:\n" + expected);
  }
});
sys.puts(passed + " passed, " + failed + " failed");
