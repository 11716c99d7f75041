// Only the real answer counts: tests/tests/dns.rs runs this inside tools/dns-sandbox/run.sh
// with its "tricky" server, which answers each query over UDP from another port, then with
// another id, then for another name (all with 10.6.6.6, which the resolver must not take) and
// last with the right id and question but truncated; over TCP it answers 10.9.8.7, TTL 77.
// Expected from the issue ("answers are validated: the id, the question, the source address";
// a truncated answer is asked again over TCP, RFC 1035 4.2.1 and RFC 7766).
var dns = require("dns"), sys = require("sys");

dns.resolve4("big.test").addCallback(function (addresses, ttl, cname) {
  sys.puts(JSON.stringify(addresses) + " " + ttl + " " + cname);
}).addErrback(function (error, message) {
  sys.puts("failed: " + message);
});
