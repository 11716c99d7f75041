// A server (tcp or http, as the second argument says) on the port given as the first, for
// the test of hostile_http.rs that makes connections one after another: each gets a short
// answer and is closed. After 5,000 and after the number given as the third argument it
// prints the memory in use, then it closes and the script ends. Every closed connection,
// with its request, response and listeners, must be garbage: the two lines must be close.
var tcp = require("tcp"), http = require("http"), sys = require("sys");
var port = parseInt(process.argv[2]);
var total = parseInt(process.argv[4]);
var closed = 0;

function countClose() {
  closed++;
  if (closed === 5000 || closed === total) {
    var usage = process.memoryUsage();
    sys.puts(closed + " rss " + usage.rss + " heapUsed " + usage.heapUsed);
  }
  if (closed === total) server.close();
}

var server;
if (process.argv[3] === "http") {
  server = http.createServer(function (request, response) {
    request.connection.addListener("close", countClose);
    response.sendHeader(200, {"Content-Type": "text/plain"});
    response.sendBody("Hello World\n");
    response.finish();
  });
} else {
  server = tcp.createServer(function (connection) {
    connection.addListener("receive", function (data) {
      connection.send("ok");
      connection.close();
    });
    connection.addListener("eof", function () { connection.close(); });
    connection.addListener("close", countClose);
  });
}
server.listen(port, "127.0.0.1");
