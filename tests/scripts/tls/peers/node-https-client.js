// Modern node's https client against our https server (tests/tests/tls.rs runs it on modern
// node, not on ours): `node node-https-client.js CERTDIR PORT`. Over one keep-alive
// connection, with a client certificate: GET / (what our server's verifyPeer() said of this
// client), then a chunked POST /echo; then GET /quit. Prints what it got.
const https = require("https");
const fs = require("fs");
const [dir, port] = process.argv.slice(2);
const agent = new https.Agent({
  keepAlive: true,
  maxSockets: 1,
  ca: fs.readFileSync(`${dir}/ca.pem`),
  cert: fs.readFileSync(`${dir}/client.pem`),
  key: fs.readFileSync(`${dir}/client.key`),
});
let sockets = new Set();

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: "localhost", port, method, path, agent }, (res) => {
      sockets.add(res.socket);
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (data += chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, data }));
    });
    req.on("error", reject);
    if (body) {
      for (const piece of body) req.write(piece);
    }
    req.end();
  });
}

(async () => {
  const hello = await request("GET", "/");
  console.log(`GET / ${hello.status} ${JSON.stringify(hello.data)} verifyPeer ${hello.headers["x-verify-peer"]} DN ${hello.headers["x-peer-dn"]}`);
  const echo = await request("POST", "/echo", ["first piece, ", "second piece, ", "the end"]);
  console.log(`POST /echo ${echo.status} ${echo.headers["transfer-encoding"]} ${JSON.stringify(echo.data)}`);
  console.log(`connections used: ${sockets.size}`);
  agent.destroy();
  const quit = await new Promise((resolve, reject) => {
    https.get({ host: "localhost", port, path: "/quit", ca: agent.options.ca }, (res) => {
      let data = "";
      res.on("data", (c) => (data += c));
      res.on("end", () => resolve(data));
    }).on("error", reject);
  });
  console.log(`quit ${quit}`);
})().catch((e) => {
  console.log(`error ${e.message}`);
  process.exitCode = 1;
});
