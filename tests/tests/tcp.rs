//! TCP (the API document's "TCP"): servers and connections on real sockets, with a plain Rust
//! socket as the peer.

use integration::{assert_prints, free_port, run_js, spawn_js, wait_for_port};
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
        r#"var tcp = require("tcp"), sys = require("sys");
var server = tcp.createServer(function (socket) {
  socket.setEncoding("utf8");
  sys.puts("connection from " + socket.remoteAddress + " " + socket.readyState);
  socket.addListener("connect", function () { socket.send("hello\r\n"); });
  socket.addListener("receive", function (data) { socket.send(data, "utf8"); });
  socket.addListener("eof", function () {
    sys.puts("eof " + socket.readyState);
    socket.send("goodbye\r\n");
    socket.close();
    sys.puts("closing " + socket.readyState);
  });
  socket.addListener("close", function (hadError) {
    sys.puts("close " + hadError + " " + socket.readyState);
    server.close();
  });
});
server.addListener("close", function (errno) { sys.puts("server close " + errno); });
server.listen(parseInt(process.argv[2]), "127.0.0.1");
"#,
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
fn connection_refused_and_bad_names_reach_close_with_an_error() {
    let port = free_port();
    assert_prints(
        "refused",
        &format!(
            r#"var tcp = require("tcp"), sys = require("sys");
var c = tcp.createConnection({port}, "127.0.0.1");
sys.puts(c.readyState);
c.addListener("connect", function () {{ sys.puts("connected?"); }});
c.addListener("close", function (hadError) {{
  sys.puts("close " + hadError + " " + c.readyState);
  var d = tcp.createConnection(80, "no-such-host.invalid");
  d.addListener("close", function (hadError) {{ sys.puts("bad name: close " + hadError); }});
}});
"#
        ),
        "opening\nclose true closed\nbad name: close true\n",
    );
}

#[test]
fn listen_throws_a_clear_error_when_the_port_is_taken() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("address").port();
    let (run, _dir) = run_js(
        "inuse",
        r#"var tcp = require("tcp"), sys = require("sys");
try {
  tcp.createServer(function () {}).listen(parseInt(process.argv[2]), "127.0.0.1");
} catch (e) {
  sys.puts(e.message + " | " + e.code + " " + (e.errno === process.EADDRINUSE));
}
try { tcp.createServer().listen(70000); } catch (e) { sys.puts(e.name); }
"#,
        &[&port.to_string()],
    );
    assert_eq!(
        run.stdout,
        format!(
            "EADDRINUSE, Address already in use (127.0.0.1:{port}) | EADDRINUSE true\nRangeError\n"
        )
    );
    drop(taken);
}

#[test]
fn ipv6_loopback() {
    if std::net::TcpListener::bind("[::1]:0").is_err() {
        eprintln!("no IPv6 loopback here: skipped");
        return;
    }
    let port = free_port();
    assert_prints(
        "ipv6",
        &format!(
            r#"var tcp = require("tcp"), sys = require("sys");
var server = tcp.createServer(function (socket) {{
  sys.puts("from " + socket.remoteAddress);
  socket.addListener("receive", function (data) {{ socket.send(data.toUpperCase()); socket.close(); }});
}});
server.listen({port}, "::1");
var c = tcp.createConnection({port}, "::1");
c.addListener("connect", function () {{ c.send("six"); }});
c.addListener("receive", function (data) {{ sys.puts(data); }});
c.addListener("eof", function () {{ c.close(); server.close(); }});
"#
        ),
        "from ::1\nSIX\n",
    );
}

#[test]
fn idle_timeout_then_close() {
    let port = free_port();
    assert_prints(
        "timeout",
        &format!(
            r#"var tcp = require("tcp"), sys = require("sys");
var started;
var server = tcp.createServer(function (socket) {{
  socket.setTimeout(150);
  started = Date.now();
  socket.addListener("timeout", function () {{
    var waited = Date.now() - started;
    sys.puts("timeout after activity: " + (waited >= 250 && waited < 2000));
  }});
  socket.addListener("receive", function (data) {{ sys.puts("got " + data); }});
  socket.addListener("close", function (hadError) {{ sys.puts("server side close " + hadError); server.close(); }});
}});
server.listen({port}, "127.0.0.1");
var c = tcp.createConnection({port}, "127.0.0.1");
c.setTimeout(0);
c.addListener("connect", function () {{
  setTimeout(function () {{ c.send("late"); }}, 100);
}});
c.addListener("eof", function () {{ sys.puts("client eof"); c.close(); }});
c.addListener("close", function () {{ sys.puts("client close"); }});
"#
        ),
        "got late\ntimeout after activity: true\nserver side close false\nclient eof\nclient close\n",
    );
}

/// 10 MB sent at once to a peer that reads slowly: `send` says when to wait, "drain" comes
/// when the buffer is empty, and every byte arrives in order.
#[test]
fn slow_reader_gets_everything_and_drain_fires() {
    let port = free_port();
    let server = spawn_js(
        "drain",
        r#"var tcp = require("tcp"), sys = require("sys");
var piece = new Array(1024 * 64 + 1).join("x");
var server = tcp.createServer(function (socket) {
  var sent = 0, drains = 0, full = 0;
  function more() {
    while (sent < 160) {
      sent++;
      if (!socket.send(piece)) { full++; return; }
    }
    socket.close();
  }
  socket.addListener("drain", function () { drains++; more(); });
  socket.addListener("close", function (hadError) {
    sys.puts("sent " + sent + " pieces, waited " + (full > 0) + ", drains " + (drains >= full) + ", error " + hadError);
    server.close();
  });
  more();
});
server.listen(parseInt(process.argv[2]), "127.0.0.1");
"#,
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

/// readPause stops "receive" events; readResume brings what came meanwhile.
#[test]
fn read_pause_and_resume() {
    let port = free_port();
    assert_prints(
        "pause",
        &format!(
            r#"var tcp = require("tcp"), sys = require("sys");
var server = tcp.createServer(function (socket) {{
  var got = "";
  socket.readPause();
  var paused = true;
  socket.addListener("receive", function (data) {{
    if (paused) sys.puts("received while paused!");
    got += data;
  }});
  setTimeout(function () {{ paused = false; socket.readResume(); }}, 200);
  socket.addListener("eof", function () {{
    sys.puts("got " + got.length + " bytes");
    socket.close();
    server.close();
  }});
}});
server.listen({port}, "127.0.0.1");
var c = tcp.createConnection({port}, "127.0.0.1");
c.setNoDelay();
c.addListener("connect", function () {{
  for (var i = 0; i < 100; i++) c.send("0123456789");
  c.close();
}});
"#
        ),
        "got 1000 bytes\n",
    );
}
