// A TLS echo server (tcp.Server with setSecure) for openssl s_client, run by
// tests/tests/tls.rs: `node echo-server.js CERTDIR PORT`. When a connection's handshake is
// done it greets the client with what verifyPeer() and getPeerCertificate("DNstring") said;
// then it echoes each piece received, and when the client ends its side (or sends "bye") it
// closes, and so does the server: one connection only.
var tcp = require("tcp"), sys = require("sys"), posix = require("posix");
var dir = process.ARGV[2], port = Number(process.ARGV[3]);
function pem(name) { return posix.cat(dir + "/" + name).wait(); }

var server = tcp.createServer(function (connection) {
  connection.setEncoding("utf8");
  connection.addListener("connect", function () {
    connection.send("verifyPeer " + connection.verifyPeer() + " " +
                    connection.getPeerCertificate("DNstring") + "\n");
  });
  var received = "";
  connection.addListener("receive", function (data) {
    received += data;
    connection.send("echo " + data);
    if (received.indexOf("bye") !== -1) connection.close();
  });
  connection.addListener("eof", function () { connection.close(); });
  connection.addListener("close", function (hadError) {
    sys.puts("received " + JSON.stringify(received) + ", closed with error: " + hadError);
    server.close();
  });
});
server.setSecure("X509_PEM", pem("ca.pem"), "", pem("server.key"), pem("server.pem"));
server.listen(port, "127.0.0.1");
