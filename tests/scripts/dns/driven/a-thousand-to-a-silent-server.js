// 1,000 queries at once to a server that never answers all fail with TEMPFAIL once the
// configured timeout has run out, the last of them too: the resolver keeps at most 128 queries
// waiting per server and holds the others back, but their time runs from the call, so none
// waits for the ones before it to time out (tests/tests/dns.rs runs this with a silent server
// and "options timeout:2 attempts:1"; held back a window at a time, the last would fail after
// 8 windows of 2 s).
// Run by tests/tests/dns.rs inside tools/dns-sandbox/run.sh.
// Expected from the issue ("a server that does not answer → TEMPFAIL after the configured
// timeout"; "many concurrent queries all settle") and resolv.conf(5) for timeout and attempts.
var dns = require("dns"), sys = require("sys");

var started = new Date(), tempfail = 0, other = 0, last = 0;
for (var i = 0; i < 1000; i++) {
  dns.resolve4(i + ".bench.test").addCallback(function () {
    other++;
  }).addErrback(function (error) {
    if (error.errno === dns.TEMPFAIL) tempfail++;
    else other++;
    last = new Date() - started;
  });
}
process.addListener("exit", function () {
  sys.puts(tempfail + " TEMPFAIL, " + other + " other");
  // Two seconds of timeout, and generous room for a loaded machine; far from 16 s.
  sys.puts("the last within 8 s: " + (last >= 1900 && last < 8000) + (last < 8000 ? "" : " (" + last + " ms)"));
});
