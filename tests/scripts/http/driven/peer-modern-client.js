// Modern node's http client (run by tests/tests/http.rs with the `node` on PATH, v20, not
// ours) against our server: keep-alive, a chunked upload, a 10 MB upload the server pauses, a
// slow reader, 1,000 connections at once. Prints what it got; HTTP/1.1's rules say what that
// must be.
const http = require("http");
const port = +process.argv[2];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function request(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: "127.0.0.1", agent, ...options }, (res) => {
      let length = 0, text = "";
      res.on("data", (d) => { length += d.length; if (length < 1000) text += d; });
      res.on("end", () => resolve({ status: res.statusCode, length, text, reused: req.reusedSocket,
                                    chunked: res.headers["transfer-encoding"] }));
    });
    req.on("error", reject);
    if (body) for (const piece of body) req.write(piece);
    req.end();
  });
}
(async () => {
  const first = await request({ path: "/hello" });
  const second = await request({ path: "/hello" });
  console.log("keep-alive", first.text === "Hello World\n", first.chunked, second.reused);
  const upload = await request({ method: "POST", path: "/upload" }, ["abc", "defg", "h".repeat(100000)]);
  console.log("chunked upload", upload.text);
  const big = Buffer.alloc(10 * 1024 * 1024, "y");
  const paused = await request({ method: "PUT", path: "/pause", headers: { "Content-Length": big.length } }, [big]);
  console.log("10 MB upload", paused.text);
  // A slow reader: the download is paused now and then.
  const slow = await new Promise((resolve) => {
    http.get({ port, host: "127.0.0.1", path: "/big?10", agent }, (res) => {
      let length = 0, n = 0;
      res.on("data", (d) => {
        length += d.length;
        if (++n % 20 === 0) { res.pause(); setTimeout(() => res.resume(), 5); }
      });
      res.on("end", () => resolve(length));
    });
  });
  console.log("slow reader", slow);
  agent.destroy();
  // 1,000 at once, each on its own connection.
  const many = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const all = await Promise.all(Array.from({ length: 1000 }, () => new Promise((resolve) => {
    http.get({ port, host: "127.0.0.1", path: "/hello", agent: many }, (res) => {
      let text = "";
      res.on("data", (d) => { text += d; });
      res.on("end", () => resolve(res.statusCode === 200 && text === "Hello World\n"));
    }).on("error", () => resolve(false));
  })));
  console.log("concurrent ok", all.filter(Boolean).length);
})();
