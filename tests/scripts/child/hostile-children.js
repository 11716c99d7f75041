// Children that misbehave: each dies of one of the signals whose default action ends a
// process (sending it to itself), some close their pipes at once and go on running, one
// floods its stdout while this process is busy and not reading, and then 1,000 run at
// once. Every child's "exit" comes with its code (the signal's number for a signal, as
// children-killed-by-signals.js), the flood arrives whole, and afterwards no zombie is left
// and the process holds the descriptors it held before.
// Expected from the API document, "Child Processes", and POSIX (an unreaped child is a zombie;
// a pipe left open is a descriptor); issue 18 ("Soak and faults").
var sys = require("sys");

var FATAL = ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
             "USR2", "PIPE", "ALRM", "TERM", "XCPU", "XFSZ", "VTALRM", "PROF", "SYS"];

// The descriptors this process holds, as `ls` in a child sees them. The child can look
// before this process has closed its copies of the child's ends of the three pipes (the
// spawn returns after the fork), so one look may count up to three more than are held: the
// count taken is the least of several looks, a little apart.
function fds(callback) {
  var least = Infinity, looks = 5;
  (function look() {
    sys.exec("ls /proc/" + process.pid + "/fd | wc -l").addCallback(function (out) {
      least = Math.min(least, parseInt(out, 10));
      if (--looks === 0) return callback(least);
      setTimeout(look, 20);
    });
  })();
}

function zombies(callback) {
  // The shell and ps are children too while this runs; only a defunct one counts.
  sys.exec("ps -o stat= --ppid " + process.pid).addCallback(function (out) {
    callback(out.split("\n").filter(function (s) { return s.charAt(0) === "Z"; }).length);
  });
}

var steps = [];
function then(f) { steps.push(f); }
function next() { var f = steps.shift(); if (f) f(); }

var fdsBefore;
then(function () { fds(function (n) { fdsBefore = n; next(); }); });

then(function () {
  var codes = [], left = FATAL.length;
  FATAL.forEach(function (name) {
    var child = process.createChildProcess("/bin/sh", ["-c", "kill -" + name + " $$"]);
    child.addListener("exit", function (code) {
      codes.push(name + "=" + code);
      if (--left === 0) {
        sys.puts("signals: " + codes.sort().join(" "));
        next();
      }
    });
  });
});

then(function () {
  // Closes stdin, stdout and stderr at once, then lives a little and exits with 3.
  var child = process.createChildProcess("/bin/sh",
    ["-c", "exec 0<&- 1>&- 2>&-; sleep 0.2; exit 3"]);
  var output = 0;
  child.addListener("output", function (data) { if (data !== null) output += data.length; });
  child.write("is anyone there?\n");
  child.addListener("exit", function (code) {
    // Written to a child whose stdin is closed: no crash, the bytes are lost.
    child.write("still there?\n");
    sys.puts("closed its pipes: exit " + code + ", output " + output);
    next();
  });
});

then(function () {
  // 20 MB from a child while this process is busy for a while without reading.
  var child = process.createChildProcess("/bin/sh", ["-c", "head -c 20000000 /dev/zero"]);
  var received = 0;
  child.addListener("output", function (data) { if (data !== null) received += data.length; });
  child.addListener("exit", function (code) {
    sys.puts("flood: exit " + code + ", received " + received);
    next();
  });
  var until = Date.now() + 500;
  while (Date.now() < until) {}
});

then(function () {
  var left = 1000, ok = 0;
  for (var i = 0; i < 1000; i++) {
    var child = process.createChildProcess("/bin/sh", ["-c", "echo $$"]);
    child.addListener("output", function (data) { if (data) ok++; });
    child.addListener("exit", function (code) {
      if (--left === 0) {
        sys.puts("1000 at once: " + ok + " said something");
        next();
      }
    });
  }
});

then(function () {
  zombies(function (z) {
    fds(function (n) {
      sys.puts("zombies " + z + ", descriptors as before: " + (n === fdsBefore));
      next();
    });
  });
});

next();
