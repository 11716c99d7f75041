// A modern node server (run by tests/tests/http.rs with the `node` on PATH, v20, not ours):
// "ok URL" for most paths, /endless writes until the client leaves, /aborted says how many
// clients left and closes the server.
const http = require("http");
let aborted = 0;
const server = http.createServer((req, res) => {
  if (req.url === "/endless") {
    res.writeHead(200);
    const timer = setInterval(() => res.write("more\n"), 5);
    res.on("close", () => { clearInterval(timer); aborted++; });
  } else if (req.url === "/aborted") {
    res.end(String(aborted));
    server.close();
    server.closeAllConnections();
  } else {
    res.end("ok " + req.url);
  }
});
server.listen(+process.argv[2], "127.0.0.1");
