// Modern node's https server for our http client (tests/tests/tls.rs runs it on modern node):
// `node node-https-server.js CERTDIR PORT`. It asks for a client certificate, answers each
// request with a chunked body saying whether the client's certificate was authorized and
// whose it was, and the connection it came on; after two requests it closes.
const https = require("https");
const fs = require("fs");
const [dir, port] = process.argv.slice(2);
let count = 0;
const connections = new Map();
const server = https.createServer({
  key: fs.readFileSync(`${dir}/server.key`),
  cert: fs.readFileSync(`${dir}/server.pem`),
  ca: fs.readFileSync(`${dir}/ca.pem`),
  requestCert: true,
  rejectUnauthorized: false,
}, (req, res) => {
  count++;
  if (!connections.has(req.socket)) connections.set(req.socket, connections.size + 1);
  const peer = req.socket.getPeerCertificate();
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.write(`request ${count} ${req.method} ${req.url} on connection ${connections.get(req.socket)}; `);
  res.end(`authorized ${req.socket.authorized}, client ${peer && peer.subject ? peer.subject.CN : "none"}\n`);
  if (count === 2) server.close();
});
server.listen(Number(port), "127.0.0.1", () => console.log("listening"));
