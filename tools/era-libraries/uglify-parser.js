// Runs uglify-js's test/testparser.js. It logs with sys.log, which came
// after v0.1.27, so this driver supplies it (printing the line) and counts.
var sys = require('sys');
var passed = 0, failed = 0;
sys.log = function (s) {
  if (/^ok /.test(s)) passed++; else { failed++; sys.puts(s); }
};
require(process.ARGV[2] + "/test/testparser");
sys.puts(passed + " passed, " + failed + " failed");
