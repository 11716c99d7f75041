//! `conformance/run.sh --node PATH`: the API document's examples run against another
//! implementation, and the report says which behave as the document says and why the others
//! do not. Modern node (v20) is the real other implementation here: it fails the 2010 API's
//! examples, each for a reason the report must name. Small shell scripts stand in for a
//! binary that hangs, dies by a signal or prints the wrong thing, so that each kind of reason
//! is checked exactly.

use integration::{peer_node, run_peer, PeerRun, TempDir};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// run.sh runs each example under `timeout` (30 s by default); a handful of examples on a
/// loaded machine stay far below this.
const LIMIT: Duration = Duration::from_secs(300);

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Modern node. A missing peer fails the test rather than letting it pass unchecked (CI
/// installs node).
fn modern_node() -> PathBuf {
    match peer_node() {
        Some(node) => node,
        None => panic!("modern node is needed for this test: install it, or set PEER_NODE"),
    }
}

/// Runs `conformance/run.sh --node NODE EXAMPLES...`.
fn run_conformance(node: &str, examples: &[&str], env: &[(&str, &str)]) -> PeerRun {
    let mut command = Command::new(workspace().join("conformance/run.sh"));
    command.arg("--node").arg(node).args(examples);
    for (key, value) in env {
        command.env(key, value);
    }
    run_peer(&mut command, LIMIT)
}

/// The report's lines that start with `prefix`, for the assertion messages and checks.
fn lines_starting<'a>(run: &'a PeerRun, prefix: &str) -> Vec<&'a str> {
    run.stdout
        .lines()
        .filter(|line| line.starts_with(prefix))
        .collect()
}

/// Asserts that the report has `line`, exactly, as one of its lines.
fn assert_line(run: &PeerRun, line: &str) {
    assert!(
        run.stdout.lines().any(|l| l == line),
        "the report lacks the line\n  {line}\nreport:\n{}\nstderr:\n{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn modern_node_fails_the_2010_examples_and_the_report_says_why() {
    let node = modern_node();
    let run = run_conformance(
        &node.to_string_lossy(),
        &[
            "api/sys/puts-print.js",
            "api/posix/cat.js",
            "api/modules/mixin.js",
            "api/process/exit.js",
            "api/path/exists.js",
        ],
        &[],
    );
    assert_eq!(
        run.code,
        Some(1),
        "failures make run.sh exit 1: {}",
        run.stdout
    );
    // Which failed, and the reason: the exception node threw, the first line of stdout the
    // document shows that node did not print, the exit status.
    assert_line(
        &run,
        "FAIL api/sys/puts-print.js: TypeError: sys.print is not a function; stdout is empty, \
         expected \"one, two, three\" first; exit status 1, expected 0",
    );
    assert_line(
        &run,
        "FAIL api/posix/cat.js: Error: Cannot find module 'posix'; stdout is empty, expected \
         \"root:x:0:0:root:/root:/bin/bash\" first; exit status 1, expected 0",
    );
    assert_line(
        &run,
        "FAIL api/modules/mixin.js: ReferenceError: GLOBAL is not defined; stdout is empty, \
         expected \"The area of a circle of radius 4 is 50.24\" first; exit status 1, expected 0",
    );
    // process.exit(3): the status the document asks for is named.
    assert_line(
        &run,
        "FAIL api/process/exit.js: TypeError: sys.puts is not a function; stdout is empty, \
         expected \"before exit\" first; exit status 1, expected 3",
    );
    // path.exists: node 20 has no such function, and the line sys.debug should have written
    // to stderr is missing.
    assert_line(
        &run,
        "FAIL api/path/exists.js: TypeError: require(...).exists is not a function; stdout is \
         empty, expected \"/no/such/path/here exists: false\" first; exit status 1, expected 0; \
         stderr lacks \"DEBUG: it's there\"",
    );
    // The details under a failure: the diff and the start of node's stderr.
    assert!(
        run.stdout.contains("    -one, two, three\n"),
        "no diff of stdout: {}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("      TypeError: sys.print is not a function\n"),
        "no stderr excerpt: {}",
        run.stdout
    );
    // The tally, most common reason first, then the summary line last.
    let tally: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|line| *line != "why they failed (examples, first reason):")
        .collect();
    assert_eq!(
        tally,
        [
            "why they failed (examples, first reason):",
            "  1 Error: Cannot find module 'posix'",
            "  1 ReferenceError: GLOBAL is not defined",
            "  1 TypeError: require(...).exists is not a function",
            "  1 TypeError: sys.print is not a function",
            "  1 TypeError: sys.puts is not a function",
            "0 passed, 5 failed",
        ],
        "report:\n{}",
        run.stdout
    );
}

#[test]
fn with_the_stand_in_modules_modern_node_passes_some_and_the_report_shows_the_first_difference() {
    let node = modern_node();
    let shim = workspace().join("conformance/modern-node.js");
    // NODE is split into words: node with -r loads our modules in place of node's.
    let with_shim = format!("{} -r {}", node.display(), shim.display());
    let run = run_conformance(
        &with_shim,
        &[
            "api/sys/puts-print.js",
            "api/process/memory-usage.js",
            "api/timers/set-timeout.js",
        ],
        &[],
    );
    assert_eq!(run.code, Some(1), "report:\n{}", run.stdout);
    assert_eq!(
        lines_starting(&run, "PASS "),
        [
            "PASS api/sys/puts-print.js",
            "PASS api/timers/set-timeout.js"
        ],
        "report:\n{}",
        run.stdout
    );
    // Node 20's memoryUsage() has other keys than v0.1.27's: the first differing line, what
    // node printed against what the document shows.
    assert_line(
        &run,
        "FAIL api/process/memory-usage.js: stdout line 1 is \
         \"[\\\"rss\\\",\\\"heapTotal\\\",\\\"heapUsed\\\",\\\"external\\\",\\\"arrayBuffers\\\"]\", \
         expected \"[\\\"rss\\\",\\\"vsize\\\",\\\"heapTotal\\\",\\\"heapUsed\\\"]\"",
    );
    assert_line(&run, "  1 wrong stdout");
    assert_eq!(run.stdout.lines().last(), Some("2 passed, 1 failed"));
}

/// Writes an executable shell script standing in for a node binary.
fn fake_node(dir: &TempDir, name: &str, body: &str) -> String {
    let path = dir.write(name, format!("#!/bin/sh\n{body}\n"));
    let mut permissions = std::fs::metadata(&path)
        .unwrap_or_else(|error| panic!("stat {}: {error}", path.display()))
        .permissions();
    permissions.set_mode(0o755);
    std::fs::set_permissions(&path, permissions)
        .unwrap_or_else(|error| panic!("chmod {}: {error}", path.display()));
    path.to_string_lossy().into_owned()
}

#[test]
fn each_kind_of_failure_has_its_reason() {
    let dir = TempDir::new("conformance-fake");
    let example = ["api/sys/puts-print.js"];
    // puts-print.js must print these three lines.
    let hangs = fake_node(&dir, "hangs", "exec sleep 60");
    let run = run_conformance(&hangs, &example, &[("CONFORMANCE_TIMEOUT", "1")]);
    assert_line(
        &run,
        "FAIL api/sys/puts-print.js: timed out after 1 s (CONFORMANCE_TIMEOUT); stdout is empty, \
         expected \"one, two, three\" first; exit status 124, expected 0",
    );

    let killed = fake_node(&dir, "killed", "echo 'one, two, three'; kill -KILL $$");
    let run = run_conformance(&killed, &example, &[]);
    assert_line(
        &run,
        "FAIL api/sys/puts-print.js: killed by signal 9; stdout stops after line 1, expected \
         \"four\" next; exit status 137, expected 0",
    );

    let wrong_line = fake_node(
        &dir,
        "wrong-line",
        "printf 'one, two, three\\nfour\\nsix\\n'",
    );
    let run = run_conformance(&wrong_line, &example, &[]);
    assert_line(
        &run,
        "FAIL api/sys/puts-print.js: stdout line 3 is \"six\", expected \"five\"",
    );

    let extra_line = fake_node(
        &dir,
        "extra-line",
        "printf 'one, two, three\\nfour\\nfive\\nsix\\n'; exit 3",
    );
    let run = run_conformance(&extra_line, &example, &[]);
    assert_line(
        &run,
        "FAIL api/sys/puts-print.js: stdout line 4 is \"six\", expected nothing more; exit \
         status 3, expected 0",
    );
    assert_line(&run, "  1 wrong stdout");

    let right = fake_node(&dir, "right", "printf 'one, two, three\\nfour\\nfive\\n'");
    let run = run_conformance(&right, &example, &[]);
    assert_eq!(run.code, Some(0), "report:\n{}", run.stdout);
    assert_eq!(
        run.stdout,
        "PASS api/sys/puts-print.js\n1 passed, 0 failed\n"
    );
}

#[test]
fn a_binary_that_is_not_there_stops_the_run() {
    let run = run_conformance("/no/such/node", &["api/sys/puts-print.js"], &[]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        "run.sh: cannot run /no/such/node (no such file, or not executable)\n"
    );
    assert_eq!(run.stdout, "");
}
