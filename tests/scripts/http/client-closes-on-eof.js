// A server that closes the connection without answering: the http.Client closes its side
// itself when it gets "eof", its "close" comes with hadError false and no "error"; the request
// that was sent gets no response; the request queued behind it is sent on a new connection and
// answered; then the process ends at once (no waiting for the 60 s idle timeout).
// Expected from the facts file (beyond-the-document.md, "### http": "An http.Client closes its
// connection itself when it gets "eof" from the server: it emits "close" with had_error false
// and no "error", and reconnects only when more requests are queued; a request already sent
// gets no response").
var http = require("http"), tcp = require("tcp"), sys = require("sys");
var common = require("../common");
var started = new Date();

var connections = 0;
var server = tcp.createServer(function (socket) {
  var n = ++connections;
  socket.addListener("receive", function () {
    if (n === 1) {
      socket.close();     // the first connection: no answer, just a FIN
    } else {
      socket.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
      socket.close();
    }
  });
  socket.addListener("eof", function () { socket.close(); });
});
var port = common.listen(server, "127.0.0.1");

var client = http.createClient(port, "127.0.0.1");
client.addListener("error", function () { sys.puts("error?"); });
client.addListener("eof", function () { sys.puts("client eof"); });
client.addListener("close", function (hadError) { sys.puts("client close " + hadError); });
client.request("GET", "/first").finish(function () { sys.puts("a response to /first?"); });
var second = client.request("GET", "/second");
second.finish(function (response) {
  var body = "";
  response.addListener("body", function (chunk) { body += chunk; });
  response.addListener("complete", function () {
    sys.puts("/second: " + response.statusCode + " " + body);
    server.close();
  });
});

// A client that does not close on eof leaves the process waiting for the idle timeout.
process.addListener("exit", function () {
  sys.puts("connections: " + connections);
  sys.puts("ended in time: " + (new Date() - started < 10000));
});
