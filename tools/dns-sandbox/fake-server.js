// A DNS server that misbehaves, on 127.0.0.1:53, for tools/dns-sandbox/run.sh (run with
// modern node): "silent" reads every query and never answers (the resolver must give up
// after resolv.conf's timeout: TEMPFAIL); "garbage" answers each query with its own id and a
// header promising a question and an answer, followed by bytes that are no domain name (a
// compression pointer far past the end): PROTOCOL.
var dgram = require("dgram");

var mode = process.argv[2];
var socket = dgram.createSocket("udp4");
socket.on("message", function (query, peer) {
  if (mode === "silent" || query.length < 2) return;
  var header = [0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0];
  var reply = Buffer.concat([query.subarray(0, 2), Buffer.from(header), Buffer.from([0xff, 0xff, 0xff])]);
  socket.send(reply, peer.port, peer.address);
});
socket.bind(53, "127.0.0.1");
