// Modern node's https hello-world, the peer of tools/bench/tls.sh:
// `node node-hello-https.js CERTDIR PORT`.
const https = require("https");
const fs = require("fs");
const [dir, port] = process.argv.slice(2);
https.createServer({
  key: fs.readFileSync(`${dir}/server.key`),
  cert: fs.readFileSync(`${dir}/server.pem`),
}, (req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("Hello World\n");
}).listen(Number(port));
