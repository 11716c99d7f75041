// A server that cuts its answers short, run by MODERN node (the peer; it can reset a
// connection, which our tcp module cannot): for GET /N it does cuts[N]. Prints "ready" when
// listening on the port given as the first argument. Used by cut_responses.js, through
// the_client_survives_answers_cut_short in tests/tests/hostile_http.rs.
const net = require("net");
const cuts = [
  // 0: a Content-Length body that ends early, then a clean close.
  (socket) => socket.end("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc"),
  // 1: a chunked body cut in the middle of a chunk, then a clean close.
  (socket) => socket.end("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel"),
  // 2: no answer at all: the connection is closed.
  (socket) => socket.end(),
  // 3: half a body, then a reset (RST).
  (socket) => socket.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc", () => {
    setTimeout(() => socket.resetAndDestroy(), 50);
  }),
  // 4: a reset before any answer.
  (socket) => socket.resetAndDestroy(),
];
net.createServer((socket) => {
  let request = "";
  socket.on("error", () => {});
  socket.on("data", (data) => {
    request += data;
    if (!request.includes("\r\n\r\n")) return;
    cuts[parseInt(request.split(" ")[1].slice(1), 10)](socket);
  });
}).listen(parseInt(process.argv[2], 10), "127.0.0.1", () => console.log("ready"));
