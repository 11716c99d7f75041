// An https server (http.Server with setSecure) for the peers of tests/tests/tls.rs: curl,
// modern node's https module, openssl s_client, and hostile peers (garbage, plain HTTP, a
// handshake cut short or left silent). `node https-server.js CERTDIR PORT`.
//   GET /        "Hello World\n", with what verifyPeer() and getPeerCertificate() said of the
//                client in X-Verify-Peer and X-Peer-DN
//   POST /echo   the request's body back, chunked
//   GET /quit    "bye", then the server closes; it prints how many connections ended in error
// A connection idle for 2 seconds times out (so that a silent peer is dropped quickly).
var http = require("http"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]);
function pem(name) { return posix.cat(dir + "/" + name).wait(); }

var failed = 0, served = 0;
var server = http.createServer(function (request, response) {
  served++;
  var connection = request.connection;
  if (request.url === "/echo") {
    response.sendHeader(200, { "Content-Type": "text/plain", "Transfer-Encoding": "chunked" });
    request.addListener("body", function (chunk) { response.sendBody(chunk); });
    request.addListener("complete", function () { response.finish(); });
    return;
  }
  var body = request.url === "/quit" ? "bye" : "Hello World\n";
  response.sendHeader(200, {
    "Content-Type": "text/plain",
    "Content-Length": body.length,
    "X-Verify-Peer": String(connection.verifyPeer()),
    "X-Peer-DN": String(connection.getPeerCertificate("DNstring"))
  });
  response.sendBody(body);
  response.finish();
  if (request.url === "/quit") {
    server.close();
    sys.puts("requests served: " + served + "; connections closed in error: " + failed);
  }
});
server.addListener("connection", function (connection) {
  connection.setTimeout(2000);
  connection.addListener("close", function (hadError) {
    if (hadError) failed++;
  });
});
server.setSecure("X509_PEM", pem("ca.pem"), pem("crl.pem"), pem("server.key"), pem("server.pem"));
server.listen(port, "127.0.0.1");
