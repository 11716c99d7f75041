// Every kind of query fails with the code named by the first argument, against a server that
// cannot answer: tests/tests/dns.rs runs this inside tools/dns-sandbox/run.sh with no server
// at all (TEMPFAIL once resolv.conf's timeout has passed) and with one that answers garbage
// (PROTOCOL).
// Expected from the API document's error codes ("TEMPFAIL: timeout, SERVFAIL or similar",
// "PROTOCOL: got garbled reply") and shared/reference/beyond-the-document.md, "dns".
var dns = require("dns"), sys = require("sys");

var code = process.argv[2];
var promises = [dns.resolve4("www.test"), dns.resolve6("v6.test"), dns.resolveMx("mail.test"),
                dns.resolveTxt("txt.test"), dns.resolveSrv("_sip._tcp.test"),
                dns.reverse("10.0.0.1"), dns.reverse("fd00::1")];
var failed = 0;
promises.forEach(function (promise, i) {
  promise.addCallback(function () { sys.puts("query " + i + " succeeded?"); });
  promise.addErrback(function (error, message) {
    if (error.errno === dns[code] && message === error.message) failed++;
    else sys.puts("query " + i + ": " + error.errno + " " + message);
  });
});
process.addListener("exit", function () {
  sys.puts(failed + " of " + promises.length + " failed with " + code);
});
