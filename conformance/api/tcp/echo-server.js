// conformance/run.sh runs this with a free port in place of 7000 (see conformance/README.md).
// The echo server of the document's "tcp.Server", listening on port 7000, with a client in
// the same script that talks to it, so the example runs by itself and ends.
// Expected output from: document, "tcp.Server" (the echo server: hello, the echo, goodbye) and
// "tcp.Connection" ("close" with had_error false).
var tcp = require("tcp");
var server = tcp.createServer(function (socket) {
  socket.setEncoding("utf8");
  socket.addListener("connect", function () {
    socket.send("hello\r\n");
  });
  socket.addListener("receive", function (data) {
    socket.send(data);
  });
  socket.addListener("eof", function () {
    socket.send("goodbye\r\n");
    socket.close();
  });
});
server.listen(7000, "localhost");

// The client: says two things, then ends its side; prints what came back.
var sys = require("sys");
var client = tcp.createConnection(7000, "localhost");
var heard = "";
client.setEncoding("utf8");
client.addListener("connect", function () {
  client.send("one\r\n");
  client.send("two\r\n");
});
client.addListener("receive", function (data) {
  heard += data;
  if (heard === "hello\r\none\r\ntwo\r\n") client.close();
});
client.addListener("close", function (hadError) {
  sys.print(heard);
  sys.puts("closed, error: " + hadError);
  server.close();
});
