// CoffeeScript's own `cake test` task, with posix in place of the later fs:
// the assert functions become globals, each test/*.coffee is compiled and
// run, and every ok() counts as a passed test.
var sys = require('sys'), posix = require('posix'), assert = require('assert');
var dir = process.ARGV[2];
var CoffeeScript = require(dir + "/lib/coffee-script");
var passed = 0, failed = 0;
for (var k in assert) GLOBAL[k] = assert[k];
GLOBAL.ok = function () { passed++; return assert.ok.apply(this, arguments); };
GLOBAL.CoffeeScript = CoffeeScript;
process.addListener("exit", function () {
  sys.puts(passed + " passed, " + failed + " failed");
});
posix.readdir(dir + "/test").wait().sort().forEach(function (file) {
  if (!file.match(/^[^.].*\.coffee$/i)) return;
  // test_importing needs require.registerExtension, which came after v0.1.27.
  if (file == "test_importing.coffee") return;
  var source = dir + "/test/" + file;
  try {
    CoffeeScript.run(posix.cat(source).wait(), {source: source});
  } catch (err) {
    failed++;
    sys.puts("failed " + file + "\n" + (err.stack || err));
  }
});
