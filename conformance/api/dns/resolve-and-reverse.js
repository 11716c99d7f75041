// conformance/run.sh runs this inside tools/dns-sandbox/run.sh (see conformance/README.md).
// The document's DNS example, verbatim: resolve www.google.com, then reverse each address. On
// the sandbox's private network dnsmasq answers for www.google.com (74.125.79.104, the first
// address the document shows for it, TTL 300) and its PTR record, so the example needs no
// network and prints the same every time.
// Expected output from: document, "DNS module" (the example's lines; addresses as strings) and
// the facts file, "dns" (ttl a number of seconds, cname the name the answer was for).
var dns = require("dns"),
    sys = require("sys");

var resolution = dns.resolve4("www.google.com");

resolution.addCallback(function (addresses, ttl, cname) {
  sys.puts("addresses: " + JSON.stringify(addresses));
  sys.puts("ttl: " + JSON.stringify(ttl));
  sys.puts("cname: " + JSON.stringify(cname));

  for (var i = 0; i < addresses.length; i++) {
    var a = addresses[i];
    var reversing = dns.reverse(a);
    reversing.addCallback( function (domains, ttl, cname) {
      sys.puts("reverse for " + a + ": " + JSON.stringify(domains));
    });
    reversing.addErrback( function (code, msg) {
      sys.puts("reverse for " + a + " failed: " + msg);
    });
  }
});

resolution.addErrback(function (code, msg) {
  sys.puts("error: " + msg);
});
