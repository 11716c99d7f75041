// With no "nameserver" line in resolv.conf, the resolver asks the server on this machine
// (127.0.0.1), as resolv.conf(5) says and glibc and udns did — never a public server.
// tests/tests/dns.rs runs this inside tools/dns-sandbox/run.sh -N -r "search test", whose
// resolv.conf has only the search line; dnsmasq listens on 127.0.0.1.
// Expected from the issue ("No hidden defaults that send queries elsewhere") and resolv.conf(5).
var dns = require("dns"), sys = require("sys");

dns.resolve4("www").addCallback(function (addresses, ttl, cname) {
  sys.puts(JSON.stringify(addresses) + " " + cname);
});
