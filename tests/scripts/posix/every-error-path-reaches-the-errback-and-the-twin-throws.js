// Each failing call reaches its errback with an Error carrying `code`, `errno` (the
// process.E* value) and a message "CODE, ..." naming the path; its synchronous twin throws the
// same. The cases work as root too (root may read anything; EACCES has a test of its own in
// tests/tests/posix.rs).
// Expected from the API document, "File I/O" (each call returns a promise that emits "error"
// on failure), ../shared/reference/beyond-the-document.md, "posix" (the *Sync twins throw) and
// "process" (the E* constants), and the system calls' man pages for which errno each case is.
var posix = require("posix"), sys = require("sys"), assert = require("assert");
var dir = require("../common").tmpDir();
posix.closeSync(posix.openSync(dir + "/file", process.O_WRONLY | process.O_CREAT, 0644));
posix.mkdirSync(dir + "/full", 0755);
posix.closeSync(posix.openSync(dir + "/full/x", process.O_WRONLY | process.O_CREAT, 0644));
var missing = dir + "/missing";
var cases = [
  ["stat", [missing], "ENOENT", missing],
  ["stat", [dir + "/file/x"], "ENOTDIR", dir + "/file/x"],
  ["unlink", [missing], "ENOENT", missing],
  ["unlink", [dir + "/full"], "EISDIR", dir + "/full"],
  ["rmdir", [missing], "ENOENT", missing],
  ["rmdir", [dir + "/full"], "ENOTEMPTY", dir + "/full"],
  ["rmdir", [dir + "/file"], "ENOTDIR", dir + "/file"],
  ["mkdir", [dir + "/full", 0755], "EEXIST", dir + "/full"],
  ["mkdir", [missing + "/a/b", 0755], "ENOENT", missing + "/a/b"],
  ["readdir", [missing], "ENOENT", missing],
  ["readdir", [dir + "/file"], "ENOTDIR", dir + "/file"],
  ["rename", [missing, dir + "/other"], "ENOENT", missing],
  ["open", [missing, process.O_RDONLY], "ENOENT", missing],
  ["open", [dir + "/file", process.O_WRONLY | process.O_CREAT | process.O_EXCL, 0644], "EEXIST", dir + "/file"],
  ["open", [dir + "/full", process.O_WRONLY], "EISDIR", dir + "/full"],
  ["cat", [missing], "ENOENT", missing],
  ["cat", [dir + "/full"], "EISDIR", dir + "/full"],
  ["close", [9999], "EBADF", ""],
  ["read", [9999, 10, 0], "EBADF", ""],
  ["write", [9999, "x", 0], "EBADF", ""],
  ["sendfile", [9999, 9998, 0, 10], "EBADF", ""]
];
var pending = cases.length;
cases.forEach(function (c) {
  var name = c[0], args = c[1], code = c[2], path = c[3];
  var label = name + "(" + args[0] + ")";
  function check(error, how) {
    assert.ok(error instanceof Error, label + " " + how + ": not an Error");
    assert.equal(error.code, code, label + " " + how + ": " + error.message);
    assert.equal(error.errno, process[code], label + " " + how + ": errno");
    assert.ok(error.message.indexOf(code + ", ") === 0, label + ": " + error.message);
    if (path) assert.ok(error.message.indexOf("'" + path + "'") > 0, label + ": " + error.message);
  }
  var twin = posix[name + "Sync"];
  var thrown = null;
  try { twin.apply(posix, args); } catch (e) { thrown = e; }
  check(thrown, "sync");
  posix[name].apply(posix, args).addCallback(function () {
    assert.fail(label + " succeeded");
  }).addErrback(function (error) {
    check(error, "async");
    pending--;
  });
});
process.addListener("exit", function () {
  assert.equal(pending, 0);
  sys.puts(cases.length + " error paths");
});
