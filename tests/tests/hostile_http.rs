//! HTTP against hostile peers, on loopback with raw sockets: what no well-behaved client or
//! server sends must never end the process, and a malformed request gets "400 Bad Request"
//! and a closed connection while the server goes on serving the others. The servers are the
//! scripts of tests/scripts/hostile/.

use integration::{free_port, spawn_js, wait_for_port, Run, TempDir};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread::JoinHandle;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(60);

/// The hello world of the API document, with /begun and /quit (see the script).
const HELLO: &str = include_str!("../scripts/hostile/hello.js");

/// Starts `source` with a free port as its argument; returns the port and the thread that
/// runs it.
fn start(name: &str, source: &str) -> (u16, JoinHandle<(Run, TempDir)>) {
    let port = free_port();
    let server = spawn_js(name, source, &[&port.to_string()], LIMIT);
    assert!(wait_for_port(port, LIMIT), "{name} did not listen");
    (port, server)
}

/// Sends `request` on a fresh socket and reads until the server closes it (a server that
/// never closed would fail the test at the read timeout).
fn exchange(port: u16, request: &[u8]) -> String {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    socket.set_read_timeout(Some(LIMIT)).expect("timeout");
    // A server that answers early may close before it has read all: that is fine.
    let _ = socket.write_all(request);
    let mut answer = Vec::new();
    if let Err(error) = socket.read_to_end(&mut answer) {
        // A reset after the answer (the server closed with unread input) is a close too;
        // a timeout is not.
        assert!(
            error.kind() != std::io::ErrorKind::WouldBlock
                && error.kind() != std::io::ErrorKind::TimedOut,
            "the server did not close the connection; it sent {:?}",
            String::from_utf8_lossy(&answer)
        );
    }
    String::from_utf8_lossy(&answer).into_owned()
}

/// The server still answers a good request, then quits and ends well.
fn still_serving_then_quit(port: u16, server: JoinHandle<(Run, TempDir)>) {
    let answer = exchange(port, b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(answer.ends_with("Hello World\n\r\n0\r\n\r\n"), "{answer}");
    exchange(port, b"GET /quit HTTP/1.1\r\nConnection: close\r\n\r\n");
    let (run, _dir) = server.join().expect("server thread");
    run.assert_clean_exit();
    assert_eq!(run.code(), 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
}

/// The request of the issue: a chunk size of "zz" after the hello world had answered the
/// head. It killed the process with a TypeError in http.js's parse-error handler, which
/// took the response of the malformed request from the queue it had already left.
#[test]
fn bad_chunk_size_after_the_answer_gets_400_and_the_server_lives() {
    let (port, server) = start("hello", HELLO);
    let answer = exchange(
        port,
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    );
    // The answer the listener gave as soon as it had the head, then the 400.
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(
        answer.ends_with("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"),
        "{answer}"
    );
    // The same, the bad chunk coming after a good one, in a separate write.
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    socket.set_read_timeout(Some(LIMIT)).expect("timeout");
    socket
        .write_all(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
        .expect("write");
    let mut first = [0u8; 1];
    socket.read_exact(&mut first).expect("the answer begins");
    let _ = socket.write_all(b"-1\r\n");
    let mut rest = Vec::new();
    let _ = socket.read_to_end(&mut rest);
    // Our side too: the server's close() is a half-close that waits for the peer's end.
    drop(socket);
    assert!(String::from_utf8_lossy(&rest).contains("400 Bad Request"));
    // A response begun and not finished when the body turns out malformed: the connection
    // is cut (a 400 after half an answer would be part of its body).
    let answer = exchange(
        port,
        b"POST /begun HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.contains("begun\n") && !answer.contains("400"), "{answer}");
    still_serving_then_quit(port, server);
}
