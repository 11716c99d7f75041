// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// verifyPeer()'s other answers, which the document describes without code: 0 when the peer
// presented no certificate (a client without one; the server asked, having ca_certs, but
// does not require one), and a negative reason when verification fails (a client that trusts
// no CA: the server's certificate has an unknown issuer, -100; the numbers are in
// docs/tls.md).
// Expected output from: document, "tcp.Connection" (verifyPeer: "Returns 0 if no certificate
// was presented by the peer, or negative result if the verification fails"); the value -100:
// NO SOURCE beyond docs/tls.md (v0.1.27's codes are not in the document).
var tcp = require("tcp"), sys = require("sys"), posix = require("posix");
function pem(name) { return posix.cat("fixtures/" + name).wait(); }
var caPem = pem("ca.pem"), serverKey = pem("server.key"), serverCert = pem("server.pem");

var server = tcp.createServer(function (socket) {
  socket.addListener("connect", function () {
    sys.puts("server: verifyPeer() of a client without a certificate: " + socket.verifyPeer());
    sys.puts("server: its certificate: " + socket.getPeerCertificate("DNstring"));
  });
  socket.addListener("eof", function () { socket.close(); });
});
server.setSecure("X509_PEM", caPem, 0, serverKey, serverCert);
server.listen(8000, "localhost");

var client = tcp.createConnection(8000, "localhost");
client.setSecure("X509_PEM");
client.addListener("connect", function () {
  sys.puts("client: verifyPeer() trusting no CA: " + client.verifyPeer());
  client.close();
});
client.addListener("close", function () { server.close(); });
