// The soak's servers, on the port given as the first argument, by the kind given as the
// second: "http" (the API document's hello world), "tcp" (a bare tcp server that answers
// each connection with a fixed HTTP response and closes it, so that wrk can drive it) or
// "stream" (an HTTP server whose every answer is a 1 MB body, sent in 64 KB pieces as the
// connection drains).
var http = require("http"), tcp = require("tcp");
var port = parseInt(process.argv[2]), kind = process.argv[3];
var piece = new Array(64 * 1024 + 1).join("x");

if (kind === "tcp") {
  tcp.createServer(function (connection) {
    connection.addListener("receive", function () {
      connection.send("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: close\r\n\r\n" +
                      "Hello World\n");
      connection.close();
    });
    // A peer that goes before sending (wrk stopping mid-run) is closed at once, as a server
    // should, rather than left for the idle timeout.
    connection.addListener("eof", function () { connection.close(); });
  }).listen(port, null, 1024);
} else {
  http.createServer(function (request, response) {
    response.sendHeader(200, {"Content-Type": "text/plain"});
    if (kind !== "stream") {
      response.sendBody("Hello World\n");
      response.finish();
      return;
    }
    var left = 16;    // 16 pieces of 64 KB
    var connection = request.connection;
    var more = function () {
      while (left > 0) {
        left--;
        if (!response.sendBody(piece)) return;
      }
      connection.removeListener("drain", more);
      response.finish();
    };
    connection.addListener("drain", more);
    more();
  }).listen(port, null, 1024);
}
