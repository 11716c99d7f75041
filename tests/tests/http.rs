//! HTTP (the API document's "HTTP") against real peers: curl, modern node's http client
//! against our server, our client against a modern node server, and raw sockets for what
//! well-behaved clients never send.

use integration::{free_port, peer_node, run_peer, spawn_js, wait_for_port, PeerRun, Run, TempDir};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(60);

/// Our server for the tests, on the port given as its argument:
/// - `/hello`: the document's hello world;
/// - `/quit`: answers, then closes the server (so the script ends);
/// - `/pause`: counts the body, pausing the request for a moment after each chunk;
/// - `/big?MB`: that many megabytes of "x", in 64 KB chunks;
/// - `/stream`: a chunk every 10 ms until the client goes away;
/// - anything else: counts the body and answers "METHOD LENGTH".
///
/// It prints what it saw of connections that closed with an error or mid-stream.
const SERVER: &str = r#"var http = require("http"), sys = require("sys");
var port = parseInt(process.argv[2]);
var piece = new Array(64 * 1024 + 1).join("x");
var server = http.createServer(function (req, res) {
  var path = req.url.split("?")[0];
  if (path === "/hello") {
    res.sendHeader(200, {"Content-Type": "text/plain"});
    res.sendBody("Hello World\n");
    res.finish();
    return;
  }
  if (path === "/quit") {
    res.sendHeader(200, {"Content-Length": 3, "Connection": "close"});
    res.sendBody("bye");
    res.finish();
    server.close();
    return;
  }
  if (path === "/big") {
    var pieces = parseInt(req.url.split("?")[1]) * 16;
    res.sendHeader(200, {"Content-Type": "text/plain"});
    for (var i = 0; i < pieces; i++) res.sendBody(piece);
    res.finish();
    return;
  }
  if (path === "/stream") {
    res.sendHeader(200, {"Content-Type": "text/plain"});
    var timer = setInterval(function () { res.sendBody("tick\n"); }, 10);
    req.connection.addListener("close", function (hadError) {
      clearInterval(timer);
      sys.puts("stream client gone");
    });
    return;
  }
  var length = 0, pauses = 0;
  req.addListener("body", function (chunk) {
    length += chunk.length;
    if (path === "/pause") {
      pauses++;
      req.pause();
      setTimeout(function () { req.resume(); }, 1);
    }
  });
  req.addListener("complete", function () {
    res.sendHeader(200, {"Content-Type": "text/plain"});
    res.sendBody(req.method + " " + length + (pauses > 1 ? " paused" : ""));
    res.finish();
  });
});
server.listen(port);
"#;

/// Starts SERVER on a free port; returns the port and the thread running it.
fn start_server() -> (u16, std::thread::JoinHandle<(Run, TempDir)>) {
    let port = free_port();
    let server = spawn_js("server", SERVER, &[&port.to_string()], LIMIT);
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

/// Runs `source` on modern node with `args`; None (and a note) when it is not installed.
fn modern_node(source: &str, args: &[&str]) -> Option<PeerRun> {
    let Some(node) = peer_node() else {
        eprintln!("modern node is not installed: skipped");
        return None;
    };
    let dir = TempDir::new("peer");
    let script = dir.write("peer.js", source);
    let run = run_peer(Command::new(node).arg(script).args(args), LIMIT);
    assert_eq!(run.code, Some(0), "modern node: {}", run.stderr);
    Some(run)
}

/// Starts a modern node server (`source`, given its port as argument) on a free port; None
/// (and a note) when modern node is not installed. Join the handle for how it ended.
fn start_peer_server(source: &str) -> Option<(u16, std::thread::JoinHandle<PeerRun>, TempDir)> {
    let Some(node) = peer_node() else {
        eprintln!("modern node is not installed: skipped");
        return None;
    };
    let port = free_port();
    let dir = TempDir::new("peer-server");
    let script = dir.write("server.js", source);
    let mut command = Command::new(node);
    command.arg(&script).arg(port.to_string());
    let peer = std::thread::spawn(move || run_peer(&mut command, LIMIT));
    assert!(wait_for_port(port, LIMIT), "the node server did not listen");
    Some((port, peer, dir))
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
        r#"const http = require("http");
const port = +process.argv[2];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function request(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: "127.0.0.1", agent, ...options }, (res) => {
      let length = 0, text = "";
      res.on("data", (d) => { length += d.length; if (length < 1000) text += d; });
      res.on("end", () => resolve({ status: res.statusCode, length, text, reused: req.reusedSocket,
                                    chunked: res.headers["transfer-encoding"] }));
    });
    req.on("error", reject);
    if (body) for (const piece of body) req.write(piece);
    req.end();
  });
}
(async () => {
  const first = await request({ path: "/hello" });
  const second = await request({ path: "/hello" });
  console.log("keep-alive", first.text === "Hello World\n", first.chunked, second.reused);
  const upload = await request({ method: "POST", path: "/upload" }, ["abc", "defg", "h".repeat(100000)]);
  console.log("chunked upload", upload.text);
  const big = Buffer.alloc(10 * 1024 * 1024, "y");
  const paused = await request({ method: "PUT", path: "/pause", headers: { "Content-Length": big.length } }, [big]);
  console.log("10 MB upload", paused.text);
  // A slow reader: the download is paused now and then.
  const slow = await new Promise((resolve) => {
    http.get({ port, host: "127.0.0.1", path: "/big?10", agent }, (res) => {
      let length = 0, n = 0;
      res.on("data", (d) => {
        length += d.length;
        if (++n % 20 === 0) { res.pause(); setTimeout(() => res.resume(), 5); }
      });
      res.on("end", () => resolve(length));
    });
  });
  console.log("slow reader", slow);
  agent.destroy();
  // 1,000 at once, each on its own connection.
  const many = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const all = await Promise.all(Array.from({ length: 1000 }, () => new Promise((resolve) => {
    http.get({ port, host: "127.0.0.1", path: "/hello", agent: many }, (res) => {
      let text = "";
      res.on("data", (d) => { text += d; });
      res.on("end", () => resolve(res.statusCode === 200 && text === "Hello World\n"));
    }).on("error", () => resolve(false));
  })));
  console.log("concurrent ok", all.filter(Boolean).length);
})();
"#,
        &[&port.to_string()],
    );
    if let Some(peer) = peer {
        assert_eq!(
            peer.stdout,
            "keep-alive true chunked true\nchunked upload POST 100007\n10 MB upload PUT 10485760 paused\n\
             slow reader 10485760\nconcurrent ok 1000\n"
        );
    }
    stop_server(port, server);
}

#[test]
fn our_client_against_a_modern_node_server() {
    let Some((port, peer, _dir)) = start_peer_server(
        r#"const http = require("http");
let connections = 0;
const server = http.createServer((req, res) => {
  if (req.url === "/chunked") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("one ");
    setTimeout(() => { res.write("two "); res.end("three"); }, 20);
  } else if (req.url === "/big") {
    res.end(Buffer.alloc(10 * 1024 * 1024, "z"));
  } else if (req.url === "/connections") {
    res.end(String(connections));
  } else if (req.url === "/quit") {
    res.end("bye");
    server.close();
    server.closeAllConnections();
  } else {
    let length = 0;
    req.on("data", (d) => { length += d.length; });
    req.on("end", () => res.end(req.method + " " + length + " " + (req.headers["transfer-encoding"] || "")));
  }
});
server.on("connection", () => connections++);
server.listen(+process.argv[2], "127.0.0.1");
"#,
    ) else {
        return;
    };
    let (run, _dir) = integration::run_js(
        "client",
        r#"var http = require("http"), sys = require("sys");
var client = http.createClient(parseInt(process.argv[2]), "127.0.0.1");
function get(path, then) {
  client.request("GET", path).finish(function (response) {
    var body = "";
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () { then(response, body); });
  });
}
get("/chunked", function (response, body) {
  sys.puts(response.statusCode + " " + response.httpVersion + " " +
           response.headers["transfer-encoding"] + ": " + body);
  // Sent back to back, so the connection is kept for the next one.
  get("/connections", function (r, count) {
    sys.puts("connections so far " + count);
    var upload = client.request("POST", "/upload");
    upload.sendBody("abc");
    upload.sendBody([100, 101, 102]);
    upload.sendBody(new Array(100001).join("u"), "utf8");
    upload.finish(function (response) {
      response.addListener("body", function (chunk) { sys.puts("upload: " + chunk); });
      response.addListener("complete", download);
    });
  });
});
// 10 MB, pausing the response now and then.
function download() {
  client.request("GET", "/big").finish(function (response) {
    var length = 0, n = 0;
    response.addListener("body", function (chunk) {
      length += chunk.length;
      if (++n % 10 === 0) {
        response.pause();
        setTimeout(function () { response.resume(); }, 2);
      }
    });
    response.addListener("complete", function () {
      sys.puts("downloaded " + length + " " + (response.client === client));
      http.cat("http://127.0.0.1:" + process.argv[2] + "/quit").addCallback(function (body) {
        sys.puts("cat: " + body);
      });
    });
  });
}
"#,
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
        answer.starts_with("HTTP/1.1 400 Bad Request\r\n"),
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
        r#"var http = require("http"), multipart = require("multipart"), sys = require("sys");
var server = http.createServer(function (request, response) {
  var stream = new multipart.Stream(request);
  var summary = [];
  stream.addListener("part", function (part) {
    var length = 0, first = null, last = null;
    part.addListener("body", function (chunk) {
      if (first === null && chunk.length > 0) first = chunk.charCodeAt(0);
      if (chunk.length > 0) last = chunk.charCodeAt(chunk.length - 1);
      length += chunk.length;
    });
    part.addListener("complete", function () {
      summary.push(part.name + "=" + (part.filename || "") + ":" + length + ":" + first + ":" + last);
    });
  });
  stream.addListener("complete", function () {
    response.sendHeader(200, {"Content-Type": "text/plain"});
    response.sendBody(summary.join(" ") + " " + (stream.bytesReceived === stream.bytesTotal));
    response.finish();
    server.close();
  });
});
server.listen(parseInt(process.argv[2]));
"#,
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
        r#"var http = require("http");
var files = {
  "/main.js": 'var sys = require("sys"); var m = require("./lib/greet");\n' +
              'sys.puts(m.greet(process.argv[2]) + " " + __filename);\n' +
              'try { require("./missing"); } catch (e) { sys.puts(e.message); }',
  "/lib/greet.js": 'exports.greet = function (who) { return require("./word").word + " " + who; };',
  "/lib/word.js": 'exports.word = "hello";'
};
var served = 0;
var server = http.createServer(function (request, response) {
  var text = files[request.url];
  response.sendHeader(text ? 200 : 404, {"Content-Type": "text/plain"});
  response.sendBody(text || "not found");
  response.finish();
  if (++served === 4) server.close();
});
server.listen(parseInt(process.argv[2]), "127.0.0.1");
"#,
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
    let Some((port, peer, _dir)) = start_peer_server(
        r#"const http = require("http");
let aborted = 0;
const server = http.createServer((req, res) => {
  if (req.url === "/endless") {
    res.writeHead(200);
    const timer = setInterval(() => res.write("more\n"), 5);
    res.on("close", () => { clearInterval(timer); aborted++; });
  } else if (req.url === "/aborted") {
    res.end(String(aborted));
    server.close();
    server.closeAllConnections();
  } else {
    res.end("ok " + req.url);
  }
});
server.listen(+process.argv[2], "127.0.0.1");
"#,
    ) else {
        return;
    };
    let (run, _dir) = integration::run_js(
        "many",
        r#"var http = require("http"), sys = require("sys");
var port = parseInt(process.argv[2]), done = 0, good = 0, N = 1000;
for (var i = 0; i < N; i++) (function (i) {
  var client = http.createClient(port, "127.0.0.1");
  client.request("GET", "/" + i).finish(function (response) {
    var body = "";
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () {
      if (body === "ok /" + i) good++;
      if (++done === N) leave();
    });
  });
})(i);
function leave() {
  sys.puts(good + " of " + N);
  var client = http.createClient(port, "127.0.0.1");
  client.request("GET", "/endless").finish(function (response) {
    var got = 0, left = false;
    response.addListener("body", function (chunk) {
      got += chunk.length;
      if (got > 50 && !left) {
        left = true;
        client.forceClose();
        setTimeout(ask, 100);
      }
    });
  });
}
function ask() {
  http.cat("http://127.0.0.1:" + port + "/aborted").addCallback(function (count) {
    sys.puts("the server saw " + count + " client leave");
  });
}
"#,
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
