// Every call of the dns module succeeds with the records of tools/dns-sandbox/dnsmasq.conf,
// their TTL and the canonical name: resolve with each record type (and without one: "A"; in
// lower case too), resolve4, resolve6, resolveMx, resolveTxt, resolveSrv, reverse of IPv4 and
// IPv6 addresses, a CNAME (cname is where it led, ttl the smallest of the chain) and a name
// completed from resolv.conf's search list. One call at a time, so the output has an order.
// Run by tests/tests/dns.rs inside tools/dns-sandbox/run.sh (with "search test").
// Expected from the API document, "DNS module", and shared/reference/beyond-the-document.md,
// "dns" (records {exchange, priority} and {priority, weight, port, name}, TXT as strings, ttl in
// seconds, cname the queried name without a CNAME and the in-addr.arpa name for reverse).
var dns = require("dns"), sys = require("sys");

var calls = [
  ['resolve("www.test")', function () { return dns.resolve("www.test"); }],
  ['resolve("www.test", "A")', function () { return dns.resolve("www.test", "A"); }],
  ['resolve("v6.test", "AAAA")', function () { return dns.resolve("v6.test", "AAAA"); }],
  ['resolve("mail.test", "MX")', function () { return dns.resolve("mail.test", "MX"); }],
  ['resolve("txt.test", "TXT")', function () { return dns.resolve("txt.test", "TXT"); }],
  ['resolve("_sip._tcp.test", "SRV")', function () { return dns.resolve("_sip._tcp.test", "SRV"); }],
  ['resolve("7.0.0.10.in-addr.arpa", "PTR")', function () { return dns.resolve("7.0.0.10.in-addr.arpa", "PTR"); }],
  ['resolve("dual.test", "aaaa")', function () { return dns.resolve("dual.test", "aaaa"); }],
  ['resolve4("two.test")', function () { return dns.resolve4("two.test"); }],
  ['resolve4("dual.test")', function () { return dns.resolve4("dual.test"); }],
  ['resolve6("dual.test")', function () { return dns.resolve6("dual.test"); }],
  ['resolveMx("mail.test")', function () { return dns.resolveMx("mail.test"); }],
  ['resolveTxt("txt.test")', function () { return dns.resolveTxt("txt.test"); }],
  ['resolveSrv("_sip._tcp.test")', function () { return dns.resolveSrv("_sip._tcp.test"); }],
  ['reverse("10.0.0.1")', function () { return dns.reverse("10.0.0.1"); }],
  ['reverse("10.0.0.7")', function () { return dns.reverse("10.0.0.7"); }],
  ['reverse("fd00::1")', function () { return dns.reverse("fd00::1"); }],
  ['resolve4("ttl.test")', function () { return dns.resolve4("ttl.test"); }],
  ['resolve4("alias.test")', function () { return dns.resolve4("alias.test"); }],
  ['resolve4("short.test")', function () { return dns.resolve4("short.test"); }],
  ['resolve4("www")', function () { return dns.resolve4("www"); }],
  ['resolve4("www.test.")', function () { return dns.resolve4("www.test."); }]
];

function next(i) {
  if (i === calls.length) return;
  var label = calls[i][0], promise = calls[i][1]();
  promise.addCallback(function (records, ttl, cname) {
    var sorted = records.map(function (r) { return JSON.stringify(r); }).sort();
    sys.puts(label + ": [" + sorted.join(",") + "] ttl " + JSON.stringify(ttl) +
             " cname " + JSON.stringify(cname));
    next(i + 1);
  });
  promise.addErrback(function (error, message) {
    sys.puts(label + " failed: " + message);
    next(i + 1);
  });
}
next(0);
