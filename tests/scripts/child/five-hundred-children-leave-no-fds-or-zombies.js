// 500 children one after another: afterwards the process has the file descriptors it had
// before (none left open by a child's pipes) and no zombie child, and each child's output
// arrived. Expected from the API document, "Child Processes" ("exit" is "emitted after the
// child process ends"; a child that has ended is reaped, so nothing of it remains) and POSIX
// (an unreaped child is a zombie; a pipe left open is a descriptor).
var sys = require("sys");
// Measured the same way before and after (through a shell, whose own pipes count both times).
function fds(callback) {
  sys.exec("ls /proc/" + process.pid + "/fd | wc -l").addCallback(function (out) {
    callback(parseInt(out, 10));
  });
}
fds(function (before) {
  var left = 500, outputs = 0;
  function next() {
    if (left-- === 0) return finish(before, outputs);
    var child = process.createChildProcess("/bin/echo", ["child"]);
    child.addListener("output", function (data) { if (data === "child\n") outputs++; });
    child.addListener("exit", function (code) {
      if (code !== 0) throw new Error("exit " + code);
      next();
    });
  }
  next();
});
function finish(before, outputs) {
  fds(function (after) {
    sys.puts("outputs " + outputs);
    // The runtime's own descriptors vary by a few between two moments (its threads' wakers
    // and pipes come and go), so "the same" is within a handful; a leak would be three
    // descriptors a child, 1,500 here.
    var leaked = after - before;
    sys.puts("fds not leaked: " + (leaked < 10 ? "true" : before + " before, " + after + " after"));
    // Our children in state Z (the shell running awk is a child too, but not a zombie).
    // (cat, not awk, opens the files: a process may end between the glob and the open.)
    sys.exec("cat /proc/[0-9]*/stat 2>/dev/null | awk '$4 == " + process.pid + " && $3 == \"Z\"'")
      .addCallback(function (zombies) {
        sys.puts("zombies " + JSON.stringify(zombies));
      });
  });
}
