// A TLS client (tcp.Connection with setSecure, and a client certificate) for openssl
// s_server -rev and modern node's tls server (peers/node-tls-server.js), run by
// tests/tests/tls.rs: `node echo-client.js CERTDIR PORT`. It prints what verifyPeer() and
// getPeerCertificate("DNstring") said of the server, sends a line, prints the answer, then
// closes.
var tcp = require("tcp"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]);
var ca = posix.cat(dir + "/ca.pem").wait();
var key = posix.cat(dir + "/client.key").wait();
var cert = posix.cat(dir + "/client.pem").wait();

var connection = tcp.createConnection(port, "localhost");
connection.setSecure("X509_PEM", ca, null, key, cert);
connection.setEncoding("utf8");
var answer = "";
connection.addListener("connect", function () {
  sys.puts("verifyPeer " + connection.verifyPeer() + " " +
           connection.getPeerCertificate("DNstring"));
  connection.send("hello TLS\n");
});
connection.addListener("receive", function (data) {
  answer += data;
  if (answer.indexOf("\n") !== -1) {
    sys.puts("answer " + JSON.stringify(answer));
    connection.close();
  }
});
connection.addListener("close", function (hadError) {
  sys.puts("closed with error: " + hadError);
});
