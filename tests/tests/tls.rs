//! TLS (`setSecure`, `verifyPeer`, `getPeerCertificate` on tcp and http) against real peers:
//! openssl's s_client and s_server, curl, modern node's https and tls modules, our own client
//! against our own server for every `verifyPeer()` value, and hostile peers. The certificates
//! are made for each test by tests/fixtures/tls/make-certs.sh (openssl); the scripts are in
//! tests/scripts/tls/driven/, the modern node peers in tests/scripts/tls/peers/.

use integration::{
    free_port, node_with_limit, peer_node, run_peer, scripts_dir, wait_for_port, PeerRun, Run,
    TempDir,
};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(90);

/// A fresh set of the tests' certificates (see make-certs.sh for what each is).
fn certs() -> TempDir {
    let dir = TempDir::new("tls-certs");
    let script = scripts_dir().join("../fixtures/tls/make-certs.sh");
    let run = run_peer(Command::new("bash").arg(script).arg(dir.path()), LIMIT);
    assert_eq!(run.code, Some(0), "make-certs.sh: {}", run.stderr);
    dir
}

fn certs_path(certs: &TempDir) -> String {
    certs.path().display().to_string()
}

fn cert_file(certs: &TempDir, name: &str) -> String {
    certs.path().join(name).display().to_string()
}

fn script(name: &str) -> PathBuf {
    scripts_dir().join("tls").join(name)
}

fn expected(name: &str) -> String {
    let path = script(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Runs our node on `tests/scripts/tls/NAME` with `args`.
fn ours(name: &str, args: &[&str]) -> Run {
    let mut all = vec![script(name).display().to_string()];
    all.extend(args.iter().map(|a| (*a).to_string()));
    node_with_limit(&all, LIMIT)
}

/// Runs our node on a server script, on a thread; returns when the port listens.
fn start_ours(name: &'static str, certs: &TempDir) -> (u16, JoinHandle<Run>) {
    let port = free_port();
    let args = [certs_path(certs), port.to_string()];
    let server = std::thread::spawn(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ours(name, &args)
    });
    assert!(wait_for_port(port, LIMIT), "our {name} did not listen");
    (port, server)
}

fn finished(server: JoinHandle<Run>) -> Run {
    let run = server.join().expect("server thread");
    run.assert_clean_exit();
    assert_eq!(run.code(), 0, "stderr: {}", run.stderr);
    run
}

/// Modern node (v20 or later).
///
/// # Panics
/// When it is not installed: a missing peer must fail these tests (CI installs it).
fn modern_node() -> PathBuf {
    peer_node().unwrap_or_else(|| panic!("modern node is needed as the peer of this test"))
}

/// Runs `command` with `input` on its standard input (closed after it), within the limit.
fn run_with_input(command: &mut Command, input: &[u8]) -> PeerRun {
    // `timeout` ends a hung peer, so that waiting for it cannot hang the test.
    let mut wrapped = Command::new("timeout");
    wrapped
        .arg(LIMIT.as_secs().to_string())
        .arg(command.get_program())
        .args(command.get_args())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("NODE_EXTRA_CA_CERTS");
    let mut child = wrapped.spawn().expect("start the peer");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).expect("write to the peer");
    }
    let output = child.wait_with_output().expect("wait for the peer");
    PeerRun {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn verify_peer_values_of_our_client_and_server() {
    let certs = certs();
    let port = free_port().to_string();
    let run = ours("driven/verify-matrix.js", &[&certs_path(&certs), &port]);
    run.assert_clean_exit();
    assert_eq!(run.stdout, expected("driven/verify-matrix.out"));
}

#[test]
fn set_secure_checks_its_arguments_at_once() {
    let certs = certs();
    let run = ours("driven/setsecure-errors.js", &[&certs_path(&certs)]);
    run.assert_clean_exit();
    assert_eq!(run.stdout, expected("driven/setsecure-errors.out"));
}

#[test]
fn half_close_drain_and_pause_over_tls() {
    let certs = certs();
    let port = free_port().to_string();
    let run = ours("driven/big-transfer.js", &[&certs_path(&certs), &port]);
    run.assert_clean_exit();
    assert_eq!(run.stdout, expected("driven/big-transfer.out"));
}

#[test]
fn openssl_s_client_against_our_tcp_server() {
    let certs = certs();
    // TLS 1.3 with a client certificate, then TLS 1.2 without one.
    for (version, with_certificate) in [("-tls1_3", true), ("-tls1_2", false)] {
        let (port, server) = start_ours("driven/echo-server.js", &certs);
        let mut command = Command::new("openssl");
        command.args(["s_client", "-quiet", "-verify_return_error", version]);
        command.args([
            "-connect",
            &format!("127.0.0.1:{port}"),
            "-servername",
            "localhost",
        ]);
        command.args(["-CAfile", &cert_file(&certs, "ca.pem")]);
        if with_certificate {
            command.args(["-cert", &cert_file(&certs, "client.pem")]);
            command.args(["-key", &cert_file(&certs, "client.key")]);
        }
        let client = run_with_input(&mut command, b"hello\nbye\n");
        assert_eq!(client.code, Some(0), "s_client: {}", client.stderr);
        let greeting = if with_certificate {
            "verifyPeer 1 C=UK,O=node.js,CN=client\n"
        } else {
            "verifyPeer 0 undefined\n"
        };
        assert!(client.stdout.starts_with(greeting), "{}", client.stdout);
        assert!(client.stdout.contains("echo hello\n"), "{}", client.stdout);
        let server = finished(server);
        assert_eq!(
            server.stdout,
            "received \"hello\\nbye\\n\", closed with error: false\n"
        );
    }
}

#[test]
fn our_tcp_client_against_openssl_s_server() {
    let certs = certs();
    let port = free_port();
    let mut command = Command::new("openssl");
    command.args([
        "s_server",
        "-rev",
        "-naccept",
        "1",
        "-accept",
        &port.to_string(),
    ]);
    command.args(["-cert", &cert_file(&certs, "server.pem")]);
    command.args(["-key", &cert_file(&certs, "server.key")]);
    // -Verify: the client must show a certificate that the CA signed.
    command.args(["-CAfile", &cert_file(&certs, "ca.pem"), "-Verify", "1"]);
    command.arg("-verify_return_error");
    let peer = std::thread::spawn(move || run_peer(&mut command, LIMIT));
    assert!(wait_for_port(port, LIMIT), "s_server did not listen");
    let run = ours(
        "driven/echo-client.js",
        &[&certs_path(&certs), &port.to_string()],
    );
    run.assert_clean_exit();
    assert_eq!(
        run.stdout,
        "verifyPeer 1 C=UK,ST=Acknack Ltd,L=Rhys Jones,O=node.js,OU=Test TLS Certificate,\
         CN=localhost\nanswer \"SLT olleh\\n\"\nclosed with error: false\n"
    );
    let peer = peer.join().expect("s_server thread");
    assert_eq!(
        peer.code,
        Some(0),
        "s_server: {}{}",
        peer.stdout,
        peer.stderr
    );
    // s_server tells of the handshake, and of the client's certificate, on stderr.
    assert!(
        peer.stderr.contains("CONNECTION ESTABLISHED"),
        "{}",
        peer.stderr
    );
}

/// A record header announcing a ClientHello, and the first bytes of one: a handshake begun.
const HANDSHAKE_START: &[u8] = &[
    0x16, 0x03, 0x01, 0x00, 0xc8, 0x01, 0x00, 0x00, 0xc4, 0x03, 0x03, 1, 2, 3, 4, 5, 6, 7, 8,
];

/// Sends `bytes`, optionally ends our side, and reads until the server closes: how long
/// that took.
fn hostile(port: u16, bytes: &[u8], end_our_side: bool) -> Duration {
    let started = Instant::now();
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    socket.set_read_timeout(Some(LIMIT)).expect("timeout");
    socket.write_all(bytes).expect("send");
    if end_our_side {
        socket
            .shutdown(std::net::Shutdown::Write)
            .expect("shutdown");
    }
    let mut answer = Vec::new();
    // A reset is a close too.
    let _ = socket.read_to_end(&mut answer);
    assert!(
        !String::from_utf8_lossy(&answer).contains("HTTP/1.1"),
        "a TLS port answered in the clear"
    );
    started.elapsed()
}

#[test]
fn curl_and_hostile_peers_against_our_https_server() {
    let certs = certs();
    let (port, server) = start_ours("driven/https-server.js", &certs);
    // A peer that begins a handshake and says no more: kept open meanwhile.
    let mut silent = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    silent.write_all(HANDSHAKE_START).expect("send");

    // Garbage, plain HTTP, and a handshake cut short: each is closed, the server goes on.
    let garbage: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
    hostile(port, &garbage, false);
    hostile(port, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", false);
    hostile(port, HANDSHAKE_START, true);

    let url = format!("https://localhost:{port}/");
    let resolve = format!("localhost:{port}:127.0.0.1");
    let ca = cert_file(&certs, "ca.pem");
    let curl = |extra: &[&str], url: &str| {
        let mut command = Command::new("curl");
        command.args(["-s", "-i", "--resolve", &resolve, "--cacert", &ca]);
        command.args(extra).arg(url);
        let run = run_peer(&mut command, LIMIT);
        assert_eq!(run.code, Some(0), "curl: {}", run.stderr);
        run.stdout
    };
    let anonymous = curl(&[], &url);
    assert!(anonymous.starts_with("HTTP/1.1 200 OK\r\n"), "{anonymous}");
    assert!(anonymous.contains("X-Verify-Peer: 0\r\n"), "{anonymous}");
    assert!(anonymous.ends_with("\r\n\r\nHello World\n"), "{anonymous}");
    let client_cert = cert_file(&certs, "client.pem");
    let client_key = cert_file(&certs, "client.key");
    let known = curl(&["--cert", &client_cert, "--key", &client_key], &url);
    assert!(known.contains("X-Verify-Peer: 1\r\n"), "{known}");
    assert!(
        known.contains("X-Peer-DN: C=UK,O=node.js,CN=client\r\n"),
        "{known}"
    );

    // The silent peer is dropped by its idle timeout (2 s in the script).
    silent.set_read_timeout(Some(LIMIT)).expect("timeout");
    let mut rest = Vec::new();
    let started = Instant::now();
    let _ = silent.read_to_end(&mut rest);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "the silent peer was kept"
    );

    let quit = curl(&[], &format!("https://localhost:{port}/quit"));
    assert!(quit.ends_with("bye"), "{quit}");
    let server = finished(server);
    assert_eq!(
        server.stdout,
        "requests served: 3; connections closed in error: 4\n"
    );
}

#[test]
fn modern_node_https_client_against_our_https_server() {
    let certs = certs();
    let (port, server) = start_ours("driven/https-server.js", &certs);
    let mut command = Command::new(modern_node());
    command
        .arg(script("peers/node-https-client.js"))
        .arg(certs.path())
        .arg(port.to_string());
    let client = run_peer(&mut command, LIMIT);
    assert_eq!(
        client.code,
        Some(0),
        "node: {}{}",
        client.stdout,
        client.stderr
    );
    assert_eq!(
        client.stdout,
        "GET / 200 \"Hello World\\n\" verifyPeer 1 DN C=UK,O=node.js,CN=client\n\
         POST /echo 200 chunked \"first piece, second piece, the end\"\n\
         connections used: 1\n\
         quit bye\n"
    );
    let server = finished(server);
    assert_eq!(
        server.stdout,
        "requests served: 3; connections closed in error: 0\n"
    );
}

#[test]
fn modern_node_tls_client_against_our_tcp_server() {
    let certs = certs();
    let (port, server) = start_ours("driven/echo-server.js", &certs);
    let mut command = Command::new(modern_node());
    command
        .arg(script("peers/node-tls-client.js"))
        .arg(certs.path())
        .arg(port.to_string());
    let client = run_peer(&mut command, LIMIT);
    assert_eq!(
        client.code,
        Some(0),
        "node: {}{}",
        client.stdout,
        client.stderr
    );
    assert!(
        client
            .stdout
            .starts_with("authorized true\nverifyPeer 1 C=UK,O=node.js,CN=client\n"),
        "{}",
        client.stdout
    );
    assert!(client.stdout.ends_with("ended\n"), "{}", client.stdout);
    let server = finished(server);
    assert_eq!(
        server.stdout,
        "received \"hello\\nbye\\n\", closed with error: false\n"
    );
}

#[test]
fn our_http_client_against_modern_node_https_server() {
    let certs = certs();
    let port = free_port();
    let mut command = Command::new(modern_node());
    command
        .arg(script("peers/node-https-server.js"))
        .arg(certs.path())
        .arg(port.to_string());
    let peer = std::thread::spawn(move || run_peer(&mut command, LIMIT));
    assert!(wait_for_port(port, LIMIT), "the node server did not listen");
    let run = ours(
        "driven/https-client.js",
        &[&certs_path(&certs), &port.to_string()],
    );
    run.assert_clean_exit();
    let dn = "C=UK,ST=Acknack Ltd,L=Rhys Jones,O=node.js,OU=Test TLS Certificate,CN=localhost";
    assert_eq!(
        run.stdout,
        format!(
            "/one: 200 chunked; verifyPeer 1 {dn}; \"request 1 GET /one on connection 1; \
             authorized true, client client\\n\"\n\
             /two: 200 chunked; verifyPeer 1 {dn}; \"request 2 GET /two on connection 1; \
             authorized true, client client\\n\"\n\
             closed with error: false\n"
        )
    );
    let peer = peer.join().expect("node thread");
    assert_eq!(peer.code, Some(0), "node: {}", peer.stderr);
}

#[test]
fn http_client_reconnects_securely_and_failed_handshakes_close_in_error() {
    let certs = certs();
    let port = free_port();
    let plain_port = std::iter::repeat_with(free_port)
        .find(|&other| other != port)
        .unwrap_or(0);
    let (port, plain_port) = (port.to_string(), plain_port.to_string());
    let run = ours(
        "driven/client-reconnects-and-failures.js",
        &[&certs_path(&certs), &port, &plain_port],
    );
    run.assert_clean_exit();
    assert_eq!(
        run.stdout,
        expected("driven/client-reconnects-and-failures.out")
    );
}

#[test]
fn our_tcp_client_against_modern_node_tls_server() {
    let certs = certs();
    let port = free_port();
    let mut command = Command::new(modern_node());
    command
        .arg(script("peers/node-tls-server.js"))
        .arg(certs.path())
        .arg(port.to_string());
    let peer = std::thread::spawn(move || run_peer(&mut command, LIMIT));
    assert!(wait_for_port(port, LIMIT), "the node server did not listen");
    let run = ours(
        "driven/echo-client.js",
        &[&certs_path(&certs), &port.to_string()],
    );
    run.assert_clean_exit();
    assert_eq!(
        run.stdout,
        "verifyPeer 1 C=UK,ST=Acknack Ltd,L=Rhys Jones,O=node.js,OU=Test TLS Certificate,\
         CN=localhost\nanswer \"authorized true, client client: HELLO TLS\\n\"\n\
         closed with error: false\n"
    );
    let peer = peer.join().expect("node thread");
    assert_eq!(peer.code, Some(0), "node: {}", peer.stderr);
}
