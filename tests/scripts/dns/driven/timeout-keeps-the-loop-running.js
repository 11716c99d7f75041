// A server that never answers: the query fails with TEMPFAIL once resolv.conf's timeout has
// run out for each of its attempts (tests/tests/dns.rs runs this inside
// tools/dns-sandbox/run.sh with a silent server and "options timeout:1 attempts:2": two tries
// of a second each), and meanwhile the loop goes on: a timer fires every 50 ms and a TCP client
// and server on loopback keep exchanging messages.
// Expected from the issue's "a server that does not answer → TEMPFAIL after the configured
// timeout, while timers and sockets keep running", resolv.conf(5) for timeout and attempts.
var dns = require("dns"), tcp = require("tcp"), sys = require("sys");

var ticks = 0, exchanges = 0, started = new Date();
var timer = setInterval(function () { ticks++; }, 50);

var server = tcp.createServer(function (socket) {
  socket.addListener("receive", function (data) { socket.send(data); });
  socket.addListener("eof", function () { socket.close(); });
});
server.listen(7357, "127.0.0.1");
var client = tcp.createConnection(7357, "127.0.0.1");
var done = false;
client.addListener("connect", function () { client.send("ping"); });
client.addListener("receive", function () {
  exchanges++;
  if (!done) client.send("ping");
});

dns.resolve4("www.test").addErrback(function (error, message) {
  var elapsed = new Date() - started;
  done = true;
  clearInterval(timer);
  client.close();
  server.close();
  sys.puts("failed with " + (error.errno === dns.TEMPFAIL ? "TEMPFAIL" : error.errno) + ": " + message);
  sys.puts("after the two attempts' timeouts: " + (elapsed >= 1900 && elapsed < 8000) +
           (elapsed >= 1900 && elapsed < 8000 ? "" : " (" + elapsed + " ms)"));
  // A loaded machine may delay timers, not stop them: at least a quarter of the ticks due.
  sys.puts("timers ran meanwhile: " + (ticks >= elapsed / 50 / 4) + (ticks >= elapsed / 50 / 4 ? "" : " (" + ticks + ")"));
  sys.puts("sockets ran meanwhile: " + (exchanges >= 10) + (exchanges >= 10 ? "" : " (" + exchanges + ")"));
});
