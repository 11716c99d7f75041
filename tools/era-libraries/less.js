// less 1.0.5's test/less-test.js with posix in place of fs: each test/less/*.less
// compiles to its test/css/*.css. lib/less loads `fs`, which came after
// v0.1.27, so ARGV[3] is a directory holding an empty stand-in; import.less,
// the one test that reads files through fs, is left out.
var sys = require('sys'), posix = require('posix');
var dir = process.ARGV[2];
require.paths.unshift(process.ARGV[3], dir + "/lib");
var less = require(dir + '/lib/less');
less.tree.functions.add = function (a, b) { return new(less.tree.Dimension)(a.value + b.value); };
less.tree.functions.increment = function (a) { return new(less.tree.Dimension)(a.value + 1); };
less.tree.functions.color = function (str) { if (str.content === "evil red") { return new(less.tree.Color)("600") } };
var passed = 0, failed = 0;
posix.readdir(dir + "/test/less").wait().sort().forEach(function (file) {
  if (!/^[^.].*\.less$/.test(file) || file == "import.less") return;
  var name = file.replace(/\.less$/, "");
  var css;
  try { css = posix.cat(dir + "/test/css/" + name + ".css").wait(); } catch (e) { return; }
  new(less.Parser)({ paths: [dir + "/test/less"] }).parse(posix.cat(dir + "/test/less/" + file).wait(), function (err, tree) {
    var out;
    try { if (!err) out = tree.toCSS(); } catch (e) { err = e; }
    if (!err && out === css) passed++;
    else { failed++; sys.puts("FAIL " + name + ": " + (err ? (err.stack || err.message || sys.inspect(err)) : "\n" + out + "\nexpected:\n" + css)); }
  });
});
process.addListener("exit", function () { sys.puts(passed + " passed, " + failed + " failed"); });
