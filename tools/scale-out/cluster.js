// The peer: modern node's cluster module with N workers (the first argument) serving the hello
// world on the port given as the second, as node users scale out on one machine without a
// proxy. Run by tools/bench/scale-out.sh with modern node, never with ours.
const cluster = require("cluster"), http = require("http");
const workers = parseInt(process.argv[2], 10), port = parseInt(process.argv[3], 10);
if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  http.createServer((req, res) => {
    res.writeHead(200, {"Content-Type": "text/plain"});
    res.end("Hello World\n");
  }).listen(port, "127.0.0.1");
}
