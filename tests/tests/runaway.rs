//! A script that runs away (tests/scripts/runaway/driven/busy.js) is killable with Ctrl-C:
//! SIGINT with no listener ends it promptly with status 130, as a shell reports it, even from
//! inside a long loop, a long regular-expression match or a storm of stack overflows. (What
//! the language turns into errors is tests/scripts/runaway/'s.) The "ready" the script prints
//! before it gets busy must reach the test while it is busy: output does not wait for the
//! script to come back to the loop.

use integration::node_bin;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scripts/runaway/driven/busy.js"
);

/// Starts busy.js doing `how`, interrupts it once it is busy; returns the status as a shell
/// would report it and how long the process took to end after the signal.
fn interrupt(how: &str) -> (i32, Duration) {
    let mut child = Command::new(node_bin())
        .args([SCRIPT, how])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start node");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout).read_line(&mut line).expect("read");
    assert_eq!(line, "ready\n");
    // Well inside the busy part.
    std::thread::sleep(Duration::from_millis(300));
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    assert!(kill.is_ok_and(|s| s.success()));
    let sent = Instant::now();
    let limit = Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if sent.elapsed() > limit {
            let _ = child.kill();
            panic!("{how}: still running {limit:?} after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let code = status
        .code()
        .or_else(|| status.signal().map(|signal| 128 + signal))
        .unwrap_or(-1);
    (code, sent.elapsed())
}

#[test]
fn sigint_ends_an_infinite_loop() {
    let (code, took) = interrupt("loop");
    assert_eq!(code, 130);
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn sigint_ends_a_catastrophic_regex_match() {
    let (code, took) = interrupt("regex");
    assert_eq!(code, 130);
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn sigint_ends_a_storm_of_stack_overflows() {
    let (code, took) = interrupt("recursion");
    assert_eq!(code, 130);
    assert!(took < Duration::from_secs(2), "took {took:?}");
}
