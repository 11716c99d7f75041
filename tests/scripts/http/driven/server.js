// Our HTTP server for tests/tests/http.rs, on the port given as its argument (node server.js
// PORT; curl it by hand):
// - /hello: the API document's hello world;
// - /quit: answers, then closes the server (so the script ends);
// - /pause: counts the body, pausing the request for a moment after each chunk;
// - /big?MB: that many megabytes of "x", in 64 KB chunks;
// - /stream: a chunk every 10 ms until the client goes away;
// - anything else: counts the body and answers "METHOD LENGTH".
// It prints what it saw of connections that closed mid-stream. What the peers must see is
// checked by the Rust tests, from the API document, "HTTP" (http.createServer, sendHeader,
// sendBody, finish, request "body"/"complete", pause/resume) and HTTP/1.1 (RFC 9112: chunked
// framing, keep-alive, HTTP/1.0 closing, 400 for what does not parse).
var http = require("http"), sys = require("sys");
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
