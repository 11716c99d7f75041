// Modern node's tls server for our TLS client (driven/echo-client.js), run by
// tests/tests/tls.rs on modern node: `node node-tls-server.js CERTDIR PORT`. It asks for a
// client certificate and answers what it receives, upper-cased, saying whether the client's
// certificate was authorized and whose it was; it serves one connection.
const tls = require("tls");
const fs = require("fs");
const [dir, port] = process.argv.slice(2);
const server = tls.createServer({
  key: fs.readFileSync(`${dir}/server.key`),
  cert: fs.readFileSync(`${dir}/server.pem`),
  ca: fs.readFileSync(`${dir}/ca.pem`),
  requestCert: true,
  rejectUnauthorized: false,
}, (socket) => {
  const peer = socket.getPeerCertificate();
  const who = peer && peer.subject ? peer.subject.CN : "none";
  socket.on("data", (data) => {
    socket.write(`authorized ${socket.authorized}, client ${who}: ${data.toString().toUpperCase()}`);
  });
  socket.on("end", () => socket.end());
  socket.on("close", () => server.close());
});
server.listen(Number(port), "127.0.0.1");
