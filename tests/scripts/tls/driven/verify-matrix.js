// Our TLS client against our TLS server, for every verifyPeer() value (the API document's
// "connection.verifyPeer()" and "connection.getPeerCertificate(format)"; the numbers are
// docs/tls.md's). Run by tests/tests/tls.rs: `node verify-matrix.js CERTDIR PORT`, CERTDIR
// made by tests/fixtures/tls/make-certs.sh. Each case starts a server, connects a client,
// and prints what each side's verifyPeer() said of the other and the DN it saw.
var tcp = require("tcp"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]);
// Every file is read before the first connection: wait() runs the loop, and a connection
// opened meanwhile would connect in the clear before its setSecure.
var files = {};
["ca", "rogue-ca", "crl", "server", "chain", "rogue", "forged", "expired", "notyet", "revoked",
 "other", "selfsigned", "client"].forEach(function (name) {
  files[name + ".pem"] = posix.cat(dir + "/" + name + ".pem").wait();
  if (name.indexOf("ca") === -1 && name !== "crl" && name !== "chain") {
    files[name + ".key"] = posix.cat(dir + "/" + name + ".key").wait();
  }
});
function pem(name) { return name ? files[name] : ""; }

var only = process.ARGV[4];
var cases = [
  // name, server cert, server's CAs, server's CRL, client's CAs, client's CRL, client cert, host
  ["trusted", "server", "ca", null, "ca", null, "client", "localhost"],
  ["trusted, no client certificate", "server", "ca", null, "ca", null, null, "localhost"],
  ["server asks for none", "server", null, null, "ca", null, "client", "localhost"],
  ["by IP address", "server", null, null, "ca", null, null, "127.0.0.1"],
  ["chain sent with the certificate", "chain", null, null, "ca", null, null, "localhost"],
  ["client trusts no CA", "server", null, null, null, null, null, "localhost"],
  ["wrong CA", "server", null, null, "rogue-ca", null, null, "localhost"],
  ["unknown issuer", "rogue", null, null, "ca", null, null, "localhost"],
  ["bad signature", "forged", null, null, "ca", null, null, "localhost"],
  ["expired", "expired", null, null, "ca", null, null, "localhost"],
  ["not yet valid", "notyet", null, null, "ca", null, null, "localhost"],
  ["revoked", "revoked", null, null, "ca", "crl", null, "localhost"],
  ["revoked, no CRL given", "revoked", null, null, "ca", null, null, "localhost"],
  ["name mismatch", "other", null, null, "ca", null, null, "localhost"],
  ["self-signed, its own CA", "selfsigned", "selfsigned", null, "selfsigned", null, "selfsigned",
   "localhost"],
  ["client: expired", "server", "ca", null, "ca", null, "expired", "localhost"],
  ["client: revoked", "server", "ca", "crl", "ca", null, "revoked", "localhost"],
  ["client: unknown issuer", "server", "ca", null, "ca", null, "rogue", "localhost"],
];

function key(name) { return name === "chain" ? "server.key" : name + ".key"; }

function run(i) {
  if (i === cases.length) return;
  var c = cases[i];
  var seen = [];
  var server = tcp.createServer(function (connection) {
    connection.addListener("connect", function () {
      seen.server = connection.verifyPeer() + " " + connection.getPeerCertificate("DNstring");
    });
    connection.addListener("eof", function () { connection.close(); });
    connection.addListener("close", function () { server.close(); });
  });
  server.setSecure("X509_PEM", pem(c[2] && c[2] + ".pem"), pem(c[3] && c[3] + ".pem"),
                   pem(key(c[1])), pem(c[1] + ".pem"));
  server.listen(port, "127.0.0.1");
  var client = tcp.createConnection(port, c[7]);
  client.setSecure("X509_PEM", pem(c[4] && c[4] + ".pem"), pem(c[5] && c[5] + ".pem"),
                   pem(c[6] && key(c[6])), pem(c[6] && c[6] + ".pem"));
  client.addListener("connect", function () {
    seen.client = client.verifyPeer() + " " + client.getPeerCertificate("DNstring");
    client.close();
  });
  var left = 2;
  function done() {
    if (--left > 0) return;
    sys.puts(c[0] + ": client saw " + seen.client + "; server saw " + seen.server);
    run(i + 1);
  }
  client.addListener("close", function (hadError) {
    if (hadError) sys.puts(c[0] + ": client closed with an error");
    done();
  });
  server.addListener("close", done);
}
if (only) cases = cases.filter(function (c) { return only.split("/").indexOf(c[0]) !== -1; });
run(0);
