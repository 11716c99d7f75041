//! Signals (the signal events of `process`, `process.kill`) and `process.watchFile`, with real
//! signals and real files.

use integration::{assert_prints, run_js};
use std::time::Duration;

#[test]
fn a_signal_sent_to_ourselves_reaches_its_listener() {
    assert_prints(
        "self_signal",
        r#"var sys = require("sys");
var count = 0;
// Something to keep the process alive while the signal is on its way.
var timer = setTimeout(function () { sys.puts("no signal"); }, 5000);
process.addListener("SIGUSR1", function () {
  count++;
  sys.puts("SIGUSR1, listener " + count);
  clearTimeout(timer);
});
process.addListener("SIGUSR1", function () { sys.puts("second listener"); });
// Removed and added again: still one call per delivery.
var third = function () { sys.puts("third listener"); };
process.addListener("SIGUSR1", third);
process.removeListener("SIGUSR1", third);
process.addListener("SIGUSR1", third);
process.kill(process.pid, "SIGUSR1");
"#,
        "SIGUSR1, listener 1\nsecond listener\nthird listener\n",
    );
}

/// A signal from another process (a child that signals its parent), and one whose default
/// action would end the process (SIGINT, SIGTERM) but has a listener.
#[test]
fn signals_from_another_process_and_listeners_replacing_the_default() {
    assert_prints(
        "other_process",
        r#"var sys = require("sys");
var got = [];
var timer = setTimeout(function () { sys.puts("timed out: " + got); }, 5000);
function note(name) {
  return function () {
    got.push(name);
    if (got.length === 3) {
      sys.puts(got.join(" "));
      clearTimeout(timer);
    }
  };
}
process.addListener("SIGUSR2", note("SIGUSR2"));
process.addListener("SIGINT", note("SIGINT"));
process.addListener("SIGTERM", note("SIGTERM"));
// Sent one at a time, so that two signals cannot arrive as one.
var child = process.createChildProcess("/bin/sh",
    ["-c", "kill -USR2 $PPID; sleep 0.1; kill -INT $PPID; sleep 0.1; kill -TERM $PPID"]);
"#,
        "SIGUSR2 SIGINT SIGTERM\n",
    );
}

/// As node 0.1.27's (unref'd) signal watchers: listening for a signal does not keep the process
/// alive.
#[test]
fn a_signal_listener_does_not_keep_the_process_alive() {
    let (run, _dir) = run_js(
        "no_keep_alive",
        r#"process.addListener("SIGHUP", function () {});
require("sys").puts("end of script");
"#,
        &[],
    );
    assert_eq!(run.stdout, "end of script\n", "{}", run.stderr);
    assert_eq!(run.code(), 0);
    assert!(
        run.elapsed < Duration::from_secs(2),
        "took {:?}",
        run.elapsed
    );
}

#[test]
fn kill_errors() {
    assert_prints(
        "kill_errors",
        r#"var sys = require("sys");
try { process.kill(process.pid, "SIGWHATEVER"); } catch (e) { sys.puts(e.message); }
// No such process: a pid above Linux's limit (2^22).
try { process.kill(4194305, "SIGTERM"); } catch (e) { sys.puts(e.code); }
try { process.addListener("SIGKILL", function () {}); } catch (e) { sys.puts(e.message); }
try { process.addListener("SIGSEGV", function () {}); } catch (e) { sys.puts(e.message); }
"#,
        "Unknown signal: SIGWHATEVER\nESRCH\ncannot watch SIGKILL: no handler can take it\ncannot watch SIGSEGV: no handler can take it\n",
    );
}

/// process.kill with the default signal (SIGTERM) ends a child.
#[test]
fn kill_a_child_by_pid() {
    assert_prints(
        "kill_pid",
        r#"var sys = require("sys");
var child = process.createChildProcess("sleep", ["30"]);
child.addListener("exit", function (code) { sys.puts("exit " + code); });
process.kill(child.pid);
"#,
        "exit 15\n",
    );
}

#[test]
fn watch_file_sees_a_change() {
    assert_prints(
        "watch_change",
        r#"var sys = require("sys");
var posix = require("posix");
var f = __dirname + "/watched";
sys.exec("echo one > " + f).addCallback(function () {
  var changes = 0;
  process.watchFile(f, { interval: 100 }, function (curr, prev) {
    changes++;
    sys.puts("size " + prev.size + " -> " + curr.size + ", Stats: " +
             (curr instanceof posix.Stats) + ", isFile: " + curr.isFile());
    process.unwatchFile(f);
  });
  setTimeout(function () { sys.exec("echo three >> " + f); }, 250);
});
"#,
        "size 4 -> 10, Stats: true, isFile: true\n",
    );
}

/// A file that is not there has zero stats; its appearing is a change. Two listeners on one
/// file share a watcher.
#[test]
fn watch_file_sees_a_file_appear() {
    assert_prints(
        "watch_appear",
        r#"var sys = require("sys");
var f = __dirname + "/later";
process.watchFile(f, { interval: 100 }, function (curr, prev) {
  sys.puts("first: nlink " + prev.nlink + " -> " + curr.nlink + ", size " + curr.size);
});
process.watchFile(f, { interval: 100 }, function (curr, prev) {
  sys.puts("second");
  process.unwatchFile(f);
});
// Written aside and renamed, so that the file appears whole.
sys.exec("printf 12345 > " + f + ".tmp && mv " + f + ".tmp " + f);
"#,
        "first: nlink 0 -> 1, size 5\nsecond\n",
    );
}

/// A persistent watcher keeps the process alive until unwatched; a non-persistent one does
/// not.
#[test]
fn persistent_and_non_persistent_watchers() {
    let (run, _dir) = run_js(
        "non_persistent",
        r#"process.watchFile(__filename, { persistent: false }, function () {});
require("sys").puts("exits");
"#,
        &[],
    );
    assert_eq!(run.stdout, "exits\n", "{}", run.stderr);
    assert!(
        run.elapsed < Duration::from_secs(2),
        "took {:?}",
        run.elapsed
    );

    let (run, _dir) = run_js(
        "persistent",
        r#"var sys = require("sys");
var start = new Date();
process.watchFile(__filename, function () {});
setTimeout(function () {
  process.unwatchFile(__filename);
  sys.puts("unwatched");
}, 300);
process.addListener("exit", function () {
  sys.puts("alive until unwatched: " + (new Date() - start >= 290));
});
"#,
        &[],
    );
    assert_eq!(
        run.stdout, "unwatched\nalive until unwatched: true\n",
        "{}",
        run.stderr
    );
    assert!(
        run.elapsed < Duration::from_secs(3),
        "took {:?}",
        run.elapsed
    );
}
