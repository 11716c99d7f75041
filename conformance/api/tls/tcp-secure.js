// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// The document's TLS paragraphs of "tcp.Server" and "tcp.Connection" have no code: this shows
// server.setSecure(format_type, ca_certs, crl_list, private_key, certificate), a client
// connection's setSecure, connection.verifyPeer() and connection.getPeerCertificate("DNstring")
// (fixtures/: a CA, a server certificate for localhost and a client certificate, made by
// fixtures/make.sh).
// Expected output from: document, "tcp.Server" (server.setSecure) and "tcp.Connection"
// (verifyPeer: 1 when the certificate is issued by one of the trusted CAs, not revoked, in
// its dates and, the peer being the server, matching the host name; getPeerCertificate:
// "comma delimited name=value pairs as defined in RFC2253", in the order v0.1.27 printed them,
// as its test test-tcp-tls.js expected).
var tcp = require("tcp"), sys = require("sys"), posix = require("posix");
function pem(name) { return posix.cat("fixtures/" + name).wait(); }
var caPem = pem("ca.pem"), serverKey = pem("server.key"), serverCert = pem("server.pem"),
    clientKey = pem("client.key"), clientCert = pem("client.pem");

var server = tcp.createServer(function (socket) {
  socket.setEncoding("utf8");
  socket.addListener("connect", function () {
    sys.puts("server: verifyPeer() " + socket.verifyPeer());
    sys.puts("server: peer " + socket.getPeerCertificate("DNstring"));
  });
  socket.addListener("receive", function (data) { socket.send(data); });
  socket.addListener("eof", function () { socket.close(); });
});
server.setSecure("X509_PEM", caPem, 0, serverKey, serverCert);
server.listen(8000, "localhost");

var client = tcp.createConnection(8000, "localhost");
client.setSecure("X509_PEM", caPem, 0, clientKey, clientCert);
client.setEncoding("utf8");
client.addListener("connect", function () {
  sys.puts("client: verifyPeer() " + client.verifyPeer());
  sys.puts("client: peer " + client.getPeerCertificate("DNstring"));
  client.send("hello over TLS");
});
client.addListener("receive", function (data) {
  sys.puts("client: echo " + data);
  client.close();
});
client.addListener("close", function (hadError) {
  sys.puts("client: closed, error: " + hadError);
  server.close();
});
