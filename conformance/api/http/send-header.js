// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// response.sendHeader's example: a body with its Content-Length, which is then sent as is
// (not chunked). A raw TCP client shows exactly what the server wrote.
// Expected output from: document, "http.ServerResponse" (sendHeader's example; "Content-Length"
// then no chunking). The reason phrase "OK": facts file, "### http" (STATUS_CODES). The header
// order and the "Connection: close" line the server adds: NO SOURCE beyond HTTP/1.1.
var sys = require("sys"), http = require("http"), tcp = require("tcp");
var server = http.createServer(function (request, response) {
  var body = "hello world";
  response.sendHeader(200, {
    "Content-Length": body.length,
    "Content-Type": "text/plain"
  });
  response.sendBody(body);
  response.finish();
});
server.listen(8000);

var socket = tcp.createConnection(8000, "127.0.0.1");
var raw = "";
socket.addListener("connect", function () {
  socket.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
});
socket.addListener("receive", function (data) { raw += data; });
socket.addListener("eof", function () { socket.close(); });
socket.addListener("close", function () {
  sys.puts(JSON.stringify(raw));
  server.close();
});
