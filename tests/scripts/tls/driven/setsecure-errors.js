// setSecure() checks what it is given at once: a format_type other than "X509_PEM" (in any
// case, as v0.1.27 compared it), bad PEM, a key that is not the certificate's, a server
// without a key throw an Error saying what is wrong. Keys in PKCS#1, PKCS#8 and SEC1 forms
// are all taken. Run by tests/tests/tls.rs: `node setsecure-errors.js CERTDIR`.
var tcp = require("tcp"), http = require("http"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2];
function pem(name) { return posix.cat(dir + "/" + name).wait(); }
var ca = pem("ca.pem"), serverKey = pem("server.key"), serverCert = pem("server.pem");

function attempt(what, f) {
  try {
    f();
    sys.puts(what + ": ok");
  } catch (e) {
    sys.puts(what + ": " + (e instanceof Error ? "Error" : typeof e) + ": " + e.message);
  }
}
var server = tcp.createServer(function () {});
sys.puts("typeof setSecure: " + typeof server.setSecure + " " +
         typeof http.createServer().setSecure + " " + typeof http.createClient(1).setSecure +
         " " + typeof new tcp.Connection().setSecure);
attempt("X509_PEM", function () { server.setSecure("X509_PEM", ca, 0, serverKey, serverCert); });
attempt("x509_pem", function () { server.setSecure("x509_pem", ca, null, serverKey, serverCert); });
attempt("PEM", function () { server.setSecure("PEM", ca, null, serverKey, serverCert); });
attempt("no key", function () { server.setSecure("X509_PEM", ca, null, "", serverCert); });
attempt("garbage key", function () { server.setSecure("X509_PEM", "", "", "not a key", serverCert); });
attempt("garbage certificate", function () {
  server.setSecure("X509_PEM", "", "", serverKey, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
});
attempt("garbage CA", function () { server.setSecure("X509_PEM", "nothing", "", serverKey, serverCert); });
attempt("garbage CRL", function () { server.setSecure("X509_PEM", ca, "nothing", serverKey, serverCert); });
attempt("another's key", function () { server.setSecure("X509_PEM", ca, "", pem("client.key"), serverCert); });
attempt("PKCS#1 RSA key", function () { server.setSecure("X509_PEM", "", "", serverKey, serverCert); });
attempt("PKCS#8 EC key", function () { server.setSecure("X509_PEM", "", "", pem("client.key"), pem("client.pem")); });
attempt("SEC1 EC key", function () { server.setSecure("X509_PEM", "", "", pem("ca.key"), ca); });
attempt("PKCS#8 RSA key", function () { server.setSecure("X509_PEM", "", "", pem("selfsigned.key"), pem("selfsigned.pem")); });
var client = new tcp.Connection();
attempt("client, nothing", function () { client.setSecure("X509_PEM"); });
attempt("client, CA only", function () { client.setSecure("X509_PEM", ca); });
attempt("client, key without certificate", function () { client.setSecure("X509_PEM", ca, "", serverKey, ""); });
attempt("client, format", function () { client.setSecure("DER", ca); });
sys.puts("verifyPeer of a connection never opened: " + client.verifyPeer() + ", " +
         client.getPeerCertificate("DNstring"));
