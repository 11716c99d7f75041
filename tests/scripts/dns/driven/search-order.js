// Which name of the search list answers first is resolv.conf's to say: tests/tests/dns.rs runs
// this inside tools/dns-sandbox/run.sh with "search test" and "options ndots:1" (sub.test has
// one dot, so it is tried as it is first: 10.0.0.31) and "options ndots:2" (fewer dots than
// ndots: sub.test.test first, 10.0.0.32), and with two nameserver lines whose first has no
// server (the second answers, once the first has failed: "port unreachable", or its timeout).
// Expected from resolv.conf(5) ("ndots", "nameserver"), which udns followed.
var dns = require("dns"), sys = require("sys");

var promise = dns.resolve4("sub.test");
promise.addCallback(function (addresses, ttl, cname) {
  sys.puts(JSON.stringify(addresses) + " " + cname);
});
promise.addErrback(function (error, message) {
  sys.puts("failed: " + message);
});
