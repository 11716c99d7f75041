//! What a script wrote to stdout is not lost when the process ends: on process.exit, on an
//! uncaught exception, and when SIGINT or SIGTERM kills it (no listener taking the signal) —
//! even while the script is busy. Expected behaviour from the issue "Old programs run
//! unchanged" (output written with `sys.puts` just before the process dies must not be lost);
//! the exit status a killed process shows is the signal's, as the default action gives it.

use integration::{node_bin, TempDir};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Runs `source`, waits until it writes "ready" on stderr, sends `signal` (a name for kill(1)),
/// and returns its stdout and how it ended.
fn kill_when_ready(name: &str, source: &str, signal: &str) -> (String, ExitStatus) {
    let dir = TempDir::new(name);
    let script = dir.write(&format!("{name}.js"), source);
    let mut child = Command::new(node_bin())
        .arg(&script)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let mut lines = BufReader::new(stderr).lines();
    match lines.next() {
        Some(Ok(line)) if line == "ready" => {}
        other => {
            let _ = child.kill();
            panic!("the script did not get ready: {other:?}");
        }
    }
    let sent = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill(1) runs");
    assert!(sent.success());
    let started = Instant::now();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_to_string(&mut stdout)
        .expect("stdout reads");
    let status = child.wait().expect("node ends");
    assert!(started.elapsed() < Duration::from_secs(10));
    (stdout, status)
}

/// Kills `script` with `signal` once it is ready: it prints `stdout` and dies of signal
/// number `number`.
fn dies_of_the_signal(name: &str, script: &str, signal: &str, number: i32, stdout: &str) {
    let (printed, status) = kill_when_ready(name, script, signal);
    assert_eq!(printed, stdout);
    assert_eq!(status.signal(), Some(number), "{status:?}");
}

const BUSY: &str = r#"var sys = require("sys");
sys.puts("written before the loop");
sys.error("ready");
while (true) {}
"#;

#[test]
fn sigterm_while_busy_flushes_stdout_then_dies_of_the_signal() {
    dies_of_the_signal("busy_term", BUSY, "TERM", 15, "written before the loop\n");
}

#[test]
fn sigint_while_busy_flushes_stdout_then_dies_of_the_signal() {
    dies_of_the_signal("busy_int", BUSY, "INT", 2, "written before the loop\n");
}

/// Nothing written to stdout yet: the thread that flushes it has not started (it starts with
/// the first write), and the signal's handler ends the process itself.
const BUSY_SILENT: &str = r#"require("sys").error("ready");
while (true) {}
"#;

#[test]
fn sigterm_while_busy_before_any_output_dies_of_the_signal() {
    dies_of_the_signal("silent_term", BUSY_SILENT, "TERM", 15, "");
}

#[test]
fn sigint_while_busy_before_any_output_dies_of_the_signal() {
    dies_of_the_signal("silent_int", BUSY_SILENT, "INT", 2, "");
}

#[test]
fn a_signal_with_a_listener_before_any_output_is_the_scripts() {
    let (stdout, status) = kill_when_ready(
        "silent_listener",
        r#"process.addListener("SIGINT", function () { require("sys").puts("SIGINT taken"); process.exit(5); });
require("sys").error("ready");
setTimeout(function () {}, 60000);
"#,
        "INT",
    );
    assert_eq!(stdout, "SIGINT taken\n");
    assert_eq!(status.code(), Some(5), "{status:?}");
}

#[test]
fn sigterm_while_idle_keeps_a_large_output_whole() {
    // 400 KB: more than a pipe holds, so some of it is still on its way when the signal comes.
    let (stdout, status) = kill_when_ready(
        "idle_term",
        r#"var sys = require("sys");
var line = new Array(100).join("x");
for (var i = 0; i < 4000; i++) sys.puts(line);
sys.puts("end");
setTimeout(function () { sys.error("ready"); }, 0);
setTimeout(function () {}, 60000);
"#,
        "TERM",
    );
    assert_eq!(
        stdout.len(),
        4000 * 100 + 4,
        "{}",
        &stdout[stdout.len() - 10..]
    );
    assert!(stdout.ends_with("end\n"));
    assert_eq!(status.signal(), Some(15), "{status:?}");
}

#[test]
fn a_signal_with_a_listener_is_the_scripts() {
    let (stdout, status) = kill_when_ready(
        "listener",
        r#"var sys = require("sys");
process.addListener("SIGTERM", function () { sys.puts("SIGTERM taken"); process.exit(4); });
sys.puts("waiting");
sys.error("ready");
setTimeout(function () {}, 60000);
"#,
        "TERM",
    );
    assert_eq!(stdout, "waiting\nSIGTERM taken\n");
    assert_eq!(status.code(), Some(4), "{status:?}");
}

/// Runs `source` to the end; its stdout and how it ended.
fn run(name: &str, source: &str) -> (String, ExitStatus) {
    let dir = TempDir::new(name);
    let script = dir.write(&format!("{name}.js"), source);
    let output = Command::new(node_bin())
        .arg(&script)
        .stdin(Stdio::null())
        .output()
        .expect("node runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status,
    )
}

#[test]
fn a_signal_sent_to_itself_flushes_first() {
    let (stdout, status) = run(
        "self_kill",
        r#"var sys = require("sys");
sys.puts("before the signal");
process.kill(process.pid, "SIGTERM");
while (true) {}
"#,
    );
    assert_eq!(stdout, "before the signal\n");
    assert_eq!(status.signal(), Some(15), "{status:?}");
}

#[test]
fn process_exit_and_uncaught_exceptions_flush_a_large_output() {
    let (stdout, status) = run(
        "exit",
        r#"var sys = require("sys");
var line = new Array(100).join("y");
for (var i = 0; i < 4000; i++) sys.puts(line);
process.exit(5);
"#,
    );
    assert_eq!(stdout.len(), 4000 * 100);
    assert_eq!(status.code(), Some(5));

    let (stdout, status) = run(
        "uncaught",
        r#"var sys = require("sys");
var line = new Array(100).join("z");
for (var i = 0; i < 4000; i++) sys.puts(line);
throw new Error("the end");
"#,
    );
    assert_eq!(stdout.len(), 4000 * 100);
    assert_eq!(status.code(), Some(1));
}
