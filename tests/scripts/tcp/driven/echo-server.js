// The API document's echo server: says "hello", echoes what it receives, says "goodbye" at
// the peer's half-close (eof) and closes; prints the connection's readyState as it goes and
// closes the server after the first real connection. Run by tests/tests/tcp.rs, which passes
// the port (node echo-server.js PORT) and is the peer.
// Expected from the API document, "TCP" (its echo server example; connection.readyState
// "open", "writeOnly", "closed"; the "eof" and "close" events; server.close()).
var tcp = require("tcp"), sys = require("sys");
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
