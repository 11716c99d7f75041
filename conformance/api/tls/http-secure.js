// conformance/run.sh runs this with a free port in place of 8000 (see conformance/README.md).
// The document's "http.Server" server.setSecure and "http.Client" client.setSecure, which have
// no code of their own: an https server and a client of it, each checking the other with
// verifyPeer() and getPeerCertificate("DNstring") (certificates in fixtures/, made by
// fixtures/make.sh).
// Expected output from: document, "http.Server" and "http.Client" (setSecure), "tcp.Connection"
// (verifyPeer, getPeerCertificate), as v0.1.27's test-http-tls.js checked them: 1 on both
// sides, and the server's DN as
// "C=UK,ST=Acknack Ltd,L=Rhys Jones,O=node.js,OU=Test TLS Certificate,CN=localhost".
var http = require("http"), sys = require("sys"), posix = require("posix");
function pem(name) { return posix.cat("fixtures/" + name).wait(); }
var caPem = pem("ca.pem"), serverKey = pem("server.key"), serverCert = pem("server.pem"),
    clientKey = pem("client.key"), clientCert = pem("client.pem");

var server = http.createServer(function (req, res) {
  var verified = req.connection.verifyPeer();
  var peerDN = req.connection.getPeerCertificate("DNstring");
  res.sendHeader(200, {"Content-Type": "text/plain"});
  res.sendBody("verified " + verified + ", you are " + peerDN + "\n");
  res.finish();
});
server.setSecure("X509_PEM", caPem, 0, serverKey, serverCert);
server.listen(8000);

var client = http.createClient(8000, "localhost");
client.setSecure("x509_PEM", caPem, 0, clientKey, clientCert);
var request = client.request("GET", "/", {});
request.finish(function (response) {
  sys.puts("client: verifyPeer() " + client.verifyPeer());
  sys.puts("client: peer " + client.getPeerCertificate("DNstring"));
  response.setBodyEncoding("utf8");
  response.addListener("body", function (chunk) { sys.print("server said: " + chunk); });
  response.addListener("complete", function () { server.close(); });
});
