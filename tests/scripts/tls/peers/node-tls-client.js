// Modern node's tls module as the client of our TLS echo server (driven/echo-server.js), run
// by tests/tests/tls.rs on modern node: `node node-tls-client.js CERTDIR PORT`. It shows a
// client certificate, prints whether our server's certificate was authorized, what the
// server said, and "ended" when the server closes.
const tls = require("tls");
const fs = require("fs");
const [dir, port] = process.argv.slice(2);
const socket = tls.connect({
  host: "127.0.0.1",
  servername: "localhost",
  port: Number(port),
  ca: fs.readFileSync(`${dir}/ca.pem`),
  cert: fs.readFileSync(`${dir}/client.pem`),
  key: fs.readFileSync(`${dir}/client.key`),
}, () => {
  console.log(`authorized ${socket.authorized}`);
});
socket.setEncoding("utf8");
let greeted = false;
socket.on("data", (data) => {
  process.stdout.write(data);
  if (!greeted) {
    greeted = true;
    socket.write("hello\nbye\n");
  }
});
socket.on("end", () => console.log("ended"));
socket.on("error", (e) => {
  console.log(`error ${e.message}`);
  process.exitCode = 1;
});
