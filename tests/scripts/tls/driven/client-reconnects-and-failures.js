// An http.Client with setSecure opens a new TLS connection (a new handshake) each time the
// server closed the last one; a secure client whose handshake fails — the server speaks no
// TLS, or closes in the middle — ends in "close" with hadError true and never "connect"s.
// Run by tests/tests/tls.rs: `node client-reconnects-and-failures.js CERTDIR PORT PLAINPORT`.
var http = require("http"), tcp = require("tcp"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]), plainPort = Number(process.ARGV[4]);
var ca = posix.cat(dir + "/ca.pem").wait();
var key = posix.cat(dir + "/server.key").wait(), cert = posix.cat(dir + "/server.pem").wait();

var connections = 0;
var server = http.createServer(function (request, response) {
  var body = "réponse " + request.url + " ☃\n";
  response.sendHeader(200, {"Content-Type": "text/plain; charset=utf-8", "Connection": "close"});
  response.sendBody(body, "utf8");
  response.finish();
});
server.addListener("connection", function () { connections++; });
server.setSecure("X509_PEM", "", "", key, cert);
server.listen(port, "127.0.0.1");

var client = http.createClient(port, "localhost");
client.setSecure("X509_PEM", ca);
var connects = 0;
client.addListener("connect", function () { connects++; });
function get(path, next) {
  client.request("GET", path).finish(function (response) {
    var body = "";
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () {
      sys.puts(path + ": " + JSON.stringify(body) + ", verifyPeer " + client.verifyPeer());
      // Later, not from this listener: a request made while the client is about to close
      // the connection would go out on it and be lost (as on a plain connection).
      setTimeout(next, 0);
    });
  });
}
get("/one", function () {
  get("/two", function () {
    get("/three", function () {
      setTimeout(function () {
        sys.puts("handshakes: client " + connects + ", server " + connections);
        server.close();
        failures();
      }, 100);
    });
  });
});

// A plain server: one connection answers in the clear, the next closes at once.
function failures() {
  var plain = tcp.createServer(function (socket) {
    if (plain.count++ === 0) {
      socket.send("HTTP/1.0 200 OK\r\n\r\nnot TLS\r\n");
    }
    socket.close();
  });
  plain.count = 0;
  plain.listen(plainPort, "127.0.0.1");
  attempt("a server speaking no TLS", function () {
    attempt("a server closing in the handshake", function () { plain.close(); });
  });
}

function attempt(what, next) {
  var connection = tcp.createConnection(plainPort, "127.0.0.1");
  connection.setSecure("X509_PEM", ca);
  connection.addListener("connect", function () { sys.puts(what + ": connected?"); });
  connection.addListener("close", function (hadError) {
    sys.puts(what + ": close, hadError " + hadError + ", readyState " + connection.readyState);
    next();
  });
}
