// An HTTP server for the slow and silent peers of slow_peers.rs, on the port given as the
// first argument. Heads must arrive within 1.5 s of their first byte (headersTimeout), and
// connections are idle after 2 s (setTimeout), so the tests need not wait a minute.
// - /: the hello world;
// - /stream: 1 MB pieces for as long as the peer takes them, sending on while sendBody says
//   the output is short, again on "drain" (a peer that never reads holds at most what the
//   socket and one piece take);
// - /flood: 100 MB sent at once, ignoring send's false: the connection is cut past the
//   buffer limit, with had_error;
// - /memory: the server's RSS in bytes;
// - /quit: answers, then closes the server.
// Each connection's end is printed: which path, whether it had an error, how it ended.
var sys = require("sys"),
   http = require("http");
var port = parseInt(process.argv[2]);
var piece = new Array(1024 * 1024 + 1).join("x");

var server = http.createServer(function (request, response) {
  var connection = request.connection;
  if (request.url === "/stream" || request.url === "/flood") {
    var path = request.url, sent = 0, timedOut = false;
    connection.addListener("timeout", function () { timedOut = true; });
    connection.addListener("close", function (hadError) {
      sys.puts(path + " closed: had_error " + hadError + ", timeout " + timedOut +
               ", sent " + (sent >= 4 ? "4+" : sent) + " MB");
    });
    response.sendHeader(200, {"Content-Type": "text/plain"});
    if (path === "/flood") {
      for (var i = 0; i < 100; i++) { response.sendBody(piece); sent++; }
      return;
    }
    var more = function () {
      while (connection.readyState === "open" || connection.readyState === "writeOnly") {
        sent++;
        if (!response.sendBody(piece)) return;
      }
    };
    connection.addListener("drain", more);
    more();
    return;
  }
  var body = request.url === "/memory" ? String(process.memoryUsage().rss) : "Hello World\n";
  response.sendHeader(200, {"Content-Type": "text/plain", "Content-Length": body.length});
  response.sendBody(body);
  response.finish();
  if (request.url === "/quit") server.close();
});
server.addListener("connection", function (connection) { connection.setTimeout(2000); });
server.headersTimeout = 1500;
server.listen(port);
sys.puts("listening");
