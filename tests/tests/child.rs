//! Child processes (the API document's "Child Processes", and sys.exec) with real processes:
//! data through their pipes, exit codes, signals, and many children without leaking a file
//! descriptor or leaving a zombie.

use integration::{assert_prints, run_js};

/// 10 MB of every byte value through `cat` and back, written in 64 KB pieces, read as
/// "binary": nothing lost, nothing changed, nothing reordered.
#[test]
fn ten_megabytes_of_binary_through_cat() {
    let source = r#"var sys = require("sys");
// A block of pseudo-random bytes of a length prime to the pipe's buffer sizes, repeated:
// a lost, doubled or shifted byte anywhere breaks the comparison.
var block = [];
var x = 12345;
for (var i = 0; i < 65521; i++) {
  x = (x * 1103515245 + 12345) % 2147483648;
  block.push(String.fromCharCode(x >> 16 & 255));
}
block = block.join("");
var size = 10 * 1024 * 1024;
var pieces = [];
for (var n = 0; n < size; n += block.length) pieces.push(block);
var payload = pieces.join("").slice(0, size);

var cat = process.createChildProcess("cat");
cat.setEncoding("binary");
var received = [];
cat.addListener("output", function (data) {
  if (data !== null) received.push(data);
});
cat.addListener("exit", function (code) {
  var all = received.join("");
  sys.puts("exit " + code + ", " + all.length + " bytes, same: " + (all === payload));
});
for (var at = 0; at < size; at += 65536) {
  if (!cat.write(payload.slice(at, at + 65536), "binary")) throw new Error("write refused");
}
cat.close();
"#;
    let (run, _dir) = run_js("binary_cat", source, &[]);
    assert_eq!(
        run.stdout, "exit 0, 10485760 bytes, same: true\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}

/// A child that never reads its stdin and exits: the writes are buffered (the loop goes on:
/// the timer fires), and what it never took is dropped without an error.
#[test]
fn a_child_that_never_reads_does_not_stall_the_loop() {
    assert_prints(
        "never_reads",
        r#"var sys = require("sys");
var child = process.createChildProcess("sleep", ["0.3"]);
var chunk = new Array(65537).join("x");
for (var i = 0; i < 160; i++) child.write(chunk);
var timerFired = false;
setTimeout(function () { timerFired = true; }, 20);
child.addListener("exit", function (code) {
  sys.puts("exit " + code + ", timer fired meanwhile: " + timerFired);
  sys.puts("write after exit: " + child.write("more"));
});
"#,
        "exit 0, timer fired meanwhile: true\nwrite after exit: false\n",
    );
}

/// A child that dies in the middle of our writes (EPIPE) is no crash.
#[test]
fn a_child_dying_mid_write_is_no_crash() {
    assert_prints(
        "dies_mid_write",
        r#"var sys = require("sys");
var child = process.createChildProcess("head", ["-c", "10"]);
var out = "";
child.addListener("output", function (data) { if (data) out += data; });
child.addListener("exit", function (code) {
  sys.puts("exit " + code + " " + JSON.stringify(out));
});
var chunk = new Array(65537).join("y");
for (var i = 0; i < 64; i++) child.write(chunk);
child.close();
"#,
        "exit 0 \"yyyyyyyyyy\"\n",
    );
}

#[test]
fn children_killed_by_signals() {
    assert_prints(
        "killed",
        r#"var sys = require("sys");
var results = [];
function done(name) {
  return function (code) {
    results.push(name + " " + code);
    if (results.length === 3) sys.puts(results.sort().join("\n"));
  };
}
var a = process.createChildProcess("sleep", ["30"]);
a.addListener("exit", done("SIGTERM"));
a.kill();
var b = process.createChildProcess("sleep", ["30"]);
b.addListener("exit", done("SIGKILL"));
b.kill("SIGKILL");
// One that signals itself.
var c = process.createChildProcess("/bin/sh", ["-c", "kill -INT $$"]);
c.addListener("exit", done("self-SIGINT"));
"#,
        "SIGKILL 9\nSIGTERM 15\nself-SIGINT 2\n",
    );
}

#[test]
fn kill_errors() {
    assert_prints(
        "kill_errors",
        r#"var sys = require("sys");
var child = process.createChildProcess("true");
try { child.kill("SIGBOGUS"); } catch (e) { sys.puts(e.message); }
child.addListener("exit", function (code) {
  try { child.kill(); } catch (e) { sys.puts("after exit: " + e.message); }
});
"#,
        "Unknown signal: SIGBOGUS\nafter exit: ChildProcess already dead\n",
    );
}

/// 500 children one after another: afterwards the process has the file descriptors it had
/// before (none left open by a child's pipes) and no zombie child.
#[test]
fn five_hundred_children_leave_no_fds_or_zombies() {
    let source = r#"var sys = require("sys");
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
    sys.puts("fds " + (after === before ? "same" : before + " before, " + after + " after"));
    // Our children in state Z (the shell running awk is a child too, but not a zombie).
    sys.exec("awk '$4 == " + process.pid + " && $3 == \"Z\"' /proc/[0-9]*/stat")
      .addCallback(function (zombies) {
        sys.puts("zombies " + JSON.stringify(zombies));
      });
  });
}
"#;
    let (run, _dir) = run_js("five_hundred", source, &[]);
    assert_eq!(
        run.stdout, "outputs 500\nfds same\nzombies \"\"\n",
        "{}",
        run.stderr
    );
    assert_eq!(run.code(), 0);
}

/// Many children at once, each with its own output, all reaped.
#[test]
fn fifty_children_at_once() {
    assert_prints(
        "fifty",
        r#"var sys = require("sys");
var exits = 0, right = 0;
for (var i = 0; i < 50; i++) (function (i) {
  var child = process.createChildProcess("/bin/sh", ["-c", "echo " + i + "; exit " + (i % 4)]);
  var out = "";
  child.addListener("output", function (data) { if (data) out += data; });
  child.addListener("exit", function (code) {
    if (out === i + "\n" && code === i % 4) right++;
    if (++exits === 50) sys.puts(right + " right");
  });
})(i);
"#,
        "50 right\n",
    );
}

#[test]
fn output_is_utf8_unless_set() {
    assert_prints(
        "utf8_output",
        r#"var sys = require("sys");
var child = process.createChildProcess("printf", ["h\u00e9llo \u20ac"]);
var out = "";
child.addListener("output", function (data) { if (data) out += data; });
child.addListener("exit", function () {
  sys.puts(out.length + " " + (out === "h\u00e9llo \u20ac"));
});
"#,
        "7 true\n",
    );
}

#[test]
fn exec_success_and_failure() {
    assert_prints(
        "exec",
        r#"var sys = require("sys");
sys.exec("echo out; echo err >&2").addCallback(function (stdout, stderr) {
  sys.puts("success " + JSON.stringify([stdout, stderr]));
  sys.exec("echo some; false").addErrback(function (code, stdout, stderr) {
    sys.puts("failure " + JSON.stringify([code, stdout, stderr]));
    sys.exec("no-such-command-anywhere 2>/dev/null").addErrback(function (code) {
      sys.puts("not found " + code);
    });
  });
});
"#,
        "success [\"out\\n\",\"err\\n\"]\nfailure [1,\"some\\n\",\"\"]\nnot found 127\n",
    );
}

#[test]
fn exec_with_wait() {
    assert_prints(
        "exec_wait",
        r#"var sys = require("sys");
var promise = sys.exec("echo waited");
// Success has two values (stdout, stderr): wait() returns them as an array.
sys.puts("wait: " + JSON.stringify(promise.wait()));
"#,
        "wait: [\"waited\\n\",\"\"]\n",
    );
}
