// The API document's hello-world server over TLS, for tools/bench/tls.sh:
// `node hello-https.js CERTDIR PORT` (CERTDIR made by tests/fixtures/tls/make-certs.sh).
var sys = require("sys"), http = require("http"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]);
var key = posix.cat(dir + "/server.key").wait(), cert = posix.cat(dir + "/server.pem").wait();
var server = http.createServer(function (request, response) {
  response.sendHeader(200, {"Content-Type": "text/plain"});
  response.sendBody("Hello World\n");
  response.finish();
});
server.setSecure("X509_PEM", "", "", key, cert);
server.listen(port);
sys.puts("Server running at https://127.0.0.1:" + port + "/");
