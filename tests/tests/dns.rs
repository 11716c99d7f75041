//! The DNS module against a real DNS server: dnsmasq (or a server that never answers, or one
//! that answers garbage) on 127.0.0.1:53 of a private network, with a resolv.conf of the test's
//! own bind-mounted over /etc/resolv.conf — `tools/dns-sandbox/run.sh`, which needs root (CI
//! and the tests run as root) and unshare, ip, dnsmasq and modern node. Nothing on the machine
//! is changed and no query leaves it. The scripts are in tests/scripts/dns/driven/; what needs
//! no server (codes, unknown types, bad addresses) is the plain script test
//! tests/scripts/dns/arguments.js.

use integration::{node_bin, scripts_dir};
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a sandboxed run printed, and whether it exited with 0.
struct Sandboxed {
    stdout: String,
    stderr: String,
    success: bool,
}

/// Runs our node on `tests/scripts/dns/driven/SCRIPT` inside the sandbox, started with
/// `sandbox_args` (its server and resolv.conf lines), and with `script_args` after the script.
///
/// # Panics
/// When the sandbox cannot be started or runs past a limit only a hang would hit (it is
/// killed, and everything in it with it).
fn sandboxed(sandbox_args: &[&str], script: &str, script_args: &[&str]) -> Sandboxed {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let script_path = scripts_dir().join("dns/driven").join(script);
    let mut child = Command::new(root.join("tools/dns-sandbox/run.sh"))
        .args(sandbox_args)
        .arg("--")
        .arg(node_bin())
        .arg(&script_path)
        .args(script_args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tools/dns-sandbox/run.sh");
    let mut stdout_pipe = child.stdout.take().expect("stdout is piped");
    let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
    let stdout = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout_pipe.read_to_string(&mut text);
        text
    });
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait for the sandbox") {
            Some(status) => break status,
            None if started.elapsed() > Duration::from_secs(120) => {
                // unshare's --kill-child takes the whole sandbox down with it.
                let _ = child.kill();
                let _ = child.wait();
                panic!("{script} ran longer than 120 s in the DNS sandbox");
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    Sandboxed {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        success: status.success(),
    }
}

/// The expected output of a driven script: its `.out` file.
fn expected(script: &str) -> String {
    let path = scripts_dir()
        .join("dns/driven")
        .join(script.replace(".js", ".out"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn assert_prints(run: &Sandboxed, expected: &str) {
    assert_eq!(run.stdout, expected, "stderr:\n{}", run.stderr);
    assert!(run.success, "exit status not 0; stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "", "nothing on stderr");
}

#[test]
fn every_call_succeeds_with_records_ttl_and_cname() {
    let run = sandboxed(&["-r", "search test"], "every-call.js", &[]);
    assert_prints(&run, &expected("every-call.js"));
}

#[test]
fn nxdomain_nodata_tempfail_and_badquery_from_the_server() {
    let run = sandboxed(&["-r", "search test"], "errors.js", &[]);
    assert_prints(&run, &expected("errors.js"));
}

#[test]
fn no_server_at_all_is_tempfail() {
    // Nothing listens on 127.0.0.1:53: the resolver's socket is connected, so the kernel's
    // "port unreachable" ends each try at once (without it, each would wait out its timeout).
    let run = sandboxed(
        &["-s", "none", "-o", "timeout:1 attempts:1"],
        "fails-with.js",
        &["TEMPFAIL"],
    );
    assert_prints(&run, "7 of 7 failed with TEMPFAIL\n");
}

#[test]
fn a_garbled_answer_is_protocol() {
    let run = sandboxed(&["-s", "garbage"], "fails-with.js", &["PROTOCOL"]);
    assert_prints(&run, "7 of 7 failed with PROTOCOL\n");
}

#[test]
fn a_silent_server_is_tempfail_after_the_timeout_while_the_loop_runs() {
    let run = sandboxed(
        &["-s", "silent", "-o", "timeout:1 attempts:2"],
        "timeout-keeps-the-loop-running.js",
        &[],
    );
    assert_prints(&run, &expected("timeout-keeps-the-loop-running.js"));
}

#[test]
fn a_thousand_concurrent_queries_all_settle() {
    let run = sandboxed(&[], "a-thousand-at-once.js", &[]);
    assert_prints(&run, "sent 1000\n900 answered, 100 NXDOMAIN, 0 wrong\n");
}

#[test]
fn a_thousand_queries_to_a_silent_server_all_fail_after_the_timeout() {
    let run = sandboxed(
        &["-s", "silent", "-o", "timeout:2 attempts:1"],
        "a-thousand-to-a-silent-server.js",
        &[],
    );
    assert_prints(&run, &expected("a-thousand-to-a-silent-server.js"));
}

#[test]
fn answers_that_come_together_survive_callbacks_that_wait_or_throw() {
    let run = sandboxed(&[], "callbacks-that-wait-or-throw.js", &[]);
    assert_prints(&run, &expected("callbacks-that-wait-or-throw.js"));
}

/// A resolv.conf without a `nameserver` line means the server on this machine (resolv.conf(5),
/// glibc and udns alike), never a public one: the sandbox's dnsmasq on 127.0.0.1 answers.
#[test]
fn no_nameserver_line_means_the_local_server() {
    let run = sandboxed(&["-N", "-r", "search test"], "no-nameserver-line.js", &[]);
    assert_prints(&run, &expected("no-nameserver-line.js"));
}

/// resolv.conf's `ndots` decides whether a name is tried as it is before the search list, and
/// its nameservers are asked in order, the next when one does not answer in its `timeout`.
#[test]
fn ndots_and_nameserver_order_are_resolv_confs() {
    let run = sandboxed(
        &["-r", "search test", "-o", "ndots:1"],
        "search-order.js",
        &[],
    );
    assert_prints(&run, "[\"10.0.0.31\"] sub.test\n");
    let run = sandboxed(
        &["-r", "search test", "-o", "ndots:2"],
        "search-order.js",
        &[],
    );
    assert_prints(&run, "[\"10.0.0.32\"] sub.test.test\n");
    let run = sandboxed(
        &[
            "-N",
            "-r",
            "nameserver 127.0.0.2",
            "-r",
            "nameserver 127.0.0.1",
            "-r",
            "search test",
            "-o",
            "timeout:1",
        ],
        "search-order.js",
        &[],
    );
    assert_prints(&run, "[\"10.0.0.31\"] sub.test\n");
}

/// Answers from another port, with another id or for another question are ignored, and a
/// truncated answer is asked again over TCP.
#[test]
fn only_the_real_answer_counts_and_a_truncated_one_goes_to_tcp() {
    let run = sandboxed(&["-s", "tricky"], "tricky-server.js", &[]);
    assert_prints(&run, "[\"10.9.8.7\"] 77 big.test\n");
}
