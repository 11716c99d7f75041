// Our http client with setSecure (and a client certificate) against modern node's https
// server (tests/scripts/tls/peers/node-https-server.js), run by tests/tests/tls.rs:
// `node https-client.js CERTDIR PORT`. Two requests, one after the other, on the client's
// keep-alive connection; for each it prints what verifyPeer() and getPeerCertificate() said of
// the server, and the chunked body.
var http = require("http"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]);
var ca = posix.cat(dir + "/ca.pem").wait();
var key = posix.cat(dir + "/client.key").wait();
var cert = posix.cat(dir + "/client.pem").wait();

var client = http.createClient(port, "localhost");
client.setSecure("X509_PEM", ca, "", key, cert);

function get(path, next) {
  client.request("GET", path).finish(function (response) {
    var body = "";
    response.setBodyEncoding("utf8");
    response.addListener("body", function (chunk) { body += chunk; });
    response.addListener("complete", function () {
      sys.puts(path + ": " + response.statusCode + " " + response.headers["transfer-encoding"] +
               "; verifyPeer " + client.verifyPeer() + " " +
               client.getPeerCertificate("DNstring") + "; " + JSON.stringify(body));
      if (next) next();
    });
  });
}
get("/one", function () { get("/two"); });
client.addListener("close", function (hadError) { sys.puts("closed with error: " + hadError); });
