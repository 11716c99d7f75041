// A server and a connection on the IPv6 loopback (::1): the server sees the peer's address as
// "::1", and data goes both ways. Run by tests/tests/tcp.rs (node ipv6-loopback.js PORT),
// which skips it where the machine has no IPv6 loopback.
// Expected from the API document, "TCP" (server.listen(port, host); tcp.createConnection(port,
// host); connection.remoteAddress).
var tcp = require("tcp"), sys = require("sys");
var port = parseInt(process.argv[2]);
var server = tcp.createServer(function (socket) {
  sys.puts("from " + socket.remoteAddress);
  socket.addListener("receive", function (data) { socket.send(data.toUpperCase()); socket.close(); });
});
server.listen(port, "::1");
var c = tcp.createConnection(port, "::1");
c.addListener("connect", function () { c.send("six"); });
c.addListener("receive", function (data) { sys.puts(data); });
c.addListener("eof", function () { c.close(); server.close(); });
