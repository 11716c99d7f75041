//! TCP (the API document's "TCP") with a plain Rust socket as the peer, and on the IPv6
//! loopback where the machine has one. Each script is in tests/scripts/tcp/driven/ and gets a
//! port free at run time; the TCP tests that need no outside peer are scripts in
//! tests/scripts/tcp/.

use integration::{free_port, script_source, spawn_js, wait_for_port};
use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(30);

/// The document's echo server: a peer says things, half-closes, and hears them back framed by
/// "hello" and "goodbye"; the server sees the connection's states go by.
#[test]
fn echo_server_with_a_real_peer() {
    let port = free_port();
    let server = spawn_js(
        "echo",
        &script_source("tcp/driven/echo-server.js"),
        &[&port.to_string()],
        LIMIT,
    );
    assert!(wait_for_port(port, LIMIT), "the server did not listen");
    // wait_for_port's own connection came and went: the server saw it first.
    let mut peer = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    peer.write_all("one\r\ntwo é\r\n".as_bytes())
        .expect("write");
    peer.shutdown(Shutdown::Write).expect("shutdown");
    let mut heard = String::new();
    peer.read_to_string(&mut heard).expect("read");
    assert_eq!(heard, "hello\r\none\r\ntwo é\r\ngoodbye\r\n");
    let (run, _dir) = server.join().expect("server thread");
    assert_eq!(run.code(), 0, "stderr: {}", run.stderr);
    assert!(
        run.stdout.ends_with(
            "connection from 127.0.0.1 open\neof writeOnly\nclosing closed\nclose false closed\nserver close 0\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn ipv6_loopback() {
    if std::net::TcpListener::bind("[::1]:0").is_err() {
        eprintln!("no IPv6 loopback here: skipped");
        return;
    }
    let port = free_port();
    let (run, _dir) = integration::run_js(
        "ipv6",
        &script_source("tcp/driven/ipv6-loopback.js"),
        &[&port.to_string()],
    );
    assert_eq!(run.stdout, "from ::1\nSIX\n", "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code(), 0);
}

/// 10 MB sent at once to a peer that reads slowly: `send` says when to wait, "drain" comes
/// when the buffer is empty, and every byte arrives in order.
#[test]
fn slow_reader_gets_everything_and_drain_fires() {
    let port = free_port();
    let server = spawn_js(
        "drain",
        &script_source("tcp/driven/slow-reader.js"),
        &[&port.to_string()],
        LIMIT,
    );
    assert!(wait_for_port(port, LIMIT));
    let mut peer = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let mut total = 0usize;
    let mut buffer = [0u8; 16 * 1024];
    let mut reads = 0;
    loop {
        let n = peer.read(&mut buffer).expect("read");
        if n == 0 {
            break;
        }
        assert!(buffer[..n].iter().all(|&b| b == b'x'));
        total += n;
        reads += 1;
        if reads % 64 == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    drop(peer);
    assert_eq!(total, 160 * 64 * 1024);
    let (run, _dir) = server.join().expect("server thread");
    assert_eq!(
        run.stdout, "sent 160 pieces, waited true, drains true, error false\n",
        "{}",
        run.stderr
    );
}
