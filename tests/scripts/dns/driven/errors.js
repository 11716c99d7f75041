// Each failure the DNS server can cause, with udns's code and message: a name that does not
// exist (NXDOMAIN, also after the search list), a name without records of the type (NODATA:
// an A name asked for AAAA, a CNAME to such a name, and a name that exists only as completed
// from the search list), a server that refuses (TEMPFAIL: dnsmasq has no upstream for names
// outside test.), and a name no query can carry (BADQUERY: a label over 63 bytes). The errback
// gets an Error whose errno is the code, and its message again as a second argument, so the
// document's `function (code, msg)` errback prints the text.
// Run by tests/tests/dns.rs inside tools/dns-sandbox/run.sh (with "search test").
// Expected from shared/reference/beyond-the-document.md, "dns", and the API document's list of
// error codes.
var dns = require("dns"), sys = require("sys");

var long = new Array(65).join("x") + ".test";
var calls = [
  ["NXDOMAIN", 'resolve4("nope.test")', function () { return dns.resolve4("nope.test"); }],
  ["NXDOMAIN", 'resolveMx("nope")', function () { return dns.resolveMx("nope"); }],
  ["NXDOMAIN", 'reverse("10.9.9.9")', function () { return dns.reverse("10.9.9.9"); }],
  ["NODATA", 'resolve6("www.test")', function () { return dns.resolve6("www.test"); }],
  ["NODATA", 'resolve6("alias.test")', function () { return dns.resolve6("alias.test"); }],
  ["NODATA", 'resolveMx("www")', function () { return dns.resolveMx("www"); }],
  ["NODATA", 'resolve4("v6.test")', function () { return dns.resolve4("v6.test"); }],
  ["TEMPFAIL", 'resolve4("elsewhere.example")', function () { return dns.resolve4("elsewhere.example"); }],
  ["BADQUERY", "resolve4(a 64-byte label)", function () { return dns.resolve4(long); }]
];

function next(i) {
  if (i === calls.length) return documentErrback();
  var code = calls[i][0], label = calls[i][1], promise = calls[i][2]();
  promise.addCallback(function (records) {
    sys.puts(label + " succeeded? " + JSON.stringify(records));
    next(i + 1);
  });
  promise.addErrback(function (error, message) {
    sys.puts(label + ": " + (error instanceof Error) + " " + code + " " +
             (error.errno === dns[code]) + " " + JSON.stringify(error.message) + " " +
             (message === error.message));
    next(i + 1);
  });
}
next(0);

// The document's own errback, as the document wrote it.
function documentErrback() {
  dns.resolve4("nope.test").addErrback(function (code, msg) {
    sys.puts("error: " + msg);
  });
}
