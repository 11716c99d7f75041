// The document's addListener example. Without a TCP server, the emitter is a
// plain EventEmitter and the "connection" event is emitted by hand, as a
// tcp.Server does for each connection.
// Expected output from: document, "events.EventEmitter" (the addListener example).
var sys = require("sys");
var events = require("events");

var server = new events.EventEmitter();

server.addListener("connection", function (socket) {
  sys.puts("someone connected!");
});

server.emit("connection", {});
server.emit("connection", {});
