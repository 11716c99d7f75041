// A secure connection behaves as a plain one: half-close, "drain", readPause/readResume and
// the encodings, over TLS. Run by tests/tests/tls.rs: `node big-transfer.js CERTDIR PORT`.
// The client asks for 3 MB and ends its side at once (half-close: its close_notify and FIN
// go out, reading goes on); the server writes the 3 MB in pieces, waiting for "drain" when
// send() says so, then closes. The client pauses reading for a while after the first piece,
// and checks every byte.
var tcp = require("tcp"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]);
var ca = posix.cat(dir + "/ca.pem").wait();
var key = posix.cat(dir + "/server.key").wait();
var cert = posix.cat(dir + "/server.pem").wait();

var SIZE = 3 * 1024 * 1024, PIECE = 100000;
// Byte i of the stream is the character i % 61 + 40 (printable ASCII), so that any loss,
// duplication or reordering shows.
function piece(from, length) {
  var s = [];
  for (var i = from; i < from + length; i++) s.push(String.fromCharCode(i % 61 + 40));
  return s.join("");
}

var drains = 0;
var server = tcp.createServer(function (connection) {
  connection.setEncoding("ascii");
  var asked = "", sent = 0;
  function write() {
    while (sent < SIZE) {
      var length = Math.min(PIECE, SIZE - sent);
      var short = connection.send(piece(sent, length), "ascii");
      sent += length;
      if (!short) return;     // wait for "drain"
    }
    connection.close();
  }
  connection.addListener("drain", function () { drains++; write(); });
  connection.addListener("receive", function (data) { asked += data; });
  connection.addListener("eof", function () {
    sys.puts("server: the client ended its side after asking " + JSON.stringify(asked));
    write();
  });
  connection.addListener("close", function (hadError) {
    sys.puts("server: closed, error " + hadError + ", waited for drain: " + (drains > 0));
    server.close();
  });
});
server.setSecure("X509_PEM", "", "", key, cert);
server.listen(port, "127.0.0.1");

var client = tcp.createConnection(port, "127.0.0.1");
client.setSecure("X509_PEM", ca, "", "", "");
client.setEncoding("binary");
var got = 0, bad = -1, pieces = 0, paused = false;
client.addListener("connect", function () {
  client.send("send 3 MB");
  client.close();
  sys.puts("client: readyState after close() " + client.readyState);
});
client.addListener("receive", function (data) {
  if (paused) sys.puts("client: data while paused");
  if (bad === -1 && data !== piece(got, data.length)) bad = got;
  got += data.length;
  pieces++;
  if (pieces === 1) {
    paused = true;
    client.readPause();
    setTimeout(function () { paused = false; client.readResume(); }, 300);
  }
});
client.addListener("eof", function () { sys.puts("client: eof after " + got + " bytes"); });
client.addListener("close", function (hadError) {
  sys.puts("client: closed, error " + hadError + "; received " + got + " bytes of " + SIZE +
           (bad === -1 ? ", all as sent" : ", wrong from byte " + bad));
});
