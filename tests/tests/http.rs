//! HTTP (the API document's "HTTP") against real peers: curl, modern node's http client
//! against our server, our client against a modern node server, and raw sockets for what
//! well-behaved clients never send.

use integration::{
    free_port, peer_node, run_peer, script_source, spawn_js, wait_for_port, PeerRun, Run, TempDir,
};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(60);

/// Starts our server (tests/scripts/http/driven/server.js: what each path does is said there)
/// on a free port; returns the port and the thread running it.
fn start_server() -> (u16, std::thread::JoinHandle<(Run, TempDir)>) {
    let port = free_port();
    let server = spawn_js(
        "server",
        &script_source("http/driven/server.js"),
        &[&port.to_string()],
        LIMIT,
    );
    assert!(wait_for_port(port, LIMIT), "the server did not listen");
    (port, server)
}

/// Asks the server to quit and checks it ended well; returns what it printed.
fn stop_server(port: u16, server: std::thread::JoinHandle<(Run, TempDir)>) -> String {
    let quit = curl(&["-s", &format!("http://127.0.0.1:{port}/quit")]);
    assert_eq!(quit.stdout, "bye");
    let (run, _dir) = server.join().expect("server thread");
    run.assert_clean_exit();
    assert_eq!(run.code(), 0, "stderr: {}", run.stderr);
    run.stdout
}

fn curl(args: &[&str]) -> PeerRun {
    let run = run_peer(Command::new("curl").args(args), LIMIT);
    assert_eq!(run.code, Some(0), "curl {args:?}: {}", run.stderr);
    run
}

/// Modern node, the peer of three tests.
///
/// # Panics
/// When it is not installed: a missing peer must fail these tests, not let them pass without
/// checking anything (CI installs it).
fn modern_node_bin() -> std::path::PathBuf {
    match peer_node() {
        Some(node) => node,
        None => panic!(
            "modern node (v20 or later) is needed as the peer of this test: install it, or set \
             PEER_NODE to its path"
        ),
    }
}

/// Runs `source` on modern node with `args`.
fn modern_node(source: &str, args: &[&str]) -> PeerRun {
    let dir = TempDir::new("peer");
    let script = dir.write("peer.js", source);
    let run = run_peer(
        Command::new(modern_node_bin()).arg(script).args(args),
        LIMIT,
    );
    assert_eq!(run.code, Some(0), "modern node: {}", run.stderr);
    run
}

/// Starts a modern node server (`source`, given its port as argument) on a free port. Join
/// the handle for how it ended.
fn start_peer_server(source: &str) -> (u16, std::thread::JoinHandle<PeerRun>, TempDir) {
    let node = modern_node_bin();
    let port = free_port();
    let dir = TempDir::new("peer-server");
    let script = dir.write("server.js", source);
    let mut command = Command::new(node);
    command.arg(&script).arg(port.to_string());
    let peer = std::thread::spawn(move || run_peer(&mut command, LIMIT));
    assert!(wait_for_port(port, LIMIT), "the node server did not listen");
    (port, peer, dir)
}

/// Sends `request` on a fresh socket and reads until the server closes it.
fn raw_exchange(port: u16, request: &[u8]) -> String {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    socket.set_read_timeout(Some(LIMIT)).expect("timeout");
    // A server that answers early may close before it has read all: that is fine.
    let _ = socket.write_all(request);
    let mut answer = Vec::new();
    let _ = socket.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn curl_hello_world_head_http10_keep_alive_and_chunked_upload() {
    let (port, server) = start_server();
    let url = format!("http://127.0.0.1:{port}/hello");

    let get = curl(&["-s", "-i", &url]);
    assert!(
        get.stdout.starts_with("HTTP/1.1 200 OK\r\n"),
        "{}",
        get.stdout
    );
    assert!(get.stdout.contains("Transfer-Encoding: chunked\r\n"));
    assert!(get.stdout.contains("Connection: keep-alive\r\n"));
    assert!(get.stdout.ends_with("\r\n\r\nHello World\n"));

    let head = curl(&["-s", "-I", &url]);
    assert!(head.stdout.starts_with("HTTP/1.1 200 OK\r\n"));
    assert!(
        !head.stdout.contains("Transfer-Encoding"),
        "no body, no framing: {}",
        head.stdout
    );

    // HTTP/1.0: no chunks; the end of the connection ends the body.
    let old = curl(&["-s", "-i", "-0", &url]);
    assert!(
        old.stdout.contains("Connection: close\r\n"),
        "{}",
        old.stdout
    );
    assert!(!old.stdout.contains("chunked"));
    assert!(old.stdout.ends_with("\r\n\r\nHello World\n"));

    // Three requests, one connection.
    let again = curl(&["-s", "-w", " %{num_connects}", &url, &url, &url]);
    assert_eq!(
        again.stdout,
        "Hello World\n 1Hello World\n 0Hello World\n 0"
    );

    // A chunked upload of 300 KB.
    let dir = TempDir::new("upload");
    let file = dir.write("data", vec![b'a'; 300_000]);
    let upload = curl(&[
        "-s",
        "-H",
        "Transfer-Encoding: chunked",
        "--data-binary",
        &format!("@{}", file.display()),
        &format!("http://127.0.0.1:{port}/upload"),
    ]);
    assert_eq!(upload.stdout, "POST 300000");
    stop_server(port, server);
}

#[test]
fn modern_node_client_against_our_server() {
    let (port, server) = start_server();
    let peer = modern_node(
        &script_source("http/driven/peer-modern-client.js"),
        &[&port.to_string()],
    );
    assert_eq!(
        peer.stdout,
        "keep-alive true chunked true\nchunked upload POST 100007\n10 MB upload PUT 10485760 paused\n\
         slow reader 10485760\nconcurrent ok 1000\n"
    );
    stop_server(port, server);
}

#[test]
fn our_client_against_a_modern_node_server() {
    let (port, peer, _dir) = start_peer_server(&script_source("http/driven/peer-modern-server.js"));
    let (run, _dir) = integration::run_js(
        "client",
        &script_source("http/driven/client.js"),
        &[&port.to_string()],
    );
    assert_eq!(
        run.stdout,
        "200 1.1 chunked: one two three\nconnections so far 1\nupload: POST 100006 chunked\n\
         downloaded 10485760 true\ncat: bye\n",
        "stderr: {}",
        run.stderr
    );
    let peer = peer.join().expect("peer thread");
    assert_eq!(peer.code, Some(0), "{}", peer.stderr);
}

#[test]
fn client_disconnecting_mid_response() {
    let (port, server) = start_server();
    {
        let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        socket
            .write_all(b"GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
            .expect("write");
        let mut some = [0u8; 200];
        let n = socket.read(&mut some).expect("read");
        assert!(String::from_utf8_lossy(&some[..n]).starts_with("HTTP/1.1 200 OK"));
        std::thread::sleep(Duration::from_millis(50));
    } // dropped mid-stream
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(
        curl(&["-s", &format!("http://127.0.0.1:{port}/hello")]).stdout,
        "Hello World\n"
    );
    let printed = stop_server(port, server);
    assert_eq!(printed, "stream client gone\n");
}

#[test]
fn malformed_oversized_and_pipelined_requests() {
    let (port, server) = start_server();
    let bad = raw_exchange(port, b"THIS IS NOT HTTP\r\n\r\n");
    assert!(bad.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{bad}");
    assert!(bad.contains("Connection: close\r\n"));

    let huge = format!(
        "GET /hello HTTP/1.1\r\nX-Big: {}\r\n\r\n",
        "b".repeat(100 * 1024)
    );
    let answer = raw_exchange(port, huge.as_bytes());
    assert!(
        answer.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
        "{answer}"
    );

    let bad_chunk = raw_exchange(
        port,
        b"POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    );
    assert!(
        bad_chunk.starts_with("HTTP/1.1 400 Bad Request\r\n"),
        "{bad_chunk}"
    );

    // Three requests in one write: three answers in order, then the close asked for.
    let answers = raw_exchange(
        port,
        b"POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi\
GET /hello HTTP/1.1\r\n\r\n\
PUT /c HTTP/1.1\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc",
    );
    assert_eq!(answers.matches("HTTP/1.1 200 OK").count(), 3, "{answers}");
    let at = |text: &str| {
        answers
            .find(text)
            .unwrap_or_else(|| panic!("no {text:?} in {answers}"))
    };
    assert!(
        at("POST 2") < at("Hello World") && at("Hello World") < at("PUT 3"),
        "{answers}"
    );

    // Still serving.
    assert_eq!(
        curl(&["-s", &format!("http://127.0.0.1:{port}/hello")]).stdout,
        "Hello World\n"
    );
    stop_server(port, server);
}

/// A 20 MB file posted by `curl -F` goes through multipart.Stream part by part and chunk by
/// chunk: the server counts it without holding it.
#[test]
fn multipart_upload_of_20_mb_from_curl() {
    let port = free_port();
    let server = spawn_js(
        "multipart",
        &script_source("http/driven/multipart-server.js"),
        &[&port.to_string()],
        LIMIT,
    );
    assert!(wait_for_port(port, LIMIT));
    let dir = TempDir::new("multipart");
    let mut data = vec![b'm'; 20 * 1024 * 1024];
    data[0] = b'A';
    let end = data.len() - 1;
    data[end] = b'Z';
    let file = dir.write("big.bin", &data);
    let upload = curl(&[
        "-s",
        "-F",
        "title=twenty",
        "-F",
        &format!("file=@{}", file.display()),
        &format!("http://127.0.0.1:{port}/"),
    ]);
    assert_eq!(
        upload.stdout,
        "title=:6:116:121 file=big.bin:20971520:65:90 true"
    );
    let (run, _dir) = server.join().expect("server thread");
    assert_eq!(run.code(), 0, "{}", run.stderr);
    let peak = run.peak_rss_kib.unwrap_or(0);
    assert!(
        peak < 64 * 1024,
        "peak RSS {peak} KiB: the upload was held whole?"
    );
}

/// Remote modules: `require("http://...")` (relative requires inside resolved against its
/// URL) and `node http://.../script.js`, served here by our own server.
#[test]
fn remote_modules() {
    let port = free_port();
    let server = spawn_js(
        "modules",
        &script_source("http/driven/module-server.js"),
        &[&port.to_string()],
        LIMIT,
    );
    assert!(wait_for_port(port, LIMIT));
    let url = format!("http://127.0.0.1:{port}/main.js");
    let run = integration::node(&[url.as_str(), "world"]);
    assert_eq!(
        run.stdout,
        format!(
            "hello world {url}\nCannot load module 'http://127.0.0.1:{port}/missing.js': HTTP status 404\n"
        ),
        "{}",
        run.stderr
    );
    let (server_run, _dir) = server.join().expect("server thread");
    assert_eq!(server_run.code(), 0, "{}", server_run.stderr);
}

/// Our client, the other way round: 1,000 connections at once to a modern node server, and a
/// client that leaves in the middle of a response.
#[test]
fn our_client_many_connections_and_leaving_mid_response() {
    let (port, peer, _dir) =
        start_peer_server(&script_source("http/driven/peer-modern-endless-server.js"));
    let (run, _dir) = integration::run_js(
        "many",
        &script_source("http/driven/many-clients.js"),
        &[&port.to_string()],
    );
    assert_eq!(
        run.stdout, "1000 of 1000\nthe server saw 1 client leave\n",
        "stderr: {}",
        run.stderr
    );
    let peer = peer.join().expect("peer thread");
    assert_eq!(peer.code, Some(0), "{}", peer.stderr);
}
