// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// request.url's example: the URL as the request line had it, and what url.parse makes of it
// (with the query parsed too when asked). A raw TCP client sends the document's request.
// Expected output from: document, "http.ServerRequest" (request.url's example, the three printed
// objects are the document's).
var sys = require("sys"), http = require("http"), tcp = require("tcp");
var server = http.createServer(function (request, response) {
  sys.puts(JSON.stringify(request.url));
  sys.puts(JSON.stringify(require("url").parse(request.url)));
  sys.puts(JSON.stringify(require("url").parse(request.url, true)));
  sys.puts(request.method + " HTTP/" + request.httpVersion + " accept: " + request.headers.accept);
  response.sendHeader(200, {"Content-Length": 0});
  response.finish();
  server.close();
});
server.listen(8000);

var socket = tcp.createConnection(8000, "127.0.0.1");
socket.addListener("connect", function () {
  socket.send("GET /status?name=ryan HTTP/1.1\r\n" +
              "Accept: text/plain\r\n" +
              "\r\n");
});
socket.addListener("receive", function () { socket.close(); });
