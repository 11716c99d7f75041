// A DNS server that misbehaves, on 127.0.0.1:53, for tools/dns-sandbox/run.sh (run with
// modern node): "silent" reads every query and never answers (the resolver must give up
// after resolv.conf's timeout: TEMPFAIL); "garbage" answers each query with its own id and a
// header promising a question and an answer, followed by bytes that are no domain name (a
// compression pointer far past the end): PROTOCOL. "tricky" answers each query over UDP with
// what a resolver must not take (an answer from another port, one with another id, one to
// another question: 10.6.6.6 each) and then a truncated answer; over TCP it gives the real
// answer, 10.9.8.7, with TTL 77.
var dgram = require("dgram");
var net = require("net");

var mode = process.argv[2];
var socket = dgram.createSocket("udp4");
if (mode === "tricky") {
  tricky();
} else socket.on("message", function (query, peer) {
  if (mode === "silent" || query.length < 2) return;
  var header = [0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0];
  var reply = Buffer.concat([query.subarray(0, 2), Buffer.from(header), Buffer.from([0xff, 0xff, 0xff])]);
  socket.send(reply, peer.port, peer.address);
});
socket.bind(53, "127.0.0.1");

// The reply to `query` (its header and first question) with `flags`, the question renamed if
// `rename` (its first letter changed), and an A record (10.9.8.7, TTL 77; or 10.6.6.6 if
// `fake`) if `withAnswer`.
function reply(query, flags, rename, withAnswer, fake) {
  var end = 12;
  while (end < query.length && query[end] !== 0) end += query[end] + 1;
  var question = Buffer.from(query.subarray(12, end + 5));
  if (rename) question[1] = question[1] + 1;
  var header = Buffer.from(query.subarray(0, 12));
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(withAnswer ? 1 : 0, 6);
  header.writeUInt32BE(0, 8);
  var answer = Buffer.from(fake ? [0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 66, 0, 4, 10, 6, 6, 6]
                                : [0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 77, 0, 4, 10, 9, 8, 7]);
  return Buffer.concat(withAnswer ? [header, question, answer] : [header, question]);
}

function tricky() {
  var other = dgram.createSocket("udp4");
  other.bind(0, "127.0.0.1");
  socket.on("message", function (query, peer) {
    if (query.length < 12) return;
    var forged = reply(query, 0x8180, false, true, true);
    other.send(forged, peer.port, peer.address);
    var otherId = reply(query, 0x8180, false, true, true);
    otherId.writeUInt16BE((query.readUInt16BE(0) + 1) & 0xffff, 0);
    socket.send(otherId, peer.port, peer.address);
    socket.send(reply(query, 0x8180, true, true, true), peer.port, peer.address);
    socket.send(reply(query, 0x8380, false, false), peer.port, peer.address);
  });
  net.createServer(function (connection) {
    var data = Buffer.alloc(0);
    connection.on("data", function (chunk) {
      data = Buffer.concat([data, chunk]);
      if (data.length < 2 || data.length < 2 + data.readUInt16BE(0)) return;
      var answer = reply(data.subarray(2, 2 + data.readUInt16BE(0)), 0x8180, false, true);
      var length = Buffer.alloc(2);
      length.writeUInt16BE(answer.length, 0);
      connection.end(Buffer.concat([length, answer]));
    });
  }).listen(53, "127.0.0.1");
}
