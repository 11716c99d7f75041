// Odd arguments (undefined, null, negative, huge, NaN, objects, a NUL in a path) to every
// posix call make errors or exceptions, never a crash: the process ends normally.
// Expected: neither document lists what each call does with such values; that a script
// cannot crash the runtime is this implementation's rule (no panic on script input).
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
var odd = [undefined, null, -1, 1e300, NaN, "", {}, [], "x\u0000y"];
var count = 0;
["stat", "unlink", "rmdir", "readdir", "cat", "close"].forEach(function (name) {
  odd.forEach(function (value) {
    try { posix[name + "Sync"](value); } catch (e) { count++; }
    try { posix[name](value).addErrback(function () {}); } catch (e) {}
  });
});
odd.forEach(function (value) {
  try { posix.readSync(value, value, value, value); } catch (e) { count++; }
  try { posix.writeSync(value, value, value, value); } catch (e) { count++; }
  try { posix.openSync(value, value, value); } catch (e) { count++; }
  try { posix.mkdirSync(dir + "/m", value); posix.rmdirSync(dir + "/m"); } catch (e) { count++; }
  try { posix.sendfileSync(value, value, value, value); } catch (e) { count++; }
});
process.addListener("exit", function () { sys.puts("survived, " + (count > 0)); });
