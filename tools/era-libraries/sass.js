// sass.js's spec fixtures (spec/fixtures/NAME.sass rendered must equal NAME.css),
// as its spec.core.js checks them; JSpec itself is not in the package.
var sys = require('sys'), posix = require('posix');
var dir = process.ARGV[2];
var sass = require(dir + "/lib/sass");
var passed = 0, failed = 0, fx = dir + "/spec/fixtures/";
posix.readdir(fx).wait().sort().forEach(function (f) {
  var m = f.match(/^([^.].*)\.sass$/);
  if (!m) return;
  var css;
  try { css = posix.cat(fx + m[1] + ".css").wait(); } catch (e) { return; }
  try {
    var out = sass.render(posix.cat(fx + f).wait());
    if (out == css) passed++;
    else { failed++; sys.puts("FAIL " + f + ":\n" + out + "\nexpected:\n" + css); }
  } catch (e) { failed++; sys.puts("FAIL " + f + ": " + (e.stack || e)); }
});
sys.puts(passed + " passed, " + failed + " failed");
