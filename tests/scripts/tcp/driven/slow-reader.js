// Sends 10 MB (160 pieces of 64 KB) to the first connection, waiting for "drain" whenever
// send() says the buffer is full, then closes. Run by tests/tests/tcp.rs (node slow-reader.js
// PORT), whose peer reads slowly and checks every byte.
// Expected from the API document, "TCP" ("drain": "Emitted when the write buffer becomes
// empty. Can be used to throttle uploads"). That send() returns false when the data was
// queued rather than written is v0.1.27's code (its Connection.send), not the document's.
var tcp = require("tcp"), sys = require("sys");
var piece = new Array(1024 * 64 + 1).join("x");
var server = tcp.createServer(function (socket) {
  var sent = 0, drains = 0, full = 0;
  function more() {
    while (sent < 160) {
      sent++;
      if (!socket.send(piece)) { full++; return; }
    }
    socket.close();
  }
  socket.addListener("drain", function () { drains++; more(); });
  socket.addListener("close", function (hadError) {
    sys.puts("sent " + sent + " pieces, waited " + (full > 0) + ", drains " + (drains >= full) + ", error " + hadError);
    server.close();
  });
  more();
});
server.listen(parseInt(process.argv[2]), "127.0.0.1");
