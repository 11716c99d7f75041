// What the dns module decides before any query is sent: its error codes (udns's numbers, as
// v0.1.27 exported them), an unknown record type (undefined: no promise, no exception, also
// for "xyz" in lower case), and reverse() of something that is not an IPv4 or IPv6 address
// (Error "Invalid IP address", thrown at once). No server is needed: nothing here asks one.
// Expected from shared/reference/beyond-the-document.md, "dns", and udns's dns_rcode values
// (DNS_E_TEMPFAIL -1 ... DNS_E_BADQUERY -6).
var dns = require("dns"), sys = require("sys");

["TEMPFAIL", "PROTOCOL", "NXDOMAIN", "NODATA", "NOMEM", "BADQUERY"].forEach(function (code) {
  sys.puts(code + " " + dns[code]);
});

["XYZ", "xyz", "CNAME", "NS", "ANY", "toString", "__proto__"].forEach(function (type) {
  sys.puts('resolve("www.test", ' + JSON.stringify(type) + "): " + typeof dns.resolve("www.test", type));
});

["junk", "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "::g", "fe80::1%lo", " 10.0.0.1", undefined, null, 42].forEach(function (ip) {
  try {
    dns.reverse(ip);
    sys.puts("reverse(" + JSON.stringify(ip) + ") did not throw");
  } catch (e) {
    sys.puts("reverse(" + JSON.stringify(ip) + "): " + (e instanceof Error) + " " + e.message);
  }
});
