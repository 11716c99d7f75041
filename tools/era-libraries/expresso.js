// A minimal stand-in for expresso (the test runner these libraries shipped
// under support/): each exported function is a test, called with the assert
// module; require.paths gets the library's lib/ like expresso's -I lib, and
// optionally a stubs directory (an empty `fs` for libraries that only load it).
var sys = require('sys'), assert = require('assert');
require.paths.unshift(process.ARGV[2]);
if (process.ARGV[4]) require.paths.unshift(process.ARGV[4]);
var tests = require(process.ARGV[3]);
var passed = 0, failed = 0;
for (var name in tests) {
  try {
    tests[name](assert, function () {});
    passed++;
  } catch (e) {
    failed++;
    sys.puts("FAIL " + name + ": " + (e.stack || e));
  }
}
sys.puts(passed + " passed, " + failed + " failed");
