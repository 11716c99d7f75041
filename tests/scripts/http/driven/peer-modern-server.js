// A modern node server (run by tests/tests/http.rs with the `node` on PATH, v20, not ours) for
// our client: /chunked (written in pieces), /big (10 MB), /connections (how many so far),
// /quit, and anything else echoes "METHOD LENGTH TRANSFER-ENCODING".
const http = require("http");
let connections = 0;
const server = http.createServer((req, res) => {
  if (req.url === "/chunked") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("one ");
    setTimeout(() => { res.write("two "); res.end("three"); }, 20);
  } else if (req.url === "/big") {
    res.end(Buffer.alloc(10 * 1024 * 1024, "z"));
  } else if (req.url === "/connections") {
    res.end(String(connections));
  } else if (req.url === "/quit") {
    res.end("bye");
    server.close();
    server.closeAllConnections();
  } else {
    let length = 0;
    req.on("data", (d) => { length += d.length; });
    req.on("end", () => res.end(req.method + " " + length + " " + (req.headers["transfer-encoding"] || "")));
  }
});
server.on("connection", () => connections++);
server.listen(+process.argv[2], "127.0.0.1");
