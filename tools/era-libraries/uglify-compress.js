// Runs uglify-js's test/unit/scripts.js checks (compress each file under
// test/unit/compress/test, compare with expected/) with posix instead of fs.
var sys = require('sys'), posix = require('posix');
var dir = process.ARGV[2];
var jsp = require(dir + "/lib/parse-js"), pro = require(dir + "/lib/process");
function compress(code) {
  var ast = jsp.parse(code);
  ast = pro.ast_mangle(ast);
  ast = pro.ast_squeeze(ast, {no_warnings: true, extra: true});
  if (pro.ast_squeeze_more) ast = pro.ast_squeeze_more(ast);
  return pro.gen_code(ast);
}
var passed = 0, failed = 0;
var tdir = dir + "/test/unit/compress/";
posix.readdir(tdir + "test").wait().sort().forEach(function (script) {
  try {
    var content = posix.cat(tdir + "test/" + script).wait();
    var out = compress(content);
    var expected = posix.cat(tdir + "expected/" + script).wait().replace(/(\r?\n)+$/, "");
    if (out === expected && out === compress(content) && content.length >= out.length) passed++;
    else { failed++; sys.puts("FAIL " + script + ":\n" + out + "\nexpected:\n" + expected); }
  } catch (e) {
    failed++; sys.puts("FAIL " + script + ": " + (e.stack || e));
  }
});
sys.puts(passed + " passed, " + failed + " failed");
